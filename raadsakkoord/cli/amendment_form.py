"""The ``amendment-form`` command: an amendment as the formal document the council votes on."""

from __future__ import annotations

import argparse

from raadsakkoord.base.i18n import tr
from raadsakkoord.cli.common import open_target, say, warn
from raadsakkoord.export.amendment_form_files import FORM_FORMATS


def register(sub: argparse._SubParsersAction) -> None:
    cmd = sub.add_parser(
        "amendment-form",
        description=tr("Schrijf een amendement als formeel stuk voor de raadsvergadering: de "
                       "wijzigingsopdracht in woorden met regelnummers, de toelichting en de indieners met "
                       "een regel om te ondertekenen. Met --all alle ingediende amendementen in één bestand, "
                       "elk op een eigen pagina."))
    cmd.add_argument("workspace", metavar=tr("WERKRUIMTE"), help=tr("bestand of serveradres"))
    cmd.add_argument("amendment", nargs="?", metavar=tr("NUMMER"),
                     help=tr("het amendement: zijn nummer (A3, A3.1), of het id van een concept zonder nummer"))
    cmd.add_argument("--all", action="store_true", help=tr("alle ingediende amendementen, op volgorde van nummer"))
    cmd.add_argument("--format", default="pdf", choices=FORM_FORMATS, help=tr("bestandsformaat"))
    cmd.add_argument("--meeting", metavar=tr("JJJJ-MM-DD"),
                     help=tr("de datum van de raadsvergadering (zonder: een lege regel om in te vullen)"))
    cmd.add_argument("-o", "--output", required=True, metavar=tr("BESTAND"), help=tr("het te schrijven bestand"))
    cmd.add_argument("--force", action="store_true",
                     help=tr("vervang een bestaand bestand ook als het geen export in dit formaat is "
                             "(een werkruimte wordt nooit overschreven)"))
    cmd.set_defaults(handler=run_amendment_form)


def run_amendment_form(args: argparse.Namespace) -> int:
    from raadsakkoord.base.errors import InputError
    from raadsakkoord.base.files import check_target
    from raadsakkoord.export.amendment_form import parse_meeting
    from raadsakkoord.export.amendment_form_files import write_forms

    if args.all == bool(args.amendment):
        raise InputError(tr("Noem één amendement (bijvoorbeeld A3) of geef --all voor alle ingediende "
                            "amendementen."))
    meeting = parse_meeting(args.meeting)
    check_target(args.output, kind=args.format, force=args.force,
                 protect=() if "://" in args.workspace else (args.workspace,))
    workspace = open_target(args.workspace)
    try:
        pages = write_forms(workspace, None if args.all else args.amendment, args.format, args.output,
                            meeting=meeting, force=args.force, progress=warn)
    finally:
        workspace.close()
    if pages:
        say(tr("Geschreven: {path} ({pages} pagina's)").format(path=args.output, pages=pages))
    else:
        say(tr("Geschreven: {path}").format(path=args.output))
    return 0
