"""Which sections another window's change touched, and a section's text as it is now.

A window that hears a ``Change`` (raadsakkoord.store.changefeed) redraws only
the views these name: an amendment or a position counts for its section.
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from sqlalchemy.orm import Session

from raadsakkoord.base.i18n import tr
from raadsakkoord.model import Amendment, Revision, Section
from raadsakkoord.queries.drafting import RevisionEntry
from raadsakkoord.queries.lookup import get
from raadsakkoord.store.audit import tip
from raadsakkoord.store.changefeed import Change


def sections_touched(session: Session, change: Change) -> frozenset[uuid.UUID] | None:
    """The sections whose text, amendments or positions changed; None when it may be any of them."""
    if change.everything or change.chapters:
        return None
    touched = set(change.sections)
    if change.amendments:
        rows = session.execute(sa.select(Amendment.section_id).where(Amendment.id.in_(change.amendments))).all()
        if len(rows) < len(change.amendments) or any(section_id is None for (section_id,) in rows):
            return None  # a proposed new section (in a chapter), or an amendment this workspace does not have
        touched.update(section_id for (section_id,) in rows)
    return frozenset(touched)


def current_revision(session: Session, section_id: uuid.UUID) -> RevisionEntry:
    """The section's text now, with who wrote it and when."""
    section = get(session, Section, section_id, tr("hoofdlijn"))
    revision = session.get(Revision, section.current_revision_id)
    return RevisionEntry(revision.id, revision.number, revision.author,
                         revision.party.short_name if revision.party else "", revision.reason,
                         revision.created_at, revision.text)


def latest_change(session: Session) -> int:
    """The number of the newest audit event: a window that loads its views now has seen up to here."""
    return tip(session)[0]
