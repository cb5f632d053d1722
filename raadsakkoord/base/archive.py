"""Reading a zip archive that a user picked (a Word or OpenDocument file) within limits.

A zip member can unpack to a thousand times its packed size, and its header
may lie about that size. So the number of members and the size of the
central directory are checked before it is parsed, every member's stated
size before it is opened, and every member is read in small pieces while its
real bytes are counted: a member that unpacks beyond its stated size or the
limit is refused at that moment, and memory never holds more than the limit.
"""

from __future__ import annotations

import copy
import struct
import zipfile
import zlib
from typing import BinaryIO

from raadsakkoord.base.errors import InputError
from raadsakkoord.base.i18n import tr

MAX_MEMBERS = 5000  # a Word file holds tens of parts; a few thousand images is already far beyond a draft
MAX_DIRECTORY = 4 * 1024 * 1024  # the list of members, read whole by zipfile before anything else
CHUNK = 64 * 1024

_END = b"PK\x05\x06"
_END64_LOCATOR = b"PK\x06\x07"
_END64 = b"PK\x06\x06"
_END_SIZE = 22


class ArchiveRefused(InputError):
    """A zip archive that is beyond a limit or damaged; nothing of it was used."""


class BoundedZip:
    """A zip archive whose members are read within ``member_limit`` each and ``total_limit`` together.

    ``source`` names the file in messages. The archive is read from
    ``handle``, which stays open and unchanged for the caller (e.g. to give
    to another reader after ``check_all``).
    """

    def __init__(self, handle: BinaryIO, source: str, *, member_limit: int, total_limit: int):
        self.source = source
        self.member_limit = member_limit
        try:
            entries, directory = _directory_size(handle)
            if entries > MAX_MEMBERS or directory > MAX_DIRECTORY:
                raise self._too_many()
            handle.seek(0)
            self.archive = zipfile.ZipFile(handle)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, struct.error, ValueError):
            raise self._damaged() from None
        self.infos = {info.filename: info for info in self.archive.infolist()}
        if len(self.archive.infolist()) > MAX_MEMBERS:
            raise self._too_many()
        total = 0
        for info in self.archive.infolist():
            total += info.file_size
            if info.file_size > member_limit or total > total_limit:
                raise self._too_big()

    def names(self) -> set[str]:
        return set(self.infos)

    def read(self, name: str, limit: int | None = None) -> bytes:
        """The member's bytes, refused the moment they pass its stated size or ``limit``."""
        return b"".join(self._chunks(self.infos[name], self.member_limit if limit is None else limit))

    def check_all(self) -> None:
        """Unpack every member once, keeping nothing, so a reader that trusts the stated sizes may follow."""
        for info in self.infos.values():
            for _chunk in self._chunks(info, self.member_limit):
                pass

    def _chunks(self, info: zipfile.ZipInfo, limit: int):
        if info.file_size > limit:
            raise self._too_big()
        # zipfile unpacks up to the stated size, and all of it in one go when
        # asked for everything; a copy that states one byte more than allowed
        # lets it stop right past the limit, and small reads keep each step small.
        probe = copy.copy(info)
        probe.file_size = min(info.file_size, limit) + 1
        count = 0
        try:
            with self.archive.open(probe) as member:
                while chunk := member.read(CHUNK):
                    count += len(chunk)
                    if count > limit:
                        raise self._too_big()
                    if count > info.file_size:
                        raise self._damaged()
                    yield chunk
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError):
            raise self._damaged() from None
        if count != info.file_size:
            raise self._damaged()

    def _too_big(self) -> ArchiveRefused:
        return ArchiveRefused(tr("{source} bevat een onderdeel dat uitgepakt groter is dan Raadsakkoord kan "
                                 "inlezen (hoogstens {limit} MB); er is niets geïmporteerd.").format(
            source=self.source, limit=self.member_limit // (1024 * 1024)))

    def _too_many(self) -> ArchiveRefused:
        return ArchiveRefused(tr("{source} bestaat uit meer dan {count} onderdelen; zo'n document kan "
                                 "Raadsakkoord niet inlezen. Er is niets geïmporteerd.").format(
            source=self.source, count=MAX_MEMBERS))

    def _damaged(self) -> ArchiveRefused:
        return ArchiveRefused(tr("{source} is beschadigd of onvolledig en kan niet worden gelezen; "
                                 "er is niets geïmporteerd.").format(source=self.source))


def _directory_size(handle: BinaryIO) -> tuple[int, int]:
    """The number of members and the size of the central directory, as the end of the archive states them."""
    handle.seek(0, 2)
    size = handle.tell()
    tail_size = min(size, _END_SIZE + 0xFFFF + 20)  # the end record, its comment, a zip64 locator before it
    handle.seek(size - tail_size)
    tail = handle.read(tail_size)
    at = tail.rfind(_END)
    if at < 0 or len(tail) - at < _END_SIZE:
        raise zipfile.BadZipFile
    entries, directory = struct.unpack("<HL", tail[at + 10:at + 16])
    if at >= 20 and tail[at - 20:at - 16] == _END64_LOCATOR:
        # A zip64 archive keeps its real counts in a record of its own.
        (offset,) = struct.unpack("<Q", tail[at - 12:at - 4])
        handle.seek(offset)
        record = handle.read(56)
        if record[:4] != _END64 or len(record) < 56:
            raise zipfile.BadZipFile
        entries, directory = struct.unpack("<QQ", record[32:48])
    return entries, directory
