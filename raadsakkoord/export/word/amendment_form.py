"""The formal amendments as a Word document, each starting on a new page.

The structured change instructions are stored in the file as a custom XML
part (``customXml/itemN.xml``, the place Word keeps data that belongs to a
document without showing it) in our own namespace; ``read_structure`` reads
them back.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.shared import Cm, Pt
from lxml import etree

from raadsakkoord.base.i18n import tr
from raadsakkoord.export.amendment_form import (
    AmendmentForm,
    AmendmentForms,
    form_text,
    roman,
)
from raadsakkoord.export.word.base import (
    INTRO,
    SMALL,
    add,
    heading,
    new_document,
    page_break_before,
)
from raadsakkoord.export.word.markdown import MarkdownWriter
from raadsakkoord.export.word.numbering import Lists

NAMESPACE = "urn:raadsakkoord:wijzigingsopdrachten:1"
QUOTED = "Wijzigingstekst"
SIGNATURE_LINE = "_" * 44


def amendment_forms_docx(forms: AmendmentForms):
    first = forms.forms[0]
    title = (tr("Amendementen {title}").format(title=forms.meta.title) if len(forms.forms) != 1
             else f"{form_text(first).title} {first.headline}")
    document = new_document(forms.meta, title)
    quoted = document.styles.add_style(QUOTED, WD_STYLE_TYPE.PARAGRAPH)
    quoted.base_style = document.styles["Normal"]
    quoted.paragraph_format.left_indent = Cm(1.6)
    lists = Lists(document)
    prose = MarkdownWriter(document, lists, outline_from=None)
    inserted = MarkdownWriter(document, lists, outline_from=None, style=QUOTED)
    for n, form in enumerate(forms.forms):
        _form(document, form, prose, inserted, first=n == 0)
    _store_structure(document, forms)
    return document


def _form(document, form: AmendmentForm, prose: MarkdownWriter, inserted: MarkdownWriter, *, first: bool) -> None:
    words = form_text(form)
    title = heading(document, words.title, 1)
    if not first:
        page_break_before(title)
    if words.draft_note:
        add(document, words.draft_note, INTRO)
    subject = add(document)
    subject.add_run(words.subject).bold = True
    subject.add_run().add_break()
    subject.add_run(words.about)
    subject.paragraph_format.space_after = Pt(10)
    for line in (words.council, words.proposal, words.decides):
        add(document, line).paragraph_format.keep_with_next = True
    for k, wording in enumerate(form.wordings, start=1):
        # Roman numerals are no list syntax: the sentence is written as Markdown with its quoted emphasis.
        prose.write(document, f"**{roman(k)}.** {wording.sentence}")
        if wording.title:
            add(document, wording.title, QUOTED).runs[0].bold = True
        if wording.block:
            inserted.write(document, wording.block)
    if form.explanation.strip():
        heading(document, words.explanation_heading, 2)
        prose.write(document, form.explanation)
    heading(document, words.submitters_heading, 2)
    for signer in form.submitters:
        party = add(document, signer.party)
        party.runs[0].bold = True
        party.paragraph_format.keep_with_next = True
        party.paragraph_format.space_before = Pt(8)
        names = signer.names or ("",)
        for k, name in enumerate(names):
            line = add(document, SIGNATURE_LINE)
            line.paragraph_format.space_before = Pt(18)
            line.paragraph_format.keep_with_next = True
            label = add(document, name, SMALL)
            label.paragraph_format.keep_with_next = k + 1 < len(names)


def _store_structure(document, forms: AmendmentForms) -> None:
    content = json.dumps([f.to_data() for f in forms.forms], ensure_ascii=False, separators=(",", ":"))
    blob = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<wijzigingsopdrachten xmlns="{NAMESPACE}">{escape(content)}</wijzigingsopdrachten>').encode()
    package = document.part.package
    part = Part(package.next_partname("/customXml/item%d.xml"), "application/xml", blob, package)
    document.part.relate_to(part, RT.CUSTOM_XML)


def read_structure(path: str | Path) -> list[dict]:
    """The structured form stored in an exported Word file."""
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if name.startswith("customXml/item") and name.endswith(".xml"):
                root = etree.fromstring(package.read(name))
                if root.tag == f"{{{NAMESPACE}}}wijzigingsopdrachten":
                    return json.loads(root.text or "[]")
    raise ValueError("no change instructions in this Word file")
