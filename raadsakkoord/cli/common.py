"""What the CLI's commands share: one transaction per command, and output a terminal cannot be steered by."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from typing import TypeVar

from raadsakkoord.base.text import shown

T = TypeVar("T")

# What json.dumps(ensure_ascii=False) leaves as it is but a terminal would
# obey or reorder: DEL, C1 and the bidirectional overrides and isolates.
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def in_workspace(target: str, action: Callable[..., T], *, create: bool = False) -> T:
    """Open the workspace, run one action in one transaction, close it again."""
    from raadsakkoord.store.workspace import open_workspace

    workspace = open_workspace(target, create=create)
    try:
        with workspace.action() as session:
            return action(session)
    finally:
        workspace.close()


def say(text: str = "") -> None:
    """A line (or lines) on stdout. Every command prints through here, as names and titles come
    from workspaces and packages of others: escape sequences in them are shown, not obeyed."""
    print(shown(text))


def warn(text: str) -> None:
    """One line on stderr, prefixed with the program's name; safe like ``say``."""
    print(shown(f"raadsakkoord: {text}"), file=sys.stderr, flush=True)


def say_json(value) -> None:
    """``value`` as JSON on stdout, for scripts: every string exact, but escaped where a terminal would act on it."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    print(_JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text))
