"""Uitwerkingsopdrachten for the college."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable

from sqlalchemy.orm import Session

from raadsakkoord.base.errors import InputError, PermissionDenied
from raadsakkoord.base.i18n import tr
from raadsakkoord.model import ParticipationLevel, Section, Task, TaskStatus
from raadsakkoord.base.actor import Actor
from raadsakkoord.operations._common import check_actor, check_version, open_agreement
from raadsakkoord.queries.lookup import get
from raadsakkoord.store.audit import log
from raadsakkoord.base.clock import new_id, now
from raadsakkoord.model import fields

MAX_BUDGET_EUR = 10_000_000_000  # catches a mistyped amount, not a policy


def _clean(session: Session, values: dict) -> dict:
    cleaned: dict = {}
    for key, value in values.items():
        if key == "title":
            cleaned[key] = fields.line("task.title", value)
        elif key == "description":
            cleaned[key] = fields.text("task.description", value)
        elif key == "portfolio_holder":
            cleaned[key] = fields.line("task.portfolio_holder", value)
        elif key == "participation_level":
            try:
                cleaned[key] = ParticipationLevel(value)
            except ValueError:
                raise InputError(tr(
                    "Onbekende trede van de participatieladder: {value}. Kies uit {levels}."
                ).format(value=value, levels=", ".join(level.value for level in ParticipationLevel))) from None
        elif key == "stakeholders":
            names = [fields.stakeholder(name) for name in value]
            cleaned[key] = list(dict.fromkeys(names))
        elif key == "due_date":
            if value is not None and not isinstance(value, dt.date):
                raise InputError(tr("De einddatum moet een datum zijn."))
            cleaned[key] = value
        elif key == "budget_eur":
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                                      or not 0 <= value <= MAX_BUDGET_EUR):
                raise InputError(tr("De begroting moet een bedrag in hele euro's zijn, niet negatief."))
            cleaned[key] = value
        elif key == "status":
            cleaned[key] = TaskStatus(value)
        elif key == "section_ids":
            cleaned["sections"] = [get(session, Section, ident, tr("hoofdlijn")) for ident in dict.fromkeys(value)]
        else:
            raise TypeError(f"unknown task field: {key}")
    return cleaned


def add_task(session: Session, actor: Actor, *, title: str, participation_level: ParticipationLevel,
             section_ids: Iterable[uuid.UUID] = (), description: str = "", portfolio_holder: str = "",
             stakeholders: Iterable[str] = (), due_date: dt.date | None = None,
             budget_eur: int | None = None, status: TaskStatus | None = None) -> Task:
    """A task for the college; proposed by a party, or planned by the griffie."""
    check_actor(session, actor)
    agreement = open_agreement(session)
    if status is None:
        status = TaskStatus.PROPOSED if actor.party_id else TaskStatus.PLANNED
    cleaned = _clean(session, dict(
        title=title, participation_level=participation_level, section_ids=list(section_ids),
        description=description, portfolio_holder=portfolio_holder, stakeholders=list(stakeholders),
        due_date=due_date, budget_eur=budget_eur, status=status,
    ))
    task = Task(id=new_id(session), agreement_id=agreement.id, proposed_by_party_id=actor.party_id,
                created_at=now(session), **cleaned)
    session.add(task)
    session.flush()
    log(session, actor, "add_task", task=str(task.id), title=task.title,
        sections=[str(s.id) for s in task.sections])
    return task


def edit_task(session: Session, actor: Actor, task_id: uuid.UUID, *,
              expected_version: int | None = None, **changes) -> Task:
    """Change the given fields of a task (same names as ``add_task``)."""
    check_actor(session, actor)
    open_agreement(session)
    task = get(session, Task, task_id, tr("opdracht"))
    check_version(task, expected_version, tr("Opdracht '{title}'").format(title=task.title))
    if actor.party_id is not None and task.proposed_by_party_id != actor.party_id:
        raise PermissionDenied(tr("Alleen de griffie of de fractie die de opdracht voorstelde kan haar wijzigen."))
    cleaned = _clean(session, changes)
    for key, value in cleaned.items():
        setattr(task, key, value)
    log(session, actor, "edit_task", task=str(task.id), fields=sorted(changes))
    return task
