"""The change instruction (wijzigingsopdracht) of an amendment, as structure.

A formal amendment does not show tracked changes: it says in words what
changes where ("In de derde alinea wordt 'twee weken' vervangen door 'een
week'"). This module finds those instructions from the base text and the
amended text and applies them again; ``export/wording.py`` writes each one
as a sentence. Every instruction points into the *base* text (paragraph
index, list item, which occurrence of a quoted phrase), as the council reads
them all against the text it has in front of it; ``apply`` gives exactly
the amended Markdown back.

Quoted phrases are Markdown as written: emphasis is part of the phrase
(``**stad**``), so a change of emphasis only is an ordinary replacement of
the phrase with and without its markers.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from enum import StrEnum
from itertools import pairwise

from raadsakkoord.diffing.model import Kind
from raadsakkoord.diffing.paragraphs import diff as paragraph_diff
from raadsakkoord.diffing.tokens import PARAGRAPH_SEPARATOR, split_paragraphs, tokenize
from raadsakkoord.diffing.worddiff import EQUAL, token_diff

# A paragraph with more separate changes than this is given whole ("komt te
# luiden"): five quoted replacements in one paragraph are harder to follow
# than the new paragraph itself. A paragraph that changed mostly (the word
# diff's own threshold: more than half of its characters) is given whole too.
MAX_CHANGES_PER_PARAGRAPH = 4
# Words of context added on each side of a quoted phrase that occurs more
# than once, before falling back to "the second time it occurs".
MAX_CONTEXT_WORDS = 3
# Changes closer together than this many words are quoted as one phrase.
MERGE_GAP_WORDS = 2

_WORD = re.compile(r"\w")
_MARKERS = frozenset({"**", "__", "_", "*", "~~", "`", "[", "("})
_ITEM = re.compile(r"[^\S\n]*(?:([-*+])|\d{1,9}[.)])(?:[^\S\n]|$)")


class Change(StrEnum):
    REPLACE = "replace"  # words in a paragraph: ``old`` becomes ``new``
    DELETE = "delete"  # words in a paragraph: ``old`` goes
    INSERT = "insert"  # words in a paragraph: ``new`` after ``anchor`` (at the start when empty)
    INSERT_PARAGRAPHS = "insert-paragraphs"  # ``new`` (one or more paragraphs) before base paragraph ``paragraph``
    DELETE_PARAGRAPH = "delete-paragraph"
    REWRITE_PARAGRAPH = "rewrite-paragraph"  # the paragraph becomes ``new``
    DELETE_SECTION = "delete-section"
    INSERT_SECTION = "insert-section"  # ``new`` is the text, ``title`` the heading
    RETITLE = "retitle"  # the section's heading becomes ``title``


@dataclass(frozen=True)
class Instruction:
    kind: Change
    paragraph: int = 0  # index of the base paragraph (0 is the first)
    item: int = 0  # the list item within it (1 is the first), 0 for the whole paragraph
    bullet: bool = True  # the item is a bullet (opsommingsteken), not a numbered item (onderdeel)
    occurrence: int = 1  # which occurrence of ``old`` (or of ``anchor``) within the item or paragraph
    old: str = ""
    new: str = ""
    anchor: str = ""
    title: str = ""
    start: int = 0  # the base text's characters it is about, for line numbers
    end: int = 0

    def to_data(self) -> dict:
        data = asdict(self)
        data["kind"] = str(self.kind)
        return data

    @classmethod
    def from_data(cls, data: dict) -> Instruction:
        fields = {name: data[name] for name in cls.__dataclass_fields__ if name in data}
        fields["kind"] = Change(fields["kind"])
        return cls(**fields)


class MalformedInstruction(ValueError):
    """An instruction that does not fit the base text (it was written for another one)."""


# -- finding the instructions --------------------------------------------------------------


def instructions(base: str, amended: str) -> tuple[Instruction, ...]:
    """The instructions that turn ``base`` into ``amended`` (a section's Markdown texts)."""
    out: list[Instruction] = []
    offsets = _paragraph_offsets(split_paragraphs(base))
    index = 0
    pending: list[str] = []

    def flush() -> None:
        if pending:
            at = offsets[index] if index < len(offsets) else len(base)
            out.append(Instruction(Change.INSERT_PARAGRAPHS, paragraph=index, new=PARAGRAPH_SEPARATOR.join(pending),
                                   start=at, end=at))
            pending.clear()

    for p in paragraph_diff(base, amended).paragraphs:
        if p.old is None:
            pending.append(p.new)
            continue
        flush()
        start = offsets[index]
        if p.new is None:
            out.append(Instruction(Change.DELETE_PARAGRAPH, paragraph=index, old=p.old,
                                   start=start, end=start + len(p.old)))
        elif p.old != p.new:
            words = None if p.kind == Kind.REPLACED else _word_changes(p.old, p.new, index, start)
            if words is None:
                out.append(Instruction(Change.REWRITE_PARAGRAPH, paragraph=index, old=p.old, new=p.new,
                                       start=start, end=start + len(p.old)))
            else:
                out.extend(words)
        index += 1
    flush()
    return tuple(out)


def _paragraph_offsets(paragraphs: list[str]) -> list[int]:
    offsets, at = [], 0
    for paragraph in paragraphs:
        offsets.append(at)
        at += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    return offsets


def _word_changes(old: str, new: str, index: int, offset: int) -> list[Instruction] | None:
    """Word instructions for one changed paragraph, or None when it is better given whole."""
    a, b = tokenize(old), tokenize(new)
    at = [0]
    for token in a:
        at.append(at[-1] + len(token))
    hunks: list[list[int]] = []  # [a0, a1, b0, b1] in tokens
    for op, a0, a1, b0, b1 in token_diff(a, b):
        if op == EQUAL:
            continue
        if hunks and _words(a[hunks[-1][1]:a0]) < MERGE_GAP_WORDS:
            # The equal words between are taken into one quoted phrase.
            hunks[-1][1], hunks[-1][3] = a1, b1
        else:
            hunks.append([a0, a1, b0, b1])
    if len(hunks) > MAX_CHANGES_PER_PARAGRAPH:
        return None
    items = _items(old)
    out: list[Instruction] = []
    low = 0
    for k, (a0, a1, b0, b1) in enumerate(hunks):
        high = hunks[k + 1][0] if k + 1 < len(hunks) else len(a)
        found = _quote(old, a, b, at, a0, a1, b0, b1, low, high, items)
        if found is None:
            return None
        instruction, low = found
        out.append(_shifted(instruction, index, offset))
    return out


def _words(tokens: list[str]) -> int:
    return sum(1 for t in tokens if _WORD.search(t))


def _items(paragraph: str) -> list[tuple[int, int, bool]]:
    """The list items of a paragraph that is a list: (start, end, bullet); empty for other paragraphs."""
    lines, at = [], 0
    for line in paragraph.split("\n"):
        lines.append((at, line))
        at += len(line) + 1
    if not lines or not _ITEM.match(lines[0][1]):
        return []
    starts = [(s, bool(m[1])) for s, line in lines if (m := _ITEM.match(line)) and not line[:1].isspace()]
    return [(s, starts[k + 1][0] - 1 if k + 1 < len(starts) else len(paragraph), bullet)
            for k, (s, bullet) in enumerate(starts)]


def _positions(text: str, needle: str) -> list[int]:
    found, at = [], text.find(needle)
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def _quote(old: str, a, b, at, a0, a1, b0, b1, low, high, items):
    """One hunk as an instruction with a phrase that can be found, and the token it ends at.

    Context words are added on both sides, within the neighbouring hunks
    and the list item, until the quoted phrase holds a word and occurs once.
    """
    core_start, core_end = at[a0], at[a1]
    scope, item, bullet = (0, len(old)), 0, True
    for number, (s, e, is_bullet) in enumerate(items, start=1):
        if s <= core_start and core_end <= e:
            scope, item, bullet = (s, e), number, is_bullet
    lo = max(low, _token_at(at, scope[0]))
    hi = min(high, _token_at(at, scope[1]))
    scope_text = old[scope[0]:scope[1]]
    if a1 == a0:  # an insertion: quote the words before it
        s = a0
        while s > lo and not (_has_word(a[s:a0]) and len(_positions(scope_text, "".join(a[s:a0]))) == 1):
            s -= 1
            if _has_word(a[s:a0]) and (a0 - s > 2 * MAX_CONTEXT_WORDS + 1):
                break
        if _has_word(a[s:a0]) or at[a0] == scope[0]:
            anchor = "".join(a[s:a0]) if _has_word(a[s:a0]) else ""
            occurrence = _occurrence(scope_text, anchor, at[s] - scope[0]) if anchor else 1
            return Instruction(Change.INSERT, item=item, bullet=bullet, occurrence=occurrence,
                               new="".join(b[b0:b1]), anchor=anchor, start=at[a0], end=at[a0]), a0
        # Nothing to stand after: quote the words that follow and replace them.
    s, e = a0, a1
    extra_b0, extra_b1 = b0, b1
    words = 0
    while True:
        phrase = "".join(a[s:e])
        if _has_word(a[s:e]) and (len(_positions(scope_text, phrase)) == 1 or words >= 2 * MAX_CONTEXT_WORDS):
            break
        grown = False
        if e < hi:
            e, extra_b1, grown = _grow_right(a, e, hi, extra_b1)
            words += 1
        if not (_has_word(a[s:e]) and len(_positions(scope_text, "".join(a[s:e]))) == 1) and s > lo:
            s, extra_b0, grown_left = _grow_left(a, s, lo, extra_b0)
            grown = grown or grown_left
            words += 1
        if not grown:
            break
    # A phrase that starts with punctuation (". Bij nieuwe") reads better
    # from the word before it: "'projecten. Bij nieuwe'".
    while s > lo and a[s].strip() and not _WORD.match(a[s]) and a[s] not in _MARKERS:
        s, extra_b0, _ = _grow_left(a, s, lo, extra_b0)
    phrase = "".join(a[s:e])
    if not _has_word(a[s:e]):
        return None
    new = "".join(b[extra_b0:extra_b1])
    kind = Change.DELETE if not new else Change.REPLACE
    occurrence = _occurrence(scope_text, phrase, at[s] - scope[0])
    return Instruction(kind, item=item, bullet=bullet, occurrence=occurrence, old=phrase, new=new,
                       start=at[s], end=at[e]), e


def _grow_right(a, e, hi, b_end):
    # One token at a time up to and including the next word.
    while e < hi:
        e, b_end = e + 1, b_end + 1
        if _WORD.search(a[e - 1]):
            break
    return e, b_end, True


def _grow_left(a, s, lo, b_start):
    if s <= lo:
        return s, b_start, False
    while s > lo:
        s, b_start = s - 1, b_start - 1
        if _WORD.search(a[s]):
            break
    return s, b_start, True


def _has_word(tokens) -> bool:
    return any(_WORD.search(t) for t in tokens)


def _token_at(at: list[int], offset: int) -> int:
    for k, x in enumerate(at):
        if x >= offset:
            return k
    return len(at) - 1


def _occurrence(text: str, needle: str, start: int) -> int:
    return _positions(text, needle).index(start) + 1


def _shifted(instruction: Instruction, index: int, offset: int) -> Instruction:
    return replace(instruction, paragraph=index, start=instruction.start + offset, end=instruction.end + offset)


# -- applying them -------------------------------------------------------------------------


def apply(base: str, instructions: tuple[Instruction, ...] | list[Instruction]) -> str:
    """The amended text: ``base`` with every instruction carried out (all point into ``base``)."""
    for instruction in instructions:
        if instruction.kind == Change.DELETE_SECTION:
            return ""
        if instruction.kind == Change.INSERT_SECTION:
            return instruction.new
    paragraphs = split_paragraphs(base)
    before: dict[int, list[str]] = {}
    gone: set[int] = set()
    rewritten: dict[int, str] = {}
    edits: dict[int, list[tuple[int, int, str]]] = {}
    for i in instructions:
        if i.kind == Change.RETITLE:  # the heading is not part of the text
            continue
        if i.kind == Change.INSERT_PARAGRAPHS:
            if not 0 <= i.paragraph <= len(paragraphs):
                raise MalformedInstruction(i)
            before.setdefault(i.paragraph, []).append(i.new)
            continue
        if not 0 <= i.paragraph < len(paragraphs):
            raise MalformedInstruction(i)
        if i.kind == Change.DELETE_PARAGRAPH:
            gone.add(i.paragraph)
        elif i.kind == Change.REWRITE_PARAGRAPH:
            rewritten[i.paragraph] = i.new
        else:
            edits.setdefault(i.paragraph, []).append(_locate(paragraphs[i.paragraph], i))
    out: list[str] = []
    for k in range(len(paragraphs) + 1):
        out.extend(before.get(k, ()))
        if k == len(paragraphs) or k in gone:
            continue
        if k in rewritten:
            out.append(rewritten[k])
        else:
            out.append(_edited(paragraphs[k], edits.get(k, [])))
    return PARAGRAPH_SEPARATOR.join(out)


def _locate(paragraph: str, i: Instruction) -> tuple[int, int, str]:
    scope = (0, len(paragraph))
    if i.item:
        items = _items(paragraph)
        if i.item > len(items):
            raise MalformedInstruction(i)
        scope = items[i.item - 1][:2]
    text = paragraph[scope[0]:scope[1]]
    if i.kind == Change.INSERT and not i.anchor:
        return scope[0], scope[0], i.new
    needle = i.anchor if i.kind == Change.INSERT else i.old
    found = _positions(text, needle)
    if not needle or i.occurrence > len(found) or i.occurrence < 1:
        raise MalformedInstruction(i)
    start = scope[0] + found[i.occurrence - 1]
    if i.kind == Change.INSERT:
        return start + len(needle), start + len(needle), i.new
    return start, start + len(needle), i.new


def _edited(paragraph: str, edits: list[tuple[int, int, str]]) -> str:
    edits = sorted(edits)
    for (_s0, e0, _), (s1, _e1, _) in pairwise(edits):
        if s1 < e0:
            raise MalformedInstruction("overlapping changes")
    for start, end, new in reversed(edits):
        paragraph = paragraph[:start] + new + paragraph[end:]
    return paragraph
