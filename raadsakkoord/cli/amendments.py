"""The amendments command: every submitted amendment and subamendment, with the number people call it by."""

from __future__ import annotations

import argparse

from raadsakkoord.base.i18n import tr
from raadsakkoord.cli.common import in_workspace, say, say_json


def register(sub: argparse._SubParsersAction) -> None:
    command = sub.add_parser("amendments")
    command.add_argument("workspace", metavar=tr("WERKRUIMTE"), help=tr("bestand of serveradres"))
    command.add_argument("--json", action="store_true", help=tr("als JSON, voor scripts"))
    command.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from raadsakkoord.queries.labels import STATUS_LABELS, submitters
    from raadsakkoord.queries.numbering import numbered_amendments

    rows = in_workspace(args.workspace, numbered_amendments)
    if args.json:
        say_json([{"number": r.label or None, "parent": r.parent_label or None, "party": r.party,
                   "co_submitters": list(r.co_parties), "section": r.section or None,
                   "lines": {"first": r.lines[0], "last": r.lines[1]} if r.lines else None,
                   "status": r.status.value, "headline": r.headline, "id": str(r.id)} for r in rows])
        return 0
    if not rows:
        say(tr("Er zijn nog geen ingediende amendementen."))
        return 0
    for r in rows:
        # A subamendment is indented under its amendment, as in the window and the amendment book.
        number = ("  " if r.is_subamendment else "") + r.shown_label()
        section = tr("hoofdlijn {number}").format(number=r.section) if r.section else tr("nieuwe hoofdlijn")
        where = f"{section}, {r.shown_lines()}" if r.lines else section
        say(f"{number:<8}  {submitters(r.party, r.co_parties)}  {where}  {tr(STATUS_LABELS[r.status])}  "
            f"‘{r.headline}’")
    return 0
