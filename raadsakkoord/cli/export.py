"""The ``export`` command: the agreement, the task agenda or the amendment book as a file."""

from __future__ import annotations

import argparse

from raadsakkoord.base.i18n import tr
from raadsakkoord.cli.common import open_target, say, warn
from raadsakkoord.export.writer import ALL_FORMATS, FORMATS, export, validate


def register(sub: argparse._SubParsersAction) -> None:
    cmd = sub.add_parser(
        "export",
        description=tr("Schrijf een publicatie naar een bestand. Het bestand verschijnt pas als het helemaal "
                       "klaar is. Combinaties: {combinations}.").format(
            combinations="; ".join(f"{w}: {', '.join(f)}" for w, f in FORMATS.items())))
    cmd.add_argument("workspace", metavar=tr("WERKRUIMTE"), help=tr("bestand of serveradres"))
    cmd.add_argument("--what", required=True, choices=tuple(FORMATS), help=tr("wat publiceren"))
    cmd.add_argument("--format", required=True, choices=ALL_FORMATS, help=tr("bestandsformaat"))
    cmd.add_argument("--round", type=int, metavar="N",
                     help=tr("het raadsakkoord zoals gepubliceerd in ronde N (standaard: de huidige teksten, "
                             "als concept)"))
    cmd.add_argument("--attach-source", action="store_true",
                     help=tr("voeg de Markdown-bron als bijlage aan de PDF toe; de PDF is dan PDF/A-3a "
                             "in plaats van PDF/A-2a (PDF/A-2 verbiedt zulke bijlagen)"))
    cmd.add_argument("--leesbaarheid", dest="readability", action="store_true",
                     help=tr("voeg aan het raadsakkoord een bijlage toe met de leesbaarheid van elke hoofdlijn "
                             "(moeilijkste eerst) en van elk hoofdstuk: score, niveau, lange zinnen, "
                             "ambtelijke woorden"))
    cmd.add_argument("--zonder-regelnummers", dest="line_numbers", action="store_false",
                     help=tr("zet in het raadsakkoord (PDF, HTML, Word) geen regelnummers naast de tekst "
                             "van de hoofdlijnen"))
    cmd.add_argument("-o", "--output", required=True, metavar=tr("BESTAND"), help=tr("het te schrijven bestand"))
    cmd.add_argument("--force", action="store_true",
                     help=tr("vervang een bestaand bestand ook als het geen export in dit formaat is "
                             "(een werkruimte wordt nooit overschreven)"))
    cmd.set_defaults(handler=run_export)


def _progress(message: str) -> None:
    warn(message)


def run_export(args: argparse.Namespace) -> int:
    from raadsakkoord.base.files import check_target

    validate(args.what, args.format, args.round, args.attach_source, args.readability)
    # Checked before the workspace is opened; export() checks again against the workspace as opened.
    check_target(args.output, kind=args.format, force=args.force,
                 protect=() if "://" in args.workspace else (args.workspace,))
    if args.format == "odt":
        from raadsakkoord.export.odt import ensure_gui_application

        ensure_gui_application()
    workspace = open_target(args.workspace)
    try:
        result = export(workspace, args.what, args.format, args.output, round_number=args.round,
                        attach_source=args.attach_source, readability=args.readability, force=args.force,
                        progress=_progress, line_numbers=args.line_numbers)
    finally:
        workspace.close()
    if result:
        say(tr("Geschreven: {path} ({pages} pagina's)").format(path=args.output, pages=result))
    else:
        say(tr("Geschreven: {path}").format(path=args.output))
    return 0
