"""The support matrix read model: sections against parties, and chapter totals."""

import pytest

from raadsakkoord import operations as ops
from raadsakkoord.queries.matrix import matrix_row, support_matrix
from raadsakkoord.model import AmendmentKind, AmendmentStatus, Position


def test_rows_in_number_order_and_parties_by_seats_with_each_partys_position(setup):
    with setup.workspace.action() as s:
        ops.endorse_section(s, setup.groen_actor, setup.bouwen, Position.SUPPORT)
        ops.endorse_section(s, setup.rood_actor, setup.bouwen, Position.OPPOSE, minority_position="Te weinig.")
        ops.endorse_section(s, setup.blauw_actor, setup.huur, Position.ABSTAIN)
        matrix = support_matrix(s)
    assert [p.short_name for p in matrix.parties] == ["GL", "RP", "BB"]
    assert [(r.number, r.title) for r in matrix.rows] == [("1.1", "Bouwen"), ("1.2", "Huur"), ("2.1", "Begroting")]
    bouwen = matrix.rows[0].support
    # The tally's positions run in the matrix's party order, so a column is one party throughout.
    assert [p.party_id for p in bouwen.positions] == [p.id for p in matrix.parties]
    assert [p.position for p in bouwen.positions] == [Position.SUPPORT, Position.OPPOSE, None]
    assert bouwen.positions[1].minority_position == "Te weinig."
    assert (bouwen.support_seats, bouwen.oppose_seats, bouwen.silent_seats) == (7, 5, 3)
    assert [p.position for p in matrix.rows[1].support.positions] == [None, None, Position.ABSTAIN]
    assert matrix.title == "Raadsakkoord Testdorp 2026–2030"
    assert (matrix.council_seats, matrix.majority_seats, matrix.broad_seats) == (15, 8, 10)


def test_a_position_on_an_older_text_is_shown_stale_and_counts_as_silent(setup):
    with setup.workspace.action() as s:
        ops.endorse_section(s, setup.groen_actor, setup.bouwen, Position.SUPPORT)
        ops.endorse_section(s, setup.rood_actor, setup.bouwen, Position.SUPPORT)
        ops.revise_section(s, setup.griffie, setup.bouwen, "We bouwen 700 woningen.", reason="Akkoord")
        ops.endorse_section(s, setup.rood_actor, setup.bouwen, Position.SUPPORT)
        row = support_matrix(s).rows[0]
    groen, rood, _ = row.support.positions
    assert (groen.position, groen.stale) == (Position.SUPPORT, True)
    assert (rood.position, rood.stale) == (Position.SUPPORT, False)
    assert row.support.support_seats == 5 and row.support.silent_seats == 10


def test_sections_no_longer_in_the_agreement_are_left_out(setup):
    with setup.workspace.action() as s:
        amendment = ops.propose_amendment(s, setup.rood_actor, kind=AmendmentKind.DELETE, section_id=setup.huur,
                                          headline="Schrappen", submit=True)
        ops.decide_amendment(s, setup.griffie, amendment.id, AmendmentStatus.ACCEPTED)
        matrix = support_matrix(s)
        assert [r.title for r in matrix.rows] == ["Bouwen", "Begroting"]
        assert matrix_row(s, setup.huur) is None


def test_one_row_again_after_a_change(setup):
    with setup.workspace.action() as s:
        before = support_matrix(s).rows[2]
        ops.endorse_section(s, setup.blauw_actor, setup.begroting, Position.OPPOSE)
        after = matrix_row(s, setup.begroting)
    assert (after.id, after.number, after.title, after.chapter_id) == (before.id, "2.1", "Begroting",
                                                                      before.chapter_id)
    assert before.support.oppose_seats == 0 and after.support.oppose_seats == 3


def test_a_chapter_is_the_average_of_its_sections(setup):
    with setup.workspace.action() as s:
        ops.endorse_section(s, setup.groen_actor, setup.bouwen, Position.SUPPORT)  # 7
        ops.endorse_section(s, setup.rood_actor, setup.bouwen, Position.SUPPORT)  # + 5 = 12
        ops.endorse_section(s, setup.rood_actor, setup.huur, Position.SUPPORT)  # 5
        ops.endorse_section(s, setup.blauw_actor, setup.huur, Position.OPPOSE)  # 3 against
        ops.endorse_section(s, setup.groen_actor, setup.begroting, Position.ABSTAIN)
        matrix = support_matrix(s)
    wonen, geld = matrix.chapter_support()
    assert (wonen.number, wonen.title, wonen.sections) == ("1", "Wonen", 2)
    assert wonen.support_seats == pytest.approx((12 + 5) / 2)
    assert wonen.oppose_seats == pytest.approx(1.5)
    assert wonen.silent_seats == pytest.approx((3 + 7) / 2)
    assert wonen.with_majority == 1
    assert (geld.abstain_seats, geld.support_seats, geld.silent_seats) == (7, 0, 8)
    # Over some rows only (a filter): chapters without any of them are left out.
    only = matrix.chapter_support(matrix.rows[2:])
    assert [c.title for c in only] == ["Financiën"]


def test_broad_support_threshold_follows_the_agreement(setup):
    with setup.workspace.action() as s:
        ops.update_agreement(s, setup.griffie, council_seats=33)
        matrix = support_matrix(s)
    assert (matrix.majority_seats, matrix.broad_seats) == (17, 22)


def test_the_matrix_needs_no_qt():
    import subprocess
    import sys

    code = "import sys, raadsakkoord.queries.matrix\nassert not [m for m in sys.modules if m.startswith('PySide6')]\n"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
