"""The change instruction in words: the sentences councils write, rendered from the structure."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from raadsakkoord.base.i18n import set_language, tr
from raadsakkoord.diffing.instructions import Change, Instruction, instructions
from raadsakkoord.export.wording import ordinal, word
from tests.export.test_amendment_form_law import amended, texts

BASE = ("Iedereen kan meedoen.\n\n"
        "We helpen zo snel mogelijk.\n\n"
        "Een aanvraag krijgt binnen twee weken antwoord.\n\n"
        "De grens ligt op 120 procent van het sociaal minimum.")


def sentences(base: str, new: str, lines=None) -> list[str]:
    paragraphs = len(base.split("\n\n")) if base else 0
    where = tr("hoofdlijn {number}").format(number="8.4")
    return [word(s, where, lines=lines, paragraphs=paragraphs).sentence
            for s in instructions(base, new)]


def test_a_replacement_with_its_line():
    lines = lambda start, end: (23, 23)
    assert sentences(BASE, BASE.replace("twee weken", "een week"), lines) == [
        "In hoofdlijn 8.4, derde alinea (regel 23), wordt \u2018twee weken\u2019 vervangen door \u2018een week\u2019."]


def test_a_deletion_and_an_insertion():
    assert sentences(BASE, BASE.replace(" zo snel mogelijk", "")) == [
        "In hoofdlijn 8.4, tweede alinea, vervalt \u2018zo snel mogelijk\u2019."]
    assert sentences(BASE, BASE.replace("Iedereen kan", "Iedereen in Assen kan")) == [
        "In hoofdlijn 8.4, eerste alinea, wordt na \u2018Iedereen\u2019 ingevoegd: \u2018in Assen\u2019."]


def test_lines_over_a_range_use_an_en_dash():
    lines = lambda start, end: (2, 3)
    assert sentences(BASE, BASE.replace(" zo snel mogelijk", ""), lines) == [
        "In hoofdlijn 8.4, tweede alinea (regels 2\u20133), vervalt \u2018zo snel mogelijk\u2019."]


def test_paragraphs_inserted_deleted_and_rewritten():
    paragraphs = BASE.split("\n\n")
    added = "\n\n".join([*paragraphs[:2], "Niemand wacht langer dan een maand.", *paragraphs[2:]])
    assert sentences(BASE, added) == [
        "In hoofdlijn 8.4 wordt na de tweede alinea een alinea ingevoegd, luidende:"]
    assert sentences(BASE, "\n\n".join(paragraphs[:3])) == ["In hoofdlijn 8.4 vervalt de vierde alinea."]
    rewritten = BASE.replace("Een aanvraag krijgt binnen twee weken antwoord.",
                             "Wie hulp vraagt, hoort dezelfde dag wie zijn vaste contactpersoon wordt.")
    (step,) = instructions(BASE, rewritten)
    wording = word(step, "hoofdlijn 8.4", paragraphs=4)
    assert wording.sentence == "In hoofdlijn 8.4 komt de derde alinea te luiden:"
    assert wording.block == "Wie hulp vraagt, hoort dezelfde dag wie zijn vaste contactpersoon wordt."


def test_a_phrase_that_occurs_twice_gets_context_words_until_it_is_unique():
    base = "De wijk en de wijk aan het water krijgen een plan."
    (sentence,) = sentences(base, "De wijk en de buurt aan het water krijgen een plan.")
    assert sentence == ("In hoofdlijn 8.4, eerste alinea, wordt \u2018wijk aan\u2019 vervangen door "
                        "\u2018buurt aan\u2019.")


def test_a_phrase_that_stays_ambiguous_is_counted():
    base = "ja ja ja ja ja ja ja ja ja ja ja ja ja ja ja ja"
    (step,) = instructions(base, "ja ja ja ja ja ja ja ja nee ja ja ja ja ja ja ja")
    assert step.occurrence > 1
    sentence = word(step, "hoofdlijn 8.4").sentence
    assert f"(de {ordinal(step.occurrence)} keer dat het voorkomt)" in sentence


def test_a_list_item_is_named_as_bullet():
    base = "Wij doen:\n\n- een\n- twee\n- drie wegen"
    assert sentences(base, "Wij doen:\n\n- een\n- twee\n- drie brede wegen") == [
        "In hoofdlijn 8.4, tweede alinea, het derde opsommingsteken, wordt na \u2018drie\u2019 ingevoegd: "
        "\u2018brede\u2019."]


def test_section_deleted_inserted_and_retitled():
    assert word(Instruction(Change.DELETE_SECTION), "hoofdlijn 5.2").sentence == "Hoofdlijn 5.2 vervalt."
    inserted = word(Instruction(Change.INSERT_SECTION, new="Tekst.", title="Huurteam"), "hoofdstuk 6")
    assert inserted.sentence == "Aan hoofdstuk 6 wordt een hoofdlijn toegevoegd, luidende:"
    assert (inserted.title, inserted.block) == ("Huurteam", "Tekst.")
    assert word(Instruction(Change.RETITLE, title="Samen"), "hoofdlijn 3.1").sentence == (
        "Het opschrift van hoofdlijn 3.1 komt te luiden: \u2018Samen\u2019.")


def test_ordinals_in_words_then_in_figures():
    assert [ordinal(n) for n in (1, 3, 12, 20, 21, 33)] == [
        "eerste", "derde", "twaalfde", "twintigste", "21e", "33e"]


@pytest.fixture
def english():
    set_language("en")
    yield
    set_language("nl")


def test_english_window_gives_english_sentences(english):
    assert sentences(BASE, BASE.replace("twee weken", "een week")) == [
        "In section 8.4, third paragraph, \u2018twee weken\u2019 is replaced by \u2018een week\u2019."]
    assert [ordinal(n) for n in (1, 21, 22, 23, 111)] == ["first", "21st", "22nd", "23rd", "111th"]


_QUOTED = re.compile("\u2018(.*?)\u2019(?=[ .,;:(]|$)", re.DOTALL)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_the_sentence_quotes_what_the_structure_says(data):
    base = data.draw(texts)
    new = data.draw(amended(base))
    paragraphs = len(base.split("\n\n")) if base else 0
    for step in instructions(base, new):
        wording = word(step, "hoofdlijn 8.4", paragraphs=paragraphs)
        said = wording.sentence
        assert f"{ordinal(step.paragraph + 1)} alinea" in said or step.kind == Change.INSERT_PARAGRAPHS
        if step.kind == Change.REPLACE:
            assert f"\u2018{step.old.strip()}\u2019" in said and said.removesuffix(".").endswith(f"\u2018{step.new.strip()}\u2019")
        elif step.kind == Change.DELETE:
            assert said.removesuffix(".").endswith(f"vervalt \u2018{step.old.strip()}\u2019") or "keer dat" in said
        elif step.kind == Change.INSERT:
            assert said.removesuffix(".").endswith(f"ingevoegd: \u2018{step.new.strip()}\u2019")
            assert (f"na \u2018{step.anchor.strip()}\u2019" in said) == bool(step.anchor)
        else:
            assert wording.block == step.new
        if step.item:
            assert f"het {ordinal(step.item)} " in said


def test_a_quote_that_ends_a_sentence_gets_no_second_full_stop():
    base = "De wachttijd is lang."
    assert sentences(base, "De wachttijd is lang. Dat moet anders.") == [
        "In hoofdlijn 8.4, eerste alinea, wordt na \u2018lang.\u2019 ingevoegd: \u2018Dat moet anders.\u2019"]
