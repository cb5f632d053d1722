"""Mutated Word and OpenDocument files, for the rule that a reader imports or refuses, nothing else.

Each mutation starts from a real document (our own exports, the test
drafts) and changes it the way damage and malice do: bytes flipped inside a
part (the zip itself stays valid, so the XML and the readers see them),
parts removed or cut off, XML elements duplicated or nested inside a copy of
themselves, the file cut off.
"""

from __future__ import annotations

import random
import time
import zipfile
from copy import deepcopy
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from raadsakkoord.base.errors import InputError
from raadsakkoord.importing.office import read_document


def _parts(path: Path) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(path) as archive:
        return [(info, archive.read(info)) for info in archive.infolist()]


def _write(parts, target: Path) -> None:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in parts:
            archive.writestr(info, data)


def _xml_index(parts, rng: random.Random) -> int | None:
    xml = [i for i, (info, _) in enumerate(parts) if info.filename.endswith((".xml", ".rels"))]
    return rng.choice(xml) if xml else None


def _flip_bytes(parts, rng):
    i = rng.randrange(len(parts))
    data = bytearray(parts[i][1])
    for _ in range(rng.randint(1, 8)):
        if data:
            data[rng.randrange(len(data))] = rng.randrange(256)
    parts[i] = (parts[i][0], bytes(data))


def _remove_part(parts, rng):
    del parts[rng.randrange(len(parts))]


def _cut_part(parts, rng):
    i = rng.randrange(len(parts))
    parts[i] = (parts[i][0], parts[i][1][:rng.randrange(len(parts[i][1]) + 1)])


def _element_edit(parts, rng, nest: bool):
    i = _xml_index(parts, rng)
    if i is None:
        return
    try:
        root = etree.fromstring(parts[i][1])
    except etree.XMLSyntaxError:
        return
    elements = [e for e in root.iter() if e is not root and isinstance(e.tag, str)]
    if not elements:
        return
    element = rng.choice(elements)
    for _ in range(rng.randint(1, 3) if nest else 1):
        copy = deepcopy(element)
        if nest:
            element.append(copy)  # the element inside a copy of itself, again and again
            element = copy
        else:
            element.addnext(copy)
    parts[i] = (parts[i][0], etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


MUTATIONS = {
    "bytes flipped": _flip_bytes,
    "part removed": _remove_part,
    "part cut off": _cut_part,
    "element duplicated": lambda parts, rng: _element_edit(parts, rng, nest=False),
    "element nested in itself": lambda parts, rng: _element_edit(parts, rng, nest=True),
}


@dataclass
class Tally:
    imported: int = 0
    refused: int = 0
    escapes: list[str] = field(default_factory=list)
    slowest: float = 0.0

    @property
    def cases(self) -> int:
        return self.imported + self.refused + len(self.escapes)


def run_case(seed_file: Path, rng: random.Random, folder: Path, tally: Tally) -> None:
    """One mutated copy of ``seed_file`` read; the outcome counted in ``tally``."""
    name = rng.choice(sorted(MUTATIONS))
    target = folder / f"fuzz{seed_file.suffix}"
    if rng.random() < 0.1:
        data = seed_file.read_bytes()
        target.write_bytes(data[:rng.randrange(len(data))])
        name = "file cut off"
    else:
        parts = _parts(seed_file)
        for _ in range(rng.randint(1, 3)):
            if parts:
                MUTATIONS[name](parts, rng)
        _write(parts, target)
    start = time.perf_counter()
    try:
        read_document(target)
        tally.imported += 1
    except InputError:
        tally.refused += 1
    except Exception as exc:  # noqa: BLE001 -- the rule broken: recorded, so every escape is reported, not only the first
        tally.escapes.append(f"{seed_file.name}, {name}: {type(exc).__name__}: {exc}")
    tally.slowest = max(tally.slowest, time.perf_counter() - start)


def with_content_controls(source, target):
    """The draft with a content control around a paragraph and a table, as forms made in Word have."""
    control = ("<w:sdt><w:sdtPr><w:alias w:val=\"Invulveld\"/></w:sdtPr><w:sdtContent>{}</w:sdtContent></w:sdt>")
    paragraph = "<w:p><w:r><w:t>Ingevuld in een veld.</w:t></w:r></w:p>"
    table = ("<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid>"
             + control.format("<w:tr><w:tc><w:p><w:r><w:t>In een cel</w:t></w:r></w:p></w:tc></w:tr>") + "</w:tbl>")
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:sectPr", (control.format(paragraph) + control.format(table)).encode()
                                    + b"<w:sectPr", 1)
            new.writestr(info, data)

