"""Setting up: the agreement and its parties."""

from __future__ import annotations

import re
import uuid

import sqlalchemy as sa
from sqlalchemy.orm import Session

from raadsakkoord.base.errors import DomainError, InputError
from raadsakkoord.base.i18n import tr
from raadsakkoord.importing.markdown import refuse_outline_headings
from raadsakkoord.model import Agreement, Member, Party
from raadsakkoord.base.actor import Actor
from raadsakkoord.operations._common import check_actor, check_version, open_agreement, require_griffie
from raadsakkoord.queries.lookup import get
from raadsakkoord.store.audit import log
from raadsakkoord.base.clock import new_id, now
from raadsakkoord.model import fields

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_COUNCIL_SEATS = 200  # the largest Dutch council has 45; this only catches typos


def _seats(value: int, what: str, maximum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(tr("{what} moet een geheel getal zijn.").format(what=what))
    if value < 0 or value > maximum:
        raise InputError(tr("{what} moet tussen 0 en {maximum} liggen (niet {value}).").format(
            what=what, maximum=maximum, value=value))
    return value


def _share(value: float) -> float:
    if not 0.5 < float(value) <= 1:
        raise InputError(tr("De grens voor brede steun moet groter zijn dan de helft en hoogstens alles."))
    return float(value)


def _email(value: str, what: str) -> str:
    value = fields.line("agreement.contact_email", value)
    if value and not _EMAIL.match(value):
        raise InputError(tr("{what} is geen geldig e-mailadres: {value}").format(what=what, value=value))
    return value


def create_agreement(session: Session, actor: Actor, *, title: str, municipality: str,
                     council_seats: int, term: str = "", preamble: str = "",
                     contact_name: str = "", contact_phone: str = "", contact_email: str = "",
                     broad_support_share: float = 2 / 3) -> Agreement:
    require_griffie(actor, tr("een raadsakkoord aanmaken"))
    check_actor(session, actor)
    if session.scalars(sa.select(Agreement.id).limit(1)).first() is not None:
        raise DomainError(tr("Deze werkruimte bevat al een raadsakkoord; maak een nieuwe werkruimte."))
    seats = _seats(council_seats, tr("Het aantal raadszetels"), 200)
    if seats == 0:
        raise InputError(tr("Het aantal raadszetels moet minstens 1 zijn."))
    agreement = Agreement(
        id=new_id(session),
        title=fields.line("agreement.title", title),
        municipality=fields.line("agreement.municipality", municipality),
        term=fields.line("agreement.term", term),
        council_seats=seats,
        preamble=refuse_outline_headings(fields.text("agreement.preamble", preamble), tr("Het voorwoord")),
        contact_name=fields.line("agreement.contact_name", contact_name),
        contact_phone=fields.line("agreement.contact_phone", contact_phone),
        contact_email=_email(contact_email, tr("Het e-mailadres van de contactpersoon")),
        broad_support_share=_share(broad_support_share),
        created_at=now(session),
    )
    session.add(agreement)
    session.flush()
    log(session, actor, "create_agreement", agreement=str(agreement.id), title=agreement.title,
        municipality=agreement.municipality, council_seats=seats)
    return agreement


def update_agreement(session: Session, actor: Actor, *, expected_version: int | None = None,
                     **changes) -> Agreement:
    """Change the agreement's details; only the fields given are touched."""
    require_griffie(actor, tr("de gegevens van het raadsakkoord wijzigen"))
    check_actor(session, actor)
    agreement = open_agreement(session)
    check_version(agreement, expected_version, tr("Het raadsakkoord"))
    cleaners = {
        "title": lambda v: fields.line("agreement.title", v),
        "municipality": lambda v: fields.line("agreement.municipality", v),
        "term": lambda v: fields.line("agreement.term", v),
        "preamble": lambda v: refuse_outline_headings(fields.text("agreement.preamble", v), tr("Het voorwoord")),
        "contact_name": lambda v: fields.line("agreement.contact_name", v),
        "contact_phone": lambda v: fields.line("agreement.contact_phone", v),
        "contact_email": lambda v: _email(v, tr("Het e-mailadres van de contactpersoon")),
        "broad_support_share": _share,
        "council_seats": lambda v: _seats(v, tr("Het aantal raadszetels"), MAX_COUNCIL_SEATS),
    }
    unknown = set(changes) - set(cleaners)
    if unknown:
        raise TypeError(f"unknown agreement fields: {sorted(unknown)}")
    cleaned = {key: cleaners[key](value) for key, value in changes.items()}
    if "council_seats" in cleaned:
        taken = sum(p.seats for p in agreement.parties)
        if cleaned["council_seats"] < max(taken, 1):
            raise DomainError(
                tr("De fracties hebben samen {seats} zetels; de raad kan niet kleiner zijn.").format(seats=taken)
            )
    for key, value in cleaned.items():
        setattr(agreement, key, value)
    log(session, actor, "update_agreement", **{k: v for k, v in cleaned.items() if k != "preamble"})
    return agreement


def _check_party_fields(session: Session, agreement: Agreement, party: Party | None, *,
                        short_name: str, seats: int) -> None:
    others = [p for p in agreement.parties if p is not party]
    clash = next((p for p in others if p.short_name.casefold() == short_name.casefold()), None)
    if clash is not None:
        raise DomainError(tr("Er is al een fractie met de korte naam {short_name} ({name}).").format(
            short_name=clash.short_name, name=clash.name))
    taken = sum(p.seats for p in others)
    if taken + seats > agreement.council_seats:
        raise DomainError(tr(
            "Met {seats} zetels voor {short_name} komen de fracties op {total} zetels; "
            "de raad van {municipality} heeft er {council_seats}."
        ).format(seats=seats, short_name=short_name, total=taken + seats,
                 municipality=agreement.municipality, council_seats=agreement.council_seats))


def add_party(session: Session, actor: Actor, *, name: str, short_name: str, seats: int,
              colour: str = "#777777", leader: str = "", contact: str = "") -> Party:
    require_griffie(actor, tr("fracties toevoegen"))
    check_actor(session, actor)
    agreement = open_agreement(session)
    name = fields.line("party.name", name)
    short_name = fields.line("party.short_name", short_name)
    seats = _seats(seats, tr("Het aantal zetels van {short_name}").format(short_name=short_name), MAX_COUNCIL_SEATS)
    if not _COLOUR.match(colour or ""):
        raise InputError(tr("De kleur moet de vorm #RRGGBB hebben (niet {colour}).").format(colour=repr(colour)))
    _check_party_fields(session, agreement, None, short_name=short_name, seats=seats)
    party = Party(
        id=new_id(session), agreement=agreement, name=name, short_name=short_name, seats=seats,
        colour=colour.upper(), leader=fields.line("party.leader", leader),
        contact=fields.line("party.contact", contact),
    )
    session.add(party)
    session.flush()
    log(session, actor, "add_party", party=str(party.id), short_name=short_name, seats=seats)
    return party


def update_party(session: Session, actor: Actor, party_id: uuid.UUID, *, name: str | None = None,
                 short_name: str | None = None, seats: int | None = None,
                 colour: str | None = None, leader: str | None = None,
                 contact: str | None = None, expected_version: int | None = None) -> Party:
    require_griffie(actor, tr("fracties wijzigen"))
    check_actor(session, actor)
    agreement = open_agreement(session)
    party = get(session, Party, party_id, tr("fractie"))
    check_version(party, expected_version, tr("Fractie {short_name}").format(short_name=party.short_name))
    new_short = fields.line("party.short_name", short_name) if short_name is not None else party.short_name
    new_seats = _seats(seats, tr("Het aantal zetels van {short_name}").format(short_name=new_short),
                       MAX_COUNCIL_SEATS) if seats is not None else party.seats
    if colour is not None and not _COLOUR.match(colour):
        raise InputError(tr("De kleur moet de vorm #RRGGBB hebben (niet {colour}).").format(colour=repr(colour)))
    _check_party_fields(session, agreement, party, short_name=new_short, seats=new_seats)
    if new_seats < len(party.members):
        raise InputError(tr("{short_name} heeft {count} raadsleden met naam; minder zetels dan dat kan niet. "
                            "Haal eerst namen weg.").format(short_name=new_short, count=len(party.members)))
    changes: dict[str, object] = {}
    if name is not None:
        changes["name"] = fields.line("party.name", name)
    if short_name is not None:
        changes["short_name"] = new_short
    if seats is not None:
        changes["seats"] = new_seats
    if colour is not None:
        changes["colour"] = colour.upper()
    if leader is not None:
        changes["leader"] = fields.line("party.leader", leader)
    if contact is not None:
        changes["contact"] = fields.line("party.contact", contact)
    for key, value in changes.items():
        setattr(party, key, value)
    log(session, actor, "update_party", party=str(party.id), **changes)
    return party


def set_members(session: Session, actor: Actor, party_id: uuid.UUID, names: list[str]) -> Party:
    """The names of a party's council members, its leader first; they replace the ones before.

    A party can have fewer names than seats (not all entered yet), never more:
    a name beyond the seats would count as a vote the party does not have.
    """
    require_griffie(actor, tr("raadsleden invoeren"))
    check_actor(session, actor)
    open_agreement(session)
    party = get(session, Party, party_id, tr("fractie"))
    cleaned = [fields.line("member.name", name) for name in names]
    seen: set[str] = set()
    for name in cleaned:
        if name.casefold() in seen:
            raise InputError(tr("{name} staat twee keer bij {short_name}.").format(
                name=name, short_name=party.short_name))
        seen.add(name.casefold())
    if len(cleaned) > party.seats:
        raise InputError(tr("{short_name} heeft {seats} zetels; er zijn {count} namen opgegeven.").format(
            short_name=party.short_name, seats=party.seats, count=len(cleaned)))
    party.members.clear()
    session.flush()  # the old names go first, or a kept name would collide with itself
    for position, name in enumerate(cleaned, start=1):
        party.members.append(Member(id=new_id(session), name=name, position=position))
    log(session, actor, "set_members", party=str(party.id), members=cleaned)
    return party
