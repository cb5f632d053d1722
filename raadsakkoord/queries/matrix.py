"""The support matrix: every section of the agreement against every party, and totals per chapter.

A read model for the support overview: which party supports, opposes or
abstains on which section's current text, who has not spoken (or spoke on an
older text), and the seat totals that decide majority and broad support.
Withdrawn and rejected sections are left out: they are no longer part of the
agreement, so their support decides nothing (the export leaves them out too).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from raadsakkoord.model import Chapter, Party, Section, SectionStatus
from raadsakkoord.queries.lookup import the_agreement
from raadsakkoord.queries.support import Tally, section_support

GONE = (SectionStatus.WITHDRAWN, SectionStatus.REJECTED)


@dataclass(frozen=True)
class MatrixParty:
    id: uuid.UUID
    name: str
    short_name: str
    seats: int
    colour: str


@dataclass(frozen=True)
class MatrixRow:
    """One section; ``support.positions`` runs in the order of ``SupportMatrix.parties``."""

    id: uuid.UUID
    number: str
    title: str
    chapter_id: uuid.UUID
    support: Tally


@dataclass(frozen=True)
class ChapterSupport:
    """A chapter's support as the seats of an average section of it.

    Averaging (rather than adding seats over the sections) keeps a chapter
    on the council's own scale: the majority and broad-support lines mean
    the same for a chapter of two sections as for one of twenty, and the
    figures read as "on average, 21 of 33 seats support a section here".
    """

    id: uuid.UUID
    number: str
    title: str
    sections: int
    support_seats: float
    abstain_seats: float
    oppose_seats: float
    silent_seats: float
    with_majority: int  # sections of this chapter with a majority, to say how the average came about


@dataclass(frozen=True)
class SupportMatrix:
    title: str
    council_seats: int
    broad_share: float
    parties: tuple[MatrixParty, ...]
    chapters: tuple[tuple[uuid.UUID, str, str], ...]  # id, number, title: in order
    rows: tuple[MatrixRow, ...]

    @property
    def majority_seats(self) -> int:
        """The fewest seats that make a majority: more than half."""
        return self.council_seats // 2 + 1

    @property
    def broad_seats(self) -> int:
        """The fewest seats that count as broad support (Tally.has_broad_support's rule)."""
        needed = self.broad_share * self.council_seats - 1e-9
        return max(0, -int(-needed // 1))

    def chapter_support(self, rows: tuple[MatrixRow, ...] | None = None) -> tuple[ChapterSupport, ...]:
        """Each chapter with sections among ``rows`` (all rows when None), in chapter order."""
        grouped: dict[uuid.UUID, list[Tally]] = {}
        for row in self.rows if rows is None else rows:
            grouped.setdefault(row.chapter_id, []).append(row.support)
        result = []
        for chapter_id, number, title in self.chapters:
            tallies = grouped.get(chapter_id)
            if not tallies:
                continue
            count = len(tallies)
            result.append(ChapterSupport(
                chapter_id, number, title, count,
                sum(t.support_seats for t in tallies) / count,
                sum(t.abstain_seats for t in tallies) / count,
                sum(t.oppose_seats for t in tallies) / count,
                sum(t.silent_seats for t in tallies) / count,
                sum(1 for t in tallies if t.has_majority)))
        return tuple(result)


def support_matrix(session: Session) -> SupportMatrix:
    """The matrix in four queries: agreement, parties, chapters with sections, and all positions."""
    agreement = the_agreement(session)
    # The same order as the tallies' positions (support._context): most seats first.
    parties = tuple(
        MatrixParty(p.id, p.name, p.short_name, p.seats, p.colour)
        for p in session.scalars(sa.select(Party).order_by(Party.seats.desc(), Party.short_name)))
    chapters = session.execute(sa.select(Chapter.id, Chapter.position, Chapter.title).order_by(Chapter.position)).all()
    chapter_number = {c.id: str(c.position) for c in chapters}
    sections = session.execute(
        sa.select(Section.id, Section.chapter_id, Section.position, Section.title)
        .join(Chapter, Section.chapter_id == Chapter.id)
        .where(Section.status.not_in(GONE))
        .order_by(Chapter.position, Section.position)
    ).all()
    support = section_support(session)
    rows = tuple(
        MatrixRow(s.id, f"{chapter_number[s.chapter_id]}.{s.position}", s.title, s.chapter_id, support[s.id])
        for s in sections)
    return SupportMatrix(agreement.title, agreement.council_seats, agreement.broad_support_share, parties,
                         tuple((c.id, str(c.position), c.title) for c in chapters), rows)


def matrix_row(session: Session, section_id: uuid.UUID) -> MatrixRow | None:
    """One section's row again, after its text or positions changed (None when it left the agreement)."""
    found = session.execute(
        sa.select(Section.id, Section.chapter_id, Section.position, Section.title, Section.status,
                  Chapter.position.label("chapter_position"))
        .join(Chapter, Section.chapter_id == Chapter.id).where(Section.id == section_id)
    ).first()
    if found is None or found.status in GONE:
        return None
    support = section_support(session, [section_id])[section_id]
    return MatrixRow(found.id, f"{found.chapter_position}.{found.position}", found.title, found.chapter_id, support)
