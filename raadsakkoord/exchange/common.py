"""What both kinds of package share: records of packages, the import report, key checks."""

from __future__ import annotations

import json
import uuid
from collections import Counter
from dataclasses import dataclass, field

import sqlalchemy as sa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.orm import Session

from raadsakkoord.exchange import keys
from raadsakkoord.exchange.envelope import Package, PackageRefused, parse_moment
from raadsakkoord.base.errors import DomainError
from raadsakkoord.base.i18n import tr
from raadsakkoord.model import Agreement, PackageRecord, TrustedKey
from raadsakkoord.base.clock import now
from raadsakkoord.store.audit import remember_anchor, tip


@dataclass
class ImportReport:
    """What an import did, for the clerk or the party to read."""

    kind: str
    sender: str
    already_imported: bool = False
    counts: Counter = field(default_factory=Counter)  # e.g. ("amendments", "new") -> 3
    rebased: list[uuid.UUID] = field(default_factory=list)
    needs_rework: list[uuid.UUID] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # items not overwritten, and why (Dutch, as recorded)
    kept_shown: list[str] = field(default_factory=list)  # the same, in the user's language
    numbered: list[str] = field(default_factory=list)  # the numbers the griffie gave on this import: A7, A7.1

    def count(self, what: str, outcome: str) -> None:
        self.counts[(what, outcome)] += 1

    def keep(self, text: str, **values) -> None:
        """Note an item that was not overwritten: ``text`` is a ``mark()``-ed Dutch template."""
        self.kept.append(text.format(**values))
        self.kept_shown.append(tr(text).format(**values))

    def lines(self) -> list[str]:
        """The report in the user's language, a line per kind of item."""
        if self.already_imported:
            return [tr("Dit pakket van {sender} is al eerder ingelezen; er is niets gewijzigd.").format(
                sender=self.sender)]
        names = {"sections": tr("hoofdlijnen"), "revisions": tr("versies"), "rounds": tr("rondes"),
                 "parties": tr("fracties"), "amendments": tr("amendementen"), "endorsements": tr("standpunten"),
                 "tasks": tr("opdrachten"), "co_submissions": tr("antwoorden op verzoeken om mede-indienen")}
        outcomes = {"new": tr("{count} nieuw"), "updated": tr("{count} bijgewerkt"),
                    "unchanged": tr("{count} ongewijzigd")}
        lines = [tr("Pakket van {sender} ingelezen.").format(sender=self.sender)]
        for what, label in names.items():
            parts = [outcomes[o].format(count=self.counts[(what, o)]) for o in ("new", "updated", "unchanged")
                     if self.counts[(what, o)]]
            if parts:
                lines.append(f"  {label}: " + ", ".join(parts))
        if self.rebased:
            lines.append("  " + tr("{count} amendement(en) overgezet op de nieuwe tekst").format(
                count=len(self.rebased)))
        if self.needs_rework:
            lines.append("  " + tr("{count} amendement(en) botsen met de nieuwe tekst en moeten "
                                   "worden herzien (de tekst van de fractie is bewaard)").format(
                count=len(self.needs_rework)))
        if self.numbered:
            lines.append("  " + tr("Nummers gegeven: {labels}").format(labels=", ".join(self.numbered)))
        lines.extend(f"  {item}" for item in self.kept_shown)
        return lines

    def as_dict(self) -> dict:
        return {"kind": self.kind, "sender": self.sender, "already_imported": self.already_imported,
                "counts": {f"{w}.{o}": n for (w, o), n in sorted(self.counts.items())},
                "rebased": len(self.rebased), "needs_rework": len(self.needs_rework), "kept": self.kept,
                **({"numbered": self.numbered} if self.numbered else {})}


def signing_key(session: Session, identity: keys.Identity) -> tuple[Ed25519PrivateKey, TrustedKey]:
    """The private key on this computer and the workspace's record of it, refused if they do not belong together.

    A copy of a workspace can meet a key that another copy made on this
    computer: the key is there, but this copy never recorded it. Signing with
    it anyway would send packages that this workspace cannot account for, so
    the export is refused, saying what to do instead.
    """
    private = keys.load_private_key(identity)
    recorded = keys.trusted_key(session, identity.agreement_id, identity.holder)
    mine = keys.fingerprint(keys.raw_public(private.public_key()))
    if recorded is None:
        raise DomainError(tr(
            "Deze werkruimte kent de sleutel van {name} niet: die is op deze computer gemaakt in een andere "
            "kopie van de werkruimte (vingerafdruk {fingerprint}). Er is geen pakket gemaakt. Maak het pakket "
            "in die kopie, of leg hier eerst de openbare sleutel van {name} uit die kopie vast "
            "(het bestand {name}-openbare-sleutel.json bij het eerste pakket van die kopie, met ‘Openbare "
            "sleutel vastleggen…’; of met 'raadsakkoord keys export-public' in die kopie en "
            "'raadsakkoord keys register' hier)."
        ).format(name=identity.name, fingerprint=mine))
    if recorded.fingerprint != mine:
        raise DomainError(tr(
            "De sleutel van {name} op deze computer (vingerafdruk {mine}) is niet de sleutel die deze werkruimte "
            "kent (vingerafdruk {recorded}); de ontvanger zou het pakket weigeren. Er is geen pakket gemaakt. "
            "Maak het pakket op de computer met sleutel {recorded}, of laat de griffie de openbare sleutel "
            "{mine} vastleggen in plaats van de oude."
        ).format(name=identity.name, mine=mine, recorded=recorded.fingerprint))
    return private, recorded


def already_imported(session: Session, package: Package) -> PackageRecord | None:
    record = session.get(PackageRecord, package.package_id)
    if record is not None and record.sha256 != package.sha256:
        raise PackageRefused(tr("Er is al een ander pakket met hetzelfde kenmerk ingelezen; "
                                "dit pakket is niet ingelezen."))
    return record


def check_signature(session: Session, package: Package, source: str) -> str:
    """The sender's registered key must have signed exactly this content; returns the sender's name."""
    key = keys.trusted_key(session, package.agreement_id, package.sender)
    if key is None:
        who = tr("de griffie") if package.sender == keys.GRIFFIE else package.header["sender_name"]
        raise PackageRefused(tr(
            "{source} is ondertekend door {who}, maar die sleutel is in deze werkruimte niet geregistreerd; "
            "registreer eerst de openbare sleutel (en controleer de vingerafdruk telefonisch)."
        ).format(source=source, who=who))
    if not package.signature_valid(key.public_key):
        raise PackageRefused(tr("{source} heeft een ongeldige handtekening: het is gewijzigd of niet door "
                                "{name} ondertekend. Het is niet ingelezen.").format(source=source, name=key.name))
    return key.name


def check_agreement(session: Session, package: Package, source: str) -> Agreement | None:
    agreement = session.scalars(sa.select(Agreement).limit(1)).first()
    if agreement is not None and agreement.id != package.agreement_id:
        raise PackageRefused(tr("{source} hoort bij een ander raadsakkoord dan deze werkruimte; "
                                "het is niet ingelezen.").format(source=source))
    return agreement


def last_sequence(session: Session, sender: str, direction: str) -> int:
    return session.scalar(sa.select(sa.func.max(PackageRecord.sequence)).where(
        PackageRecord.sender == sender, PackageRecord.direction == direction)) or 0


def audit_head(session: Session) -> dict:
    """The header field that carries the sender's audit head, inside what is signed."""
    seq, digest = tip(session)
    return {"seq": seq, "hash": digest}


def record(session: Session, package: Package, direction: str, report: ImportReport | None = None) -> None:
    """Keep the package's record and, when it carries one, the anchor of the sender's audit log."""
    head = package.header.get("audit_head")
    if head is not None:
        outgoing = direction == "out"
        remember_anchor(session, f"package:{package.package_id}", head["seq"], head["hash"], issued=outgoing,
                        holder="" if outgoing else package.sender)
    session.add(PackageRecord(
        package_id=package.package_id, direction=direction, kind=package.kind, sender=package.sender,
        sequence=package.header["sequence"], base_round=package.header["base_round"],
        created_at=parse_moment(package.header["created_at"]), recorded_at=now(session), sha256=package.sha256,
        summary=json.dumps(report.as_dict(), ensure_ascii=False) if report else "",
    ))
