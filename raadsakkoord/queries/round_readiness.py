"""Before publishing a round: the rounds so far, and what is still open.

The griffie publishes when it chooses; nothing here refuses anything
(``operations.publish_round`` does that). This read model tells the clerk
what a new round would carry over: submitted amendments not yet decided,
sections without a majority, and positions given on an older text.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from raadsakkoord.model import (
    AgreementStatus,
    Amendment,
    AmendmentKind,
    AmendmentStatus,
    Chapter,
    Endorsement,
    Party,
    Round,
    RoundSection,
    Section,
    SectionStatus,
)
from raadsakkoord.base.i18n import tr
from raadsakkoord.queries.lookup import the_agreement
from raadsakkoord.queries.support import section_support

GONE = (SectionStatus.WITHDRAWN, SectionStatus.REJECTED)


@dataclass(frozen=True)
class RoundInfo:
    number: int
    label: str
    is_final: bool
    published_at: dt.datetime
    published_by: str


@dataclass(frozen=True)
class OpenAmendment:
    id: uuid.UUID
    headline: str
    party: str
    needs_rework: bool


@dataclass(frozen=True)
class OpenInSection:
    """The undecided amendments on one section (or, for proposed new sections, one chapter)."""

    number: str  # "2.3", or "2" for new sections proposed in chapter 2
    title: str
    new_sections: bool
    amendments: tuple[OpenAmendment, ...]


@dataclass(frozen=True)
class WeakSection:
    id: uuid.UUID
    number: str
    title: str
    support_seats: int
    council_seats: int


@dataclass(frozen=True)
class StalePositions:
    """A party's positions given on an older text of these sections: shown, not counted."""

    party: str
    sections: tuple[str, ...]  # numbers


@dataclass(frozen=True)
class Readiness:
    last_round: RoundInfo | None
    changed_since_last: bool  # False: a concept round would be refused as unnecessary
    adopted: bool  # the final round has been published; nothing more can be published
    open_amendments: tuple[OpenInSection, ...]
    without_majority: tuple[WeakSection, ...]
    stale: tuple[StalePositions, ...]

    @property
    def next_number(self) -> int:
        return self.last_round.number + 1 if self.last_round else 1

    @property
    def open_count(self) -> int:
        return sum(len(s.amendments) for s in self.open_amendments)

    @property
    def stale_count(self) -> int:
        return sum(len(p.sections) for p in self.stale)

    @property
    def all_settled(self) -> bool:
        return not (self.open_amendments or self.without_majority or self.stale)

    def refusal(self, final: bool) -> str:
        """Why publishing this kind of round would be refused ("" when it would not), said before trying."""
        if self.adopted:
            return tr("Het raadsakkoord is al definitief vastgesteld; er kan geen ronde meer worden gepubliceerd.")
        if not final and not self.changed_since_last and self.last_round is not None:
            return tr("Er is niets gewijzigd sinds {round}; een nieuwe conceptronde is niet nodig. Besluit eerst "
                      "over een amendement, of kies een definitieve ronde.").format(round=self.last_round.label)
        return ""


def _info(r: Round) -> RoundInfo:
    return RoundInfo(r.number, r.label, r.is_final, r.published_at, r.published_by)


def published_rounds(session: Session) -> tuple[RoundInfo, ...]:
    """Every published round, oldest first."""
    return tuple(_info(r) for r in session.scalars(sa.select(Round).order_by(Round.number)))


def _sort_key(number: str) -> tuple[int, ...]:
    return tuple(int(x) for x in number.split("."))


def current_round(session: Session) -> int | None:
    """The latest round's number when the current texts are still that round's, else None.

    Right after publishing, "the current texts" and the new round are the
    same texts; exporting then means the round, not a concept.
    """
    latest = session.scalars(sa.select(Round).order_by(Round.number.desc()).limit(1)).first()
    if latest is None:
        return None
    sections = session.scalars(sa.select(Section)).all()
    return latest.number if unchanged_since(session, latest, list(sections)) else None


def round_readiness(session: Session) -> Readiness:
    agreement = the_agreement(session)
    previous = session.scalars(sa.select(Round).order_by(Round.number.desc()).limit(1)).first()
    sections = session.scalars(
        sa.select(Section).join(Section.chapter).order_by(Chapter.position, Section.position)).all()
    changed = previous is None or not unchanged_since(session, previous, list(sections))
    by_id = {s.id: s for s in sections}
    numbers = {s.id: s.number for s in sections}  # each once: Section.number reads its chapter
    chapters = {c.id: c for c in session.scalars(sa.select(Chapter))}
    parties = {p.id: p.short_name for p in session.scalars(sa.select(Party))}

    groups: dict[tuple[str, bool], list[OpenAmendment]] = defaultdict(list)
    titles: dict[tuple[str, bool], str] = {}
    for a in session.scalars(sa.select(Amendment).where(Amendment.status == AmendmentStatus.SUBMITTED)
                             .order_by(Amendment.submitted_at, Amendment.created_at, Amendment.id)):
        if a.kind == AmendmentKind.NEW_SECTION or a.section_id is None:
            chapter = chapters[a.chapter_id]
            key = (str(chapter.position), True)
            titles[key] = chapter.title
        else:
            key = (numbers[a.section_id], False)
            titles[key] = by_id[a.section_id].title
        groups[key].append(OpenAmendment(a.id, a.headline, parties.get(a.party_id, "?"), a.needs_rework))
    open_amendments = tuple(
        OpenInSection(number, titles[(number, new)], new, tuple(groups[(number, new)]))
        for number, new in sorted(groups, key=lambda k: (_sort_key(k[0]), k[1])))

    support = section_support(session)
    weak = tuple(
        WeakSection(s.id, numbers[s.id], s.title, support[s.id].support_seats, agreement.council_seats)
        for s in sections if s.status not in GONE and not support[s.id].has_majority)

    stale: dict[uuid.UUID, list[str]] = defaultdict(list)
    rows = session.execute(
        sa.select(Endorsement.party_id, Endorsement.section_id)
        .join(Section, Endorsement.section_id == Section.id)
        .where(Endorsement.revision_id != Section.current_revision_id, Section.status.not_in(GONE)))
    for party_id, section_id in rows:
        stale[party_id].append(numbers[section_id])
    stale_positions = tuple(
        StalePositions(parties[party_id], tuple(sorted(found, key=_sort_key)))
        for party_id, found in sorted(stale.items(), key=lambda item: parties[item[0]].casefold()))

    return Readiness(_info(previous) if previous else None, changed,
                     agreement.status == AgreementStatus.ADOPTED, open_amendments, weak, stale_positions)


def unchanged_since(session: Session, previous: Round, sections: list[Section]) -> bool:
    frozen = {
        row.section_id: (row.revision_id, row.chapter_position, row.section_position, row.title, row.status)
        for row in session.scalars(sa.select(RoundSection).where(RoundSection.round_id == previous.id))
    }
    current = {
        s.id: (s.current_revision_id, s.chapter.position, s.position, s.title, s.status.value)
        for s in sections
    }
    return frozen == current
