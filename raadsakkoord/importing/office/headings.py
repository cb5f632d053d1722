"""Where a document's chapters and sections begin, also when it lacks the styles Kop 1 and Kop 2.

Real programmes often use one heading level only, numbered paragraphs in
bold ("3.", "3.2 Wonen"), the Title style, outline levels, or a house style
derived from a heading. The rules are tried in a fixed order and the first
that finds headings gives the outline, so the same document always gives
the same outline, and the outline says which rule found it:

1. headings (styles or outline levels): levels 1 and 2 as chapters and
   sections; else the two highest levels used; else one level, each heading
   a section in one chapter named after the document's title or file name;
2. numbered paragraphs ("1.", "1.1", "3.2 Wonen", "Hoofdstuk 2", "Artikel 3")
   in bold or larger type, or numbered by Word itself and bold;
3. short paragraphs in bold or larger type followed by body text.
"""

from __future__ import annotations

import re
from pathlib import Path

from raadsakkoord.base.errors import InputError
from raadsakkoord.base.i18n import tr
from raadsakkoord.importing.office.blocks import (
    Block,
    Heading,
    ListItem,
    Paragraph,
    Table,
    Title,
    blank,
    body_parts,
)
from raadsakkoord.importing.office.inline import BREAK
from raadsakkoord.importing.office.report import ImportReport
from raadsakkoord.importing.outline import CHAPTER, SECTION, Entry, Outline, Part, RULES

# "3", "3.2" or "3.2.1", with or without a closing dot, then the title (or nothing).
_NUMBER = re.compile(r"^(\d{1,3}(?:\.\d{1,3}){0,3})\.?(?:\s+(.*))?$")
_NAMED_NUMBER = re.compile(r"^(hoofdstuk|artikel|paragraaf|§)\s*(\d{1,3}(?:\.\d{1,3})*)\b", re.IGNORECASE)
MAX_HEADING_WORDS = 15  # longer, and a bold paragraph is a statement, not a heading
MAX_HEADING_CHARS = 150
# The rules tried when none finds headings, in the words of the refusal.
_TRIED = ("styles", "outline", "numbered", "bold")


def propose_outline(blocks: list[Block], report: ImportReport) -> Outline:
    """The outline the document's blocks suggest; InputError naming the rules tried if none finds headings."""
    blocks = [b for b in blocks if not blank(b)]
    if not blocks:
        raise InputError(tr("{source} bevat geen tekst.").format(source=report.source))
    titles = [b for b in blocks if isinstance(b, Title)]
    blocks = [b for b in blocks if not isinstance(b, Title)]
    name = titles[0].content.plain() if titles else Path(report.source).stem
    found = _by_headings(blocks) or _by_numbers(blocks) or _by_emphasis(blocks)
    if found is None:
        rules = ", ".join(tr(RULES[rule]) for rule in _TRIED)
        raise InputError(tr(
            "{source}: er zijn geen hoofdstukken en hoofdlijnen gevonden (geprobeerd: {rules}). Geef elk "
            "hoofdstuk de stijl Kop 1 en elke hoofdlijn de stijl Kop 2, en probeer het opnieuw.").format(
                source=report.source, rules=rules))
    rule, levels = found
    chapter_level = min(levels.values())
    section_level = max(levels.values())
    one_level = chapter_level == section_level
    if one_level:
        rule = rule if rule not in ("styles", "outline", "levels") else "one_level"
    # A title that names the single chapter is taken over; any other is counted as left out.
    if (titles and not one_level) or len(titles) > 1:
        report.add("title", len(titles) - (1 if one_level else 0))

    preamble: list[Block] = []
    entries: list[tuple[str, str, list[Block]]] = []
    if one_level:  # text before the first heading introduces the one chapter
        entries.append((CHAPTER, _one_line(name), []))
    for index, block in enumerate(blocks):
        level = levels.get(index)
        if level is None:
            (entries[-1][2] if entries else preamble).append(block)
            continue
        kind = SECTION if one_level or level != chapter_level else CHAPTER
        entries.append((kind, _heading_title(block, rule), []))
    depth = section_level if rule in ("styles", "outline", "levels", "one_level") else 2
    return Outline(
        source=report.source, rule=rule, named_chapter=one_level,
        preamble=_parts(preamble, report, depth),
        entries=tuple(Entry(kind, title, _parts(body, report, depth)) for kind, title, body in entries))


def _parts(blocks: list[Block], report: ImportReport, section_level: int) -> tuple[Part, ...]:
    return tuple(Part(markdown, plain) for markdown, plain in body_parts(blocks, report, section_level=section_level))


def _one_line(text: str) -> str:
    return " ".join(text.split())


# -- the rules: each gives (rule, {block index: level}) or None -----------------------------------

def _by_headings(blocks: list[Block]) -> tuple[str, dict[int, int]] | None:
    headings = {i: b for i, b in enumerate(blocks) if isinstance(b, Heading)}
    if not headings:
        return None
    used = sorted({h.level for h in headings.values()})
    if used[:2] == [1, 2]:
        styled = all(h.by_style for h in headings.values() if h.level <= 2)
        return ("styles" if styled else "outline"), {i: h.level for i, h in headings.items() if h.level <= 2}
    top = used[:2]
    return "levels", {i: h.level for i, h in headings.items() if h.level in top}


def _by_numbers(blocks: list[Block]) -> tuple[str, dict[int, int]] | None:
    levels: dict[int, int] = {}
    large = False
    for index, block in enumerate(blocks):
        if isinstance(block, ListItem):
            # Word's own numbering: the number is not in the text, the list level is the depth.
            # A heading is followed by text or by the next heading, not by the rest of a plain list.
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if (block.ordered and _bold(block) and _short(block.content.plain())
                    and not (isinstance(following, ListItem) and not _bold(following))):
                levels[index] = block.level + 1
            continue
        if not isinstance(block, Paragraph) or not _short(block.content.plain()):
            continue
        depth = _number_depth(block.content.plain())
        if depth is None:
            continue
        if _bold(block):
            levels[index] = depth
        elif block.large:
            levels[index] = depth
            large = True
    if not levels:
        return None
    top = sorted(set(levels.values()))[:2]
    return ("numbered_large" if large else "numbered"), {i: d for i, d in levels.items() if d in top}


def _by_emphasis(blocks: list[Block]) -> tuple[str, dict[int, int]] | None:
    bold: set[int] = set()
    large: set[int] = set()
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        text = block.content.plain() if isinstance(block, Paragraph) else ""
        if not _short(text) or text.endswith((".", ":", ";", ",")):
            continue
        # A heading in larger type may be followed straight away by a bold one beneath it.
        if block.large and (_body(following) or (isinstance(following, Paragraph) and _bold(following))):
            large.add(index)
        elif not block.large and _bold(block) and _body(following):
            bold.add(index)
    if large and bold:
        return "large_bold", {**{i: 1 for i in large}, **{i: 2 for i in bold}}
    if large:
        return "large", {i: 2 for i in large}
    if bold:
        return "bold", {i: 2 for i in bold}
    return None


def _body(block: Block | None) -> bool:
    """Whether a block is body text that may follow a heading."""
    if block is None:
        return False
    if isinstance(block, (ListItem, Table)):
        return True
    if isinstance(block, Paragraph):
        return not (block.large or _bold(block))
    return False


def _bold(block: Paragraph | ListItem) -> bool:
    """Bold as a whole: by its style, or every word of it by hand."""
    pieces = [p for p in block.content.pieces if p.text != BREAK and p.text.strip()]
    return block.strong or (bool(pieces) and all(p.bold for p in pieces))


def _short(text: str) -> bool:
    return 0 < len(text) <= MAX_HEADING_CHARS and len(text.split()) <= MAX_HEADING_WORDS


def _number_depth(text: str) -> int | None:
    named = _NAMED_NUMBER.match(text)
    if named:
        return 1 if named.group(1).lower() == "hoofdstuk" else 2
    match = _NUMBER.match(text)
    if match is None:
        return None
    return match.group(1).count(".") + 1


def _heading_title(block: Block, rule: str) -> str:
    text = _one_line(block.content.plain())
    if rule in ("numbered", "numbered_large") and isinstance(block, Paragraph):
        # The agreement numbers chapters and sections itself; "Artikel 3" keeps its word.
        match = _NUMBER.match(text)
        if match and match.group(2):
            return match.group(2).strip()
    return text
