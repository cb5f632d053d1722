"""The amendment book as a Word document, each amendment's change as real tracked changes.

A clerk opens it in Word and steps through the changes with Accept and
Reject (tab Controleren): every ``w:ins``/``w:del`` names the submitting
party as its author and the moment of submission as its date. Each
amendment changes its own copy of the section text, so accepting one never
touches another, also where two amendments collide.
"""

from __future__ import annotations

import datetime as dt
import itertools

from docx.shared import Pt

from raadsakkoord.export.amendments import AmendmentBook, BookAmendment
from raadsakkoord.export.document import TZ, date_nl
from raadsakkoord.export.labels import KIND_NL
from raadsakkoord.export.word.base import SMALL, SUBHEAD, add, heading, new_document
from raadsakkoord.export.word.markdown import MarkdownWriter
from raadsakkoord.export.word.numbering import Lists
from raadsakkoord.export.word.parts import contents, cover, support
from raadsakkoord.export.word.tracked import Revision, write_diff


def book_date(document):
    return document.core_properties.created.replace(tzinfo=dt.timezone.utc)


def section_title(number: str, title: str) -> str:
    return f"{number} {title}" if "." in number else title


def amendment_book_docx(book: AmendmentBook):
    book_title = f"Amendementenboek {book.meta.title}"
    document = new_document(book.meta, book_title)
    lists = Lists(document)
    colours = {p.short_name: p.colour for p in book.meta.parties}
    cover(document, book.meta, book_title)
    # As in the PDF the contents list the sections; the navigation pane also shows every amendment.
    contents(document, [(1, section_title(s.number, s.title)) for s in book.sections], levels="1-1")
    intro = add(
        document,
        f"{book.count} amendementen, stand van {date_nl(book.meta.date)}. Elke wijziging staat als bijgehouden "
        "wijziging in de tekst, met de indienende fractie als auteur en het moment van indienen als datum: "
        "loop ze langs met Volgende, Accepteren en Weigeren op het tabblad Controleren.")
    intro.paragraph_format.page_break_before = True
    ids = itertools.count(1)
    for index, section in enumerate(book.sections):
        title = heading(document, section_title(section.number, section.title), 1)
        if index:  # sections run on, as in the PDF; the first follows the introduction
            title.paragraph_format.space_before = Pt(24)
        for amendment in section.amendments:
            _amendment(document, amendment, colours, lists, ids)
    return document


def _amendment(document, a: BookAmendment, colours, lists: Lists, ids) -> None:
    heading(document, a.title, 2)
    facts = add(document, style=SMALL)
    by = a.party + (" met " + ", ".join(a.co_parties) if a.co_parties else "")
    facts.add_run(f"Indiener: {by} · {KIND_NL[a.kind]}" + (f" ({a.title_note})" if a.title_note else "")
                  + " · status: ")
    facts.add_run(a.status).bold = True
    if a.conflicts_with:
        facts.add_run(f" · botst met {', '.join(a.conflicts_with)}")
    if a.decision_note:
        note = add(document, style=SMALL)
        note.add_run("Besluit: ").italic = True
        note.add_run(a.decision_note)
    if a.vote:
        vote = add(document, style=SMALL)
        vote.add_run("Stemming: ").italic = True
        vote.add_run(a.vote.sentence + " Per fractie: " + "; ".join(a.vote.parties) + ".")
    if a.explanation:
        add(document, "Toelichting", style=SUBHEAD)
        MarkdownWriter(document, lists, outline_from=None).write(document, a.explanation)
    add(document, "Wijziging", style=SUBHEAD)
    author = a.party_name or a.party
    when = (a.submitted_at or book_date(document)).astimezone(TZ)
    on = (f"Wijzigt de tekst van amendement {a.parent_label}" if a.parent_label
          else f"Geschreven op versie {a.base_revision}" if a.base_revision else "Nieuwe tekst")
    add(document, f"{on} door {author}, {date_nl(when.date())} om {when:%H:%M}.", style=SMALL)
    write_diff(document, a.diff, Revision(author, when, ids), lists)
    support(document, a.support, colours, lists)
