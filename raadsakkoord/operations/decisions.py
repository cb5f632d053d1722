"""Taking back a decision on an amendment, until the round that carries it is published.

The griffie decides amendments one by one while consolidating; a click on
the wrong row must be reversible. Revisions are immutable, so undoing an
accepted amendment never deletes the revision it made: the text before the
decision comes back as a new revision. Once a round has been published after
the decision, parties have received the result and the decision stands.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from raadsakkoord import diffing
from raadsakkoord.base.errors import DomainError
from raadsakkoord.base.i18n import tr
from raadsakkoord.model import (
    Amendment,
    AmendmentKind,
    AmendmentStatus,
    AuditEvent,
    Endorsement,
    Revision,
    Round,
    Section,
    SectionStatus,
)
from raadsakkoord.base.actor import Actor
from raadsakkoord.operations._common import check_actor, open_agreement, require_griffie
from raadsakkoord.queries.lookup import get
from raadsakkoord.store.audit import log
from raadsakkoord.queries.labels import STATUS_LABELS
from raadsakkoord.operations.amendments import _excerpt
from raadsakkoord.operations.consolidation import rebase_open_amendments
from raadsakkoord.operations.sections import new_revision
from raadsakkoord.operations.subamendments import carry_subamendments

UNDO_REASON = "Besluit teruggedraaid"


def _decision_event(session: Session, amendment: Amendment) -> AuditEvent | None:
    # Canonical JSON (sorted keys, no spaces) makes the amendment's entry an exact substring.
    return session.scalars(
        sa.select(AuditEvent)
        .where(AuditEvent.action == "decide_amendment",
               AuditEvent.payload.like(f'%"amendment":"{amendment.id}"%'))
        .order_by(AuditEvent.seq.desc()).limit(1)
    ).first()


def _published_since(session: Session, seq: int) -> bool:
    return session.scalar(
        sa.select(AuditEvent.seq).where(AuditEvent.seq > seq, AuditEvent.action == "publish_round").limit(1)
    ) is not None


def undoable_decision(session: Session, amendment_id: uuid.UUID) -> AuditEvent:
    """The audit event of the amendment's decision, if it may still be undone; DomainError if not."""
    amendment = get(session, Amendment, amendment_id, tr("amendement"))
    if not amendment.status.is_decided:
        raise DomainError(tr("Over amendement '{headline}' is geen besluit genomen dat kan worden "
                             "teruggedraaid; het is {status}.").format(
            headline=amendment.headline, status=tr(STATUS_LABELS[amendment.status])))
    event = _decision_event(session, amendment)
    if event is None:
        raise DomainError(tr("Het besluit over amendement '{headline}' staat niet in het logboek en kan "
                             "niet worden teruggedraaid.").format(headline=amendment.headline))
    if _published_since(session, event.seq):
        latest = session.scalars(sa.select(Round).order_by(Round.number.desc()).limit(1)).first()
        raise DomainError(tr("Het besluit over amendement '{headline}' is gepubliceerd in {round} en kan niet "
                             "meer worden teruggedraaid.").format(
            headline=amendment.headline, round=latest.label if latest else tr("een ronde")))
    return event


@dataclass(frozen=True)
class DecisionRecord:
    """A decision as it was made: enough to make it again after it was undone."""

    decision: AmendmentStatus
    note: str
    compromise_text: str | None


def decision_record(session: Session, amendment_id: uuid.UUID) -> DecisionRecord:
    """The amendment's current decision, if it may still be undone (DomainError if not)."""
    amendment = get(session, Amendment, amendment_id, tr("amendement"))
    event = undoable_decision(session, amendment.id)
    compromise = None
    if amendment.status == AmendmentStatus.PARTLY_ACCEPTED and amendment.parent is not None:
        compromise = json.loads(event.payload).get("applied_text")
    elif amendment.status == AmendmentStatus.PARTLY_ACCEPTED:
        section = get(session, Section, amendment.section_id, tr("hoofdlijn"))
        compromise = _decision_revisions(session, amendment, section, json.loads(event.payload))[0].text
    return DecisionRecord(amendment.status, amendment.decision_note, compromise)


def undo_decision(session: Session, actor: Actor, amendment_id: uuid.UUID) -> Amendment:
    """Put a decided amendment back to submitted, and the section's text back as it was before.

    Other open amendments of the section are rebased onto the restored text,
    and party positions given on the text before the decision count again:
    the restored text is word for word the one they were given on.
    """
    require_griffie(actor, tr("een besluit terugdraaien"))
    check_actor(session, actor)
    open_agreement(session)
    amendment = get(session, Amendment, amendment_id, tr("amendement"))
    event = undoable_decision(session, amendment.id)
    payload = json.loads(event.payload)
    decision = amendment.status
    restored = None
    carried = 0
    if amendment.parent is not None:
        return _undo_subamendment(session, actor, amendment, event, payload)
    if decision in (AmendmentStatus.ACCEPTED, AmendmentStatus.PARTLY_ACCEPTED):
        if amendment.kind == AmendmentKind.NEW_SECTION:
            raise DomainError(tr("Een aanvaarde nieuwe hoofdlijn kan niet worden teruggedraaid; laat hoofdlijn "
                                 "{number} zo nodig vervallen.").format(number=amendment.section.number))
        section = get(session, Section, amendment.section_id, tr("hoofdlijn"))
        if amendment.kind == AmendmentKind.DELETE and decision == AmendmentStatus.ACCEPTED:
            section.status = SectionStatus(payload.get("section_status") or SectionStatus.PROPOSED.value)
        elif payload.get("revision") or "previous_revision" not in payload:
            # (An event without "previous_revision" predates that entry: its revision is looked up.)
            restored, carried = _restore_text(session, actor, amendment, section, payload)
        if payload.get("previous_title") and payload.get("title") != payload["previous_title"] \
                and section.title == payload["title"]:
            # The title the decision gave comes back off; a title the griffie gave since stays.
            section.title = payload["previous_title"]
    amendment.status = AmendmentStatus.SUBMITTED
    amendment.decision_note = ""
    amendment.decided_by = ""
    amendment.decided_at = None
    session.flush()
    rebased = 0
    if restored is not None:
        rebased = rebase_open_amendments(session, actor, section_ids=[restored.section_id]).total
    log(session, actor, "undo_decision", amendment=str(amendment.id), decision=decision.value,
        decision_event=event.seq, section=str(amendment.section_id) if amendment.section_id else None,
        revision=str(restored.id) if restored is not None else None,
        sha256=restored.sha256 if restored is not None else None, rebased=rebased,
        positions_restored=carried)
    return amendment


def _undo_subamendment(session: Session, actor: Actor, sub: Amendment, event: AuditEvent,
                       payload: dict) -> Amendment:
    """The amendment's text back as it was before the subamendment was accepted; the subamendment open again."""
    parent = sub.parent
    decision = sub.status
    if "previous_text" in payload:
        if parent.status != AmendmentStatus.SUBMITTED:
            raise DomainError(tr("Over amendement {label} is daarna al besloten; draai dat besluit eerst terug.").format(
                label=parent.label))
        made = parent.proposed_text
        text = payload["previous_text"]
        applied = payload.get("applied_text")
        if applied is not None and made != applied:
            # The amendment's text moved on since (another subamendment): take out only this one's change.
            result = diffing.rebase(applied, text, made)
            if not result.clean:
                raise DomainError(tr("De tekst van amendement {label} is na dit besluit opnieuw gewijzigd op "
                                     "dezelfde plaats; draai eerst die latere wijziging terug.").format(
                    label=parent.label))
            text = result.text
        old_title = parent.proposed_title
        parent.proposed_text = text
        parent.proposed_title = payload.get("previous_title", parent.proposed_title)
    sub.status = AmendmentStatus.SUBMITTED
    sub.decision_note = ""
    sub.decided_by = ""
    sub.decided_at = None
    session.flush()
    if "previous_text" in payload:
        carry_subamendments(session, actor, parent, made, old_title, deciding=sub)
    log(session, actor, "undo_decision", amendment=str(sub.id), decision=decision.value,
        decision_event=event.seq, parent=str(parent.id), section=str(sub.section_id) if sub.section_id else None)
    return sub


def _decision_revisions(session: Session, amendment: Amendment, section: Section,
                        payload: dict) -> tuple[Revision, Revision]:
    """The revision the decision made, and the one it replaced."""
    if payload.get("revision") and payload.get("previous_revision"):
        return (get(session, Revision, payload["revision"], tr("versie")),
                get(session, Revision, payload["previous_revision"], tr("versie")))
    # Decisions logged before the audit event named its revisions: the reason _apply wrote.
    verb = "aanvaard" if amendment.status == AmendmentStatus.ACCEPTED else "gedeeltelijk overgenomen"
    reason = f"Amendement {verb}: {amendment.headline} ({amendment.party.short_name})"
    made = session.scalars(
        sa.select(Revision).where(Revision.section_id == section.id, Revision.reason == reason)
        .order_by(Revision.number.desc()).limit(1)
    ).first()
    if made is None or made.parent is None:
        raise DomainError(tr("De versie die dit besluit maakte is niet te vinden; het besluit kan niet "
                             "worden teruggedraaid."))
    return made, made.parent


def _restore_text(session: Session, actor: Actor, amendment: Amendment, section: Section,
                  payload: dict) -> tuple[Revision | None, int]:
    made, replaced = _decision_revisions(session, amendment, section, payload)
    current = section.current_revision
    if current.id == made.id:
        text = replaced.text
    else:
        # The section moved on after the decision: take out only what the decision put in.
        result = diffing.rebase(made.text, replaced.text, current.text)
        if not result.clean:
            passages = "; ".join(f"«{_excerpt(c.revision)}»" for c in result.conflicts)
            raise DomainError(tr(
                "Hoofdlijn {number} is na dit besluit opnieuw gewijzigd op dezelfde plaats: {passages}. "
                "Draai eerst die latere wijziging terug."
            ).format(number=section.number, passages=passages))
        text = result.text
    if text == current.text:
        return None, 0
    reason = f"{UNDO_REASON}: {amendment.headline} ({amendment.party.short_name})"
    restored = new_revision(session, actor, section, text, reason=reason)
    session.flush()
    carried = 0
    if text == replaced.text:
        for endorsement in session.scalars(
                sa.select(Endorsement).where(Endorsement.section_id == section.id,
                                             Endorsement.revision_id == replaced.id)):
            endorsement.revision = restored
            carried += 1
    return restored, carried
