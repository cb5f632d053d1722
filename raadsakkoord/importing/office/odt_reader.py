"""Reading an OpenDocument text (.odt, as LibreOffice writes it) into blocks.

Read straight from content.xml and styles.xml with lxml (the parser
python-docx brings along), which resolves no entities and fetches nothing.
Fields keep the text they show; comments, notes, frames, indexes and the
page headers and footers are counted in the report.
"""

from __future__ import annotations

import re

from raadsakkoord.base.errors import InputError
from raadsakkoord.base.i18n import tr
from raadsakkoord.importing.office.blocks import Block, Heading, ListItem, Paragraph, Table, Title
from raadsakkoord.importing.office.inline import Inline
from raadsakkoord.importing.office.odt_styles import NS, OdfStyles, q
from raadsakkoord.importing.office.report import ImportReport

_INDEXES = {q(f"text:{name}") for name in (
    "table-of-content", "illustration-index", "table-index", "object-index", "user-index",
    "alphabetical-index", "bibliography")}
# Elements that mark a place and hold no text of their own.
_MARKS = {q(f"text:{name}") for name in (
    "soft-page-break", "bookmark", "bookmark-start", "bookmark-end", "reference-mark",
    "reference-mark-start", "reference-mark-end", "toc-mark", "toc-mark-start", "toc-mark-end",
    "alphabetical-index-mark", "alphabetical-index-mark-start", "alphabetical-index-mark-end",
    "user-index-mark", "user-index-mark-start", "user-index-mark-end", "change", "change-start",
    "change-end")} | {q("office:annotation-end")}
_SKIPPED_BLOCKS = {q(n) for n in (
    "text:sequence-decls", "text:variable-decls", "text:user-field-decls", "text:dde-connection-decls",
    "text:tracked-changes", "office:forms", "table:calculation-settings", "table:content-validations",
    "table:label-ranges", "text:soft-page-break")}
_SPACE = re.compile(r"[ \t\r\n]+")
MAX_REPEAT = 60  # a cell or row repeated more often is a spreadsheet's padding, not content


def refuse_tracked_changes(content, source: str) -> None:
    if content.find(f".//{q('text:tracked-changes')}/{q('text:changed-region')}") is not None:
        raise InputError(tr(
            "{source} bevat bijgehouden wijzigingen. Zijn het amendementen van een fractie op een ronde, lees "
            "ze dan in met Bestand → Wijzigingen uit Word inlezen… of raadsakkoord import-changes; is het een "
            "nieuw brondocument, accepteer of weiger de wijzigingen dan eerst (in LibreOffice: Bewerken > "
            "Wijzigingen bijhouden > Beheren) en sla het op. Er is niets geïmporteerd.").format(source=source))


class OdtReader:
    def __init__(self, content, styles, report: ImportReport) -> None:
        self.content = content
        self.report = report
        styles_roots = []
        if styles is not None:
            styles_roots = [styles.find(q("office:automatic-styles")), styles.find(q("office:styles"))]
        self.styles = OdfStyles(content.find(q("office:automatic-styles")), *styles_roots)
        self.styles_root = styles
        self.blocks: list[Block] = []
        self.last_numbers: dict[tuple[str | None, int], int] = {}

    def read(self) -> list[Block]:
        refuse_tracked_changes(self.content, self.report.source)
        text = self.content.find(f"{q('office:body')}/{q('office:text')}")
        if text is None:
            raise InputError(tr("{source} is geen tekstdocument (.odt); er is niets geïmporteerd.").format(
                source=self.report.source))
        self.container(text)
        self.count_headers()
        return self.blocks

    def count_headers(self) -> None:
        if self.styles_root is None:
            return
        count = 0
        for page in self.styles_root.iter(q("style:master-page")):
            for part in page.iterchildren():
                local = part.tag.split("}")[-1]
                if local.startswith(("header", "footer")) and (
                        "".join(part.itertext()).strip() or part.find(f".//{q('text:page-number')}") is not None):
                    count += 1
        if count:
            self.report.add("header", count)

    # -- blocks ---------------------------------------------------------------

    def container(self, element) -> None:
        for child in element.iterchildren():
            tag = child.tag
            if tag == q("text:h"):
                self.heading(child)
            elif tag == q("text:p"):
                self.paragraph(child)
            elif tag == q("text:list"):
                self.list(child, 0, None)
            elif tag == q("table:table"):
                self.table(child)
            elif tag == q("text:section"):
                self.container(child)
            elif tag in _INDEXES:
                self.report.add("toc")
            elif tag == q("text:numbered-paragraph"):
                self.container(child)
            elif tag in _SKIPPED_BLOCKS or not isinstance(tag, str):
                continue
            elif tag.startswith(f"{{{NS['draw']}}}"):
                self.frame(child)

    def heading(self, h) -> None:
        content = self.paragraph_content(h)
        if content.empty:
            return
        level = h.get(q("text:outline-level"), "1")
        self.blocks.append(Heading(int(level) if level.isdigit() and int(level) > 0 else 1, content,
                                   by_style=self.styles.named_heading(h.get(q("text:style-name")))))

    def paragraph(self, p) -> None:
        content = self.paragraph_content(p)
        if content.empty:
            return
        style = p.get(q("text:style-name"))
        if self.styles.is_title(style):
            self.blocks.append(Title(content))
            return
        level = self.styles.outline_level(style)
        if level:
            self.blocks.append(Heading(level, content, by_style=self.styles.named_heading(style)))
            return
        self.blocks.append(Paragraph(content, large=self.styles.large(style)))

    def paragraph_content(self, p) -> Inline:
        style = p.get(q("text:style-name"))
        content = Inline()
        self.inline(p, content, bool(self.styles.paragraph_flag(style, "bold")),
                    bool(self.styles.paragraph_flag(style, "italic")), None)
        return content

    def list(self, element, depth: int, inherited: str | None) -> None:
        style = element.get(q("text:style-name")) or inherited
        if style is None:
            first = element.find(f"{q('text:list-item')}/{q('text:p')}")
            style = self.styles.list_style_of_paragraph(first.get(q("text:style-name")) if first is not None else None)
        level_style = self.styles.list_level(style, depth)
        key = (style, depth)
        if element.get(q("text:continue-numbering")) != "true" and not element.get(q("text:continue-list")):
            self.last_numbers.pop(key, None)
        for item in element.iterchildren(q("text:list-item"), q("text:list-header")):
            numbered = item.tag == q("text:list-item") and level_style is not None
            number = 0
            if numbered and level_style[0] == "number":
                start = item.get(q("text:start-value"))
                number = int(start) if start and start.isdigit() else self.last_numbers.get(key, level_style[1] - 1) + 1
                self.last_numbers[key] = number
            content: Inline | None = None
            shown_depth = depth
            for child in item.iterchildren():
                if child.tag in (q("text:p"), q("text:h")):
                    part = self.paragraph_content(child)
                    if content is None:
                        content = part
                        shown_depth = max(depth, self.styles.list_depth(child.get(q("text:style-name"))))
                    elif not part.empty:
                        content.line_break()  # a second paragraph in one item stays in the item
                        content.pieces.extend(part.pieces)
                elif child.tag == q("text:list"):
                    self._emit_item(content, numbered, level_style, shown_depth, number)
                    content = None
                    self.list(child, depth + 1, style)
            self._emit_item(content, numbered, level_style, shown_depth, number)

    def _emit_item(self, content: Inline | None, numbered: bool, level_style, depth: int, number: int) -> None:
        if content is None or content.empty:
            return
        if not numbered:
            self.blocks.append(Paragraph(content))
        else:
            self.blocks.append(ListItem(level_style[0] == "number", depth, number, content))

    def table(self, element) -> None:
        table = Table()
        merged = nested = False
        for row in element.iter(q("table:table-row")):
            if _owner_table(row) is not element:
                continue  # a row of a table inside a cell
            cells = []
            for cell in row.iterchildren(q("table:table-cell"), q("table:covered-table-cell")):
                repeat = min(int(cell.get(q("table:number-columns-repeated"), "1") or 1), MAX_REPEAT)
                if cell.tag == q("table:covered-table-cell"):
                    merged = True
                    cells.extend(Inline() for _ in range(repeat))
                    continue
                if cell.get(q("table:number-columns-spanned"), "1") != "1" or cell.get(
                        q("table:number-rows-spanned"), "1") != "1":
                    merged = True
                content = Inline()
                for child in _cell_blocks(cell):
                    if child.tag == q("table:table"):
                        nested = True
                        continue
                    if not content.empty:
                        content.add(" ")
                    content.pieces.extend(self.paragraph_content(child).pieces)
                cells.extend([content] + [Inline() for _ in range(repeat - 1)])
            while cells and cells[-1].empty and len(cells) > 1:
                cells.pop()
            if cells:
                table.rows.append(cells)
        if merged:
            self.report.add("merged_cells")
        if nested:
            self.report.add("nested_table")
        if table.rows:
            self.blocks.append(table)

    # -- inline content ---------------------------------------------------------

    def inline(self, element, out: Inline, bold: bool, italic: bool, link: str | None) -> None:
        if element.text:
            out.add(_SPACE.sub(" ", element.text), bold=bold, italic=italic, link=link)
        for child in element.iterchildren():
            self.inline_child(child, out, bold, italic, link)
            if child.tail:
                out.add(_SPACE.sub(" ", child.tail), bold=bold, italic=italic, link=link)

    def inline_child(self, child, out: Inline, bold: bool, italic: bool, link: str | None) -> None:
        tag = child.tag
        if not isinstance(tag, str) or tag in _MARKS:
            return
        if tag == q("text:span"):
            style = child.get(q("text:style-name"))
            span_bold = self.styles.text_flag(style, "bold")
            span_italic = self.styles.text_flag(style, "italic")
            if self.styles.text_flag(style, "marked") and "".join(child.itertext()).strip():
                self.report.add("underline")
            self.inline(child, out, bold if span_bold is None else span_bold,
                        italic if span_italic is None else span_italic, link)
        elif tag == q("text:a"):
            self.inline(child, out, bold, italic, child.get(q("xlink:href")) or link)
        elif tag == q("text:s") or tag == q("text:tab"):
            out.add(" ", bold=bold, italic=italic, link=link)
        elif tag == q("text:line-break"):
            out.line_break()
        elif tag in (q("text:meta"), q("text:meta-field")):
            self.inline(child, out, bold, italic, link)
        elif tag == q("text:ruby"):
            base = child.find(q("text:ruby-base"))
            if base is not None:
                self.inline(base, out, bold, italic, link)
        elif tag == q("office:annotation"):
            self.report.add("comment")
        elif tag == q("text:note"):
            self.report.add("endnote" if child.get(q("text:note-class")) == "endnote" else "footnote")
        elif tag.startswith(f"{{{NS['draw']}}}"):
            self.frame(child)
        elif tag.startswith(f"{{{NS['text']}}}"):
            # Any other text element is a field (a date, a page number, a cross-reference):
            # the text it shows is kept, the field itself is not.
            self.report.add("field")
            shown = _SPACE.sub(" ", "".join(child.itertext()))
            if not child.tag.endswith(("hidden-text", "hidden-paragraph")):
                out.add(shown, bold=bold, italic=italic, link=link)

    def frame(self, element) -> None:
        if element.tag == q("draw:a"):
            for child in element.iterchildren():
                self.frame(child)
            return
        kinds = {e.tag for e in element.iter() if isinstance(e.tag, str)}
        if q("draw:text-box") in kinds:
            self.report.add("textbox")
        elif q("draw:object") in kinds or q("draw:object-ole") in kinds:
            self.report.add("object")
        else:
            self.report.add("image")


def _cell_blocks(element):
    """The paragraphs (and nested tables) of a cell, also those inside its lists and sections."""
    for child in element.iterchildren():
        if child.tag in (q("text:p"), q("text:h"), q("table:table")):
            yield child
        elif child.tag in (q("text:list"), q("text:list-item"), q("text:list-header"), q("text:section")):
            yield from _cell_blocks(child)


def _owner_table(element):
    parent = element.getparent()
    while parent is not None and parent.tag != q("table:table"):
        parent = parent.getparent()
    return parent
