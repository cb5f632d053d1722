"""What the drafting window shows: badges per section, and one section with everything around it.

Read-only queries shaped for the window, so the widgets only render. A party
sees every amendment that has been submitted and its own drafts; the griffie
sees everything except drafts (which stay on a party's laptop until sent).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from raadsakkoord.base.i18n import tr
from raadsakkoord.model import (
    DECIDED_STATUSES,
    Amendment,
    AmendmentKind,
    AmendmentStatus,
    Chapter,
    CoSubmission,
    CoSubmissionState,
    Endorsement,
    Position,
    Revision,
    Round,
    RoundSection,
    Section,
)
from raadsakkoord.queries.lines import amendment_lines
from raadsakkoord.queries.labels import NO_NUMBER, submitters
from raadsakkoord.queries.lookup import get, the_agreement
from raadsakkoord.queries.support import Tally, amendment_support, section_support
from raadsakkoord.queries.support_requests import support_asked_of

OPEN_STATUSES = (AmendmentStatus.DRAFT, AmendmentStatus.SUBMITTED)


@dataclass(frozen=True)
class SectionBadges:
    open_amendments: int
    own_position: Position | None
    own_stale: bool
    asked: int = 0  # open amendments whose submitter asks this party to co-submit, unanswered
    support_asked: bool = False  # the griffie asks this party again for its position on the current text


@dataclass(frozen=True)
class RevisionEntry:
    id: uuid.UUID
    number: int
    author: str
    party: str
    reason: str
    created_at: dt.datetime
    text: str


@dataclass(frozen=True)
class CoSubmitterEntry:
    party_id: uuid.UUID
    party: str
    state: CoSubmissionState


@dataclass(frozen=True)
class AmendmentEntry:
    id: uuid.UUID
    kind: AmendmentKind
    status: AmendmentStatus
    section_id: uuid.UUID | None
    chapter_id: uuid.UUID | None
    party_id: uuid.UUID
    party: str
    author: str
    headline: str
    explanation: str
    base_text: str
    proposed_title: str
    proposed_text: str
    needs_rework: bool
    created_at: dt.datetime
    submitted_at: dt.datetime | None
    version: int
    support: Tally
    own_position: Position | None
    own_minority: str
    # The co-submitters the viewer may see: the submitting party and the
    # griffie every request with its state, the asked party its own request
    # too, everyone else the confirmed ones only.
    co_submitters: tuple[CoSubmitterEntry, ...] = ()
    # Where the viewing party's own request stands, if it was asked.
    asked: CoSubmissionState | None = None
    # The numbered lines of the base text it changes, "regels 12–14" ("" for a new section).
    lines: str = ""
    label: str = ""  # "A3", "A3.1"; "" until the griffie numbers it
    parent_id: uuid.UUID | None = None  # a subamendment: the amendment whose text it changes
    parent_label: str = ""

    @property
    def shown_label(self) -> str:
        """The number, or that there is none yet (a draft, or submitted in a party's own copy)."""
        return self.label or tr(NO_NUMBER)

    @property
    def can_be_subamended(self) -> bool:
        """Whether a party other than its own may propose a subamendment on it."""
        return (self.status == AmendmentStatus.SUBMITTED and self.parent_id is None
                and self.kind != AmendmentKind.DELETE)

    @property
    def submitters(self) -> str:
        """The party and its confirmed co-submitters, as the consolidation view names them."""
        return submitters(self.party, tuple(c.party for c in self.co_submitters
                                            if c.state == CoSubmissionState.CONFIRMED))

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def new_text(self) -> str:
        """The text as the amendment would leave the section."""
        return "" if self.kind == AmendmentKind.DELETE else self.proposed_text


@dataclass(frozen=True)
class SectionDetail:
    id: uuid.UUID
    number: str
    title: str
    text: str
    revision_id: uuid.UUID | None
    version: int
    support: Tally
    revisions: tuple[RevisionEntry, ...]
    # The text in the round before the latest one, so "changes since the
    # previous round" shows what the latest round changed plus anything since.
    previous_round: int | None
    previous_round_text: str | None
    amendments: tuple[AmendmentEntry, ...]
    own_position: Position | None
    own_minority: str
    own_stale: bool


@dataclass(frozen=True)
class ChapterDetail:
    id: uuid.UUID
    number: str
    title: str
    intro: str
    proposals: tuple[AmendmentEntry, ...]  # proposed new sections in this chapter


def _visible(party_id: uuid.UUID | None):
    if party_id is None:
        return Amendment.status != AmendmentStatus.DRAFT
    return sa.or_(Amendment.status != AmendmentStatus.DRAFT, Amendment.party_id == party_id)


def section_badges(session: Session, party_id: uuid.UUID | None) -> dict[uuid.UUID, SectionBadges]:
    """Per section: open amendments (visible to this actor), the party's own position, and requests to it."""
    counts = Counter(session.scalars(
        sa.select(Amendment.section_id).where(
            Amendment.section_id.is_not(None), Amendment.status.in_(OPEN_STATUSES), _visible(party_id))
    ))
    own: dict[uuid.UUID, tuple[Position, bool]] = {}
    if party_id is not None:
        rows = session.execute(
            sa.select(Endorsement.section_id, Endorsement.position, Endorsement.revision_id,
                      Section.current_revision_id)
            .join(Section, Endorsement.section_id == Section.id)
            .where(Endorsement.party_id == party_id)
        )
        own = {row.section_id: (row.position, row.revision_id != row.current_revision_id) for row in rows}
    asked = Counter(session.scalars(
        sa.select(Amendment.section_id).join(CoSubmission)
        .where(CoSubmission.party_id == party_id, CoSubmission.state == CoSubmissionState.REQUESTED,
               Amendment.section_id.is_not(None), Amendment.status.in_(OPEN_STATUSES), _visible(party_id))
    )) if party_id is not None else Counter()
    support_asked = support_asked_of(session, party_id) if party_id is not None else set()
    badges = {}
    for section_id in session.scalars(sa.select(Section.id)):
        position, stale = own.get(section_id, (None, False))
        badges[section_id] = SectionBadges(counts.get(section_id, 0), position, stale, asked.get(section_id, 0),
                                           section_id in support_asked)
    return badges


def _amendment_entries(session: Session, amendments: list[Amendment],
                       party_id: uuid.UUID | None) -> tuple[AmendmentEntry, ...]:
    support = amendment_support(session, [a.id for a in amendments])
    own: dict[uuid.UUID, Endorsement] = {}
    if party_id is not None and amendments:
        own = {e.amendment_id: e for e in session.scalars(
            sa.select(Endorsement).where(Endorsement.party_id == party_id,
                                         Endorsement.amendment_id.in_([a.id for a in amendments])))}
    entries = []
    for a in amendments:
        mine = own.get(a.id)
        asked = next((c.state for c in a.co_submissions if party_id is not None and c.party_id == party_id), None)
        entries.append(AmendmentEntry(
            a.id, a.kind, a.status, a.section_id, a.chapter_id, a.party_id, a.party.short_name, a.author, a.headline, a.explanation,
            a.base_text, a.proposed_title, a.proposed_text,
            a.needs_rework, a.created_at, a.submitted_at, a.version, support[a.id],
            mine.position if mine else None, mine.minority_position if mine else "",
            _co_submitters(a, party_id), asked, amendment_lines(a), a.label, a.parent_id,
            a.parent.label if a.parent else "",
        ))
    # Open ones first (what needs attention), then by when they were written;
    # each subamendment right under its amendment, in number order.
    by_id = {e.id: e for e in entries}

    def order(e: AmendmentEntry) -> tuple:
        top = by_id.get(e.parent_id, e) if e.parent_id is not None else e
        return (not top.is_open, top.status in DECIDED_STATUSES, top.created_at, str(top.id),
                e.parent_id is not None, e.label == "", e.created_at)

    entries.sort(key=order)
    return tuple(entries)


def _co_submitters(amendment: Amendment, viewer: uuid.UUID | None) -> tuple[CoSubmitterEntry, ...]:
    sees_all = viewer is None or viewer == amendment.party_id
    return tuple(CoSubmitterEntry(c.party_id, c.party.short_name, c.state) for c in amendment.co_submissions
                 if sees_all or c.party_id == viewer or c.state == CoSubmissionState.CONFIRMED)


_CO_SUBMITTERS = selectinload(Amendment.co_submissions).selectinload(CoSubmission.party)


def _previous_round_text(session: Session, section_id: uuid.UUID) -> tuple[int | None, str | None]:
    rounds = session.execute(
        sa.select(Round.number, Revision.text)
        .join(RoundSection, RoundSection.round_id == Round.id)
        .join(Revision, RoundSection.revision_id == Revision.id)
        .where(RoundSection.section_id == section_id)
        .order_by(Round.number.desc()).limit(2)
    ).all()
    latest = session.scalar(sa.select(sa.func.max(Round.number)))
    if latest is None:
        return None, None
    if latest <= 1:
        # After the first round the "previous" text is the first round's own.
        for number, text in rounds:
            return number, text
        return None, None
    for number, text in rounds:
        if number == latest - 1:
            return number, text
    return latest - 1, ""  # the section is new since then: all of it is inserted


def section_detail(session: Session, section_id: uuid.UUID, party_id: uuid.UUID | None) -> SectionDetail:
    the_agreement(session)
    section = get(session, Section, section_id, tr("hoofdlijn"))
    revisions = session.scalars(
        sa.select(Revision).options(selectinload(Revision.party))
        .where(Revision.section_id == section.id).order_by(Revision.number.desc())
    ).all()
    amendments = session.scalars(
        sa.select(Amendment).options(selectinload(Amendment.party), selectinload(Amendment.base_revision),
                                     selectinload(Amendment.parent), _CO_SUBMITTERS)
        .where(Amendment.section_id == section.id, _visible(party_id))
    ).all()
    tally = section_support(session, [section.id])[section.id]
    own = next((p for p in tally.positions if p.party_id == party_id), None)
    previous, previous_text = _previous_round_text(session, section.id)
    return SectionDetail(
        section.id, section.number, section.title, section.text, section.current_revision_id, section.version,
        tally,
        tuple(RevisionEntry(r.id, r.number, r.author, r.party.short_name if r.party else "", r.reason,
                            r.created_at, r.text) for r in revisions),
        previous, previous_text,
        _amendment_entries(session, list(amendments), party_id),
        own.position if own else None, own.minority_position if own else "", own.stale if own else False,
    )


def chapter_detail(session: Session, chapter_id: uuid.UUID, party_id: uuid.UUID | None) -> ChapterDetail:
    the_agreement(session)
    chapter = get(session, Chapter, chapter_id, tr("hoofdstuk"))
    proposals = session.scalars(
        sa.select(Amendment).options(selectinload(Amendment.party), _CO_SUBMITTERS)
        .where(Amendment.chapter_id == chapter.id, Amendment.kind == AmendmentKind.NEW_SECTION,
               _visible(party_id))
    ).all()
    return ChapterDetail(chapter.id, str(chapter.position), chapter.title, chapter.intro,
                         _amendment_entries(session, list(proposals), party_id))


def amendment_entry(session: Session, amendment_id: uuid.UUID, party_id: uuid.UUID | None) -> AmendmentEntry:
    amendment = get(session, Amendment, amendment_id, tr("amendement"))
    return _amendment_entries(session, [amendment], party_id)[0]
