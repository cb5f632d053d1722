"""Tracked edits in an OpenDocument text, written as LibreOffice writes them with Edit → Track Changes → Record.

A deletion is a ``text:change`` point where the text stood, its words kept
in a ``text:changed-region``; an insertion runs from ``text:change-start``
to ``text:change-end``. Each region names who and when.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from raadsakkoord.export.odt_outline import q

DC = "http://purl.org/dc/elements/1.1/"


class OdtEdit:
    def __init__(self, path: Path) -> None:
        self.path = path
        with zipfile.ZipFile(path) as archive:
            self.content = etree.fromstring(archive.read("content.xml"))
        self.text = self.content.find(f"{q('office:body')}/{q('office:text')}")
        self.regions = etree.Element(q("text:tracked-changes"))
        self.regions.set(q("text:track-changes"), "true")
        self.text.insert(0, self.regions)

    def paragraph(self, containing: str, *, heading: bool = False):
        for p in self.text.iter(*((q("text:h"),) if heading else (q("text:p"), q("text:h")))):
            if containing in "".join(p.itertext()):
                return p
        raise AssertionError(f"no paragraph holds {containing!r}")

    def replace(self, containing: str, old: str, new: str, author: str, date: str = "2026-03-02T10:00:00", *,
                heading: bool = False) -> None:
        """Select ``old`` (inside one span or the paragraph's own text) and type ``new`` over it."""
        p = self.paragraph(containing, heading=heading)
        for holder in [p, *p.iter(q("text:span"))]:
            if old in (holder.text or ""):
                break
        else:
            raise AssertionError(f"{old!r} is not inside one span")
        head, tail = holder.text.split(old, 1)
        holder.text = head
        marks = []
        if old:
            point = etree.Element(q("text:change"))
            point.set(q("text:change-id"), self._region("deletion", author, date, old))
            marks.append(point)
        if new:
            ident = self._region("insertion", author, date)
            start, end = etree.Element(q("text:change-start")), etree.Element(q("text:change-end"))
            start.set(q("text:change-id"), ident)
            end.set(q("text:change-id"), ident)
            start.tail = new
            marks += [start, end]
        marks[-1].tail = (marks[-1].tail or "") + tail
        # Right after the holder's own text, before its child elements: where the old text stood.
        for offset, mark in enumerate(marks):
            holder.insert(offset, mark)

    def _region(self, kind: str, author: str, date: str, deleted: str = "") -> str:
        ident = f"ct{len(self.regions) + 1}"
        region = etree.SubElement(self.regions, q("text:changed-region"))
        region.set(q("text:id"), ident)
        change = etree.SubElement(region, q(f"text:{kind}"))
        info = etree.SubElement(change, q("office:change-info"))
        etree.SubElement(info, f"{{{DC}}}creator").text = author
        etree.SubElement(info, f"{{{DC}}}date").text = date
        if deleted:
            etree.SubElement(change, q("text:p")).text = deleted
        return ident

    def save(self, out: Path) -> Path:
        with zipfile.ZipFile(self.path) as source, zipfile.ZipFile(out, "w") as archive:
            for info in source.infolist():
                data = source.read(info)
                if info.filename == "content.xml":
                    data = etree.tostring(self.content, xml_declaration=True, encoding="UTF-8")
                archive.writestr(info, data, zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED)
        return out

