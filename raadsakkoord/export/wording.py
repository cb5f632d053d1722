"""The change instruction in words: one sentence per instruction, from its structure.

"In hoofdlijn 8.4, derde alinea (regel 23), wordt ‘twee weken’ vervangen
door ‘een week’." Sentences are in the user's language (Dutch, or English
when the window speaks English). Quoted phrases are the Markdown as
written, between typographic single quotes, without the spaces at their
edges that a reader cannot see; whole paragraphs follow the sentence as a
block (``InstructionSentence.block``) instead of being quoted inside it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from raadsakkoord.base.i18n import language, mark, tr
from raadsakkoord.diffing.instructions import Change, Instruction
from raadsakkoord.diffing.lines import line_reference

OPEN, CLOSE = "\u2018", "\u2019"

_NL = ("eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende", "tiende",
       "elfde", "twaalfde", "dertiende", "veertiende", "vijftiende", "zestiende", "zeventiende", "achttiende",
       "negentiende", "twintigste")
_EN = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
       "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
       "nineteenth", "twentieth")

Lines = Callable[[int, int], tuple[int, int] | None]


def ordinal(n: int) -> str:
    """"derde", "twintigste", then "21e" (English: "third", "21st")."""
    if language() == "en":
        if n <= len(_EN):
            return _EN[n - 1]
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    return _NL[n - 1] if n <= len(_NL) else f"{n}e"


def quoted(phrase: str) -> str:
    return f"{OPEN}{phrase.strip()}{CLOSE}"


@dataclass(frozen=True)
class InstructionSentence:
    """One instruction in words: the sentence, and the paragraphs it introduces (Markdown) if any."""

    sentence: str
    block: str = ""
    title: str = ""  # the heading of an inserted section, shown above its block


def _lines(instruction: Instruction, lines: Lines | None) -> str:
    """" (regels 12–14)": the one wording of line references, in the form's language."""
    found = lines(instruction.start, instruction.end) if lines else None
    return f" ({line_reference(*found)})" if found else ""


def _place(instruction: Instruction, where: str, lines: Lines | None) -> str:
    """"In hoofdlijn 8.4, derde alinea, tweede opsommingsteken (regel 23)"."""
    place = tr("In {where}, {ordinal} alinea").format(
        where=where, ordinal=ordinal(instruction.paragraph + 1))
    if instruction.item:
        item = tr("opsommingsteken") if instruction.bullet else tr("onderdeel")
        place += tr(", het {ordinal} {item}").format(ordinal=ordinal(instruction.item), item=item)
    return place + _lines(instruction, lines)


def _phrase(text: str, occurrence: int) -> str:
    if occurrence == 1:
        return quoted(text)
    return tr("{phrase} (de {ordinal} keer dat het voorkomt)").format(
        phrase=quoted(text), ordinal=ordinal(occurrence))


_PARAGRAPHS = (mark("een alinea"), mark("{n} alinea's"))


def word(instruction: Instruction, where: str, *, lines: Lines | None = None,
         paragraphs: int = 0) -> InstructionSentence:
    """The sentence of one instruction about ``where`` ("hoofdlijn 8.4", or "amendement A3" for a subamendment).

    ``paragraphs`` is the number of paragraphs of the base text (an
    insertion into an empty section says so); ``lines`` maps base offsets
    to line numbers (first, last), or None where lines are not numbered.
    """
    wording = _word(instruction, where, lines, paragraphs)
    sentence = wording.sentence
    # "… ingevoegd: ‘Lukt dat niet, dan volgt steun.’" ends there: no second full stop after the quote.
    if sentence.endswith(CLOSE + ".") and sentence[-3:-2] in (".", "!", "?"):
        return InstructionSentence(sentence[:-1], wording.block, wording.title)
    return wording


def _word(i: Instruction, where: str, lines: Lines | None, paragraphs: int) -> InstructionSentence:
    kind = i.kind
    if kind == Change.REPLACE:
        return InstructionSentence(tr("{place}, wordt {old} vervangen door {new}.").format(
            place=_place(i, where, lines), old=_phrase(i.old, i.occurrence), new=quoted(i.new)))
    if kind == Change.DELETE:
        return InstructionSentence(tr("{place}, vervalt {old}.").format(
            place=_place(i, where, lines), old=_phrase(i.old, i.occurrence)))
    if kind == Change.INSERT:
        if not i.anchor:
            return InstructionSentence(tr("{place}, wordt aan het begin ingevoegd: {new}.").format(
                place=_place(i, where, lines), new=quoted(i.new)))
        return InstructionSentence(tr("{place}, wordt na {anchor} ingevoegd: {new}.").format(
            place=_place(i, where, lines), anchor=_phrase(i.anchor, i.occurrence), new=quoted(i.new)))
    if kind == Change.INSERT_PARAGRAPHS:
        count = i.new.count("\n\n") + 1
        what = tr(_PARAGRAPHS[0]) if count == 1 else tr(_PARAGRAPHS[1]).format(n=count)
        if paragraphs == 0:
            sentence = tr("Aan {where} wordt {what} toegevoegd, luidende:")
        elif i.paragraph == 0:
            sentence = tr("In {where} wordt voor de eerste alinea {what} ingevoegd, luidende:")
        else:
            sentence = tr("In {where} wordt na de {ordinal} alinea {what} ingevoegd, luidende:")
        return InstructionSentence(sentence.format(where=where, what=what, ordinal=ordinal(i.paragraph)), block=i.new)
    if kind == Change.DELETE_PARAGRAPH:
        return InstructionSentence(tr("In {where} vervalt de {ordinal} alinea{lines}.").format(
            where=where, ordinal=ordinal(i.paragraph + 1), lines=_lines(i, lines)))
    if kind == Change.REWRITE_PARAGRAPH:
        return InstructionSentence(tr("In {where} komt de {ordinal} alinea{lines} te luiden:").format(
            where=where, ordinal=ordinal(i.paragraph + 1), lines=_lines(i, lines)), block=i.new)
    if kind == Change.DELETE_SECTION:
        return InstructionSentence(tr("{where} vervalt.").format(where=_capital(where)))
    if kind == Change.INSERT_SECTION:
        # ``where`` is the chapter ("hoofdstuk 6") for a section that does not exist yet.
        return InstructionSentence(tr("Aan {where} wordt een hoofdlijn toegevoegd, luidende:").format(
            where=where), block=i.new, title=i.title)
    if kind == Change.RETITLE:
        return InstructionSentence(tr("Het opschrift van {where} komt te luiden: {title}.").format(
            where=where, title=quoted(i.title)))
    raise ValueError(kind)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
