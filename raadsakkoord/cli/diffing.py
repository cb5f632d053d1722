"""The ``diff`` and ``merge`` commands.

``merge`` behaves like ``git merge-file -p`` so scripts can use either: the
merged text on stdout (or in OUT), exit status 0 when clean, otherwise the
number of conflict blocks (at most 127), and 255 when a file cannot be read.
"""

from __future__ import annotations

import argparse
import os
import sys

from raadsakkoord.diffing.merge import merge3, render_markers
from raadsakkoord.diffing.paragraphs import diff
from raadsakkoord.diffing.render import to_critic, to_html, to_json, to_text
from raadsakkoord.base.errors import InputError, UserError, os_reason
from raadsakkoord.base.files import MAX_TEXT_FILE, write_atomic
from raadsakkoord.base.i18n import tr
from raadsakkoord.base.text import canonical_markdown
from raadsakkoord.cli.common import warn

RENDERERS = {"html": to_html, "critic": to_critic, "text": to_text, "json": to_json}

MERGE_FILE_ERROR = 255
MAX_CONFLICT_STATUS = 127


def register(sub: argparse._SubParsersAction) -> None:
    diff_parser = sub.add_parser(
        "diff",
        description=tr("Toon de wijzigingen van OUD naar NIEUW: eerst per alinea, dan per woord."),
    )
    diff_parser.add_argument("old", metavar=tr("OUD.md"), help=tr("de oorspronkelijke tekst"))
    diff_parser.add_argument("new", metavar=tr("NIEUW.md"), help=tr("de gewijzigde tekst"))
    diff_parser.add_argument(
        "--format", choices=sorted(RENDERERS), default="text",
        help=tr("uitvoer: text voor de terminal ({markers}, standaard), html (<ins>/<del>), "
                "critic (CriticMarkup) of json").format(markers="[-weg-]{+erbij+}"),
    )
    diff_parser.set_defaults(handler=run_diff)

    merge_parser = sub.add_parser(
        "merge",
        description=tr(
            "Voeg de wijzigingen van BASIS naar ONZE en van BASIS naar HUN samen, woord voor woord. "
            "Botsende wijzigingen komen tussen <<<<<<< / ======= / >>>>>>>. Afsluitstatus: 0 zonder "
            "conflicten, anders het aantal conflicten (hoogstens 127); 255 als een bestand niet te lezen is."
        ),
    )
    merge_parser.add_argument("base", metavar=tr("BASIS.md"), help=tr("de gemeenschappelijke oorspronkelijke tekst"))
    merge_parser.add_argument("ours", metavar=tr("ONZE.md"), help=tr("onze bewerking"))
    merge_parser.add_argument("theirs", metavar=tr("HUN.md"), help=tr("hun bewerking"))
    merge_parser.add_argument(
        "-o", "--output", metavar=tr("UIT.md"), help=tr("schrijf het resultaat hierheen in plaats van naar stdout")
    )
    merge_parser.add_argument("--force", action="store_true",
                              help=tr("vervang UIT.md ook als het geen Markdown-tekst is (een werkruimte of "
                                      "geheime sleutel wordt nooit overschreven)"))
    merge_parser.set_defaults(handler=run_merge)


class _Unreadable(Exception):
    """A file that cannot be used, with the one-line message to show."""


def _read(path: str) -> str:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_TEXT_FILE + 1)
    except FileNotFoundError:
        raise _Unreadable(tr("bestand niet gevonden: {path}").format(path=path)) from None
    except IsADirectoryError:
        raise _Unreadable(tr("{path} is een map, geen bestand").format(path=path)) from None
    except OSError as exc:
        raise _Unreadable(tr("kan {path} niet lezen: {reason}").format(path=path, reason=os_reason(exc))) from None
    if len(data) > MAX_TEXT_FILE:
        raise _Unreadable(tr("{path} is te groot ({size} MiB); het is niet ingelezen.").format(
            path=path, size=max(len(data), _size(path)) // 2**20))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise _Unreadable(tr("{path} is geen UTF-8-tekst (onleesbaar teken op regel {line})").format(
            path=path, line=line)) from None


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def run_diff(args: argparse.Namespace) -> int:
    try:
        old, new = _read(args.old), _read(args.new)
    except _Unreadable as exc:
        raise InputError(str(exc)) from None
    # Texts in the application are canonical Markdown; diffing the files in
    # that form keeps line-end and trailing-space noise out of the result.
    result = RENDERERS[args.format](diff(canonical_markdown(old), canonical_markdown(new)))
    _write_stdout(result if result.endswith("\n") or not result else result + "\n")
    return 0


def run_merge(args: argparse.Namespace) -> int:
    try:
        base, ours, theirs = _read(args.base), _read(args.ours), _read(args.theirs)
    except _Unreadable as exc:
        warn(str(exc))
        return MERGE_FILE_ERROR
    # Like git merge-file, the markers carry the file names.
    text, blocks = render_markers(merge3(base, ours, theirs), args.ours, args.theirs)
    if args.output:
        # Whole or not at all, and never over a workspace, a key or (without --force) a file that is no text.
        try:
            write_atomic(args.output, text.encode("utf-8"), kind="md", force=args.force)
        except UserError as exc:
            warn(exc.message)
            return MERGE_FILE_ERROR
    else:
        _write_stdout(text)
    return min(blocks, MAX_CONFLICT_STATUS)


def _write_stdout(text: str) -> None:
    # Bytes, so that the text leaves exactly as merged: no newline
    # translation, no dependence on the terminal's encoding.
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()
