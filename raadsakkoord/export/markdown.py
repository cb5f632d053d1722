"""Markdown exports: CommonMark with a YAML front-matter block.

The agreement's chapters (``#``) and sections (``##``) carry the section
texts exactly as stored, so the export can be read back with ``import-md``.
For that reason the support per section and the task agenda follow as
appendices instead of sitting between the texts, where they would become
part of a section on re-import.
"""

from __future__ import annotations

import json
import re

from raadsakkoord import diffing
from raadsakkoord.base.text import printable
from raadsakkoord.export import plain_language as plain
from raadsakkoord.export.amendments import AmendmentBook
from raadsakkoord.export.document import AgreementDocument, Meta, Portfolio, TaskAgenda, date_nl, euro_nl
from raadsakkoord.export.labels import KIND_NL, percent, support_rows, verdict
from raadsakkoord.queries.labels import TASK_STATUS_LABELS
from raadsakkoord.queries.readability import Readability, ReadabilityReport
from raadsakkoord.queries.support import Tally

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~!])")


def inline(text: str) -> str:
    """A title or name as literal Markdown text: markup characters are escaped.

    A line break in it (from a database written elsewhere) becomes a space,
    so that the value cannot underline the line before it into a heading.
    """
    return _SPECIAL.sub(r"\\\1", printable(text, multiline=False))


def _yaml(value) -> str:
    # JSON strings and numbers are valid YAML flow scalars, and escape whatever YAML would trip on.
    return json.dumps(value, ensure_ascii=False)


def front_matter(meta: Meta, kind: str) -> str:
    lines = ["---",
             f"title: {_yaml(meta.title)}",
             f"document: {_yaml(kind)}",
             f"municipality: {_yaml(meta.municipality)}",
             f"term: {_yaml(meta.term)}",
             f"status: {_yaml(meta.status)}",
             f"date: {meta.date.isoformat()}",
             f"round: {_yaml(meta.round_number)}",
             "lang: nl",
             f"council_seats: {meta.council_seats}",
             "contact:",
             f"  name: {_yaml(meta.contact_name)}",
             f"  phone: {_yaml(meta.contact_phone)}",
             f"  email: {_yaml(meta.contact_email)}",
             "parties:"]
    lines += [f"  - {{name: {_yaml(p.name)}, short_name: {_yaml(p.short_name)}, seats: {p.seats}}}"
              for p in meta.parties]
    lines.append("---")
    return "\n".join(lines)


def _cover(meta: Meta) -> str:
    parties = ", ".join(f"{inline(p.name)} ({p.seats})" for p in meta.parties)
    contact = ", ".join(inline(x) for x in (meta.contact_name, meta.contact_phone, meta.contact_email) if x)
    return "\n\n".join(part for part in [
        f"**{inline(meta.title)}**",
        f"Gemeente {inline(meta.municipality)}, raadsperiode {inline(meta.term)}. "
        f"Status: {inline(meta.status)}, {date_nl(meta.date)}.",
        f"**{inline(meta.adoption)}**" if meta.adoption else "",
        f"Fracties (samen {sum(p.seats for p in meta.parties)} van {meta.council_seats} zetels): {parties}.",
        f"Contact griffie: {contact}." if contact else "",
    ] if part)


def support_markdown(tally: Tally) -> str:
    lines = [f"Steun: {tally.support_seats} van {tally.council_seats} zetels "
             f"({percent(tally.support_seats, tally.council_seats)}, {verdict(tally)})", ""]
    for row in support_rows(tally):
        names = ", ".join(inline(n) for n in row.parties) or "—"
        lines.append(f"- {row.label}: {names} ({row.seats} zetels)")
    for p in tally.minority_positions:
        lines += ["", f"> **Minderheidsstandpunt {inline(p.short_name)}:** " + _quote_text(p.minority_position)]
    return "\n".join(lines)


_BLOCK_START = re.compile(r"^(\s{0,3})([#>=]|-{3,}|```|~~~)", re.M)


def block(text: str) -> str:
    """Another party's prose as Markdown that keeps its emphasis but cannot add structure.

    Raw HTML, headings, setext underlines, quotes and code fences at a line's
    start are escaped: an explanation must not become a chapter heading, and
    no HTML-enabled viewer may run what a package brought in.
    """
    text = text.replace("<", "&lt;")
    return _BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def _quote_text(text: str) -> str:
    # Multi-paragraph minority positions stay inside the quote block.
    return "\n> ".join(line for line in block(text).split("\n"))


def agenda_markdown(portfolios: tuple[Portfolio, ...], level: int) -> str:
    h = "#" * level
    parts = []
    for portfolio in portfolios:
        parts.append(f"{h} {inline(portfolio.holder)}")
        for t in portfolio.tasks:
            rows = [f"**{inline(t.title)}**", "",
                    block(t.description) if t.description else "", "",
                    f"- Volgt uit hoofdlijn: {', '.join(t.section_numbers) or '—'}",
                    f"- Participatietrede: {t.participation_level}",
                    f"- Belanghebbenden: {', '.join(inline(s) for s in t.stakeholders) or '—'}",
                    f"- Gereed: {date_nl(t.due_date) if t.due_date else 'nog niet bepaald'}",
                    f"- Budget (raming): {euro_nl(t.budget_eur) if t.budget_eur is not None else 'nog niet geraamd'}",
                    f"- Status: {TASK_STATUS_LABELS.get(t.status, t.status)}"]
            parts.append("\n".join(r for r in rows).replace("\n\n\n", "\n"))
        parts.append(f"Totaal {inline(portfolio.holder)}: {len(portfolio.tasks)} opdracht"
                     f"{'en' if len(portfolio.tasks) != 1 else ''}, {euro_nl(portfolio.budget_eur)}.")
    return "\n\n".join(parts)


def agreement_markdown(doc: AgreementDocument) -> str:
    parts = [front_matter(doc.meta, "raadsakkoord"), _cover(doc.meta)]
    if doc.preamble:
        parts.append(doc.preamble)
    for chapter in doc.chapters:
        parts.append(f"# {chapter.number}. {inline(chapter.title)}")
        if chapter.intro:
            parts.append(chapter.intro)
        for section in chapter.sections:
            parts.append(f"## {section.number} {inline(section.title)}")
            parts.append(section.text)
    parts.append("# Bijlage A. Steun per hoofdlijn")
    for section in doc.sections:
        parts.append(f"## {section.number} {inline(section.title)}")
        parts.append(support_markdown(section.support))
    parts.append("# Bijlage B. Uitwerkingsagenda voor het college")
    parts.append(agenda_markdown(doc.agenda, 2))
    if doc.readability is not None:
        parts.append(f"# Bijlage C. {plain.TITLE}")
        parts.append(readability_markdown(doc.readability))
    return "\n\n".join(parts) + "\n"


def _figures(r: Readability) -> str:
    return (f"score {plain.score(r)}, {r.band}; lange zinnen: {plain.long_sentences(r)}; "
            f"ambtelijke woorden: {inline(plain.officialese(r))}")


def readability_markdown(report: ReadabilityReport) -> str:
    """The appendix as lists, as the other appendices: CommonMark has no tables."""
    def count(n: int) -> str:
        return f"{n} hoofdlijn{'en' if n != 1 else ''}"

    chapters = [f"- **{c.number}. {inline(c.title)}** ({count(c.sections)}): {_figures(c.readability)}"
                for c in report.chapters]
    chapters.append(f"- **{plain.TOTAL}** ({count(len(report.sections))}): {_figures(report.total)}")
    sections = [f"- **{r.number} {inline(r.title)}**: {_figures(r.readability)}" for r in report.sections]
    return "\n\n".join([plain.INTRO, f"## {plain.CHAPTERS_HEADING}", "\n".join(chapters),
                        f"## {plain.SECTIONS_HEADING}", "\n".join(sections)])


def task_agenda_markdown(agenda: TaskAgenda) -> str:
    total = sum(p.budget_eur for p in agenda.portfolios)
    count = sum(len(p.tasks) for p in agenda.portfolios)
    return "\n\n".join([
        front_matter(agenda.meta, "uitwerkingsagenda"),
        f"# Uitwerkingsagenda {inline(agenda.meta.title)}",
        f"{count} opdrachten voor het college, samen {euro_nl(total)} (raming). "
        f"Stand van {date_nl(agenda.meta.date)}.",
        agenda_markdown(agenda.portfolios, 2),
    ]) + "\n"


def amendment_book_markdown(book: AmendmentBook) -> str:
    """Tracked changes as CriticMarkup ({++ ++}, {-- --}, {~~ ~> ~~}): readable as plain text, and editors can accept them."""
    parts = [front_matter(book.meta, "amendementenboek"),
             f"# Amendementenboek {inline(book.meta.title)}",
             f"{book.count} amendementen, stand van {date_nl(book.meta.date)}. Wijzigingen staan als "
             "CriticMarkup: `{++toegevoegd++}`, `{--geschrapt--}`, `{~~oud~>nieuw~~}`."]
    for section in book.sections:
        heading = f"{section.number} {section.title}" if "." in section.number else section.title
        parts.append(f"## {inline(heading)}")
        for a in section.amendments:
            by = inline(a.party) + (" met " + ", ".join(inline(c) for c in a.co_parties) if a.co_parties else "")
            lines = [f"### {inline(a.title)}", "",
                     f"- Indiener: {by}",
                     f"- Soort: {KIND_NL[a.kind]}" + (f" ({inline(a.title_note)})" if a.title_note else ""),
                     f"- Status: {a.status}" + (f" — {inline(a.decision_note)}" if a.decision_note else ""),
                     *([f"- Stemming: {inline(a.vote.sentence)} Per fractie: "
                        + "; ".join(inline(line) for line in a.vote.parties) + "."] if a.vote else []),
                     (f"- Wijzigt de tekst van amendement {a.parent_label}" if a.parent_label
                      else f"- Geschreven op versie {a.base_revision}" if a.base_revision else "- Nieuwe tekst"),
                     f"- Botst met: {', '.join(a.conflicts_with)}" if a.conflicts_with else "- Botst met: geen",
                     f"- Steun: {a.support.support_seats} van {a.support.council_seats} zetels ("
                     + "; ".join(f"{r.label.lower()}: {', '.join(r.parties) or '—'}" for r in support_rows(a.support))
                     + ")"]
            parts.append("\n".join(lines))
            if a.explanation:
                parts.append("**Toelichting.** " + block(a.explanation))
            parts.append("**Wijziging:**")
            parts.append(diffing.to_critic(a.diff) or "*(geen tekst)*")
    return "\n\n".join(parts) + "\n"
