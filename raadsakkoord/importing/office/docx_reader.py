"""Reading a Word document's body into blocks, counting what is left out.

Only the body is read; headers, footers, comments, notes, images and fields'
codes are counted in the report. Fields keep the text Word last showed for
them (a cross-reference reads "hoofdstuk 3", not nothing), except a table of
contents, which would repeat every heading as text.
"""

from __future__ import annotations

import re

from docx.oxml.ns import qn

from raadsakkoord.base.errors import InputError
from raadsakkoord.base.i18n import tr
from raadsakkoord.importing.office.blocks import Block, Heading, ListItem, Paragraph, Table, Title
from raadsakkoord.importing.office.docx_styles import Numbering, Styles, flag, numbering_of, outline_level
from raadsakkoord.importing.office.inline import Inline
from raadsakkoord.importing.office.report import ImportReport

MATH = "http://schemas.openxmlformats.org/officeDocument/2006/math"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"

# Every element with which Word records a change that is still to be accepted or rejected.
TRACKED = {qn(f"w:{name}") for name in (
    "ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange", "sectPrChange", "tblPrChange",
    "tblGridChange", "trPrChange", "tcPrChange", "numberingChange", "cellIns", "cellDel", "cellMerge")}
_HYPERLINK_FIELD = re.compile(r'^\s*HYPERLINK\s+"([^"]+)"', re.IGNORECASE)
_TOC_FIELD = re.compile(r"^\s*(TOC|INDEX)\b", re.IGNORECASE)
_IGNORED = {qn(f"w:{name}") for name in (
    "pPr", "rPr", "bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd", "proofErr",
    "permStart", "permEnd", "lastRenderedPageBreak", "softHyphen", "sectPr", "tblPr", "tblGrid", "trPr",
    "tcPr", "sdtPr", "sdtEndPr")}
_RUN_COUNTED = {"footnoteReference": "footnote", "endnoteReference": "endnote", "commentReference": "comment",
                "object": "object", "sym": "symbol"}


def refuse_tracked_changes(body, source: str) -> None:
    for element in body.iter():
        if element.tag in TRACKED:
            raise InputError(tr(
                "{source} bevat bijgehouden wijzigingen. Zijn het amendementen van een fractie op een ronde, lees "
                "ze dan in met Bestand → Wijzigingen uit Word inlezen… of raadsakkoord import-changes; is het een "
                "nieuw brondocument, accepteer of weiger de wijzigingen dan eerst in Word (tabblad Controleren) en "
                "sla het op. Er is niets geïmporteerd.").format(source=source))


def header_footer_parts(document) -> int:
    """How many headers and footers have text (a page number alone counts too: it is not imported)."""
    count = 0
    for part in document.part.package.iter_parts():
        name = str(part.partname)
        if not (re.match(r"^/word/(header|footer)\d*\.xml$", name) and hasattr(part, "element")):
            continue
        texts = (t.text or "" for t in part.element.iter(qn("w:t")))
        fields = part.element.iter(qn("w:fldSimple"), qn("w:instrText"))
        if any(text.strip() for text in texts) or next(fields, None) is not None:
            count += 1
    return count


class _Field:
    def __init__(self) -> None:
        self.code = ""
        self.showing = False  # after the separator: the field's result, as Word last showed it
        self.link: str | None = None
        self.toc = False


class DocxReader:
    def __init__(self, document, report: ImportReport) -> None:
        self.document = document
        self.report = report
        self.styles = Styles(document.styles.element)
        numbering = document.part.numbering_part.element if _has_numbering(document) else None
        self.numbering = Numbering(numbering)
        self.blocks: list[Block] = []
        self.fields: list[_Field] = []
        self.counters: dict[tuple[str, int], int] = {}
        self.in_toc_paragraphs = False

    def read(self) -> list[Block]:
        body = self.document.element.body
        refuse_tracked_changes(body, self.report.source)
        self.container(body)
        headers = header_footer_parts(self.document)
        if headers:
            self.report.add("header", headers)
        return self.blocks

    # -- blocks ---------------------------------------------------------------

    def container(self, element) -> None:
        for child in element.iterchildren():
            tag = child.tag
            if tag == qn("w:p"):
                self.paragraph(child)
            elif tag == qn("w:tbl"):
                self.table(child)
            elif tag == qn("w:sdt"):
                if _is_contents(child):
                    self.report.add("toc")  # Word's own table of contents, in a content control
                    continue
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    self.container(content)
            elif tag == qn("w:customXml"):
                self.container(child)
            elif tag == qn("w:altChunk"):
                self.report.add("object")

    def paragraph(self, p) -> None:
        properties = p.find(qn("w:pPr"))
        style = _style_id(properties) or self.styles.default_paragraph
        direct_level = outline_level(properties)
        level = direct_level or self.styles.heading_level(style)
        toc_field = self._in_toc()
        content = Inline()
        self.inline(p, content, style, None)
        toc_field = toc_field or self._in_toc()
        if level == "toc" or toc_field:
            # Entries styled as a table of contents without Word's field are counted once per run.
            if level == "toc" and not toc_field and not self.in_toc_paragraphs:
                self.report.add("toc")
            self.in_toc_paragraphs = True
            return
        self.in_toc_paragraphs = False
        if content.empty:
            return
        if level == "title":
            self.blocks.append(Title(content))
        elif isinstance(level, int):
            self.blocks.append(Heading(level, content, by_style=not direct_level and self.styles.named_heading(style)))
        else:
            self.list_or_paragraph(p, properties, style, content)

    def list_or_paragraph(self, p, properties, style, content: Inline) -> None:
        direct = numbering_of(properties)
        numbering = (*direct, direct[1]) if direct else self.styles.numbering(style)
        kind = self.numbering.kind(*numbering[:2]) if numbering else None
        if kind is None:
            self.blocks.append(Paragraph(content, strong=bool(self.styles.run_flag(style, "b")),
                                         large=self.styles.large(p, style)))
            return
        num_id, level, depth = numbering
        number = 0
        if kind == "number":
            key = (num_id, level)
            number = self.counters.get(key, self.numbering.start(num_id, level) - 1) + 1
            self.counters[key] = number
            for deeper in [k for k in self.counters if k[0] == num_id and k[1] > level]:
                del self.counters[deeper]  # a sub-list starts again under each item
        self.blocks.append(ListItem(kind == "number", depth, number, content,
                                    strong=bool(self.styles.run_flag(style, "b"))))

    def table(self, tbl) -> None:
        table = Table()
        merged = nested = False
        for tr_ in _rows(tbl):
            row = []
            for tc in tr_.iterchildren(qn("w:tc")):
                properties = tc.find(qn("w:tcPr"))
                span = properties.find(qn("w:gridSpan")) if properties is not None else None
                vmerge = properties.find(qn("w:vMerge")) if properties is not None else None
                cell = Inline()
                if vmerge is not None and vmerge.get(qn("w:val")) != "restart":
                    merged = True  # the rest of a cell merged downwards: its text is in the first
                else:
                    for child in tc.iterchildren():
                        if child.tag == qn("w:p"):
                            if not cell.empty:
                                cell.add(" ")
                            self.inline(child, cell, _style_id(child.find(qn("w:pPr"))), None)
                        elif child.tag == qn("w:tbl"):
                            nested = True
                row.append(cell)
                extra = int(span.get(qn("w:val"), "1")) - 1 if span is not None else 0
                if extra > 0:
                    merged = True
                    row.extend(Inline() for _ in range(min(extra, 60)))
            if row:
                table.rows.append(row)
        if merged:
            self.report.add("merged_cells")
        if nested:
            self.report.add("nested_table")
        if table.rows:
            self.blocks.append(table)

    # -- inline content ---------------------------------------------------------

    def inline(self, element, out: Inline, style, link: str | None) -> None:
        for child in element.iterchildren():
            tag = child.tag
            if tag == qn("w:r"):
                self.run(child, out, link)
            elif tag == qn("w:hyperlink"):
                self.inline(child, out, style, self._target(child) or link)
            elif tag == qn("w:fldSimple"):
                code = child.get(qn("w:instr"), "")
                if _TOC_FIELD.match(code):
                    self.report.add("toc")
                    continue
                target = _HYPERLINK_FIELD.match(code)
                if not target:
                    self.report.add("field")
                self.inline(child, out, style, target.group(1) if target else link)
            elif tag in (qn("w:smartTag"), qn("w:customXml"), qn("w:sdtContent"), qn("w:dir"), qn("w:bdo")):
                self.inline(child, out, style, link)
            elif tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    self.inline(content, out, style, link)
            elif isinstance(tag, str) and tag.startswith(f"{{{MATH}}}"):
                self.report.add("formula")
            elif tag == f"{{{MC}}}AlternateContent":
                self.drawing(child)

    def run(self, r, out: Inline, link: str | None) -> None:
        properties = r.find(qn("w:rPr"))
        character_style = _run_style(properties)
        bold = _effective(flag(properties, "b"), self.styles.run_flag(character_style, "b"))
        italic = _effective(flag(properties, "i"), self.styles.run_flag(character_style, "i"))
        marked = False
        for child in r.iterchildren():
            tag = child.tag
            local = tag.split("}")[-1] if isinstance(tag, str) else ""
            if tag == qn("w:t"):
                if self._showing():
                    out.add(child.text or "", bold=bold, italic=italic, link=self._field_link() or link)
                    marked = marked or _underlined(properties)
            elif tag in (qn("w:tab"), qn("w:ptab")):
                if self._showing():
                    out.add(" ", bold=bold, italic=italic)
            elif tag in (qn("w:br"), qn("w:cr")):
                if self._showing() and child.get(qn("w:type")) not in ("page", "column"):
                    out.line_break()
            elif tag == qn("w:noBreakHyphen"):
                if self._showing():
                    out.add("-", bold=bold, italic=italic)
            elif tag == qn("w:fldChar"):
                self.field_char(child.get(qn("w:fldCharType")))
            elif tag == qn("w:instrText"):
                if self.fields:
                    self.fields[-1].code += child.text or ""
            elif tag in (qn("w:drawing"), qn("w:pict")) or tag == f"{{{MC}}}AlternateContent":
                if not self._in_toc():
                    self.drawing(child)
            elif local in _RUN_COUNTED and tag == qn(f"w:{local}"):
                if not self._in_toc():
                    self.report.add(_RUN_COUNTED[local])
        if marked:
            self.report.add("underline")

    def field_char(self, kind: str | None) -> None:
        if kind == "begin":
            self.fields.append(_Field())
        elif kind == "separate" and self.fields:
            field = self.fields[-1]
            field.showing = True
            self._classify(field)
        elif kind == "end" and self.fields:
            field = self.fields.pop()
            if not field.showing:
                self._classify(field)  # a field without a shown result (rare) is dropped all the same

    def _classify(self, field: _Field) -> None:
        if _TOC_FIELD.match(field.code):
            field.toc = True
            if not self._in_toc(outer_only=True):
                self.report.add("toc")
            return
        target = _HYPERLINK_FIELD.match(field.code)
        if target:
            field.link = target.group(1)
        elif not self._in_toc():
            self.report.add("field")

    def _showing(self) -> bool:
        return all(f.showing for f in self.fields) and not self._in_toc()

    def _in_toc(self, outer_only: bool = False) -> bool:
        fields = self.fields[:-1] if outer_only else self.fields
        return any(f.toc for f in fields)

    def _field_link(self) -> str | None:
        return next((f.link for f in reversed(self.fields) if f.link), None)

    def drawing(self, element) -> None:
        if element.tag == f"{{{MC}}}AlternateContent":
            # Word writes the same drawing twice (new and old format); count the first choice only.
            choices = [c for c in element.iterchildren() if isinstance(c.tag, str)]
            element = choices[0] if choices else element
        names = {e.tag.split("}")[-1] for e in element.iter() if isinstance(e.tag, str)}
        if "txbxContent" in names or "textbox" in names or "txbx" in names:
            self.report.add("textbox")
        elif "chart" in names:
            self.report.add("chart")
        elif "OLEObject" in names:
            self.report.add("object")
        else:
            self.report.add("image")

    def _target(self, hyperlink) -> str | None:
        rel_id = hyperlink.get(qn("r:id"))
        if not rel_id:
            return None  # a link to a bookmark in the document itself
        rel = self.document.part.rels.get(rel_id)
        return rel.target_ref if rel is not None and rel.is_external else None


def _has_numbering(document) -> bool:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    return any(rel.reltype == RT.NUMBERING for rel in document.part.rels.values())


def _style_id(properties) -> str | None:
    if properties is None:
        return None
    style = properties.find(qn("w:pStyle"))
    return style.get(qn("w:val")) if style is not None else None


def _run_style(properties) -> str | None:
    if properties is None:
        return None
    style = properties.find(qn("w:rStyle"))
    return style.get(qn("w:val")) if style is not None else None


def _effective(direct: bool | None, from_style: bool | None) -> bool:
    return bool(direct if direct is not None else from_style)


def _underlined(properties) -> bool:
    if properties is None:
        return False
    underline = properties.find(qn("w:u"))
    if underline is not None and underline.get(qn("w:val"), "single") != "none":
        return properties.find(qn("w:rStyle")) is None  # a link's own underline is not the author's
    return bool(flag(properties, "strike") or flag(properties, "dstrike"))


# Elements inside a content control are not always python-docx's own
# classes (a control nested in a control is a plain lxml element, whose
# xpath knows no "w:" prefix), so these walk the tree with find and iter.

def _is_contents(sdt) -> bool:
    """Whether a content control holds Word's own table of contents."""
    properties = sdt.find(qn("w:sdtPr"))
    if properties is None:
        return False
    return any("Contents" in (gallery.get(qn("w:val")) or "")
               for part in properties.iterchildren(qn("w:docPartObj"))
               for gallery in part.iterchildren(qn("w:docPartGallery")))


def _rows(element):
    """The table's rows, also those inside content controls and custom XML, at any depth."""
    for child in element.iterchildren():
        if child.tag == qn("w:tr"):
            yield child
        elif child.tag == qn("w:sdt"):
            for content in child.iterchildren(qn("w:sdtContent")):
                yield from _rows(content)
        elif child.tag == qn("w:customXml"):
            yield from _rows(child)
