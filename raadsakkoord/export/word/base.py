"""The Word document every .docx export starts from: A4, Dutch, Word's own heading styles.

Word's built-in heading styles (stored as "heading 1", shown as "Kop 1" in
a Dutch Word) carry the outline levels that its navigation pane and table of
contents read, so the exports use those and only restyle them. Page
furniture matches the PDF: the title and status in the header from page two
on, "pagina X van Y" in the footer as fields Word keeps up to date.
"""

from __future__ import annotations

import datetime as dt
import re
import weakref

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl
from docx.shared import Cm, Emu, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from raadsakkoord.export.document import Meta, date_nl

FONT = "Arial"  # on every Windows and Mac; LibreOffice substitutes a metric twin
MONO = "Courier New"
ACCENT = RGBColor(0x0B, 0x4F, 0x8A)  # the PDF's heading blue
GREY = RGBColor(0x4A, 0x4A, 0x4A)
LANGUAGE = "nl-NL"
PAGE_WIDTH, MARGIN = Cm(21.0), Cm(2.2)  # A4
TEXT_WIDTH = Emu(PAGE_WIDTH - 2 * MARGIN)
# Paragraph styles of our own: none has an outline level, so none shows up in
# the navigation pane or the table of contents.
SUBHEAD = "Tussenkop"
SMALL = "Klein"
MINORITY = "Minderheidsstandpunt"
INTRO = "Inleiding"
LINK = "Hyperlink"  # Word's own name for the character style of links


def new_document(meta: Meta, title: str) -> docx.Document:
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, Cm(29.7)
    section.left_margin = section.right_margin = MARGIN
    section.top_margin, section.bottom_margin = Cm(2.4), Cm(2.2)
    section.header_distance = section.footer_distance = Cm(1.1)
    _defaults(document)
    _styles(document)
    _properties(document, meta, title)
    _furniture(document, meta, title)
    return document


def set_font(style_or_run, name: str) -> None:
    """A font by name, also for the theme slots Word's template fills (which win over a plain name)."""
    properties = style_or_run.element.get_or_add_rPr()
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        properties.insert(0, fonts)
    for attribute in list(fonts.attrib):
        if attribute.endswith("Theme") or attribute.endswith("theme"):
            del fonts.attrib[attribute]
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), name)


def _defaults(document) -> None:
    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    language = run_defaults.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        run_defaults.append(language)
    # Dutch spelling and hyphenation in Word; LibreOffice reads the same.
    language.set(qn("w:val"), LANGUAGE)
    language.set(qn("w:eastAsia"), LANGUAGE)
    language.set(qn("w:bidi"), "ar-SA")
    normal = document.styles["Normal"]
    set_font(normal, FONT)
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(5)
    normal.paragraph_format.line_spacing = 1.15


def _styles(document) -> None:
    styles = document.styles
    for name, size, colour, before, after in (
            ("Title", 24, None, 0, 6), ("Heading 1", 18, None, 0, 8), ("Heading 2", 13, ACCENT, 14, 4),
            ("Heading 3", 11.5, None, 10, 3), ("Heading 4", 10.5, None, 8, 2), ("TOC Heading", 18, None, 0, 8)):
        style = styles[name]
        set_font(style, FONT)
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = colour or RGBColor(0, 0, 0)
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(after)
    # Word's template draws a rule under a title; the cover has its own layout.
    borders = styles["Title"].element.pPr.find(qn("w:pBdr"))
    if borders is not None:
        styles["Title"].element.pPr.remove(borders)
    for level, indent in ((1, 0.0), (2, 0.6)):
        # Word's own names ("toc 1"), so an updated table of contents keeps this look.
        toc = styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
        toc.base_style = styles["Normal"]
        toc.paragraph_format.left_indent = Cm(indent)
        toc.paragraph_format.space_after = Pt(2)
        toc.font.bold = level == 1
        toc.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
    subhead = styles.add_style(SUBHEAD, WD_STYLE_TYPE.PARAGRAPH)
    subhead.base_style = styles["Normal"]
    subhead.font.bold = True
    subhead.paragraph_format.keep_with_next = True
    subhead.paragraph_format.space_before = Pt(6)
    subhead.paragraph_format.space_after = Pt(2)
    small = styles.add_style(SMALL, WD_STYLE_TYPE.PARAGRAPH)
    small.base_style = styles["Normal"]
    small.font.size = Pt(8.5)
    small.font.color.rgb = RGBColor(0x33, 0x33, 0x33)
    small.paragraph_format.space_after = Pt(2)
    intro = styles.add_style(INTRO, WD_STYLE_TYPE.PARAGRAPH)
    intro.base_style = styles["Normal"]
    intro.font.italic = True
    intro.font.color.rgb = GREY
    link = styles.add_style(LINK, WD_STYLE_TYPE.CHARACTER)
    link.font.color.rgb = ACCENT
    link.font.underline = True
    minority = styles.add_style(MINORITY, WD_STYLE_TYPE.PARAGRAPH)
    minority.base_style = styles["Normal"]
    minority.paragraph_format.left_indent = Cm(0.3)
    minority.paragraph_format.right_indent = Cm(0.3)
    _box(minority.element.get_or_add_pPr(), fill="FFF6E0", line="8A5A00")


def _box(paragraph_properties, *, fill: str, line: str) -> None:
    """A shaded block with a bar on the left; consecutive paragraphs with it form one box in Word."""
    borders = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for key, value in (("w:val", "single"), ("w:sz", "24"), ("w:space", "6"), ("w:color", line)):
        left.set(qn(key), value)
    borders.append(left)
    shading = OxmlElement("w:shd")
    for key, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", fill)):
        shading.set(qn(key), value)
    _insert_ordered(paragraph_properties, borders)
    _insert_ordered(paragraph_properties, shading)


# Child order of w:pPr that Word insists on (a misplaced element makes it call the file damaged).
_PPR_ORDER = ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
              "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
              "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
              "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
              "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
              "sectPr", "pPrChange"]


def _insert_ordered(parent, child) -> None:
    name = child.tag.split("}")[-1]
    rank = _PPR_ORDER.index(name)
    for index, existing in enumerate(parent):
        existing_name = existing.tag.split("}")[-1]
        if existing_name in _PPR_ORDER and _PPR_ORDER.index(existing_name) > rank:
            parent.insert(index, child)
            return
    parent.append(child)


def set_paragraph_property(paragraph, child) -> None:
    """Add a w:pPr child (numPr, pBdr, …) in the order the schema requires."""
    _insert_ordered(paragraph._p.get_or_add_pPr(), child)


def _properties(document, meta: Meta, title: str) -> None:
    properties = document.core_properties
    properties.title = title
    properties.subject = f"Gemeente {meta.municipality}, raadsperiode {meta.term}"
    properties.author = f"Griffie van de gemeenteraad {meta.municipality}"
    properties.last_modified_by = "Raadsakkoord"
    properties.language = LANGUAGE
    properties.keywords = f"raadsakkoord; {meta.status}"
    properties.comments = f"{meta.status}, {date_nl(meta.date)}"
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    properties.created = properties.modified = now
    properties.revision = 1


def add_field(paragraph, instruction: str, shown: str, *, dirty: bool = False) -> None:
    """A Word field (PAGE, NUMPAGES, …) with the text shown until Word updates it."""
    def run_with(child):
        run = paragraph.add_run()
        run._r.append(child)
        return run
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    if dirty:
        begin.set(qn("w:dirty"), "true")
    run_with(begin)
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    run_with(code)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    paragraph.add_run(shown)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def _furniture(document, meta: Meta, title: str) -> None:
    section = document.sections[0]
    section.different_first_page_header_footer = True  # the cover carries the title itself
    width = section.page_width - section.left_margin - section.right_margin
    header = section.header.paragraphs[0]
    header.style = document.styles[SMALL]
    header.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    header.add_run(f"{title}\t{meta.status}")
    bottom = OxmlElement("w:pBdr")
    line = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "4"), ("w:color", "0B4F8A")):
        line.set(qn(key), value)
    bottom.append(line)
    set_paragraph_property(header, bottom)
    for footer in (section.footer, section.first_page_footer):
        paragraph = footer.paragraphs[0]
        paragraph.style = document.styles[SMALL]
        paragraph.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
        paragraph.add_run(f"{meta.status} · {date_nl(meta.date)}\tpagina ")
        add_field(paragraph, "PAGE", "1")
        paragraph.add_run(" van ")
        add_field(paragraph, "NUMPAGES", "1")


def page_break_before(paragraph) -> None:
    paragraph.paragraph_format.page_break_before = True


def hex_colour(colour: str) -> str:
    """A colour as Word wants it (RRGGBB); party colours come from other machines, so anything else is grey."""
    value = colour.strip().lstrip("#")
    return value.upper() if re.fullmatch(r"[0-9A-Fa-f]{6}", value) else "777777"


def shade(cell, colour: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    for key, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", hex_colour(colour))):
        shading.set(qn(key), value)
    properties.append(shading)


def repeat_header(row) -> None:
    """A table's first row repeats on every page it runs over (and marks it as a header for readers)."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    properties.append(header)


def fixed_widths(table, widths) -> None:
    """Column widths that Word and LibreOffice both keep (a table otherwise shares the width evenly)."""
    table.autofit = False  # python-docx writes w:tblLayout fixed in its place in the schema order
    properties = table._tbl.tblPr
    total = OxmlElement("w:tblW")
    total.set(qn("w:w"), str(sum(int(w) for w in widths) // 635))  # EMU to twentieths of a point
    total.set(qn("w:type"), "dxa")
    existing = properties.find(qn("w:tblW"))
    if existing is not None:
        properties.replace(existing, total)
    else:  # the schema puts it after the style
        style = properties.find(qn("w:tblStyle"))
        properties.insert(0 if style is None else 1, total)
    for column, width in zip(table.columns, widths):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width


# python-docx looks a style up by name on every use, scanning all of them; in
# a 1,000-section export that was most of the time. The ids are read once.
_STYLE_IDS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def style_id(part, name: str) -> str:
    ids = _STYLE_IDS.get(part)
    if ids is None or name not in ids:
        ids = _STYLE_IDS[part] = {style.name: style.style_id for style in part.styles}
    return ids[name]


def append_block(container, element) -> None:
    """Put a paragraph or table at the end of a document (before its section properties) or cell.

    python-docx searches all of the body's children for that place on every
    addition, which made a book of 20,000 amendments (400,000 paragraphs)
    take quadratic time; the last child is found directly instead.
    """
    body = getattr(container, "_body", None)
    parent = body._element if body is not None else container._element
    try:
        last = parent[-1]
    except IndexError:
        last = None
    if last is not None and last.tag == qn("w:sectPr"):
        last.addprevious(element)
    else:
        parent.append(element)


def add(container, text: str = "", style: str | None = None) -> Paragraph:
    """A paragraph at the end of a document or cell, with its style set by id."""
    element = OxmlElement("w:p")
    append_block(container, element)
    paragraph = Paragraph(element, container)
    if text:
        paragraph.add_run(text)
    if style:
        element.style = style_id(container.part, style)
    return paragraph


def add_table(container, rows: int, cols: int) -> Table:
    """A table at the end of a document or cell, the columns sharing the text width."""
    # Not python-docx's _block_width: it searches the whole document for the section each time.
    width = getattr(container, "width", None) or TEXT_WIDTH
    element = CT_Tbl.new_tbl(rows, cols, width)
    append_block(container, element)
    return Table(element, container)


def restyle(paragraph, style: str) -> None:
    paragraph._p.style = style_id(paragraph.part, style)


def heading(document, text: str, level: int):
    return add(document, text, f"Heading {level}")
