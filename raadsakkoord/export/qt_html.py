"""HTML in the subset Qt's rich-text engine understands, for the ODT writer.

Qt's QTextDocument reads HTML 4 tables, ``bgcolor``, widths and a little CSS,
but no flexbox, grid or custom properties, so the browser page of ``html``
cannot be reused as is. The content is the same: this module and ``html``
both take their words from ``labels`` and their text from the one safe
Markdown renderer.
"""

from __future__ import annotations

import functools
import re
from html import escape

import pyphen

from raadsakkoord import diffing
from raadsakkoord.export import plain_language as plain
from raadsakkoord.export.amendments import AmendmentBook
from raadsakkoord.export.document import AgreementDocument, Meta, Portfolio, TaskAgenda, date_nl, euro_nl
from raadsakkoord.export.labels import KIND_NL, percent, segments, support_rows, verdict
from raadsakkoord.export.safe_html import render_markdown
from raadsakkoord.queries.readability import Readability, ReadabilityReport
from raadsakkoord.queries.support import Tally

# Font sizes in points; Qt reads margins only in CSS pixels (1/96 inch, scaled
# to the device), so they are written here in points and converted.
_STYLE = """
h1 { font-size: 22pt; font-weight: bold; margin-bottom: {6}px; }
h2 { font-size: 15pt; font-weight: bold; color: #0b4f8a; margin-top: 0px; margin-bottom: {8}px; }
h3 { font-size: 11.5pt; font-weight: bold; margin-top: {14}px; margin-bottom: {4}px; }
h4 { font-size: 10pt; font-weight: bold; margin-top: {8}px; margin-bottom: {2}px; }
h5, h6 { font-size: 10pt; font-weight: bold; margin-top: {6}px; margin-bottom: {2}px; }
p { margin-top: 0px; margin-bottom: {5}px; }
ul, ol { margin-top: 0px; margin-bottom: {5}px; }
li { margin-bottom: {1.5}px; }
.status { font-size: 11pt; font-weight: bold; color: #0b4f8a; }
.meta { color: #4a4a4a; }
.small { font-size: 8.5pt; color: #333333; margin-bottom: {3}px; }
.bar { margin-top: {2}px; margin-bottom: {2}px; }
.t { font-size: 8.5pt; }
.gap { margin-top: {10}px; }
.next { margin-top: {20}px; }
th { background-color: #eef2f6; font-weight: bold; text-align: left; }
td.num, th.num { text-align: right; }
ins { color: #0d4d1a; background-color: #d9f2dd; text-decoration: underline; }
del { color: #7a0e0e; background-color: #fbe1e1; text-decoration: line-through; }
"""



@functools.cache
def _hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="nl_NL")


def hyphenate(text: str) -> str:
    """Soft hyphens in long Dutch words, so a narrow table column breaks them where Dutch does."""
    return re.sub(r"\w{12,}", lambda m: _hyphenator().inserted(m.group(), hyphen="\u00ad"), text)


def style() -> str:
    return re.sub(r"\{([0-9.]+)\}", lambda m: str(round(float(m.group(1)) * 96 / 72)), _STYLE)


TOC_PLACEHOLDER = "000"
SUPPORT_PREFIX = "Steun: "


def _cover(meta: Meta, heading: str) -> str:
    rows = "".join(
        f'<tr><td width="14" bgcolor="{escape(p.colour)}">&nbsp;</td><td>{escape(p.name)}</td>'
        f'<td>{escape(p.short_name)}</td><td class="num" align="right">{p.seats}</td></tr>'
        for p in meta.parties)
    total = sum(p.seats for p in meta.parties)
    contact = ""
    if meta.contact_name:
        contact = (f"<h3>Contact</h3><p>Griffie van de gemeenteraad {escape(meta.municipality)}<br>"
                   f"{escape(meta.contact_name)}<br>Telefoon {escape(meta.contact_phone)}<br>"
                   f"E-mail {escape(meta.contact_email)}</p>")
    return (
        f'<p class="status">{escape(meta.status.upper())}</p><h1>{escape(heading)}</h1>'
        f'<p class="meta">Gemeente {escape(meta.municipality)} · raadsperiode {escape(meta.term)}<br>'
        f"{escape(meta.status)}, {date_nl(meta.date)}</p>"
        + (f"<p><b>{escape(meta.adoption)}</b></p>" if meta.adoption else "")
        + "<p>&nbsp;</p>"
        f"<h3>De fracties in de gemeenteraad</h3>"
        '<table width="75%" cellspacing="0" cellpadding="4" border="0">'
        '<tr><th></th><th>Fractie</th><th>Afkorting</th><th class="num" align="right">Zetels</th></tr>'
        f'{rows}<tr><td></td><td><b>Totaal</b></td><td></td><td align="right"><b>{total} van '
        f"{meta.council_seats}</b></td></tr></table>{contact}"
    )


TOC_STATE = 1000  # block user states from here on number the headings of the table of contents


def toc_heading(toc: list[tuple[int, str]], level: int, text: str, *, new_page: bool = False,
                extra: str = "") -> str:
    """A heading listed in the table of contents, numbered in its block's user state.

    Pages are found by that number, not by text: another text with the same
    words as a heading (or a title Qt lays out with other spaces) cannot
    take over its entry. Anchors would do too, but Qt splits the first
    letter into a fragment of its own, which breaks the word in the PDF.
    """
    toc.append((level, text))
    style = f"-qt-user-state: {TOC_STATE + len(toc) - 1}" + ("; page-break-before: always" if new_page else "")
    return f'<h{level} style="{style}"{extra}>{escape(text)}</h{level}>'


def _toc(entries: list[tuple[int, str]], pages: dict[str, int] | None) -> str:
    """The table of contents: ``pages`` None lays out placeholders, {} means a document without pages (ODT)."""
    rows = []
    for index, (level, text) in enumerate(entries):
        indent = "" if level == 2 else "&nbsp;&nbsp;&nbsp;&nbsp;"
        weight = "<b>" if level == 2 else ""
        end = "</b>" if level == 2 else ""
        cell = ""
        if pages is None or pages:
            page = str(pages.get(f"toc-{index}", "")) if pages is not None else TOC_PLACEHOLDER
            cell = f'<td align="right" width="40">{page}</td>'
        rows.append(f"<tr><td>{indent}{weight}{escape(text)}{end}</td>{cell}</tr>")
    return ('<h2 style="page-break-before: always">Inhoud</h2>'
            f'<table width="100%" cellspacing="0" cellpadding="2">{"".join(rows)}</table>')


def support_block(tally: Tally, colours: dict[str, str]) -> str:
    total = tally.council_seats or 1
    cells = "".join(
        f'<td width="{max(1, round(100 * seats / total))}%" bgcolor="{escape(colour)}">'
        f'<span style="font-size: 4pt">&nbsp;</span></td>'
        for name, seats, colour in segments(tally, colours) if seats)
    lines = "<br>".join(
        f"<b>{row.label}</b> ({row.seats}): {escape(', '.join(row.parties)) or '—'}"
        for row in support_rows(tally) if row.seats or row.key == "support")
    minority = "".join(
        '<table width="100%" cellspacing="0" cellpadding="5" bgcolor="#fff6e0" style="margin-top: 4pt">'
        f'<tr><td width="3" bgcolor="#8a5a00"></td><td><b>Minderheidsstandpunt {escape(p.short_name)}</b>'
        f"{render_markdown(p.minority_position, heading_offset=4)}</td></tr></table>"
        for p in tally.minority_positions)
    return (
        f'<p class="small gap"><b>{SUPPORT_PREFIX}{tally.support_seats} van '
        f"{tally.council_seats} zetels ({percent(tally.support_seats, tally.council_seats)})</b>, {verdict(tally)}</p>"
        f'<table class="bar" width="60%" cellspacing="0" cellpadding="0" border="0"><tr>{cells}</tr></table>'
        f'<p class="small">{lines}</p>{minority}'
    )


def _day(day) -> str:
    # The Dutch numeric date fits the narrow column without wrapping.
    return day.strftime("%d-%m-%Y") if day else "—"


def agenda_block(portfolios: tuple[Portfolio, ...]) -> str:
    parts = []
    for portfolio in portfolios:
        rows = "".join(
            f'<tr><td><p class="t"><b>{escape(t.title)}</b><br>{escape(t.description)}</p></td>'
            f'<td><p class="t">{escape(", ".join(t.section_numbers)) or "—"}</p></td>'
            f'<td><p class="t">{escape(t.participation_level)}</p></td>'
            f'<td><p class="t">{escape(hyphenate(", ".join(t.stakeholders))) or "—"}</p></td>'
            f'<td><p class="t">{_day(t.due_date)}</p></td>'
            f'<td align="right"><p class="t">{euro_nl(t.budget_eur) if t.budget_eur is not None else "—"}</p></td></tr>'
            for t in portfolio.tasks)
        count = len(portfolio.tasks)
        parts.append(
            f'<h3>{escape(portfolio.holder)}</h3>'
            '<table width="100%" cellspacing="0" cellpadding="3" border="1" style="border-color: #c8c8c8; '
            'border-style: solid">'
            '<thead><tr><th width="30%"><p class="t">Opdracht</p></th><th width="9%"><p class="t">Hoofdlijn</p></th>'
            '<th width="14%"><p class="t">Participatie</p></th><th width="21%"><p class="t">Belanghebbenden</p></th>'
            '<th width="13%"><p class="t">Gereed</p></th><th width="13%"><p class="t" align="right">Budget</p></th>'
            f'</tr></thead>{rows}<tr><td><p class="t"><b>Totaal: {count} opdracht{"en" if count != 1 else ""}</b></p></td>'
            f'<td></td><td></td><td></td><td></td><td align="right"><p class="t"><b>{euro_nl(portfolio.budget_eur)}'
            "</b></p></td></tr></table>")
    return "".join(parts)


# Column widths in percent, chosen on rendered pages: "21 van 330 (6%)" and
# the heading "Hoofdlijnen" fit on one line, and a phrase with its
# alternative mostly does too. Titles are not hyphenated here: in a column
# this wide a break between words suffices, and every extra line makes a row
# more likely to be cut by a page break (Qt cannot keep a row together).
_CHAPTER_WIDTHS = (25, 13, 7, 14, 17, 24)
_SECTION_WIDTHS = (5, 30, 7, 14, 17, 27)
_NUMERIC = {"Hoofdlijnen", "Score"}


def _table(columns: tuple[str, ...], widths: tuple[int, ...], rows: str) -> str:
    head = "".join(
        f'<th width="{w}%"' + (' align="right"' if c in _NUMERIC else "") + f'><p class="t">{c}</p></th>'
        for c, w in zip(columns, widths, strict=True))
    return ('<table width="100%" cellspacing="0" cellpadding="3" border="1" style="border-color: #c8c8c8; '
            f'border-style: solid"><thead><tr>{head}</tr></thead>{rows}</table>')


def _figures(r: Readability) -> str:
    return (f'<td align="right"><p class="t">{plain.score(r)}</p></td><td><p class="t">{escape(r.band)}</p></td>'
            f'<td><p class="t">{plain.long_sentences(r)}</p></td>'
            f'<td><p class="t">{_officialese(r)}</p></td>')


def _officialese(r: Readability) -> str:
    # One phrase a line: in a narrow column "8 (middels 2× → met, door; …" wraps mid-phrase.
    if not r.officialese:
        return "geen"
    return "<br>".join([str(len(r.officialese))] + [escape(line) for line in plain.frequent_officialese(r)])


def readability_block(report: ReadabilityReport) -> str:
    chapters = "".join(
        f'<tr><td><p class="t">{c.number}. {escape(c.title)}</p></td>'
        f'<td align="right"><p class="t">{c.sections}</p></td>{_figures(c.readability)}</tr>'
        for c in report.chapters)
    chapters += (f'<tr><td><p class="t"><b>{plain.TOTAL}</b></p></td>'
                 f'<td align="right"><p class="t"><b>{len(report.sections)}</b></p></td>{_figures(report.total)}</tr>')
    sections = "".join(
        f'<tr><td><p class="t">{r.number}</p></td><td><p class="t">{escape(r.title)}</p></td>'
        f"{_figures(r.readability)}</tr>" for r in report.sections)
    return (f"<p>{escape(plain.INTRO)}</p>"
            f"<h3>{plain.CHAPTERS_HEADING}</h3>{_table(plain.CHAPTER_COLUMNS, _CHAPTER_WIDTHS, chapters)}"
            f"<h3>{plain.SECTIONS_HEADING}</h3>{_table(plain.SECTION_COLUMNS, _SECTION_WIDTHS, sections)}")


def agreement(doc: AgreementDocument, pages: dict[str, int] | None) -> tuple[str, list[tuple[int, str]]]:
    """The body HTML and the headings of the table of contents (level, text)."""
    colours = {p.short_name: p.colour for p in doc.meta.parties}
    toc: list[tuple[int, str]] = []
    body = []
    if doc.preamble:
        body.append(toc_heading(toc, 2, "Voorwoord", new_page=True)
                    + render_markdown(doc.preamble, heading_offset=3))
    for chapter in doc.chapters:
        body.append(toc_heading(toc, 2, f"{chapter.number}. {chapter.title}", new_page=True))
        if chapter.intro:
            body.append(f'<p class="meta"><i>{escape(chapter.intro)}</i></p>' if "\n" not in chapter.intro
                        else render_markdown(chapter.intro, heading_offset=3))
        for s in chapter.sections:
            body.append(f"{toc_heading(toc, 3, f'{s.number} {s.title}')}{render_markdown(s.text, heading_offset=3)}"
                        f"{support_block(s.support, colours)}")
    appendix = "Bijlage. Uitwerkingsagenda voor het college"
    body.append(toc_heading(toc, 2, appendix, new_page=True) + agenda_block(doc.agenda))
    if doc.readability is not None:
        body.append(toc_heading(toc, 2, f"Bijlage. {plain.TITLE}", new_page=True)
                    + readability_block(doc.readability))
    return _cover(doc.meta, doc.meta.title) + _toc(toc, pages) + "".join(body), toc


def task_agenda(agenda: TaskAgenda, pages: dict[str, int] | None) -> tuple[str, list[tuple[int, str]]]:
    heading = f"Uitwerkingsagenda {agenda.meta.title}"
    total = sum(p.budget_eur for p in agenda.portfolios)
    count = sum(len(p.tasks) for p in agenda.portfolios)
    toc = [(3, p.holder) for p in agenda.portfolios]
    body = (f'<h2 style="page-break-before: always">Opdrachten per portefeuillehouder</h2>'
            f"<p>{count} opdrachten voor het college, samen {euro_nl(total)} (raming).</p>"
            f"{agenda_block(agenda.portfolios)}")
    return _cover(agenda.meta, heading) + body, toc


def amendment_book(book: AmendmentBook, pages: dict[str, int] | None) -> tuple[str, list[tuple[int, str]]]:
    heading = f"Amendementenboek {book.meta.title}"
    colours = {p.short_name: p.colour for p in book.meta.parties}
    toc: list[tuple[int, str]] = []
    body = []
    first = True
    for section in book.sections:
        title = f"{section.number} {section.title}" if "." in section.number else section.title
        body.append(toc_heading(toc, 2, title, new_page=first, extra="" if first else ' class="next"'))
        first = False
        for a in section.amendments:
            by = escape(a.party) + (" met " + escape(", ".join(a.co_parties)) if a.co_parties else "")
            body.append(
                f"<h3>{escape(a.title)}</h3>"
                f'<p class="small">Indiener: {by} · {KIND_NL[a.kind]}'
                + (f" ({escape(a.title_note)})" if a.title_note else "")
                + f" · status: <b>{escape(a.status)}</b>"
                + (f" · botst met {', '.join(a.conflicts_with)}" if a.conflicts_with else "") + "</p>"
                + (f'<p class="small"><i>Besluit:</i> {escape(a.decision_note)}</p>' if a.decision_note else "")
                + (f'<p class="small"><i>Stemming:</i> {escape(a.vote.sentence)}<br>'
                   + "; ".join(escape(line) for line in a.vote.parties) + "</p>" if a.vote else "")
                + (f"<h4>Toelichting</h4>{render_markdown(a.explanation, heading_offset=4)}" if a.explanation else "")
                + '<h4>Wijziging</h4><p class="small">Toegevoegd is onderstreept, geschrapt doorgehaald.</p>'
                f"{diffing.to_html(a.diff, emphasis=True)}{support_block(a.support, colours)}")
    return _cover(book.meta, heading) + _toc(toc, pages) + "".join(body), toc
