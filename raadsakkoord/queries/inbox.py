"""The inbox: which packages came in, from whom and when, and which party sent nothing yet.

Read from the package records the import writes (``exchange.common.record``);
the summary is the import report stored with each record.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from raadsakkoord.base.i18n import mark, tr
from raadsakkoord.model import PackageRecord, Party

_WHAT = {"sections": mark("hoofdlijnen"), "revisions": mark("versies"), "rounds": mark("rondes"),
         "parties": mark("fracties"), "amendments": mark("amendementen"), "endorsements": mark("standpunten"),
         "tasks": mark("opdrachten")}
_OUTCOME = {"new": mark("{count} nieuw"), "updated": mark("{count} bijgewerkt"),
            "unchanged": mark("{count} ongewijzigd")}


@dataclass(frozen=True)
class ReceivedPackage:
    package_id: uuid.UUID
    kind: str  # "party" or "round"
    party_id: uuid.UUID | None  # None for the griffie's round packages
    sender: str  # the party's short name, or "de griffie"
    sequence: int  # the sender's own count of packages sent
    base_round: int | None
    created_at: dt.datetime  # when the sender made it
    recorded_at: dt.datetime  # when it was read in here
    summary: str


@dataclass(frozen=True)
class PartyInbox:
    party_id: uuid.UUID
    short_name: str
    name: str
    seats: int
    packages: int
    last: ReceivedPackage | None


@dataclass(frozen=True)
class Inbox:
    received: tuple[ReceivedPackage, ...]  # newest first
    parties: tuple[PartyInbox, ...]  # largest party first


def summary_text(stored: str) -> str:
    """The stored import report in one line of words."""
    try:
        report = json.loads(stored) if stored else {}
    except ValueError:
        return ""
    counts = report.get("counts") or {}
    parts = []
    for what, label in _WHAT.items():
        found = [tr(template).format(count=counts[f"{what}.{outcome}"])
                 for outcome, template in _OUTCOME.items() if counts.get(f"{what}.{outcome}")]
        if found:
            parts.append(f"{tr(label)}: {', '.join(found)}")
    if report.get("numbered"):
        parts.append(tr("nummers {labels}").format(labels=", ".join(report["numbered"])))
    if report.get("rebased"):
        parts.append(tr("{count} overgezet op de nieuwe tekst").format(count=report["rebased"]))
    if report.get("needs_rework"):
        parts.append(tr("{count} botsen met de nieuwe tekst").format(count=report["needs_rework"]))
    if report.get("kept"):
        parts.append(tr("{count} niet overschreven").format(count=len(report["kept"])))
    return "; ".join(parts) or tr("niets nieuws")


def _party_of(sender: str) -> uuid.UUID | None:
    if not sender.startswith("party:"):
        return None
    try:
        return uuid.UUID(sender.removeprefix("party:"))
    except ValueError:
        return None


def inbox(session: Session) -> Inbox:
    parties = {p.id: p for p in session.scalars(sa.select(Party))}
    received = []
    for record in session.scalars(sa.select(PackageRecord).where(PackageRecord.direction == "in")
                                  .order_by(PackageRecord.recorded_at.desc(), PackageRecord.sequence.desc())):
        party_id = _party_of(record.sender)
        party = parties.get(party_id)
        sender = party.short_name if party else tr("de griffie") if record.sender == "griffie" else record.sender
        received.append(ReceivedPackage(record.package_id, record.kind, party_id, sender, record.sequence,
                                        record.base_round, record.created_at, record.recorded_at,
                                        summary_text(record.summary)))
    overview = []
    for party in sorted(parties.values(), key=lambda p: (-p.seats, p.short_name.casefold())):
        own = [r for r in received if r.party_id == party.id]
        last = max(own, key=lambda r: r.sequence) if own else None
        overview.append(PartyInbox(party.id, party.short_name, party.name, party.seats, len(own), last))
    return Inbox(tuple(received), tuple(overview))
