"""The audit command: verify a workspace's audit trail."""

from __future__ import annotations

import argparse

from raadsakkoord.base.i18n import tr
from raadsakkoord.cli.common import in_workspace

# The exit status when the trail does not hold: the workspace opened, but it was tampered with.
TAMPERED = 1


def register(sub: argparse._SubParsersAction) -> None:
    audit = sub.add_parser("audit")
    audit.add_argument("workspace", metavar=tr("WERKRUIMTE"), help=tr("bestand of serveradres"))
    audit.add_argument("--verify", action="store_true", required=True,
                       help=tr("controleer de keten, de kop en de ankers van het logboek, en of de werkruimte "
                               "klopt met het logboek"))
    audit.set_defaults(handler=run_verify)


def run_verify(args: argparse.Namespace) -> int:
    from raadsakkoord.queries.verification import verify

    report = in_workspace(args.workspace, verify)
    for line in report.lines():
        print(line)
    return 0 if report.ok else TAMPERED
