"""One word per concept: the Dutch texts of the program use the glossary's words, and no forbidden synonym.

The glossary (resources/i18n/glossary.json) names for each concept the one
Dutch word and its English, and the words that must not appear in a Dutch
text: English words, abbreviations, and "concept" for anything but a
version of the agreement that is not final yet.
"""

from __future__ import annotations

import json
import re

import pytest

from raadsakkoord.base import i18n, paths
from tests.base.test_i18n import translatable_literals

GLOSSARY = json.loads(paths.resource("i18n", "glossary.json").read_text(encoding="utf-8"))
TEXTS = translatable_literals()


def _hits(pattern: re.Pattern) -> list[str]:
    return [f"{where}: {text!r}" for text, where in TEXTS.items() if pattern.search(text)]


def test_the_glossary_gives_every_concept_one_dutch_and_one_english_word():
    for entry in GLOSSARY["concepts"]:
        assert entry["nl"] and entry["en"] and entry["meaning"], entry
    dutch = [entry["nl"].casefold() for entry in GLOSSARY["concepts"]]
    assert len(set(dutch)) == len(dutch)


@pytest.mark.parametrize("entry", GLOSSARY["forbidden"], ids=lambda e: e["word"])
def test_no_dutch_text_uses_a_forbidden_word(entry):
    word = entry["word"]
    # A word boundary where the forbidden word begins or ends with a letter ("database" but not "databases'").
    pattern = re.compile((r"\b" if word[0].isalnum() else "") + re.escape(word)
                         + (r"(?![\w-])" if word[-1].isalnum() else ""))
    hits = _hits(pattern)
    assert not hits, f"Gebruik {entry['use']!r} in plaats van {word!r}:\n" + "\n".join(hits)


def test_concept_means_only_a_version_of_the_agreement_that_is_not_final():
    allowed = set(GLOSSARY["concept_forms"])
    odd = [f"{where}: {text!r}" for text, where in TEXTS.items()
           for word in re.findall(r"[\w-]*concept[\w-]*", text.replace("&", ""), re.IGNORECASE)
           if word.casefold() not in allowed]
    assert not odd, "\n".join(odd)


def test_the_glossary_catches_what_it_forbids():
    """The scan itself: a text with each forbidden word would be found."""
    for entry in GLOSSARY["forbidden"]:
        word = entry["word"]
        pattern = re.compile((r"\b" if word[0].isalnum() else "") + re.escape(word)
                             + (r"(?![\w-])" if word[-1].isalnum() else ""))
        assert pattern.search(f"Kies {word} hier."), word
        assert not pattern.search(entry["use"]), word


def test_the_english_catalogue_follows_the_glossary():
    english = i18n.load_catalogue("en")
    for entry in GLOSSARY["concepts"]:
        if entry["nl"] in english:
            assert english[entry["nl"]] == entry["en"], entry
    # The unsubmitted amendment is never an English "draft", which is the round's word.
    assert english["ontwerp"] == "unsubmitted" and english["&Conceptronde"] == "&Draft round"
