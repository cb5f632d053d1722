"""Tracked changes in a round's Word export, read per section: the text before and after, who, when, why.

A party that received the round as a Word document often writes its
amendments in it with track changes on (Controleren → Wijzigingen
bijhouden). This module reads such a file back into the sections of the
export: for each section the blocks as exported (deletions kept, insertions
left out) and as the party left them (insertions kept, deletions left out),
the authors and dates of the changes and the comments anchored in it.
Sections are told by the export's own headings ("2. Wonen" as Heading 1,
"2.3 Betaalbare huur" as Heading 2), and a section's text ends where the
export's support block begins ("Steun: …" in the style Klein).

Turning this into amendments, and checking it against the round, is
``operations.tracked_changes``; this module knows nothing of the database.
Formatting changes (``w:rPrChange``, ``w:pPrChange``) are counted and read
as the party left them on both sides, so they never become a text change.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field

from docx.oxml.ns import qn

from raadsakkoord.base.errors import InputError
from raadsakkoord.base.i18n import tr
from raadsakkoord.importing.office.blocks import (
    Block,
    Heading,
    ListItem,
    Paragraph,
    Table,
)
from raadsakkoord.importing.office.inline import Inline
from raadsakkoord.importing.office.report import ImportReport

SUPPORT_STYLE = "Klein"  # the export's style for the support block under every section
SUPPORT_START = "Steun: "
_SECTION_HEADING = re.compile(r"^(\d+\.\d+)\s+(.+)$")
_CHAPTER_HEADING = re.compile(r"^(\d+)\.\s+(.+)$")

_INSERTED = (qn("w:ins"), qn("w:moveTo"))
_DELETED = (qn("w:del"), qn("w:moveFrom"))
_FORMATTING = {qn(f"w:{name}") for name in (
    "rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "tblGridChange", "trPrChange", "tcPrChange",
    "numberingChange")}
_CELL_CHANGES = {qn(f"w:{name}") for name in ("cellIns", "cellDel", "cellMerge")}
_RANGE_MARKS = {qn(f"w:{name}") for name in ("moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart",
                                             "moveToRangeEnd")}


@dataclass
class Change:
    """Who changed a piece of text and when, as Word recorded it."""

    author: str
    date: dt.datetime | None


@dataclass
class Item:
    """One paragraph or table of the body, as exported and as the party left it (None: not there)."""

    before: Block | None
    after: Block | None
    changed: bool  # text was inserted or deleted in it
    # A paragraph mark that was inserted or deleted joins this paragraph with the next on that side.
    joins_before: bool = False
    joins_after: bool = False
    changes: list[Change] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)  # ids of comments anchored here
    text_before: str = ""
    style: str = ""  # the paragraph style's id
    mark_deleted: bool = False


@dataclass
class SectionEdit:
    """An exported section (by its number and title) with what the party did in it."""

    number: str
    title: str
    heading: Item
    items: list[Item] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.heading.changed or any(i.changed for i in self.items)

    @property
    def title_after(self) -> str:
        """The title as the party left it, without the section's number."""
        title = plain_of(self.heading.after)
        numbered = _SECTION_HEADING.match(title)
        return numbered.group(2) if numbered and numbered.group(1) == self.number else title

    @property
    def number_kept(self) -> bool:
        """The heading as the party left it still starts with the section's own number."""
        numbered = _SECTION_HEADING.match(plain_of(self.heading.after))
        return numbered is not None and numbered.group(1) == self.number

    @property
    def deleted(self) -> bool:
        """The heading and the whole text struck through."""
        return self.heading.after is None and all(i.after is None for i in self.items)


@dataclass
class NewSection:
    """A section the party added with a heading of its own, after ``after_number`` in chapter ``chapter``."""

    chapter: str
    after_number: str | None
    title: str
    heading: Item
    items: list[Item] = field(default_factory=list)


@dataclass
class Unplaced:
    """A change that belongs to no section's text; listed, never silently dropped."""

    where: str
    text: str


@dataclass
class TrackedDocument:
    source: str
    status_line: str  # the cover's first line: "CONCEPT 2"
    title: str
    sections: list[SectionEdit] = field(default_factory=list)
    new_sections: list[NewSection] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
    comments: dict[str, str] = field(default_factory=dict)  # id → text
    formatting_changes: int = 0

    @property
    def has_changes(self) -> bool:
        return bool(any(s.changed for s in self.sections) or self.new_sections or self.unplaced
                    or self.formatting_changes)


def blocks_of(items: list[Item], side: str) -> list[Block]:
    """The blocks on one side ("before" or "after"), paragraphs joined where a paragraph mark was (un)made."""
    out: list[Block] = []
    pending: Block | None = None
    for item in items:
        block = getattr(item, side)
        joins = item.joins_before if side == "before" else item.joins_after
        if pending is not None and isinstance(block, Table):
            out.append(pending)  # a paragraph is not joined with a table; both stay
        elif pending is not None:
            block = _joined(pending, block)
        pending = None
        if joins and not isinstance(block, Table):
            pending = block
            continue
        if block is not None:
            out.append(block)
    if pending is not None:
        out.append(pending)
    return out


def _joined(first: Block | None, second: Block | None) -> Block | None:
    if first is None or plain_of(first) == "":
        return second
    if second is None:
        return first
    content = Inline()
    content.pieces = [*first.content.pieces, *second.content.pieces]
    return _with_content(first, content)


def _with_content(block: Block, content: Inline) -> Block:
    if isinstance(block, Heading):
        return Heading(block.level, content)
    if isinstance(block, ListItem):
        return ListItem(block.ordered, block.level, block.number, content)
    return Paragraph(content)


def plain_of(block: Block | None) -> str:
    if block is None:
        return ""
    if isinstance(block, Table):
        return " ".join(cell.plain() for row in block.rows for cell in row)
    return block.content.plain()


class DocxChanges:
    def __init__(self, document, source: str) -> None:
        from raadsakkoord.importing.office.docx_reader import DocxReader

        self.document = document
        self.report = ImportReport(source)
        # One reader per side: a field (a link, the table of contents) spans runs and paragraphs. An
        # untouched paragraph is read by the second alone, so only a changed one sees the first's fields.
        self.before = DocxReader(document, ImportReport(source))
        self.after = DocxReader(document, self.report)
        self.result = TrackedDocument(source, "", "")

    def read(self) -> TrackedDocument:
        result = self.result
        result.comments = _comments(self.document)
        items = [self.item(child) for child in self.body_children()]
        Placer(result).place(items)
        return result

    def body_children(self):
        """The body's paragraphs and tables in order, those in content controls too."""
        body = self.document.element.body
        for child in body.iterchildren():
            if child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                yield from (content.iterchildren() if content is not None else ())
            elif child.tag in (qn("w:p"), qn("w:tbl")):
                yield child

    # -- one paragraph or table, on both sides ------------------------------------

    def item(self, element) -> Item:
        changes = [Change(e.get(qn("w:author"), ""), change_date(e.get(qn("w:date"))))
                   for e in element.iter(*_INSERTED, *_DELETED, *_CELL_CHANGES)]
        self.result.formatting_changes += sum(1 for _ in element.iter(*_FORMATTING))
        text_changed = any(e.tag not in _CELL_CHANGES and _has_text(e)
                           for e in element.iter(*_INSERTED, *_DELETED))
        text_changed = text_changed or next(element.iter(*_CELL_CHANGES), None) is not None
        mark = element.find(f"{qn('w:pPr')}/{qn('w:rPr')}")
        mark_inserted = mark is not None and mark.find(qn("w:ins")) is not None
        mark_deleted = mark is not None and mark.find(qn("w:del")) is not None
        if changes:
            before_element = _side(element, "before")
            before = self.read_side(before_element, self.before)
            after = self.read_side(_side(element, "after"), self.after)
        else:
            # Untouched (most of a file): both sides are the element as it is, read once. Formatting
            # changes are read as left, on both sides, and the reader skips their records.
            before_element = element
            before = after = self.read_side(element, self.after)
        raw_before = "".join(t.text or "" for t in before_element.iter(qn("w:t")))
        comments = list(dict.fromkeys(
            e.get(qn("w:id")) for e in element.iter(qn("w:commentRangeStart"), qn("w:commentReference"))))
        if mark_inserted and plain_of(before) == "":
            before = None  # a paragraph the party added
        if mark_deleted and plain_of(after) == "":
            after = None  # a paragraph the party struck whole
        return Item(before, after, text_changed or mark_inserted or mark_deleted,
                    joins_before=mark_inserted and before is not None,
                    joins_after=mark_deleted and after is not None,
                    changes=changes, comments=[c for c in comments if c is not None],
                    text_before=raw_before, style=_style_of(element), mark_deleted=mark_deleted)

    def read_side(self, element, reader) -> Block | None:
        reader.blocks = []
        if element.tag == qn("w:tbl"):
            reader.table(element)
        else:
            reader.paragraph(element)
        if not reader.blocks:
            return None
        return reader.blocks[0]


class Placer:
    """Puts each item of a document (Word or OpenDocument) in its section, or lists it as unplaced."""

    def __init__(self, result: TrackedDocument) -> None:
        self.result = result

    def place(self, items: list[Item]) -> None:
        result = self.result
        zone: SectionEdit | NewSection | str | None = None  # str: furniture, named for the clerk
        resume: SectionEdit | str | None = None
        chapter = ""
        last_number: str | None = None
        seen_title = False
        previous: Item | None = None
        for item in items:
            # LibreOffice gives the paragraphs after a struck paragraph mark that paragraph's
            # style when it saves: a heading style there is no heading of the export.
            restyled = previous is not None and previous.mark_deleted
            previous = item
            if restyled:
                item = _unheaded(item)
            before_heading = _heading_level(item.before)
            after_heading = _heading_level(item.after)
            if not result.status_line and item.before is not None and plain_of(item.before):
                result.status_line = plain_of(item.before)
            if before_heading == 1 or (item.before is None and after_heading == 1):
                found = _CHAPTER_HEADING.match(plain_of(item.before or item.after))
                chapter = found.group(1) if found else ""
                zone = plain_of(item.before or item.after)
                if item.changed:
                    self.unplaced(zone, item, tr("wijziging in een hoofdstuktitel"))
                self.orphan_comments(zone, item)
                continue
            if before_heading == 2:
                found = _SECTION_HEADING.match(plain_of(item.before))
                if found and chapter:
                    zone = SectionEdit(found.group(1), found.group(2), item)
                    result.sections.append(zone)
                    last_number = zone.number
                    continue
                zone = plain_of(item.before)
                if item.changed:
                    self.unplaced(zone, item, tr("wijziging in een kop buiten de hoofdlijnen"))
                self.orphan_comments(zone, item)
                continue
            if item.before is None and after_heading == 2:
                if chapter:
                    resume = zone if not isinstance(zone, NewSection) else resume
                    title = plain_of(item.after)
                    numbered = _SECTION_HEADING.match(title)
                    zone = NewSection(chapter, last_number, numbered.group(2) if numbered else title, item)
                    result.new_sections.append(zone)
                else:
                    self.unplaced(tr("vóór het eerste hoofdstuk"), item, tr("nieuwe kop buiten de hoofdlijnen"))
                    self.orphan_comments(tr("vóór het eerste hoofdstuk"), item)
                continue
            if isinstance(zone, NewSection) and item.before is not None:
                zone = resume  # back in text that was exported: the new section ended
            if _is_support(item, restyled):
                zone = tr("steun onder hoofdlijn {number}").format(number=zone.number) if isinstance(
                    zone, SectionEdit) else tr("steun")
                if item.changed:
                    self.unplaced(zone, item, tr("wijziging in het steunoverzicht"))
                self.orphan_comments(zone, item)
                continue
            if isinstance(zone, SectionEdit | NewSection):
                zone.items.append(item)
                continue
            if not seen_title and item.style == "Title":
                result.title = " ".join(item.text_before.split())
                seen_title = True
            if item.changed:
                self.unplaced(zone or tr("voorblad en inhoud"), item, tr("wijziging buiten de hoofdlijnen"))
            self.orphan_comments(zone or tr("voorblad en inhoud"), item)

    def unplaced(self, where, item: Item, why: str) -> None:
        before, after = plain_of(item.before), plain_of(item.after)
        text = f"{why}: «{_short(before)}» → «{_short(after)}»" if before and after else (
            f"{why}: +«{_short(after)}»" if after else f"{why}: −«{_short(before)}»")
        self.result.unplaced.append(Unplaced(str(where), text))

    def orphan_comments(self, where, item: Item) -> None:
        """Comments outside any section's text: listed, as they explain no amendment."""
        for comment in item.comments:
            text = self.result.comments.get(comment, "")
            self.result.unplaced.append(Unplaced(str(where), tr("opmerking: «{text}»").format(text=_short(text))))


def comments_of(document: TrackedDocument, items: list[Item]) -> list[str]:
    """The texts of the comments anchored in these items, each once, in order."""
    ids = list(dict.fromkeys(c for item in items for c in item.comments))
    return [document.comments[c] for c in ids if document.comments.get(c, "").strip()]


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _has_text(element) -> bool:
    return any((t.text or "") for t in element.iter(qn("w:t"), qn("w:delText"))) or next(
        element.iter(qn("w:br"), qn("w:tab")), None) is not None


def _side(element, side: str):
    """A copy of a paragraph or table as it was exported ("before") or as the party left it ("after")."""
    element = copy.deepcopy(element)
    drop, keep = (_INSERTED, _DELETED) if side == "before" else (_DELETED, _INSERTED)
    for found in list(element.iter(*drop)):
        if found.getparent() is not None and found.getparent().tag != qn("w:rPr"):
            found.getparent().remove(found)
    for found in list(element.iter(*keep)):
        parent = found.getparent()
        if parent is None or parent.tag == qn("w:rPr"):
            continue  # a paragraph mark's own record
        index = parent.index(found)
        for child in reversed(list(found)):
            parent.insert(index, child)
        parent.remove(found)
    for found in list(element.iter(*_FORMATTING, *_RANGE_MARKS, *_CELL_CHANGES)):
        found.getparent().remove(found)
    if side == "before":
        for text in element.iter(qn("w:delText")):
            text.tag = qn("w:t")
        for code in element.iter(qn("w:delInstrText")):
            code.tag = qn("w:instrText")
    return element


def _heading_level(block: Block | None) -> int | None:
    return block.level if isinstance(block, Heading) else None


def _style_of(element) -> str:
    style = element.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return style.get(qn("w:val"), "") if style is not None else ""


# The support line's own shape. LibreOffice, saving a .docx whose sections are
# Word sections of their own (for Word's line numbers), gives the first
# paragraph after each section break the style Normal: the shape alone must
# then tell the support block from the section's text.
_SUPPORT_LINE = re.compile(r"Steun: \d+ van \d+ zetels \(\d+%\)")


def _is_support(item: Item, restyled: bool) -> bool:
    return item.text_before.startswith(SUPPORT_START) and (
        item.style == SUPPORT_STYLE or restyled or _SUPPORT_LINE.match(item.text_before) is not None)


def _unheaded(item: Item) -> Item:
    """The item with headings that do not read as the export's numbered headings made paragraphs."""
    def plain(block: Block | None) -> Block | None:
        if not isinstance(block, Heading) or block.level > 2:
            return block
        pattern = _CHAPTER_HEADING if block.level == 1 else _SECTION_HEADING
        return block if pattern.match(block.content.plain()) else Paragraph(block.content)

    return dataclasses.replace(item, before=plain(item.before), after=plain(item.after))


def change_date(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _comments(document) -> dict[str, str]:
    """Every comment of the document by id: its text (paragraphs as Markdown paragraphs)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    texts: dict[str, str] = {}
    for rel in document.part.rels.values():
        if rel.reltype != RT.COMMENTS or rel.is_external:
            continue
        part = rel.target_part
        element = getattr(part, "element", None)
        if element is None:
            from lxml import etree

            parser = etree.XMLParser(resolve_entities=False, no_network=True)
            element = etree.fromstring(part.blob, parser)
        for comment in element.iter(qn("w:comment")):
            paragraphs = [" ".join("".join(t.text or "" for t in p.iter(qn("w:t"))).split())
                          for p in comment.iter(qn("w:p"))]
            texts[comment.get(qn("w:id"))] = "\n\n".join(p for p in paragraphs if p)
    return texts


def refuse_unchanged(document: TrackedDocument) -> None:
    if not document.has_changes:
        raise InputError(tr("{source} bevat geen bijgehouden wijzigingen: er is niets om als amendement in te "
                            "lezen. Zet in Word Wijzigingen bijhouden aan (tabblad Controleren) voordat u de "
                            "tekst wijzigt.").format(source=document.source))
