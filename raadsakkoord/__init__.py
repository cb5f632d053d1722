"""Raadsakkoord: the core (no Qt). See ../shared/DESIGN.md for the map."""

__version__ = "0.1.0"
