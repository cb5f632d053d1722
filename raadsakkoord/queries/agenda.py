"""What the task agenda window shows: every task as a plain row, and the sections a task can follow from.

Read-only queries shaped for the window (like ``queries.drafting``), plus the small
conversions the window needs that are rules rather than layout: the quarter a
due date falls in, and a typed euro amount read the Dutch way.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections import defaultdict
from dataclasses import dataclass
from typing import NamedTuple

import sqlalchemy as sa
from sqlalchemy.orm import Session

from raadsakkoord.base.errors import InputError
from raadsakkoord.base.i18n import tr
from raadsakkoord.model import Chapter, ParticipationLevel, Party, Section, SectionStatus, Task, TaskStatus
from raadsakkoord.model.task import task_section

# Sections no longer part of the agreement are not offered for new links.
_GONE = (SectionStatus.WITHDRAWN, SectionStatus.REJECTED)


class Quarter(NamedTuple):
    """A calendar quarter; tuples order by year, then quarter."""

    year: int
    number: int  # 1..4

    @property
    def label(self) -> str:
        return tr("{year} K{number}").format(year=self.year, number=self.number)

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, 3 * self.number - 2, 1)

    @property
    def last_day(self) -> dt.date:
        following = Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)
        return following.first_day - dt.timedelta(days=1)

    def next(self) -> Quarter:
        return Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)


def quarter_of(day: dt.date) -> Quarter:
    return Quarter(day.year, (day.month - 1) // 3 + 1)


def quarters_between(first: Quarter, last: Quarter) -> list[Quarter]:
    """Every quarter from ``first`` to ``last``, both included (empty when ``last`` comes first)."""
    found, current = [], first
    while current <= last:
        found.append(current)
        current = current.next()
    return found


def section_number_key(number: str) -> tuple[int, ...]:
    """"2.10" after "2.9": numbers compare as numbers."""
    return tuple(int(part) for part in number.split(".") if part.isdigit())


@dataclass(frozen=True)
class TaskRow:
    id: uuid.UUID
    title: str
    description: str
    portfolio_holder: str  # "" when not yet assigned
    participation_level: ParticipationLevel
    stakeholders: tuple[str, ...]
    due_date: dt.date | None
    budget_eur: int | None
    status: TaskStatus
    section_ids: tuple[uuid.UUID, ...]  # in section number order
    section_numbers: tuple[str, ...]  # "2.1", "6.3"
    proposed_by: str  # the proposing party's short name, "" for the griffie
    version: int

    @property
    def quarter(self) -> Quarter | None:
        return quarter_of(self.due_date) if self.due_date else None

    def fields(self) -> dict:
        """The editable fields, named as ``operations.edit_task`` takes them."""
        return dict(title=self.title, description=self.description, portfolio_holder=self.portfolio_holder,
                    participation_level=self.participation_level, stakeholders=list(self.stakeholders),
                    due_date=self.due_date, budget_eur=self.budget_eur, status=self.status,
                    section_ids=list(self.section_ids))


@dataclass(frozen=True)
class SectionChoice:
    """A section a task can be linked to: its number and title, for a list of check boxes."""

    id: uuid.UUID
    number: str
    title: str
    gone: bool  # withdrawn or rejected: shown only where a task still links to it


def _numbers(session: Session) -> dict[uuid.UUID, tuple[str, str, SectionStatus]]:
    rows = session.execute(
        sa.select(Section.id, Section.position, Section.title, Section.status, Chapter.position.label("cpos"))
        .join(Chapter, Section.chapter_id == Chapter.id))
    return {r.id: (f"{r.cpos}.{r.position}", r.title, r.status) for r in rows}


def task_rows(session: Session) -> list[TaskRow]:
    """Every task of the agreement, dropped ones too, soonest due date first (undated last)."""
    numbers = _numbers(session)
    links: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for task_id, section_id in session.execute(sa.select(task_section.c.task_id, task_section.c.section_id)):
        links[task_id].append(section_id)
    parties = {r.id: r.short_name for r in session.execute(sa.select(Party.id, Party.short_name))}
    rows = []
    for t in session.scalars(sa.select(Task)):
        linked = sorted(links[t.id], key=lambda sid: section_number_key(numbers[sid][0]))
        rows.append(TaskRow(
            t.id, t.title, t.description, t.portfolio_holder.strip(), t.participation_level,
            tuple(t.stakeholders or ()), t.due_date, t.budget_eur, t.status, tuple(linked),
            tuple(numbers[sid][0] for sid in linked),
            parties.get(t.proposed_by_party_id, "") if t.proposed_by_party_id else "", t.version))
    rows.sort(key=lambda r: (r.due_date or dt.date.max, r.title.casefold()))
    return rows


def section_choices(session: Session) -> list[SectionChoice]:
    """Every section in number order; withdrawn and rejected ones marked ``gone``."""
    found = [SectionChoice(ident, number, title, status in _GONE)
             for ident, (number, title, status) in _numbers(session).items()]
    return sorted(found, key=lambda c: section_number_key(c.number))


def portfolio_holders(session: Session) -> list[str]:
    """Every portfolio holder named so far, to pick from when editing a task."""
    names = {name.strip() for name in session.scalars(sa.select(Task.portfolio_holder).distinct())}
    return sorted((n for n in names if n), key=str.casefold)


_EURO = re.compile(r"^(?:€\s*)?(\d{1,3}(?:\.\d{3})+|\d+)(?:,-|,00)?\s*(?:euro)?$", re.IGNORECASE)


def parse_euro(text: str) -> int | None:
    """A typed whole-euro amount: "250.000", "€ 250.000", "250000" or "250.000,-"; empty is no amount.

    Dots group thousands, as Dutch readers write them; cents are refused,
    since agreements state budgets as estimates in whole euros.
    """
    cleaned = text.replace("\u00a0", " ").strip()
    if not cleaned:
        return None
    match = _EURO.match(cleaned)
    if match is None:
        raise InputError(tr(
            "'{text}' is geen bedrag in hele euro's. Schrijf bijvoorbeeld 250.000 of laat het veld leeg."
        ).format(text=cleaned))
    return int(match.group(1).replace(".", ""))
