"""What a package file holds and whether this workspace would take it, before it is read in.

A clerk who double-clicks a package that arrived by e-mail first sees who
sent it, which round it builds on, and whether its signature is that of a
key this workspace trusts; only then does she choose to read it in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from raadsakkoord.base.errors import UserError
from raadsakkoord.base.i18n import tr
from raadsakkoord.exchange.common import (
    already_imported,
    check_agreement,
    check_signature,
)
from raadsakkoord.exchange.envelope import parse_moment, read_package


@dataclass(frozen=True)
class PackagePreview:
    source: str
    kind: str           # "round" or "party"
    sender_name: str
    sequence: int
    base_round: int
    created_at: dt.datetime
    fingerprint: str    # of the key that signed it, to compare with the one registered
    problem: str = ""   # why this workspace would refuse it, or ""
    already_imported: bool = False

    @property
    def kind_text(self) -> str:
        if self.kind == "round":
            return tr("rondepakket van de griffie")
        return tr("fractiepakket van {sender}").format(sender=self.sender_name)

    def lines(self) -> list[str]:
        return [
            tr("Soort: {kind}").format(kind=self.kind_text),
            tr("Nummer {sequence}, gebaseerd op ronde {round}, gemaakt {created}").format(
                sequence=self.sequence, round=self.base_round,
                created=self.created_at.astimezone().strftime("%d-%m-%Y %H:%M")),
            tr("Ondertekend met sleutel {fingerprint}").format(fingerprint=self.fingerprint),
        ]


def preview_package(session: Session, data: bytes, source: str) -> PackagePreview:
    """Reads nothing in. A file that is no package at all raises (InputError), as reading it in would."""
    package = read_package(data, source)
    header = package.header
    problem, again = "", False
    try:
        check_agreement(session, package, source)
        check_signature(session, package, source)
        again = already_imported(session, package) is not None
    except UserError as exc:
        problem = exc.message
    return PackagePreview(source, package.kind, str(header["sender_name"]), int(header["sequence"]),
                          int(header["base_round"]), parse_moment(header["created_at"]),
                          str(package.signature["fingerprint"]), problem, again)
