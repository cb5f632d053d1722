"""Text with bold, italic and links from a word processor, written as Markdown that means the same.

A word processor's text is literal: an asterisk is an asterisk. So every
character Markdown would read as markup is escaped, and emphasis is written
with markers that CommonMark reads back as the same bold and italic. Where
CommonMark cannot express a boundary (bold that ends in punctuation glued to
the next word: ``**Let op:**nu``), the paragraph is checked by parsing it
back, and written without emphasis rather than with stray asterisks.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from markdown_it import MarkdownIt

BREAK = "\n"  # a manual line break inside a paragraph

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<])")
_ENTITY = re.compile(r"&(?=#\d+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")
_WHITE = re.compile(r"[\t\n\r\v\f]")
_ALLOWED_LINK = re.compile(r"^(https?:|mailto:)", re.IGNORECASE)

# What would turn a line into a block of its own: a heading, a quote, a list
# item, a setext underline or thematic break, a code fence. Escaped at the
# start of every line of a paragraph.
_LINE_START = [
    (re.compile(r"^(#{1,6})(?=\s|$)"), lambda m: "\\" + m.group(1)),
    (re.compile(r"^>"), lambda m: "\\>"),
    (re.compile(r"^([-+])(?=\s|$)"), lambda m: "\\" + m.group(1)),
    (re.compile(r"^(\d{1,9})([.)])(?=\s|$)"), lambda m: m.group(1) + "\\" + m.group(2)),
    (re.compile(r"^(?=[-=][-=\s]*$)"), lambda m: "\\"),
    (re.compile(r"^~~~"), lambda m: "\\~~~"),
]


def escape_text(text: str) -> str:
    """Literal text as Markdown inline text."""
    return _ENTITY.sub("\\\\&", _INLINE_SPECIAL.sub(r"\\\1", text))


def escape_line_starts(markdown: str) -> str:
    """Keep every line of a paragraph inside the paragraph (no heading, list or code block)."""
    lines = []
    for line in markdown.split("\n"):
        line = line.lstrip(" \t")  # four spaces would make a code block
        for pattern, replace in _LINE_START:
            line, count = pattern.subn(replace, line, count=1)
            if count:
                break
        lines.append(line)
    return "\n".join(lines)


@dataclass(frozen=True)
class Piece:
    text: str  # BREAK for a manual line break
    bold: bool = False
    italic: bool = False
    link: str | None = None


class Inline:
    """The content of one paragraph, heading or table cell, piece by piece."""

    def __init__(self) -> None:
        self.pieces: list[Piece] = []

    def add(self, text: str, *, bold: bool = False, italic: bool = False, link: str | None = None) -> None:
        text = _WHITE.sub(" ", text)  # a line ends only where the document has a break
        if text:
            if link is not None and not _ALLOWED_LINK.match(link.strip()):
                link = None  # only the links the export keeps (export/markdown.py)
            self.pieces.append(Piece(text, bold, italic, link and link.strip()))

    def without_bold(self) -> Inline:
        """The same content not bold (a table's header row is bold by itself)."""
        plain = Inline()
        plain.pieces = [Piece(p.text, False, p.italic, p.link) for p in self.pieces]
        return plain

    def line_break(self) -> None:
        self.pieces.append(Piece(BREAK))

    def plain(self) -> str:
        """The text alone, breaks as spaces, white space collapsed (for titles)."""
        return " ".join("".join(" " if p.text == BREAK else p.text for p in self.pieces).split())

    @property
    def empty(self) -> bool:
        return not self.plain()

    def markdown(self, *, breaks: bool = True) -> tuple[str, bool]:
        """The Markdown, and whether emphasis had to be left out to keep it readable."""
        pieces = _trimmed(self.pieces, breaks)
        text = _render(pieces, emphasis=True)
        if any(p.bold or p.italic for p in pieces) and _emphasis_of(text) != _expected(pieces):
            return _render(pieces, emphasis=False), True
        return text, False


def _trimmed(pieces: list[Piece], breaks: bool) -> list[Piece]:
    """Breaks as spaces where not wanted; no white space or breaks at either end."""
    out = [p if breaks or p.text != BREAK else Piece(" ", p.bold, p.italic, p.link) for p in pieces]
    while out and (out[0].text == BREAK or not out[0].text.strip()):
        out.pop(0)
    while out and (out[-1].text == BREAK or not out[-1].text.strip()):
        out.pop()
    if out:
        out[0] = Piece(out[0].text.lstrip(), out[0].bold, out[0].italic, out[0].link)
        out[-1] = Piece(out[-1].text.rstrip(), out[-1].bold, out[-1].italic, out[-1].link)
    return out


def _render(pieces: list[Piece], *, emphasis: bool) -> str:
    out: list[str] = []
    index = 0
    while index < len(pieces):
        link = pieces[index].link
        end = index
        while end < len(pieces) and pieces[end].link == link:
            end += 1
        inner = _emphasised(pieces[index:end], emphasis)
        if link and inner.strip():
            destination = link.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
            out.append(f"[{inner}]({destination})")
        else:
            out.append(inner)
        index = end
    # Markdown shows a run of spaces as one; storing one keeps diffs of the text quiet.
    return escape_line_starts(re.sub(r" {2,}", " ", "".join(out)))


def _emphasised(pieces: list[Piece], emphasis: bool) -> str:
    """Markers opened and closed around the pieces; white space always outside a marker."""
    out: list[str] = []
    stack: list[str] = []  # open markers, "**" or "*"

    def close(marker: str) -> None:
        # Closing markers go before trailing white space, or CommonMark will not close them.
        body = "".join(out)
        stripped = body.rstrip()
        out[:] = [stripped, marker, body[len(stripped):]]
        stack.remove(marker)

    for piece in pieces:
        if piece.text == BREAK:
            out.append("\\\n")
            continue
        if not piece.text.strip():
            out.append(piece.text)
            continue
        want = {"**"} if emphasis and piece.bold else set()
        if emphasis and piece.italic:
            want.add("*")
        while any(m not in want for m in stack):
            close(stack[-1])
        lead = piece.text[: len(piece.text) - len(piece.text.lstrip())]
        out.append(lead)
        for marker in ("**", "*"):
            if marker in want and marker not in stack:
                out.append(marker)
                stack.append(marker)
        out.append(escape_text(piece.text.lstrip()))
    while stack:
        close(stack[-1])
    return "".join(out)


@functools.cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False})


def _emphasis_of(markdown: str) -> list[tuple[str, bool, bool]]:
    """(text, bold, italic) per piece of what CommonMark makes of ``markdown``."""
    found: list[tuple[str, bool, bool]] = []
    bold = italic = 0
    for block in _parser().parseInline(markdown.replace("\\\n", " ")):
        for token in block.children or []:
            if token.type in ("strong_open", "strong_close"):
                bold += 1 if token.type == "strong_open" else -1
            elif token.type in ("em_open", "em_close"):
                italic += 1 if token.type == "em_open" else -1
            elif token.type in ("text", "code_inline"):
                found.append((token.content, bold > 0, italic > 0))
            elif token.type == "softbreak":
                found.append(("\n", bold > 0, italic > 0))
    return _merge(found)


def _expected(pieces: list[Piece]) -> list[tuple[str, bool, bool]]:
    return _merge([(" " if p.text == BREAK else p.text, p.bold, p.italic) for p in pieces])


def _merge(parts: list[tuple[str, bool, bool]]) -> list[tuple[str, bool, bool]]:
    """Adjacent parts with the same emphasis as one; white space carries no emphasis."""
    merged: list[tuple[str, bool, bool]] = []
    for text, bold, italic in parts:
        text = re.sub(r"\s+", " ", text)
        if not text:
            continue
        if not text.strip() and merged:
            merged[-1] = (merged[-1][0] + text, merged[-1][1], merged[-1][2])
            continue
        if merged and merged[-1][1:] == (bold, italic):
            merged[-1] = (merged[-1][0] + text, bold, italic)
        else:
            merged.append((text, bold, italic))
    return [(re.sub(r"\s+", " ", t).strip(), b, i) for t, b, i in merged if t.strip()]
