"""Files in and out of the window: packages sent and read in, and exports."""
