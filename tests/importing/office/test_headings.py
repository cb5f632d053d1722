"""Headings found without the styles Kop 1 and Kop 2: each sample programme gives the outline a clerk expects."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from raadsakkoord.base.errors import InputError
from raadsakkoord.importing.markdown import parse_draft
from raadsakkoord.importing.office import read_document, read_outline
from raadsakkoord.importing.office.blocks import Heading, ListItem, Paragraph, Title
from raadsakkoord.importing.office.headings import propose_outline
from raadsakkoord.importing.office.inline import Inline
from raadsakkoord.importing.office.report import ImportReport
from tests.importing.office.samples import BUILT_IN, DOCX_SAMPLES, ODT_SAMPLES, numbered_bold_docx, para, write_docx


def shape(outline):
    return [(e.kind, e.title, [p.plain for p in e.body]) for e in outline.entries]


@pytest.mark.parametrize("name", sorted(DOCX_SAMPLES) + sorted(ODT_SAMPLES))
def test_each_sample_gives_its_outline_and_says_which_rule_found_it(tmp_path, name):
    build = {**DOCX_SAMPLES, **ODT_SAMPLES}[name]
    rule, expected = build(tmp_path / name)
    outline, _ = read_outline(tmp_path / name)
    assert (outline.rule, shape(outline)) == (rule, expected)
    outline.check()
    # The outline's Markdown is a draft with the same chapters and sections.
    draft = parse_draft(outline.markdown(), name)
    assert [(c.title, [s.title for s in c.sections]) for c in draft.chapters] == chapters(expected)


def chapters(expected):
    result = []
    for kind, title, _ in expected:
        if kind == "chapter":
            result.append((title, []))
        else:
            result[-1][1].append(title)
    return result


def test_the_explanation_names_the_rule_in_dutch(tmp_path):
    numbered_bold_docx(tmp_path / "genummerd.docx")
    outline, _ = read_outline(tmp_path / "genummerd.docx")
    assert outline.explanation == "koppen gevonden via: genummerde vetgedrukte alinea's"
    assert not outline.certain
    assert [p.plain for p in outline.preamble] == ["Inleiding: dit akkoord is van de hele raad."]


def test_only_the_documents_own_heading_styles_need_no_review(tmp_path):
    certain = {}
    for name, build in {**DOCX_SAMPLES, **ODT_SAMPLES}.items():
        build(tmp_path / name)
        certain[name] = read_outline(tmp_path / name)[0].certain
    assert {name for name, yes in certain.items() if yes} == {
        "kop-nederlands.docx", "huisstijl.docx", "titel-en-overzichtsniveaus.docx", "overzichtsniveaus.odt"}


def test_a_title_that_names_the_one_chapter_is_not_reported_as_left_out(tmp_path):
    one_level = DOCX_SAMPLES["een-kopniveau.docx"]
    one_level(tmp_path / "a.docx")
    _, report = read_outline(tmp_path / "a.docx")
    assert report.lines() == []
    DOCX_SAMPLES["kop-nederlands.docx"](tmp_path / "b.docx")
    _, report = read_outline(tmp_path / "b.docx")
    assert report.lines() == ["Niet overgenomen uit b.docx:",
                              "  - 1 titel of ondertitel (de titel van het raadsakkoord geeft u zelf op)"]


def test_the_same_document_always_gives_the_same_outline(tmp_path):
    numbered_bold_docx(tmp_path / "a.docx")
    first, _ = read_outline(tmp_path / "a.docx")
    assert all(read_outline(tmp_path / "a.docx")[0] == first for _ in range(3))


def test_bold_in_a_sentence_or_a_long_bold_paragraph_is_no_heading(tmp_path):
    long_bold = "Dit is een lange vetgedrukte alinea die een belangrijke afspraak over wonen en zorg vastlegt"
    write_docx(tmp_path / "vet.docx", [
        para("1. Wonen", bold=True), para("We bouwen."),
        para(long_bold, bold=True), para("Meer tekst."),
        para("2026. Een jaartal vooraan in gewone tekst."),
    ], BUILT_IN)
    outline, _ = read_outline(tmp_path / "vet.docx")
    assert shape(outline) == [("chapter", "vet", []), ("section", "Wonen", [
        "We bouwen.", long_bold, "Meer tekst.", "2026. Een jaartal vooraan in gewone tekst."])]


def test_a_document_where_nothing_is_found_is_refused_with_the_rules_tried(tmp_path):
    write_docx(tmp_path / "tekst.docx", [para("Alleen gewone tekst."), para("En nog een alinea.")], BUILT_IN)
    with pytest.raises(InputError) as caught:
        read_document(tmp_path / "tekst.docx")
    assert "geprobeerd: de stijlen Kop 1 en Kop 2, overzichtsniveaus 1 en 2, genummerde vetgedrukte " \
           "alinea's, korte vetgedrukte alinea's gevolgd door tekst" in caught.value.message


# -- the law: whatever rule finds the outline, every word of the text is in it, in order -----------

def _inline(text: str, bold: bool):
    content = Inline()
    content.add(text, bold=bold)
    return content


texts = st.sampled_from(["Wonen", "1. Wonen", "1.1 Bouwen", "3.2 Huur", "Artikel 3", "Hoofdstuk 2 Zorg",
                         "We bouwen 500 woningen.", "Let op:", "2026. Een jaar", "De raad besluit *nu*"])
blocks_strategy = st.lists(st.one_of(
    st.builds(lambda t, b: Title(_inline(t, b)), texts, st.booleans()),
    st.builds(lambda level, t: Heading(level, _inline(t, False)), st.integers(1, 4), texts),
    st.builds(lambda t, b, large: Paragraph(_inline(t, b), large=large), texts, st.booleans(), st.booleans()),
    st.builds(lambda ordered, level, t, b: ListItem(ordered, level, 1, _inline(t, b)),
              st.booleans(), st.integers(0, 1), texts, st.booleans()),
), max_size=25)
_NUMBER_WORD = re.compile(r"^\d{1,3}(\.\d{1,3})*\.?$")


def _words(text: str) -> list[str]:
    # A heading's own number is left to the agreement, which numbers chapters and sections itself.
    return [w for w in text.split() if not _NUMBER_WORD.match(w)]


@settings(max_examples=300, deadline=None)
@given(blocks_strategy)
def test_the_proposed_outline_holds_every_word_of_the_document_in_order(blocks):
    try:
        outline = propose_outline(blocks, ImportReport("concept.docx"))
    except InputError:
        assert not any(isinstance(b, Heading) for b in blocks)  # headings are always found
        return
    expected = [w for b in blocks if not isinstance(b, Title) for w in _words(b.content.plain())]
    found = [w for part in outline.preamble for w in _words(part.plain)]
    for index, entry in enumerate(outline.entries):
        if not (index == 0 and outline.named_chapter):
            found += _words(entry.title)
        found += [w for part in entry.body for w in _words(part.plain)]
    assert found == expected
