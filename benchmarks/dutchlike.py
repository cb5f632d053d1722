"""Deterministic Dutch-like texts for benchmarks: agreement sections, edits and amendments.

Pure functions of a ``random.Random`` (or a seed): the same arguments give the
same texts on every machine, so figures can be compared between runs. The
words are real Dutch words of municipal policy, function words included at
their natural frequency, so diffs meet the same repeated "de", "het" and
"van" as on real texts. Sections are canonical Markdown: paragraphs separated
by one blank line, now and then a bullet list or a word in bold.
"""

from __future__ import annotations

import random
import re

FUNCTION_WORDS = (
    "de de de de het het het een een en en en van van van in in op op met met voor voor "
    "aan door om te te dat dat die die dit deze is is zijn wordt worden we wij ze zij hun ons onze "
    "er ook niet niet meer nog al wel naar bij uit over tot tussen tegen zonder onder na als als "
    "maar of dan want omdat zodat waar wanneer hoe wat wie welke elk elke alle veel weinig geen "
    "kan kunnen moet moeten zal zullen willen wil gaan gaat komt komen heeft hebben houden blijft"
).split()

CONTENT_WORDS = (
    "gemeente gemeenteraad raad college wethouder burgemeester griffie fractie fracties partij "
    "inwoners bewoners ondernemers verenigingen organisaties jongeren ouderen kinderen gezinnen "
    "wijk wijken buurt buurten dorp dorpen stad binnenstad centrum platteland kernen "
    "woningen woningbouw huurwoningen koopwoningen starters doorstroming nieuwbouw renovatie "
    "wonen werk werkgelegenheid economie onderwijs zorg jeugdzorg welzijn gezondheid sport cultuur "
    "bibliotheek museum theater muziekschool sportvelden zwembad speeltuinen parken groen bomen "
    "natuur water klimaat energie energietransitie zonnepanelen warmtenet isolatie duurzaamheid "
    "verkeer fiets fietspaden voetpaden wegen parkeren openbaar vervoer bus trein station "
    "veiligheid handhaving politie boa's overlast criminaliteit ondermijning toezicht "
    "armoede schulden minima bijstand inkomen participatie vrijwilligers mantelzorgers "
    "begroting belastingen lasten reserves financiën investeringen subsidies tarieven "
    "afval inzameling recycling riolering onderhoud beheer dienstverlening loket digitalisering "
    "burgerparticipatie inspraak referendum dialoog samenwerking regio provincie rijk "
    "plan plannen beleid visie uitvoering maatregelen afspraken doelen ambities keuzes "
    "toekomst periode jaar jaren maand termijn fase ronde evaluatie monitor rapportage "
    "betaalbaar betaalbare duurzaam duurzame sociaal sociale veilig veilige groen groene "
    "gezond gezonde toegankelijk toegankelijke bereikbaar bereikbare leefbaar leefbare "
    "nieuw nieuwe goed goede beter betere sterk sterke lokaal lokale regionaal regionale "
    "open transparant eerlijk eerlijke zorgvuldig actief actieve inclusief inclusieve "
    "belangrijk belangrijke noodzakelijk voldoende extra samen tijdig structureel "
    "investeren versterken verbeteren ondersteunen stimuleren onderzoeken realiseren bouwen "
    "beschermen behouden vergroten verlagen verhogen beperken uitbreiden betrekken informeren "
    "zorgen werken zoeken maken bieden geven nemen brengen kiezen besluiten vaststellen "
    "ontwikkelen uitvoeren aanpakken voorkomen bevorderen faciliteren benutten verduurzamen "
    "zorgvuldige concrete heldere duidelijke passende haalbare redelijke minimaal maximaal "
    "procent euro miljoen woningcorporaties huurders eigenaren bedrijven winkels horeca markt "
    "evenementen toerisme recreatie landbouw boeren erfgoed monumenten archeologie "
    "ruimte omgevingsvisie omgevingswet bestemmingsplan locatie locaties terrein bedrijventerrein "
    "statushouders asielzoekers opvang integratie taal laaggeletterdheid scholen kinderopvang "
    "huisartsen wijkteam wijkteams jeugd leerlingen studenten senioren eenzaamheid dementie"
).split()

_WORDS = FUNCTION_WORDS * 3 + CONTENT_WORDS
VOCABULARY = tuple(dict.fromkeys(FUNCTION_WORDS + CONTENT_WORDS))

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def _word(rng: random.Random) -> str:
    return rng.choice(_WORDS)


def _sentence(rng: random.Random, length: int) -> str:
    words = [_word(rng) for _ in range(max(2, length))]
    if length > 7 and rng.random() < 0.5:
        words[rng.randrange(3, length - 2)] += ","
    if rng.random() < 0.06:
        k = rng.randrange(len(words))
        words[k] = f"**{words[k]}**"
    words[0] = words[0][0].upper() + words[0][1:] if not words[0].startswith("*") else words[0]
    end = rng.choices(".?:", weights=(90, 5, 5))[0]
    return " ".join(words) + end


def paragraph_text(rng: random.Random, words: int) -> str:
    """One paragraph of about ``words`` words, in sentences of 5 to 22 words."""
    sentences = []
    left = max(words, 2)
    while left > 0:
        length = min(left, rng.randint(5, 22))
        if 0 < left - length < 3:
            length = left
        sentences.append(_sentence(rng, length))
        left -= length
    return " ".join(sentences)


def _list_text(rng: random.Random, words: int) -> str:
    items = []
    left = max(words, 3)
    while left > 0:
        length = min(left, rng.randint(3, 9))
        item = " ".join(_word(rng) for _ in range(length))
        items.append("- " + item[0].upper() + item[1:] + ";")
        left -= length
    items[-1] = items[-1][:-1] + "."
    return "\n".join(items)


def section_text(rng: random.Random, words: int) -> str:
    """One section (hoofdlijn): paragraphs of 30 to 120 words, now and then a bullet list."""
    parts = []
    left = max(words, 5)
    while left > 0:
        size = min(left, rng.randint(30, 120))
        if 0 < left - size < 15:
            size = left
        if parts and size >= 12 and rng.random() < 0.15:
            intro = min(size - 9, rng.randint(6, 12))
            parts[-1] += " " + paragraph_text(rng, intro)[:-1] + ":"
            parts.append(_list_text(rng, size - intro))
        else:
            parts.append(paragraph_text(rng, size))
        left -= size
    return "\n\n".join(parts)


def agreement_texts(n_sections: int = 1000, total_words: int = 200_000, seed: int = 1) -> list[str]:
    """The texts of ``n_sections`` sections, about ``total_words`` words together."""
    rng = random.Random(seed)
    mean = total_words / n_sections
    sizes = [max(10, round(mean * rng.uniform(0.6, 1.4))) for _ in range(n_sections)]
    scale = total_words / sum(sizes)
    return [section_text(rng, max(10, round(size * scale))) for size in sizes]


def document_text(rng: random.Random, words: int, sections: int = 50) -> str:
    """A whole agreement as one Markdown text with a heading per section."""
    per_section = max(10, words // sections)
    return "\n\n".join(
        f"## Hoofdlijn {n + 1}\n\n{section_text(rng, per_section)}" for n in range(sections)
    )


def _words(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _WORD.finditer(text)]


def _replace(text: str, edits: list[tuple[int, int, str]]) -> str:
    """Apply (start, end, replacement) edits given in any order, not overlapping."""
    out, position = [], 0
    for start, end, new in sorted(edits):
        if start < position:
            continue
        out += [text[position:start], new]
        position = end
    out.append(text[position:])
    return "".join(out)


def scattered_edits(rng: random.Random, text: str, n_edits: int) -> str:
    """``text`` with ``n_edits`` single-word replacements, insertions and deletions spread over it."""
    spans = _words(text)
    if not spans:
        return text
    chosen = sorted(rng.sample(range(len(spans)), min(n_edits, len(spans))))
    edits = []
    for k in chosen:
        start, end = spans[k]
        kind = rng.random()
        if kind < 0.5:
            edits.append((start, end, _other_word(rng, text[start:end])))
        elif kind < 0.8:
            edits.append((end, end, " " + _word(rng)))
        elif end < len(text) and text[end] == " ":
            edits.append((start, end + 1, ""))
        else:
            edits.append((start, end, _other_word(rng, text[start:end])))
    return _replace(text, edits)


def _other_word(rng: random.Random, word: str) -> str:
    new = _word(rng)
    while new.lower() == word.lower():
        new = _word(rng)
    return new.capitalize() if word[:1].isupper() else new


def _phrase(rng: random.Random, length: int) -> str:
    return " ".join(_word(rng) for _ in range(length))


def amendments_for(rng: random.Random, base_text: str, n: int) -> list[str]:
    """``n`` amendments of ``base_text``: each rewrites one to three nearby passages.

    A passage is a phrase of 2 to 6 words replaced by another phrase, a new
    clause inserted after a word, or a phrase deleted; the passages of one
    amendment lie within about 40 words. About one amendment in five picks
    the spot of an earlier one, so some amendments overlap each other the way
    competing amendments on one sentence do.
    """
    spans = _words(base_text)
    if not spans:
        return [base_text] * n
    amendments, spots = [], []
    for _ in range(n):
        if spots and rng.random() < 0.2:
            centre = min(len(spans) - 1, max(0, rng.choice(spots) + rng.randint(-3, 3)))
        else:
            centre = rng.randrange(len(spans))
        spots.append(centre)
        edits = []
        for _passage in range(rng.choice((1, 1, 1, 2, 2, 3))):
            k = min(len(spans) - 1, max(0, centre + rng.randint(-20, 20)))
            length = min(rng.randint(2, 6), len(spans) - k)
            # A passage stays within one line: amendments rewrite phrases, not layout.
            while length > 1 and "\n" in base_text[spans[k][0]:spans[k + length - 1][1]]:
                length -= 1
            start, end = spans[k][0], spans[k + length - 1][1]
            kind = rng.random()
            if kind < 0.6:
                edits.append((start, end, _phrase(rng, rng.randint(1, 7))))
            elif kind < 0.85:
                edits.append((spans[k][1], spans[k][1], ", " + _phrase(rng, rng.randint(3, 10)) + ","))
            else:
                edits.append((start, end + (base_text[end:end + 1] == " "), ""))
        amendments.append(_replace(base_text, edits))
    return amendments
