"""Reading files within a limit, and writing them all or nothing.

Every file the application writes (an export, a package, a public key, a
chart) is written to a temporary file beside the target and renamed into
place, so a failure (a full disk, a bug, Ctrl-C, a killed process) never
leaves a truncated file that looks like the real thing. Before that, the
target is checked (``check_target``): a workspace or a private key is never
overwritten, and a file that is not an export of the same kind only when
the user says so.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from raadsakkoord.base.errors import InputError, os_reason
from raadsakkoord.base.i18n import mark, tr


def check_target(path: str | Path, *, kind: str | None = None, force: bool = False,
                 protect: Iterable[str | Path] = ()) -> Path:
    """Refuse a target that cannot or must not be written, before any work is done.

    A workspace (any SQLite database, or the -wal, -shm or -journal file
    beside one), a file that is one of ``protect`` (the open workspace; also
    reached through a link or another path) and a private key are never
    overwritten, not even with ``force``: they hold what no export can give
    back. An existing file that is not an export of ``kind`` (see
    ``EXPORT_KINDS``: another format, a package, a key, a document of the
    user's own) is overwritten only with ``force``, which the window sets
    once the user has said yes to replacing it.
    """
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
    if not target.exists():
        return target
    found = what_is(target, protect)
    if found in (WORKSPACE, PRIVATE_KEY):
        raise InputError(tr(_NEVER_OVERWRITTEN[found]).format(path=target))
    if kind is not None and not force and not looks_like_export(target, kind):
        export = EXPORT_KINDS[kind]
        if found == export.holds:
            raise InputError(tr(
                "{path} bestaat al en heeft niet de naam van een {kind} (die eindigt op {extension}); er is niets "
                "overschreven. Kies een andere bestandsnaam, of geef --force om het toch te vervangen."
            ).format(path=target, kind=tr(export.name), extension=export.extensions[0]))
        raise InputError(tr(
            "{path} bestaat al en is geen {kind} van Raadsakkoord, maar {found}; er is niets overschreven. "
            "Kies een andere bestandsnaam, of geef --force om het toch te vervangen."
        ).format(path=target, kind=tr(export.name), found=tr(_FOUND[found])))
    if not os.access(target, os.W_OK):
        raise InputError(tr("{path} is alleen-lezen; er is niets geschreven.").format(path=target))
    return target


@dataclass(frozen=True)
class ExportKind:
    """What a file the application writes looks like: its name's extensions, and what it holds."""

    name: str  # marked for tr(), as it is shown in messages
    extensions: tuple[str, ...]
    holds: str  # one of the kinds ``what_is`` tells apart


WORKSPACE, PRIVATE_KEY, PACKAGE, PUBLIC_KEY = "workspace", "private key", "package", "public key"
PDF, ZIP, PNG, TEXT, EMPTY, OTHER = "pdf", "zip", "png", "text", "empty", "other"

EXPORT_KINDS = {
    "pdf": ExportKind(mark("PDF"), (".pdf",), PDF),
    "docx": ExportKind(mark("Word-document"), (".docx",), ZIP),
    "odt": ExportKind(mark("OpenDocument-tekst"), (".odt",), ZIP),
    "md": ExportKind(mark("Markdown-tekst"), (".md", ".markdown", ".txt"), TEXT),
    "html": ExportKind(mark("webpagina"), (".html", ".htm"), TEXT),
    "csv": ExportKind(mark("CSV-bestand"), (".csv",), TEXT),
    "ics": ExportKind(mark("agendabestand"), (".ics",), TEXT),
    "rkpkg": ExportKind(mark("pakket"), (".rkpkg",), PACKAGE),
    "key": ExportKind(mark("openbare sleutel"), (".json", ".pub"), PUBLIC_KEY),
    "png": ExportKind(mark("PNG-afbeelding"), (".png",), PNG),
}

_NEVER_OVERWRITTEN = {
    WORKSPACE: mark("{path} is een werkruimte of een ander gegevensbestand; die wordt nooit overschreven. Er is niets "
                    "geschreven; kies een andere bestandsnaam."),
    PRIVATE_KEY: mark("{path} is een geheime sleutel; die wordt nooit overschreven. Er is niets geschreven; "
                      "kies een andere bestandsnaam."),
}
_FOUND = {
    PACKAGE: mark("een pakket"), PUBLIC_KEY: mark("een sleutelbestand"), PDF: mark("een PDF"),
    ZIP: mark("een Word-, OpenDocument- of zipbestand"), PNG: mark("een afbeelding"), TEXT: mark("een tekstbestand"),
    OTHER: mark("een ander soort bestand"),
}
_SQLITE = b"SQLite format 3\x00"
_SQLITE_WAL = (b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")
_SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")
_HEAD = 4096


def what_is(path: str | Path, protect: Iterable[str | Path] = ()) -> str:
    """What an existing file holds, told by its bytes: a workspace, a key, a package, text, …"""
    target = Path(path)
    for protected in protect:
        for companion in ("", *_SQLITE_COMPANIONS):
            if _same_file(target, Path(f"{protected}{companion}")):
                return WORKSPACE
    head = _head(target)
    if head.startswith(_SQLITE) or head.startswith(_SQLITE_WAL):
        return WORKSPACE
    for companion in _SQLITE_COMPANIONS:
        if target.name.endswith(companion) and _head(target.with_name(target.name[:-len(companion)])).startswith(
                _SQLITE):
            return WORKSPACE
    if b"-----BEGIN" in head and b"PRIVATE KEY-----" in head:
        return PRIVATE_KEY
    if not head:
        return EMPTY
    if head.startswith(b'{"content":') or target.suffix.lower() == ".rkpkg":
        return PACKAGE
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"PK\x03\x04"):
        return ZIP
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if b"\x00" in head:
        return OTHER
    text = head.decode("utf-8", "ignore")
    if text.lstrip().startswith("{") and '"raadsakkoord-public-key"' in text:
        return PUBLIC_KEY
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 3:  # a character cut off by the end of what was read is no reason
            return OTHER
    return TEXT


def looks_like_export(path: str | Path, kind: str) -> bool:
    """Whether an existing file may be replaced by an export of ``kind`` without asking: it is one already."""
    target = Path(path)
    export = EXPORT_KINDS[kind]
    found = what_is(target)
    return found == EMPTY or (target.suffix.lower() in export.extensions and found == export.holds)


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(_HEAD)
    except OSError:
        return b""


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


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
def atomic_path(path: str | Path, **check) -> Iterator[Path]:
    """A temporary path to write; renamed to ``path`` when the block succeeds and wrote something.

    ``check`` goes to ``check_target`` (``kind``, ``force``, ``protect``).
    """
    target = check_target(path, **check)
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


def write_atomic(path: str | Path, data: bytes, **check) -> None:
    """Write ``data`` to ``path`` whole, flushed to disk before it takes the name; ``check`` as for ``atomic_path``."""
    with atomic_path(path, **check) as temp, open(temp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


# A Markdown text a user picks (a draft, a text to compare): the text of 1,000 sections is a few MB.
MAX_TEXT_FILE = 32 * 1024 * 1024


def read_file_limited(path: str | Path, limit: int) -> bytes:
    """The bytes of a file no larger than ``limit``, or one clear refusal.

    At most one byte more than the limit is read, whatever the file's size
    says: a file may grow while it is read, and some report no size at all.
    """
    file = Path(path)
    if not file.is_file():
        raise InputError(tr("bestand niet gevonden: {path}").format(path=path))
    try:
        with file.open("rb") as handle:
            data = handle.read(limit + 1)
        size = max(file.stat().st_size, len(data))
    except OSError as exc:
        raise InputError(tr("{path} kan niet worden gelezen: {reason}").format(
            path=path, reason=os_reason(exc))) from None
    if len(data) > limit:
        raise InputError(tr("{path} is te groot ({size} MiB); het is niet ingelezen.").format(
            path=path, size=size // 2**20))
    return data
