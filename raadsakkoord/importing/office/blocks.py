"""The blocks a word processor's document is read into, and the Markdown draft they make.

Both readers (.docx and .odt) produce the same blocks, so the rules for
turning them into a draft live here once: Heading 1 a chapter, Heading 2 a
section, deeper headings inside the section, and the structure checked with
messages in a word processor's terms (styles, not ``#``) before
``importing.parse_draft`` reads the Markdown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from raadsakkoord.base.errors import InputError
from raadsakkoord.base.i18n import tr
from raadsakkoord.importing.office.inline import Inline, escape_text
from raadsakkoord.importing.office.report import ImportReport

MAX_TITLE = 200  # as parse_draft and the model allow


@dataclass
class Heading:
    level: int  # 1 chapter, 2 section, 3–6 inside a section
    content: Inline


@dataclass
class Paragraph:
    content: Inline


@dataclass
class ListItem:
    ordered: bool
    level: int  # 0 for the outer list
    number: int  # for an ordered item: the number the reader saw
    content: Inline


@dataclass
class Table:
    rows: list[list[Inline]] = field(default_factory=list)


Block = Heading | Paragraph | ListItem | Table


def draft_markdown(blocks: list[Block], report: ImportReport) -> str:
    """The Markdown draft of the blocks, after checking that they make chapters and sections."""
    blocks = [b for b in blocks if not _blank(b)]
    _check_structure(blocks, report.source)
    return blocks_markdown(blocks, report)


def blocks_markdown(blocks: list[Block], report: ImportReport) -> str:
    """The Markdown of blocks as they stand, without checking for chapters and sections (a section's text)."""
    blocks = [b for b in blocks if not _blank(b)]
    if not blocks:
        return ""
    parts: list[str] = []
    previous: Block | None = None
    markers: list[tuple[int, str]] = []  # per open list level: (indent, marker) of its last item
    for block in blocks:
        if isinstance(block, ListItem):
            if not isinstance(previous, ListItem):
                markers.clear()
            text = _list_item(block, markers, report)
            if isinstance(previous, ListItem):
                parts[-1] += "\n" + text
            else:
                parts.append(text)
        elif isinstance(block, Heading):
            parts.append(_heading(block))
        elif isinstance(block, Paragraph):
            parts.append(_inline(block.content, report))
        else:
            parts.append(_table(block, report))
        previous = block
    return "\n\n".join(parts) + "\n"


def _blank(block: Block) -> bool:
    if isinstance(block, Table):
        return all(cell.empty for row in block.rows for cell in row)
    return block.content.empty


def _inline(content: Inline, report: ImportReport, *, breaks: bool = True) -> str:
    text, lost = content.markdown(breaks=breaks)
    if lost:
        report.add("emphasis")
    return text


def _heading(block: Heading) -> str:
    title = block.content.plain()
    if block.level <= 2:
        return "#" * block.level + " " + title  # a title is plain text, not Markdown
    return "#" * min(block.level, 6) + " " + escape_text(title)


def _list_item(item: ListItem, markers: list[tuple[int, str]], report: ImportReport) -> str:
    # A list can only go one level deeper at a time in Markdown.
    level = min(item.level, len(markers))
    del markers[level:]
    indent = markers[-1][0] + len(markers[-1][1]) if markers else 0
    marker = f"{max(item.number, 0)}. " if item.ordered else "- "
    markers.append((indent, marker))
    text = _inline(item.content, report)
    continuation = "\n" + " " * (indent + len(marker))
    return " " * indent + marker + text.replace("\n", continuation)


def _table(table: Table, report: ImportReport) -> str:
    """A GitHub-style pipe table; the first row is its header."""
    width = max(len(row) for row in table.rows)
    lines = []
    for index, row in enumerate(table.rows):
        row = [cell.without_bold() for cell in row] if index == 0 else row
        cells = [_inline(cell, report, breaks=False).replace("|", "\\|") for cell in row]
        cells += [""] * (width - len(cells))
        lines.append("| " + " | ".join(cells) + " |")
        if index == 0:
            lines.append("|" + "|".join(["---"] * width) + "|")
    return "\n".join(lines)


def _check_structure(blocks: list[Block], source: str) -> None:
    """Refuse what would not make an agreement, naming the styles a Word user knows."""
    if not blocks:
        raise InputError(tr("{source} bevat geen tekst.").format(source=source))
    headings = [b for b in blocks if isinstance(b, Heading) and b.level <= 2]
    for heading in headings:
        title = heading.content.plain()
        if len(title) > MAX_TITLE:
            raise InputError(tr("{source}: de kop '{start}…' is langer dan {limit} tekens; "
                                "maak hem korter.").format(source=source, start=title[:40], limit=MAX_TITLE))
    if not any(h.level == 1 for h in headings):
        raise InputError(tr(
            "{source} heeft geen kop met de stijl Kop 1 (Heading 1). Geef elk hoofdstuk de stijl Kop 1 "
            "en elke hoofdlijn de stijl Kop 2, en probeer het opnieuw.").format(source=source))
    if not any(h.level == 2 for h in headings):
        raise InputError(tr(
            "{source} heeft geen kop met de stijl Kop 2 (Heading 2): zonder hoofdlijnen is er niets te "
            "importeren. Geef elke hoofdlijn de stijl Kop 2.").format(source=source))
    seen_chapter = False
    for index, block in enumerate(blocks):
        if not isinstance(block, Heading) or block.level > 2:
            continue
        title = block.content.plain()
        if block.level == 1:
            seen_chapter = True
            continue
        if not seen_chapter:
            raise InputError(tr(
                "{source}: de hoofdlijn '{title}' (Kop 2) staat vóór de eerste kop met de stijl Kop 1; "
                "zet er een hoofdstuk boven.").format(source=source, title=title))
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if following is None or (isinstance(following, Heading) and following.level <= 2):
            raise InputError(tr("{source}: de hoofdlijn '{title}' (Kop 2) heeft geen tekst.").format(
                source=source, title=title))
