"""A draft file read as Markdown: a Markdown text as it is, a Word or OpenDocument file converted."""

from __future__ import annotations

from pathlib import Path

from raadsakkoord.base.errors import InputError, os_reason
from raadsakkoord.base.i18n import tr
from raadsakkoord.base.text import decode_utf8


def _read_text(path: str) -> str:
    file = Path(path)
    if not file.is_file():
        raise InputError(tr("bestand niet gevonden: {path}").format(path=path))
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise InputError(tr("{path} kan niet worden gelezen: {reason}").format(
            path=path, reason=os_reason(exc))) from None
    return decode_utf8(data, path)


def read_draft(path: str) -> tuple[str, list[str]]:
    """The Markdown draft in a file, and the lines that report what a document's import left out."""
    from raadsakkoord.importing.office import is_binary_document, read_document

    if Path(path).is_file() and is_binary_document(path):
        markdown, report = read_document(path)
        return markdown, report.lines()
    return _read_text(path), []
