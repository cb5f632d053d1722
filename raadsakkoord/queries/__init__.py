"""Read models: what the window, the exports and the command line show, read in a few bulk queries and never written."""
