"""The proposed outline's edits: promote, demote, merge and split, none of which loses or moves a word."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from raadsakkoord.base.errors import InputError
from raadsakkoord.importing.markdown import parse_draft
from raadsakkoord.importing.outline import (
    CHAPTER,
    SECTION,
    Entry,
    Outline,
    Part,
    demote,
    merge,
    promote,
    split,
)


def part(text: str) -> Part:
    return Part(text, text)


OUTLINE = Outline("concept.docx", "numbered", (part("Voorwoord."),), (
    Entry(CHAPTER, "Wonen", (part("Wonen is een grondrecht."),)),
    Entry(SECTION, "Bouwen", (part("We bouwen."), part("Huur"), part("De huren stijgen niet."))),
    Entry(SECTION, "Financiën", (part("De begroting sluit."),)),
))


def test_promote_makes_a_section_a_chapter_and_demote_undoes_it():
    promoted = promote(OUTLINE, 2)
    assert [(e.kind, e.title) for e in promoted.entries] == [
        (CHAPTER, "Wonen"), (SECTION, "Bouwen"), (CHAPTER, "Financiën")]
    assert promoted.numbers() == ["1", "1.1", "2"]
    assert demote(promoted, 2) == OUTLINE


def test_split_makes_a_paragraph_a_heading_and_merge_joins_it_back():
    parted = split(OUTLINE, 1, 1)
    assert [(e.kind, e.title, [p.plain for p in e.body]) for e in parted.entries][1:3] == [
        (SECTION, "Bouwen", ["We bouwen."]), (SECTION, "Huur", ["De huren stijgen niet."])]
    joined = merge(parted, 2)
    assert [p.markdown for p in joined.entries[1].body] == ["We bouwen.", "**Huur**", "De huren stijgen niet."]
    assert split(joined, 1, 1) == parted


def test_the_edited_outline_is_the_draft_that_is_imported():
    draft = parse_draft(promote(split(OUTLINE, 1, 1), 3).markdown(), "concept.docx")
    assert [(c.title, [s.title for s in c.sections]) for c in draft.chapters] == [
        ("Wonen", ["Bouwen", "Huur"]), ("Financiën", [])]
    assert draft.chapters[1].intro == "De begroting sluit."


@pytest.mark.parametrize(("edit", "message"), [
    (lambda o: promote(o, 0), "'Wonen' is al een hoofdstuk."),
    (lambda o: demote(o, 1), "'Bouwen' is al een hoofdlijn; voeg haar samen met de vorige om er tekst van te maken."),
    (lambda o: merge(o, 0), "'Wonen' is de eerste kop; er is geen kop om mee samen te voegen."),
    (lambda o: split(replace_body(o, 1, Part("a " * 150, "a " * 150)), 1, 0),
     "Deze alinea is te lang voor een kop (meer dan 200 tekens); kies een kortere."),
    (lambda o: split(replace_body(o, 1, Part("- een\n- twee", "een twee")), 1, 0),
     "Van een lijst of tabel kan geen kop worden gemaakt; kies een gewone alinea."),
])
def test_an_edit_that_cannot_be_done_says_why(edit, message):
    with pytest.raises(InputError) as caught:
        edit(OUTLINE)
    assert caught.value.message == message


def replace_body(outline: Outline, index: int, *body: Part) -> Outline:
    entries = list(outline.entries)
    entries[index] = replace(entries[index], body=body)
    return replace(outline, entries=tuple(entries))


@pytest.mark.parametrize(("outline", "message"), [
    (Outline("a.docx", "bold", (), (Entry(SECTION, "Bouwen", (part("Tekst."),)),)),
     "a.docx: de hoofdlijn 'Bouwen' staat vóór het eerste hoofdstuk; maak er een hoofdstuk van of zet er een "
     "hoofdstuk boven."),
    (Outline("a.docx", "bold", (), (Entry(CHAPTER, "Wonen"), Entry(SECTION, "Bouwen"))),
     "a.docx: de hoofdlijn 'Bouwen' heeft geen tekst."),
    (Outline("a.docx", "bold", (), (Entry(CHAPTER, "Wonen", (part("Tekst."),)),)),
     "a.docx: de indeling heeft geen hoofdlijnen, dus er is niets te importeren."),
])
def test_an_outline_that_makes_no_agreement_is_refused_before_anything_is_written(outline, message):
    with pytest.raises(InputError) as caught:
        outline.check()
    assert caught.value.message == message


def test_the_printed_outline_is_numbered_indented_and_counts_words():
    assert OUTLINE.lines() == [
        "Voorgestelde indeling van concept.docx (koppen gevonden via: genummerde vetgedrukte alinea's):",
        "  Inleiding (1 woord)",
        "  1  Wonen (4 woorden)",
        "    1.1  Bouwen (7 woorden)",
        "    1.2  Financiën (3 woorden)",
        "1 hoofdstukken en 2 hoofdlijnen, 15 woorden tekst.",
    ]


# -- the law: no sequence of edits loses, adds or reorders a word ------------------------------------

words = st.text(alphabet="abcdefghij*#_ ", min_size=1, max_size=30).filter(lambda t: t.strip())
entries = st.lists(st.builds(
    Entry, st.sampled_from([CHAPTER, SECTION]), words, st.lists(words.map(part), max_size=4).map(tuple)),
    min_size=1, max_size=8)
edits = st.lists(st.tuples(st.sampled_from(["promote", "demote", "merge", "split"]),
                           st.integers(0, 9), st.integers(0, 9)), max_size=25)


@settings(max_examples=300, deadline=None)
@given(entries, st.lists(words.map(part), max_size=2), edits)
def test_any_sequence_of_edits_keeps_every_word_in_order(entries, preamble, edits):
    outline = Outline("concept.docx", "bold", tuple(preamble), tuple(entries))
    before = outline.words()
    for name, index, at in edits:
        index %= len(outline.entries)
        try:
            if name == "split":
                if not outline.entries[index].body:
                    continue
                outline = split(outline, index, at % len(outline.entries[index].body))
            else:
                outline = {"promote": promote, "demote": demote, "merge": merge}[name](outline, index)
        except InputError:
            continue  # refused: the outline is as it was
        assert outline.words() == before
