"""The rules for every stored text, whoever writes it: a dialog, the command line or a package.

A title or name is one line, trimmed, not longer than its column; a longer
text is canonical Markdown. The length comes from the column itself, so a
value that passes here also fits the database: PostgreSQL would refuse a
longer one with an error no clerk can read, and SQLite would keep it
silently. Each field carries the words that name it to the user.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from raadsakkoord.base.i18n import mark, tr
from raadsakkoord.base.text import (
    canonical_markdown,
    check_stored_line,
    check_stored_text,
    single_line,
)
from raadsakkoord.model.base import Base


@dataclass(frozen=True)
class Field:
    label: str  # Dutch, marked for translation: "De kop van het amendement"
    required: bool = True


# One-line fields by "table.column".
LINES = {
    "agreement.title": Field(mark("De titel")),
    "agreement.municipality": Field(mark("De gemeente")),
    "agreement.term": Field(mark("De raadsperiode"), required=False),
    "agreement.contact_name": Field(mark("De contactpersoon"), required=False),
    "agreement.contact_phone": Field(mark("Het telefoonnummer"), required=False),
    "agreement.contact_email": Field(mark("Het e-mailadres van de contactpersoon"), required=False),
    "party.name": Field(mark("De naam van de fractie")),
    "party.short_name": Field(mark("De korte naam van de fractie")),
    "party.leader": Field(mark("De fractievoorzitter"), required=False),
    "party.contact": Field(mark("Het contact van de fractie"), required=False),
    "member.name": Field(mark("De naam van het raadslid")),
    "chapter.title": Field(mark("De titel van het hoofdstuk")),
    "section.title": Field(mark("De titel van de hoofdlijn")),
    "revision.author": Field(mark("De naam van wie dit doet")),
    "round.label": Field(mark("De naam van de ronde")),
    "round.published_by": Field(mark("De naam van wie dit doet")),
    "round_section.chapter_title": Field(mark("De titel van het hoofdstuk")),
    "round_section.title": Field(mark("De titel van de hoofdlijn")),
    "amendment.headline": Field(mark("De kop van het amendement")),
    "amendment.proposed_title": Field(mark("De titel van de nieuwe hoofdlijn"), required=False),
    "amendment.author": Field(mark("De naam van wie dit doet")),
    "amendment.decided_by": Field(mark("De naam van wie dit doet"), required=False),
    "endorsement.author": Field(mark("De naam van wie dit doet")),
    "co_submission.requested_by": Field(mark("De naam van wie dit doet")),
    "co_submission.answered_by": Field(mark("De naam van wie dit doet"), required=False),
    "task.title": Field(mark("De titel van de opdracht")),
    "task.portfolio_holder": Field(mark("De portefeuillehouder"), required=False),
    "trusted_key.name": Field(mark("De naam van de afzender")),
}

# Multi-line fields (Markdown, no length limit of their own) by "table.column".
TEXTS = {
    "agreement.preamble": mark("Het voorwoord"),
    "chapter.intro": mark("De inleiding van het hoofdstuk"),
    "revision.text": mark("De tekst van een hoofdlijn"),
    "revision.reason": mark("De reden van de wijziging"),
    "round.note": mark("De toelichting bij de ronde"),
    "amendment.proposed_text": mark("De voorgestelde tekst"),
    "amendment.explanation": mark("De toelichting"),
    "amendment.decision_note": mark("De toelichting bij het besluit"),
    "endorsement.minority_position": mark("Het minderheidsstandpunt"),
    "task.description": mark("De omschrijving van de opdracht"),
}

# A stakeholder is one name in a list kept as JSON, so no column gives its length.
STAKEHOLDER = Field(mark("Een belanghebbende"))
STAKEHOLDER_LENGTH = 120


@functools.cache
def length(column: str) -> int:
    table, name = column.split(".")
    return Base.metadata.tables[table].c[name].type.length


def line(column: str, value: str, *, required: bool | None = None) -> str:
    """``value`` as the one-line ``column`` holds it; InputError naming the field otherwise."""
    rule = LINES[column]
    return single_line(value, tr(rule.label), max_length=length(column),
                       required=rule.required if required is None else required)


def text(column: str, value: str) -> str:
    """``value`` as the Markdown ``column`` holds it; InputError naming the field otherwise."""
    return canonical_markdown(value, tr(TEXTS[column]))


def stakeholder(value: str) -> str:
    return single_line(value, tr(STAKEHOLDER.label), max_length=STAKEHOLDER_LENGTH)


def check_stakeholder(value: str) -> None:
    check_stored_line(value, tr(STAKEHOLDER.label), max_length=STAKEHOLDER_LENGTH, required=True)


def check_line(column: str, value: str) -> None:
    """Refuse a one-line value read from elsewhere (a package) that typed input could not have given."""
    rule = LINES[column]
    check_stored_line(value, tr(rule.label), max_length=length(column), required=rule.required)


def check_text(column: str, value: str) -> None:
    """Refuse a Markdown value read from elsewhere (a package) that typed input could not have given."""
    check_stored_text(value, tr(TEXTS[column]))
