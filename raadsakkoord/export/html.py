"""HTML exports: one self-contained, accessible file per document.

Everything the page needs (style, bars) is inside it, so it can be mailed,
archived or put on the municipal website as is, and it never loads anything
from elsewhere. Semantics first (headings, tables with header cells, text
for every bar) because the public includes people with screen readers
(WCAG 2.1 AA is the legal bar for Dutch government publications).
"""

from __future__ import annotations

from html import escape

from raadsakkoord import diffing
from raadsakkoord.export import plain_language as plain
from raadsakkoord.export.amendments import AmendmentBook
from raadsakkoord.export.document import AgreementDocument, Meta, Portfolio, TaskAgenda, date_nl, euro_nl
from raadsakkoord.export.labels import (
    KIND_NL,
    percent,
    segments,
    support_rows,
    support_sentence,
    verdict,
)
from raadsakkoord.export.safe_html import NUMBERED_STYLE, render_markdown
from raadsakkoord.queries.labels import TASK_STATUS_LABELS
from raadsakkoord.queries.readability import Readability, ReadabilityReport
from raadsakkoord.queries.support import Tally

# Colours were picked for at least 4.5:1 contrast of text on its background.
STYLE = """
:root { --ink: #1a1a1a; --muted: #4a4a4a; --line: #c8c8c8; --accent: #0b4f8a; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; color: var(--ink); background: #fff;
       line-height: 1.5; max-width: 48rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
h1, h2, h3, h4 { line-height: 1.25; color: var(--ink); }
h2 { border-bottom: 2px solid var(--accent); padding-bottom: .2rem; margin-top: 2.5rem; }
a { color: var(--accent); }
.cover { border-bottom: 1px solid var(--line); padding-bottom: 1rem; }
.status { font-weight: bold; color: var(--accent); text-transform: uppercase; letter-spacing: .05em; }
table { border-collapse: collapse; width: 100%; margin: .75rem 0; font-size: .95rem; }
caption { text-align: left; font-weight: bold; padding: .25rem 0; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top;
         overflow-wrap: anywhere; }
th { background: #eef2f6; }
td.num, th.num { text-align: right; white-space: nowrap; }
/* Short words only: breaking "anywhere" would let the browser squeeze "normaal" into "norm|aal". */
table.readability th, table.readability td { overflow-wrap: break-word; }
.swatch { display: inline-block; width: .9em; height: .9em; border: 1px solid #555; margin-right: .4em;
          vertical-align: -.1em; }
.support { margin: .75rem 0 1.25rem; font-size: .92rem; }
.bar { display: flex; height: .9rem; border: 1px solid #555; margin: .3rem 0; max-width: 30rem; }
.bar span { display: block; height: 100%; }
.support dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .75rem; margin: .3rem 0; }
.support dt { font-weight: bold; }
.support dd { margin: 0; }
.minority { border-left: 4px solid #8a5a00; background: #fff6e0; padding: .5rem .75rem; margin: .75rem 0; }
.minority h4 { margin: 0 0 .3rem; font-size: 1rem; }
.meta { color: var(--muted); }
ins.rk-ins { background: #d9f2dd; color: #0d4d1a; text-decoration: underline; }
del.rk-del { background: #fbe1e1; color: #7a0e0e; text-decoration: line-through; }
.amendment { border-top: 1px solid var(--line); padding-top: .5rem; margin-top: 1.25rem; }
.diff { border: 1px solid var(--line); padding: .25rem .75rem; background: #fcfcfc; }
nav ol { list-style: none; padding-left: 0; }
nav ol ol { padding-left: 1.5rem; }
nav li { margin: .15rem 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
                   white-space: nowrap; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  a { color: var(--ink); text-decoration: none; }
  h2 { break-before: page; }
  .cover + nav h2, .cover h2 { break-before: auto; }
  h2, h3, h4 { break-after: avoid; }
  .support, .minority, tr { break-inside: avoid; }
  .bar span, .swatch, th, .minority, ins, del { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def _page(meta: Meta, heading: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(heading)}</title>\n"
        f'<meta name="author" content="{escape("Griffie van de gemeenteraad " + meta.municipality)}">\n'
        '<meta name="generator" content="Raadsakkoord">\n'
        # No remote resource may ever load, even if a text slipped one through.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; img-src data:\">\n"
        f"<style>{STYLE}{NUMBERED_STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def _cover(meta: Meta, heading: str) -> str:
    rows = "".join(
        f'<tr><td><span class="swatch" style="background:{escape(p.colour)}" aria-hidden="true"></span>'
        f"{escape(p.name)}</td><td>{escape(p.short_name)}</td><td class=\"num\">{p.seats}</td></tr>"
        for p in meta.parties)
    total = sum(p.seats for p in meta.parties)
    contact = ""
    if meta.contact_name:
        phone = escape(meta.contact_phone)
        tel = "".join(ch for ch in meta.contact_phone if ch.isdigit() or ch == "+")
        contact = (f'<h2 id="contact">Contact</h2><address>Griffie van de gemeenteraad {escape(meta.municipality)}: '
                   f"{escape(meta.contact_name)}, telefoon <a href=\"tel:{escape(tel)}\">{phone}</a>, e-mail "
                   f'<a href="mailto:{escape(meta.contact_email)}">{escape(meta.contact_email)}</a></address>')
    return (
        f'<header class="cover">\n<p class="status">{escape(meta.status)}</p>\n<h1>{escape(heading)}</h1>\n'
        f'<p class="meta">Gemeente {escape(meta.municipality)} · raadsperiode {escape(meta.term)} · '
        f"{escape(meta.status)}, {date_nl(meta.date)}</p>\n"
        + (f'<p class="adoption"><strong>{escape(meta.adoption)}</strong></p>\n' if meta.adoption else "")
        + f"<table><caption>De fracties in de gemeenteraad ({total} van {meta.council_seats} zetels)</caption>"
        '<thead><tr><th scope="col">Fractie</th><th scope="col">Afkorting</th>'
        f'<th scope="col" class="num">Zetels</th></tr></thead><tbody>{rows}</tbody></table>\n'
        f"{contact}\n</header>"
    )


def support_html(tally: Tally, colours: dict[str, str], *, heading_level: int = 4) -> str:
    total = tally.council_seats or 1
    bar = "".join(
        f'<span style="width:{100 * seats / total:.3f}%;background:{escape(colour)}" title="{escape(name)}: {seats}"></span>'
        for name, seats, colour in segments(tally, colours))
    rows = "".join(
        f"<dt>{row.label}</dt><dd>{escape(', '.join(row.parties)) or '—'} ({row.seats} zetels)</dd>"
        for row in support_rows(tally) if row.seats or row.key == "support")
    minority = "".join(
        f'<aside class="minority" aria-label="Minderheidsstandpunt {escape(p.short_name)}">'
        f"<h{heading_level}>Minderheidsstandpunt {escape(p.short_name)}</h{heading_level}>"
        f"{render_markdown(p.minority_position, heading_offset=heading_level)}</aside>"
        for p in tally.minority_positions)
    return (
        f'<div class="support"><p><strong>Steun: {tally.support_seats} van {tally.council_seats} zetels '
        f"({percent(tally.support_seats, tally.council_seats)})</strong>, {verdict(tally)}</p>"
        f'<div class="bar" role="img" aria-label="{escape(support_sentence(tally))}">{bar}</div>'
        f"<dl>{rows}</dl></div>{minority}"
    )


def agenda_html(portfolios: tuple[Portfolio, ...], level: int, id_prefix: str) -> str:
    parts = []
    for n, portfolio in enumerate(portfolios, start=1):
        rows = "".join(
            f"<tr><th scope=\"row\">{escape(t.title)}"
            + (f'<div class="meta">{escape(t.description)}</div>' if t.description else "")
            + f"</th><td>{escape(', '.join(t.section_numbers)) or '—'}</td>"
            f"<td>{escape(t.participation_level)}</td><td>{escape(', '.join(t.stakeholders)) or '—'}</td>"
            f"<td>{date_nl(t.due_date) if t.due_date else '—'}</td>"
            f"<td class=\"num\">{euro_nl(t.budget_eur) if t.budget_eur is not None else '—'}</td>"
            f"<td>{TASK_STATUS_LABELS.get(t.status, t.status)}</td></tr>"
            for t in portfolio.tasks)
        count = len(portfolio.tasks)
        parts.append(
            f'<h{level} id="{id_prefix}{n}">{escape(portfolio.holder)}</h{level}>'
            f"<table><caption>Opdrachten voor {escape(portfolio.holder)}</caption><thead><tr>"
            '<th scope="col">Opdracht</th><th scope="col">Hoofdlijn</th><th scope="col">Participatie</th>'
            '<th scope="col">Belanghebbenden</th><th scope="col">Gereed</th>'
            '<th scope="col" class="num">Budget</th><th scope="col">Status</th></tr></thead>'
            f"<tbody>{rows}</tbody><tfoot><tr><th scope=\"row\">Totaal: {count} opdracht{'en' if count != 1 else ''}"
            f'</th><td colspan="4"></td><td class="num">{euro_nl(portfolio.budget_eur)}</td><td></td></tr>'
            "</tfoot></table>")
    return "\n".join(parts)


def agreement_html(doc: AgreementDocument) -> str:
    colours = {p.short_name: p.colour for p in doc.meta.parties}
    toc = []
    body = []
    for chapter in doc.chapters:
        cid = f"h{chapter.number}"
        toc.append(f'<li><a href="#{cid}">{chapter.number}. {escape(chapter.title)}</a><ol>'
                   + "".join(f'<li><a href="#s{s.number}">{s.number} {escape(s.title)}</a></li>'
                             for s in chapter.sections) + "</ol></li>")
        body.append(f'<section aria-labelledby="{cid}"><h2 id="{cid}">{chapter.number}. {escape(chapter.title)}</h2>')
        if chapter.intro:
            body.append(render_markdown(chapter.intro, heading_offset=2))
        for s in chapter.sections:
            body.append(f'<article aria-labelledby="s{s.number}"><h3 id="s{s.number}">{s.number} {escape(s.title)}</h3>'
                        f"{render_markdown(s.text, heading_offset=3, numbered=doc.line_numbers)}"
                        f"{support_html(s.support, colours)}</article>")
        body.append("</section>")
    toc.append('<li><a href="#bijlage">Bijlage. Uitwerkingsagenda voor het college</a></li>')
    body.append('<section aria-labelledby="bijlage"><h2 id="bijlage">Bijlage. Uitwerkingsagenda voor het college</h2>'
                f"{agenda_html(doc.agenda, 3, 'p')}</section>")
    if doc.readability is not None:
        toc.append(f'<li><a href="#leesbaarheid">Bijlage. {plain.TITLE}</a></li>')
        body.append(readability_html(doc.readability))
    preamble = f'<section aria-label="Voorwoord">{render_markdown(doc.preamble, heading_offset=2)}</section>' \
        if doc.preamble else ""
    content = (f"{_cover(doc.meta, doc.meta.title)}\n"
               f'<nav aria-labelledby="toc"><h2 id="toc">Inhoud</h2><ol>{"".join(toc)}</ol></nav>\n'
               f"<main>{preamble}{''.join(body)}</main>\n"
               f'<footer class="meta"><p>{escape(doc.meta.title)} · {escape(doc.meta.status)} · '
               f"{date_nl(doc.meta.date)}</p></footer>")
    return _page(doc.meta, doc.meta.title, content)


def _figures(r: Readability) -> str:
    return (f'<td class="num">{plain.score(r)}</td><td>{escape(r.band)}</td>'
            f"<td>{plain.long_sentences(r)}</td><td>{_officialese(r)}</td>")


def _officialese(r: Readability) -> str:
    # The count, then one phrase and its alternative a line: easier to scan than one run-on line.
    if not r.officialese:
        return "geen"
    return "<br>".join([str(len(r.officialese))] + [escape(line) for line in plain.frequent_officialese(r)])


def _head(columns: tuple[str, ...], numeric: set[str]) -> str:
    cells = "".join(f'<th scope="col" class="num">{c}</th>' if c in numeric else f'<th scope="col">{c}</th>'
                    for c in columns)
    return f"<thead><tr>{cells}</tr></thead>"


def readability_html(report: ReadabilityReport) -> str:
    """The appendix: two tables with captions and header cells, rows linked to their chapter or section."""
    chapters = "".join(
        f'<tr><th scope="row"><a href="#h{c.number}">{c.number}. {escape(c.title)}</a></th>'
        f'<td class="num">{c.sections}</td>{_figures(c.readability)}</tr>' for c in report.chapters)
    sections = "".join(
        f'<tr><td><a href="#s{r.number}">{r.number}</a></td><th scope="row">{escape(r.title)}</th>'
        f"{_figures(r.readability)}</tr>" for r in report.sections)
    return (
        f'<section aria-labelledby="leesbaarheid"><h2 id="leesbaarheid">Bijlage. {plain.TITLE}</h2>'
        f"<p>{escape(plain.INTRO)}</p>"
        f'<h3 id="leesbaarheid-hoofdstukken">{plain.CHAPTERS_HEADING}</h3>'
        f'<table class="readability"><caption>{plain.CHAPTERS_CAPTION}</caption>'
        f'{_head(plain.CHAPTER_COLUMNS, {"Hoofdlijnen", "Score"})}<tbody>{chapters}</tbody>'
        f'<tfoot><tr><th scope="row">{plain.TOTAL}</th><td class="num">{len(report.sections)}</td>'
        f"{_figures(report.total)}</tr></tfoot></table>"
        f'<h3 id="leesbaarheid-hoofdlijnen">{plain.SECTIONS_HEADING}</h3>'
        f'<table class="readability"><caption>{plain.SECTIONS_CAPTION}</caption>'
        f'{_head(plain.SECTION_COLUMNS, {"Score"})}<tbody>{sections}</tbody></table></section>'
    )


def task_agenda_html(agenda: TaskAgenda) -> str:
    heading = f"Uitwerkingsagenda {agenda.meta.title}"
    total = sum(p.budget_eur for p in agenda.portfolios)
    count = sum(len(p.tasks) for p in agenda.portfolios)
    content = (f"{_cover(agenda.meta, heading)}\n<main><h2 id=\"agenda\">Opdrachten per portefeuillehouder</h2>"
               f"<p>{count} opdrachten voor het college, samen {euro_nl(total)} (raming).</p>"
               f"{agenda_html(agenda.portfolios, 3, 'p')}</main>")
    return _page(agenda.meta, heading, content)


def amendment_book_html(book: AmendmentBook) -> str:
    heading = f"Amendementenboek {book.meta.title}"
    colours = {p.short_name: p.colour for p in book.meta.parties}
    body, toc = [], []
    for n, section in enumerate(book.sections, start=1):
        title = f"{section.number} {section.title}" if "." in section.number else section.title
        toc.append(f'<li><a href="#b{n}">{escape(title)}</a> ({len(section.amendments)})</li>')
        body.append(f'<section aria-labelledby="b{n}"><h2 id="b{n}">{escape(title)}</h2>')
        for a in section.amendments:
            by = escape(a.party) + (" met " + escape(", ".join(a.co_parties)) if a.co_parties else "")
            conflicts = ", ".join(f'<a href="#{c}">{c}</a>' for c in a.conflicts_with) or "geen"
            body.append(
                f'<article class="amendment" aria-labelledby="{a.label}"><h3 id="{a.label}">{escape(a.title)}</h3>'
                '<table><caption class="visually-hidden">Gegevens van het amendement</caption><tbody>'
                f'<tr><th scope="row">Indiener</th><td>{by}</td></tr>'
                f'<tr><th scope="row">Soort</th><td>{KIND_NL[a.kind]}'
                + (f" ({escape(a.title_note)})" if a.title_note else "") + "</td></tr>"
                + (f'<tr><th scope="row">Regels</th><td>hoofdlijn {escape(section.number)}, {a.lines}</td></tr>'
                   if a.lines and "." in section.number else "")
                + f'<tr><th scope="row">Status</th><td>{escape(a.status)}'
                + (f" — {escape(a.decision_note)}" if a.decision_note else "") + "</td></tr>"
                + (f'<tr><th scope="row">Stemming</th><td>{escape(a.vote.sentence)}<br>'
                   + "; ".join(escape(line) for line in a.vote.parties) + "</td></tr>" if a.vote else "")
                + f'<tr><th scope="row">Botst met</th><td>{conflicts}</td></tr></tbody></table>'
                + (f"<h4>Toelichting</h4>{render_markdown(a.explanation, heading_offset=4)}" if a.explanation else "")
                + "<h4>Wijziging</h4><p class=\"meta\">Toegevoegde tekst is onderstreept, geschrapte tekst "
                "doorgehaald.</p>"
                f'<div class="diff">{diffing.to_html(a.diff, emphasis=True)}</div>'
                f"<h4>Steun</h4>{support_html(a.support, colours, heading_level=5)}</article>")
        body.append("</section>")
    content = (f"{_cover(book.meta, heading)}\n"
               f'<nav aria-labelledby="toc"><h2 id="toc">Inhoud</h2><ol>{"".join(toc)}</ol></nav>\n'
               f"<main>{''.join(body)}</main>")
    return _page(book.meta, heading, content)
