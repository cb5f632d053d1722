"""How readable a Dutch Markdown text is: Flesch-Douma, long sentences, officialese.

Markdown is reduced to prose first (emphasis markers, list bullets and link
syntax go; headings are titles, not prose, and are left out), so the same
words score the same with or without markup. Syllables come from the Dutch
hyphenation dictionary pyphen ships: it splits compounds and most
syllables; inside each piece the vowel groups are counted with Dutch
spelling rules (``ee``, ``ij``, ``ieu`` … are one vowel; a diaeresis starts a
new syllable), because hyphenation never leaves a single letter alone
("idee", "bioscoop") while a syllable may be one.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import pyphen

from raadsakkoord.base import paths
from raadsakkoord.base.i18n import mark

LONG_SENTENCE_WORDS = 20

# Flesch-Douma bands, as Dutch plain-language guides use them. The labels
# stay Dutch in exports and JSON; the CLI translates them where it prints them.
BANDS = ((90, mark("zeer makkelijk")), (80, mark("makkelijk")), (70, mark("vrij makkelijk")),
         (60, mark("normaal")), (50, mark("vrij moeilijk")), (30, mark("moeilijk")),
         (float("-inf"), mark("zeer moeilijk")))
# A text without words has no score; calling it "zeer moeilijk" would be false.
NO_TEXT = mark("geen tekst")

# Longest first, so "ieu" wins over "ie" and "eeu" over "ee".
_VOWEL_GROUPS = sorted(["aai", "ooi", "oei", "eeu", "ieu", "eau", "aa", "ee", "oo", "uu", "ie", "oe", "eu",
                        "ui", "ei", "ij", "ou", "au", "ai", "oi", "a", "e", "i", "o", "u", "y"],
                       key=len, reverse=True)
_DIAERESIS = {"ä": "a", "ë": "e", "ï": "i", "ö": "o", "ü": "u"}
_ABBREVIATIONS = ("bijv", "bv", "o.a", "d.w.z", "m.a.w", "z.g.a", "enz", "etc", "mr", "dr", "drs", "ir", "nr",
                  "art", "blz", "ca", "incl", "excl", "i.p.v", "t.a.v", "m.b.t", "p.m", "e.d", "e.a", "jl", "resp")

_WORD = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"(\*\*|__|\*|_|`|~~)")
_SENTENCE_END = re.compile(r"([.!?]+)(?=\s|$)")


@functools.cache
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="nl_NL", left=1, right=1)


def _vowel_groups(piece: str) -> int:
    lowered = piece.lower()
    # A diaeresis starts a syllable; the vowel then groups as usual ("ëi" in beëindigen).
    breaks = {i for i, char in enumerate(lowered) if char in _DIAERESIS}
    text = "".join(_DIAERESIS.get(char, char) for char in lowered)
    count = index = 0
    while index < len(text):
        for group in _VOWEL_GROUPS:
            end = index + len(group)
            if text.startswith(group, index) and not breaks.intersection(range(index + 1, end)):
                count += 1
                index = end
                break
        else:
            index += 1
    return count


# Texts repeat their words: a cache makes a thousand sections a matter of
# seconds instead of a minute (the hyphenation dictionary is the slow part).
@functools.lru_cache(maxsize=1 << 16)
def syllables(word: str) -> int:
    """Syllables of one Dutch word (at least one: "OZB", "500")."""
    if not word or word[0].isdigit():
        return 1
    word = unicodedata.normalize("NFC", word)
    total = sum(_vowel_groups(piece) for piece in _dictionary().inserted(word, hyphen="\x00").split("\x00"))
    return max(total, 1)


def prose(markdown: str) -> list[str]:
    """The text's sentences-to-be, one block per paragraph or list item, markup removed."""
    blocks: list[str] = []
    current: list[str] = []
    for line in markdown.split("\n"):
        if not line.strip() or _HEADING.match(line):
            if current:
                blocks.append(" ".join(current))
                current = []
            continue
        if _LIST_MARK.match(line):
            if current:
                blocks.append(" ".join(current))
            current = [_LIST_MARK.sub("", line, count=1)]
            continue
        current.append(line.strip())
    if current:
        blocks.append(" ".join(current))
    cleaned = []
    for block in blocks:
        block = _LINK.sub(r"\1", block)
        block = _MARKUP.sub("", block)
        if block.strip():
            cleaned.append(block.strip())
    return cleaned


def sentences(markdown: str) -> list[str]:
    """Sentences: split after . ! ? (not after abbreviations); a list item or paragraph ends one too."""
    result = []
    for block in prose(markdown):
        start = 0
        for match in _SENTENCE_END.finditer(block):
            before = block[start:match.start()].split()
            last = before[-1].lower().rstrip(".") if before else ""
            if match.group(1) == "." and last in _ABBREVIATIONS:
                continue
            result.append(block[start:match.end()].strip())
            start = match.end()
        tail = block[start:].strip()
        if _WORD.search(tail):
            result.append(tail)
    return [s for s in result if _WORD.search(s)]


def words(text: str) -> list[str]:
    return _WORD.findall(text)


@dataclass(frozen=True)
class Officialese:
    phrase: str
    alternative: str
    start: int  # character offset in the text given to ``officialese``


@functools.cache
def officialese_list() -> tuple[tuple[tuple[str, ...], str, str], ...]:
    """(words of the phrase, the phrase, its alternative), longest phrases first."""
    entries = []
    path = paths.resource("plain-language", "ambtelijk.tsv")
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        phrase, alternative = line.split("\t")
        entries.append((tuple(phrase.lower().split()), phrase, alternative))
    return tuple(sorted(entries, key=lambda e: -len(e[0])))


@functools.cache
def _by_first_word() -> dict[str, tuple[tuple[tuple[str, ...], str, str], ...]]:
    # Only the phrases that start with a word need trying there: checking all
    # of them at every word made a thousand sections take a quarter minute.
    index: dict[str, list] = {}
    for entry in officialese_list():
        index.setdefault(entry[0][0], []).append(entry)  # stays longest first
    return {word: tuple(entries) for word, entries in index.items()}


def officialese(text: str) -> list[Officialese]:
    """Every officialese word or phrase in the text, with its plainer alternative."""
    tokens = [(m.group().lower(), m.start()) for m in _WORD.finditer(text)]
    words_only = [t for t, _ in tokens]
    candidates = _by_first_word()
    found, index = [], 0
    while index < len(tokens):
        for phrase_words, phrase, alternative in candidates.get(words_only[index], ()):
            n = len(phrase_words)
            if tuple(words_only[index:index + n]) == phrase_words:
                found.append(Officialese(phrase, alternative, tokens[index][1]))
                index += n
                break
        else:
            index += 1
    return found


@dataclass(frozen=True)
class Readability:
    sentences: int
    words: int
    syllables: int
    long_sentences: tuple[str, ...]
    longest: tuple[str, ...]
    officialese: tuple[Officialese, ...] = field(default=())

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / self.words if self.words else 0.0

    @property
    def flesch_douma(self) -> float:
        if not self.words:
            return 0.0
        return 206.835 - 0.93 * self.words_per_sentence - 77 * self.syllables_per_word

    @property
    def band(self) -> str:
        if not self.words:
            return NO_TEXT
        score = self.flesch_douma
        return next(label for floor, label in BANDS if score >= floor)

    @property
    def long_share(self) -> float:
        return len(self.long_sentences) / self.sentences if self.sentences else 0.0

    def frequent_officialese(self, n: int = 3) -> list[tuple[str, str, int]]:
        """The ``n`` most frequent officialese phrases: (phrase, alternative, times), ties in reading order."""
        counts = Counter((o.phrase, o.alternative) for o in self.officialese)
        return [(phrase, alternative, times) for (phrase, alternative), times in counts.most_common(n)]

    def as_dict(self) -> dict:
        return {"flesch_douma": round(self.flesch_douma, 1), "band": self.band, "sentences": self.sentences,
                "words": self.words, "syllables": self.syllables,
                "words_per_sentence": round(self.words_per_sentence, 1),
                "syllables_per_word": round(self.syllables_per_word, 2),
                "long_sentences": len(self.long_sentences), "long_share": round(self.long_share, 3),
                "longest": list(self.longest),
                "officialese": [{"phrase": o.phrase, "alternative": o.alternative} for o in self.officialese]}


def analyse(markdown: str) -> Readability:
    found = sentences(markdown)
    counted = [(s, words(s)) for s in found]
    n_words = sum(len(w) for _, w in counted)
    n_syllables = sum(syllables(w) for _, ws in counted for w in ws)
    long = tuple(s for s, w in counted if len(w) > LONG_SENTENCE_WORDS)
    longest = tuple(s for s, _ in sorted(counted, key=lambda c: -len(c[1]))[:3])
    return Readability(len(found), n_words, n_syllables, long, longest,
                       tuple(officialese("\n".join(prose(markdown)))))


def combine(parts: Iterable[Readability]) -> Readability:
    """Several texts read as one: the counts are added and the score is computed from the sums.

    Not the average of the parts' scores: Flesch-Douma is computed from two
    ratios (words per sentence, syllables per word), and averaging scores
    would give a section of three sentences as much weight as one of thirty,
    so a chapter's score would depend on how its text happens to be cut into
    sections. Added counts give exactly the score of the chapter's text
    analysed in one piece, which is what its reader reads. The offsets of
    the officialese found stay those in each part's own text.
    """
    parts = list(parts)
    long = tuple(s for p in parts for s in p.long_sentences)
    candidates = [s for p in parts for s in p.longest]
    longest = tuple(sorted(candidates, key=lambda s: -len(words(s)))[:3])
    return Readability(sum(p.sentences for p in parts), sum(p.words for p in parts),
                       sum(p.syllables for p in parts), long, longest,
                       tuple(o for p in parts for o in p.officialese))


@dataclass(frozen=True)
class SectionReadability:
    number: str
    title: str
    readability: Readability


@dataclass(frozen=True)
class ChapterReadability:
    """A chapter's sections taken together (the chapter's intro is not a section and does not count)."""

    number: str
    title: str
    sections: int
    readability: Readability


@dataclass(frozen=True)
class ReadabilityReport:
    sections: tuple[SectionReadability, ...]  # hardest first, sections without text last
    chapters: tuple[ChapterReadability, ...]  # in the agreement's order
    total: Readability  # every section together


class _Section(Protocol):
    number: str
    title: str
    text: str


class _Chapter(Protocol):
    number: str
    title: str
    sections: Sequence[_Section]


def report_of(chapters: Iterable[_Chapter]) -> ReadabilityReport:
    """The report for any outline of chapters with numbered sections (the workspace's, or an export's)."""
    by_chapter = [(c, [SectionReadability(s.number, s.title, analyse(s.text)) for s in c.sections])
                  for c in chapters]
    summaries = tuple(ChapterReadability(c.number, c.title, len(found), combine(r.readability for r in found))
                      for c, found in by_chapter)
    every = [r for _, found in by_chapter for r in found]
    # A section without words has no score; at the top it would pass for the hardest.
    hardest_first = tuple(sorted(every, key=lambda r: (not r.readability.words, r.readability.flesch_douma)))
    return ReadabilityReport(hardest_first, summaries, combine(c.readability for c in summaries))


def readability_report(session) -> ReadabilityReport:
    """The current text of every section, per section and per chapter."""
    from raadsakkoord.queries.outline import agreement_outline

    return report_of(agreement_outline(session).chapters)


def chapter_readability(session) -> list[ChapterReadability]:
    """Every chapter's sections taken together, in the agreement's order."""
    return list(readability_report(session).chapters)
