"""A diff as real Word tracked changes: ``w:ins`` and ``w:del`` with the party as author.

The diff engine's spans are whole words (and Markdown markers), so every
insertion and deletion holds whole words. Markdown structure becomes Word
structure so that accepting or rejecting gives a proper text, not Markdown
source: each list item and heading line is a paragraph of its own, and a
line break that was inserted or deleted is a paragraph mark that was
inserted or deleted (Word keeps paragraph properties in the mark, which is
why a new list item is written as "mark of the previous item inserted").
Emphasis markers in unchanged text become bold and italic; a marker inside a
change stays visible, as in the PDF, or a change of emphasis alone would
show no change at all.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from dataclasses import dataclass, field

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from raadsakkoord import diffing
from raadsakkoord.diffing import Kind, Op, ParagraphDiff, Span
from raadsakkoord.diffing.render import EMPHASIS_MARKER
from raadsakkoord.export.word.base import SUBHEAD, add
from raadsakkoord.export.word.numbering import Lists, make_item

_BLOCK_MARKER = re.compile(r"^( *)(#{1,6}|[-*+]|\d{1,9}[.)]|>)( +|$)")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_MARK_OP = {Kind.INSERTED: Op.INSERT, Kind.MOVED_TO: Op.INSERT, Kind.DELETED: Op.DELETE, Kind.MOVED_FROM: Op.DELETE}


@dataclass
class Revision:
    """Who made the changes and when, and the document-wide counter Word wants for their ids."""

    author: str
    date: dt.datetime
    ids: itertools.count

    def mark(self, tag: str):
        element = OxmlElement(tag)
        element.set(qn("w:id"), str(next(self.ids)))
        element.set(qn("w:author"), self.author)
        element.set(qn("w:date"), self.date.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))
        return element


@dataclass
class _Piece:
    op: Op
    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class _Line:
    op: Op  # of the line break before it (for the first line: of its paragraph)
    pieces: list[_Piece] = field(default_factory=list)
    end: Op | None = None  # the line break after it, None at the end of the paragraph
    block: str = ""  # "", "bullet", "number", "heading", "quote"
    depth: int = 0
    number: int = 1


def write_diff(container, diff: diffing.TextDiff, revision: Revision, lists: Lists, *, style: str | None = None) -> None:
    """Append the diff to ``container`` (a document or a cell) as tracked changes."""
    for paragraph_diff in _whole_paragraphs(diff.paragraphs):
        lines = _lines(paragraph_diff)
        paragraphs = _group(lines, _MARK_OP.get(paragraph_diff.kind, Op.EQUAL))
        numbered: dict[int, int] = {}
        for group, mark in paragraphs:
            paragraph = add(container, style=SUBHEAD if group[0].block == "heading" else style)
            first = group[0]
            if first.block == "bullet":
                make_item(paragraph, lists.bullets(), first.depth)
            elif first.block == "number":
                if first.depth not in numbered:
                    numbered[first.depth] = lists.numbered(first.depth, first.number)
                make_item(paragraph, numbered[first.depth], first.depth)
            elif first.block == "quote":
                paragraph.paragraph_format.left_indent = Cm(0.6)
            for position, line in enumerate(group):
                if position:
                    _append(paragraph._p, [_Piece(line.op, "\n")], revision)
                _append(paragraph._p, line.pieces, revision)
            if mark is not Op.EQUAL:
                properties = paragraph._p.get_or_add_pPr()
                run_properties = properties.find(qn("w:rPr"))
                if run_properties is None:
                    run_properties = OxmlElement("w:rPr")
                    properties.append(run_properties)
                run_properties.append(revision.mark("w:ins" if mark is Op.INSERT else "w:del"))


def _whole_paragraphs(paragraphs):
    """A paragraph replaced whole as its old text deleted and its new text inserted.

    Written that way, a replaced list keeps its bullets on both sides, and
    Accept or Reject leaves exactly one of the two.
    """
    for paragraph in paragraphs:
        if paragraph.kind is Kind.REPLACED:
            yield ParagraphDiff(Kind.DELETED, paragraph.old, None, (Span(Op.DELETE, paragraph.old),))
            yield ParagraphDiff(Kind.INSERTED, None, paragraph.new, (Span(Op.INSERT, paragraph.new),))
        else:
            yield paragraph


def _lines(paragraph_diff) -> list[_Line]:
    """The paragraph's spans cut at line breaks, with bold and italic worked out per piece."""
    first_op = _MARK_OP.get(paragraph_diff.kind, Op.EQUAL)
    lines = [_Line(first_op)]
    for piece in emphasis(paragraph_diff.spans):
        parts = piece.text.split("\n")
        for number, part in enumerate(parts):
            if number:
                lines[-1].end = piece.op
                lines.append(_Line(piece.op))
            if part:
                lines[-1].pieces.append(_Piece(piece.op, part, piece.bold, piece.italic))
    for line in lines:
        _block_of(line)
    return lines


def _block_of(line: _Line) -> None:
    """A list bullet, item number, heading or quote marker opens a Word paragraph of that kind.

    Only a marker that is unchanged, or that came or went together with the
    line break before it, is structure; any other changed marker is shown
    as a change of text.
    """
    if not line.pieces or line.pieces[0].op not in (Op.EQUAL, line.op):
        return
    first = line.pieces[0]
    match = _BLOCK_MARKER.match(first.text)
    if not match:
        return
    marker = match.group(2)
    line.depth = min(len(match.group(1)) // 2, 8)
    if marker.startswith("#"):
        line.block = "heading"
    elif marker == ">":
        line.block = "quote"
    elif marker[0].isdigit():
        line.block, line.number = "number", int(marker[:-1])
    else:
        line.block = "bullet"
    rest = first.text[match.end():]
    if rest:
        line.pieces[0] = _Piece(first.op, rest, first.bold, first.italic)
    else:
        line.pieces.pop(0)


def _group(lines: list[_Line], last_mark: Op) -> list[tuple[list[_Line], Op]]:
    """Lines into Word paragraphs with the op of each paragraph mark.

    A line without a marker continues the paragraph before it (a line break
    inside it), except after a heading, which is one line by definition.
    """
    groups: list[tuple[list[_Line], Op]] = []
    for line in lines:
        if groups and not line.block and groups[-1][0][0].block != "heading":
            groups[-1][0].append(line)
            continue
        if groups:
            groups[-1] = (groups[-1][0], groups[-1][0][-1].end or Op.EQUAL)
        groups.append(([line], last_mark))
    return groups


def emphasis(spans) -> list[_Piece]:
    """Split spans at emphasis markers: those in unchanged text switch bold/italic and vanish.

    A marker inside a change stays visible, so that emphasis added to or
    taken from unchanged words shows, unless the whole emphasised stretch
    (both markers and the words between) came or went in one change: a
    deleted sentence with a bold word is shown deleted and bold.
    """
    whole = "".join(span.text for span in spans)
    markers = {m.start(): m.end() for m in EMPHASIS_MARKER.finditer(whole)}
    if not markers:
        return [_Piece(span.op, span.text, False, False) for span in spans if span.text]
    owner = []  # the op of each character of ``whole``
    for span in spans:
        owner.extend([span.op] * len(span.text))
    hidden = _whole_changes(markers, owner)
    starts = sorted(markers)
    old = {"bold": False, "italic": False}
    new = {"bold": False, "italic": False}
    out: list[_Piece] = []
    offset = 0
    for span in spans:
        states = {Op.EQUAL: (old, new), Op.DELETE: (old,), Op.INSERT: (new,)}[span.op]
        shown = old if span.op is Op.DELETE else new
        start = 0
        text = span.text
        # Only the markers that begin in this span, in order; one that begins
        # inside a marker already taken is part of it.
        for at in starts[bisect.bisect_left(starts, offset):bisect.bisect_left(starts, offset + len(text))]:
            index, end = at - offset, markers[at]
            if index < start or end - offset > len(text):
                continue
            out.append(_Piece(span.op, text[start:index], shown["bold"], shown["italic"]))
            if span.op is not Op.EQUAL and at not in hidden:
                out.append(_Piece(span.op, text[index:end - offset], shown["bold"], shown["italic"]))
            kind = "bold" if end - at == 2 else "italic"
            for state in states:
                state[kind] = not state[kind]
            start = end - offset
        out.append(_Piece(span.op, text[start:], shown["bold"], shown["italic"]))
        offset += len(text)
    return [p for p in out if p.text]


def _whole_changes(markers: dict[int, int], owner: list[Op]) -> set[int]:
    """Starts of marker pairs that, with all text between them, lie in one insertion or deletion."""
    hidden: set[int] = set()
    for view in (Op.DELETE, Op.INSERT):
        visible = (Op.EQUAL, view)
        opened: dict[int, int] = {}  # marker length -> start of the open marker
        for start in sorted(markers):
            if owner[start] not in visible:
                continue
            length = markers[start] - start
            if length not in opened:
                opened[length] = start
                continue
            first = opened.pop(length)
            stretch = [owner[i] for i in range(first, markers[start]) if owner[i] in visible]
            if all(op is view for op in stretch):
                hidden.update((first, start))
    return hidden


def _append(paragraph, pieces: list[_Piece], revision: Revision) -> None:
    """Runs for the pieces; consecutive inserted or deleted pieces share one w:ins or w:del."""
    wrapper = None
    wrapper_op = None
    for piece in pieces:
        run = _run(piece)
        if piece.op is Op.EQUAL:
            paragraph.append(run)
            wrapper = wrapper_op = None
            continue
        if wrapper is None or wrapper_op is not piece.op:
            wrapper = revision.mark("w:ins" if piece.op is Op.INSERT else "w:del")
            wrapper_op = piece.op
            paragraph.append(wrapper)
        wrapper.append(run)


def _run(piece: _Piece):
    run = OxmlElement("w:r")
    if piece.bold or piece.italic:
        properties = OxmlElement("w:rPr")
        if piece.bold:
            properties.append(OxmlElement("w:b"))
        if piece.italic:
            properties.append(OxmlElement("w:i"))
        run.append(properties)
    if piece.text == "\n":
        run.append(OxmlElement("w:br"))
        return run
    text = OxmlElement("w:delText" if piece.op is Op.DELETE else "w:t")
    text.set(qn("xml:space"), "preserve")
    text.text = _ESCAPE.sub(r"\1", piece.text)
    run.append(text)
    return run
