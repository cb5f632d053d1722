"""Line numbers (regelnummers) of a section text: our own line breaking, the same on screen and in every export.

Council members point at text by line: "hoofdlijn 8.4, regels 12–14". So the
lines cannot be whatever a font, a window width or a word processor makes of
them: the text is broken here, deterministically and without fonts, and every
renderer breaks exactly where ``number_lines`` says and prints the numbers
beside it. The numbers of a revision, and so of a published round, never change.

The rules, in the reader's terms:

* A section's Markdown is read by the shared CommonMark parser
  (``raadsakkoord.base.commonmark``), exactly as the exports read it. Each
  block is broken on its own: a paragraph (also inside a list item or a
  quote), a heading, a table row, a code block. A horizontal rule has no text
  and no line.
* The visible text is the text without its markup: ``**vet**`` is "vet", a
  link is its text, an image its alternative text, an inline code its code.
  A line break inside a paragraph is a space; a hard line break (a backslash
  at the end of a line) ends a line.
* Greedy word wrap at ``LINE_WIDTH`` characters, counting every character as
  one: a word goes on the line if it fits, else it starts the next one. A word
  longer than the width is cut into pieces of the width; nothing else is ever
  cut. White space between words is one space, and none starts or ends a line.
* A list marker ("•", "1.") or the bar of a quote is drawn in the margin by
  the renderer and is not part of a line's text; each level of nesting takes
  ``INDENT`` characters off the width, as the exports indent it.
* Headings are set larger, so they break at ``HEADING_WIDTH``.
* A table row is one line, its cells' texts one after the other; a code
  block's lines are its own lines. Both are printed as written, however long.

Numbering runs through the whole section text from 1.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from raadsakkoord.base.i18n import mark, tr
from raadsakkoord.diffing.model import Kind, Op, TextDiff
from raadsakkoord.diffing.paragraphs import diff
from raadsakkoord.diffing.tokens import PARAGRAPH_SEPARATOR

# About 70 characters fit the text column of the PDF (A4, 10 pt DejaVu Sans),
# the HTML page and the Word document at their fonts with room to spare for
# wide letters; 70 is also the length a reader's eye follows comfortably.
LINE_WIDTH = 70
# Characters each level of list or quote nesting takes off the width.
INDENT = 4
# Headings inside a section text are set at about 1.2 times the body size.
HEADING_WIDTH = 58
# However deep the nesting, a line keeps room for a few words.
MIN_WIDTH = 24


@dataclass(frozen=True)
class Line:
    number: int  # 1-based, counted through the whole section text
    block: int  # 0-based index of the block (paragraph, heading, table row, code block)
    text: str  # the visible text of the line, as shown
    start: int  # offset into the section's Markdown source where the line's text starts
    end: int  # offset just past its last character in the source
    # Where the line lies in its block's visible text (``block_texts``):
    # renderers walk the same tokens, count the same characters, and break here.
    visible_start: int = 0
    visible_end: int = 0


def number_lines(text: str) -> tuple[Line, ...]:
    """The numbered lines of a section's Markdown text."""
    return _numbered(text)


def line_range(lines: Sequence[Line], start: int, end: int) -> tuple[int, int]:
    """First and last line number covering ``source[start:end]``; an empty range gives the line at ``start``.

    A position between two lines (in markup or white space) belongs to the
    line after it; past the last line, to the last line. No lines: (0, 0).
    """
    if not lines:
        return 0, 0
    first = _line_at(lines, start)
    if end <= start:
        return first, first
    last = _line_at(lines, end - 1)
    # A range that ends in the gap before a line does not reach into it.
    if last > first and lines[last - 1].start >= end:
        last -= 1
    return first, max(first, last)


def lines_changed(base: str, amended: str) -> tuple[int, int] | None:
    """First and last line of ``base`` that the change to ``amended`` touches; None when nothing changes."""
    return lines_of_diff(base, diff(base, amended))


def lines_of_diff(base: str, text_diff: TextDiff) -> tuple[int, int] | None:
    """First and last line of ``base`` that a diff of it changes; None when it changes nothing.

    Every deleted, changed or inserted stretch counts, and the reference runs
    from the first to the last of them. An insertion between two lines
    belongs to the line after it, at the end to the last line.
    """
    lines = number_lines(base)
    if not lines:
        return None
    start = end = None
    position = 0
    seen_old = False
    for paragraph in text_diff.paragraphs:
        if paragraph.old is not None:
            position += len(PARAGRAPH_SEPARATOR) if seen_old else 0
            seen_old = True
        if paragraph.kind is Kind.EQUAL:
            position += len(paragraph.old)
            continue
        for span in paragraph.spans:
            if span.op is Op.INSERT:
                changed = (position, position)
            else:
                changed = (position, position + len(span.text))
                position += len(span.text)
                if span.op is Op.EQUAL:
                    continue
            start = changed[0] if start is None else min(start, changed[0])
            end = changed[1] if end is None else max(end, changed[1])
    if start is None:
        return None
    return line_range(lines, start, end)


_ONE_LINE = mark("regel {line}")
_LINES = mark("regels {first}–{last}")


def line_reference(first: int, last: int | None = None, *, translated: bool = True) -> str:
    """ "regel 23" or "regels 12–14" (English "line 23", "lines 12–14" when translated).

    Exported documents are Dutch whatever the window's language: they ask
    for ``translated=False``.
    """
    last = first if last is None else last
    first, last = min(first, last), max(first, last)
    template = _ONE_LINE if first == last else _LINES
    return (tr(template) if translated else template).format(line=first, first=first, last=last)


def _line_at(lines: Sequence[Line], offset: int) -> int:
    # Ends are exclusive: the first line ending after ``offset`` holds it, or follows it.
    k = bisect_right([line.end for line in lines], offset)
    return lines[min(k, len(lines) - 1)].number


@dataclass(frozen=True)
class Block:
    """One block's visible text and where it lies in the source, for renderers that break it into lines."""

    index: int
    kind: str  # "p", "h", "row", "code"
    text: str  # the visible text: words, spaces, "\n" for a hard line break
    source_line: int  # the line of the source where the parser's token for the block starts (its ``map[0]``)
    depth: int = 0  # how deep in lists and quotes
    marker: str = ""  # "•" or "3." before the first paragraph of a list item


@dataclass(frozen=True)
class LineStart:
    """Where a renderer starts a line: after a line break unless ``first`` of its block, with the number beside it."""

    number: int
    first: bool


class LineCutter:
    """Tells a renderer, walking a block's inline tokens, where its lines start and what to leave out.

    The renderer feeds every piece of visible text in the order the parser
    gives it, counted as ``number_lines`` counts it: a text's or inline
    code's content, " " for a soft and "\n" for a hard line break, an image's
    alternative text. Out come the pieces to print and a ``LineStart``
    wherever a line begins; the white space between two lines is left out.
    """

    def __init__(self, lines: Sequence[Line]) -> None:
        self.lines = lines
        self.next = 0  # index of the next line to start
        self.position = 0  # visible characters fed so far

    def feed(self, shown: str) -> list[str | LineStart]:
        out: list[str | LineStart] = []
        lines, i, n = self.lines, 0, len(shown)
        while i < n:
            at = self.position + i
            if self.next < len(lines) and at >= lines[self.next].visible_start:
                out.append(LineStart(lines[self.next].number, self.next == 0))
                self.next += 1
                continue
            current = lines[self.next - 1] if self.next else None
            if current is not None and at < current.visible_end:
                take = min(n, current.visible_end - self.position)
                out.append(shown[i:take])
                i = take
            else:
                i = min(n, lines[self.next].visible_start - self.position) if self.next < len(lines) else n
        self.position += n
        return out

    def skip(self, shown: str) -> None:
        """Count characters the renderer shows its own way (the space between two table cells)."""
        self.position += len(shown)


def block_texts(text: str) -> tuple[Block, ...]:
    return _layout(text)[1]


def cutters(text: str) -> dict[tuple[str, int], LineCutter]:
    """A fresh ``LineCutter`` per block of ``text``, by the block's kind and ``source_line``.

    A renderer that parses the same text with the same parser finds its
    block's cutter by the token's kind and ``map[0]``; a text nested deeper
    than the parser follows has one block, ("p", 0), holding all its lines.
    """
    lines, blocks = _layout(text)
    by_block: dict[int, list[Line]] = {}
    for line in lines:
        by_block.setdefault(line.block, []).append(line)
    return {(block.kind, block.source_line): LineCutter(by_block.get(block.index, ())) for block in blocks}


@lru_cache(maxsize=4096)
def _numbered(text: str) -> tuple[Line, ...]:
    return _layout(text)[0]


_LINE_END = re.compile(r"\r\n?|\n")
_WORD = re.compile(r"[^ \n]+")
_SPACES = re.compile(r" +")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Characters that may stand between two visible characters without being
# shown: emphasis, brackets, escapes, a quote's bar, indentation, table bars.
_MARKUP = frozenset("*_[]!`<>\\| \t")


@lru_cache(maxsize=64)
def _parser():
    # Imported here: `raadsakkoord diff` and `merge` load the diffing package
    # and must start without loading a Markdown parser they never use.
    from raadsakkoord.base.commonmark import new_parser

    return new_parser()


@lru_cache(maxsize=4096)
def _layout(text: str) -> tuple[tuple[Line, ...], tuple[Block, ...]]:
    tokens = _parser().parse(text)
    # Line starts as the parser counts lines (it reads "\r" and "\r\n" as "\n"), and one past the end.
    starts = [0, *(found.end() for found in _LINE_END.finditer(text)), len(text) + 1, len(text) + 1]
    lines: list[Line] = []
    blocks: list[Block] = []

    depth = 0  # list and quote nesting of the block being read
    markers: list[list] = []  # per open list: [ordered, next number]
    pending = [""]

    def add(kind: str, aligned: _Aligned, width: int | None, source_line: int) -> None:
        index = len(blocks)
        blocks.append(Block(index, kind, aligned.visible, source_line, depth, pending[0]))
        pending[0] = ""
        ranges = _wrap(aligned.visible, width) if width else _whole(aligned.visible)
        for a, b in ranges:
            shown = _SPACES.sub(" ", aligned.visible[a:b]) if width else aligned.visible[a:b]
            lines.append(Line(len(lines) + 1, index, shown, aligned.source_start(a), aligned.source_end(b - 1), a, b))

    if tokens and max(token.level for token in tokens) >= _parser().options["maxNesting"] - 1:
        # Nested deeper than the parser follows: the exports print such a
        # text line by line as written, and so it is numbered.
        aligned = _Aligned(text, 0, len(text))
        aligned.emit(text, 0, len(text), True)
        add("p", aligned, LINE_WIDTH, 0)
        return tuple(lines), tuple(blocks)

    index = 0
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open", "blockquote_open"):
            depth += 1
            if kind != "blockquote_open":
                markers.append([kind == "ordered_list_open", int(token.attrGet("start") or 1)])
        elif kind in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
            depth -= 1
            if kind != "blockquote_close" and markers:
                markers.pop()
        elif kind == "list_item_open" and markers:
            ordered, number = markers[-1]
            pending[0] = f"{number}{token.markup}" if ordered else "•"
            markers[-1][1] += 1
        elif kind in ("paragraph_open", "heading_open"):
            inline = tokens[index + 1]
            heading = kind == "heading_open"
            line0, line1 = inline.map
            aligned = _Aligned(text, starts[line0], starts[line1] - 1)
            first = inline.content.split("\n", 1)[0]
            at = text.rfind(first, starts[line0], starts[line0 + 1] - 1) if first else -1
            aligned.cursor = at if at >= 0 else starts[line0]
            aligned.inlines(inline.children or [])
            width = max(MIN_WIDTH, (HEADING_WIDTH if heading else LINE_WIDTH) - INDENT * depth)
            add("h" if heading else "p", aligned, width, line0)
            index += 3
            continue
        elif kind == "tr_open":
            line0 = token.map[0]
            aligned = _Aligned(text, starts[line0], starts[line0 + 1] - 1)
            aligned.cursor = starts[line0]
            index += 1
            while tokens[index].type != "tr_close":
                if tokens[index].type == "inline":
                    cell = tokens[index]
                    if aligned.visible_length and cell.content:
                        aligned.emit(" ", aligned.cursor, aligned.cursor, False)
                    at = text.find(cell.content, aligned.cursor, aligned.limit) if cell.content else -1
                    if at >= 0:
                        aligned.cursor = at
                    aligned.inlines(cell.children or [])
                index += 1
            if aligned.visible.strip():
                add("row", aligned, None, line0)
        elif kind in ("fence", "code_block"):
            line0, line1 = token.map
            first = line0 + 1 if kind == "fence" else line0
            aligned = _Aligned(text, starts[line0], starts[line1] - 1)
            for number, content in enumerate(token.content.rstrip("\n").split("\n")):
                if number:
                    aligned.emit("\n", aligned.cursor, aligned.cursor, False)
                row = first + number
                at = text.rfind(content, starts[row], starts[row + 1] - 1) if content and row < line1 else -1
                if at < 0:
                    at = min(starts[min(row, len(starts) - 2)], len(text))
                if content:
                    aligned.emit(content, at, at + len(content), True)
                aligned.cursor = at + len(content)
            if aligned.visible.strip():
                add("code", aligned, None, line0)
        index += 1
    return tuple(lines), tuple(blocks)


def _wrap(visible: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap: ranges of ``visible`` per line, each at most ``width`` unless one word is longer."""
    out: list[tuple[int, int]] = []
    begin = 0
    while begin <= len(visible):
        stop = visible.find("\n", begin)
        if stop < 0:
            stop = len(visible)
        line_start = -1
        line_end = length = 0
        for word in _WORD.finditer(visible, begin, stop):
            a, b = word.span()
            size = b - a
            if line_start >= 0 and length + 1 + size <= width:
                line_end, length = b, length + 1 + size
                continue
            if line_start >= 0:
                out.append((line_start, line_end))
            while size > width:
                out.append((a, a + width))
                a, size = a + width, size - width
            line_start, line_end, length = a, b, size
        if line_start >= 0:
            out.append((line_start, line_end))
        begin = stop + 1
    return out


def _whole(visible: str) -> list[tuple[int, int]]:
    """One line per hard line of ``visible``, without the white space around it."""
    out = []
    begin = 0
    for part in visible.split("\n"):
        stripped = part.strip(" ")
        if stripped:
            a = begin + part.index(stripped)
            out.append((a, a + len(stripped)))
        begin += len(part) + 1
    return out


class _Aligned:
    """A block's visible text built from its inline tokens, each run tied to where it stands in the source.

    The parser's tokens carry the visible text but not its place in the
    source; it is found by walking the source alongside, over the markup.
    """

    def __init__(self, source: str, begin: int, limit: int) -> None:
        self.source = source
        self.begin = begin
        self.limit = min(max(limit, begin), len(source))
        self.cursor = begin
        self.parts: list[str] = []
        self.visible_length = 0
        # Per run: where it starts in the visible text, in the source, and
        # (for a run that is not a copy of the source, like an entity) its source end.
        self.visible_starts: list[int] = []
        self.source_starts: list[int] = []
        self.source_ends: list[int] = []
        self.copies: list[bool] = []

    @property
    def visible(self) -> str:
        if len(self.parts) != 1:
            self.parts = ["".join(self.parts)]
        return self.parts[0]

    def emit(self, shown: str, start: int, end: int, copy: bool) -> None:
        if (copy and self.copies and self.copies[-1]
                and self.source_starts[-1] + self.visible_length - self.visible_starts[-1] == start):
            self.source_ends[-1] = end
        else:
            self.visible_starts.append(self.visible_length)
            self.source_starts.append(start)
            self.source_ends.append(end)
            self.copies.append(copy)
        self.parts.append(shown)
        self.visible_length += len(shown)

    def source_start(self, at: int) -> int:
        k = bisect_right(self.visible_starts, at) - 1
        if self.copies[k]:
            return self.source_starts[k] + at - self.visible_starts[k]
        return self.source_starts[k]

    def source_end(self, at: int) -> int:
        k = bisect_right(self.visible_starts, at) - 1
        if self.copies[k]:
            return self.source_starts[k] + at - self.visible_starts[k] + 1
        return max(self.source_ends[k], self.source_starts[k] + 1)

    def inlines(self, children) -> None:
        links: list[str] = []
        for child in children:
            kind = child.type
            if kind == "text":
                self.text(child.content, entities=True)
            elif kind in ("softbreak", "hardbreak"):
                at = self.source.find("\n", self.cursor, self.limit)
                at = at if at >= 0 else self.cursor
                self.emit(" " if kind == "softbreak" else "\n", at, at + 1, False)
                self.cursor = at + 1
            elif kind == "code_inline":
                self.code(child.content, child.markup)
            elif kind == "link_open":
                links.append(child.markup)
            elif kind == "link_close":
                self.past_destination(links.pop() if links else "")
            elif kind == "image":
                for part in child.children or []:
                    if part.type == "text":
                        self.text(part.content, entities=True)
                self.past_destination("")
            elif child.content and kind not in ("strong_open", "strong_close", "em_open", "em_close"):
                self.text(child.content, entities=True)

    def skip(self, at: int) -> int:
        while at < self.limit and self.source[at] in _MARKUP:
            at += 1
        return at

    def text(self, content: str, *, entities: bool) -> None:
        if not content:
            return
        source, at = self.source, self.cursor
        while at < self.limit:
            if source.startswith(content, at) and at + len(content) <= self.limit:
                self.emit(content, at, at + len(content), True)
                self.cursor = at + len(content)
                return
            if source[at] not in _MARKUP:
                break
            at += 1
        for ch in content:
            self.character(ch, entities=entities)

    def character(self, ch: str, *, entities: bool) -> None:
        source, at = self.source, self.cursor
        while at < self.limit:
            found = source[at]
            if entities and found == "&":
                entity = _ENTITY.match(source, at)
                if entity:
                    self.emit(ch, at, entity.end(), False)
                    self.cursor = entity.end()
                    return
            if found == ch or (ch == " " and found == "\n"):
                self.emit(ch, at, at + 1, True)
                self.cursor = at + 1
                return
            if found not in _MARKUP:
                break
            at += 1
        # Not where expected (a character the parser made of something
        # else): tied to the place reached, so the offsets stay in order.
        place = min(max(self.cursor - 1, self.begin), max(len(source) - 1, 0))
        self.emit(ch, place, place + 1, False)

    def code(self, content: str, markup: str) -> None:
        at = self.skip(self.cursor)
        for start in (at, at + 1):
            if self.source.startswith(content, start):
                self.emit(content, start, start + len(content), True)
                self.cursor = start + len(content)
                break
        else:
            self.cursor = at
            for ch in content:
                self.character(ch, entities=False)
        close = self.source.find(markup, self.cursor, self.limit) if markup else -1
        if close >= 0:
            self.cursor = close + len(markup)

    def past_destination(self, markup: str) -> None:
        """Move past the ``](address "title")`` of a link or image, which is not shown."""
        source, at = self.source, self.cursor
        while at < self.limit and source[at] in "*_`":
            at += 1
        if markup == "autolink":
            self.cursor = at + 1 if at < self.limit and source[at] == ">" else at
            return
        if source.startswith("](", at):
            at += 2
            depth = 0
            while at < self.limit:
                ch = source[at]
                if ch == "\\":
                    at += 2
                    continue
                if ch == "(":
                    depth += 1
                elif ch == ")":
                    if depth == 0:
                        at += 1
                        break
                    depth -= 1
                elif ch == "<" and source[at - 1] in "( ":
                    close = source.find(">", at, self.limit)
                    at = close if close >= 0 else at
                at += 1
        elif source.startswith("]", at):
            at += 1
            if source.startswith("[", at):
                close = source.find("]", at, self.limit)
                at = close + 1 if close >= 0 else at
        self.cursor = min(at, self.limit)
