"""The blocks a word processor's document is read into, and the Markdown each becomes.

Both readers (.docx and .odt) produce the same blocks, so the rules for
turning them into Markdown live here once. Which blocks are headings, and
so where chapters and sections begin, is decided in ``office.headings``;
a paragraph carries what that needs (bold, larger type).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from raadsakkoord.importing.office.inline import Inline, escape_text
from raadsakkoord.importing.office.report import ImportReport


@dataclass
class Heading:
    level: int  # 1–9, as the document's outline has it
    content: Inline
    by_style: bool = True  # a style named "Heading N"/"Kop N"; False: an outline level alone


@dataclass
class Paragraph:
    content: Inline
    strong: bool = False  # bold through the paragraph's own style (bold runs are in the content)
    large: bool = False  # in larger type than the document's body text


@dataclass
class Title:
    """The document's Title (or Subtitle) paragraph: a name for the whole, not a chapter."""

    content: Inline


@dataclass
class ListItem:
    ordered: bool
    level: int  # 0 for the outer list
    number: int  # for an ordered item: the number the reader saw
    content: Inline
    strong: bool = False  # bold through the paragraph's own style (a numbered heading style)


@dataclass
class Table:
    rows: list[list[Inline]] = field(default_factory=list)


Block = Heading | Paragraph | ListItem | Table | Title


def body_parts(blocks: list[Block], report: ImportReport, *, section_level: int = 2) -> list[tuple[str, str]]:
    """(Markdown, plain text) per part of a body: a paragraph, a whole list, a table, a sub-heading.

    A heading here is deeper than a section; ``section_level`` is the
    document's level of sections, so that its next level down becomes ``###``.
    """
    parts: list[tuple[str, str]] = []
    previous: Block | None = None
    markers: list[tuple[int, str]] = []  # per open list level: (indent, marker) of its last item
    for block in blocks:
        if isinstance(block, ListItem):
            if not isinstance(previous, ListItem):
                markers.clear()
            text = _list_item(block, markers, report)
            if isinstance(previous, ListItem):
                markdown, plain = parts[-1]
                parts[-1] = (markdown + "\n" + text, plain + " " + block.content.plain())
            else:
                parts.append((text, block.content.plain()))
        elif isinstance(block, Heading):
            depth = min(max(block.level - section_level + 2, 3), 6)
            parts.append(("#" * depth + " " + escape_text(block.content.plain()), block.content.plain()))
        elif isinstance(block, Table):
            plain = " ".join(cell.plain() for row in block.rows for cell in row if not cell.empty)
            parts.append((_table(block, report), plain))
        else:
            parts.append((_inline(block.content, report), block.content.plain()))
        previous = block
    return parts


def blocks_markdown(blocks: list[Block], report: ImportReport) -> str:
    """The Markdown of a section's body as it stands (its own headings are below a section's level)."""
    parts = body_parts([b for b in blocks if not blank(b)], report)
    return "\n\n".join(markdown for markdown, _plain in parts) + "\n" if parts else ""


def blank(block: Block) -> bool:
    """Whether the block holds no text: spacing, or what was left out (an image alone)."""
    if isinstance(block, Table):
        return all(cell.empty for row in block.rows for cell in row)
    return block.content.empty


def _inline(content: Inline, report: ImportReport, *, breaks: bool = True) -> str:
    text, lost = content.markdown(breaks=breaks)
    if lost:
        report.add("emphasis")
    return text


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
