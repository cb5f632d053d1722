"""Who one can work as in a workspace: the griffie or one of its parties, and whom its own signing key is for."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from raadsakkoord.base.errors import InputError
from raadsakkoord.base.i18n import tr
from raadsakkoord.model import Agreement, Party, TrustedKey

GRIFFIE = "griffie"


@dataclass(frozen=True)
class Role:
    """One role to work in: the griffie (``party_id`` None) or a party."""

    party_id: uuid.UUID | None
    short_name: str
    name: str
    seats: int

    @property
    def key(self) -> str:
        """"griffie" or the party's id: how the choice is remembered."""
        return GRIFFIE if self.party_id is None else str(self.party_id)


def roles(session: Session) -> list[Role]:
    """The griffie first, then the parties, largest first."""
    parties = session.scalars(sa.select(Party).order_by(Party.seats.desc(), Party.short_name)).all()
    return [Role(None, GRIFFIE, "", 0), *(Role(p.id, p.short_name, p.name, p.seats) for p in parties)]


def signing_role_key(session: Session) -> str | None:
    """The key of the role this workspace signs packages as, if it has a key of its own."""
    agreement = session.scalars(sa.select(Agreement.id).limit(1)).first()
    if agreement is None:
        return None
    own = session.scalars(sa.select(TrustedKey.holder).where(TrustedKey.own.is_(True))
                          .where(TrustedKey.agreement_id == agreement)).first()
    if own == GRIFFIE:
        return GRIFFIE
    if own and own.startswith("party:"):
        return own.split(":", 1)[1]
    return None


def party_named(session: Session, name: str) -> Party:
    """The party with this short name (any case) or id; InputError listing the parties otherwise."""
    parties = session.scalars(sa.select(Party).order_by(Party.seats.desc(), Party.short_name)).all()
    wanted = name.strip().casefold()
    for party in parties:
        if wanted in (party.short_name.casefold(), str(party.id)):
            return party
    raise InputError(tr("Onbekende fractie: {name}. Kies de korte naam van een fractie: {known}.").format(
        name=name, known=", ".join(p.short_name for p in parties) or "—"))


def numbers_amendments(session: Session) -> bool:
    """Whether amendments get their numbers here: in the griffie's workspace, not in a party's own copy.

    A party working offline cannot know which numbers the griffie gave in the
    meantime; its amendments are numbered when the griffie reads its package,
    and the round package brings those numbers back.
    """
    role = signing_role_key(session)
    return role is None or role == GRIFFIE
