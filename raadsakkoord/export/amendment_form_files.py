"""Writing formal amendments to a file: one amendment, or every numbered one in one file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from raadsakkoord.base import files
from raadsakkoord.base.errors import InputError
from raadsakkoord.base.i18n import tr
from raadsakkoord.export.amendment_form import forms_for

FORM_FORMATS = ("pdf", "docx", "md")


def write_forms(workspace, which: str | None, fmt: str, output: str, *, meeting: dt.date | None = None,
                force: bool = False, progress: Callable[[str], None] = lambda message: None) -> int | None:
    """Write the form of amendment ``which`` ("A3" or an id; None: every numbered one); a PDF's page count.

    The file appears whole or not at all.
    """
    if fmt not in FORM_FORMATS:
        raise InputError(tr("Een formeel amendement kan worden geschreven als {formats}, niet als {format}.").format(
            formats=", ".join(FORM_FORMATS), format=fmt))
    files.check_target(output, kind=fmt, force=force, protect=workspace.files)
    with workspace.action() as session:
        data = forms_for(session, which, meeting=meeting)
    if fmt == "md":
        from raadsakkoord.export.amendment_form_markdown import forms_markdown

        files.write_atomic(output, forms_markdown(data).encode("utf-8"))
        return None
    if fmt == "docx":
        from raadsakkoord.export import word

        word.write_docx(data, output)
        return None
    from raadsakkoord.export import pdf

    return pdf.write_pdf(data, output, progress=progress)
