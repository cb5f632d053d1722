"""Subamendments: changes to an amendment's text, decided before the amendment itself.

A subamendment is an Amendment row with ``parent`` set. Its base is always its
amendment's current text (and title): whenever that text changes while the
subamendment is open (a rework, a rebase onto a new round, the acceptance of
another subamendment, the undoing of one), the subamendment is carried over
by a three-way merge, or marked as needing rework with its own words kept.
That invariant is why no copy of the base is stored.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from raadsakkoord import diffing
from raadsakkoord.base.actor import Actor
from raadsakkoord.base.errors import DomainError
from raadsakkoord.base.i18n import tr
from raadsakkoord.model import Amendment, AmendmentStatus
from raadsakkoord.store.audit import log


def open_subamendments(amendment: Amendment) -> list[Amendment]:
    """The amendment's subamendments still to be decided (drafts too), in number order."""
    return [sub for sub in amendment.subamendments if sub.status.is_open]


def refuse_while_subamendment_open(amendment: Amendment) -> None:
    """The council decides a subamendment before its amendment: the amendment's form depends on it."""
    pending = [sub for sub in amendment.subamendments if sub.status == AmendmentStatus.SUBMITTED]
    if pending:
        labels = ", ".join(sub.label for sub in pending)
        raise DomainError(tr("Beslis eerst over subamendement {labels}; daarna over amendement {label}.").format(
            labels=labels, label=amendment.label))


def carry_subamendments(session: Session, actor: Actor, amendment: Amendment, old_text: str,
                        old_title: str | None = None, *, deciding: Amendment | None = None) -> int:
    """Move the open subamendments of ``amendment`` from its old text onto its new one; how many moved.

    Clean where their passages were left alone; otherwise marked as needing
    rework with the party's text exactly as written.
    """
    new_text = amendment.proposed_text
    moved = 0
    unchanged = old_text == new_text and (old_title is None or old_title == amendment.proposed_title)
    for sub in open_subamendments(amendment):
        if sub is deciding:
            continue
        sub.base_revision = amendment.base_revision  # the section text both are read against
        if unchanged or sub.needs_rework:
            # (One that already needs rework has no base of its own left to merge from.)
            continue
        result = diffing.rebase(old_text, sub.proposed_text, new_text)
        if result.clean:
            sub.proposed_text = result.text
            sub.needs_rework = False
            outcome = "rebased"
        else:
            sub.needs_rework = True
            outcome = "needs_rework"
        if old_title is not None and sub.proposed_title == old_title:
            sub.proposed_title = amendment.proposed_title
        log(session, actor, "rebase_amendment", amendment=str(sub.id), outcome=outcome,
            parent=str(amendment.id), conflicts=len(result.conflicts))
        moved += 1
    return moved


def lapse_subamendments(session: Session, actor: Actor, amendment: Amendment) -> list[Amendment]:
    """An amendment withdrawn: its open subamendments have nothing left to change and lapse (vervallen)."""
    lapsed = open_subamendments(amendment)
    if not lapsed:
        return []
    if session.get_bind().dialect.name == "postgresql":
        # Other parties' rows are out of this login's reach: the database's own
        # function (migration 0010) lapses them, and nothing else.
        session.flush()
        session.execute(sa.text("SELECT raadsakkoord_lapse_subamendments(:id)"), {"id": amendment.id})
        for sub in lapsed:
            session.expire(sub)
    else:
        # Kept in Dutch like a revision's reason: the amendment book prints it as it is
        # (the same words as the database function's).
        note = f"Vervallen: amendement {amendment.label} is ingetrokken."
        for sub in lapsed:
            sub.status = AmendmentStatus.SUPERSEDED
            sub.decision_note = note
    for sub in lapsed:
        log(session, actor, "lapse_subamendment", amendment=str(sub.id), parent=str(amendment.id))
    return lapsed


def apply_subamendment(session: Session, actor: Actor, sub: Amendment, text: str) -> dict[str, object]:
    """The subamendment's text becomes its amendment's; what it replaced, for the audit event and undo."""
    parent = sub.parent
    if parent.status != AmendmentStatus.SUBMITTED:
        raise DomainError(tr("Amendement {label} is al besloten; over subamendement {sub} valt niets meer "
                             "te beslissen.").format(label=parent.label, sub=sub.label))
    before = {"previous_text": parent.proposed_text, "previous_title": parent.proposed_title}
    old_text, old_title = parent.proposed_text, parent.proposed_title
    parent.proposed_text = text
    if sub.proposed_title:
        parent.proposed_title = sub.proposed_title
    session.flush()  # the amendment's version moves on: a window holding the old text is told so
    carry_subamendments(session, actor, parent, old_text, old_title, deciding=sub)
    return {**before, "applied_text": text, "parent": str(parent.id), "parent_version": parent.version}
