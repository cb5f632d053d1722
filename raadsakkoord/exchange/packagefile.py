"""Writing a signed package to a file: what the window's "Pakket maken" and ``raadsakkoord package export`` both do."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from raadsakkoord.base.actor import Actor
from raadsakkoord.base.errors import DomainError
from raadsakkoord.base.files import check_target, looks_like_export, write_atomic
from raadsakkoord.base.i18n import tr
from raadsakkoord.exchange import keys
from raadsakkoord.exchange.common import last_sequence, signing_key
from raadsakkoord.exchange.party_package import export_party_package
from raadsakkoord.exchange.round_package import export_round_package
from raadsakkoord.model import Round
from raadsakkoord.store.workspace import Workspace

PACKAGE_SUFFIX = ".rkpkg"


@dataclass(frozen=True)
class WrittenPackage:
    path: str
    size: int
    key_created: str = ""      # the new key's fingerprint, when this export made it
    public_key_path: str = ""  # written beside the package while the receiver may not have it yet

    def status_line(self) -> str:
        sentences = []
        if self.key_created:
            sentences.append(tr("Sleutel gemaakt (vingerafdruk {fingerprint}).").format(
                fingerprint=self.key_created))
        sentences.append(tr("Pakket geschreven naar {path} ({size} kB).").format(
            path=self.path, size=max(1, round(self.size / 1024))))
        if self.public_key_path:
            sentences.append(tr("Stuur ook de openbare sleutel {file} mee.").format(
                file=Path(self.public_key_path).name))
        return " ".join(sentences)


def safe_name(text: str) -> str:
    """A party's short name as part of a file name: letters, digits and hyphens only."""
    return re.sub(r"[^\w-]+", "-", text).strip("-") or "fractie"


def suggested_file_name(session: Session, party_id: uuid.UUID | None) -> str:
    """The party's short name (or the latest round) and today's date, e.g. ``GL-2026-03-01.rkpkg``."""
    today = dt.date.today().isoformat()
    identity = keys.identity_for(session, party_id)
    if party_id is not None:
        return f"{safe_name(identity.name)}-{today}{PACKAGE_SUFFIX}"
    number = session.scalar(sa.select(sa.func.max(Round.number)))
    if number is None:
        raise DomainError(tr("Er is nog geen ronde gepubliceerd; publiceer eerst een ronde."))
    return f"{tr('ronde')}-{number}-{today}{PACKAGE_SUFFIX}"


def _public_key_file(package: Path, name: str) -> str:
    """Beside the package, under a name that replaces nothing but an earlier public key file."""
    stem = f"{safe_name(name)}-openbare-sleutel"
    candidate = package.with_name(f"{stem}.json")
    number = 1
    while candidate.exists() and not looks_like_export(candidate, "key"):
        number += 1
        candidate = package.with_name(f"{stem}-{number}.json")
    return str(candidate)


def write_package_file(workspace: Workspace, actor: Actor, party_id: uuid.UUID | None, path: str, *,
                       round_number: int | None = None, make_key: bool = False,
                       force: bool = False) -> WrittenPackage:
    """Sign and write the party's package, or for ``party_id`` None the griffie's round package.

    The round package holds ``round_number``, or the latest round. The
    export is recorded (with its sequence number) in the transaction that
    writes the file, and the file is written before that commits: a package
    that could not be written is not recorded as sent.

    ``make_key`` is for the window, which has no key commands of its own:
    it makes the signing key when this computer has none, and writes the
    public key beside the first package, because the receiver cannot check
    a package without it. The command line leaves keys to ``raadsakkoord keys``.

    ``force`` replaces an existing file at ``path`` that is not a package;
    a workspace or a key is never replaced. Both files are checked before
    anything is made or recorded.
    """
    check = {"protect": workspace.files}
    check_target(path, kind="rkpkg", force=force, **check)
    fingerprint = public_key_path = ""
    if make_key:
        with workspace.action() as session:
            identity = keys.identity_for(session, party_id)
            first_export = last_sequence(session, identity.holder, "out") == 0
        key_file = _public_key_file(Path(path), identity.name)
        make = not keys.has_private_key(identity)
        if first_export or make:
            check_target(key_file, kind="key", **check)
        if make:
            # Its own transaction: the key must stay recorded even if the export after it is refused.
            with workspace.action() as session:
                fingerprint = keys.init_key(session, actor, identity).fingerprint
        if first_export or fingerprint:
            with workspace.action() as session:
                # A key that another copy of the workspace made is refused here, before anything is written.
                _private, recorded = signing_key(session, identity)
                # A key registered from that other copy went out with that copy's first package.
                public = keys.export_public_key(session, identity) if recorded.own else None
            if public is not None:
                # The key is public, so writing it beside the package is safe.
                public_key_path = key_file
                write_atomic(public_key_path, public, kind="key", **check)
    with workspace.action() as session:
        if party_id is None:
            data = export_round_package(session, actor, round_number=round_number)
        else:
            data = export_party_package(session, actor, party_id)
        write_atomic(path, data, kind="rkpkg", force=force, **check)
    return WrittenPackage(path, len(data), fingerprint, public_key_path)
