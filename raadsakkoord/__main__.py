"""The ``raadsakkoord`` program: the window or the command line.

The top of the house: the only module that knows both. The command line
never imports the window (so it runs without Qt and without a display), and
the window never imports the command line; the ``gui`` command is handed the
way to open the window from here.
"""

from __future__ import annotations

import sys


def open_window(workspace: str | None, *, demo: bool = False) -> int:
    from ui.shell.app import run  # Qt is only imported here

    return run(workspace, demo=demo)


def main(argv: list[str] | None = None) -> int:
    if getattr(sys, "frozen", False):
        # In the bundle the worker process for imports and publishing is this
        # same executable, started with multiprocessing's own arguments: it
        # must become the worker here, before the command line reads them.
        # (Unfrozen, freeze_support does nothing, and multiprocessing is not
        # worth importing for every command.)
        import multiprocessing

        multiprocessing.freeze_support()
    from raadsakkoord.cli import main as command_line

    return command_line(argv, open_window=open_window)


if __name__ == "__main__":
    raise SystemExit(main())
