"""What every operation shares: who acts, the clock, ids, lookups and the audit entry."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session

from raadsakkoord import audit
from raadsakkoord.errors import ConcurrentEditError, DomainError, NotFound, PermissionDenied
from raadsakkoord.i18n import tr
from raadsakkoord.model import Agreement, AgreementStatus, Party
from raadsakkoord.text import single_line

T = TypeVar("T")


@dataclass(frozen=True)
class Actor:
    """Who performs an action: a named person of the griffie, or of a party."""

    name: str
    party_id: uuid.UUID | None = None

    @classmethod
    def griffie(cls, name: str = "Griffie") -> Actor:
        return cls(name=name)

    @classmethod
    def of_party(cls, party_id: uuid.UUID, name: str) -> Actor:
        return cls(name=name, party_id=party_id)

    @property
    def is_griffie(self) -> bool:
        return self.party_id is None


def now(session: Session) -> dt.datetime:
    """The current time; the demo and tests set ``session.info['clock']`` for fixed dates."""
    clock = session.info.get("clock")
    return clock() if clock else dt.datetime.now(dt.timezone.utc)


def new_id(session: Session) -> uuid.UUID:
    factory = session.info.get("new_id")
    return factory() if factory else uuid.uuid4()


def get(session: Session, cls: type[T], ident: uuid.UUID | str, what: str) -> T:
    """Load by id, or raise NotFound naming the thing (``what``, in the user's language: ``tr("fractie")``)."""
    try:
        key = ident if isinstance(ident, uuid.UUID) else uuid.UUID(str(ident))
    except ValueError:
        raise NotFound(tr("Onbekende {what}: {ident}").format(what=what, ident=ident)) from None
    obj = session.get(cls, key)
    if obj is None:
        raise NotFound(tr("Onbekende {what}: {ident}").format(what=what, ident=ident))
    _pin(session, obj)
    return obj


def _pin(session: Session, obj) -> None:
    # The identity map holds objects weakly, so a batch of actions in one
    # session would load the same party or agreement again every time. One
    # session is one user action: holding them for its lifetime is cheap.
    session.info.setdefault("pinned", set()).add(obj)


def the_agreement(session: Session) -> Agreement:
    agreement_id = session.info.get("agreement_id")
    agreement = session.get(Agreement, agreement_id) if agreement_id else None
    if agreement is None:
        agreement = session.scalars(sa.select(Agreement).limit(1)).first()
        if agreement is None:
            raise DomainError(tr("Deze werkruimte bevat nog geen raadsakkoord."))
        session.info["agreement_id"] = agreement.id
        _pin(session, agreement)
    return agreement


def open_agreement(session: Session) -> Agreement:
    """The agreement, refusing changes once the final round has adopted it."""
    agreement = the_agreement(session)
    if agreement.status == AgreementStatus.ADOPTED:
        raise DomainError(
            tr("Het raadsakkoord is definitief vastgesteld; de tekst kan niet meer worden gewijzigd.")
        )
    return agreement


def acting_party(session: Session, actor: Actor, party_id: uuid.UUID | None) -> Party:
    """The party on whose behalf the actor acts.

    A party member acts for their own party only; the griffie may record a
    party's position (for instance from a meeting) by naming the party.
    """
    if actor.party_id is not None:
        if party_id is not None and party_id != actor.party_id:
            raise PermissionDenied(tr("U kunt alleen namens uw eigen fractie handelen."))
        party_id = actor.party_id
    if party_id is None:
        raise DomainError(tr("Kies de fractie namens wie dit gebeurt."))
    return get(session, Party, party_id, tr("fractie"))


def require_griffie(actor: Actor, action: str) -> None:
    """Refuse a party member; ``action`` says what only the griffie may do, in the user's language."""
    if not actor.is_griffie:
        raise PermissionDenied(tr("Alleen de griffie kan {action}.").format(action=action))


def check_actor(session: Session, actor: Actor) -> None:
    single_line(actor.name, tr("De naam van wie dit doet"), max_length=120)
    if actor.party_id is not None:
        get(session, Party, actor.party_id, tr("fractie"))


def log(session: Session, actor: Actor, action: str, **payload) -> None:
    audit.record(session, at=now(session), actor=actor.name, party_id=actor.party_id,
                 action=action, payload=payload)


def check_version(obj, expected_version: int | None, what: str) -> None:
    """Refuse an edit made on a copy that someone else has changed since.

    The UI passes the version it showed the user; the database's version
    counter catches the rest (two transactions at the same moment). ``what``
    names the record in the user's language.
    """
    if expected_version is not None and obj.version != expected_version:
        raise ConcurrentEditError(tr(
            "{what} is intussen door iemand anders gewijzigd. Er is niets overschreven; "
            "bekijk de nieuwe gegevens en probeer het opnieuw."
        ).format(what=what))
