"""Section texts (Markdown) as data for the PDF templates: a tree of lists and strings, never markup.

The Typst templates walk this tree and show every string with Typst's own
text function, so a text from another party's package is never parsed as
Typst: ``#read("…")``, ``#set``, a stray ``#`` or ``]`` are characters like
any other. What the templates cannot show is handled here, character by
character (``printable``): the PDF/A standard refuses a character that the
embedded font has no glyph for, or one from the private-use area, so such a
character is printed as its code point (``[U+1F44D]``) instead of failing
the whole export or vanishing; a word too long for a line gets a break
opportunity now and then, so it runs on to the next line instead of off the
page.

A node is a list whose first item says what it is:

- blocks: ``["p", inlines]``, ``["h", level, inlines]``,
  ``["ul", [blocks, …]]``, ``["ol", start, [blocks, …]]``, ``["q", blocks]``,
  ``["code", text]``, ``["hr"]``, ``["table", aligns, header, rows]`` (a row
  is a list of cells, a cell a list of inlines);
- inlines: a string, ``["b", inlines]``, ``["i", inlines]``, ``["c", text]``,
  ``["a", url, inlines]``, ``["br"]``, ``["u", text]`` (a character printed as
  its code point), ``["n", number]`` (a line number in the margin, where a
  numbered line starts: ``raadsakkoord.diffing.lines`` decides where).
"""

from __future__ import annotations

import functools
import re
import struct

from raadsakkoord.base import paths
from raadsakkoord.diffing.lines import LineCutter, LineStart, cutters
from raadsakkoord.export.safe_html import markdown_tokens, nesting_limit

FONT_FILE = "DejaVuSans.ttf"
# Lists and quotes nested deeper than this are flattened: the template walks
# the tree recursively, and Typst stops deep recursion with an error.
MAX_DEPTH = 8
LONG_WORD = 48  # characters without a break opportunity before one is added
_BREAKABLE = re.compile(r"\S{" + str(LONG_WORD) + ",}")
ZERO_WIDTH_SPACE = "\u200b"


@functools.cache
def covered() -> frozenset[int]:
    """The code points the shipped font has a glyph for (its cmap, formats 4 and 12)."""
    data = (paths.fonts_dir() / FONT_FILE).read_bytes()
    tables = {data[12 + 16 * i:16 + 16 * i]: struct.unpack(">II", data[20 + 16 * i:28 + 16 * i])
              for i in range(struct.unpack(">H", data[4:6])[0])}
    offset = tables[b"cmap"][0]
    points: set[int] = set()
    for i in range(struct.unpack(">H", data[offset + 2:offset + 4])[0]):
        platform, _encoding, sub = struct.unpack(">HHI", data[offset + 4 + 8 * i:offset + 12 + 8 * i])
        if platform not in (0, 3):
            continue
        start = offset + sub
        kind = struct.unpack(">H", data[start:start + 2])[0]
        if kind == 4:
            count = struct.unpack(">H", data[start + 6:start + 8])[0] // 2
            ends = struct.unpack(f">{count}H", data[start + 14:start + 14 + 2 * count])
            starts = struct.unpack(f">{count}H", data[start + 16 + 2 * count:start + 16 + 4 * count])
            deltas = struct.unpack(f">{count}h", data[start + 16 + 4 * count:start + 16 + 6 * count])
            range_at = start + 16 + 6 * count
            ranges = struct.unpack(f">{count}H", data[range_at:range_at + 2 * count])
            for k in range(count):
                for code in range(starts[k], ends[k] + 1):
                    if code == 0xFFFF:
                        continue
                    if ranges[k] == 0:
                        glyph = (code + deltas[k]) & 0xFFFF
                    else:
                        at = range_at + 2 * k + ranges[k] + 2 * (code - starts[k])
                        glyph = struct.unpack(">H", data[at:at + 2])[0]
                        glyph = (glyph + deltas[k]) & 0xFFFF if glyph else 0
                    if glyph:
                        points.add(code)
        elif kind == 12:
            groups = struct.unpack(">I", data[start + 12:start + 16])[0]
            for k in range(groups):
                first, last, glyph = struct.unpack(">III", data[start + 16 + 12 * k:start + 28 + 12 * k])
                points.update(range(first, last + 1) if glyph else range(first + 1, last + 1))
    return frozenset(points)


def _shown(code: int) -> bool:
    if code in (0x09, 0x0A):
        return True
    if 0xE000 <= code <= 0xF8FF or code >= 0xF0000:
        return False  # private use: PDF/A refuses it whatever the font says
    return code in covered()


# Invisible formatting characters that belong in running text (joiners,
# direction marks, soft hyphen): kept as they are, the font or not.
_FORMAT = frozenset({0x00AD, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0x202A, 0x202B, 0x202C,
                     0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069})


@functools.cache
def _plain_characters() -> frozenset[str]:
    """Every character ``printable`` keeps as it is: a set of strings, so a text is checked in one set operation."""
    return frozenset(chr(code) for code in covered() if _shown(code)) | {chr(code) for code in _FORMAT} | {"\n", "\t"}


def printable(text: str) -> list:
    """Inlines for a plain string: the string itself, with a code point node for each unprintable character."""
    # The usual text has only characters the font shows: compare its few
    # distinct characters with the set, not every character one by one.
    if _plain_characters().issuperset(text):
        return [_breakable(text)] if text else []
    out: list = []
    run: list[str] = []
    for ch in text:
        code = ord(ch)
        if code in _FORMAT or _shown(code):
            run.append(ch)
            continue
        if run:
            out.append(_breakable("".join(run)))
            run = []
        out.append(["u", f"U+{code:04X}"])
    if run:
        out.append(_breakable("".join(run)))
    return out


def _breakable(text: str) -> str:
    if len(text) < LONG_WORD:
        return text
    return _BREAKABLE.sub(lambda m: ZERO_WIDTH_SPACE.join(
        m.group()[i:i + LONG_WORD // 2] for i in range(0, len(m.group()), LONG_WORD // 2)), text)


def plain(text: str) -> list:
    """Inlines for a one-line field (a title, a name): its characters, no Markdown."""
    return printable(" ".join(text.split()))


def lines(text: str) -> list:
    """Inlines for a plain text of several lines (a task description): line breaks kept, no Markdown."""
    out: list = []
    for number, line in enumerate(text.split("\n")):
        if number:
            out.append(["br"])
        out.extend(printable(line))
    return out


def blocks(markdown: str, *, heading: int = 3, numbered: bool = False) -> list:
    """Block nodes for a Markdown text whose own headings start at level ``heading``.

    Headings inside the text never skip a level (the outline of a tagged
    PDF must not), whatever the text's ``#`` count says: each is at most one
    deeper than the heading before it, and never above ``heading``.
    ``numbered``: broken into the numbered lines of a section text, each
    with its number in the margin.
    """
    tokens = markdown_tokens(markdown)
    cut = cutters(markdown) if numbered else {}
    if tokens and max(token.level for token in tokens) >= nesting_limit() - 1:
        # The parser leaves out what is nested deeper than its limit: such a
        # text is printed line by line as written, so that no word is lost.
        cutter = cut.get(("p", 0))
        if cutter is None:
            return [["p", lines(markdown)]]
        out: list = []
        for piece in cutter.feed(markdown):
            _piece(out, piece, printable)
        return [["p", out]]
    state = {"last": heading - 1, "cutters": cut}
    out, _ = _blocks(tokens, 0, len(tokens), heading, state, 0)
    return out


def _piece(out: list, piece: str | LineStart, show) -> None:
    if isinstance(piece, LineStart):
        if not piece.first:
            out.append(["br"])
        out.append(["n", piece.number])
    elif piece:
        out.extend(show(piece))


def _blocks(tokens, index: int, end: int, base: int, state: dict, depth: int) -> tuple[list, int]:
    out: list = []
    while index < end:
        token = tokens[index]
        kind = token.type
        if kind.endswith("_close"):
            return out, index + 1
        if kind == "paragraph_open":
            cutter = state["cutters"].get(("p", token.map[0])) if token.map else None
            out.append(["p", _inlines(tokens[index + 1].children or [], cutter)])
            index += 3
        elif kind == "heading_open":
            wanted = base + int(token.tag[1]) - 1
            level = max(base, min(wanted, state["last"] + 1, 6))
            state["last"] = level
            cutter = state["cutters"].get(("h", token.map[0])) if token.map else None
            out.append(["h", level, _inlines(tokens[index + 1].children or [], cutter)])
            index += 3
        elif kind in ("bullet_list_open", "ordered_list_open"):
            items, index = _items(tokens, index + 1, end, base, state, depth + 1)
            if depth + 1 > MAX_DEPTH:
                out.extend(block for item in items for block in item)
            elif kind == "bullet_list_open":
                out.append(["ul", items])
            else:
                out.append(["ol", int(token.attrGet("start") or 1), items])
        elif kind == "blockquote_open":
            inner, index = _blocks(tokens, index + 1, end, base, state, depth + 1)
            out.extend(inner) if depth + 1 > MAX_DEPTH else out.append(["q", inner])
        elif kind in ("fence", "code_block"):
            cutter = state["cutters"].get(("code", token.map[0])) if token.map else None
            if cutter is None:
                out.append(["code", _code(token.content.rstrip("\n"))])
            else:
                # Numbered, the code's lines are printed one by one, each beside its number.
                numbered: list = []
                for number, line in enumerate(token.content.rstrip("\n").split("\n")):
                    for piece in cutter.feed(("\n" if number else "") + line):
                        _piece(numbered, piece, lambda text: [["c", _code(text)]])
                out.append(["p", numbered])
            index += 1
        elif kind == "hr":
            out.append(["hr"])
            index += 1
        elif kind == "table_open":
            table, index = _table(tokens, index + 1, state["cutters"])
            out.append(table)
        else:  # html_block cannot occur (html is off); anything unknown is skipped whole
            index += 1
    return out, index


def _items(tokens, index: int, end: int, base: int, state: dict, depth: int) -> tuple[list, int]:
    items = []
    while index < end and tokens[index].type == "list_item_open":
        inner, index = _blocks(tokens, index + 1, end, base, state, depth)
        items.append(inner)
    return items, index + 1  # past the list's close


def _table(tokens, index: int, cut: dict) -> tuple[list, int]:
    header: list = []
    rows: list = []
    aligns: list[str] = []
    row: list | None = None
    in_head = False
    cutter: LineCutter | None = None
    while tokens[index].type != "table_close":
        token = tokens[index]
        if token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            row = []
            cutter = cut.get(("row", token.map[0])) if token.map else None
        elif token.type == "tr_close":
            (header if in_head else rows).append(row)
        elif token.type in ("th_open", "td_open"):
            style = token.attrGet("style") or ""
            if in_head:
                aligns.append("right" if "right" in style else "center" if "center" in style else "left")
            cell = tokens[index + 1]
            if cutter is not None and cutter.position and cell.content:
                cutter.skip(" ")  # counted between two cells, shown as the column gap
            row.append(_inlines(cell.children or [], cutter))
            index += 2
        index += 1
    width = max([len(aligns)] + [len(r) for r in header + rows])
    aligns += ["left"] * (width - len(aligns))
    rows = [r + [[]] * (width - len(r)) for r in rows]
    return ["table", aligns, header, rows], index + 1


def _code(text: str) -> str:
    # Raw text is shown as is; only what the font or PDF/A cannot hold is replaced.
    return "".join(part if isinstance(part, str) else f"[{part[1]}]" for part in printable(text))


def _inlines(children, cutter: LineCutter | None = None) -> list:
    out: list = []
    stack: list[list] = [out]

    def show(here: list, text: str, how=printable) -> None:
        if cutter is None:
            here.extend(how(text))
            return
        for piece in cutter.feed(text):
            _piece(here, piece, how)

    for child in children:
        kind = child.type
        here = stack[-1]
        if kind == "text":
            show(here, child.content)
        elif kind == "softbreak":
            show(here, " ", lambda text: [text])
        elif kind == "hardbreak":
            if cutter is None:
                here.append(["br"])
            else:  # the numbered line after it starts with its own break
                show(here, "\n", lambda text: [])
        elif kind == "code_inline":
            show(here, child.content, lambda text: [["c", _code(text)]])
        elif kind in ("strong_open", "em_open"):
            node = ["b" if kind == "strong_open" else "i", []]
            here.append(node)
            stack.append(node[1])
        elif kind == "link_open":
            node = ["a", child.attrGet("href") or "", []]
            here.append(node)
            stack.append(node[2])
        elif kind in ("strong_close", "em_close", "link_close"):
            if len(stack) > 1:
                stack.pop()
        elif kind == "image":
            # No PDF fetches anything: an image is its alternative text.
            for part in child.children or []:
                if part.type == "text":
                    show(here, part.content)
        elif child.content:  # html_inline cannot occur (html is off); any other token shows its source text
            show(here, child.content)
    return out
