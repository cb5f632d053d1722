"""What a file with tracked changes would make: the amendments, per place, and what cannot be placed.

Shared by the round's exports read back (``tracked_changes``) and our own
amendment book read back (``book_changes``): the command line and the
window show both the same way.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from raadsakkoord.base.i18n import tr
from raadsakkoord.importing.office.changes import Change, Item
from raadsakkoord.model import AmendmentKind

MAX_AUTHOR = 120


@dataclass
class PlannedAmendment:
    """One amendment the file makes, as the preview shows it."""

    kind: AmendmentKind
    number: str  # the section's number in the round ("2.3"); for a new section the one it follows, or ""
    title: str  # the section's title; for a new section its proposed title
    headline: str
    explanation: str
    text: str  # the proposed text (empty for a deletion)
    base_text: str
    authors: str
    date: dt.datetime | None
    section_id: uuid.UUID | None = None
    chapter_id: uuid.UUID | None = None
    base_revision_id: uuid.UUID | None = None
    existing: uuid.UUID | None = None  # the same amendment is already in the workspace
    new_title: str = ""  # a change that retitles the section: its new title
    party_id: uuid.UUID | None = None  # read from an amendment book: the party it names
    party: str = ""

    @property
    def place(self) -> str:
        """Where it goes, for a list: "2.3", or "na 2.3" for a new section."""
        if self.kind != AmendmentKind.NEW_SECTION:
            return self.number
        return tr("na {number}").format(number=self.number) if self.number else tr("nieuw")


@dataclass
class ChangesPlan:
    source: str
    round_number: int
    round_label: str
    amendments: list[PlannedAmendment] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)  # "hoofdlijn 2.3: …", one line each
    notices: list[str] = field(default_factory=list)

    @property
    def new(self) -> list[PlannedAmendment]:
        return [a for a in self.amendments if a.existing is None]


def who(items: list[Item]) -> tuple[str, dt.datetime | None]:
    changes: list[Change] = [c for item in items for c in item.changes]
    authors = ", ".join(dict.fromkeys(c.author.strip() for c in changes if c.author.strip()))
    if len(authors) > MAX_AUTHOR:
        authors = authors[: MAX_AUTHOR - 1] + "…"
    dates = [c.date for c in changes if c.date is not None]
    return authors, max(dates) if dates else None
