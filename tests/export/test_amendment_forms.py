"""The formal amendments of the demo as files: every one exports, reads back, and says what the council needs."""

from __future__ import annotations

import datetime as dt
import json
import re

import pypdf
import pytest
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st

from raadsakkoord.base.errors import InputError, NotFound
from raadsakkoord.base.i18n import set_language
from raadsakkoord.diffing.instructions import apply
from raadsakkoord.export import pdf, word
from raadsakkoord.export.amendment_form import forms_for, parse_meeting, read_structure
from raadsakkoord.export.amendment_form_files import write_forms
from raadsakkoord.export.amendment_form_markdown import (
    forms_markdown,
    read_instructions,
)
from raadsakkoord.export.word.amendment_form import read_structure as docx_structure
from raadsakkoord.model import Amendment, AmendmentKind, AmendmentStatus
from tests.export import pdfcheck
from tests.export.formfixtures import form_of, forms_of, pdf_instructions
from tests.export.test_amendment_form_law import amended, texts

TITLE = "Amendementen Raadsakkoord Assen 2026–2030"


def _expected(demo) -> dict[str, tuple[str, str]]:
    """Per label: the base text the instructions point into, and the text they must give."""
    out = {}
    with demo.action() as session:
        for a in session.scalars(sa.select(Amendment).where(Amendment.number.is_not(None))):
            base = a.base_revision.text if a.base_revision is not None else ""
            if a.parent is not None:
                base = a.parent.proposed_text
            target = "" if a.kind == AmendmentKind.DELETE else a.proposed_text
            out[a.label] = (base, target)
    return out


@pytest.fixture(scope="module")
def all_pdf(demo, tmp_path_factory):
    target = tmp_path_factory.mktemp("forms") / "amendementen.pdf"
    pages = write_forms(demo, None, "pdf", str(target))
    return target, pages


def test_every_demo_amendment_is_in_the_pdf_each_starting_on_a_page_of_its_own(demo, all_pdf):
    target, pages = all_pdf
    _, tree, texts = pdfcheck.check(target, TITLE)
    labels = sorted(_expected(demo), key=lambda label: int(label[1:].split(".")[0]))
    assert len(labels) == 26 and pages == len(texts) >= len(labels)
    starts = [re.search(r"Amendement (A[\d.]+) Onderwerp:", t) for t in texts]
    # Each page that starts an amendment starts with its heading; the others continue the one before.
    assert [m[1] for m in starts if m] == labels
    assert [e.role for e in tree.walk()].count("/H1") == len(labels)
    for text, start in zip(texts, starts):
        assert ("besluit het ontwerp-raadsakkoord als volgt te wijzigen:" in text) == bool(start)


def test_the_instructions_read_back_from_every_format_give_each_demo_amendment(demo, all_pdf, tmp_path):
    expected = _expected(demo)
    docx_path = tmp_path / "amendementen.docx"
    md_path = tmp_path / "amendementen.md"
    write_forms(demo, None, "docx", str(docx_path))
    write_forms(demo, None, "md", str(md_path))
    found = {"pdf": pdf_instructions(all_pdf[0]), "docx": read_structure(docx_structure(docx_path)),
             "md": read_instructions(md_path.read_text(encoding="utf-8"))}
    for fmt, items in found.items():
        assert sorted(label for label, _ in items) == sorted(expected), fmt
        for label, steps in items:
            base, target = expected[label]
            assert steps, (fmt, label)
            assert apply(base, steps) == target, (fmt, label)


def test_each_demo_amendment_exports_alone_in_every_format(demo, tmp_path):
    labels = list(_expected(demo))
    for label in labels:
        for fmt in ("md", "docx"):
            target = tmp_path / f"{label}.{fmt}"
            write_forms(demo, label, fmt, str(target))
            assert target.stat().st_size > 0
    for label in labels[:3]:
        target = tmp_path / f"{label}.pdf"
        assert write_forms(demo, label, "pdf", str(target)) >= 1
        _, _, texts = pdfcheck.check(target, f"Amendement {label} " + _headline(demo, label))
        assert f"Amendement {label}" in texts[0]


def _headline(demo, label: str) -> str:
    with demo.action() as session:
        return forms_for(session, label).forms[0].headline


def test_the_form_names_submitters_members_signature_lines_and_line_numbers(demo):
    with demo.action() as session:
        a = session.scalars(sa.select(Amendment).where(Amendment.number.is_not(None))
                            .order_by(Amendment.number)).first()
        members = [m.name for m in a.party.members]
        co = [(p.name, [m.name for m in p.members]) for p in a.confirmed_co_parties]
        form = forms_for(session, a.label).forms[0]
    text = forms_markdown(forms_of(form))
    assert members and all(f"{name}: \\_" in text for name in members)
    for party, names in co:
        assert f"**{party}**" in text and all(name in text for name in names)
    assert re.search(r"\(regels? \d+(\u2013\d+)?\)", text)
    assert "## Toelichting" in text and "## Ingediend door" in text


def test_the_meeting_date_is_printed_or_left_blank_never_invented(demo):
    with demo.action() as session:
        blank = forms_markdown(forms_for(session, "A1"))
        dated = forms_markdown(forms_for(session, "A1", meeting=dt.date(2026, 12, 10)))
    assert "in vergadering bijeen op \u2026\u2026\u2026\u2026\u2026\u2026\u2026\u2026\u2026 20\u2026\u2026;" in blank
    assert not re.search(r"bijeen op \d", blank)
    assert "in vergadering bijeen op 10 december 2026;" in dated
    assert parse_meeting("2026-12-10") == dt.date(2026, 12, 10) and parse_meeting(None) is None
    for bad in ("10-12-2026", "2026-02-30", "morgen"):
        with pytest.raises(InputError, match="geen datum"):
            parse_meeting(bad)


def test_a_draft_previews_without_a_number_and_is_left_out_of_all(demo):
    with demo.action() as session:
        draft = session.scalars(sa.select(Amendment).where(Amendment.status == AmendmentStatus.DRAFT)).first()
        form = forms_for(session, str(draft.id)).forms[0]
        everything = forms_for(session, None).forms
    text = forms_markdown(forms_of(form))
    assert form.draft and "# Amendement (concept)" in text
    assert "nog niet ingediend en heeft nog geen nummer" in text
    assert draft.id not in {f.id for f in everything}


def test_an_unknown_number_is_refused(demo):
    with demo.action() as session, pytest.raises(NotFound, match="Er is geen amendement A999"):
        forms_for(session, "A999")


@pytest.fixture
def english():
    set_language("en")
    yield
    set_language("nl")


def test_an_english_window_gives_the_english_form(demo, english, tmp_path):
    target = tmp_path / "a1.pdf"
    with demo.action() as session:
        text = forms_markdown(forms_for(session, "A1"))
    assert "# Amendment A1" in text and "decides to amend the draft council agreement as follows:" in text
    assert "In section 2.1, third paragraph" in text
    write_forms(demo, "A1", "pdf", str(target))
    reader = pypdf.PdfReader(target)
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert "page 1 of" in reader.pages[0].extract_text()


@settings(max_examples=15, deadline=None)
@given(st.data())
def test_the_law_holds_through_the_pdf_and_word_files(tmp_path_factory, data):
    base = data.draw(texts)
    new = data.draw(amended(base))
    forms = forms_of(form_of(base, new))
    folder = tmp_path_factory.mktemp("law")
    pdf.write_pdf(forms, folder / "a.pdf")
    word.write_docx(forms, folder / "a.docx")
    ((_, from_pdf),) = pdf_instructions(folder / "a.pdf")
    ((_, from_docx),) = read_structure(docx_structure(folder / "a.docx"))
    assert apply(base, from_pdf) == new
    assert apply(base, from_docx) == new
    assert json.loads(json.dumps([s.to_data() for s in from_pdf])) == [s.to_data() for s in forms.forms[0].instructions]


def test_a_subamendment_changes_the_text_of_its_amendment(demo_path, tmp_path):
    import shutil

    from raadsakkoord import operations as ops
    from raadsakkoord.store.workspace import open_workspace

    copy = tmp_path / "assen.raadsakkoord"
    shutil.copyfile(demo_path, copy)
    workspace = open_workspace(str(copy))
    try:
        with workspace.action() as s:
            parent = s.scalars(sa.select(Amendment).where(Amendment.number == 20)).one()
            actor = ops.Actor.of_party(parent.party_id, "Pim Peters")
            text = parent.proposed_text.replace("een week", "drie werkdagen")
            sub = ops.propose_amendment(s, actor, kind=AmendmentKind.MODIFY, section_id=parent.section_id,
                                        headline="Drie werkdagen", explanation="Nog sneller.", text=text,
                                        submit=False)
            sub.parent = parent
            ops.submit_amendment(s, actor, sub.id)
            label, parent_text = sub.label, parent.proposed_text
        with workspace.action() as s:
            form = forms_for(s, label).forms[0]
            assert [f.label for f in forms_for(s, None).forms].index(label) == 20  # right after A20
    finally:
        workspace.close()
    assert label == "A20.1" and form.where == "amendement A20"
    (sentence,) = [w.sentence for w in form.wordings]
    assert sentence.startswith("In amendement A20, ") and "\u2018drie werkdagen\u2019" in sentence
    assert apply(parent_text, form.instructions) == text
