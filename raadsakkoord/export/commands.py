"""The ``export`` command: the agreement, the task agenda or the amendment book as a file."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable

from raadsakkoord.errors import InputError
from raadsakkoord.i18n import mark, tr

# Shown with tr(); the exported documents themselves stay Dutch.
WHAT_NL = {"agreement": mark("het raadsakkoord"), "tasks": mark("de uitwerkingsagenda"),
           "amendments": mark("het amendementenboek")}
# What can be written in which format. A combination not listed is refused
# with one line; no format is ever pretended.
FORMATS = {
    "agreement": ("pdf", "md", "html", "odt", "docx"),
    "tasks": ("pdf", "md", "html", "csv", "ics"),
    "amendments": ("pdf", "md", "html", "docx"),
}
ALL_FORMATS = ("pdf", "md", "html", "odt", "docx", "csv", "ics")


def register(sub: argparse._SubParsersAction) -> None:
    cmd = sub.add_parser(
        "export", help=tr("publiceer het raadsakkoord, de uitwerkingsagenda of het amendementenboek"),
        description=tr("Schrijf een publicatie naar een bestand. Het bestand verschijnt pas als het helemaal "
                       "klaar is. Combinaties: {combinations}.").format(
            combinations="; ".join(f"{w}: {', '.join(f)}" for w, f in FORMATS.items())))
    cmd.add_argument("workspace", metavar=tr("WERKRUIMTE"), help=tr("bestand of database-URL"))
    cmd.add_argument("--what", required=True, choices=tuple(FORMATS), help=tr("wat publiceren"))
    cmd.add_argument("--format", required=True, choices=ALL_FORMATS, help=tr("bestandsformaat"))
    cmd.add_argument("--round", type=int, metavar="N",
                     help=tr("het raadsakkoord zoals gepubliceerd in ronde N (standaard: de huidige teksten, "
                             "als concept)"))
    cmd.add_argument("--attach-source", action="store_true",
                     help=tr("voeg de Markdown-bron als bijlage aan de PDF toe; de PDF is dan PDF 1.6 "
                             "in plaats van PDF/A-1b (PDF/A-1 verbiedt bijlagen)"))
    cmd.add_argument("--leesbaarheid", dest="readability", action="store_true",
                     help=tr("voeg aan het raadsakkoord een bijlage toe met de leesbaarheid van elke hoofdlijn "
                             "(moeilijkste eerst) en van elk hoofdstuk: score, niveau, lange zinnen, "
                             "ambtelijke woorden"))
    cmd.add_argument("-o", "--output", required=True, metavar=tr("BESTAND"), help=tr("het te schrijven bestand"))
    cmd.set_defaults(handler=run_export)


def _progress(message: str) -> None:
    print(f"raadsakkoord: {message}", file=sys.stderr, flush=True)


def validate(what: str, fmt: str, round_number: int | None, attach_source: bool,
             readability: bool = False) -> None:
    if fmt not in FORMATS[what]:
        raise InputError(tr("{what} kan niet als {format} worden geëxporteerd; kies uit: {formats}.").format(
            what=_capitalised(tr(WHAT_NL[what])), format=fmt, formats=", ".join(FORMATS[what])))
    if round_number is not None and what != "agreement":
        raise InputError(tr("--round geldt alleen voor het raadsakkoord (--what agreement)."))
    if attach_source and fmt != "pdf":
        raise InputError(tr("--attach-source geldt alleen voor een PDF."))
    if readability and what != "agreement":
        raise InputError(tr("--leesbaarheid geldt alleen voor het raadsakkoord (--what agreement)."))


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def run_export(args: argparse.Namespace) -> int:
    from raadsakkoord.export.files import check_target
    from raadsakkoord.store import open_workspace

    validate(args.what, args.format, args.round, args.attach_source, args.readability)
    check_target(args.output)
    if args.format in ("pdf", "odt"):
        ensure_gui_application()
    workspace = open_workspace(args.workspace)
    try:
        result = export(workspace, args.what, args.format, args.output, round_number=args.round,
                        attach_source=args.attach_source, readability=args.readability, progress=_progress)
    finally:
        workspace.close()
    if result:
        print(tr("Geschreven: {path} ({pages} pagina's)").format(path=args.output, pages=result))
    else:
        print(tr("Geschreven: {path}").format(path=args.output))
    return 0


def export(workspace, what: str, fmt: str, output: str, *, round_number: int | None = None,
           attach_source: bool = False, readability: bool = False,
           progress: Callable[[str], None] = lambda message: None) -> int | None:
    """Read what ``what`` needs in one action and write it; returns the page count of a PDF.

    ``readability`` adds the readability appendix to the agreement (in every format).
    """
    from raadsakkoord.export import amendments, document, files, html, md, tasks

    validate(what, fmt, round_number, attach_source, readability)
    files.check_target(output)
    # No progress line before the data is read: a refused round stays one line.
    with workspace.action() as session:
        if what == "agreement":
            data = document.agreement_document(session, round_number=round_number, readability=readability)
        elif what == "tasks":
            data = document.task_agenda(session)
        else:
            data = amendments.amendment_book(session, progress=progress)
    progress(tr("{what} als {format} opmaken…").format(what=tr(WHAT_NL[what]), format=fmt))
    markdown = {"agreement": md.agreement_markdown, "tasks": md.task_agenda_markdown,
                "amendments": md.amendment_book_markdown}[what]
    if fmt == "md":
        files.write_atomic(output, markdown(data).encode("utf-8"))
    elif fmt == "html":
        page = {"agreement": html.agreement_html, "tasks": html.task_agenda_html,
                "amendments": html.amendment_book_html}[what](data)
        files.write_atomic(output, page.encode("utf-8"))
    elif fmt == "csv":
        files.write_atomic(output, tasks.agenda_csv(data))
    elif fmt == "ics":
        files.write_atomic(output, tasks.agenda_ics(data))
    elif fmt == "docx":
        from raadsakkoord.export import word

        word.write_docx(data, output)
    else:
        from raadsakkoord.export import pdf  # Qt only for the formats that need it

        if fmt == "odt":
            pdf.write_odt(data, output)
        else:
            source = markdown(data).encode("utf-8") if attach_source else None
            return pdf.write_pdf(data, output, attach=source, progress=progress)
    return None


def ensure_gui_application() -> None:
    """Qt lays out text only with a GUI application; create one without a window if needed.

    Done here, at the edge, so the renderers never look up a global
    application. Without a display Qt's offscreen platform does the job.
    """
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        global _app
        _app = QGuiApplication(["raadsakkoord"])


_app = None
