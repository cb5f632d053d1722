"""Ed25519 identities: the griffie's and each party's key pair.

The private key is kept by ``keystore``: in the operating system's keychain,
or else encrypted with a passphrase in the user's data folder; never
unencrypted on disk, never in a workspace or a package. A
public key travels as a small JSON file; its fingerprint is short enough to
read aloud over the phone, which is how a clerk checks it came from the
party and not from someone pretending to be it.
"""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy.orm import Session

from raadsakkoord.base.errors import DomainError, InputError
from raadsakkoord.base.i18n import tr
from raadsakkoord.model import Agreement, Party, TrustedKey, fields
from raadsakkoord.base.actor import Actor
from raadsakkoord.store.audit import log
from raadsakkoord.base.clock import new_id, now
from raadsakkoord.queries.lookup import the_agreement
from raadsakkoord.base.text import decode_utf8
from raadsakkoord.exchange import keystore

GRIFFIE = "griffie"
PUBLIC_KEY_FORMAT = "raadsakkoord-public-key"
PUBLIC_KEY_VERSION = 1
MAX_KEY_FILE = 16 * 1024


def party_holder(party_id: uuid.UUID) -> str:
    return f"party:{party_id}"


def fingerprint(raw_public_key: bytes) -> str:
    """The first 16 bytes of the key's SHA-256, as eight groups of four hex digits."""
    digest = hashlib.sha256(raw_public_key).hexdigest()[:32].upper()
    return " ".join(digest[i:i + 4] for i in range(0, 32, 4))


def raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def public_key_from_b64(text: str) -> Ed25519PublicKey:
    try:
        raw = base64.b64decode(text, validate=True)
        return Ed25519PublicKey.from_public_bytes(raw)
    except (ValueError, TypeError):
        raise InputError(tr("De sleutel is beschadigd: geen geldige openbare sleutel.")) from None


def verify(public_key_b64: str, signature: bytes, message: bytes) -> bool:
    try:
        public_key_from_b64(public_key_b64).verify(signature, message)
        return True
    except InvalidSignature:
        return False


@dataclass(frozen=True)
class Identity:
    """Who a workspace acts as: the griffie, or one party."""

    agreement_id: uuid.UUID
    holder: str
    name: str

    @property
    def party_id(self) -> uuid.UUID | None:
        return uuid.UUID(self.holder.split(":", 1)[1]) if self.holder.startswith("party:") else None


def resolve_identity(session: Session, as_who: str) -> Identity:
    """``griffie`` or a party's short name (or id), within this workspace's agreement."""
    agreement = the_agreement(session)
    if as_who.strip().casefold() == GRIFFIE:
        return Identity(agreement.id, GRIFFIE, "Griffie")
    for party in session.scalars(sa.select(Party)):
        if as_who.strip().casefold() in (party.short_name.casefold(), str(party.id)):
            return Identity(agreement.id, party_holder(party.id), party.short_name)
    raise InputError(tr("Onbekende fractie: {name}. Kies 'griffie' of de korte naam van een fractie.").format(
        name=as_who))


def identity_for(session: Session, party_id: uuid.UUID | None) -> Identity:
    """The griffie's identity (``party_id`` None) or that of the party one works for."""
    agreement = the_agreement(session)
    if party_id is None:
        return Identity(agreement.id, GRIFFIE, "Griffie")
    party = session.get(Party, party_id)
    if party is None:
        raise DomainError(tr("De fractie waarvoor u werkt, bestaat niet (meer) in deze werkruimte; "
                             "kies opnieuw wie u bent."))
    return Identity(agreement.id, party_holder(party.id), party.short_name)


def has_private_key(identity: Identity) -> bool:
    """Whether this computer keeps the identity's private key (it may still need a passphrase)."""
    return keystore.place(identity) is not None


def load_private_key(identity: Identity, notice: Callable[[str], None] | None = None) -> Ed25519PrivateKey:
    """The private key to sign with; ``notice`` hears when an unencrypted one from an earlier version was moved."""
    return keystore.load(identity, notice)


def init_key(session: Session, actor: Actor, identity: Identity) -> TrustedKey:
    """Create the identity's key pair; the workspace trusts its own public key.

    Refuses when a private key already exists: replacing it silently would
    make every party reject the packages signed with the new one.
    """
    if has_private_key(identity):
        raise DomainError(tr("Er bestaat al een sleutel voor {name} ({where}); er is niets gewijzigd.").format(
            name=identity.name, where=keystore.location_text(identity)))
    existing = _trusted(session, identity.agreement_id, identity.holder)
    if existing is not None:
        raise DomainError(tr(
            "Deze werkruimte kent al een sleutel voor {name} (vingerafdruk {fingerprint}), "
            "maar de geheime sleutel staat niet op deze computer. Is die verloren, maak dan een nieuwe met "
            "--replace en laat de griffie de nieuwe openbare sleutel vastleggen."
        ).format(name=identity.name, fingerprint=existing.fingerprint))
    # The passphrase, if one is needed, is asked for before the workspace is written to.
    sealer = keystore.sealer_for(identity)
    private = Ed25519PrivateKey.generate()
    public_raw = raw_public(private.public_key())
    trusted = TrustedKey(id=new_id(session), agreement_id=identity.agreement_id, holder=identity.holder,
                         name=identity.name, public_key=b64(public_raw), fingerprint=fingerprint(public_raw),
                         own=True, registered_at=now(session))
    session.add(trusted)
    session.flush()
    # Stored last; if the transaction fails after this, the next attempt
    # reports the orphan key instead of losing it.
    sealer.seal(private)
    log(session, actor, "init_key", holder=identity.holder, fingerprint=trusted.fingerprint)
    return trusted


def replace_key(session: Session, actor: Actor, identity: Identity) -> TrustedKey:
    """A new key pair for a lost passphrase or a key that may have been copied.

    The workspace trusts the new public key from now on; the griffie (or the
    parties, for the griffie's key) must register it with ``replace`` after
    checking its fingerprint by phone, or they refuse the next package.
    """
    existing = _trusted(session, identity.agreement_id, identity.holder)
    if existing is not None and not existing.own:
        raise DomainError(tr("Deze werkruimte kent de sleutel van {name} als die van een ander; een nieuwe "
                             "eigen sleutel maakt u in de werkruimte van {name} zelf.").format(name=identity.name))
    # The new passphrase first: a refusal here leaves the old key as it was.
    sealer = keystore.sealer_for(identity)
    private = Ed25519PrivateKey.generate()
    public_raw = raw_public(private.public_key())
    if existing is None:
        existing = TrustedKey(id=new_id(session), agreement_id=identity.agreement_id, holder=identity.holder,
                              name=identity.name, own=True, registered_at=now(session))
        session.add(existing)
    previous = existing.fingerprint
    existing.public_key, existing.fingerprint = b64(public_raw), fingerprint(public_raw)
    existing.registered_at = now(session)
    session.flush()
    keystore.remove(identity)
    sealer.seal(private)
    log(session, actor, "init_key", holder=identity.holder, fingerprint=existing.fingerprint, replaces=previous)
    return existing


def _trusted(session: Session, agreement_id: uuid.UUID, holder: str) -> TrustedKey | None:
    return session.scalars(sa.select(TrustedKey).where(
        TrustedKey.agreement_id == agreement_id, TrustedKey.holder == holder)).first()


def trusted_key(session: Session, agreement_id: uuid.UUID, holder: str) -> TrustedKey | None:
    return _trusted(session, agreement_id, holder)


def public_key_document(key: TrustedKey) -> dict:
    return {
        "format": PUBLIC_KEY_FORMAT,
        "version": PUBLIC_KEY_VERSION,
        "agreement": str(key.agreement_id),
        "holder": key.holder,
        "name": key.name,
        "public_key": key.public_key,
        "fingerprint": key.fingerprint,
    }


def export_public_key(session: Session, identity: Identity) -> bytes:
    key = _trusted(session, identity.agreement_id, identity.holder)
    if key is None or not key.own:
        raise DomainError(tr("Deze werkruimte heeft geen eigen sleutel voor {name}; maak die met 'keys init'.").format(
            name=identity.name))
    return (json.dumps(public_key_document(key), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def read_public_key_file(data: bytes, source: str) -> dict:
    if len(data) > MAX_KEY_FILE:
        raise InputError(tr("{source} is te groot voor een sleutelbestand.").format(source=source))
    try:
        document = json.loads(decode_utf8(data, source))
    except json.JSONDecodeError:
        raise InputError(tr("{source} is geen sleutelbestand van Raadsakkoord.").format(source=source)) from None
    if not isinstance(document, dict) or document.get("format") != PUBLIC_KEY_FORMAT:
        raise InputError(tr("{source} is geen sleutelbestand van Raadsakkoord.").format(source=source))
    if document.get("version") != PUBLIC_KEY_VERSION:
        raise InputError(tr("{source} heeft een nieuwere opmaak; werk Raadsakkoord bij.").format(source=source))
    try:
        agreement_id = uuid.UUID(str(document["agreement"]))
        holder, name, public = str(document["holder"]), str(document["name"]), str(document["public_key"])
    except (KeyError, ValueError):
        raise InputError(tr("{source} is onvolledig of beschadigd.").format(source=source)) from None
    if holder != GRIFFIE:
        try:
            uuid.UUID(holder.removeprefix("party:")) if holder.startswith("party:") else None
        except ValueError:
            holder = ""
        if not holder.startswith("party:"):
            raise InputError(tr("{source} is onvolledig of beschadigd.").format(source=source))
    raw = raw_public(public_key_from_b64(public))
    try:  # the name is shown as the sender of every package: the rules of a typed name hold for it
        name = fields.line("trusted_key.name", name)
    except InputError as error:
        raise InputError(tr("{source}: {reason}").format(source=source, reason=error.message)) from None
    return {"agreement": agreement_id, "holder": holder, "name": name, "public_key": public,
            "fingerprint": fingerprint(raw)}


def register_public_key(session: Session, actor: Actor, data: bytes, source: str, *,
                        replace: bool = False) -> TrustedKey:
    """Trust another holder's public key from its file; the fingerprint is for checking by phone.

    A party's workspace may do this before it holds the agreement (the
    griffie's key comes first); once it does, the key must belong to it.
    ``replace`` trusts a holder's new key instead of the one registered
    before (the holder lost its passphrase and made a new key).
    """
    document = read_public_key_file(data, source)
    agreement = session.scalars(sa.select(Agreement).limit(1)).first()
    if agreement is not None and agreement.id != document["agreement"]:
        raise DomainError(tr("{source} hoort bij een ander raadsakkoord dan deze werkruimte.").format(source=source))
    if document["holder"].startswith("party:") and agreement is not None:
        party_id = uuid.UUID(document["holder"].split(":", 1)[1])
        if session.get(Party, party_id) is None:
            raise DomainError(tr("{source} is van een fractie die deze werkruimte niet kent.").format(source=source))
    existing = _trusted(session, document["agreement"], document["holder"])
    if existing is not None:
        if existing.public_key == document["public_key"]:
            return existing
        if not replace or existing.own:
            raise DomainError(tr(
                "Voor {name} is al een andere sleutel vastgelegd (vingerafdruk {fingerprint}); "
                "er is niets gewijzigd."
            ).format(name=existing.name, fingerprint=existing.fingerprint))
        previous = existing.fingerprint
        existing.public_key, existing.fingerprint = document["public_key"], document["fingerprint"]
        existing.registered_at = now(session)
        session.flush()
        log(session, actor, "register_key", holder=existing.holder, fingerprint=existing.fingerprint,
            replaces=previous)
        return existing
    key = TrustedKey(id=new_id(session), agreement_id=document["agreement"], holder=document["holder"],
                     name=document["name"], public_key=document["public_key"],
                     fingerprint=document["fingerprint"], own=False, registered_at=now(session))
    session.add(key)
    session.flush()
    log(session, actor, "register_key", holder=key.holder, fingerprint=key.fingerprint)
    return key
