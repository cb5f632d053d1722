"""The code runs on Windows and macOS too: nothing uses a POSIX-only (or Windows-only) module or call unguarded.

Read from the source with ``ast`` like ``test_architecture.py``, so a module
imported only on one platform is checked on every platform. An import or call
is guarded when it sits under an ``if`` that asks ``sys.platform``,
``os.name`` or ``hasattr``, or in a ``try`` that catches the ImportError (or
AttributeError) it would raise elsewhere. The tests themselves are held to
the same rule: they run on a Windows developer's machine too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("raadsakkoord", "ui", "tests", "benchmarks", "scripts")

POSIX_ONLY = {"pwd", "grp", "fcntl", "resource", "termios", "tty", "pty", "posix", "crypt", "spwd", "nis",
              "syslog", "curses", "readline", "_posixsubprocess", "posix_ipc"}
WINDOWS_ONLY = {"msvcrt", "winreg", "_winapi", "winsound", "nt", "_overlapped"}
# Functions of os that exist on one platform only.
OS_ONE_PLATFORM = {"getuid", "geteuid", "getgid", "getegid", "getgroups", "chown", "lchown", "fchown", "fork",
                   "forkpty", "killpg", "getpgid", "setsid", "setuid", "setgid", "sync", "statvfs",
                   "getloadavg", "startfile"}
GUARD_ERRORS = {"ImportError", "ModuleNotFoundError", "AttributeError", "Exception", "BaseException"}


def _sources() -> list[Path]:
    found = []
    for folder in FOLDERS:
        found += sorted(p for p in (ROOT / folder).rglob("*.py") if ".venv" not in p.parts)
    return found


def _asks_the_platform(test: ast.expr) -> bool:
    for node in ast.walk(test):
        if isinstance(node, ast.Attribute) and (node.attr == "platform" or node.attr == "name") \
                and isinstance(node.value, ast.Name) and node.value.id in ("sys", "os"):
            return True
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "hasattr":
            return True
    return False


def _catches(handler: ast.ExceptHandler) -> bool:
    if handler.type is None:
        return True
    names = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(isinstance(n, ast.Name) and n.id in GUARD_ERRORS for n in names)


def _guarded(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    child, parent = node, parents.get(node)
    while parent is not None:
        if isinstance(parent, ast.If | ast.IfExp) and _asks_the_platform(parent.test):
            return True
        if isinstance(parent, ast.BoolOp) and isinstance(parent.op, ast.And) and any(
                _asks_the_platform(value) for value in parent.values[:parent.values.index(child)]):
            return True
        if isinstance(parent, ast.Try) and child in parent.body and any(_catches(h) for h in parent.handlers):
            return True
        child, parent = parent, parents.get(parent)
    return False


def one_platform_uses(source: str) -> list[str]:
    """Each unguarded use of a one-platform module or os function, as ``line: what``."""
    tree = ast.parse(source)
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name.split(".")[0] for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level:
            names = [(node.module or "").split(".")[0]]
        elif (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "os"
              and node.attr in OS_ONE_PLATFORM):
            names = [f"os.{node.attr}"]
        else:
            continue
        for name in names:
            if (name in POSIX_ONLY or name in WINDOWS_ONLY or name.startswith("os.")) and not _guarded(node, parents):
                found.append(f"{node.lineno}: {name}")
    return found


@pytest.mark.parametrize("path", _sources(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_unguarded_one_platform_code(path):
    found = one_platform_uses(path.read_text(encoding="utf-8"))
    assert not found, f"{path.relative_to(ROOT)}: {found}"


def test_the_walk_found_the_code():
    assert len(_sources()) > 250


def test_a_guard_is_recognised_and_its_absence_is_not():
    assert one_platform_uses("import pwd\n") == ["1: pwd"]
    assert one_platform_uses("def f():\n    from fcntl import flock\n") == ["2: fcntl"]
    assert one_platform_uses("import os\nx = os.geteuid()\n") == ["2: os.geteuid"]
    assert one_platform_uses("import sys\nif sys.platform != 'win32':\n    import fcntl\n") == []
    assert one_platform_uses("try:\n    import msvcrt\nexcept ImportError:\n    msvcrt = None\n") == []
    assert one_platform_uses("import os\nroot = hasattr(os, 'geteuid') and os.geteuid() == 0\n") == []
    # A try whose handlers would not catch the missing module is no guard.
    assert one_platform_uses("try:\n    import grp\nexcept KeyError:\n    pass\n") == ["2: grp"]
