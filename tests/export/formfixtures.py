"""Formal amendments built without a workspace, for the laws of the change instruction."""

from __future__ import annotations

import datetime as dt
import uuid

from raadsakkoord.diffing.instructions import instructions
from raadsakkoord.export.amendment_form import AmendmentForm, AmendmentForms, Signer
from raadsakkoord.export.document import Meta, PartyLine
from raadsakkoord.export.wording import word

META = Meta("Raadsakkoord Assen 2026–2030", "Assen", "2026–2030", 33, "Concept 2", dt.date(2026, 11, 2), 2,
            "", "", "", (PartyLine("GroenLinks", "GL", 3, "#00aa00"),), uuid.UUID(int=1))


def form_of(base: str, amended: str, label: str = "A1", where: str = "hoofdlijn 8.4") -> AmendmentForm:
    steps = instructions(base, amended)
    paragraphs = len(base.split("\n\n")) if base else 0
    return AmendmentForm(
        id=uuid.uuid4(), label=label, headline="Sneller antwoord", draft=False, where=where,
        section_title="Armoede", municipality="Assen", meeting=None, proposal=META.title,
        instructions=steps, wordings=tuple(word(s, where, paragraphs=paragraphs) for s in steps),
        explanation="Het moet sneller.", submitters=(Signer("GroenLinks", ("Femke Oosting",)),))


def forms_of(*forms: AmendmentForm) -> AmendmentForms:
    return AmendmentForms(META, forms)


def pdf_instructions(path) -> list:
    """(label, instructions) read back from an exported PDF's attachment."""
    import json

    import pypdf

    from raadsakkoord.export.amendment_form import read_structure
    from raadsakkoord.export.amendment_form_pdf import ATTACHMENT

    (content,) = pypdf.PdfReader(path).attachments[ATTACHMENT]
    return read_structure(json.loads(content))
