"""Parts every Word export shares with the PDF: cover, table of contents, support per section.

The words and figures come from ``labels`` like those of every other
format, so the Word file says what the PDF says.
"""

from __future__ import annotations

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

from raadsakkoord.export.document import Meta, date_nl
from raadsakkoord.export.labels import percent, segments, support_rows, verdict
from raadsakkoord.export.word.base import (
    ACCENT,
    GREY,
    MINORITY,
    SMALL,
    SUBHEAD,
    add,
    add_table,
    append_block,
    fixed_widths,
    hex_colour,
    page_break_before,
    shade,
)
from raadsakkoord.export.word.markdown import MarkdownWriter
from raadsakkoord.queries.support import Tally

TOC_NOTE = "Klik in Word met de rechtermuisknop op de inhoudsopgave en kies ‘Veld bijwerken’ voor de paginanummers."


def cover(document, meta: Meta, heading: str) -> None:
    status = add(document)
    run = status.add_run(meta.status.upper())
    run.bold = True
    run.font.size = Pt(11)
    run.font.color.rgb = ACCENT
    add(document, heading, style="Title")
    line = add(document)
    line.add_run(f"Gemeente {meta.municipality} · raadsperiode {meta.term}").font.color.rgb = GREY
    line.add_run().add_break()
    line.add_run(f"{meta.status}, {date_nl(meta.date)}").font.color.rgb = GREY
    if meta.adoption:
        add(document).add_run(meta.adoption).bold = True
    add(document)
    add(document, "De fracties in de gemeenteraad", style=SUBHEAD)
    table = add_table(document, 1, 4)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    widths = (Cm(0.5), Cm(7.5), Cm(2.5), Cm(2.0))
    for cell, text in zip(table.rows[0].cells, ("", "Fractie", "Afkorting", "Zetels")):
        cell.paragraphs[0].add_run(text).bold = True
        shade(cell, "EEF2F6")
    table.rows[0].cells[3].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for party in meta.parties:
        cells = table.add_row().cells
        shade(cells[0], party.colour)
        cells[1].text, cells[2].text, cells[3].text = party.name, party.short_name, str(party.seats)
        cells[3].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    total = table.add_row().cells
    total[1].paragraphs[0].add_run("Totaal").bold = True
    total[3].paragraphs[0].add_run(f"{sum(p.seats for p in meta.parties)} van {meta.council_seats}").bold = True
    total[3].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fixed_widths(table, widths)
    if meta.contact_name:
        add(document)
        add(document, "Contact", style=SUBHEAD)
        contact = add(document, f"Griffie van de gemeenteraad {meta.municipality}")
        for line in (meta.contact_name, f"Telefoon {meta.contact_phone}", f"E-mail {meta.contact_email}"):
            contact.add_run().add_break()
            contact.add_run(line)


def contents(document, entries: list[tuple[int, str]], *, levels: str = "1-2") -> None:
    """Word's table of contents of Heading 1 and 2, filled in with the headings already.

    Word numbers the pages when it lays them out; until the field is updated
    the entries show without page numbers (a file has no pages yet). The
    field is marked dirty so that Word offers to update it on opening.
    """
    heading = add(document, "Inhoud", style="TOC Heading")
    page_break_before(heading)
    if not entries:
        return
    first = add(document, style="toc 1")
    add_field_start(first, f'TOC \\o "{levels}" \\h \\z \\u')
    for index, (level, text) in enumerate(entries):
        paragraph = first if index == 0 else add(document, style=f"toc {level}")
        paragraph.add_run(text)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(end)
    add(document, TOC_NOTE, style=SMALL)


def add_field_start(paragraph, instruction: str) -> None:
    """Begin, code and separator of a field whose shown result follows in later runs and paragraphs."""
    for kind, text in (("begin", None), (None, instruction), ("separate", None)):
        run = paragraph.add_run()
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
            if kind == "begin":
                element.set(qn("w:dirty"), "true")
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
        run._r.append(element)


def support(document, tally: Tally, colours: dict[str, str], lists) -> None:
    """The support under a section or amendment: the sentence, the bar in party colours, the rows, minorities."""
    head = add(document, style=SMALL)
    head.paragraph_format.space_before = Pt(6)
    head.paragraph_format.keep_with_next = True
    head.add_run(f"Steun: {tally.support_seats} van {tally.council_seats} zetels "
                 f"({percent(tally.support_seats, tally.council_seats)})").bold = True
    head.add_run(f", {verdict(tally)}")
    _bar(document, tally, colours)
    rows = add(document, style=SMALL)
    shown = [row for row in support_rows(tally) if row.seats or row.key == "support"]
    for index, row in enumerate(shown):
        if index:
            rows.add_run().add_break()
        rows.add_run(row.label).bold = True
        rows.add_run(f" ({row.seats}): {', '.join(row.parties) or '—'}")
    for position in tally.minority_positions:
        label = add(document, style=MINORITY)
        label.paragraph_format.keep_with_next = True
        label.add_run(f"Minderheidsstandpunt {position.short_name}").bold = True
        MarkdownWriter(document, lists, outline_from=None, style=MINORITY).write(document, position.minority_position)


def _bar(document, tally: Tally, colours: dict[str, str]) -> None:
    """One thin table row, a cell per party in its colour, as wide as its seats (60% of the text width).

    Written as one piece of XML: a book of 20,000 amendments has as many
    bars, and python-docx's cell by cell building was half of its time.
    """
    bar = [(seats, colour) for _, seats, colour in segments(tally, colours) if seats]
    if not bar:
        return
    total = tally.council_seats or 1
    widths = [max(1, round(5613 * seats / total)) for seats, _ in bar]  # twips; 5613 is 9.9 cm
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    cells = "".join(
        f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="{hex_colour(colour)}"/>'
        '</w:tcPr><w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="100" w:lineRule="exact"/></w:pPr></w:p></w:tc>'
        for w, (_, colour) in zip(widths, bar))
    append_block(document, parse_xml(
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
        f'<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
        f'<w:tr><w:trPr><w:trHeight w:val="110" w:hRule="exact"/></w:trPr>{cells}</w:tr></w:tbl>'))

