"""Amendments on one base text: what each changes, which collide, and all of them together.

An amendment is seen as the hunks of its word diff against the base: base
token ranges with the tokens that replace them. Two amendments conflict when
a hunk of one and a hunk of the other

* overlap (share a base token),
* are both insertions at the same point, or
* one inserts inside a range the other changes or at either end of it.

The last rule treats a changed range as also inserting at its ends: once its
tokens are gone, an insertion before or after them lands at the same point
as the new text, and the same words added by both (one of them as part of a
longer rewrite) would otherwise appear twice. Two ranges that merely touch
(a word and the full stop after it) do not conflict: the base fixes their
order, so they commute. The same hunk
in both (two parties proposing the very same change) is agreement, not
conflict. Amendments without conflicts are combined by applying all their
hunks, sorted by base position; the result therefore does not depend on the
order in which the amendments are given.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate

from raadsakkoord.diffing.tokens import tokenize
from raadsakkoord.diffing.worddiff import diff_against
from raadsakkoord.diffing.worddiff import hunks as diff_hunks
from raadsakkoord.base.errors import DomainError
from raadsakkoord.base.i18n import tr


@dataclass(frozen=True, slots=True)
class Hunk:
    """Base tokens ``[start, end)`` replaced by ``replacement``; ``start == end`` inserts before ``start``."""

    start: int
    end: int
    replacement: tuple[str, ...]

    @property
    def is_insertion(self) -> bool:
        return self.start == self.end


@dataclass(frozen=True, slots=True)
class Changes:
    """The hunks of one amendment against its base, in base order, never touching each other."""

    hunks: tuple[Hunk, ...]


class BaseText:
    """A base revision tokenised once, for diffing many amendments against it."""

    __slots__ = ("offsets", "text", "tokens")

    def __init__(self, text: str):
        self.text = text
        self.tokens = tokenize(text)
        self.offsets = list(accumulate(map(len, self.tokens), initial=0))

    def changes(self, amended: str) -> Changes:
        runs, new = diff_against(self.text, self.tokens, self.offsets, amended)
        return Changes(tuple(Hunk(a0, a1, tuple(new[b0:b1])) for a0, a1, b0, b1 in diff_hunks(runs)))

    def apply(self, hunks: Iterable[Hunk]) -> str:
        """The base with non-overlapping hunks applied (sorted here)."""
        out: list[str] = []
        position = 0
        for hunk in sorted(hunks, key=lambda h: (h.start, h.end)):
            out.extend(self.tokens[position:hunk.start])
            out.extend(hunk.replacement)
            position = hunk.end
        out.extend(self.tokens[position:])
        return "".join(out)

    def char_range(self, start: int, end: int) -> tuple[int, int]:
        """Character offsets in the base text of the tokens ``[start, end)``."""
        return self.offsets[start], self.offsets[end]

    def passage(self, start: int, end: int) -> str:
        return "".join(self.tokens[start:end])


def _base(base: str | BaseText) -> BaseText:
    return base if isinstance(base, BaseText) else BaseText(base)


def changed_ranges(base: str | BaseText, amended: str) -> Changes:
    """The hunks of ``amended`` against ``base``."""
    return _base(base).changes(amended)


def hunks_conflict(h: Hunk, g: Hunk) -> bool:
    """Whether two hunks of different amendments (or sides of a merge) collide."""
    if h == g:
        return False
    return hunks_touch(h, g)


def hunks_touch(h: Hunk, g: Hunk) -> bool:
    """The conflict rule without the exception for identical hunks."""
    if h.is_insertion and g.is_insertion:
        return h.start == g.start
    if h.is_insertion:
        return g.start <= h.start <= g.end
    if g.is_insertion:
        return h.start <= g.start <= h.end
    return h.start < g.end and g.start < h.end


def changes_conflict(x: Changes, y: Changes) -> bool:
    return bool(conflicting_pairs([x, y]))


def conflicting_pairs(changes: Sequence[Changes]) -> list[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, of amendments that conflict; one sweep over all hunks."""
    tagged = sorted(
        ((h.start, h.end, n, h) for n, c in enumerate(changes) for h in c.hunks),
        key=lambda t: (t[0], t[1]),
    )
    found: set[tuple[int, int]] = set()
    active: list[tuple[int, int, int, Hunk]] = []
    for item in tagged:
        start, _end, n, hunk = item
        # A hunk can still collide with later ones (which start at or after
        # `start`) only if it reaches `start`.
        active = [a for a in active if a[1] >= start]
        for _s, _e, m, other in active:
            if m != n and hunks_conflict(other, hunk):
                found.add((min(m, n), max(m, n)))
        active.append(item)
    return sorted(found)


def conflicts(base: str | BaseText, a: str, b: str) -> bool:
    """Whether amendments ``a`` and ``b`` of ``base`` conflict."""
    base = _base(base)
    return changes_conflict(base.changes(a), base.changes(b))


def conflict_matrix(base: str | BaseText, amendments: Sequence[str]) -> list[list[bool]]:
    """``matrix[i][j]`` tells whether amendments i and j conflict (symmetric, diagonal False).

    Each amendment is diffed once; the pairs come from one sweep over the
    hunks of all of them, not from diffing pairs.
    """
    base = _base(base)
    return matrix_of([base.changes(a) for a in amendments])


def matrix_of(changes: Sequence[Changes]) -> list[list[bool]]:
    matrix = [[False] * len(changes) for _ in changes]
    for i, j in conflicting_pairs(changes):
        matrix[i][j] = matrix[j][i] = True
    return matrix


class AmendmentConflict(DomainError):
    """Amendments that change the same passage cannot be combined."""

    def __init__(self, pairs: Sequence[tuple[int, int]]):
        self.pairs = list(pairs)
        listed = ", ".join(tr("{first} en {second}").format(first=i + 1, second=j + 1) for i, j in self.pairs)
        super().__init__(
            tr("Deze amendementen wijzigen dezelfde passage en kunnen niet samen worden toegepast: {pairs}.").format(
                pairs=listed)
        )


def combine(base: str | BaseText, amendments: Sequence[str]) -> str:
    """The base with all amendments applied; raises AmendmentConflict (0-based ``pairs``) on conflicts."""
    base = _base(base)
    return combine_changes(base, [base.changes(a) for a in amendments])


def combine_changes(base: BaseText, changes: Sequence[Changes]) -> str:
    pairs = conflicting_pairs(changes)
    if pairs:
        raise AmendmentConflict(pairs)
    # Identical hunks of different amendments are one change, applied once.
    return base.apply({h for c in changes for h in c.hunks})


def preview(base: str | BaseText, amendments: Sequence[str], chosen: Iterable[int]) -> str:
    """The base with the chosen amendments (indices into ``amendments``) applied."""
    chosen = sorted(set(chosen))
    try:
        return combine(base, [amendments[i] for i in chosen])
    except AmendmentConflict as exc:
        raise AmendmentConflict([(chosen[i], chosen[j]) for i, j in exc.pairs]) from None
