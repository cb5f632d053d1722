"""Diffs of token lists with diff-match-patch.

Each distinct token is mapped to one character and diff-match-patch diffs the
two character strings: its lines-to-chars trick applied to words. The result
is a list of runs, ``(op, a0, a1, b0, b1)``: the old tokens ``a[a0:a1]`` and
the new tokens ``b[b0:b1]`` are equal (``EQUAL``), deleted (``DELETE``, then
``b0 == b1``) or inserted (``INSERT``, then ``a0 == a1``).

diff-match-patch's own semantic cleanup weighs every character the same,
which for mapped tokens means a one-letter comma weighs as much as a long
word: ``**belangrijk**`` losing its emphasis would be shown as the whole word
replaced. The cleanup here is the same algorithm with each token weighed by
its length in characters.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from itertools import accumulate, chain, islice

from diff_match_patch import diff_match_patch

from raadsakkoord.diffing.tokens import tokenize

EQUAL, DELETE, INSERT = 0, -1, 1

Run = tuple[int, int, int, int, int]

_DMP = diff_match_patch()
# No deadline: with a timeout diff-match-patch falls back to a coarse diff of
# whatever is left, which would show untouched words as changed.
_DMP.Diff_Timeout = 0

# Characters that stand for tokens. Surrogates are not characters of their
# own in a Python string but would pair up after slicing and joining.
_CODE_POINTS = (range(1, 0xD800), range(0xE000, 0x110000))
MAX_DISTINCT_TOKENS = sum(len(r) for r in _CODE_POINTS)


def encode(a: Sequence[str], b: Sequence[str]) -> tuple[str, str]:
    """Both token lists as strings of one character per distinct token.

    Only the tokens of these two lists get a character, so texts with more
    distinct words than the Basic Multilingual Plane has room for still fit.
    """
    distinct = dict.fromkeys(chain(a, b))
    if len(distinct) > MAX_DISTINCT_TOKENS:
        raise ValueError(f"too many distinct tokens to diff: {len(distinct)}")
    codes = dict(zip(distinct, map(chr, islice(chain(*_CODE_POINTS), len(distinct))), strict=True))
    return "".join(map(codes.__getitem__, a)), "".join(map(codes.__getitem__, b))


def token_diff(a: Sequence[str], b: Sequence[str]) -> list[Run]:
    """A minimal diff of two token lists, then cleaned up for people to read."""
    if a == b:
        return [(EQUAL, 0, len(a), 0, len(b))] if a else []
    chars_a, chars_b = encode(a, b)
    runs = _runs(_DMP.diff_main(chars_a, chars_b, False))
    weight_a = list(accumulate(map(len, a), initial=0))
    weight_b = list(accumulate(map(len, b), initial=0))
    _eliminate_small_equalities(runs, weight_a, weight_b)
    runs = _normalise(runs, a, b)
    _start_edits_at_words(runs, a, b)
    return runs


def minimal_diff(a: Sequence[str], b: Sequence[str]) -> list[Run]:
    """A minimal diff without the cleanup for readers (used to align paragraphs)."""
    if a == b:
        return [(EQUAL, 0, len(a), 0, len(b))] if a else []
    chars_a, chars_b = encode(a, b)
    return _normalise(_runs(_DMP.diff_main(chars_a, chars_b, False)), a, b)


def diff_against(
    a_text: str, a_tokens: Sequence[str], a_offsets: Sequence[int], b_text: str
) -> tuple[list[Run], list[str]]:
    """``token_diff`` of a tokenised text against a new text, and the new text's tokens.

    ``a_offsets`` are the character offsets of ``a_tokens`` (with the end).
    Only the part of ``b_text`` that differs is tokenised and diffed.
    """
    p, qa, qb = split_common(a_text, b_text)
    i, j = bisect_left(a_offsets, p), bisect_left(a_offsets, qa)
    if a_offsets[i] != p or a_offsets[j] != qa:  # not token boundaries: cannot happen, stay exact anyway
        i, j, p, qb = 0, len(a_tokens), 0, len(b_text)
    middle = tokenize(b_text[p:qb])
    b_tokens = [*a_tokens[:i], *middle, *a_tokens[j:]]
    runs: list[Run] = [(EQUAL, 0, i, 0, i)] if i else []
    for op, a0, a1, b0, b1 in token_diff(a_tokens[i:j], middle):
        if op == EQUAL and runs and runs[-1][0] == EQUAL:
            runs[-1] = (EQUAL, runs[-1][1], a1 + i, runs[-1][3], b1 + i)
        else:
            runs.append((op, a0 + i, a1 + i, b0 + i, b1 + i))
    if j < len(a_tokens):
        tail = (EQUAL, j, len(a_tokens), i + len(middle), len(b_tokens))
        if runs and runs[-1][0] == EQUAL:
            tail = (EQUAL, runs[-1][1], tail[2], runs[-1][3], tail[4])
            runs.pop()
        runs.append(tail)
    return runs, b_tokens


def split_common(a: str, b: str) -> tuple[int, int, int]:
    """Where two texts start and stop differing, widened to safe token boundaries.

    Returns ``(p, qa, qb)`` with ``a[:p] == b[:p]`` and ``a[qa:] == b[qb:]``,
    each cut at a space between two letters. Tokenising never looks across
    such a space, so the middles ``a[p:qa]`` and ``b[p:qb]`` tokenise exactly
    as they do inside the whole texts: an amendment that changes one phrase
    of a long section only has that phrase tokenised and diffed.
    """
    if a == b:
        return len(a), len(a), len(b)
    prefix = _DMP.diff_commonPrefix(a, b)
    p = _hard_boundary_before(a, prefix - 1)
    suffix = _DMP.diff_commonSuffix(a[p:], b[p:])
    qa = _hard_boundary_after(a, len(a) - suffix + 1)
    return p, qa, qa - (len(a) - len(b))


_BOUNDARY_TRIES = 12
# Hard boundaries to step back (and forward) from the first difference, so
# that a word of context stays in the middle: edits are shifted and folded
# (see _start_edits_at_words) as they would be in a diff of the whole texts.
_CONTEXT_BOUNDARIES = 2


def _hard_boundary_before(text: str, limit: int) -> int:
    """The second-to-last position k < limit with a space at k between two letters; else 0."""
    k, found = limit, 0
    for _ in range(_BOUNDARY_TRIES):
        if k < 2:
            return 0
        k = text.rfind(" ", 1, k)
        if k < 1:
            return 0
        if text[k - 1].isalpha() and text[k + 1].isalpha():
            found += 1
            if found == _CONTEXT_BOUNDARIES:
                return k
    return 0


def _hard_boundary_after(text: str, limit: int) -> int:
    """The second position k >= limit with a space at k between two letters; else len(text)."""
    k, found = limit - 1, 0
    for _ in range(_BOUNDARY_TRIES):
        k = text.find(" ", k + 1, len(text) - 1)
        if k < 0:
            return len(text)
        if text[k - 1].isalpha() and text[k + 1].isalpha():
            found += 1
            if found == _CONTEXT_BOUNDARIES:
                return k
    return len(text)


def anchored_diff(a: Sequence[str], b: Sequence[str]) -> list[Run]:
    """A diff aligned on the items that occur once in each list (patience diff), minimal in between.

    Used for paragraphs: when most paragraphs of a long text changed a
    little, a plain minimal diff has as many edits as changed paragraphs and
    diff-match-patch's bisection grows with their square; unique unchanged
    paragraphs cut the problem into small gaps.
    """
    anchors = _unique_common_subsequence(a, b)
    runs: list[Run] = []
    i = j = 0
    for x, y in [*anchors, (len(a), len(b))]:
        for op, a0, a1, b0, b1 in minimal_diff(a[i:x], b[j:y]):
            _append(runs, (op, a0 + i, a1 + i, b0 + j, b1 + j))
        if x < len(a):
            _append(runs, (EQUAL, x, x + 1, y, y + 1))
        i, j = x + 1, y + 1
    return runs


def _append(runs: list[Run], run: Run) -> None:
    if runs and runs[-1][0] == run[0] == EQUAL:
        runs[-1] = (EQUAL, runs[-1][1], run[2], runs[-1][3], run[4])
    else:
        runs.append(run)


def _unique_common_subsequence(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int]]:
    """The longest run of (i, j), both increasing, of items occurring once in a and once in b."""
    count_a, count_b = Counter(a), Counter(b)
    in_b = {item: j for j, item in enumerate(b) if count_b[item] == 1}
    pairs = [(i, in_b[item]) for i, item in enumerate(a) if count_a[item] == 1 and item in in_b]
    # Longest increasing subsequence of the j's, by patience sorting.
    tops: list[int] = []  # smallest j ending an increasing run of each length
    ends: list[int] = []  # index into pairs of that run's last pair
    previous = [-1] * len(pairs)
    for n, (_i, j) in enumerate(pairs):
        k = bisect_left(tops, j)
        if k == len(tops):
            tops.append(j)
            ends.append(n)
        else:
            tops[k] = j
            ends[k] = n
        previous[n] = ends[k - 1] if k else -1
    chain_: list[tuple[int, int]] = []
    n = ends[-1] if ends else -1
    while n >= 0:
        chain_.append(pairs[n])
        n = previous[n]
    return chain_[::-1]


def hunks(runs: Sequence[Run]) -> list[tuple[int, int, int, int]]:
    """Maximal stretches of change, ``(a0, a1, b0, b1)``, in order."""
    out: list[tuple[int, int, int, int]] = []
    for op, a0, a1, b0, b1 in runs:
        if op == EQUAL:
            continue
        if out and out[-1][1] == a0 and out[-1][3] == b0:
            out[-1] = (out[-1][0], a1, out[-1][2], b1)
        else:
            out.append((a0, a1, b0, b1))
    return out


def _runs(diffs: list[tuple[int, str]]) -> list[Run]:
    runs: list[Run] = []
    i = j = 0
    for op, text in diffs:
        n = len(text)
        if op == EQUAL:
            runs.append((EQUAL, i, i + n, j, j + n))
            i += n
            j += n
        elif op == DELETE:
            runs.append((DELETE, i, i + n, j, j))
            i += n
        else:
            runs.append((INSERT, i, i, j, j + n))
            j += n
    return runs


def _eliminate_small_equalities(runs: list[Run], weight_a: list[int], weight_b: list[int]) -> None:
    """diff-match-patch's diff_cleanupSemantic (first pass), weighing tokens by length.

    An equality no longer than the changes on both of its sides is folded
    into them: ``de grote rode auto`` -> ``het kleine rode fiets`` reads
    better as one replaced phrase around ``rode`` than as four fragments
    around single spaces.
    """
    equalities: list[int] = []
    last_equality = 0  # weight of the last equality seen, 0 when none
    ins_before = del_before = ins_after = del_after = 0
    pointer = 0
    while pointer < len(runs):
        op, a0, a1, b0, b1 = runs[pointer]
        if op == EQUAL:
            equalities.append(pointer)
            ins_before, del_before, ins_after, del_after = ins_after, del_after, 0, 0
            last_equality = weight_a[a1] - weight_a[a0]
        else:
            if op == INSERT:
                ins_after += weight_b[b1] - weight_b[b0]
            else:
                del_after += weight_a[a1] - weight_a[a0]
            if (
                last_equality
                and last_equality <= max(ins_before, del_before)
                and last_equality <= max(ins_after, del_after)
            ):
                at = equalities.pop()
                _, e0, e1, f0, f1 = runs[at]
                runs[at:at + 1] = [(DELETE, e0, e1, f0, f0), (INSERT, e1, e1, f0, f1)]
                if equalities:
                    equalities.pop()
                pointer = equalities[-1] if equalities else -1
                ins_before = del_before = ins_after = del_after = 0
                last_equality = 0
        pointer += 1


def _normalise(runs: list[Run], a: Sequence[str], b: Sequence[str]) -> list[Run]:
    """One deletion then one insertion per stretch of change, equal tokens factored out."""
    out: list[Run] = []

    def equal(a0: int, a1: int, b0: int, b1: int) -> None:
        if a0 == a1:
            return
        if out and out[-1][0] == EQUAL:
            out[-1] = (EQUAL, out[-1][1], a1, out[-1][3], b1)
        else:
            out.append((EQUAL, a0, a1, b0, b1))

    i, n = 0, len(runs)
    while i < n:
        op, a0, a1, b0, b1 = runs[i]
        if op == EQUAL:
            equal(a0, a1, b0, b1)
            i += 1
            continue
        while i < n and runs[i][0] != EQUAL:
            a1 = max(a1, runs[i][2])
            b1 = max(b1, runs[i][4])
            i += 1
        p = 0
        while a0 + p < a1 and b0 + p < b1 and a[a0 + p] == b[b0 + p]:
            p += 1
        s = 0
        while a1 - s > a0 + p and b1 - s > b0 + p and a[a1 - 1 - s] == b[b1 - 1 - s]:
            s += 1
        equal(a0, a0 + p, b0, b0 + p)
        if a0 + p < a1 - s:
            out.append((DELETE, a0 + p, a1 - s, b0 + p, b0 + p))
        if b0 + p < b1 - s:
            out.append((INSERT, a1 - s, a1 - s, b0 + p, b1 - s))
        equal(a1 - s, a1, b1 - s, b1)
    return out


def _start_edits_at_words(runs: list[Run], a: Sequence[str], b: Sequence[str]) -> None:
    """Shift ``de{+ grote+} stad`` to ``de {+grote +}stad``.

    Both say the same; the second marks a whole word with its space, which is
    how people mark an insertion by hand.
    """
    for k in range(1, len(runs) - 1):
        op, a0, a1, b0, b1 = runs[k]
        before, after = runs[k - 1], runs[k + 1]
        # The equality after must keep a token, or two edits would touch.
        if op == EQUAL or before[0] != EQUAL or after[0] != EQUAL or after[2] - after[1] < 2:
            continue
        edit = b[b0:b1] if op == INSERT else a[a0:a1]
        following = a[after[1]]
        if not (edit[0].isspace() and not edit[-1].isspace() and edit[0] == following):
            continue
        runs[k - 1] = (EQUAL, before[1], before[2] + 1, before[3], before[4] + 1)
        if op == INSERT:
            runs[k] = (INSERT, a0 + 1, a1 + 1, b0 + 1, b1 + 1)
        else:
            runs[k] = (DELETE, a0 + 1, a1 + 1, b0 + 1, b1 + 1)
        runs[k + 1] = (EQUAL, after[1] + 1, after[2], after[3] + 1, after[4])
