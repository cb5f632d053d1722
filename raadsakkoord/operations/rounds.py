"""Publishing a round: freezing every section's current text."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from raadsakkoord.base.errors import DomainError
from raadsakkoord.base.i18n import tr
from raadsakkoord.model import AgreementStatus, Chapter, Round, RoundSection, Section, SectionStatus
from raadsakkoord.base.actor import Actor
from raadsakkoord.queries.round_readiness import unchanged_since
from raadsakkoord.operations._common import check_actor, open_agreement, require_griffie
from raadsakkoord.store.audit import log, queue_for_append, remember_anchor
from raadsakkoord.base.clock import new_id, now
from raadsakkoord.operations.consolidation import rebase_open_amendments
from raadsakkoord.operations.sections import latest_round
from raadsakkoord.model import fields


def publish_round(session: Session, actor: Actor, *, label: str | None = None,
                  final: bool = False, note: str = "") -> Round:
    """Freeze the current texts as the next round ("concept N", or "definitief").

    A concept round with nothing changed since the previous one is refused:
    parties would import it for nothing. The final round adopts every section
    still proposed and locks the agreement. After a concept round, open
    amendments written on older texts are rebased onto the new ones; the
    outcome is on ``round.rebase_report``.
    """
    require_griffie(actor, tr("een conceptronde publiceren"))
    # Before anything is read: a clerk publishing at the same moment has
    # then either published already (and is seen below) or waits for us.
    queue_for_append(session)
    check_actor(session, actor)
    agreement = open_agreement(session)
    sections = session.scalars(
        sa.select(Section).join(Section.chapter).order_by(Chapter.position, Section.position)
    ).all()
    if not sections:
        raise DomainError(tr("Er zijn nog geen hoofdlijnen om te publiceren."))
    previous = latest_round(session)
    number = previous.number + 1 if previous else 1
    if final:
        for section in sections:
            if section.status == SectionStatus.PROPOSED:
                section.status = SectionStatus.ADOPTED
        agreement.status = AgreementStatus.ADOPTED
    elif previous is not None and unchanged_since(session, previous, sections):
        if previous.published_by != actor.name:
            raise DomainError(tr(
                "{who} heeft {round} op {date} om {time} gepubliceerd; sindsdien is er niets gewijzigd, "
                "dus een nieuwe ronde is niet nodig."
            ).format(who=previous.published_by, round=previous.label,
                     date=previous.published_at.astimezone().strftime("%d-%m-%Y"),
                     time=previous.published_at.astimezone().strftime("%H:%M")))
        raise DomainError(tr("Er is niets gewijzigd sinds {round}; een nieuwe ronde is niet nodig.").format(
            round=previous.label))
    label = fields.line("round.label", label) if label else (
        "Definitief" if final else f"Concept {number}"
    )
    # Logged before the round is made: the round carries its own publication
    # event as its anchor, and a round is never changed once written.
    round_id = new_id(session)
    event = log(session, actor, "publish_round", round=str(round_id), number=number, label=label,
                final=final, sections=len(sections))
    published = Round(id=round_id, agreement=agreement, number=number, label=label,
                      is_final=final, published_at=now(session), published_by=actor.name,
                      note=fields.text("round.note", note), audit_seq=event.seq, audit_hash=event.hash)
    session.add(published)
    remember_anchor(session, f"round:{published.id}", event.seq, event.hash, issued=True)
    for section in sections:
        session.add(RoundSection(
            round=published, section_id=section.id, revision_id=section.current_revision_id,
            chapter_position=section.chapter.position, section_position=section.position,
            chapter_title=section.chapter.title, title=section.title, status=section.status.value,
        ))
    session.flush()
    if not final:
        # Not persisted: what the griffie is told right after publishing.
        published.rebase_report = rebase_open_amendments(session, actor)
    return published
