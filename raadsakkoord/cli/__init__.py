"""The ``raadsakkoord`` command.

``COMMANDS`` names each command, the module that builds its parser and a
one-line summary. ``raadsakkoord --help`` and ``--version`` are answered from
that table alone; ``raadsakkoord COMMAND …`` imports only the module of that
command. A command module has a ``register(subparsers)`` function that adds its
parsers and sets ``handler`` (``args -> int``) on each. So ``diff`` and
``merge`` never load the database, the signing keys or Qt, and start about as
fast as Python itself; Qt is imported only when the window opens.
"""

from __future__ import annotations

import argparse
from collections import namedtuple
from collections.abc import Callable
import importlib
import os
import sys

from raadsakkoord.base import i18n
from raadsakkoord.base.errors import UserError
from raadsakkoord.base.i18n import mark, tr
from raadsakkoord.cli.common import warn


# The summary is marked for translation and translated when --help is shown.
CommandInfo = namedtuple("CommandInfo", "module, summary")


# In the order of --help.
COMMANDS: dict[str, CommandInfo] = {
    "gui": CommandInfo("raadsakkoord.cli.workspace", mark("open de applicatie (ook: raadsakkoord [WERKRUIMTE])")),
    "demo": CommandInfo("raadsakkoord.cli.workspace", mark("maak de demo-werkruimte (gemeente Assen)")),
    "import-md": CommandInfo("raadsakkoord.cli.workspace",
                             mark("begin een raadsakkoord vanuit een brondocument in Markdown (of .docx/.odt)")),
    "import-docx": CommandInfo("raadsakkoord.cli.workspace", mark(
        "begin een raadsakkoord vanuit een Word-document (.docx) of OpenDocument-tekst (.odt): "
        "Kop 1 wordt een hoofdstuk, Kop 2 een hoofdlijn")),
    "import-changes": CommandInfo("raadsakkoord.cli.changes", mark(
        "lees een Word-export van een ronde (.docx, of .odt uit LibreOffice), bewerkt met wijzigingen "
        "bijhouden, in als amendementen van een fractie")),
    "info": CommandInfo("raadsakkoord.cli.workspace", mark("toon een overzicht van een werkruimte")),
    "diff": CommandInfo("raadsakkoord.cli.diffing", mark("toon de wijzigingen tussen twee teksten, woord voor woord")),
    "merge": CommandInfo("raadsakkoord.cli.diffing",
                         mark("voeg twee bewerkingen van dezelfde tekst samen (zoals git merge-file -p)")),
    "keys": CommandInfo("raadsakkoord.cli.packages", mark("sleutels om pakketten te ondertekenen en te controleren")),
    "package": CommandInfo("raadsakkoord.cli.packages", mark("ronde- en fractiepakketten uitwisselen")),
    "readability": CommandInfo("raadsakkoord.cli.readability", mark(
        "leesbaarheid van elke hoofdlijn (Flesch-Douma, lange zinnen, ambtelijke woorden), moeilijkste eerst, "
        "en per hoofdstuk")),
    "audit": CommandInfo("raadsakkoord.cli.audit", mark(
        "toon het logboek van een werkruimte: wie deed wat en wanneer (--verify controleert het)")),
    "whoami": CommandInfo("raadsakkoord.cli.database",
                          mark("toon als wie u bij een gedeelde werkruimte bent aangemeld, en voor wie u werkt")),
    "db": CommandInfo("raadsakkoord.cli.database",
                      mark("beheer wie zich bij een gedeelde werkruimte aanmeldt")),
    "vote": CommandInfo("raadsakkoord.cli.votes", mark(
        "leg de stemming van de raad vast over een amendement, een hoofdlijn of het raadsakkoord "
        "(--order: de stemvolgorde)")),
    "amendments": CommandInfo("raadsakkoord.cli.amendments", mark(
        "toon elk ingediend amendement en subamendement met nummer, indieners, hoofdlijn, regels en status")),
    "export": CommandInfo("raadsakkoord.cli.export",
                          mark("publiceer het raadsakkoord, de uitwerkingsagenda of het amendementenboek")),
    "amendment-form": CommandInfo("raadsakkoord.cli.amendment_form", mark(
        "schrijf een amendement (of met --all alle ingediende) als formeel stuk voor de raadsvergadering")),
}


class _VersionAction(argparse.Action):
    """Prints the version and, for a bundle, when and from which commit it was built."""

    def __init__(self, option_strings, dest, **kwargs) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        from raadsakkoord.base.provenance import provenance

        print("\n".join(provenance().lines()))
        parser.exit()


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser for one command, or (without one) the overview of all commands for --help.

    The overview's command parsers are empty stand-ins, so that it imports no
    command module; ``main`` parses again with the real parser once it knows
    the command.
    """
    parser = argparse.ArgumentParser(
        prog="raadsakkoord",
        description=tr("Samen een raadsakkoord schrijven. Zonder opdracht opent de applicatie."),
    )
    parser.add_argument("--version", action=_VersionAction, help=tr("toon de versie en, voor een bundel, "
                                                                     "de datum en commit van de bouw"))
    sub = parser.add_subparsers(dest="command", metavar=tr("OPDRACHT"))
    if command is None:
        for name, info in COMMANDS.items():
            sub.add_parser(name, help=tr(info.summary), add_help=False)
    else:
        importlib.import_module(COMMANDS[command].module).register(sub)
        # The summaries are shown only in the overview, which this parser never prints.
    return parser


def _parser_for(argv: list[str]) -> argparse.ArgumentParser:
    if argv[0] in COMMANDS:
        return build_parser(argv[0])
    # Options come first (`--help`, `--version`, or a mistake): answer those
    # from the overview, and find out which command, if any, follows them.
    overview = build_parser()
    args, _ = overview.parse_known_args(argv)
    if args.command is None:
        overview.parse_args(argv)  # names what it does not recognise, in argparse's words
        overview.print_usage(sys.stderr)
        raise SystemExit(2)
    return build_parser(args.command)


def main(argv: list[str] | None = None, *, open_window: Callable[..., int] | None = None) -> int:
    """Run one command; ``open_window(workspace, demo=…)`` opens the application for ``gui``."""
    argv = list(sys.argv[1:] if argv is None else argv)
    i18n.language_from_environment()  # before the parser: its help texts are translated too
    # `raadsakkoord` and `raadsakkoord WORKSPACE` open the application.
    if not argv or (argv[0] not in COMMANDS and not argv[0].startswith("-")):
        argv = ["gui", *argv]
    parser = _parser_for(argv)
    parser.set_defaults(open_window=open_window)
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except UserError as exc:
        warn(exc.message)
        return exc.exit_code
    except KeyboardInterrupt:
        warn(tr("afgebroken"))
        return 130
    except BrokenPipeError:
        # The reader went away (`raadsakkoord info … | head`): not an error of ours.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keep Python's exit flush quiet
        return 0
