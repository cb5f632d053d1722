"""The demo workspace: the (illustrative) raadsakkoord of Assen, 2026–2030."""

from raadsakkoord.demo.build import build_demo, create_demo_workspace

__all__ = ["build_demo", "create_demo_workspace"]
