"""Register Raadsakkoord with the Linux desktop of the current user: menu entry, icons, file types.

    python scripts/install_desktop.py [PROGRAM]

PROGRAM is the ``raadsakkoord`` command the menu entry starts (``scripts/dev
install-desktop`` passes the one in its virtual environment); without it,
``raadsakkoord`` on the PATH. Everything goes under ``$XDG_DATA_HOME``
(normally ``~/.local/share``), so no administrator is needed: the entry in
``applications/``, the file types in ``mime/packages/``, the icons in
``icons/hicolor/``. Then the desktop's caches are brought up to date and
Raadsakkoord becomes the program that opens workspaces (``.raadsakkoord``)
and packages (``.rkpkg``), with the tools that are there; a double-clicked
package opens the import preview.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
APP_ID = "nl.raadsakkoord.Raadsakkoord"
MIME_TYPES = {"application/x-raadsakkoord-workspace": "raadsakkoord-workspace",
              "application/x-raadsakkoord-package": "raadsakkoord-package"}
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def exec_line(program: str) -> str:
    """The desktop entry's Exec value: the program, quoted as the Desktop Entry specification asks."""
    if any(c in program for c in " \t\"'\\$`<>|&;*?#()~"):
        escaped = "".join("\\" + c if c in '"`$\\' else c for c in program)
        program = f'"{escaped}"'
    return f"{program} %f"


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def install(program: str) -> list[Path]:
    """Copy the entry, the file types and the icons; returns what was written."""
    home = data_home()
    written = []
    entry = (RESOURCES / "desktop" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    entry = "".join(f"Exec={exec_line(program)}\n" if line.startswith("Exec=") else line
                    for line in entry.splitlines(keepends=True))
    target = home / "applications" / f"{APP_ID}.desktop"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(entry, encoding="utf-8")
    written.append(target)
    target = home / "mime" / "packages" / f"{APP_ID}.xml"
    _copy(RESOURCES / "desktop" / "raadsakkoord-mime.xml", target)
    written.append(target)
    icons = RESOURCES / "icons"
    themed = {("apps", APP_ID): "raadsakkoord"}
    themed.update({("mimetypes", mime.replace("/", "-")): name for mime, name in MIME_TYPES.items()})
    for (context, icon_name), source in themed.items():
        for size in SIZES:
            target = home / "icons" / "hicolor" / f"{size}x{size}" / context / f"{icon_name}.png"
            _copy(icons / "png" / f"{source}-{size}.png", target)
            written.append(target)
        target = home / "icons" / "hicolor" / "scalable" / context / f"{icon_name}.svg"
        _copy(icons / f"{source}.svg", target)
        written.append(target)
    return written


def _run(*command: str) -> None:
    """Run a desktop tool when it is installed; its absence or failure is said, not fatal."""
    if shutil.which(command[0]) is None:
        print(f"install-desktop: {command[0]} ontbreekt; overgeslagen", file=sys.stderr)
        return
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        print(f"install-desktop: {' '.join(command)} mislukte: {done.stderr.strip()}", file=sys.stderr)


def refresh_caches() -> None:
    home = data_home()
    _run("update-mime-database", str(home / "mime"))
    _run("update-desktop-database", str(home / "applications"))
    if (home / "icons" / "hicolor" / "index.theme").exists():
        _run("gtk-update-icon-cache", "--quiet", str(home / "icons" / "hicolor"))
    _run("xdg-mime", "default", f"{APP_ID}.desktop", *MIME_TYPES)


def main(argv: list[str]) -> int:
    program = argv[0] if argv else "raadsakkoord"
    if argv and not os.access(program, os.X_OK):
        print(f"install-desktop: {program} is geen uitvoerbaar programma", file=sys.stderr)
        return 2
    written = install(program)
    refresh_caches()
    print(f"Raadsakkoord is aangemeld bij het bureaublad: {len(written)} bestanden in {data_home()}.")
    print("Dubbelklik een .raadsakkoord-werkruimte of een .rkpkg-pakket om het in Raadsakkoord te openen.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
