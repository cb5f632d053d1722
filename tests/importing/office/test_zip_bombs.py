"""A Word or OpenDocument file that unpacks to far more than it holds is refused in bounded memory, quickly."""

from __future__ import annotations

import struct
import tracemalloc
import zipfile
import zlib
from pathlib import Path

import pytest

from raadsakkoord.base.archive import MAX_MEMBERS
from raadsakkoord.base.errors import InputError
from raadsakkoord.importing.office import read_document
from tests.importing.office.builders import draft_docx, draft_odt

BOMB = 160 * 1024 * 1024  # zeros, about 160 KB packed; beyond the limit of a part (128 MiB)
MEMORY = 32 * 1024 * 1024  # far below the bomb, far above the pieces it is read in


def _with_member(source: Path, target: Path, name: str, size: int, *, first: bool = False) -> None:
    """``source`` with member ``name`` replaced by ``size`` zeros, written in pieces (never whole in memory)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as new:
        def bomb():
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            with new.open(info, "w") as member:
                piece = bytes(1024 * 1024)
                for _ in range(size // len(piece)):
                    member.write(piece)
        if first:
            bomb()
        for info in old.infolist():
            if info.filename != name:
                new.writestr(info, old.read(info))
        if not first:
            bomb()


def _lie_about_size(path: Path, name: str, stated: int) -> None:
    """Make the archive state ``stated`` bytes (and their checksum) for ``name``, which holds far more."""
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(name)
    data = bytearray(path.read_bytes())
    crc = zlib.crc32(bytes(stated))
    struct.pack_into("<L", data, info.header_offset + 14, crc)
    struct.pack_into("<L", data, info.header_offset + 22, stated)
    entry = data.index(b"PK\x01\x02")
    while True:  # the member's entry in the central directory
        length = struct.unpack_from("<H", data, entry + 28)[0]
        if data[entry + 46:entry + 46 + length] == name.encode():
            break
        entry = data.index(b"PK\x01\x02", entry + 4)
    struct.pack_into("<L", data, entry + 16, crc)
    struct.pack_into("<L", data, entry + 24, stated)
    path.write_bytes(bytes(data))


@pytest.fixture(scope="module")
def bombs(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bommen")
    draft_docx(folder / "heel.docx")
    draft_odt(folder / "heel.odt")
    made = {}
    made["rels"] = folder / "relaties.docx"
    _with_member(folder / "heel.docx", made["rels"], "_rels/.rels", BOMB)
    made["mimetype"] = folder / "soort.odt"
    _with_member(folder / "heel.odt", made["mimetype"], "mimetype", BOMB, first=True)
    made["lying docx"] = folder / "liegt.docx"
    _with_member(folder / "heel.docx", made["lying docx"], "word/document.xml", BOMB)
    _lie_about_size(made["lying docx"], "word/document.xml", 1000)
    made["lying odt"] = folder / "liegt.odt"
    _with_member(folder / "heel.odt", made["lying odt"], "content.xml", BOMB)
    _lie_about_size(made["lying odt"], "content.xml", 1000)
    made["image"] = folder / "foto.docx"
    _with_member(folder / "heel.docx", made["image"], "word/media/foto.png", BOMB)
    return made


def _refused_within_memory(path: Path) -> str:
    tracemalloc.start()
    try:
        with pytest.raises(InputError) as caught:
            read_document(path)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < MEMORY, f"{peak // 2**20} MiB to refuse {path.name}"
    message = caught.value.message
    assert "\n" not in message and message.lower().endswith("er is niets geïmporteerd.")
    return message


@pytest.mark.parametrize("kind", ["rels", "mimetype", "image"])
def test_a_part_that_unpacks_beyond_the_limit_is_refused(bombs, kind):
    path = bombs[kind]
    assert path.stat().st_size < 1024 * 1024
    message = _refused_within_memory(path)
    assert message.startswith(f"{path.name} bevat een onderdeel dat uitgepakt groter is dan Raadsakkoord kan inlezen")


@pytest.mark.parametrize("kind", ["lying docx", "lying odt"])
def test_a_part_that_unpacks_beyond_its_stated_size_is_refused(bombs, kind):
    path = bombs[kind]
    with zipfile.ZipFile(path) as archive:
        assert sum(info.file_size for info in archive.infolist()) < 2 * 1024 * 1024  # as the archive states it
    assert _refused_within_memory(path) == (
        f"{path.name} is beschadigd of onvolledig en kan niet worden gelezen; er is niets geïmporteerd.")


def test_a_file_of_countless_parts_is_refused(tmp_path):
    path = tmp_path / "onderdelen.docx"
    draft_docx(tmp_path / "heel.docx")
    with zipfile.ZipFile(tmp_path / "heel.docx") as old, zipfile.ZipFile(path, "w") as new:
        for info in old.infolist():
            new.writestr(info, old.read(info))
        for number in range(MAX_MEMBERS + 1):
            new.writestr(f"word/media/{number}.bin", b"")
    assert "bestaat uit meer dan 5000 onderdelen" in _refused_within_memory(path)


def test_an_ordinary_document_with_a_picture_is_still_read(tmp_path):
    from tests.importing.office.builders import tiny_png

    path = tmp_path / "concept.docx"
    document = draft_docx(path)
    import io

    document.add_picture(io.BytesIO(tiny_png()))
    document.save(path)
    markdown, report = read_document(path)
    assert "## " in markdown and any("afbeelding" in line.lower() for line in report.lines())
