"""Writing an export: reading what it needs in one action, then the file in the chosen format, all or nothing."""

from __future__ import annotations

import dataclasses

from collections.abc import Callable

from raadsakkoord.base.errors import InputError
from raadsakkoord.base.i18n import mark, tr

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


def export(workspace, what: str, fmt: str, output: str, *, round_number: int | None = None,
           attach_source: bool = False, readability: bool = False, force: bool = False,
           progress: Callable[[str], None] = lambda message: None, line_numbers: bool = True) -> int | None:
    """Read what ``what`` needs in one action and write it; returns the page count of a PDF.

    ``readability`` adds the readability appendix to the agreement (in every format).
    ``force`` replaces an existing file that is not such an export (never the workspace).
    ``line_numbers``: the agreement's section texts in their numbered lines (PDF, HTML, Word).
    """
    from raadsakkoord.base import files
    from raadsakkoord.export import amendments, document, html, markdown as md, tasks

    validate(what, fmt, round_number, attach_source, readability)
    files.check_target(output, kind=fmt, force=force, protect=workspace.files)
    # No progress line before the data is read: a refused round stays one line.
    with workspace.action() as session:
        if what == "agreement":
            data = document.agreement_document(session, round_number=round_number, readability=readability)
            data = dataclasses.replace(data, line_numbers=line_numbers)
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
    elif fmt == "odt":
        from raadsakkoord.export import odt  # Qt only for the format that needs it

        odt.write_odt(data, output)
    else:
        from raadsakkoord.export import pdf

        source = markdown(data).encode("utf-8") if attach_source else None
        return pdf.write_pdf(data, output, attach=source, progress=progress)
    return None

