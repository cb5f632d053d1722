"""A round's export with tracked changes, from a file: Word (.docx) or OpenDocument text (.odt)."""

from __future__ import annotations

from pathlib import Path

from raadsakkoord.importing.office import open_office_file
from raadsakkoord.importing.office.changes import DocxChanges, TrackedDocument


def read_tracked(path: str | Path) -> TrackedDocument:
    """The tracked changes of a round's export, per section (see ``changes``).

    InputError if the file is no Word or OpenDocument text at all.
    """
    file = Path(path)
    kind, opened = open_office_file(file)
    if kind == "odt":
        from raadsakkoord.importing.office.odt_changes import OdtChanges

        return OdtChanges(*opened, file.name).read()
    return DocxChanges(opened, file.name).read()
