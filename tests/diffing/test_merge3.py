"""Three-way merge on words, rebasing amendments, and git-style conflict markers."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from raadsakkoord.diffing import Conflict, merge3, rebase, rebase_all, render_markers

BASE = (
    "## Wonen\n\n"
    "De gemeente bouwt tweeduizend woningen in de binnenstad, met voorrang voor starters.\n\n"
    "Wij verlagen de lasten voor ondernemers en investeren in fietspaden."
)


def test_changes_in_different_places_merge_cleanly():
    ours = BASE.replace("tweeduizend", "drieduizend")
    theirs = BASE.replace("fietspaden", "veilige fietspaden")
    result = merge3(BASE, ours, theirs)
    assert result.clean and result.conflicts == ()
    assert result.text == BASE.replace("tweeduizend", "drieduizend").replace("fietspaden", "veilige fietspaden")


def test_changes_in_one_sentence_but_different_words_merge_cleanly():
    ours = BASE.replace("tweeduizend", "drieduizend")
    theirs = BASE.replace("starters", "starters en ouderen")
    result = merge3(BASE, ours, theirs)
    assert result.clean
    assert "drieduizend woningen in de binnenstad, met voorrang voor starters en ouderen." in result.text


def test_the_same_change_on_both_sides_is_no_conflict():
    both = BASE.replace("binnenstad", "dorpen")
    assert merge3(BASE, both, both).text == both


def test_different_changes_of_one_passage_conflict_with_all_three_versions():
    ours = BASE.replace("tweeduizend", "drieduizend")
    theirs = BASE.replace("tweeduizend", "duizend")
    result = merge3(BASE, ours, theirs)
    assert not result.clean
    assert result.conflicts == (Conflict(base="tweeduizend", ours="drieduizend", theirs="duizend"),)
    # The markers take whole lines, like git merge-file.
    assert result.with_markers("CDA", "GL-PvdA") == (
        "## Wonen\n\n"
        "<<<<<<< CDA\n"
        "De gemeente bouwt drieduizend woningen in de binnenstad, met voorrang voor starters.\n"
        "=======\n"
        "De gemeente bouwt duizend woningen in de binnenstad, met voorrang voor starters.\n"
        ">>>>>>> GL-PvdA\n"
        "\n"
        "Wij verlagen de lasten voor ondernemers en investeren in fietspaden."
    )


def test_markers_stand_on_their_own_lines_at_the_end_of_a_text_without_newline():
    text, blocks = render_markers(merge3("a b", "a c", "a d"))
    assert text == "<<<<<<< ours\na c\n=======\na d\n>>>>>>> theirs\n"
    assert blocks == 1


def test_two_conflicts_on_one_line_are_one_block():
    text, blocks = render_markers(merge3("een twee drie vier vijf", "een 2 drie 4 vijf", "een II drie IV vijf"))
    assert blocks == 1
    assert text == "<<<<<<< ours\neen 2 drie 4 vijf\n=======\neen II drie IV vijf\n>>>>>>> theirs\n"


def test_rebase_keeps_the_amendment_on_a_new_revision():
    amendment = BASE.replace("fietspaden", "veilige fietspaden")
    revision = BASE.replace("tweeduizend", "drieduizend")
    result = rebase(BASE, amendment, revision)
    assert result.clean and result.conflicts == ()
    assert result.text == revision.replace("fietspaden", "veilige fietspaden")


def test_rebase_reports_the_passage_and_keeps_the_party_text():
    amendment = BASE.replace("tweeduizend woningen", "duizend betaalbare woningen")
    revision = BASE.replace("tweeduizend", "drieduizend")
    result = rebase(BASE, amendment, revision)
    assert not result.clean
    assert result.text == amendment
    (conflict,) = result.conflicts
    assert "tweeduizend" in conflict.base
    assert "drieduizend" in conflict.revision
    assert "duizend betaalbare" in conflict.amendment
    assert "<<<<<<< nieuwe versie" in result.merge.with_markers("nieuwe versie", "amendement")


# --- laws -----------------------------------------------------------------

TEXTS = st.text(max_size=150) | st.lists(
    st.sampled_from("de het een raad wijk groen ** - \n . , ## 1.".split(" ")), max_size=40
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(TEXTS, TEXTS)
def test_merging_with_an_unchanged_side_gives_the_other_side(base, x):
    assert merge3(base, x, base).text == x
    assert merge3(base, base, x).text == x
    assert merge3(base, x, x).text == x


@st.composite
def two_edits(draw, *, overlapping: bool):
    """A base of distinct words and one edit each for an amendment and a later revision.

    Each edit replaces the base words [start, stop) by new words of its own
    (never in the base); disjoint edits keep at least two base words between them.
    """
    size = draw(st.integers(4, 40))
    words = [f"w{i}" for i in range(size)]

    def edit(prefix, start, stop, *, min_new=0):
        new = [f"{prefix}{k}" for k in range(draw(st.integers(min_new, 3)))]
        return start, stop, new

    if overlapping:
        start = draw(st.integers(0, size - 1))
        stop = draw(st.integers(start + 1, size))
        # The revision shares at least one base word with the amendment, or
        # inserts at the very point where the amendment inserts.
        if draw(st.booleans()):
            shared = draw(st.integers(start, stop - 1))
            other = (draw(st.integers(0, shared)), draw(st.integers(shared + 1, size)))
            amendment = edit("a", start, stop, min_new=1)
        else:
            other = (start, start)
            amendment = edit("a", start, start, min_new=1)
        revision = edit("r", *other, min_new=1)
    else:
        start = draw(st.integers(0, size))
        stop = draw(st.integers(start, min(size, start + 5)))
        amendment = edit("a", start, stop)
        # Place the revision's edit before or after, two words away at least.
        room_after = size - (stop + 2)
        room_before = start - 2
        assume(room_after >= 0 or room_before >= 0)
        if room_after >= 0 and (room_before < 0 or draw(st.booleans())):
            r_start = draw(st.integers(stop + 2, size))
            r_stop = draw(st.integers(r_start, min(size, r_start + 5)))
        else:
            r_stop = draw(st.integers(0, start - 2))
            r_start = draw(st.integers(max(0, r_stop - 5), r_stop))
        revision = edit("r", r_start, r_stop)
    return words, amendment, revision


def _edited(words, *edits):
    out = list(words)
    for start, stop, new in sorted(edits, reverse=True):
        out[start:stop] = new
    return " ".join(out)


@settings(max_examples=300, deadline=None)
@given(two_edits(overlapping=False))
def test_an_amendment_and_a_revision_touching_disjoint_passages_always_rebase_cleanly(case):
    words, amendment, revision = case
    base = " ".join(words)
    result = rebase(base, _edited(words, amendment), _edited(words, revision))
    assert result.clean
    assert result.text == _edited(words, amendment, revision)


@settings(max_examples=300, deadline=None)
@given(two_edits(overlapping=True))
def test_an_amendment_and_a_revision_touching_one_passage_are_always_reported(case):
    words, amendment, revision = case
    amended = _edited(words, amendment)
    result = rebase(" ".join(words), amended, _edited(words, revision))
    assert not result.clean and result.conflicts
    assert result.text == amended


def test_rebase_all_equals_rebasing_one_by_one():
    revision = BASE.replace("tweeduizend", "drieduizend")
    amendments = [
        BASE.replace("fietspaden", "veilige fietspaden"),
        BASE.replace("tweeduizend woningen", "duizend woningen"),
        BASE,
    ]
    results = rebase_all(BASE, amendments, revision)
    assert results == [rebase(BASE, a, revision) for a in amendments]
    assert [r.clean for r in results] == [True, False, True]
    assert results[2].text == revision
