"""Refusing zip bombs in a Word or OpenDocument import: the time and the peak memory it takes.

    .venv/bin/python benchmarks/bench_zip_bomb.py

Builds, in a temporary folder, documents whose one part unpacks to 1 GiB of
zeros (about 1 MiB on disk): a Word file's ``_rels/.rels``, an OpenDocument
file's ``mimetype``, and a Word file whose ``word/document.xml`` says it
holds 1,000 bytes but unpacks to 1 GiB (its header lies). Each is given to
``read_document`` as the import does; the peak is what tracemalloc counts
(every Python allocation, the unpacked bytes included).

Prints its command line, then per document the time to refuse it, the peak
memory, and the first words of the message.
"""

from __future__ import annotations

import struct
import sys
import tempfile
import time
import tracemalloc
import zipfile
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import print_command_line, row  # noqa: E402

from raadsakkoord.base.errors import InputError  # noqa: E402
from raadsakkoord.importing.office import read_document  # noqa: E402

# Loaded now, so that the figures are of the refusal, not of importing python-docx and lxml.
import raadsakkoord.importing.office.docx_reader  # noqa: E402
import raadsakkoord.importing.office.odt_reader  # noqa: E402

BOMB = 1024  # MiB of zeros
DOCX = {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>", "_rels/.rels": "<Relationships/>"}
ODT = {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office:document-content/>"}


def build(path: Path, parts: dict[str, str], bomb: str) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            if name != bomb:
                archive.writestr(name, text)
        info = zipfile.ZipInfo(bomb)
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w") as member:
            piece = bytes(1024 * 1024)
            for _ in range(BOMB):
                member.write(piece)


def lie(path: Path, name: str, stated: int) -> None:
    """State ``stated`` bytes (and their checksum) for ``name`` in both of its headers."""
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(name)
    data = bytearray(path.read_bytes())
    crc = zlib.crc32(bytes(stated))
    struct.pack_into("<LLL", data, info.header_offset + 14, crc, info.compress_size, stated)
    entry = data.index(b"PK\x01\x02")  # the central directory's entries, in turn
    while data[entry + 46:entry + 46 + len(name)] != name.encode():
        entry = data.index(b"PK\x01\x02", entry + 4)
    struct.pack_into("<LLL", data, entry + 16, crc, info.compress_size, stated)
    path.write_bytes(bytes(data))


def measure(path: Path) -> None:
    tracemalloc.start()
    started = time.perf_counter()
    try:
        read_document(path)
        message = "(not refused)"
    except InputError as exc:
        message = exc.message
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    size = path.stat().st_size // 1024
    row(f"{path.name} ({size} KiB on disk): {message[:60]}…",
        f"{elapsed * 1000:.0f} ms, peak {peak / 2**20:.1f} MiB")


def main() -> None:
    print_command_line()
    folder = Path(tempfile.mkdtemp(prefix="raadsakkoord-bench-bomb-"))
    build(folder / "relaties.docx", DOCX, "_rels/.rels")
    build(folder / "soort.odt", ODT, "mimetype")
    build(folder / "liegt.docx", DOCX, "word/document.xml")
    lie(folder / "liegt.docx", "word/document.xml", 1000)
    for name in ("relaties.docx", "soort.odt", "liegt.docx"):
        measure(folder / name)


if __name__ == "__main__":
    main()
