"""Readability of Dutch text: syllables, Flesch-Douma, long sentences, officialese."""

import json

import pytest

from raadsakkoord.readability import analyse, officialese, officialese_list, sentences, syllables


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


def test_cli_report_of_the_demo_worst_first(capsys, tmp_path):
    from raadsakkoord.cli import main
    from raadsakkoord.demo import create_demo_workspace

    path = tmp_path / "demo.raadsakkoord"
    create_demo_workspace(str(path)).close()
    assert main(["readability", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert len(report) == 31
    scores = [r["flesch_douma"] for r in report]
    assert scores == sorted(scores)
    assert main(["readability", str(path)]) == 0
    assert "Flesch-Douma" in capsys.readouterr().out
