"""Pieces every place of the window shares: the open workspace, messages to the user, background work, HTML rendering, small models."""
