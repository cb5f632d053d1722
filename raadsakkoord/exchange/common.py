"""What both kinds of package share: records of packages, the import report, key checks."""

from __future__ import annotations

import json
import uuid
from collections import Counter
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session

from raadsakkoord.exchange import keys
from raadsakkoord.exchange.envelope import Package, PackageRefused, parse_moment
from raadsakkoord.model import Agreement, PackageRecord
from raadsakkoord.operations._common import now


@dataclass
class ImportReport:
    """What an import did, for the clerk or the party to read."""

    kind: str
    sender: str
    already_imported: bool = False
    counts: Counter = field(default_factory=Counter)  # e.g. ("amendments", "new") -> 3
    rebased: list[uuid.UUID] = field(default_factory=list)
    needs_rework: list[uuid.UUID] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # items not overwritten, and why

    def count(self, what: str, outcome: str) -> None:
        self.counts[(what, outcome)] += 1

    def lines(self) -> list[str]:
        """The report in Dutch, a line per kind of item."""
        if self.already_imported:
            return [f"Dit pakket van {self.sender} is al eerder ingelezen; er is niets gewijzigd."]
        names = {"sections": "hoofdlijnen", "revisions": "versies", "rounds": "rondes", "parties": "fracties",
                 "amendments": "amendementen", "endorsements": "standpunten", "tasks": "opdrachten"}
        outcome_nl = {"new": "nieuw", "updated": "bijgewerkt", "unchanged": "ongewijzigd"}
        lines = [f"Pakket van {self.sender} ingelezen."]
        for what, label in names.items():
            parts = [f"{self.counts[(what, o)]} {outcome_nl[o]}" for o in ("new", "updated", "unchanged")
                     if self.counts[(what, o)]]
            if parts:
                lines.append(f"  {label}: " + ", ".join(parts))
        if self.rebased:
            lines.append(f"  {len(self.rebased)} amendement(en) overgezet op de nieuwe tekst")
        if self.needs_rework:
            lines.append(f"  {len(self.needs_rework)} amendement(en) botsen met de nieuwe tekst en moeten "
                         "worden herzien (de tekst van de fractie is bewaard)")
        lines.extend(f"  {item}" for item in self.kept)
        return lines

    def as_dict(self) -> dict:
        return {"kind": self.kind, "sender": self.sender, "already_imported": self.already_imported,
                "counts": {f"{w}.{o}": n for (w, o), n in sorted(self.counts.items())},
                "rebased": len(self.rebased), "needs_rework": len(self.needs_rework), "kept": self.kept}


def already_imported(session: Session, package: Package) -> PackageRecord | None:
    record = session.get(PackageRecord, package.package_id)
    if record is not None and record.sha256 != package.sha256:
        raise PackageRefused("Er is al een ander pakket met hetzelfde kenmerk ingelezen; dit pakket is niet ingelezen.")
    return record


def check_signature(session: Session, package: Package, source: str) -> str:
    """The sender's registered key must have signed exactly this content; returns the sender's name."""
    key = keys.trusted_key(session, package.agreement_id, package.sender)
    if key is None:
        who = "de griffie" if package.sender == keys.GRIFFIE else package.header["sender_name"]
        raise PackageRefused(
            f"{source} is ondertekend door {who}, maar die sleutel is in deze werkruimte niet geregistreerd; "
            "registreer eerst de openbare sleutel (en controleer de vingerafdruk telefonisch)."
        )
    if not package.signature_valid(key.public_key):
        raise PackageRefused(f"{source} heeft een ongeldige handtekening: het is gewijzigd of niet door "
                             f"{key.name} ondertekend. Het is niet ingelezen.")
    return key.name


def check_agreement(session: Session, package: Package, source: str) -> Agreement | None:
    agreement = session.scalars(sa.select(Agreement).limit(1)).first()
    if agreement is not None and agreement.id != package.agreement_id:
        raise PackageRefused(f"{source} hoort bij een ander raadsakkoord dan deze werkruimte; het is niet ingelezen.")
    return agreement


def last_sequence(session: Session, sender: str, direction: str) -> int:
    return session.scalar(sa.select(sa.func.max(PackageRecord.sequence)).where(
        PackageRecord.sender == sender, PackageRecord.direction == direction)) or 0


def record(session: Session, package: Package, direction: str, report: ImportReport | None = None) -> None:
    session.add(PackageRecord(
        package_id=package.package_id, direction=direction, kind=package.kind, sender=package.sender,
        sequence=package.header["sequence"], base_round=package.header["base_round"],
        created_at=parse_moment(package.header["created_at"]), recorded_at=now(session), sha256=package.sha256,
        summary=json.dumps(report.as_dict(), ensure_ascii=False) if report else "",
    ))
