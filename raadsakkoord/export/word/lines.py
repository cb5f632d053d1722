"""Numbered lines in Word: each section text in a Word section of its own whose lines Word numbers from 1.

Word numbers the lines it lays out, in the margin, and never puts the
numbers in the text, so a copied passage has no numbers in it. The text
itself is broken where ``diffing.number_lines`` breaks it (a line break
after every numbered line), and the lines fit the column at the body font
with room to spare, so Word's count is our count: "regel 23" is the same
line in Word as in the PDF. Word does not number the lines of a table; the
rows of a table inside a section text are left unnumbered there.
"""

from __future__ import annotations

from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from raadsakkoord.export.word.base import GREY

# Between the numbers and the text, in twentieths of a point: 0.5 cm.
DISTANCE = "283"
# What may follow w:lnNumType inside w:sectPr (the schema fixes the order).
_AFTER = ("w:pgNumType", "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection",
          "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")


# What may follow w:suppressLineNumbers inside w:pPr.
_AFTER_SUPPRESS = ("w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                   "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
                   "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                   "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                   "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
                   "w:pPrChange")


def prepare(document) -> None:
    """No paragraph is counted unless a section text says so, and the numbers are small and grey.

    Word numbers only the sections that ask for it; LibreOffice numbers the
    whole document once any section does, so the body style leaves every
    paragraph out and the numbered ones opt in (``counted``).
    """
    _suppress(document.styles["Normal"].element.get_or_add_pPr(), True)
    style = document.styles.add_style("line number", WD_STYLE_TYPE.CHARACTER)
    style.element.set(qn("w:styleId"), "LineNumber")  # the id Word looks up for its line numbers
    style.font.size = Pt(7.5)
    style.font.color.rgb = GREY  # 8.9:1 on white


def counted(paragraph) -> None:
    """This paragraph's lines are numbered (where its section numbers lines)."""
    _suppress(paragraph._p.get_or_add_pPr(), False)


def _suppress(properties, suppressed: bool) -> None:
    element = properties.find(qn("w:suppressLineNumbers"))
    if element is None:
        element = OxmlElement("w:suppressLineNumbers")
        properties.insert_element_before(element, *_AFTER_SUPPRESS)
    if suppressed:
        element.attrib.pop(qn("w:val"), None)
    else:
        element.set(qn("w:val"), "0")


def start_numbered(document) -> None:
    """From here on, the lines are numbered from 1: a continuous section break and a numbered section."""
    section = _continue(document)
    numbering = OxmlElement("w:lnNumType")
    numbering.set(qn("w:countBy"), "1")
    numbering.set(qn("w:restart"), "newSection")
    numbering.set(qn("w:distance"), DISTANCE)
    properties = section._sectPr
    follower = next((child for child in properties if child.tag in {qn(tag) for tag in _AFTER}), None)
    if follower is None:
        properties.append(numbering)
    else:
        follower.addprevious(numbering)


def end_numbered(document) -> None:
    """Back to unnumbered text; the paragraph that closes the numbered section is not counted as a line."""
    section = _continue(document)
    for numbering in section._sectPr.findall(qn("w:lnNumType")):
        section._sectPr.remove(numbering)
    closing = document.element.body.findall(qn("w:p"))[-1]
    _suppress(closing.get_or_add_pPr(), True)


def _continue(document):
    section = document.add_section(WD_SECTION.CONTINUOUS)
    # The cover's own first page is the document's; a section starting halfway a page has none.
    section.different_first_page_header_footer = False
    return section
