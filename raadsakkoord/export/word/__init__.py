"""Word (.docx) exports: the agreement with Word's heading styles, the amendment book with tracked changes.

Written with python-docx, without Qt, and saved through ``files.atomic_path``
so a failed export never leaves half a file behind.
"""

from __future__ import annotations

from pathlib import Path

from raadsakkoord.export.amendment_form import AmendmentForms
from raadsakkoord.export.amendments import AmendmentBook
from raadsakkoord.export.document import AgreementDocument
from raadsakkoord.base.files import atomic_path


def write_docx(data: AgreementDocument | AmendmentBook | AmendmentForms, output: str | Path) -> None:
    if isinstance(data, AgreementDocument):
        from raadsakkoord.export.word.agreement import agreement_docx

        document = agreement_docx(data)
    elif isinstance(data, AmendmentBook):
        from raadsakkoord.export.word.amendments import amendment_book_docx

        document = amendment_book_docx(data)
    elif isinstance(data, AmendmentForms):
        from raadsakkoord.export.word.amendment_form import amendment_forms_docx

        document = amendment_forms_docx(data)
    else:
        raise TypeError(type(data))
    with atomic_path(output) as temp:
        document.save(str(temp))
