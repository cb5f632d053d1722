"""The griffie asks the parties again for their support of a section whose text changed.

Accepting an amendment gives the section a new text, and every party's
position on the old one stops counting. The request is an audit event naming
the section and the text it is about: no table of its own, and it travels
with the log (on a shared database) and in the next round package (offline).
A party has answered it once its position is on that text again.
"""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from raadsakkoord.base.actor import Actor
from raadsakkoord.base.errors import InputError
from raadsakkoord.base.i18n import tr
from raadsakkoord.model import Section
from raadsakkoord.operations._common import check_actor, open_agreement, require_griffie
from raadsakkoord.queries.lookup import get
from raadsakkoord.queries.support_requests import ASK_SUPPORT_AGAIN
from raadsakkoord.store.audit import log


def ask_support_again(session: Session, actor: Actor, section_id: uuid.UUID) -> None:
    """Record that the griffie asks every party again for its position on the section's current text."""
    check_actor(session, actor)
    require_griffie(actor, tr("de fracties opnieuw om steun vragen"))
    open_agreement(session)
    section = get(session, Section, section_id, tr("hoofdlijn"))
    if section.current_revision_id is None:
        raise InputError(tr("Hoofdlijn „{title}” heeft nog geen tekst om steun voor te vragen.").format(
            title=section.title))
    log(session, actor, ASK_SUPPORT_AGAIN, section=str(section.id), revision=str(section.current_revision_id))
