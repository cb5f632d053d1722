"""A draft file read as Markdown: a Markdown text as it is, a Word or OpenDocument file converted."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from raadsakkoord.base.files import MAX_TEXT_FILE, read_file_limited
from raadsakkoord.base.text import decode_utf8
from raadsakkoord.importing.outline import Outline


def _read_text(path: str) -> str:
    return decode_utf8(read_file_limited(path, MAX_TEXT_FILE), path)


@dataclass(frozen=True)
class DraftFile:
    """A draft file's proposed outline, what its import left out, and a Markdown file's own text."""

    outline: Outline
    left_out: list[str]
    text: str | None = None  # a Markdown file is imported as written, not as its outline rewrites it

    @property
    def is_document(self) -> bool:
        return self.text is None

    def markdown(self, outline: Outline | None = None) -> str:
        """The Markdown to import: the file's own text, or that of the (edited) outline after checking it."""
        if self.text is not None:
            return self.text
        outline = outline or self.outline
        outline.check()
        return outline.markdown()


def read_draft_file(path: str) -> DraftFile:
    """A Markdown, Word or OpenDocument draft with its proposed outline; InputError if unusable."""
    from raadsakkoord.importing.markdown import parse_draft
    from raadsakkoord.importing.office import is_binary_document, read_outline
    from raadsakkoord.importing.outline import from_draft

    name = Path(path).name
    if Path(path).is_file() and is_binary_document(path):
        outline, report = read_outline(path)
        return DraftFile(outline, report.lines())
    text = _read_text(path)
    return DraftFile(from_draft(parse_draft(text, name), name), [], text)
