"""Amendments on one base: changed ranges, conflicts, combining, previews."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from raadsakkoord.diffing import (
    AmendmentConflict,
    BaseText,
    changed_ranges,
    combine,
    conflict_matrix,
    conflicting_pairs,
    conflicts,
    merge3,
    preview,
)
from raadsakkoord.base.errors import DomainError

BASE = (
    "De gemeente bouwt tweeduizend woningen in de binnenstad. "
    "Wij verlagen de lasten voor ondernemers en investeren in fietspaden."
)
# Four amendments of BASE by different parties.
MORE_HOMES = BASE.replace("tweeduizend", "drieduizend")  # 0
FEWER_HOMES = BASE.replace("tweeduizend woningen", "duizend woningen")  # 1: same words as 0
CYCLING = BASE.replace("fietspaden", "veilige fietspaden")  # 2
ALSO_VILLAGES = BASE.replace("in de binnenstad", "in de binnenstad en de dorpen")  # 3


def test_changed_ranges_are_base_token_ranges():
    base = BaseText(BASE)
    (hunk,) = changed_ranges(base, MORE_HOMES).hunks
    assert base.passage(hunk.start, hunk.end) == "tweeduizend"
    assert "".join(hunk.replacement) == "drieduizend"
    start, end = base.char_range(hunk.start, hunk.end)
    assert BASE[start:end] == "tweeduizend"
    (insertion,) = changed_ranges(BASE, CYCLING).hunks
    assert insertion.is_insertion and base.passage(insertion.start, insertion.start + 1) == "fietspaden"


def test_conflicts_between_dutch_amendments():
    assert conflicts(BASE, MORE_HOMES, FEWER_HOMES)
    assert not conflicts(BASE, MORE_HOMES, CYCLING)
    assert not conflicts(BASE, MORE_HOMES, ALSO_VILLAGES)
    assert conflict_matrix(BASE, [MORE_HOMES, FEWER_HOMES, CYCLING, ALSO_VILLAGES]) == [
        [False, True, False, False],
        [True, False, False, False],
        [False, False, False, False],
        [False, False, False, False],
    ]


def test_insertions_at_the_same_point_conflict_and_the_same_change_twice_does_not():
    a = BASE.replace("fietspaden", "brede fietspaden")
    b = BASE.replace("fietspaden", "verlichte fietspaden")
    assert conflicts(BASE, a, b)
    assert not conflicts(BASE, a, a)
    assert combine(BASE, [a, a, CYCLING.replace("veilige", "brede")]) == a


def test_changes_next_to_each_other_do_not_conflict():
    base = "een twee drie vier."
    a, b, c = "een 2 drie vier.", "een twee 3 vier.", "een twee drie 4!"
    assert conflict_matrix(base, [a, b, c]) == [[False] * 3] * 3
    assert combine(base, [a, b, c]) == combine(base, [c, b, a]) == "een 2 3 4!"


def test_an_insertion_at_the_edge_of_a_changed_passage_conflicts():
    base = "de rode auto"
    assert conflicts(base, "de zeer rode auto", "de blauwe auto")
    assert conflicts(base, "de rode auto", "de rode auto") is False
    assert conflicts(base, "de rode, snelle auto", "de blauwe auto")
    # Otherwise the same words, added by one as part of a longer rewrite, would appear twice.
    assert conflicts("x y", "A x y", "A B y")


def test_combine_applies_all_and_refuses_conflicting_ones():
    combined = combine(BASE, [CYCLING, MORE_HOMES, ALSO_VILLAGES])
    assert combined == (
        "De gemeente bouwt drieduizend woningen in de binnenstad en de dorpen. "
        "Wij verlagen de lasten voor ondernemers en investeren in veilige fietspaden."
    )
    with pytest.raises(AmendmentConflict) as caught:
        combine(BASE, [CYCLING, MORE_HOMES, FEWER_HOMES])
    assert caught.value.pairs == [(1, 2)]
    assert "2 en 3" in caught.value.message
    assert isinstance(caught.value, DomainError)


def test_preview_applies_a_chosen_subset():
    amendments = [MORE_HOMES, FEWER_HOMES, CYCLING, ALSO_VILLAGES]
    assert preview(BASE, amendments, [2]) == CYCLING
    assert preview(BASE, amendments, []) == BASE
    assert preview(BASE, amendments, [1, 2]) == combine(BASE, [FEWER_HOMES, CYCLING])
    with pytest.raises(AmendmentConflict) as caught:
        preview(BASE, amendments, [3, 1, 0])
    assert caught.value.pairs == [(0, 1)]


VOCABULARY = "de het een en van in wij gemeente raad woningen groen wijk . , **".split()


@st.composite
def base_and_amendments(draw):
    words = draw(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=30))
    amendments = []
    for _ in range(draw(st.integers(1, 5))):
        edited = list(words)
        for _ in range(draw(st.integers(1, 3))):
            i = draw(st.integers(0, len(edited)))
            j = draw(st.integers(i, min(len(edited), i + 3)))
            edited[i:j] = draw(st.lists(st.sampled_from([*VOCABULARY, "nieuw", "anders"]), max_size=3))
        amendments.append(" ".join(edited))
    return " ".join(words), amendments


@settings(max_examples=200, deadline=None)
@given(base_and_amendments(), st.randoms(use_true_random=False))
def test_combining_non_conflicting_amendments_does_not_depend_on_order(case, rnd):
    base, amendments = case
    pairs = conflicting_pairs([changed_ranges(base, a) for a in amendments])
    chosen: list[str] = []
    for n, amendment in enumerate(amendments):
        if not any((m, n) in pairs for m in range(n) if amendments[m] in chosen):
            chosen.append(amendment)
    combined = combine(base, chosen)
    shuffled = list(chosen)
    rnd.shuffle(shuffled)
    assert combine(base, shuffled) == combined
    assert combine(base, list(reversed(chosen))) == combined
    # Each amendment alone is itself, and two of them combine as a merge would.
    assert combine(base, chosen[:1]) == chosen[0]
    if len(chosen) >= 2:
        merged = merge3(base, chosen[0], chosen[1])
        assert merged.clean and merged.text == combine(base, chosen[:2])


@settings(max_examples=150, deadline=None)
@given(base_and_amendments())
def test_conflict_matrix_agrees_with_pairwise_conflicts(case):
    base, amendments = case
    matrix = conflict_matrix(base, amendments)
    for i, a in enumerate(amendments):
        assert not matrix[i][i]
        for j, b in enumerate(amendments):
            assert matrix[i][j] == matrix[j][i] == conflicts(base, a, b) or i == j
