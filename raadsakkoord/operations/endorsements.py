"""A party's position (steun) on sections and amendments."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from raadsakkoord.base.errors import DomainError
from raadsakkoord.base.i18n import tr
from raadsakkoord.model import Amendment, Endorsement, Position, Revision, Section
from raadsakkoord.base.actor import Actor
from raadsakkoord.operations._common import acting_party, check_actor, open_agreement
from raadsakkoord.queries.lookup import get
from raadsakkoord.store.audit import log
from raadsakkoord.base.clock import new_id, now
from raadsakkoord.base.text import sha256_hex
from raadsakkoord.model import fields

def _upsert(session: Session, actor: Actor, *, party_id: uuid.UUID, position: Position,
            minority_position: str, where, **target) -> Endorsement:
    endorsement = session.scalars(sa.select(Endorsement).where(Endorsement.party_id == party_id, where)).first()
    if endorsement is None:
        endorsement = Endorsement(id=new_id(session), party_id=party_id, **target)
        session.add(endorsement)
    else:
        for key, value in target.items():
            setattr(endorsement, key, value)
    endorsement.position = position
    endorsement.minority_position = minority_position
    endorsement.author = actor.name
    endorsement.given_at = now(session)
    return endorsement


def endorse_section(session: Session, actor: Actor, section_id: uuid.UUID, position: Position, *,
                    minority_position: str = "", party_id: uuid.UUID | None = None) -> Endorsement:
    """The party's position on the section's current text; replaces its earlier one."""
    check_actor(session, actor)
    open_agreement(session)
    party = acting_party(session, actor, party_id)
    section = get(session, Section, section_id, tr("hoofdlijn"))
    if section.current_revision_id is None:
        raise DomainError(tr("Hoofdlijn {number} heeft nog geen tekst om te steunen.").format(number=section.number))
    position = Position(position)
    endorsement = _upsert(session, actor, party_id=party.id, position=position,
                          minority_position=fields.text("endorsement.minority_position", minority_position),
                          where=Endorsement.section_id == section.id,
                          section_id=section.id, revision_id=section.current_revision_id)
    session.flush()
    log(session, actor, "endorse_section", party=str(party.id), section=str(section.id),
        revision=str(section.current_revision_id), position=position.value,
        minority_position=bool(endorsement.minority_position),
        minority_sha256=sha256_hex(endorsement.minority_position))
    return endorsement


def endorse_amendment(session: Session, actor: Actor, amendment_id: uuid.UUID, position: Position, *,
                      minority_position: str = "", party_id: uuid.UUID | None = None) -> Endorsement:
    check_actor(session, actor)
    open_agreement(session)
    party = acting_party(session, actor, party_id)
    amendment = get(session, Amendment, amendment_id, tr("amendement"))
    if not amendment.status.is_open:
        raise DomainError(tr("Over dit amendement is al beslist; steun geven kan niet meer."))
    position = Position(position)
    endorsement = _upsert(session, actor, party_id=party.id, position=position,
                          minority_position=fields.text("endorsement.minority_position", minority_position),
                          where=Endorsement.amendment_id == amendment.id, amendment_id=amendment.id)
    session.flush()
    log(session, actor, "endorse_amendment", party=str(party.id), amendment=str(amendment.id),
        position=position.value, minority_position=bool(endorsement.minority_position),
        minority_sha256=sha256_hex(endorsement.minority_position))
    return endorsement


def confirm_endorsements(session: Session, actor: Actor, *, party_id: uuid.UUID | None = None,
                         section_ids: Iterable[uuid.UUID] | None = None) -> int:
    """Carry the party's stale positions over to the current texts, in one action.

    Returns how many positions were confirmed.
    """
    check_actor(session, actor)
    open_agreement(session)
    party = acting_party(session, actor, party_id)
    query = (
        sa.select(Endorsement, Section)
        .join(Section, Endorsement.section_id == Section.id)
        .where(Endorsement.party_id == party.id, Endorsement.revision_id != Section.current_revision_id)
    )
    if section_ids is not None:
        query = query.where(Section.id.in_(list(section_ids)))
    confirmed = []
    for endorsement, section in session.execute(query):
        endorsement.revision_id = section.current_revision_id
        endorsement.author = actor.name
        endorsement.given_at = now(session)
        confirmed.append(str(section.id))
    if confirmed:
        log(session, actor, "confirm_endorsements", party=str(party.id), sections=confirmed)
    return len(confirmed)


@dataclass(frozen=True)
class EndorsementSnapshot:
    """A party's position on one target as it stood, so an undo can put it back exactly.

    ``position`` None means the party had no position; ``revision_id`` keeps a
    stale position stale (restoring it must not silently confirm it).
    """

    party_id: uuid.UUID
    section_id: uuid.UUID | None
    amendment_id: uuid.UUID | None
    position: Position | None
    minority_position: str
    revision_id: uuid.UUID | None


def _target(section_id: uuid.UUID | None, amendment_id: uuid.UUID | None):
    if (section_id is None) == (amendment_id is None):
        raise DomainError(tr("Kies een hoofdlijn of een amendement."))
    return Endorsement.section_id == section_id if section_id else Endorsement.amendment_id == amendment_id


def endorsement_snapshot(session: Session, party_id: uuid.UUID, *, section_id: uuid.UUID | None = None,
                         amendment_id: uuid.UUID | None = None) -> EndorsementSnapshot:
    found = session.scalars(
        sa.select(Endorsement).where(Endorsement.party_id == party_id, _target(section_id, amendment_id))
    ).first()
    if found is None:
        return EndorsementSnapshot(party_id, section_id, amendment_id, None, "", None)
    return EndorsementSnapshot(party_id, section_id, amendment_id, found.position, found.minority_position,
                               found.revision_id)


def restore_endorsement(session: Session, actor: Actor, snapshot: EndorsementSnapshot) -> None:
    """Put a party's position back as it was (the undo of a position or a confirmation)."""
    check_actor(session, actor)
    open_agreement(session)
    party = acting_party(session, actor, snapshot.party_id)
    where = _target(snapshot.section_id, snapshot.amendment_id)
    existing = session.scalars(sa.select(Endorsement).where(Endorsement.party_id == party.id, where)).first()
    if snapshot.position is None:
        if existing is not None:
            session.delete(existing)
    else:
        if snapshot.section_id is not None:
            revision = get(session, Revision, snapshot.revision_id, tr("versie"))
            if revision.section_id != snapshot.section_id:
                raise DomainError(tr("Deze versie hoort niet bij deze hoofdlijn."))
            target = {"section_id": snapshot.section_id, "revision_id": revision.id}
        else:
            amendment = get(session, Amendment, snapshot.amendment_id, tr("amendement"))
            if not amendment.status.is_open:
                raise DomainError(tr("Over dit amendement is al beslist; steun geven kan niet meer."))
            target = {"amendment_id": amendment.id}
        _upsert(session, actor, party_id=party.id, position=Position(snapshot.position),
                minority_position=snapshot.minority_position, where=where, **target)
    session.flush()
    log(session, actor, "restore_endorsement", party=str(party.id),
        section=str(snapshot.section_id) if snapshot.section_id else None,
        amendment=str(snapshot.amendment_id) if snapshot.amendment_id else None,
        position=snapshot.position.value if snapshot.position else None,
        minority_sha256=sha256_hex(snapshot.minority_position) if snapshot.position else None)
