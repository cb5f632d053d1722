"""Offline work: signed round packages (griffie → parties) and party packages (party → griffie).

``import_package`` reads, checks and applies a package file in one
transaction: a package is applied whole or not at all, twice changes
nothing, and every refusal is one sentence a clerk understands.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from raadsakkoord.exchange.common import ImportReport
from raadsakkoord.exchange.envelope import MAX_PACKAGE_BYTES, Package, PackageRefused, read_package
from raadsakkoord.exchange.party_package import export_party_package, import_party_package
from raadsakkoord.exchange.round_package import export_round_package, import_round_package
from raadsakkoord.operations._common import Actor


def import_package(session: Session, actor: Actor, data: bytes, source: str) -> ImportReport:
    package = read_package(data, source)
    if package.kind == "round":
        return import_round_package(session, actor, package, source)
    return import_party_package(session, actor, package, source)


__all__ = [
    "MAX_PACKAGE_BYTES",
    "ImportReport",
    "Package",
    "PackageRefused",
    "export_party_package",
    "export_round_package",
    "import_package",
    "read_package",
]
