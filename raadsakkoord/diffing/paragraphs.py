"""The diff of two texts: paragraphs aligned first, then words inside changed paragraphs."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from raadsakkoord.diffing.model import Kind, Op, ParagraphDiff, Span, TextDiff
from raadsakkoord.diffing.tokens import split_paragraphs, tokenize
from raadsakkoord.diffing.worddiff import DELETE, EQUAL, INSERT, anchored_diff, split_common, token_diff

# A changed paragraph is shown deleted and inserted whole when more than half
# of its text is deleted or inserted: changed / (old + new) > 0.5, counting
# the characters of both versions without white space. Past that point the
# unchanged words are scattered function words ("de", "van", "het") and a word
# diff alternates between fragments; readers compare the two versions faster
# one above the other. Characters rather than tokens, so that a pasted line
# full of punctuation does not weigh more than the words it sits among. A
# one-word change in a sentence of twenty words stays far below (about 5 %).
REPLACE_THRESHOLD = 0.5

# Paragraphs in a block of changed paragraphs are paired as old and new
# version of each other when their words overlap at least this much (Dice
# coefficient on the sets of words); others are plain deletions and insertions.
PAIR_SIMILARITY = 0.3
_PAIR_WINDOW = 4
# Longest run of equal paragraphs that may be taken for a move (see _dissolve_equalities).
_MAX_DISSOLVED = 3


def diff(old: str, new: str) -> TextDiff:
    """Diff two canonical Markdown texts (any strings work; the result is exact)."""
    a, b = split_paragraphs(old), split_paragraphs(new)
    runs = anchored_diff(a, b)
    _dissolve_equalities(runs, a, b)
    moves = _find_moves(runs, a, b)
    out: list[ParagraphDiff] = []
    i = 0
    while i < len(runs):
        op, a0, a1, b0, b1 = runs[i]
        if op == EQUAL:
            out.extend(ParagraphDiff(Kind.EQUAL, p, p, _spans((Op.EQUAL, p))) for p in a[a0:a1])
            i += 1
            continue
        while i < len(runs) and runs[i][0] != EQUAL:
            a1, b1 = max(a1, runs[i][2]), max(b1, runs[i][4])
            i += 1
        out.extend(_changed_block(a, b, range(a0, a1), range(b0, b1), moves))
    return TextDiff(tuple(out))


def _find_moves(runs, a: Sequence[str], b: Sequence[str]) -> dict[tuple[str, int], int]:
    """Deleted paragraphs that were inserted unchanged elsewhere: ("a"|"b", index) -> move number."""
    inserted: dict[str, list[int]] = {}
    for op, _a0, _a1, b0, b1 in runs:
        if op == INSERT:
            for j in range(b0, b1):
                if b[j].strip():
                    inserted.setdefault(b[j], []).append(j)
    moves: dict[tuple[str, int], int] = {}
    for op, a0, a1, _b0, _b1 in runs:
        if op != DELETE:
            continue
        for k in range(a0, a1):
            targets = inserted.get(a[k])
            if targets:
                number = len(moves) // 2 + 1
                moves["a", k] = number
                moves["b", targets.pop(0)] = number
    return moves


def _changed_block(a, b, old_range: range, new_range: range, moves) -> list[ParagraphDiff]:
    plain_old = [k for k in old_range if ("a", k) not in moves]
    plain_new = [k for k in new_range if ("b", k) not in moves]
    pairs = [(plain_old[i], plain_new[j]) for i, j in _pair([a[k] for k in plain_old], [b[k] for k in plain_new])]
    out: list[ParagraphDiff] = []
    i, j = old_range.start, new_range.start
    for ka, kb in [*pairs, (old_range.stop, new_range.stop)]:
        for k in range(i, ka):
            move = moves.get(("a", k))
            kind = Kind.DELETED if move is None else Kind.MOVED_FROM
            out.append(ParagraphDiff(kind, a[k], None, _spans((Op.DELETE, a[k])), move))
        for k in range(j, kb):
            move = moves.get(("b", k))
            kind = Kind.INSERTED if move is None else Kind.MOVED_TO
            out.append(ParagraphDiff(kind, None, b[k], _spans((Op.INSERT, b[k])), move))
        if ka < old_range.stop:
            out.append(paragraph_diff(a[ka], b[kb]))
        i, j = ka + 1, kb + 1
    return out


def _pair(old: list[str], new: list[str], *, similar_only: bool = False) -> list[tuple[int, int]]:
    """Indices of old and new versions of the same paragraph in a changed block, in order.

    One old and one new paragraph in a block are a pair whatever their
    words, unless ``similar_only``: the word diff decides how to show them.
    """
    if not old or not new:
        return []
    if len(old) == 1 and len(new) == 1 and not similar_only:
        return [(0, 0)]
    bags = [_bag(t) for t in old], [_bag(t) for t in new]
    pairs: list[tuple[int, int]] = []
    start = 0
    for i, x in enumerate(bags[0]):
        best, best_score = None, PAIR_SIMILARITY
        for j in range(start, min(start + _PAIR_WINDOW, len(new))):
            y = bags[1][j]
            size = len(x) + len(y)
            score = 2 * len(x & y) / size if size else 1.0
            if score >= best_score and (best is None or score > best_score):
                best, best_score = j, score
        if best is not None:
            pairs.append((i, best))
            start = best + 1
    return pairs


@lru_cache(maxsize=4096)
def _bag(text: str) -> frozenset[str]:
    # The words with their punctuation: rough, but pairing only needs to
    # tell a rewritten paragraph from an unrelated one, and it is cheap.
    return frozenset(text.split())


def _dissolve_equalities(runs: list, a: Sequence[str], b: Sequence[str]) -> None:
    """Turn a few equal paragraphs between two changed blocks into a move when that pairs more paragraphs.

    A paragraph moved past paragraphs that were also edited is the one
    thing the paragraph alignment gets backwards: keeping the moved paragraph
    as "equal" leaves the edited ones deleted above it and inserted below.
    """
    k = 1
    while k < len(runs) - 1:
        op, a0, a1, b0, b1 = runs[k]
        if op != EQUAL or a1 - a0 > _MAX_DISSOLVED or runs[k - 1][0] == EQUAL or runs[k + 1][0] == EQUAL:
            k += 1
            continue
        lo = k - 1
        while lo > 0 and runs[lo - 1][0] != EQUAL:
            lo -= 1
        hi = k + 1
        while hi + 1 < len(runs) and runs[hi + 1][0] != EQUAL:
            hi += 1
        old_before, new_before = a[runs[lo][1]:a0], b[runs[lo][3]:b0]
        old_after, new_after = a[a1:runs[hi][2]], b[b1:runs[hi][4]]
        # Blocks that each replace as many paragraphs as they remove are
        # edits in place; only a lopsided block hints at a move.
        if len(old_before) == len(new_before) and len(old_after) == len(new_after):
            k += 1
            continue
        apart = len(_pair(old_before, new_before, similar_only=True))
        apart += len(_pair(old_after, new_after, similar_only=True))
        together = len(_pair(old_before + old_after, new_before + new_after, similar_only=True))
        if together - apart >= a1 - a0:
            runs[k:k + 1] = [(DELETE, a0, a1, b0, b0), (INSERT, a1, a1, b0, b1)]
        k += 1


def paragraph_diff(old: str, new: str) -> ParagraphDiff:
    """Word diff of two versions of one paragraph, or REPLACED when it changed mostly."""
    if old == new:
        return ParagraphDiff(Kind.EQUAL, old, new, _spans((Op.EQUAL, old)))
    # Only the stretch between the common beginning and end is tokenised.
    p, qa, qb = split_common(old, new)
    a, b = tokenize(old[p:qa]), tokenize(new[p:qb])
    runs = token_diff(a, b)
    changed = sum(_visible(a[a0:a1]) + _visible(b[b0:b1]) for op, a0, a1, b0, b1 in runs if op != EQUAL)
    total = _visible_text(old) + _visible_text(new)
    if not total or changed / total > REPLACE_THRESHOLD:
        return ParagraphDiff(Kind.REPLACED, old, new, _spans((Op.DELETE, old), (Op.INSERT, new)))
    spans = [(Op.EQUAL, old[:p])]
    for op, a0, a1, b0, b1 in runs:
        if op == INSERT:
            spans.append((Op.INSERT, "".join(b[b0:b1])))
        else:
            spans.append((Op.EQUAL if op == EQUAL else Op.DELETE, "".join(a[a0:a1])))
    spans.append((Op.EQUAL, old[qa:]))
    return ParagraphDiff(Kind.CHANGED, old, new, _spans(*spans))


def _visible(tokens: Sequence[str]) -> int:
    return sum(len(t) for t in tokens if not t.isspace())


def _visible_text(text: str) -> int:
    return len("".join(text.split()))


def _spans(*parts: tuple[Op, str]) -> tuple[Span, ...]:
    spans: list[Span] = []
    for op, text in parts:
        if not text:
            continue
        if spans and spans[-1].op is op:
            spans[-1] = Span(op, spans[-1].text + text)
        else:
            spans.append(Span(op, text))
    return tuple(spans)
