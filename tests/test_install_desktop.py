"""``scripts/dev install-desktop``: the menu entry, the icons and the file types, for this user only.

The script runs as the developer runs it, with HOME and the XDG folders
pointed at a temporary folder; the desktop's own tools then check what it
wrote: desktop-file-validate the entry, shared-mime-info (through Qt's
QMimeDatabase, as a file manager would) the file types, xdg-mime the default.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "nl.raadsakkoord.Raadsakkoord"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} ontbreekt (scripts/dev test installeert het)")
    return path


@pytest.fixture
def desktop_home(tmp_path):
    home = tmp_path / "thuis"
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / ".local" / "share"),
           "XDG_CONFIG_HOME": str(home / ".config"), "XDG_DATA_DIRS": "/usr/share",
           "XDG_CURRENT_DESKTOP": "X-Generic"}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    return home, env


def _install(env, *argv) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "install_desktop.py"), *argv], env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def test_the_entry_icons_and_file_types_are_registered_for_this_user(desktop_home, tmp_path):
    validate = _tool("desktop-file-validate")
    _tool("update-mime-database")
    _tool("xdg-mime")
    home, env = desktop_home
    program = tmp_path / "mijn programma's" / "raadsakkoord"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    done = _install(env, str(program))
    assert done.returncode == 0, done.stderr
    assert "ontbreekt" not in done.stderr and "mislukte" not in done.stderr, done.stderr
    share = home / ".local" / "share"
    entry = share / "applications" / f"{APP_ID}.desktop"
    checked = subprocess.run([validate, str(entry)], capture_output=True, text=True, check=False)
    assert checked.returncode == 0 and checked.stdout == "", checked.stdout + checked.stderr
    lines = entry.read_text(encoding="utf-8").splitlines()
    exec_line = next(line for line in lines if line.startswith("Exec="))
    # The Exec value, unquoted as a desktop would, starts the given program with the double-clicked file.
    assert shlex.split(exec_line.removeprefix("Exec=")) == [str(program), "%f"]
    assert "MimeType=application/x-raadsakkoord-workspace;application/x-raadsakkoord-package;" in lines
    for size in (16, 32, 48, 128, 256, 512):
        folder = share / "icons" / "hicolor" / f"{size}x{size}"
        assert (folder / "apps" / f"{APP_ID}.png").stat().st_size > 0
        assert (folder / "mimetypes" / "application-x-raadsakkoord-workspace.png").exists()
        assert (folder / "mimetypes" / "application-x-raadsakkoord-package.png").exists()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").exists()
    # shared-mime-info knows both types now, each with its own icon, as a file manager asks it.
    package = tmp_path / "GL-2026-03-01.rkpkg"
    package.write_text("{}", encoding="utf-8")
    workspace = tmp_path / "assen.raadsakkoord"
    workspace.write_bytes(b"SQLite format 3\x00" + bytes(100))
    probe = textwrap.dedent(f"""
        from PySide6.QtCore import QMimeDatabase
        db = QMimeDatabase()
        for path in ({str(package)!r}, {str(workspace)!r}):
            mime = db.mimeTypeForFile(path)
            print(mime.name(), mime.iconName())
    """)
    seen = subprocess.run([sys.executable, "-c", probe], env={**env, "QT_QPA_PLATFORM": "offscreen"},
                          capture_output=True, text=True, timeout=60, check=False)
    assert seen.stdout.split("\n")[:2] == [
        "application/x-raadsakkoord-package application-x-raadsakkoord-package",
        "application/x-raadsakkoord-workspace application-x-raadsakkoord-workspace"], seen.stderr
    # And Raadsakkoord opens them when double-clicked.
    for mime in ("application/x-raadsakkoord-package", "application/x-raadsakkoord-workspace"):
        default = subprocess.run(["xdg-mime", "query", "default", mime], env=env, capture_output=True, text=True,
                                 check=False)
        assert default.stdout.strip() == f"{APP_ID}.desktop", default.stderr


def test_a_program_that_is_not_there_is_refused_in_one_line(desktop_home, tmp_path):
    home, env = desktop_home
    done = _install(env, str(tmp_path / "bestaat-niet"))
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        f"install-desktop: {tmp_path / 'bestaat-niet'} is geen uitvoerbaar programma"]
    assert not (home / ".local").exists()
