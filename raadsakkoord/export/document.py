"""What a publication shows, gathered once and handed to every writer.

Writers never query: they get frozen dataclasses, so the Markdown, HTML and
PDF of one export cannot disagree, and the PDF writer (which lays the text
out twice for its table of contents) does not read the database twice.
Every text in them is printable (``export.printable``), whatever the
database holds.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections import defaultdict
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.orm import Session

from raadsakkoord.base.errors import InputError
from raadsakkoord.base.i18n import tr
from raadsakkoord.export.printable import printable_data
from raadsakkoord.model import (
    Chapter,
    Endorsement,
    Party,
    Revision,
    Round,
    RoundSection,
    Section,
    SectionStatus,
    Task,
    TaskStatus,
)
from raadsakkoord.model.task import task_section
from raadsakkoord.queries.ballot import ADOPTED, adoption_sentence
from raadsakkoord.queries.lookup import the_agreement
from raadsakkoord.queries.readability import ReadabilityReport, report_of
from raadsakkoord.queries.support import PartyPosition, Tally, section_support
from raadsakkoord.queries.voting import agreement_item, vote_result

# Dates on a publication are the municipality's dates, not UTC.
TZ = ZoneInfo("Europe/Amsterdam")
MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
             "september", "oktober", "november", "december")
# Sections that are no longer part of the agreement are left out of it.
GONE = {SectionStatus.WITHDRAWN.value, SectionStatus.REJECTED.value}
NO_PORTFOLIO = "Nog niet toegewezen"


def date_nl(day: dt.date) -> str:
    return f"{day.day} {MONTHS_NL[day.month - 1]} {day.year}"


def euro_nl(amount: int) -> str:
    """Whole euros the Dutch way: € 1.250.000 (a no-break space keeps the sign with the number)."""
    return "€\u00a0" + f"{amount:,}".replace(",", ".")


@dataclass(frozen=True)
class PartyLine:
    name: str
    short_name: str
    seats: int
    colour: str


@dataclass(frozen=True)
class DocSection:
    id: uuid.UUID
    number: str
    title: str
    text: str
    support: Tally


@dataclass(frozen=True)
class DocChapter:
    number: str
    title: str
    intro: str
    sections: tuple[DocSection, ...]


@dataclass(frozen=True)
class TaskLine:
    title: str
    description: str
    portfolio_holder: str
    participation_level: str
    stakeholders: tuple[str, ...]
    due_date: dt.date | None
    budget_eur: int | None
    section_numbers: tuple[str, ...]
    status: str
    id: uuid.UUID


@dataclass(frozen=True)
class Portfolio:
    holder: str
    tasks: tuple[TaskLine, ...]

    @property
    def budget_eur(self) -> int:
        return sum(t.budget_eur or 0 for t in self.tasks)


@dataclass(frozen=True)
class Meta:
    """What every publication says about itself: cover, header, footer, front matter."""

    title: str
    municipality: str
    term: str
    council_seats: int
    status: str  # "Concept 2", "Definitief", or "Concept (werkversie)"
    date: dt.date
    round_number: int | None
    contact_name: str
    contact_phone: str
    contact_email: str
    parties: tuple[PartyLine, ...]
    agreement_id: uuid.UUID
    # "Vastgesteld in de raadsvergadering van …, met 20 stemmen voor en 11 tegen.": the final vote, once held.
    adoption: str = ""


@dataclass(frozen=True)
class AgreementDocument:
    meta: Meta
    preamble: str
    chapters: tuple[DocChapter, ...]
    agenda: tuple[Portfolio, ...]
    # The readability appendix, only when asked for (see ``with_readability``).
    readability: ReadabilityReport | None = None
    # Section texts printed in their numbered lines (``diffing.number_lines``), the
    # number beside each: what council members point at ("regel 23").
    line_numbers: bool = True

    @property
    def sections(self) -> list[DocSection]:
        return [s for c in self.chapters for s in c.sections]


@dataclass(frozen=True)
class TaskAgenda:
    meta: Meta
    portfolios: tuple[Portfolio, ...]


def _meta(session: Session, round_: Round | None, today: dt.date | None) -> Meta:
    agreement = the_agreement(session)
    parties = session.scalars(sa.select(Party).order_by(Party.seats.desc(), Party.short_name)).all()
    if round_ is not None:
        status, day, number = round_.label, round_.published_at.astimezone(TZ).date(), round_.number
    else:
        status, number = "Concept (werkversie)", None
        day = today or dt.datetime.now(TZ).date()
    # Only the final round's text was adopted: neither an earlier round's
    # cover nor a working copy ("Concept (werkversie)") claims it.
    final = round_ is not None and round_.is_final
    return Meta(agreement.title, agreement.municipality, agreement.term, agreement.council_seats,
                status, day, number, agreement.contact_name, agreement.contact_phone,
                agreement.contact_email,
                tuple(PartyLine(p.name, p.short_name, p.seats, p.colour) for p in parties), agreement.id,
                adoption_of(session) if final else "")


def adoption_of(session: Session) -> str:
    """The sentence for the cover once the council adopted the agreement in its final vote, else ""."""
    result = vote_result(session, agreement_item(session))
    if result is None or result.outcome != ADOPTED:
        return ""
    return adoption_sentence(result.votes_for, result.votes_against, result.meeting)


def find_round(session: Session, number: int) -> Round:
    found = session.scalars(sa.select(Round).where(Round.number == number)).first()
    if found is None:
        known = list(session.scalars(sa.select(Round.number).order_by(Round.number)))
        which = ", ".join(map(str, known)) if known else tr("nog geen")
        raise InputError(tr("Ronde {number} bestaat niet in deze werkruimte (rondes: {which}).").format(
            number=number, which=which))
    return found


def with_readability(doc: AgreementDocument) -> AgreementDocument:
    """The document with its readability appendix.

    Measured on the document's own sections, not the workspace's current
    texts: a round's export describes that round's texts, and sections left
    out of the agreement (withdrawn, rejected) are left out of the figures.
    """
    return dataclasses.replace(doc, readability=report_of(doc.chapters))


def agreement_document(session: Session, *, round_number: int | None = None,
                       today: dt.date | None = None, readability: bool = False) -> AgreementDocument:
    """The agreement as published in a round, or the current texts marked as concept.

    ``readability`` adds the appendix with the readability of every section and chapter.
    """
    round_ = find_round(session, round_number) if round_number is not None else None
    meta = _meta(session, round_, today)
    agreement = the_agreement(session)
    chapters = {c.id: c for c in session.scalars(sa.select(Chapter))}
    # A chapter's intro, by its number in the document: found through its
    # sections' chapter, so a chapter moved or inserted since the round does
    # not lend its intro to another.
    intros: dict[int, str] = {}
    if round_ is None:
        rows = session.execute(
            sa.select(Section.id, Section.chapter_id, Chapter.position.label("cpos"), Chapter.title.label("ctitle"),
                      Section.position, Section.title, Section.status, Revision.text)
            .join(Chapter, Section.chapter_id == Chapter.id)
            .outerjoin(Revision, Section.current_revision_id == Revision.id)
            .order_by(Chapter.position, Section.position)
        ).all()
        entries = [(r.id, r.cpos, r.ctitle, r.position, r.title, str(r.status), r.text or "") for r in rows]
        for r in rows:
            intros.setdefault(r.cpos, chapters[r.chapter_id].intro)
        support = section_support(session)
    else:
        rows = session.execute(
            sa.select(RoundSection.section_id, RoundSection.chapter_position, RoundSection.chapter_title,
                      RoundSection.section_position, RoundSection.title, RoundSection.status,
                      RoundSection.revision_id, Revision.text, Section.chapter_id)
            .join(Revision, RoundSection.revision_id == Revision.id)
            .join(Section, RoundSection.section_id == Section.id)
            .where(RoundSection.round_id == round_.id)
            .order_by(RoundSection.chapter_position, RoundSection.section_position)
        ).all()
        entries = [(r.section_id, r.chapter_position, r.chapter_title, r.section_position, r.title,
                    r.status, r.text) for r in rows]
        for r in rows:
            intros.setdefault(r.chapter_position, chapters[r.chapter_id].intro)
        support = _round_support(session, {r.section_id: r.revision_id for r in rows},
                                 agreement.council_seats, agreement.broad_support_share)
    grouped: dict[int, list] = defaultdict(list)
    titles: dict[int, str] = {}
    for ident, cpos, ctitle, spos, title, status, text in entries:
        titles[cpos] = ctitle
        if status not in GONE:
            grouped[cpos].append(DocSection(ident, f"{cpos}.{spos}", title, text, support[ident]))
    chapters = tuple(
        DocChapter(str(cpos), titles[cpos], intros.get(cpos, ""), tuple(grouped[cpos]))
        for cpos in sorted(grouped)
    )
    doc = printable_data(AgreementDocument(meta, agreement.preamble, chapters, _portfolios(session)))
    return with_readability(doc) if readability else doc


def _round_support(session: Session, revisions: dict[uuid.UUID, uuid.UUID], council_seats: int,
                   broad_share: float) -> dict[uuid.UUID, Tally]:
    """Support for the texts of a round: a position counts only if given on that very text.

    A party that has since moved its position to a newer text is shown as
    not (yet) counted for the round's text, as ``section_support`` does for
    stale positions on current texts.
    """
    parties = session.scalars(sa.select(Party).order_by(Party.seats.desc(), Party.short_name)).all()
    found: dict[uuid.UUID, dict[uuid.UUID, Endorsement]] = defaultdict(dict)
    for e in session.scalars(sa.select(Endorsement).where(Endorsement.section_id.is_not(None))):
        found[e.section_id][e.party_id] = e
    tallies = {}
    for section_id, revision_id in revisions.items():
        positions = []
        for p in parties:
            e = found[section_id].get(p.id)
            if e is None:
                positions.append(PartyPosition(p.id, p.short_name, p.seats, None))
            else:
                positions.append(PartyPosition(p.id, p.short_name, p.seats, e.position,
                                               e.minority_position, e.revision_id != revision_id))
        tallies[section_id] = Tally(council_seats, broad_share, tuple(positions))
    return tallies


def _portfolios(session: Session) -> tuple[Portfolio, ...]:
    numbers = {r.id: f"{r.cpos}.{r.position}" for r in session.execute(
        sa.select(Section.id, Section.position, Chapter.position.label("cpos"))
        .join(Chapter, Section.chapter_id == Chapter.id))}
    links: dict[uuid.UUID, list[str]] = defaultdict(list)
    for task_id, section_id in session.execute(sa.select(task_section.c.task_id, task_section.c.section_id)):
        links[task_id].append(numbers[section_id])
    by_holder: dict[str, list[TaskLine]] = defaultdict(list)
    tasks = session.scalars(sa.select(Task).where(Task.status != TaskStatus.DROPPED)).all()
    for t in tasks:
        sections = tuple(sorted(links[t.id], key=lambda n: tuple(int(x) for x in n.split("."))))
        holder = t.portfolio_holder.strip() or NO_PORTFOLIO
        by_holder[holder].append(TaskLine(
            t.title, t.description, holder, t.participation_level.value, tuple(t.stakeholders or ()),
            t.due_date, t.budget_eur, sections, t.status.value, t.id))
    order = sorted(by_holder, key=lambda h: (h == NO_PORTFOLIO, h.casefold()))
    return tuple(
        Portfolio(h, tuple(sorted(by_holder[h], key=lambda t: (t.due_date or dt.date.max, t.title))))
        for h in order
    )


def task_agenda(session: Session, *, today: dt.date | None = None) -> TaskAgenda:
    return printable_data(TaskAgenda(_meta(session, None, today), _portfolios(session)))
