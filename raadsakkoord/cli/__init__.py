"""The ``raadsakkoord`` command.

Each command lives in a module with a ``register(subparsers)`` function that
adds its parser and sets ``handler`` (``args -> int``). Qt is imported only by
the ``gui`` command, so the other commands start fast and run without a display.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
import importlib
import os
import sys

from raadsakkoord.base import i18n
from raadsakkoord.base.errors import UserError
from raadsakkoord.base.i18n import tr

# Modules that contribute sub-commands, in the order they appear in --help.
COMMAND_MODULES = [
    "raadsakkoord.cli.workspace",
    "raadsakkoord.cli.diffing",
    "raadsakkoord.cli.packages",
    "raadsakkoord.cli.readability",
    "raadsakkoord.cli.export",
]

GUI_ALIASES = {"gui"}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="raadsakkoord",
        description=tr("Samen een raadsakkoord schrijven. Zonder opdracht opent de applicatie."),
    )
    sub = parser.add_subparsers(dest="command", metavar=tr("OPDRACHT"))
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None, *, open_window: Callable[..., int] | None = None) -> int:
    """Run one command; ``open_window(workspace, demo=…)`` opens the application for ``gui``."""
    argv = list(sys.argv[1:] if argv is None else argv)
    i18n.language_from_environment()  # before the parser: its help texts are translated too
    parser = build_parser()
    # `raadsakkoord` and `raadsakkoord WORKSPACE` open the application.
    known = set(parser._subparsers._group_actions[0].choices)  # noqa: SLF001 - argparse has no public accessor
    if not argv or (argv[0] not in known and not argv[0].startswith("-")):
        argv = ["gui", *argv]
    parser.set_defaults(open_window=open_window)
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except UserError as exc:
        print(f"raadsakkoord: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"raadsakkoord: {tr('afgebroken')}", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`raadsakkoord info … | head`): not an error of ours.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keep Python's exit flush quiet
        return 0
