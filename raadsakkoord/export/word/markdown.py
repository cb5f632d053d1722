"""A section's Markdown as Word paragraphs: headings, lists, emphasis, links, quotes, code and tables.

The tokens come from the one safe parser (``export.markdown``), so Word
shows what the HTML and the PDF show: raw HTML as text, links only for
http, https and mailto, images as their alternative text.
"""

from __future__ import annotations

from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from raadsakkoord.diffing.lines import LineCutter, LineStart, cutters
from raadsakkoord.export.safe_html import markdown_tokens
from raadsakkoord.export.word.base import (
    LINK,
    MONO,
    SUBHEAD,
    add,
    add_table,
    repeat_header,
    set_font,
    set_paragraph_property,
    shade,
    style_id,
)
from raadsakkoord.export.word.lines import counted
from raadsakkoord.export.word.numbering import Lists, make_item

HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"


class MarkdownWriter:
    """Writes Markdown into a document (or a table cell), with a paragraph style for body text.

    ``outline_from`` is the Word heading level of a ``#`` in the text (a
    section text's ``###`` becomes Heading 3 with 1); None writes headings
    as bold lines that stay out of the navigation pane (explanations,
    minority positions).
    """

    def __init__(self, document, lists: Lists, *, outline_from: int | None = 1, style: str | None = None) -> None:
        self.document = document
        self.lists = lists
        self.outline_from = outline_from
        self.style = style

    def write(self, container, text: str, *, numbered: bool = False) -> None:
        """``numbered``: every line of ``diffing.number_lines`` ends with a line break (see ``word.lines``)."""
        tokens = markdown_tokens(text)
        cut = cutters(text) if numbered else {}
        lists: list[tuple[str, int | None]] = []  # (kind, numId) per open list
        first_in_item = False
        quote = 0
        index = 0
        paragraph = None
        while index < len(tokens):
            token = tokens[index]
            kind = token.type
            if kind == "heading_open":
                paragraph = add(container, style=self._heading_style(int(token.tag[1])))
                if numbered:
                    counted(paragraph)
                self.inline(paragraph, tokens[index + 1].children or [], cutter=cut.get(("h", token.map[0])))
                index += 3
                continue
            if kind == "paragraph_open":
                paragraph = add(container, style=self.style)
                if numbered:
                    counted(paragraph)
                if lists and first_in_item:
                    _, num_id = lists[-1]
                    make_item(paragraph, num_id, len(lists) - 1)
                    paragraph.paragraph_format.space_after = Pt(2)
                    first_in_item = False
                elif lists:
                    paragraph.paragraph_format.left_indent = Cm(0.635 * len(lists))
                self.inline(paragraph, tokens[index + 1].children or [], cutter=cut.get(("p", token.map[0])))
                if quote:
                    self._quote(paragraph, quote)
                index += 3
                continue
            if kind == "bullet_list_open":
                lists.append(("bullet", self.lists.bullets()))
            elif kind == "ordered_list_open":
                start = int(token.attrGet("start") or 1)
                lists.append(("number", self.lists.numbered(len(lists), start)))
            elif kind in ("bullet_list_close", "ordered_list_close"):
                lists.pop()
                if not lists and paragraph is not None:
                    paragraph.paragraph_format.space_after = None  # the list ends: normal space again
            elif kind == "list_item_open":
                first_in_item = True
            elif kind == "blockquote_open":
                quote += 1
            elif kind == "blockquote_close":
                quote -= 1
            elif kind in ("fence", "code_block"):
                self.code(container, token.content, cut.get(("code", token.map[0])))
            elif kind == "hr":
                self.rule(container)
            elif kind == "table_open":
                index = self.table(container, tokens, index)
                continue
            index += 1

    def _heading_style(self, level: int) -> str:
        if self.outline_from is None:
            return SUBHEAD
        return f"Heading {min(9, level + self.outline_from - 1)}"

    def _quote(self, paragraph, depth: int) -> None:
        paragraph.paragraph_format.left_indent = Cm(0.6 * depth)
        for run in paragraph.runs:
            run.italic = True

    def inline(self, paragraph, children, *, bold: bool = False, cutter: LineCutter | None = None) -> None:
        strong, emphasis = int(bold), 0
        target = paragraph._p

        def text(content: str, *, mono: bool = False) -> None:
            pieces = [content] if cutter is None else cutter.feed(content)
            for piece in pieces:
                if isinstance(piece, LineStart):
                    if not piece.first:
                        self._run(paragraph, target, "", False, False).add_break(WD_BREAK.LINE)
                elif piece:
                    run = self._run(paragraph, target, piece, strong > 0, emphasis > 0)
                    if mono:
                        set_font(run, MONO)

        for child in children:
            kind = child.type
            if kind == "text":
                text(child.content)
            elif kind == "code_inline":
                text(child.content, mono=True)
            elif kind == "softbreak":
                text(" ")
            elif kind == "hardbreak":
                if cutter is None:
                    self._run(paragraph, target, "", False, False).add_break(WD_BREAK.LINE)
                else:  # the numbered line after it starts with its own break
                    cutter.feed("\n")
            elif kind == "strong_open":
                strong += 1
            elif kind == "strong_close":
                strong -= 1
            elif kind == "em_open":
                emphasis += 1
            elif kind == "em_close":
                emphasis -= 1
            elif kind == "link_open":
                target = self._hyperlink(paragraph, child.attrGet("href") or "")
            elif kind == "link_close":
                target = paragraph._p
            elif kind == "image":
                # As in the HTML: the alternative text, never a fetched picture.
                for part in child.children or []:
                    if part.type == "text":
                        text(part.content)
            elif child.content:  # html_inline is impossible with html off; anything new shows as its text
                text(child.content)

    @staticmethod
    def _run(paragraph, target, text: str, bold: bool, italic: bool):
        run = paragraph.add_run(text)
        run.bold = bold or None
        run.italic = italic or None
        if target is not paragraph._p:
            target.append(run._r)  # moved inside the hyperlink
            run._r.style = style_id(paragraph.part, LINK)
        return run

    def _hyperlink(self, paragraph, url: str):
        relation = paragraph.part.relate_to(url, HYPERLINK, is_external=True)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), relation)
        link.set(qn("w:history"), "1")
        paragraph._p.append(link)
        return link

    def code(self, container, text: str, cutter: LineCutter | None = None) -> None:
        paragraph = add(container, style=self.style)
        if cutter is not None:
            counted(paragraph)
        lines = text.rstrip("\n").split("\n")
        if cutter is not None:
            # Numbered, only the lines with text are lines.
            lines = [piece for number, line in enumerate(lines)
                     for piece in cutter.feed(("\n" if number else "") + line) if isinstance(piece, str) and piece]
        for number, line in enumerate(lines):
            run = paragraph.add_run(line)
            set_font(run, MONO)
            run.font.size = Pt(9)
            if number < len(lines) - 1:
                run.add_break(WD_BREAK.LINE)

    def rule(self, container) -> None:
        paragraph = add(container, style=self.style)
        borders = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "999999")):
            bottom.set(qn(key), value)
        borders.append(bottom)
        set_paragraph_property(paragraph, borders)

    def table(self, container, tokens, index: int) -> int:
        """A pipe table as a Word table with a shaded header row; returns the index after it."""
        rows: list[list] = []
        header_rows = 0
        while tokens[index].type != "table_close":
            token = tokens[index]
            if token.type == "tr_open":
                rows.append([])
            elif token.type in ("th_open", "td_open"):
                rows[-1].append((token.type == "th_open", tokens[index + 1].children or []))
                if token.type == "th_open" and len(rows) > header_rows:
                    header_rows = len(rows)
            index += 1
        width = max(len(r) for r in rows)
        table = add_table(container, len(rows), width)
        table.style = "Table Grid"
        for r, row in enumerate(rows):
            for c, (is_header, children) in enumerate(row):
                cell = table.cell(r, c)
                self.inline(cell.paragraphs[0], children, bold=is_header)
                if is_header:
                    shade(cell, "EEF2F6")
        if header_rows:
            repeat_header(table.rows[0])
        add(container, style=self.style).paragraph_format.space_after = Pt(0)
        return index + 1

