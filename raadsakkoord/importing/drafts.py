"""A draft file read as Markdown: a Markdown text as it is, a Word or OpenDocument file converted."""

from __future__ import annotations

from pathlib import Path

from raadsakkoord.base.files import MAX_TEXT_FILE, read_file_limited
from raadsakkoord.base.text import decode_utf8


def _read_text(path: str) -> str:
    return decode_utf8(read_file_limited(path, MAX_TEXT_FILE), path)


def read_draft(path: str) -> tuple[str, list[str]]:
    """The Markdown draft in a file, and the lines that report what a document's import left out."""
    from raadsakkoord.importing.office import is_binary_document, read_document

    if Path(path).is_file() and is_binary_document(path):
        markdown, report = read_document(path)
        return markdown, report.lines()
    return _read_text(path), []
