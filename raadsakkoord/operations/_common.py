"""What the operations share beyond the base: refusing changes to an adopted agreement, who may act, version checks."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from raadsakkoord.base.actor import Actor
from raadsakkoord.base.errors import ConcurrentEditError, DomainError, PermissionDenied
from raadsakkoord.base.i18n import tr
from raadsakkoord.model import Agreement, AgreementStatus, Party, fields
from raadsakkoord.queries.lookup import get, the_agreement


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
    if actor.reader:
        raise PermissionDenied(tr("U bent aangemeld als lezer: u kunt alles lezen, maar niets wijzigen."))
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
    if actor.reader:
        raise PermissionDenied(tr("U bent aangemeld als lezer: u kunt alles lezen, maar niets wijzigen."))
    fields.line("amendment.author", actor.name)
    if actor.party_id is not None:
        get(session, Party, actor.party_id, tr("fractie"))


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
