"""Writing an export: all or nothing.

Each writer writes a temporary file beside the target and renames it into
place, so a failure (a full disk, a bug, Ctrl-C) never leaves a truncated
file that looks like an export.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from raadsakkoord.errors import InputError, os_reason
from raadsakkoord.i18n import tr


def check_target(path: str | Path) -> Path:
    """Refuse a target that cannot be written before any work is done."""
    target = Path(path)
    if target.is_dir():
        raise InputError(tr("{path} is een map; geef een bestandsnaam op.").format(path=target))
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(tr("De map {folder} bestaat niet; er is niets geschreven.").format(folder=folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InputError(tr("In de map {folder} mag niet worden geschreven; er is niets geschreven.").format(
            folder=folder))
    if target.exists() and not target.is_file():
        raise InputError(tr("{path} is geen gewoon bestand; er is niets geschreven.").format(path=target))
    if target.exists() and not os.access(target, os.W_OK):
        raise InputError(tr("{path} is alleen-lezen; er is niets geschreven.").format(path=target))
    return target


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary path to write; renamed to ``path`` when the block succeeds."""
    target = check_target(path)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:  # access() can say yes where creating says no (ACLs, NFS, /sys)
        raise InputError(_unwritable(target, exc)) from None
    os.close(fd)
    temp = Path(name)
    try:
        yield temp
        if not temp.exists() or temp.stat().st_size == 0:
            raise InputError(tr("{path} kon niet worden geschreven; er is niets geschreven.").format(path=target))
        # mkstemp makes the file private; an export is an ordinary document.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)
        os.replace(temp, target)
    except OSError as exc:
        raise InputError(_unwritable(target, exc)) from None
    finally:
        temp.unlink(missing_ok=True)


def _unwritable(target: Path, exc: OSError) -> str:
    return tr("{path} kon niet worden geschreven: {reason}; er is niets geschreven.").format(
        path=target, reason=os_reason(exc))


def write_atomic(path: str | Path, data: bytes) -> None:
    with atomic_path(path) as temp:
        temp.write_bytes(data)
