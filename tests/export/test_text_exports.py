"""Markdown, HTML, CSV and iCalendar exports of the demo, read back."""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser

import yaml
from icalendar import Calendar
from markdown_it import MarkdownIt

from raadsakkoord.export import html, markdown as md, tasks
from raadsakkoord.importing.markdown import parse_draft


def _split_front_matter(text: str) -> tuple[dict, str]:
    assert text.startswith("---\n")
    head, body = text[4:].split("\n---\n", 1)
    return yaml.safe_load(head), body


# --- Markdown ---------------------------------------------------------------

def test_agreement_markdown_has_front_matter_and_commonmark_structure(agreement):
    meta, body = _split_front_matter(md.agreement_markdown(agreement))
    assert meta["title"] == "Raadsakkoord Assen 2026–2030"
    assert meta["lang"] == "nl" and meta["council_seats"] == 33
    assert meta["contact"]["phone"] == "0592-123456"
    assert sum(p["seats"] for p in meta["parties"]) == 33
    tokens = MarkdownIt("commonmark").parse(body)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h2"]
    for section in agreement.sections:
        assert f"{section.number} {section.title}" in headings


def test_agreement_markdown_round_trips_through_import_md(agreement):
    """Every section text comes back byte for byte; the appendices come after them."""
    draft = parse_draft(md.agreement_markdown(agreement))
    imported = {s.title.split(" ", 1)[0]: s for c in draft.chapters[:-2] for s in c.sections}
    for section in agreement.sections:
        got = imported[section.number]
        assert got.title == f"{section.number} {section.title}"
        assert got.text == section.text, section.number
    chapter_titles = [c.title for c in draft.chapters]
    assert chapter_titles[-2:] == ["Bijlage A. Steun per hoofdlijn", "Bijlage B. Uitwerkingsagenda voor het college"]


def test_agreement_markdown_shows_support_and_minority_positions(agreement):
    text = md.agreement_markdown(agreement)
    with_minority = [s for s in agreement.sections if s.support.minority_positions]
    assert with_minority
    for s in with_minority:
        for p in s.support.minority_positions:
            assert f"> **Minderheidsstandpunt {p.short_name}:**" in text
    assert "Steun: " in text and "zetels" in text


def test_titles_with_markup_stay_literal():
    assert md.inline("<b>*Wonen*</b>") == r"\<b\>\*Wonen\*\</b\>"


def test_amendment_book_markdown_uses_criticmarkup(book):
    meta, body = _split_front_matter(md.amendment_book_markdown(book))
    assert meta["document"] == "amendementenboek"
    assert re.search(r"\{\+\+.+?\+\+\}|\{~~.+?~>.+?~~\}", body)
    # Every amendment under its number; the one the demo left a draft has none yet.
    assert (body.count("\n### A"), body.count("\n### Ontwerp 1.")) == (26, 1) and book.count == 27
    conflicting = [a for s in book.sections for a in s.amendments if a.conflicts_with]
    assert conflicting, "the demo has colliding amendments"
    for a in conflicting:
        assert f"- Botst met: {', '.join(a.conflicts_with)}" in body


def test_task_agenda_markdown_totals_per_portfolio(agenda):
    _, body = _split_front_matter(md.task_agenda_markdown(agenda))
    for p in agenda.portfolios:
        assert f"## {md.inline(p.holder)}" in body
        assert f"Totaal {md.inline(p.holder)}: {len(p.tasks)} opdracht" in body


# --- HTML -------------------------------------------------------------------

class _Outline(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def _parse(page: str) -> _Outline:
    parser = _Outline()
    parser.feed(page)
    return parser


def test_agreement_html_is_semantic_and_self_contained(agreement):
    page = html.agreement_html(agreement)
    parsed = _parse(page)
    text = " ".join(parsed.text)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="nl">' in page
    assert [t for t, _ in parsed.tags].count("h1") == 1
    for section in agreement.sections:
        assert f"{section.number} {section.title}" in text
    assert "0592-123456" in text and "Marleen Hoekstra" in text
    for party in agreement.meta.parties:
        assert party.name in text
    # Nothing is loaded from elsewhere: no scripts, no external style, no images.
    assert not [t for t, a in parsed.tags if t in ("script", "img", "iframe", "link", "object")]
    assert "url(" not in page
    bars = [a for t, a in parsed.tags if a.get("class") == "bar"]
    assert len(bars) == len(agreement.sections)
    assert all(a.get("role") == "img" and a.get("aria-label", "").startswith("Steun:") for a in bars)
    assert "Uitwerkingsagenda voor het college" in text
    assert all("scope" in a for t, a in parsed.tags if t == "th")


def test_hostile_section_text_stays_text_in_html(agreement):
    import dataclasses

    bad = dataclasses.replace(agreement.chapters[0].sections[0], text="<script>alert(1)</script> [x](javascript:y)",
                              title="<img src=x onerror=alert(1)>")
    chapter = dataclasses.replace(agreement.chapters[0], sections=(bad,))
    page = html.agreement_html(dataclasses.replace(agreement, chapters=(chapter,)))
    assert "<script>" not in page and "<img" not in page and 'href="javascript' not in page
    assert "&lt;script&gt;" in page


def test_amendment_book_html_shows_tracked_changes_and_cross_references(book):
    page = html.amendment_book_html(book)
    assert "<ins" in page and "<del" in page
    for a in (a for s in book.sections for a in s.amendments):
        assert f'id="{a.label}"' in page
        for other in a.conflicts_with:
            assert f'<a href="#{other}">{other}</a>' in page


def test_task_agenda_html_tables_have_totals(agenda):
    page = html.task_agenda_html(agenda)
    assert page.count("<tfoot>") == len(agenda.portfolios)
    assert "coproduceren" in page or "adviseren" in page


# --- CSV and iCalendar ------------------------------------------------------

def test_agenda_csv_opens_with_the_csv_module(agenda):
    data = tasks.agenda_csv(agenda)
    assert data.startswith(b"\xef\xbb\xbf")  # so spreadsheet programs see UTF-8
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert len(rows) == sum(len(p.tasks) for p in agenda.portfolios) == 16
    assert tuple(rows[0]) == tasks.CSV_HEADER
    assert {r["Participatietrede"] for r in rows} <= {"informeren", "raadplegen", "adviseren", "coproduceren",
                                                     "meebeslissen"}
    assert all(r["Budget (euro)"] == "" or r["Budget (euro)"].isdigit() for r in rows)
    assert any("ö" in r["Belanghebbenden"] for r in rows)  # energiecoöperaties


def test_agenda_ics_parses_with_one_event_per_due_date(agenda):
    data = tasks.agenda_ics(agenda)
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    calendar = Calendar.from_ical(data)
    events = list(calendar.walk("VEVENT"))
    dated = [t for p in agenda.portfolios for t in p.tasks if t.due_date]
    assert len(events) == len(dated)
    by_uid = {str(e["UID"]): e for e in events}
    for t in dated:
        event = by_uid[f"{t.id}@raadsakkoord"]
        assert event.decoded("DTSTART") == t.due_date
        assert t.title in str(event["SUMMARY"])
        assert t.portfolio_holder in str(event["DESCRIPTION"])
