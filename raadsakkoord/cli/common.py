"""What the CLI's commands share: one transaction per command, and output a terminal cannot be steered by."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from raadsakkoord.base.i18n import tr
from raadsakkoord.base.text import shown

if TYPE_CHECKING:
    from raadsakkoord.store.workspace import Workspace

T = TypeVar("T")

# What json.dumps(ensure_ascii=False) leaves as it is but a terminal would
# obey or reorder: DEL, C1 and the bidirectional overrides and isolates.
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def ask_password(question: str) -> str:
    """A password: typed on the terminal without echo, or the first line of stdin from a script."""
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        try:
            return getpass.getpass(f"{question} ")
        except EOFError:
            return ""
    line = sys.stdin.readline() if sys.stdin is not None else ""
    return line.rstrip("\r\n")


def open_target(target: str, *, create: bool = False) -> Workspace:
    """Open a workspace; a database that asks for the password the URL left out gets it from the person."""
    from raadsakkoord.store.workspace import PasswordNeeded, open_workspace, url_with_password

    try:
        return open_workspace(target, create=create)
    except PasswordNeeded as exc:
        password = ask_password(tr("{question} Wachtwoord:").format(question=exc.message))
        if not password:
            raise
        return open_workspace(url_with_password(target, password), create=create)


def in_workspace(target: str, action: Callable[..., T], *, create: bool = False) -> T:
    """Open the workspace, run one action in one transaction, close it again."""
    workspace = open_target(target, create=create)
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
