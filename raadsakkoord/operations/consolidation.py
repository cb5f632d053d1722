"""Rebasing: moving open amendments onto their section's new text.

Amendments name the revision they were written against. Where the section
has moved on, they are rebased (a three-way merge): silently when their
passages were left alone, otherwise they are marked as needing rework and
the party's text stays exactly as written.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session, joinedload

from raadsakkoord import diffing
from raadsakkoord.model import Amendment, AmendmentKind, Section
from raadsakkoord.base.actor import Actor
from raadsakkoord.queries.conflicts import OPEN_STATUSES
from raadsakkoord.operations.subamendments import carry_subamendments
from raadsakkoord.store.audit import log


@dataclass
class RebaseReport:
    rebased: list[uuid.UUID] = field(default_factory=list)  # moved onto the new text, cleanly
    needs_rework: list[uuid.UUID] = field(default_factory=list)  # collided; text kept as written
    already_in_text: list[uuid.UUID] = field(default_factory=list)  # the new text already says this

    @property
    def total(self) -> int:
        return len(self.rebased) + len(self.needs_rework) + len(self.already_in_text)


def rebase_open_amendments(session: Session, actor: Actor, *,
                           section_ids: list[uuid.UUID] | None = None,
                           party_id: uuid.UUID | None = None) -> RebaseReport:
    """Move every open amendment written on an older text onto its section's current text.

    Runs when a round is published (and when a party imports a new round).
    Each section's new revision is diffed once for all its amendments.
    """
    query = (
        sa.select(Amendment)
        .join(Section, Amendment.section_id == Section.id)
        .where(Amendment.status.in_(OPEN_STATUSES), Amendment.kind == AmendmentKind.MODIFY,
               Amendment.base_revision_id != Section.current_revision_id,
               # A subamendment moves with its amendment's text, not the section's.
               Amendment.parent_id.is_(None))
        .options(joinedload(Amendment.base_revision),
                 joinedload(Amendment.section).joinedload(Section.current_revision))
        .order_by(Amendment.section_id)
    )
    if section_ids is not None:
        query = query.where(Amendment.section_id.in_(section_ids))
    if party_id is not None:
        query = query.where(Amendment.party_id == party_id)
    by_section: dict[tuple[uuid.UUID, uuid.UUID], list[Amendment]] = {}
    for amendment in session.scalars(query):
        by_section.setdefault((amendment.section_id, amendment.base_revision_id), []).append(amendment)
    report = RebaseReport()
    for group in by_section.values():
        old_base = group[0].base_revision
        section = group[0].section
        results = diffing.rebase_all(old_base.text, [a.proposed_text for a in group], section.text)
        for amendment, result in zip(group, results):
            if result.clean:
                old_text = amendment.proposed_text
                amendment.base_revision = section.current_revision
                amendment.proposed_text = result.text
                amendment.needs_rework = False
                outcome = "already_in_text" if result.text == section.text else "rebased"
                getattr(report, outcome).append(amendment.id)
                carry_subamendments(session, actor, amendment, old_text)
            else:
                amendment.needs_rework = True
                outcome = "needs_rework"
                report.needs_rework.append(amendment.id)
            log(session, actor, "rebase_amendment", amendment=str(amendment.id), outcome=outcome,
                from_revision=str(old_base.id), to_revision=str(section.current_revision_id),
                conflicts=len(result.conflicts))
    return report
