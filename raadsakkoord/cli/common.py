"""CLI sub-commands (see raadsakkoord.cli)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def in_workspace(target: str, action: Callable[..., T], *, create: bool = False) -> T:
    """Open the workspace, run one action in one transaction, close it again."""
    from raadsakkoord.store.workspace import open_workspace

    workspace = open_workspace(target, create=create)
    try:
        with workspace.action() as session:
            return action(session)
    finally:
        workspace.close()
