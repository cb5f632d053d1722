"""The formal amendments as data for ``resources/typst/amendment-form.typ``.

The structured change instructions travel inside the PDF as a JSON
attachment (which makes the file PDF/A-3a, like a PDF with its source
attached); ``amendment_form.read_structure`` reads them back.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from raadsakkoord.base.i18n import language, tr
from raadsakkoord.export.amendment_form import (
    AmendmentForm,
    AmendmentForms,
    form_text,
    roman,
)
from raadsakkoord.export.pdf_content import blocks
from raadsakkoord.export.pdf_content import plain as one_line
from raadsakkoord.export.pdf_data import PROGRESS_EVERY, meta
from raadsakkoord.export.progress import Step

ATTACHMENT = "wijzigingsopdrachten.json"


def structure(forms: AmendmentForms) -> bytes:
    return json.dumps([f.to_data() for f in forms.forms], ensure_ascii=False, separators=(",", ":")).encode()


def amendment_forms(forms: AmendmentForms, progress: Callable[[str], None]) -> dict:
    total = len(forms.forms)
    out = []
    for n, form in enumerate(forms.forms):
        if total > PROGRESS_EVERY and n % PROGRESS_EVERY == 0:
            progress(Step(tr("amendement {done} van {total} voorbereiden…").format(done=n + 1, total=total),
                          n, total))
        out.append(_form(form))
    heading = tr("Amendementen {title}").format(title=forms.meta.title) if total != 1 else \
        form_text(forms.forms[0]).title + " " + forms.forms[0].headline
    data = meta(forms.meta, heading)
    if language() == "en":
        data["lang"], data["region"] = "en", "GB"
        data["page-word"], data["of-word"] = "page", "of"
    return {"meta": data, "forms": out,
            "structure": {"name": ATTACHMENT, "content": structure(forms).decode(),
                          "description": tr("Wijzigingsopdrachten")}}


def _form(form: AmendmentForm) -> dict:
    words = form_text(form)
    return {
        "title": one_line(words.title),
        "draft-note": one_line(words.draft_note) if words.draft_note else [],
        "subject": one_line(words.subject),
        "about": one_line(words.about),
        "council": one_line(words.council),
        "proposal": one_line(words.proposal),
        "decides": one_line(words.decides),
        "instructions": [{
            "number": roman(n),
            # The sentence quotes Markdown as written: its emphasis is shown as emphasis.
            "sentence": blocks(w.sentence, heading=3),
            "title": one_line(w.title) if w.title else [],
            "block": blocks(w.block, heading=3) if w.block else [],
        } for n, w in enumerate(form.wordings, start=1)],
        "explanation-heading": one_line(words.explanation_heading),
        "explanation": blocks(form.explanation, heading=3) if form.explanation.strip() else [],
        "submitters-heading": one_line(words.submitters_heading),
        "submitters": [{"party": one_line(s.party), "names": [one_line(name) for name in s.names]}
                       for s in form.submitters],
    }
