"""Every PDF the application writes, typeset by Typst: tagged PDF/UA-1 and archival PDF/A-2a.

The templates live in ``resources/typst``; the publication reaches them as
JSON data (``pdf_data``) through Typst's ``sys.inputs``, never as markup, so
no text from a package can run Typst code. Typst is told to use only the
shipped fonts, so every laptop makes the same PDF.

A PDF with the Markdown source attached (``attach``) is PDF/A-3a instead:
PDF/A-2 forbids attachments other than PDF/A files, PDF/A-3 allows them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path

import typst

from raadsakkoord.base import paths
from raadsakkoord.base.errors import UserError
from raadsakkoord.base.files import atomic_path
from raadsakkoord.base.i18n import tr
from raadsakkoord.export import amendment_form_pdf, pdf_data
from raadsakkoord.export.amendment_form import AmendmentForms
from raadsakkoord.export.amendments import AmendmentBook
from raadsakkoord.export.document import AgreementDocument, TaskAgenda
from raadsakkoord.export.pdf_content import FONT_FILE

ARCHIVAL = "a-2a"  # PDF/A-2, level A (accessible): the strongest PDF/A that combines with PDF/UA-1
WITH_ATTACHMENT = "a-3a"
ACCESSIBLE = "ua-1"
_PAGES = re.compile(rb"/Type\s*/Page[^s]")


def _template(data) -> tuple[str, Callable]:
    if isinstance(data, AgreementDocument):
        return "agreement.typ", pdf_data.agreement
    if isinstance(data, TaskAgenda):
        return "task-agenda.typ", pdf_data.task_agenda
    if isinstance(data, AmendmentBook):
        return "amendment-book.typ", pdf_data.amendment_book
    if isinstance(data, AmendmentForms):
        return "amendment-form.typ", amendment_form_pdf.amendment_forms
    raise TypeError(type(data))


def typeset(data, *, attach: tuple[str, bytes] | None = None,
            progress: Callable[[str], None] = lambda message: None) -> bytes:
    """The PDF of a publication, as bytes."""
    template, prepare = _template(data)
    folder = paths.typst_dir()
    fonts = paths.fonts_dir()
    if not (folder / template).is_file() or not (fonts / FONT_FILE).is_file():
        raise UserError(tr("De opmaak voor PDF ontbreekt in {folder}; installeer Raadsakkoord opnieuw.").format(
            folder=folder if not (folder / template).is_file() else fonts))
    inputs = prepare(data, progress)
    if attach is not None:
        name, content = attach
        inputs["attachment"] = {"name": name, "content": content.decode("utf-8")}
    progress(tr("de PDF zetten…"))
    try:
        return typst.compile(
            str(folder / template), root=str(folder), font_paths=[str(fonts)], ignore_system_fonts=True,
            sys_inputs={"data": json.dumps(inputs, ensure_ascii=False, separators=(",", ":"))},
            pdf_standards=[ACCESSIBLE, WITH_ATTACHMENT if attach is not None or _attaches(data) else ARCHIVAL],
            timestamp=_timestamp(data))
    except typst.TypstError as exc:
        # Our templates are tested on hostile texts; reaching this is a bug,
        # and the file stays unwritten.
        raise UserError(tr("De PDF kon niet worden opgemaakt; er is niets geschreven. ({detail})").format(
            detail=str(exc).splitlines()[0] if str(exc) else type(exc).__name__)) from exc


def _attaches(data) -> bool:
    # A formal amendment carries its structured change instruction as an attachment.
    return isinstance(data, AmendmentForms)


def _timestamp(data) -> int:
    """The creation time in the metadata: the publication's own date, so the same round gives the same file."""
    day = data.meta.date
    return int(dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC).timestamp())


def page_count(pdf: bytes) -> int:
    return len(_PAGES.findall(pdf))


def write_pdf(data, output: str | Path, *, attach: bytes | None = None,
              progress: Callable[[str], None] = lambda message: None) -> int:
    """Write the publication's PDF whole or not at all; returns the page count.

    ``attach`` is the Markdown source to attach (the PDF is then PDF/A-3a).
    """
    name = Path(str(output)).with_suffix(".md").name
    pdf = typeset(data, attach=(name, attach) if attach is not None else None, progress=progress)
    pages = page_count(pdf)
    progress(tr("{pages} pagina's schrijven…").format(pages=pages))
    with atomic_path(output) as temp:
        temp.write_bytes(pdf)
    return pages
