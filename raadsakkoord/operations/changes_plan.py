"""What a file with tracked changes would make: the amendments, per place, and what cannot be placed.

Shared by the round's exports read back (``tracked_changes``) and our own
amendment book read back (``book_changes``): the command line and the
window show both the same way.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session

from raadsakkoord.base.actor import Actor
from raadsakkoord.base.i18n import tr
from raadsakkoord.diffing import rebase
from raadsakkoord.importing.office.changes import Change, Item
from raadsakkoord.model import Amendment, AmendmentKind, AmendmentStatus
from raadsakkoord.operations.amendments import propose_amendment

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


def merged_text(before: str, after: str, base: str) -> str | None:
    """The base text with the change from ``before`` to ``after`` (both as read from the file) merged in.

    "" when everything was struck; None when the change cannot be merged exactly (it touches what
    the file cannot say in Markdown).
    """
    if before == after:
        return base
    if not after.strip():
        return ""
    if before == base.rstrip("\n"):
        return after
    merged = rebase(before, after, base)
    return merged.text if merged.clean else None


def existing(session: Session, party_id: uuid.UUID, planned: PlannedAmendment, *,
             withdrawn_too: bool = False) -> uuid.UUID | None:
    """The party's amendment that is this one already (read in before, or typed the same)."""
    query = sa.select(Amendment.id).where(Amendment.party_id == party_id, Amendment.kind == planned.kind)
    if not withdrawn_too:
        query = query.where(Amendment.status != AmendmentStatus.WITHDRAWN)
    if planned.kind == AmendmentKind.NEW_SECTION:
        query = query.where(Amendment.chapter_id == planned.chapter_id, Amendment.proposed_title == planned.title,
                            Amendment.proposed_text == planned.text)
    else:
        query = query.where(Amendment.section_id == planned.section_id,
                            Amendment.base_revision_id == planned.base_revision_id)
        if planned.kind == AmendmentKind.MODIFY:
            query = query.where(Amendment.proposed_text == planned.text,
                                Amendment.proposed_title == planned.new_title)
    return session.scalars(query.limit(1)).first()


def make_planned(session: Session, actor: Actor, planned: PlannedAmendment, party_id: uuid.UUID) -> Amendment:
    """One planned amendment made as the party's draft, exactly as if it had been typed in the application."""
    amendment = propose_amendment(
        session, actor, kind=planned.kind, headline=planned.headline, explanation=planned.explanation,
        section_id=planned.section_id, chapter_id=planned.chapter_id, text=planned.text,
        title=planned.title if planned.kind == AmendmentKind.NEW_SECTION else planned.new_title,
        party_id=party_id, base_revision_id=planned.base_revision_id)
    # Who wrote the change and when, as Word recorded it: the import is only how it arrived.
    if planned.authors:
        amendment.author = planned.authors
    if planned.date is not None:
        amendment.created_at = planned.date
    return amendment
