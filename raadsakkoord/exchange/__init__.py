"""Offline work: signed round packages (griffie → parties) and party packages (party → griffie).

``import_package`` reads, checks and applies a package file in one
transaction: a package is applied whole or not at all, twice changes
nothing, and every refusal is one sentence a clerk understands.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from raadsakkoord.exchange.common import ImportReport
from raadsakkoord.exchange.envelope import MAX_PACKAGE_BYTES, Package, PackageRefused, read_package
from raadsakkoord.exchange.party_package import export_party_package, import_party_package
from raadsakkoord.exchange.round_package import export_round_package, import_round_package
from raadsakkoord.base.i18n import tr
from raadsakkoord.base.actor import Actor


def import_package(session: Session, actor: Actor, data: bytes, source: str) -> ImportReport:
    package = read_package(data, source)
    lock_for_import(session)
    importer = import_round_package if package.kind == "round" else import_party_package
    try:
        return importer(session, actor, package, source)
    except (ValueError, OverflowError, KeyError, TypeError, IntegrityError):
        # A signed package whose values still cannot be stored (an impossible
        # date, a number beyond any column): refused whole, like any other.
        raise PackageRefused(tr("{source} bevat gegevens die niet kunnen kloppen; het is niet ingelezen.").format(
            source=source)) from None


def lock_for_import(session: Session) -> None:
    """One import at a time per workspace: the checks for duplicates and order must see every earlier import.

    SQLite's driver starts a transaction only at the first write, so a
    no-op write takes the write lock now; PostgreSQL gets an advisory lock
    held until the transaction ends.
    """
    if session.get_bind().dialect.name == "sqlite":
        session.execute(sa.text("UPDATE package_record SET sequence = sequence WHERE 0"))
    else:
        session.execute(sa.text("SELECT pg_advisory_xact_lock(7224531)"))


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
