"""The agreement's outline: chapters and numbered sections with their support.

What the navigator, the exporters and the CLI show, loaded in a few bulk
queries so a thousand sections open as fast as thirty.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from raadsakkoord.model import Chapter, Revision, Section, SectionStatus
from raadsakkoord.queries.lookup import the_agreement
from raadsakkoord.queries.support import Tally, section_support


@dataclass(frozen=True)
class OutlineSection:
    id: uuid.UUID
    number: str
    title: str
    status: SectionStatus
    text: str
    revision: int
    support: Tally


@dataclass(frozen=True)
class OutlineChapter:
    id: uuid.UUID
    number: str
    title: str
    intro: str
    sections: tuple[OutlineSection, ...]


@dataclass(frozen=True)
class Outline:
    title: str
    municipality: str
    term: str
    council_seats: int
    chapters: tuple[OutlineChapter, ...]


def agreement_outline(session: Session) -> Outline:
    agreement = the_agreement(session)
    support = section_support(session)
    rows = session.execute(
        sa.select(Section.id, Section.chapter_id, Section.position, Section.title, Section.status,
                  Revision.text, Revision.number)
        .outerjoin(Revision, Section.current_revision_id == Revision.id)
        .order_by(Section.position)
    ).all()
    by_chapter: dict[uuid.UUID, list] = {}
    for row in rows:
        by_chapter.setdefault(row.chapter_id, []).append(row)
    chapters = []
    for chapter in session.scalars(sa.select(Chapter).order_by(Chapter.position)):
        sections = tuple(
            OutlineSection(row.id, f"{chapter.position}.{row.position}", row.title, row.status,
                           row.text or "", row.number or 0, support[row.id])
            for row in by_chapter.get(chapter.id, [])
        )
        chapters.append(OutlineChapter(chapter.id, str(chapter.position), chapter.title, chapter.intro, sections))
    return Outline(agreement.title, agreement.municipality, agreement.term, agreement.council_seats,
                   tuple(chapters))
