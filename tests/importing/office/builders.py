"""Word and OpenDocument files built programmatically, as a clerk's draft would arrive.

The .docx files are made with python-docx (which writes what Word writes for
styles, lists and tables) and the .odt files with odfpy, independently of the
readers under test. Both builders make the same draft, so the two readers can
be held to the same expected sections.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

# The sections both builders produce, as the Markdown the import must give.
EXPECTED_PREAMBLE = "Dit akkoord is van de *hele* raad."
EXPECTED = {
    "Wonen": {
        "intro": "Wonen is een grondrecht.",
        "sections": {
            "Bouwen": (
                "We bouwen **500** woningen, *snel* en ***betaalbaar***.\n\n"
                "### Waar\n\n"
                "- in het centrum\n"
                "- in de dorpen\n"
                "  - Assen-Oost\n"
                "- in de wijken\n\n"
                "| Jaar | Woningen |\n"
                "|---|---|\n"
                "| 2027 | 250 |\n"
                "| 2028 | **300** |"
            ),
            "Huur": (
                "De huren stijgen niet harder dan de inflatie:\n\n"
                "1. eerst de sociale huur\n"
                "2. dan de middenhuur\n\n"
                "2026\\. Een jaar met een \\*sterretje\\* en [een link](https://example.nl/huur)."
            ),
        },
    },
    "Financiën": {
        "intro": "",
        "sections": {
            "Begroting": "De begroting is structureel sluitend.",
        },
    },
}


def tiny_png() -> bytes:
    """A 2×2 red PNG, written by hand so no imaging library is needed."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


# -- Word -----------------------------------------------------------------------

def _runs(paragraph, *parts):
    """Add runs: plain strings, or (text, "b"/"i"/"bi") tuples."""
    for part in parts:
        text, style = part if isinstance(part, tuple) else (part, "")
        run = paragraph.add_run(text)
        run.bold = "b" in style or None
        run.italic = "i" in style or None
    return paragraph


def add_hyperlink(paragraph, text: str, url: str) -> None:
    rel = paragraph.part.relate_to(url, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
                                   is_external=True)
    paragraph._p.append(parse_xml(
        f'<w:hyperlink {nsdecls("w", "r")} r:id="{rel}"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr>'
        f"<w:t>{text}</w:t></w:r></w:hyperlink>"))


def draft_docx(path: Path) -> docx.Document:
    d = docx.Document()
    d.add_paragraph("Raadsakkoord Testdorp 2026–2030", style="Title")
    _runs(d.add_paragraph(), "Dit akkoord is van de ", ("hele", "i"), " raad.")
    d.add_heading("Wonen", level=1)
    d.add_paragraph("Wonen is een grondrecht.")
    d.add_heading("Bouwen", level=2)
    _runs(d.add_paragraph(), "We bouwen ", ("500", "b"), " woningen, ", ("snel", "i"), " en ",
          ("betaalbaar", "bi"), ".")
    d.add_heading("Waar", level=3)
    d.add_paragraph("in het centrum", style="List Bullet")
    d.add_paragraph("in de dorpen", style="List Bullet")
    d.add_paragraph("Assen-Oost", style="List Bullet 2")
    d.add_paragraph("in de wijken", style="List Bullet")
    table = d.add_table(rows=3, cols=2)
    table.style = "Table Grid"
    for r, (year, homes) in enumerate([("Jaar", "Woningen"), ("2027", "250"), ("2028", None)]):
        table.cell(r, 0).text = year
        if homes:
            table.cell(r, 1).text = homes
    _runs(table.cell(2, 1).paragraphs[0], ("300", "b"))
    d.add_heading("Huur", level=2)
    d.add_paragraph("De huren stijgen niet harder dan de inflatie:")
    d.add_paragraph("eerst de sociale huur", style="List Number")
    d.add_paragraph("dan de middenhuur", style="List Number")
    p = d.add_paragraph("2026. Een jaar met een *sterretje* en ")
    add_hyperlink(p, "een link", "https://example.nl/huur")
    p.add_run(".")
    d.add_paragraph("")  # an empty paragraph is spacing, not text
    d.add_heading("Financiën", level=1)
    d.add_heading("Begroting", level=2)
    d.add_paragraph("De begroting is structureel sluitend.")
    d.save(path)
    return d


TRACKED_INSERTION = (f'<w:ins {nsdecls("w")} w:id="91" w:author="Gerda Groen" w:date="2026-10-01T10:00:00Z">'
                     "<w:r><w:t>ingevoegd</w:t></w:r></w:ins>")
TRACKED_DELETION = (f'<w:del {nsdecls("w")} w:id="92" w:author="Ruud Rood" w:date="2026-10-01T10:00:00Z">'
                    "<w:r><w:delText>geschrapt</w:delText></w:r></w:del>")


# -- OpenDocument -----------------------------------------------------------------

def draft_odt(path: Path, *, extra=None) -> None:
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import (
        A,
        H,
        List,
        ListItem,
        ListLevelStyleBullet,
        ListLevelStyleNumber,
        ListStyle,
        P,
        Span,
    )

    doc = OpenDocumentText()
    styles = {}
    for name, props in (("T_b", {"fontweight": "bold"}), ("T_i", {"fontstyle": "italic"}),
                        ("T_bi", {"fontweight": "bold", "fontstyle": "italic"})):
        style = Style(name=name, family="text")
        style.addElement(TextProperties(**props))
        doc.automaticstyles.addElement(style)
        styles[name] = style
    title = Style(name="Title", family="paragraph")
    doc.styles.addElement(title)
    bullets = ListStyle(name="L_bullet")
    for level in (1, 2):
        bullets.addElement(ListLevelStyleBullet(level=level, bulletchar="•"))
    numbers = ListStyle(name="L_number")
    numbers.addElement(ListLevelStyleNumber(level=1, numformat="1", numsuffix="."))
    doc.automaticstyles.addElement(bullets)
    doc.automaticstyles.addElement(numbers)

    def para(*parts, element=P, **attrs):
        p = element(**attrs)
        for part in parts:
            if isinstance(part, tuple):
                text, style = part
                p.addElement(Span(stylename=styles[f"T_{style}"], text=text))
            else:
                p.addText(part)
        return p

    body = doc.text
    body.addElement(P(stylename=title, text="Raadsakkoord Testdorp 2026–2030"))
    body.addElement(para("Dit akkoord is van de ", ("hele", "i"), " raad."))
    body.addElement(H(outlinelevel=1, text="Wonen"))
    body.addElement(para("Wonen is een grondrecht."))
    body.addElement(H(outlinelevel=2, text="Bouwen"))
    body.addElement(para("We bouwen ", ("500", "b"), " woningen, ", ("snel", "i"), " en ",
                         ("betaalbaar", "bi"), "."))
    body.addElement(H(outlinelevel=3, text="Waar"))
    outer = List(stylename=bullets)
    for text in ("in het centrum", "in de dorpen"):
        li = ListItem()
        li.addElement(para(text))
        outer.addElement(li)
    inner = List()
    inner_item = ListItem()
    inner_item.addElement(para("Assen-Oost"))
    inner.addElement(inner_item)
    outer.childNodes[-1].addElement(inner)
    li = ListItem()
    li.addElement(para("in de wijken"))
    outer.addElement(li)
    body.addElement(outer)
    table = Table(name="Woningen")
    table.addElement(TableColumn(numbercolumnsrepeated=2))
    for year, homes in (("Jaar", "Woningen"), ("2027", "250"), ("2028", ("300", "b"))):
        row = TableRow()
        for value in (year, homes):
            cell = TableCell()
            cell.addElement(para(value))
            row.addElement(cell)
        table.addElement(row)
    body.addElement(table)
    body.addElement(H(outlinelevel=2, text="Huur"))
    body.addElement(para("De huren stijgen niet harder dan de inflatie:"))
    numbered = List(stylename=numbers)
    for text in ("eerst de sociale huur", "dan de middenhuur"):
        li = ListItem()
        li.addElement(para(text))
        numbered.addElement(li)
    body.addElement(numbered)
    p = para("2026. Een jaar met een *sterretje* en ")
    p.addElement(A(href="https://example.nl/huur", text="een link"))
    p.addText(".")
    body.addElement(p)
    body.addElement(H(outlinelevel=1, text="Financiën"))
    body.addElement(H(outlinelevel=2, text="Begroting"))
    body.addElement(para("De begroting is structureel sluitend."))
    if extra:
        extra(doc)
    doc.save(str(path))
