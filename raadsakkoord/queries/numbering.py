"""The submitted amendments in the order people call them: A1, A1.1, A1.2, A2, … (subamendments under theirs).

One list for the command line, the window and the exports, so every place
shows the same number, section and lines for the same amendment.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from raadsakkoord.base.i18n import tr
from raadsakkoord.diffing.lines import line_reference, lines_changed
from raadsakkoord.model import (
    Amendment,
    AmendmentKind,
    AmendmentStatus,
    CoSubmission,
    Section,
)
from raadsakkoord.queries.labels import NO_NUMBER
from raadsakkoord.queries.lines import lines_of_amendment


@dataclass(frozen=True)
class NumberedAmendment:
    id: uuid.UUID
    label: str  # "A3", "A3.1"; "" while the griffie has not numbered it
    parent_label: str  # the amendment a subamendment changes ("" for an amendment, or not yet numbered)
    parent_id: uuid.UUID | None
    party: str
    co_parties: tuple[str, ...]  # the co-submitters who confirmed
    section: str  # "8.4"; "" for a new section not yet accepted
    kind: AmendmentKind
    lines: tuple[int, int] | None  # of the text it changes: the section's, or for a subamendment its amendment's
    status: AmendmentStatus
    headline: str

    @property
    def is_subamendment(self) -> bool:
        return self.parent_id is not None

    def shown_label(self) -> str:
        return self.label or tr(NO_NUMBER)

    def shown_lines(self, *, translated: bool = True) -> str:
        return line_reference(*self.lines, translated=translated) if self.lines else ""


def amendment_lines(amendment: Amendment) -> tuple[int, int] | None:
    """The lines an amendment changes; a subamendment's are the lines of its amendment's text."""
    if amendment.parent is not None:
        return lines_changed(amendment.parent.proposed_text, amendment.proposed_text)
    return lines_of_amendment(amendment)


def numbered_amendments(session: Session) -> list[NumberedAmendment]:
    """Every amendment and subamendment past the draft stage, each subamendment right after its amendment."""
    amendments = session.scalars(
        sa.select(Amendment).where(Amendment.status != AmendmentStatus.DRAFT)
        .options(selectinload(Amendment.party), selectinload(Amendment.base_revision),
                 selectinload(Amendment.section).selectinload(Section.chapter),
                 selectinload(Amendment.co_submissions).selectinload(CoSubmission.party),
                 selectinload(Amendment.parent))
    ).all()
    rows = [_row(a) for a in amendments]
    by_id = {a.id: a for a in amendments}

    def key(row: NumberedAmendment):
        own = by_id[row.id]
        top = own.parent if own.parent is not None else own
        return (top.number is None, top.number or 0, top.submitted_at or top.created_at, top.id,
                own.parent is not None, own.number is None, own.number or 0, own.created_at)

    return sorted(rows, key=key)


def _row(amendment: Amendment) -> NumberedAmendment:
    section = amendment.section.number if amendment.section is not None else ""
    return NumberedAmendment(
        id=amendment.id, label=amendment.label,
        parent_label=amendment.parent.label if amendment.parent is not None else "",
        parent_id=amendment.parent_id, party=amendment.party.short_name,
        co_parties=tuple(p.short_name for p in amendment.confirmed_co_parties), section=section,
        kind=amendment.kind, lines=amendment_lines(amendment), status=amendment.status,
        headline=amendment.headline)
