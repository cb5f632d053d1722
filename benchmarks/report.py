"""What every benchmark prints first and how it formats its figures."""

from __future__ import annotations

import os
import shlex
import sys


def command_line() -> str:
    """The command this process was started with, as one would type it again."""
    words = [sys.executable, *sys.argv]
    if os.environ.get("QT_QPA_PLATFORM"):
        words.insert(0, f"QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']}")
    return "$ " + shlex.join(words)


def print_command_line() -> None:
    print(command_line(), flush=True)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def row(what: str, figure: str) -> None:
    """One of README's rows: what was measured, then the figure."""
    print(f"  {what:<96}  {figure}", flush=True)
