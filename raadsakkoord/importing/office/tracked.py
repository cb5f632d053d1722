"""A round's export with tracked changes, from a file: Word (.docx) or OpenDocument text (.odt)."""

from __future__ import annotations

from pathlib import Path

from raadsakkoord.importing.office import open_office_file
from raadsakkoord.importing.office.book import AmendmentBookDocument, is_amendment_book, read_book
from raadsakkoord.importing.office.changes import DocxChanges, TrackedDocument


def read_tracked(path: str | Path) -> TrackedDocument | AmendmentBookDocument:
    """The tracked changes of a round's export, per section (see ``changes``), or of our own
    amendment book in Word, per amendment (see ``book``).

    InputError if the file is no Word or OpenDocument text at all.
    """
    file = Path(path)
    kind, opened = open_office_file(file)
    if kind == "odt":
        from raadsakkoord.importing.office.odt_changes import OdtChanges

        return OdtChanges(*opened, file.name).read()
    if is_amendment_book(opened):
        return read_book(opened, file.name)
    return DocxChanges(opened, file.name).read()
