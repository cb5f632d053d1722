"""Reading a package file into a workspace, with what the clerk or the party wants to know about it.

Qt-free on purpose: the window runs this in a worker *process*, because a
long import on a thread of the window's own interpreter holds the GIL and
freezes the window.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa

from raadsakkoord.base import i18n
from raadsakkoord.base.errors import UserError
from raadsakkoord.exchange import import_package
from raadsakkoord.base.files import read_file_limited
from raadsakkoord.exchange.common import ImportReport
from raadsakkoord.exchange.envelope import MAX_PACKAGE_BYTES, read_package
from raadsakkoord.base.i18n import tr
from raadsakkoord.model import Amendment
from raadsakkoord.queries.conflicts import section_conflicts
from raadsakkoord.base.actor import Actor
from raadsakkoord.store.workspace import Workspace, open_workspace


@dataclass
class PackageOutcome:
    """What happened to one package file: its import report, or why it was refused."""

    path: str
    report: ImportReport | None = None
    refused: str = ""
    rebased: list[str] = field(default_factory=list)       # headlines of amendments moved onto the new text
    needs_rework: list[str] = field(default_factory=list)  # headlines that collide with the new text
    conflicts: list[str] = field(default_factory=list)     # "‘A’ (GL) botst met ‘B’ (RP) in 1.1 Bouwen"
    note: str = ""

    @property
    def name(self) -> str:
        return Path(self.path).name

    @property
    def changed(self) -> bool:
        return self.report is not None and not self.report.already_imported


def _headlines(session, ids: Sequence[uuid.UUID]) -> list[str]:
    result = []
    for ident in ids:
        amendment = session.get(Amendment, ident)
        if amendment is not None:
            result.append(f"‘{amendment.headline}’ ({amendment.party.short_name})")
    return result


def _conflicts(session, amendment_ids: set[uuid.UUID]) -> list[str]:
    """Collisions between the package's amendments and the other open ones on the same sections."""
    sections = set(session.scalars(sa.select(Amendment.section_id).where(
        Amendment.id.in_(amendment_ids), Amendment.section_id.is_not(None))))
    lines = []
    for section_id in sections:
        report = section_conflicts(session, section_id)
        for first, second in report.conflicting_pairs():
            if first not in amendment_ids and second not in amendment_ids:
                continue
            if second in amendment_ids and first not in amendment_ids:
                first, second = second, first
            mine, theirs = session.get(Amendment, first), session.get(Amendment, second)
            lines.append(tr("‘{mine}’ ({party}) botst met ‘{theirs}’ ({other}) in hoofdlijn {number} {title}").format(
                mine=mine.headline, party=mine.party.short_name, theirs=theirs.headline,
                other=theirs.party.short_name, number=mine.section.number, title=mine.section.title))
    return sorted(lines)


def read_package_file(workspace: Workspace, actor: Actor, path: str) -> PackageOutcome:
    """Read one package into the workspace, whole or not at all."""
    source = Path(path).name
    data = read_file_limited(path, MAX_PACKAGE_BYTES)
    package = read_package(data, source)  # a malformed file is refused before the workspace is touched
    with workspace.action() as session:
        report = import_package(session, actor, data, source)
        outcome = PackageOutcome(path, report, rebased=_headlines(session, report.rebased),
                                 needs_rework=_headlines(session, report.needs_rework))
    if package.kind == "party" and not report.already_imported:
        ids = {uuid.UUID(a["id"]) for a in package.content.get("amendments", [])}
        try:
            with workspace.action() as session:
                outcome.conflicts = _conflicts(session, ids)
        except UserError as exc:  # the import itself is committed; only the overview is missing
            outcome.note = tr("De botsingen met andere amendementen konden niet worden bepaald: {reason}").format(
                reason=exc.message)
    return outcome


def read_package_file_at(target: str, actor: Actor, path: str, language: str) -> PackageOutcome:
    """The same, in a process of its own: opens the workspace itself and speaks the window's language."""
    i18n.set_language(language)
    workspace = open_workspace(target)
    try:
        return read_package_file(workspace, actor, path)
    finally:
        workspace.close()
