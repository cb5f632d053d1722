"""What the griffie's consolidation view shows for one section: open amendments, their conflicts, recent decisions.

A read-only query shaped for the view (like ``queries.drafting``), so the widgets
only render. Built on ``queries.conflicts.section_conflicts``: the amendments are
compared on the section's current text, rebased where they were written on
an older one.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from raadsakkoord.base.i18n import tr
from raadsakkoord.model import (
    DECIDED_STATUSES,
    Amendment,
    AmendmentKind,
    AmendmentStatus,
    CoSubmission,
    Round,
    Section,
    SectionStatus,
)
from raadsakkoord.queries.lookup import get, the_agreement
from raadsakkoord.queries.conflicts import new_title, section_conflicts, subamendment_conflicts
from raadsakkoord.queries.support import Tally, amendment_support, section_support


@dataclass(frozen=True)
class OpenAmendment:
    id: uuid.UUID
    number: int  # 1-based, in order of submission; how the view and the grid name it
    kind: AmendmentKind
    party: str
    co_parties: tuple[str, ...]  # those who confirmed; a mere request is no co-submission
    author: str
    headline: str
    explanation: str
    base_text: str  # the text its changes are shown against
    text: str  # the section as the amendment would leave it
    on_current: bool  # False: it collides with the current text and must be reworked first
    support: Tally
    submitted_at: dt.datetime | None
    new_title: str = ""  # the title it gives the section, "" if it keeps the current one
    label: str = ""  # the griffie's number: "A3"; a subamendment "A3.1"
    # A subamendment: the amendment whose text it changes (``base_text``), and
    # the numbers of the other subamendments of it that change the same passage.
    parent_id: uuid.UUID | None = None
    parent_label: str = ""
    conflicts_with: tuple[str, ...] = ()

    @property
    def already_in_text(self) -> bool:
        """Its change is in the current text already (a compromise took it over, say)."""
        return self.on_current and self.text == self.base_text and not self.new_title


@dataclass(frozen=True)
class DecidedAmendment:
    id: uuid.UUID
    party: str
    headline: str
    status: AmendmentStatus
    note: str
    decided_by: str
    decided_at: dt.datetime | None


@dataclass(frozen=True)
class ConsolidationDetail:
    section_id: uuid.UUID
    number: str
    title: str
    text: str
    revision_id: uuid.UUID | None
    status: SectionStatus
    # The amendments on the current text first (the matrix's order), then those needing rework.
    amendments: tuple[OpenAmendment, ...]
    matrix: tuple[tuple[bool, ...], ...]  # over amendments[:len(matrix)]
    decided: tuple[DecidedAmendment, ...]  # decided since the latest round, newest first
    support: Tally  # the parties' positions on the current text
    # The submitted subamendments of the open amendments, each decided before its amendment.
    subamendments: tuple[OpenAmendment, ...] = ()

    def subamendments_of(self, amendment_id: uuid.UUID) -> tuple[OpenAmendment, ...]:
        return tuple(s for s in self.subamendments if s.parent_id == amendment_id)

    def consequence_of_change(self) -> str:
        """What a new text does to the parties' support, said before the griffie changes it ("" if nothing)."""
        current = [p for p in self.support.positions if p.position is not None and not p.stale]
        if not current:
            return ""
        return tr("Na dit besluit heeft hoofdlijn {number} een nieuwe tekst. De standpunten van {parties} "
                  "gelden voor de huidige tekst: ze worden verouderd en tellen niet meer mee, tot elke fractie "
                  "haar standpunt op de nieuwe tekst opnieuw geeft. De steun gaat dan van {support} naar 0 van "
                  "{seats} zetels. De fracties zien hun verouderde standpunt met ⚠ bij de hoofdlijn.").format(
            number=self.number,
            parties=tr("alle fracties") if len(current) == len(self.support.positions)
            else ", ".join(p.short_name for p in current),
            support=self.support.support_seats, seats=self.support.council_seats)

    @property
    def compared(self) -> tuple[OpenAmendment, ...]:
        """The amendments in the conflict matrix."""
        return self.amendments[:len(self.matrix)]

    def index_of(self, amendment_id: uuid.UUID) -> int:
        return next((i for i, a in enumerate(self.amendments) if a.id == amendment_id), -1)

    def conflicts_of(self, index: int) -> list[int]:
        """Indices of the amendments that collide with ``amendments[index]``."""
        if index >= len(self.matrix):
            return []
        return [j for j, hit in enumerate(self.matrix[index]) if hit]

    @property
    def conflict_count(self) -> int:
        return sum(hit for row in self.matrix for hit in row) // 2


def consolidation_detail(session: Session, section_id: uuid.UUID) -> ConsolidationDetail:
    the_agreement(session)
    section = get(session, Section, section_id, tr("hoofdlijn"))
    conflicts = section_conflicts(session, section.id)
    ids = list(conflicts.amendment_ids) + list(conflicts.needs_rework)
    loaded = {a.id: a for a in session.scalars(
        sa.select(Amendment)
        .options(selectinload(Amendment.party), selectinload(Amendment.co_submissions).selectinload(CoSubmission.party),
                 selectinload(Amendment.base_revision))
        .where(Amendment.id.in_(ids)))} if ids else {}
    support = amendment_support(session, ids)
    on_current = dict(zip(conflicts.amendment_ids, conflicts.texts))
    titles = dict(zip(conflicts.amendment_ids, conflicts.titles))
    numbers = _numbers(session, section.id)
    entries = []
    for ident in ids:
        a = loaded[ident]
        current = ident in on_current
        entries.append(OpenAmendment(
            a.id, numbers[ident], a.kind, a.party.short_name, tuple(p.short_name for p in a.confirmed_co_parties), a.author,
            a.headline, a.explanation,
            section.text if current else (a.base_revision.text if a.base_revision else ""),
            on_current[ident] if current else ("" if a.kind == AmendmentKind.DELETE else a.proposed_text),
            current, support[ident], a.submitted_at, titles.get(ident) or new_title(a, section), a.label))
    return ConsolidationDetail(
        section.id, section.number, section.title, section.text, section.current_revision_id, section.status,
        tuple(entries), conflicts.matrix, _decided_this_round(session, section.id),
        section_support(session, [section.id])[section.id],
        _subamendments(session, [loaded[i] for i in ids]))


def _subamendments(session: Session, amendments: list[Amendment]) -> tuple[OpenAmendment, ...]:
    """Each amendment's submitted subamendments, on its text, with which of them collide."""
    entries = []
    for parent in amendments:
        matrix = subamendment_conflicts(session, parent.id)
        if not matrix.amendment_ids and not matrix.needs_rework:
            continue
        subs = {s.id: s for s in parent.subamendments}
        support = amendment_support(session, list(subs))
        labels = {i: subs[i].label for i in subs}
        colliding = {i: [] for i in subs}
        for first, second in matrix.conflicting_pairs():
            colliding[first].append(labels[second])
            colliding[second].append(labels[first])
        for ident in (*matrix.amendment_ids, *matrix.needs_rework):
            sub = subs[ident]
            entries.append(OpenAmendment(
                sub.id, sub.number or 0, sub.kind, sub.party.short_name,
                tuple(p.short_name for p in sub.confirmed_co_parties), sub.author, sub.headline, sub.explanation,
                parent.proposed_text, sub.proposed_text, not sub.needs_rework, support[ident], sub.submitted_at,
                label=sub.label, parent_id=parent.id, parent_label=parent.label,
                conflicts_with=tuple(colliding[ident])))
    return tuple(entries)


def _numbers(session: Session, section_id: uuid.UUID) -> dict[uuid.UUID, int]:
    """Every amendment ever submitted on the section, numbered in order of submission.

    Decided ones keep their number, so "amendment 4" stays amendment 4 while
    the clerk works through the list.
    """
    order = session.scalars(
        sa.select(Amendment.id)
        .where(Amendment.section_id == section_id, Amendment.status != AmendmentStatus.DRAFT,
               Amendment.kind != AmendmentKind.NEW_SECTION)
        .order_by(Amendment.submitted_at, Amendment.created_at))
    return {ident: n for n, ident in enumerate(order, start=1)}


def _decided_this_round(session: Session, section_id: uuid.UUID) -> tuple[DecidedAmendment, ...]:
    query = (sa.select(Amendment).options(selectinload(Amendment.party))
             .where(Amendment.section_id == section_id, Amendment.status.in_(DECIDED_STATUSES))
             .order_by(Amendment.decided_at.desc()))
    published = session.scalar(sa.select(sa.func.max(Round.published_at)))
    if published is not None:
        query = query.where(Amendment.decided_at > published)
    return tuple(DecidedAmendment(a.id, a.party.short_name, a.headline, a.status, a.decision_note,
                                  a.decided_by, a.decided_at) for a in session.scalars(query))
