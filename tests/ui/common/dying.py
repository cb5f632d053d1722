"""Tasks for the worker process that end it, as a crash or the operating system would.

Qt-free and module-level, so the worker process can import them by name.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

EXIT_STATUS = 3


def die() -> None:
    os._exit(EXIT_STATUS)


def die_when(signal_file: str) -> None:
    """End the process once ``signal_file`` exists: a test queues other tasks behind this one first."""
    deadline = time.monotonic() + 120  # a broken test must not keep a process forever
    while not Path(signal_file).exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    os._exit(EXIT_STATUS)


def die_first_time(marker: str) -> int:
    """End the process the first time; every later time, answer with this process's id."""
    path = Path(marker)
    if not path.exists():
        path.touch()
        os._exit(EXIT_STATUS)
    return os.getpid()


def write_then_die(path: str, messages) -> None:
    """A child that leaves a temporary file beside its target and dies without reporting back."""
    target = Path(path)
    (target.parent / f".{target.name}.half.tmp").write_bytes(b"half")
    messages.put(("progress", "half"))
    os._exit(EXIT_STATUS)
