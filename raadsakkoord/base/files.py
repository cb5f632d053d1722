"""Reading files within a limit, and writing them all or nothing.

Every file the application writes (an export, a package, a public key, a
chart) is written to a temporary file beside the target and renamed into
place, so a failure (a full disk, a bug, Ctrl-C, a killed process) never
leaves a truncated file that looks like the real thing.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

from raadsakkoord.base.errors import InputError, os_reason
from raadsakkoord.base.i18n import tr


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


def _create_beside(target: Path) -> Path:
    """A new, empty temporary file beside ``target``, with the mode an ordinary new file gets.

    Created with mode 0o666 so the kernel applies the user's umask, as for any
    document: reading the umask would mean changing it, and that is a
    process-wide setting that other threads may be using.
    """
    for _ in range(100):
        temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        return temp
    raise FileExistsError(target)


@contextlib.contextmanager
def replaced_on_success(path: str | Path) -> Iterator[Path]:
    """A new temporary file beside ``path`` to write; renamed to ``path`` when the block succeeds.

    Raises OSError; ``atomic_path`` is the same with the checks and messages of an export.
    """
    target = Path(path)
    temp = _create_beside(target)
    try:
        yield temp
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary path to write; renamed to ``path`` when the block succeeds and wrote something."""
    target = check_target(path)
    try:
        with replaced_on_success(target) as temp:
            yield temp
            if not temp.exists() or temp.stat().st_size == 0:
                raise InputError(tr("{path} kon niet worden geschreven; er is niets geschreven.").format(
                    path=target))
    except OSError as exc:  # access() can say yes where creating says no (ACLs, NFS, /sys)
        raise InputError(_unwritable(target, exc)) from None


def _unwritable(target: Path, exc: OSError) -> str:
    return tr("{path} kon niet worden geschreven: {reason}; er is niets geschreven.").format(
        path=target, reason=os_reason(exc))


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole, flushed to disk before it takes the name."""
    with atomic_path(path) as temp, open(temp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def read_file_limited(path: str, limit: int) -> bytes:
    """The bytes of a file no larger than ``limit``, or one clear refusal."""
    file = Path(path)
    if not file.is_file():
        raise InputError(tr("bestand niet gevonden: {path}").format(path=path))
    if file.stat().st_size > limit:
        raise InputError(tr("{path} is te groot ({size} MiB); het is niet ingelezen.").format(
            path=path, size=file.stat().st_size // 2**20))
    try:
        return file.read_bytes()
    except OSError as exc:
        raise InputError(tr("{path} kan niet worden gelezen: {reason}").format(
            path=path, reason=os_reason(exc))) from None
