"""Tracked changes in an OpenDocument text (LibreOffice's own format), read into the same items as Word's.

ODF keeps its changes apart from the text: ``text:tracked-changes`` holds
one ``text:changed-region`` per change, with who and when, and for a
deletion the deleted text itself. In the text an insertion is marked by
``text:change-start`` … ``text:change-end`` (which may run on over
paragraphs: a paragraph typed anew ends inside it), and a deletion by a
``text:change`` point where the deleted text stood. Whole paragraphs that
were struck stand in their region as paragraphs of their own, with the
point at the start of the paragraph that followed them.
"""

from __future__ import annotations

import copy

from raadsakkoord.importing.office.blocks import Block, Heading, ListItem, Paragraph
from raadsakkoord.importing.office.changes import (
    SUPPORT_STYLE,
    Change,
    Item,
    Placer,
    TrackedDocument,
    change_date,
    plain_of,
)
from raadsakkoord.importing.office.odt_reader import OdtReader
from raadsakkoord.importing.office.odt_styles import q
from raadsakkoord.importing.office.report import ImportReport

DC = "{http://purl.org/dc/elements/1.1/}"
_LEAVES = {q(f"text:{name}") for name in ("line-break", "tab", "s")}
_PARAGRAPHS = (q("text:p"), q("text:h"))


class _Region:
    def __init__(self, element) -> None:
        kind = next((c for c in element.iterchildren() if isinstance(c.tag, str)), None)
        self.kind = kind.tag.split("}")[-1] if kind is not None else ""
        info = kind.find(q("office:change-info")) if kind is not None else None
        creator = info.find(f"{DC}creator") if info is not None else None
        date = info.find(f"{DC}date") if info is not None else None
        self.change = Change((creator.text or "") if creator is not None else "",
                             change_date(date.text if date is not None else None))
        self.paragraphs = [p for p in kind.iterchildren(*_PARAGRAPHS)] if kind is not None else []


class OdtChanges:
    def __init__(self, content, styles, source: str) -> None:
        self.content = content
        self.reader = OdtReader(content, styles, ImportReport(source))
        self.result = TrackedDocument(source, "", "")
        self.regions = {r.get(q("text:id")): _Region(r)
                        for r in content.iter(q("text:changed-region"))}
        self.open: set[str] = set()  # insertions running on from an earlier paragraph

    def read(self) -> TrackedDocument:
        self.result.formatting_changes = sum(1 for r in self.regions.values() if r.kind == "format-change")
        body = self.content.find(f"{q('office:body')}/{q('office:text')}")
        items: list[Item] = []
        for element, list_level in self._paragraphs(body, None):
            items += self.items(element, list_level)
        Placer(self.result).place(items)
        return self.result

    def _paragraphs(self, container, list_level, inherited: str | None = None, depth: int = -1):
        """(paragraph or table, (ordered, depth) inside a list) in document order."""
        for child in container.iterchildren():
            tag = child.tag
            if tag in _PARAGRAPHS or tag == q("table:table"):
                yield child, list_level
            elif tag == q("text:list"):
                style = child.get(q("text:style-name")) or inherited
                if style is None:
                    first = child.find(f"{q('text:list-item')}/{q('text:p')}")
                    style = self.reader.styles.list_style_of_paragraph(
                        first.get(q("text:style-name")) if first is not None else None)
                level = self.reader.styles.list_level(style, depth + 1)
                # A list without bullets or numbers is indentation: its items are paragraphs, as on reading.
                shown = (level[0] == "number", depth + 1) if level is not None else None
                for item in child.iterchildren(q("text:list-item"), q("text:list-header")):
                    yield from self._paragraphs(item, shown, style, depth + 1)
            elif tag == q("text:section"):
                yield from self._paragraphs(child, list_level, inherited, depth)

    # -- one paragraph, on both sides ---------------------------------------------

    def items(self, element, list_level) -> list[Item]:
        if element.tag == q("table:table"):
            return [self.table(element)]
        out: list[Item] = []
        changes: list[Change] = []
        comments: list[str] = []
        before, after = copy.deepcopy(element), copy.deepcopy(element)
        for note in list(before.iter(q("office:annotation"))):
            _remove(note)
        for note in list(after.iter(q("office:annotation"))):
            comments.append(note.get(q("office:name")) or "")
            self.result.comments[comments[-1]] = "\n\n".join(
                " ".join("".join(p.itertext()).split()) for p in note.iter(q("text:p")))
            _remove(note)
        handled = self._struck_before(before, list_level, out)
        if out:
            # Comments among the points of the struck paragraphs are on them, not on this one.
            early = _notes_among_leading_points(element)
            out[-1].comments += [c for c in comments if c in early]
            comments = [c for c in comments if c not in early]
        changes += [self.regions[i].change for i in self.open if i in self.regions]
        changed = self._before(before, changes)
        ends_open = bool(self.open)
        changed = self._after(after, handled) or changed
        before_block = self.block(before, list_level)
        after_block = self.block(after, list_level)
        inserted = ends_open  # the paragraph break after it was typed anew
        if ends_open and plain_of(before_block) == "":
            before_block = None  # a paragraph typed anew
        out.append(Item(before_block, after_block, changed or inserted,
                        joins_before=ends_open and before_block is not None, changes=changes,
                        comments=comments, text_before=plain_of(before_block),
                        style=self._style(element)))
        return out

    def _before(self, p, changes: list[Change]) -> bool:
        """Leave out what was inserted, put back what was deleted; whether anything was."""
        changed = False

        def walk(element) -> None:
            nonlocal changed
            if self.open and element.text:
                element.text, changed = None, True
            for child in list(element):
                tag = child.tag
                if tag in (q("text:change-start"), q("text:change-end"), q("text:change")):
                    region = self.regions.get(child.get(q("text:change-id")))
                    if region is not None and region.kind == "insertion":
                        if tag == q("text:change-start"):
                            self.open.add(child.get(q("text:change-id")))
                            changes.append(region.change)
                        else:
                            self.open.discard(child.get(q("text:change-id")))
                    elif region is not None and region.kind == "deletion" and tag == q("text:change"):
                        changes.append(region.change)
                        changed = True
                        _put_back(child, region.paragraphs)
                    tail_inside = bool(self.open)
                    _remove(child, keep_tail=not tail_inside)
                    continue
                if self.open and child.tag in _LEAVES:
                    changed = True
                    _remove(child, keep_tail=False)
                    continue
                walk(child)
                if self.open and child.tail:
                    child.tail, changed = None, True

        walk(p)
        return changed

    def _after(self, p, handled: set[str]) -> bool:
        """Leave out the marks (what was deleted is not there); whether the paragraph itself was changed."""
        changed = False
        for mark in list(p.iter(q("text:change-start"), q("text:change-end"), q("text:change"))):
            ident = mark.get(q("text:change-id"))
            region = self.regions.get(ident)
            # The end of an insertion that began earlier changes nothing here by itself.
            if (region is not None and region.kind in ("insertion", "deletion") and ident not in handled
                    and mark.tag != q("text:change-end")):
                changed = True
            _remove(mark)
        return changed

    def _struck_before(self, p, list_level, out: list[Item]) -> set[str]:
        """Items for the whole paragraphs struck just before this one; the ids of their changes.

        Their deletions stand as points at the very start of this paragraph,
        one region each, and a paragraph may be split over two regions (its
        text in one, its paragraph mark in the next).
        """
        points = _leading_points(p)
        regions = [self.regions.get(point.get(q("text:change-id"))) for point in points]
        if not points or any(r is None or r.kind != "deletion" for r in regions):
            return set()
        merged: list[list] = []
        for region in regions:
            for index, paragraph in enumerate(region.paragraphs):
                if index == 0 and merged:
                    merged[-1].append(paragraph)
                else:
                    merged.append([paragraph])
        if len(merged) < 2 or any("".join(part.itertext()).strip() for part in merged[-1]):
            return set()  # text of this paragraph was struck too: put back in place by _before
        for parts in merged[:-1]:
            block = self.block(parts[0], list_level)
            for part in parts[1:]:
                more = self.block(part, list_level)
                if block is None:
                    block = more
                elif more is not None:
                    block.content.pieces.extend(more.content.pieces)
            if block is not None:
                out.append(Item(block, None, True, changes=[r.change for r in regions], mark_deleted=True,
                                text_before=plain_of(block)))
        for point in points:
            _remove(point)
        return {point.get(q("text:change-id")) for point in points}

    def block(self, p, list_level) -> Block | None:
        content = self.reader.paragraph_content(p)
        if content.empty:
            return None
        if p.tag == q("text:h"):
            level = p.get(q("text:outline-level"), "1")
            return Heading(int(level) if level.isdigit() and int(level) > 0 else 1, content)
        if list_level is not None:
            return ListItem(list_level[0], list_level[1], 0, content)
        return Paragraph(content)

    def table(self, element) -> Item:
        regions = [self.regions.get(m.get(q("text:change-id")))
                   for m in element.iter(q("text:change-start"), q("text:change"))]
        regions = [r for r in regions if r is not None and r.kind in ("insertion", "deletion")]
        self.reader.blocks = []
        self.reader.table(element)
        block = self.reader.blocks[0] if self.reader.blocks else None
        # A change inside a table cannot be placed in a section's Markdown: both sides are the
        # table as it stands, and the change is listed by the section as one it cannot merge.
        return Item(block, block, bool(regions), changes=[r.change for r in regions], text_before=plain_of(block))

    def _style(self, element) -> str:
        for style in self.reader.styles.chain("paragraph", element.get(q("text:style-name"))):
            name = style.get(q("style:name"), "")
            if name == SUPPORT_STYLE:
                return SUPPORT_STYLE
            if style.get(q("style:class")) == "title" or name == "Title":
                return "Title"
        return ""


def _leading_points(p) -> list:
    """The change points before any text of the paragraph."""
    points = []
    if (p.text or "").strip():
        return points
    for child in p:
        if child.tag == q("text:change"):
            points.append(child)
        elif child.tag in (q("office:annotation-end"), q("text:bookmark"), q("text:bookmark-start")):
            pass
        else:
            break
        if (child.tail or "").strip():
            break
    return points


def _notes_among_leading_points(p) -> set[str]:
    """The names of comments that stand between the change points at the paragraph's start."""
    names: set[str] = set()
    pending: list[str] = []
    for child in p:
        if child.tag == q("office:annotation"):
            pending.append(child.get(q("office:name")) or "")
        elif child.tag == q("text:change"):
            names.update(pending)
            pending.clear()
        elif child.tag != q("office:annotation-end"):
            break
    return names


def _put_back(point, paragraphs) -> None:
    """The deleted text of a region in place of its point (one paragraph's worth; further ones are joined)."""
    parent = point.getparent()
    index = parent.index(point)
    for number, paragraph in enumerate(paragraphs):
        if number:
            separator = _span(" ")
            parent.insert(index, separator)
            index += 1
        span = copy.deepcopy(paragraph)
        span.tag = q("text:span")
        for key in list(span.attrib):
            if key != q("text:style-name"):
                del span.attrib[key]
        parent.insert(index, span)
        index += 1


def _span(text: str):
    from lxml import etree

    span = etree.Element(q("text:span"))
    span.text = text
    return span


def _remove(element, *, keep_tail: bool = True) -> None:
    parent = element.getparent()
    if parent is None:
        return
    if keep_tail and element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)
