"""A long write for the window's worker process, which stays unfinished until the test says so.

A module of its own, with few imports: the worker process imports it to run the task.
"""

from __future__ import annotations

import time
from pathlib import Path

from raadsakkoord import operations as ops
from raadsakkoord.store.workspace import open_workspace

UNFINISHED_CHAPTER = "Nooit vastgelegd"
SAFETY_LIMIT_S = 60  # never longer than this, should nobody end the process


def write_and_hold(target: str, started: str, release: str) -> str:
    """Add a chapter, say so through the file ``started``, and commit only once ``release`` exists."""
    workspace = open_workspace(target)
    try:
        with workspace.action() as session:
            ops.add_chapter(session, ops.Actor.griffie("Trage taak"), title=UNFINISHED_CHAPTER)
            session.flush()
            Path(started).touch()
            deadline = time.monotonic() + SAFETY_LIMIT_S
            while not Path(release).exists() and time.monotonic() < deadline:
                time.sleep(0.05)
        return "vastgelegd"
    finally:
        workspace.close()
