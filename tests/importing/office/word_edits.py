"""Editing a .docx the way Word does with track changes on, written with lxml as Word writes the XML."""

from __future__ import annotations

import copy
import itertools
import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
COMMENTS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
COMMENTS_CONTENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
_ids = itertools.count(100)


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def el(name: str, **attrs) -> etree._Element:
    element = etree.Element(w(name))
    for key, value in attrs.items():
        element.set(w(key), value)
    return element


class WordEdit:
    """The body of a .docx opened for editing; ``save`` writes the file back with the comments part."""

    def __init__(self, path: Path) -> None:
        self.path = path
        with zipfile.ZipFile(path) as archive:
            self.parts = {name: archive.read(name) for name in archive.namelist()}
        self.root = etree.fromstring(self.parts["word/document.xml"])
        self.body = self.root.find(w("body"))
        self.comments: list[tuple[str, str, str]] = []

    def paragraph(self, containing: str) -> etree._Element:
        for p in self.body.iter(w("p")):
            style = p.find(f"{w('pPr')}/{w('pStyle')}")
            if style is not None and style.get(w("val"), "").lower().startswith("toc"):
                continue  # the table of contents repeats every heading
            if containing in "".join(t.text or "" for t in p.iter(w("t"), w("delText"))):
                return p
        raise AssertionError(f"no paragraph with {containing!r}")

    @staticmethod
    def _change(kind: str, author: str, date: str) -> etree._Element:
        return el(kind, id=str(next(_ids)), author=author, date=date)

    def replace(self, containing: str, old: str, new: str, author: str, date: str = "2026-03-02T10:00:00Z") -> None:
        """Select ``old`` in the paragraph and type ``new`` over it (``new`` empty: delete; ``old`` empty: see insert)."""
        p = self.paragraph(containing)
        for run in p.iter(w("r")):
            text = run.find(w("t"))
            if text is None or old not in (text.text or ""):
                continue
            head, tail = text.text.split(old, 1)
            parent, index = run.getparent(), run.getparent().index(run)
            pieces = []
            if head:
                pieces.append(_run_like(run, head))
            deleted = self._change("del", author, date)
            gone = _run_like(run, old)
            gone.find(w("t")).tag = w("delText")
            deleted.append(gone)
            pieces.append(deleted)
            if new:
                inserted = self._change("ins", author, date)
                inserted.append(_run_like(run, new))
                pieces.append(inserted)
            if tail:
                pieces.append(_run_like(run, tail))
            parent.remove(run)
            for offset, piece in enumerate(pieces):
                parent.insert(index + offset, piece)
            return
        raise AssertionError(f"{old!r} is not inside one run")

    def insert_text(self, containing: str, after: str, new: str, author: str, date: str = "2026-03-02T10:00:00Z") -> None:
        """Type ``new`` right after the text ``after`` in the paragraph."""
        p = self.paragraph(containing)
        for run in p.iter(w("r")):
            text = run.find(w("t"))
            if text is None or after not in (text.text or ""):
                continue
            head, tail = text.text.split(after, 1)
            parent, index = run.getparent(), run.getparent().index(run)
            inserted = self._change("ins", author, date)
            inserted.append(_run_like(run, new))
            pieces = [_run_like(run, head + after), inserted] + ([_run_like(run, tail)] if tail else [])
            parent.remove(run)
            for offset, piece in enumerate(pieces):
                parent.insert(index + offset, piece)
            return
        raise AssertionError(f"{after!r} is not inside one run")

    def delete_paragraph(self, containing: str, author: str, date: str = "2026-03-02T10:00:00Z") -> None:
        """Strike a whole paragraph, its mark too (as selecting it and pressing Delete does)."""
        p = self.paragraph(containing)
        self._strike(p, author, date)

    def _strike(self, p, author: str, date: str) -> None:
        for run in list(p.iter(w("r"))):
            if run.getparent().tag == w("del"):
                continue
            for text in run.iter(w("t")):
                text.tag = w("delText")
            wrapper = self._change("del", author, date)
            run.addprevious(wrapper)
            wrapper.append(run)
        _mark(p).append(self._change("del", author, date))

    def insert_paragraph(self, after: str, text: str, author: str, *, style: str | None = None,
                         date: str = "2026-03-02T10:00:00Z") -> etree._Element:
        """A new paragraph after the one containing ``after``, in its style unless told otherwise."""
        previous = self.paragraph(after)
        return self._new_paragraph(previous, text, author, style, date)

    def _new_paragraph(self, previous, text: str, author: str, style: str | None, date: str):
        p = el("p")
        properties = copy.deepcopy(previous.find(w("pPr"))) if previous.find(w("pPr")) is not None else el("pPr")
        for old in properties.findall(w("rPr")):
            properties.remove(old)
        if style is not None:
            for old in properties.findall(w("pStyle")):
                properties.remove(old)
            properties.insert(0, el("pStyle", val=style))
        p.append(properties)
        _mark(p).append(self._change("ins", author, date))
        inserted = self._change("ins", author, date)
        run = el("r")
        t = el("t")
        t.text = text
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        run.append(t)
        inserted.append(run)
        p.append(inserted)
        previous.addnext(p)
        return p

    def insert_section(self, before: str, heading: str, text: str, author: str) -> None:
        """A new section: a Heading 2 and a paragraph, typed anew just before the heading containing ``before``."""
        previous = self.paragraph(before).getprevious()
        title = self._new_paragraph(previous, heading, author, "Heading2", "2026-03-02T11:00:00Z")
        self._new_paragraph(title, text, author, "Normal", "2026-03-02T11:00:00Z")

    def delete_section(self, heading: str, author: str, *paragraphs: str) -> None:
        for containing in (heading, *paragraphs):
            self._strike(self.paragraph(containing), author, "2026-03-02T12:00:00Z")

    def bold(self, containing: str, author: str) -> None:
        """Make every run of the paragraph bold, recorded as a formatting change."""
        for run in self.paragraph(containing).iter(w("r")):
            properties = run.find(w("rPr"))
            if properties is None:
                properties = el("rPr")
                run.insert(0, properties)
            change = self._change("rPrChange", author, "2026-03-02T13:00:00Z")
            change.append(copy.deepcopy(properties))
            properties.insert(0, el("b"))
            properties.append(change)

    def comment(self, containing: str, text: str, author: str) -> None:
        """A comment on the whole paragraph."""
        p = self.paragraph(containing)
        ident = str(len(self.comments))
        properties = p.find(w("pPr"))
        start = el("commentRangeStart", id=ident)
        if properties is not None:
            properties.addnext(start)
        else:
            p.insert(0, start)
        p.append(el("commentRangeEnd", id=ident))
        reference = el("r")
        reference.append(el("commentReference", id=ident))
        p.append(reference)
        self.comments.append((ident, text, author))

    def save(self, path: Path | None = None) -> Path:
        path = path or self.path
        parts = dict(self.parts)
        parts["word/document.xml"] = etree.tostring(self.root, xml_declaration=True, encoding="UTF-8",
                                                    standalone=True)
        if self.comments:
            root = etree.Element(w("comments"), nsmap={"w": W})
            for ident, text, author in self.comments:
                comment = el("comment", id=ident, author=author, date="2026-03-02T09:00:00Z")
                p = el("p")
                run = el("r")
                t = el("t")
                t.text = text
                run.append(t)
                p.append(run)
                comment.append(p)
                root.append(comment)
            parts["word/comments.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                                        standalone=True)
            types = etree.fromstring(parts["[Content_Types].xml"])
            ns = types.nsmap[None]
            override = etree.SubElement(types, f"{{{ns}}}Override")
            override.set("PartName", "/word/comments.xml")
            override.set("ContentType", COMMENTS_CONTENT)
            parts["[Content_Types].xml"] = etree.tostring(types, xml_declaration=True, encoding="UTF-8",
                                                          standalone=True)
            rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
            ns = rels.nsmap[None]
            relation = etree.SubElement(rels, f"{{{ns}}}Relationship")
            relation.set("Id", "rIdComments1")
            relation.set("Type", COMMENTS_TYPE)
            relation.set("Target", "comments.xml")
            parts["word/_rels/document.xml.rels"] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8",
                                                                   standalone=True)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in parts.items():
                archive.writestr(name, data)
        return path


def _run_like(run, text: str):
    new = el("r")
    properties = run.find(w("rPr"))
    if properties is not None:
        new.append(copy.deepcopy(properties))
    t = el("t")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    new.append(t)
    return new


def _mark(p):
    properties = p.find(w("pPr"))
    if properties is None:
        properties = el("pPr")
        p.insert(0, properties)
    mark = properties.find(w("rPr"))
    if mark is None:
        mark = el("rPr")
        properties.append(mark)
    return mark
