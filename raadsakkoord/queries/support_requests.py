"""Which sections the griffie asked the parties again to support, and which of those a party has not answered."""

from __future__ import annotations

import json
import uuid

import sqlalchemy as sa
from sqlalchemy.orm import Session

from raadsakkoord.model import AuditEvent, Endorsement, Section

ASK_SUPPORT_AGAIN = "ask_support_again"


def asked_revisions(session: Session) -> dict[uuid.UUID, uuid.UUID]:
    """Per section, the text the griffie last asked support for (an audit event each, oldest first)."""
    asked: dict[uuid.UUID, uuid.UUID] = {}
    for payload in session.scalars(sa.select(AuditEvent.payload).where(AuditEvent.action == ASK_SUPPORT_AGAIN)
                                   .order_by(AuditEvent.seq)):
        data = json.loads(payload)
        asked[uuid.UUID(data["section"])] = uuid.UUID(data["revision"])
    return asked


def support_asked_of(session: Session, party_id: uuid.UUID) -> set[uuid.UUID]:
    """The sections whose current text the griffie asked support for and this party has no position on yet."""
    asked = asked_revisions(session)
    if not asked:
        return set()
    current = {row.id: row.current_revision_id for row in session.execute(
        sa.select(Section.id, Section.current_revision_id).where(Section.id.in_(asked)))}
    answered = {(row.section_id, row.revision_id) for row in session.execute(
        sa.select(Endorsement.section_id, Endorsement.revision_id)
        .where(Endorsement.party_id == party_id, Endorsement.section_id.in_(asked)))}
    return {section_id for section_id, revision_id in asked.items()
            if current.get(section_id) == revision_id and (section_id, revision_id) not in answered}
