"""The frame around the work: start-up, the main window, its navigator and section pane, and opening workspaces."""
