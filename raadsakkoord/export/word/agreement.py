"""The agreement as a Word document: the PDF's content in the PDF's order, with Word's own headings.

Chapters are Heading 1 and sections Heading 2 (headings inside a section
text go one deeper), so Word's navigation pane and table of contents show
the agreement's outline; the cover, the support under every section, the
minority positions and the task agenda are those of the PDF.
"""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm

from raadsakkoord.export.document import AgreementDocument, Portfolio, euro_nl
from raadsakkoord.export.qt_html import hyphenate
from raadsakkoord.export.word.base import (
    INTRO,
    SMALL,
    add_table,
    fixed_widths,
    heading,
    new_document,
    page_break_before,
    repeat_header,
    restyle,
    shade,
)
from raadsakkoord.export.word.lines import end_numbered, prepare, start_numbered
from raadsakkoord.export.word.markdown import MarkdownWriter
from raadsakkoord.export.word.numbering import Lists
from raadsakkoord.export.word.parts import contents, cover, support

PREAMBLE = "Voorwoord"
APPENDIX = "Bijlage. Uitwerkingsagenda voor het college"
_AGENDA_COLUMNS = (("Opdracht", 5.0), ("Hoofdlijn", 1.9), ("Participatie", 2.2), ("Belanghebbenden", 3.1),
                   ("Gereed", 2.0), ("Budget", 2.4))


def agreement_docx(doc: AgreementDocument):
    document = new_document(doc.meta, doc.meta.title)
    if doc.line_numbers:
        prepare(document)
    lists = Lists(document)
    colours = {p.short_name: p.colour for p in doc.meta.parties}
    cover(document, doc.meta, doc.meta.title)
    entries = [(1, PREAMBLE)] if doc.preamble else []
    for chapter in doc.chapters:
        entries.append((1, f"{chapter.number}. {chapter.title}"))
        entries += [(2, f"{s.number} {s.title}") for s in chapter.sections]
    entries.append((1, APPENDIX))
    contents(document, entries)
    text = MarkdownWriter(document, lists)
    if doc.preamble:
        page_break_before(heading(document, PREAMBLE, 1))
        text.write(document, doc.preamble)
    for chapter in doc.chapters:
        page_break_before(heading(document, f"{chapter.number}. {chapter.title}", 1))
        if chapter.intro:
            MarkdownWriter(document, lists, style=INTRO).write(document, chapter.intro)
        for section in chapter.sections:
            heading(document, f"{section.number} {section.title}", 2)
            if doc.line_numbers and section.text.strip():
                start_numbered(document)
                text.write(document, section.text, numbered=True)
                end_numbered(document)
            else:
                text.write(document, section.text)
            support(document, section.support, colours, lists)
    page_break_before(heading(document, APPENDIX, 1))
    agenda(document, doc.agenda)
    return document


def _day(day) -> str:
    return day.strftime("%d-%m-%Y") if day else "—"


def agenda(document, portfolios: tuple[Portfolio, ...]) -> None:
    """Per portfolio holder a table of tasks, as in the PDF's appendix."""
    for portfolio in portfolios:
        heading(document, portfolio.holder, 2)
        table = add_table(document, 1, len(_AGENDA_COLUMNS))
        table.style = "Table Grid"
        for cell, (label, _) in zip(table.rows[0].cells, _AGENDA_COLUMNS):
            restyle(cell.paragraphs[0], SMALL)
            cell.paragraphs[0].add_run(label).bold = True
            shade(cell, "EEF2F6")
        table.rows[0].cells[-1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        repeat_header(table.rows[0])
        for task in portfolio.tasks:
            cells = table.add_row().cells
            first = cells[0].paragraphs[0]
            restyle(first, SMALL)
            first.add_run(task.title).bold = True
            if task.description:
                first.add_run().add_break()
                first.add_run(task.description)
            values = (", ".join(task.section_numbers) or "—", task.participation_level,
                      hyphenate(", ".join(task.stakeholders)) or "—", _day(task.due_date),
                      euro_nl(task.budget_eur) if task.budget_eur is not None else "—")
            for cell, value in zip(cells[1:], values):
                restyle(cell.paragraphs[0], SMALL)
                cell.paragraphs[0].add_run(value)
            cells[-1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        count = len(portfolio.tasks)
        total = table.add_row().cells
        for cell, text in ((total[0], f"Totaal: {count} opdracht{'en' if count != 1 else ''}"),
                           (total[-1], euro_nl(portfolio.budget_eur))):
            restyle(cell.paragraphs[0], SMALL)
            cell.paragraphs[0].add_run(text).bold = True
        total[-1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        fixed_widths(table, [Cm(width) for _, width in _AGENDA_COLUMNS])
