"""Verifying the audit trail (its chain, head, anchors and the values it vouches for) in the worker process.

Reading a hundred thousand events makes many short-lived objects; on a
thread of the window's own interpreter the garbage collections this causes
hold the GIL that the window needs, and the window stutters while the
chain is checked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from raadsakkoord.base import i18n
from raadsakkoord.queries.auditlog import AuditRow, audit_page
from raadsakkoord.queries.verification import AuditReport, verify
from raadsakkoord.store.workspace import open_workspace


@dataclass(frozen=True)
class ChainState:
    report: AuditReport
    broken: AuditRow | None  # the event where the chain breaks, when it still exists
    checked_at: dt.datetime


def check_chain_at(target: str, language: str) -> ChainState:
    """Verify the whole audit trail of the workspace at ``target``."""
    i18n.set_language(language)
    workspace = open_workspace(target)
    try:
        with workspace.action() as session:
            report = verify(session)
            broken = None
            if report.broken_at is not None:
                found = audit_page(session, before=report.broken_at + 1, limit=1)
                broken = found[0] if found and found[0].seq == report.broken_at else None
    finally:
        workspace.close()
    return ChainState(report, broken, dt.datetime.now().astimezone())
