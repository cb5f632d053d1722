"""Readability of Dutch text: syllables, Flesch-Douma, long sentences, officialese."""

import dataclasses
import json

import pytest

from raadsakkoord.queries.readability import (
    analyse,
    chapter_readability,
    combine,
    officialese,
    officialese_list,
    readability_report,
    sentences,
    syllables,
)


@pytest.mark.parametrize(("word", "count"), [
    ("beëindigen", 4),       # be-ëin-di-gen: the diaeresis starts a syllable, "ei" stays one
    ("coördinatie", 5),      # co-ör-di-na-tie
    ("ideeën", 3),           # i-dee-ën
    ("België", 3),           # Bel-gi-ë
    ("geïnteresseerd", 5),   # ge-ïn-te-res-seerd
    ("reünie", 3),           # re-ü-nie
    ("gemeenteraad", 4),     # ge-meen-te-raad (compound)
    ("inwonersinitiatieven", 9),  # in-wo-ners-i-ni-ti-a-tie-ven
    ("verantwoordelijkheid", 6),  # ver-ant-woor-de-lijk-heid
    ("participatieladder", 7),    # par-ti-ci-pa-tie-lad-der
    ("bioscoop", 3),         # bi-os-coop
    ("koeien", 2),           # koei-en
    ("eeuw", 1),
    ("fietspaden", 3),       # fiets-pa-den
    ("OZB", 1),              # an abbreviation counts at least one
    ("500", 1),
])
def test_syllables_worked_out_by_hand(word, count):
    assert syllables(word) == count


def test_flesch_douma_of_hand_counted_sentences():
    # 6 words, 6 syllables: 206.835 - 0.93 * 6 - 77 * 1 = 124.255
    assert analyse("De raad komt naar u toe.").flesch_douma == pytest.approx(124.255)
    # 4 words, 1 + 4 + 1 + 5 = 11 syllables: 206.835 - 0.93 * 4 - 77 * 2.75 = -8.635
    hard = analyse("Wij beëindigen de coördinatie.")
    assert (hard.words, hard.syllables) == (4, 11)
    assert hard.flesch_douma == pytest.approx(-8.635)
    assert hard.band == "zeer moeilijk"
    # Both together: 10 words in 2 sentences, 17 syllables: 206.835 - 0.93 * 5 - 77 * 1.7 = 71.285
    both = analyse("De raad komt naar u toe. Wij beëindigen de coördinatie.")
    assert both.flesch_douma == pytest.approx(71.285)
    assert both.band == "vrij makkelijk"


def test_markdown_does_not_change_the_score_of_the_same_prose():
    plain = analyse("De raad komt naar u toe. Wij beëindigen de coördinatie.")
    for marked in (
        "## Een kop telt niet mee\n\nDe **raad** komt naar _u_ toe. Wij beëindigen de [coördinatie](https://x.nl).",
        "- De raad komt naar u toe.\n- Wij beëindigen de coördinatie.",
        "1. De raad komt naar u toe.\n2. Wij beëindigen de `coördinatie`.",
    ):
        result = analyse(marked)
        assert (result.sentences, result.words, result.syllables) == (plain.sentences, plain.words, plain.syllables)
        assert result.flesch_douma == pytest.approx(plain.flesch_douma)


def test_sentences_abbreviations_and_list_items():
    assert sentences("Dit kan bijv. morgen. Of niet!\n\n- fietspaden\n- bushaltes") == [
        "Dit kan bijv. morgen.", "Of niet!", "fietspaden", "bushaltes"]


def test_long_sentences_and_the_longest_first():
    long = " ".join(["woord"] * 21) + "."
    result = analyse(f"Kort. {long} Ook kort.")
    assert result.long_sentences == (long,)
    assert result.longest[0] == long
    assert result.long_share == pytest.approx(1 / 3)


def test_officialese_words_and_phrases_with_alternatives():
    found = officialese("Teneinde de huur te verlagen, informeren wij u middels een brief met betrekking tot de OZB.")
    assert [(f.phrase, f.alternative) for f in found] == [
        ("teneinde", "om"), ("middels", "met, door"), ("met betrekking tot", "over")]
    assert officialese("De raad komt naar u toe.") == []


def test_the_officialese_list_is_long_enough_and_well_formed():
    entries = officialese_list()
    assert len(entries) >= 150
    assert len({phrase for _, phrase, _ in entries}) == len(entries)
    assert all(alternative.strip() for _, _, alternative in entries)


# Texts whose counts are worked out by hand (the syllables as in the tests above).
EASY = "De raad komt naar u toe."                      # 1 sentence, 6 words, 6 syllables
HARD = "Wij beëindigen de coördinatie."                # 1 sentence, 4 words, 1 + 4 + 1 + 5 = 11 syllables
# Te-nein-de de huur te ver-la-gen, in-for-me-ren wij u mid-dels een brief: 11 words, 19 syllables;
# wij schrij-ven u mid-dels een brief: 6 words, 8 syllables.
OFFICIAL = "Teneinde de huur te verlagen, informeren wij u middels een brief. Wij schrijven u middels een brief."
LONG = " ".join(["woord"] * 21) + "."                 # 1 sentence, 21 words, 21 syllables: a long one


@pytest.fixture
def small(workspace):
    """Three chapters: Wonen (EASY, HARD), Taal (OFFICIAL, LONG), and Leeg without sections."""
    from raadsakkoord import operations as ops

    griffie = ops.Actor.griffie("Griet Griffier")
    with workspace.action() as s:
        ops.create_agreement(s, griffie, title="Raadsakkoord Testdorp", municipality="Testdorp", council_seats=15)
        wonen = ops.add_chapter(s, griffie, title="Wonen")
        ops.add_section(s, griffie, chapter_id=wonen.id, title="Makkelijk", text=EASY)
        ops.add_section(s, griffie, chapter_id=wonen.id, title="Moeilijk", text=HARD)
        taal = ops.add_chapter(s, griffie, title="Taal")
        ops.add_section(s, griffie, chapter_id=taal.id, title="Ambtelijk", text=OFFICIAL)
        ops.add_section(s, griffie, chapter_id=taal.id, title="Lang", text=f"### Kop\n\n{LONG}")
        ops.add_chapter(s, griffie, title="Leeg")
    return workspace


def test_a_chapter_scores_its_sections_read_as_one_text(small):
    with small.action() as session:
        wonen, taal, leeg = chapter_readability(session)
    assert (wonen.number, wonen.title, wonen.sections) == ("1", "Wonen", 2)
    r = wonen.readability
    assert (r.sentences, r.words, r.syllables) == (2, 10, 17)
    # 206.835 - 0.93 * 10/2 - 77 * 17/10 = 71.285; the mean of the two sections'
    # scores, (124.255 - 8.635) / 2 = 57.81, would have said "vrij moeilijk".
    assert r.flesch_douma == pytest.approx(71.285)
    assert r.band == "vrij makkelijk"
    assert r.long_sentences == () and r.officialese == ()

    r = taal.readability
    assert (taal.title, taal.sections) == ("Taal", 2)
    assert (r.sentences, r.words, r.syllables) == (3, 38, 48)  # the heading "Kop" does not count
    # 206.835 - 0.93 * 38/3 - 77 * 48/38 = 97.79…
    assert r.flesch_douma == pytest.approx(206.835 - 0.93 * 38 / 3 - 77 * 48 / 38)
    assert round(r.flesch_douma, 2) == 97.79
    assert r.band == "zeer makkelijk"
    assert r.long_sentences == (LONG,) and r.long_share == pytest.approx(1 / 3)
    assert r.frequent_officialese() == [("middels", "met, door", 2), ("teneinde", "om", 1)]
    assert r.longest[0] == LONG

    assert (leeg.title, leeg.sections, leeg.readability.words) == ("Leeg", 0, 0)
    assert leeg.readability.band == "geen tekst"


def test_the_report_lists_sections_hardest_first_and_totals_the_agreement(small):
    with small.action() as session:
        report = readability_report(session)
    assert [(r.number, r.title) for r in report.sections] == [
        ("1.2", "Moeilijk"), ("2.1", "Ambtelijk"), ("2.2", "Lang"), ("1.1", "Makkelijk")]
    assert report.sections[1].readability.flesch_douma == pytest.approx(206.835 - 0.93 * 17 / 2 - 77 * 27 / 17)
    t = report.total
    assert (t.sentences, t.words, t.syllables, len(t.long_sentences), len(t.officialese)) == (5, 48, 65, 1, 3)
    assert t.flesch_douma == pytest.approx(206.835 - 0.93 * 48 / 5 - 77 * 65 / 48)  # 93.64


def test_combining_equals_analysing_the_texts_in_one_piece():
    texts = (EASY, HARD, OFFICIAL, LONG)
    whole = analyse("\n\n".join(texts))
    combined = combine(analyse(t) for t in texts)
    # Everything but the offsets of officialese, which stay those in each section's own text.
    assert dataclasses.replace(combined, officialese=()) == dataclasses.replace(whole, officialese=())
    assert [(o.phrase, o.alternative) for o in combined.officialese] == [
        (o.phrase, o.alternative) for o in whole.officialese]


def test_combining_nothing_has_no_score():
    nothing = combine([])
    assert (nothing.sentences, nothing.words, nothing.flesch_douma, nothing.band) == (0, 0, 0.0, "geen tekst")


def test_a_section_without_text_is_listed_last_not_as_hardest():
    from types import SimpleNamespace as NS

    from raadsakkoord.queries.readability import report_of

    chapter = NS(number="1", title="Een", sections=[NS(number="1.1", title="Leeg", text=""),
                                                      NS(number="1.2", title="Moeilijk", text=HARD)])
    assert [r.title for r in report_of([chapter]).sections] == ["Moeilijk", "Leeg"]


def test_cli_report_of_the_demo_worst_first(capsys, tmp_path):
    from raadsakkoord.cli import main
    from raadsakkoord.demo import create_demo_workspace

    path = tmp_path / "demo.raadsakkoord"
    create_demo_workspace(str(path)).close()
    assert main(["readability", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert len(report["sections"]) == 31
    scores = [r["flesch_douma"] for r in report["sections"]]
    assert scores == sorted(scores)
    assert [c["number"] for c in report["chapters"]] == [str(n) for n in range(1, 9)]
    assert sum(c["section_count"] for c in report["chapters"]) == 31
    assert sum(c["words"] for c in report["chapters"]) == sum(r["words"] for r in report["sections"]) \
        == report["total"]["words"]
    assert main(["readability", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Flesch-Douma" in out
    # The chapter summary follows the section table.
    assert out.index("Een akkoord van de hele raad") < out.index("De raad en dit akkoord") < out.index(
        "het hele raadsakkoord")


def test_cli_report_of_chapters_with_hand_computed_figures(small, capsys):
    from raadsakkoord.cli import main

    assert main(["readability", small.label]) == 0
    lines = capsys.readouterr().out.splitlines()
    wonen = next(line for line in lines if "Wonen" in line)
    assert wonen.split()[2:] == ["71", "vrij", "makkelijk", "0", "van", "2", "0"]
    taal = next(line for line in lines if "Taal" in line)
    # 97.79 is shown rounded down, as the bands count.
    assert taal.split()[2:] == ["97", "zeer", "makkelijk", "1", "van", "3", "3"]
    leeg = next(line for line in lines if "Leeg" in line)
    assert leeg.split()[2:] == ["—", "geen", "tekst", "0", "van", "0", "0"]
    ambtelijk = next(line for line in lines if "Ambtelijk" in line)
    assert ambtelijk.endswith("middels → met, door (2×), teneinde → om")
