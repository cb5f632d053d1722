"""Raadsakkoord: the core (no Qt): base, diffing, model, store, queries, importing, export, operations, exchange, jobs, cli."""

__version__ = "0.1.0"
