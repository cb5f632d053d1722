"""Amendments on a section's current text: as tracked changes, which of them collide, and a preview of several together.

Amendments name the revision they were written against. Where the section
has moved on, they are rebased in memory for the comparison (a three-way
merge); the stored amendments are only moved by ``operations.rebase_open_amendments``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from raadsakkoord import diffing
from raadsakkoord.base.errors import DomainError, InputError
from raadsakkoord.base.i18n import tr
from raadsakkoord.model import Amendment, AmendmentKind, AmendmentStatus, Section
from raadsakkoord.queries.lookup import get

OPEN_STATUSES = (AmendmentStatus.DRAFT, AmendmentStatus.SUBMITTED)


def amendment_diff(session: Session, amendment_id: uuid.UUID) -> diffing.TextDiff:
    """The amendment as tracked changes against the revision it was written on (a subamendment: its amendment's text)."""
    amendment = get(session, Amendment, amendment_id, tr("amendement"))
    base = amendment.base_text
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
    titles: tuple[str, ...] = ()  # each amendment's new title for the section, "" if it keeps the title

    def conflicting_pairs(self) -> list[tuple[uuid.UUID, uuid.UUID]]:
        ids = self.amendment_ids
        return [(ids[i], ids[j]) for i in range(len(ids)) for j in range(i + 1, len(ids)) if self.matrix[i][j]]


def _open_amendments(session: Session, section_id: uuid.UUID,
                     statuses: tuple[AmendmentStatus, ...]) -> list[Amendment]:
    return list(session.scalars(
        sa.select(Amendment)
        .where(Amendment.section_id == section_id, Amendment.status.in_(statuses),
               Amendment.kind != AmendmentKind.NEW_SECTION,
               # Subamendments change their amendment's text, not the section's: they collide only among themselves.
               Amendment.parent_id.is_(None))
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
    ids, texts, titles, rework = [], [], [], []
    for amendment in _open_amendments(session, section.id, statuses):
        text = _on_current(amendment, current)
        if text is None:
            rework.append(amendment.id)
        else:
            ids.append(amendment.id)
            texts.append(text)
            titles.append(new_title(amendment, section))
    base = diffing.BaseText(current)
    matrix = diffing.matrix_of([base.changes(text) for text in texts])
    for i, j in title_collisions(titles):
        matrix[i][j] = matrix[j][i] = True
    return SectionConflicts(section.id, section.current_revision_id, tuple(ids),
                            tuple(tuple(row) for row in matrix), tuple(texts), tuple(rework), tuple(titles))


def new_title(amendment: Amendment, section: Section) -> str:
    """The title a change proposes for its section, "" if none (or the section has that title now)."""
    if amendment.kind != AmendmentKind.MODIFY or amendment.proposed_title == section.title:
        return ""
    return amendment.proposed_title


def title_collisions(titles: list[str]) -> list[tuple[int, int]]:
    """Pairs (0-based) of amendments that give the section two different titles: at most one can be accepted."""
    return [(i, j) for i in range(len(titles)) for j in range(i + 1, len(titles))
            if titles[i] and titles[j] and titles[i] != titles[j]]


def subamendment_conflicts(session: Session, amendment_id: uuid.UUID, *,
                           statuses: tuple[AmendmentStatus, ...] = (AmendmentStatus.SUBMITTED,)) -> SectionConflicts:
    """Which subamendments of one amendment collide with each other, on the amendment's text.

    The same matrix as a section's (``section_id`` and ``revision_id`` are the
    amendment's); one that needs rework is listed apart.
    """
    amendment = get(session, Amendment, amendment_id, tr("amendement"))
    ids, texts, rework = [], [], []
    for sub in sorted(amendment.subamendments, key=lambda a: (a.number is None, a.number or 0, a.created_at)):
        if sub.status not in statuses:
            continue
        if sub.needs_rework:
            rework.append(sub.id)
        else:
            ids.append(sub.id)
            texts.append(sub.proposed_text)
    base = diffing.BaseText(amendment.proposed_text)
    matrix = diffing.matrix_of([base.changes(text) for text in texts])
    return SectionConflicts(amendment.section_id, amendment.base_revision_id, tuple(ids),
                            tuple(tuple(row) for row in matrix), tuple(texts), tuple(rework))


def preview_section(session: Session, section_id: uuid.UUID, amendment_ids: list[uuid.UUID]) -> str:
    """The section's text with the chosen amendments applied together.

    Raises ``diffing.AmendmentConflict`` (a DomainError naming the pair) when
    two of them collide, and DomainError for one that needs rework first.
    """
    section = get(session, Section, section_id, tr("hoofdlijn"))
    texts, titles = [], []
    for ident in amendment_ids:
        amendment = get(session, Amendment, ident, tr("amendement"))
        if (amendment.section_id != section.id or amendment.kind == AmendmentKind.NEW_SECTION
                or amendment.parent_id is not None):
            raise InputError(tr("Amendement '{headline}' hoort niet bij hoofdlijn {number}.").format(
                headline=amendment.headline, number=section.number))
        text = _on_current(amendment, section.text)
        if text is None:
            raise DomainError(tr("Amendement '{headline}' botst met de huidige tekst en moet eerst "
                                 "worden herzien door de indiener.").format(headline=amendment.headline))
        texts.append(text)
        titles.append(new_title(amendment, section))
    collisions = title_collisions(titles)
    if collisions:
        i, j = collisions[0]
        raise DomainError(tr("Amendement {first} en {second} geven hoofdlijn {number} elk een andere titel "
                             "(«{one}» en «{other}»); er kan er hoogstens één worden aanvaard.").format(
            first=i + 1, second=j + 1, number=section.number, one=titles[i], other=titles[j]))
    return diffing.combine(section.text, texts)
