"""The diff engine in the domain: amendments as tracked changes, conflicts, previews, rebasing.

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
from raadsakkoord.errors import DomainError, InputError
from raadsakkoord.i18n import tr
from raadsakkoord.model import (
    Amendment,
    AmendmentKind,
    AmendmentStatus,
    Section,
)
from raadsakkoord.operations._common import Actor, get, log

OPEN_STATUSES = (AmendmentStatus.DRAFT, AmendmentStatus.SUBMITTED)


def amendment_diff(session: Session, amendment_id: uuid.UUID) -> diffing.TextDiff:
    """The amendment as tracked changes against the revision it was written on."""
    amendment = get(session, Amendment, amendment_id, tr("amendement"))
    base = amendment.base_revision.text if amendment.base_revision else ""
    if amendment.kind == AmendmentKind.DELETE:
        return diffing.diff(base, "")
    return diffing.diff(base, amendment.proposed_text)


@dataclass(frozen=True)
class SectionConflicts:
    """The open amendments of one section, on its current text, and which of them collide.

    ``amendment_ids[i]`` and ``amendment_ids[j]`` conflict when ``matrix[i][j]``.
    Amendments written on an older text are rebased for the comparison; those
    that cannot be are listed in ``needs_rework`` and left out of the matrix.
    """

    section_id: uuid.UUID
    revision_id: uuid.UUID
    amendment_ids: tuple[uuid.UUID, ...]
    matrix: tuple[tuple[bool, ...], ...]
    texts: tuple[str, ...]  # each amendment's text on the current revision
    needs_rework: tuple[uuid.UUID, ...] = ()

    def conflicting_pairs(self) -> list[tuple[uuid.UUID, uuid.UUID]]:
        ids = self.amendment_ids
        return [(ids[i], ids[j]) for i in range(len(ids)) for j in range(i + 1, len(ids)) if self.matrix[i][j]]


def _open_amendments(session: Session, section_id: uuid.UUID,
                     statuses: tuple[AmendmentStatus, ...]) -> list[Amendment]:
    return list(session.scalars(
        sa.select(Amendment)
        .where(Amendment.section_id == section_id, Amendment.status.in_(statuses),
               Amendment.kind != AmendmentKind.NEW_SECTION)
        .order_by(Amendment.submitted_at, Amendment.created_at)
    ))


def _on_current(amendment: Amendment, current_text: str) -> str | None:
    """The amendment's text on the section's current revision, or None if it collides."""
    target = "" if amendment.kind == AmendmentKind.DELETE else amendment.proposed_text
    if amendment.base_revision_id == amendment.section.current_revision_id:
        return target
    result = diffing.rebase(amendment.base_revision.text, target, current_text)
    return result.text if result.clean else None


def section_conflicts(session: Session, section_id: uuid.UUID, *,
                      statuses: tuple[AmendmentStatus, ...] = (AmendmentStatus.SUBMITTED,)) -> SectionConflicts:
    """The conflict matrix of the section's open amendments (submitted ones by default)."""
    section = get(session, Section, section_id, tr("hoofdlijn"))
    current = section.text
    ids, texts, rework = [], [], []
    for amendment in _open_amendments(session, section.id, statuses):
        text = _on_current(amendment, current)
        if text is None:
            rework.append(amendment.id)
        else:
            ids.append(amendment.id)
            texts.append(text)
    base = diffing.BaseText(current)
    matrix = diffing.matrix_of([base.changes(text) for text in texts])
    return SectionConflicts(section.id, section.current_revision_id, tuple(ids),
                            tuple(tuple(row) for row in matrix), tuple(texts), tuple(rework))


def preview_section(session: Session, section_id: uuid.UUID, amendment_ids: list[uuid.UUID]) -> str:
    """The section's text with the chosen amendments applied together.

    Raises ``diffing.AmendmentConflict`` (a DomainError naming the pair) when
    two of them collide, and DomainError for one that needs rework first.
    """
    section = get(session, Section, section_id, tr("hoofdlijn"))
    texts = []
    for ident in amendment_ids:
        amendment = get(session, Amendment, ident, tr("amendement"))
        if amendment.section_id != section.id or amendment.kind == AmendmentKind.NEW_SECTION:
            raise InputError(tr("Amendement '{headline}' hoort niet bij hoofdlijn {number}.").format(
                headline=amendment.headline, number=section.number))
        text = _on_current(amendment, section.text)
        if text is None:
            raise DomainError(tr("Amendement '{headline}' botst met de huidige tekst en moet eerst "
                                 "worden herzien door de indiener.").format(headline=amendment.headline))
        texts.append(text)
    return diffing.combine(section.text, texts)


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
               Amendment.base_revision_id != Section.current_revision_id)
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
                amendment.base_revision = section.current_revision
                amendment.proposed_text = result.text
                amendment.needs_rework = False
                outcome = "already_in_text" if result.text == section.text else "rebased"
                getattr(report, outcome).append(amendment.id)
            else:
                amendment.needs_rework = True
                outcome = "needs_rework"
                report.needs_rework.append(amendment.id)
            log(session, actor, "rebase_amendment", amendment=str(amendment.id), outcome=outcome,
                from_revision=str(old_base.id), to_revision=str(section.current_revision_id),
                conflicts=len(result.conflicts))
    return report
