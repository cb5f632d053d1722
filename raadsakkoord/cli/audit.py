"""The audit command: list a workspace's audit trail (who did what, when), or verify it."""

from __future__ import annotations

import argparse
import datetime as dt

from raadsakkoord.base.errors import InputError
from raadsakkoord.base.i18n import tr
from raadsakkoord.cli.common import in_workspace, say, say_json, warn

# The exit status when the trail does not hold: the workspace opened, but it was tampered with.
TAMPERED = 1
PAGE = 2000


def register(sub: argparse._SubParsersAction) -> None:
    audit = sub.add_parser("audit")
    audit.add_argument("workspace", metavar=tr("WERKRUIMTE"), help=tr("bestand of serveradres"))
    audit.add_argument("--verify", action="store_true",
                       help=tr("controleer de keten, de kop en de ankers van het logboek, en of de werkruimte "
                               "klopt met het logboek"))
    audit.add_argument("--json", action="store_true", help=tr("als JSON, voor scripts"))
    audit.add_argument("--since", metavar=tr("DATUM"), type=_date,
                       help=tr("alleen gebeurtenissen vanaf deze dag (JJJJ-MM-DD)"))
    audit.set_defaults(handler=run)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(tr("geen datum: {text} (schrijf JJJJ-MM-DD)").format(text=text)) from None


def run(args: argparse.Namespace) -> int:
    if args.verify:
        if args.since is not None:
            raise InputError(tr("--since geldt voor de lijst van gebeurtenissen, niet voor --verify: "
                                "de controle gaat altijd over het hele logboek."))
        return run_verify(args)
    return run_list(args)


def run_verify(args: argparse.Namespace) -> int:
    from raadsakkoord.queries.verification import verify

    report = in_workspace(args.workspace, verify)
    if args.json:
        say_json({"ok": report.ok, "events": report.events, "broken_at": report.broken_at,
                  "findings": report.lines()})
    else:
        for line in report.lines():
            say(line)
    return 0 if report.ok else TAMPERED


def run_list(args: argparse.Namespace) -> int:
    """Every event (from ``--since``), oldest first; the chain is checked on the way, so a listing never
    shows a tampered log as if it held."""
    from raadsakkoord.queries.auditlog import AuditFilter, audit_page
    from raadsakkoord.store.audit import verify_chain

    since = dt.datetime.combine(args.since, dt.time()).astimezone() if args.since else None

    def read(session):
        chain = verify_chain(session)
        rows, before = [], None
        while page := audit_page(session, AuditFilter(since=since), before=before, limit=PAGE):
            rows.extend(page)
            before = page[-1].seq
        rows.reverse()
        return chain, rows

    chain, rows = in_workspace(args.workspace, read)
    if args.json:
        say_json([{"seq": r.seq, "at": r.at.astimezone(dt.timezone.utc).isoformat(), "person": r.actor,
                   "party": r.party or None, "action": r.action, "description": r.description,
                   "details": r.details} for r in rows])
    else:
        for r in rows:
            who = f"{r.actor} ({r.party or tr('griffie')})"
            what = f"{r.description}: {r.details}" if r.details else r.description
            say(f"{r.seq:>6}  {r.at.astimezone():%Y-%m-%d %H:%M}  {who}  {what}")
    if not chain.ok:
        warn(chain.message)
        return TAMPERED
    return 0
