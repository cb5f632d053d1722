"""The readability appendix in words and figures, shared by every format so they say the same.

The appendix is Dutch document content, like the rest of an export, and is
not translated. The figures come from ``raadsakkoord.queries.readability`` over the
very texts the document shows (a round's texts for a round export).
"""

from __future__ import annotations

import math

from raadsakkoord.export.labels import percent
from raadsakkoord.queries.readability import LONG_SENTENCE_WORDS, Readability

TITLE = "Leesbaarheid"
CHAPTERS_HEADING = "Per hoofdstuk"
SECTIONS_HEADING = "Per hoofdlijn, moeilijkste eerst"
CHAPTERS_CAPTION = "Leesbaarheid per hoofdstuk (alle hoofdlijnen van het hoofdstuk samen)"
SECTIONS_CAPTION = "Leesbaarheid per hoofdlijn, moeilijkste eerst"
TOTAL = "Het hele raadsakkoord"
# Column headings, in the order every format shows them.
CHAPTER_COLUMNS = ("Hoofdstuk", "Hoofdlijnen", "Score", "Niveau", "Lange zinnen", "Ambtelijke woorden")
SECTION_COLUMNS = ("Nr.", "Hoofdlijn", "Score", "Niveau", "Lange zinnen", "Ambtelijke woorden")

INTRO = (
    "Deze bijlage laat zien hoe makkelijk de hoofdlijnen te lezen zijn. De score is de Flesch-Douma-score: "
    "hoe hoger, hoe makkelijker. Tekst op taalniveau B1 scoort rond 60 of hoger. "
    f"Een lange zin heeft meer dan {LONG_SENTENCE_WORDS} woorden. Ambtelijke woorden zijn woorden en "
    "uitdrukkingen waarvoor een gewoner alternatief bestaat; de meest gebruikte staan erbij, met het "
    "alternatief na de pijl. De score van een hoofdstuk is berekend over de tekst van al zijn hoofdlijnen "
    "samen. Koppen tellen niet mee."
)


def score(r: Readability) -> str:
    """The score as a whole number; a dash for a text without words, which has no score."""
    if not r.words:
        return "—"
    # Rounded down, not to the nearest: the bands start at whole numbers, and
    # 49.6 shown as "50" beside the band "moeilijk" (under 50) would look wrong.
    return str(math.floor(r.flesch_douma))


def long_sentences(r: Readability) -> str:
    if not r.sentences:
        return "—"
    return f"{len(r.long_sentences)} van {r.sentences} ({percent(len(r.long_sentences), r.sentences)})"


def frequent_officialese(r: Readability) -> list[str]:
    """The most frequent officialese with its alternative: ["middels 2× → met, door", "teneinde → om"]."""
    return [phrase + (f" {times}×" if times > 1 else "") + f" → {alternative}"
            for phrase, alternative, times in r.frequent_officialese()]


def officialese(r: Readability) -> str:
    """On one line: "3 (middels 2× → met, door; teneinde → om)", or "geen"."""
    if not r.officialese:
        return "geen"
    return f"{len(r.officialese)} ({'; '.join(frequent_officialese(r))})"
