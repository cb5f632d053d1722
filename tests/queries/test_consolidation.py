"""The consolidation view's query: open amendments on the current text, their conflicts, recent decisions."""

import pytest

from raadsakkoord import operations as ops
from raadsakkoord.queries.consolidation import consolidation_detail
from raadsakkoord.model import AmendmentKind, AmendmentStatus, Position

BASE = "We bouwen 500 woningen in Noord.\n\nDe helft is sociale huur."


@pytest.fixture
def section(setup):
    with setup.workspace.action() as s:
        ops.revise_section(s, setup.griffie, setup.bouwen, BASE, reason="Uitgangspunt")
    return setup.bouwen


def _amend(s, actor, text, headline, section_id):
    return ops.propose_amendment(s, actor, kind=AmendmentKind.MODIFY, section_id=section_id, headline=headline,
                                 text=text, submit=True)


def test_open_amendments_with_support_and_conflicts(setup, section):
    with setup.workspace.action() as s:
        a = _amend(s, setup.rood_actor, BASE.replace("500", "800"), "Meer woningen", section)
        b = _amend(s, setup.groen_actor, BASE.replace("500", "300"), "Minder woningen", section)
        c = _amend(s, setup.blauw_actor, BASE.replace("sociale huur", "koop"), "Koop", section)
        d = ops.propose_amendment(s, setup.blauw_actor, kind=AmendmentKind.MODIFY, section_id=section,
                                  headline="Concept", text=BASE.replace("Noord", "Zuid"))  # a draft: not shown
        ops.endorse_amendment(s, setup.groen_actor, a.id, Position.SUPPORT)
        detail = consolidation_detail(s, section)
    assert [x.id for x in detail.amendments] == [a.id, b.id, c.id]
    assert d.id not in [x.id for x in detail.amendments]
    assert [x.number for x in detail.amendments] == [1, 2, 3]
    first = detail.amendments[0]
    assert (first.party, first.headline, first.base_text, first.text, first.on_current) == (
        "RP", "Meer woningen", BASE, BASE.replace("500", "800"), True)
    assert first.support.support_seats == 7
    assert detail.conflicts_of(0) == [1] and detail.conflicts_of(2) == []
    assert detail.conflict_count == 1
    assert detail.text == BASE and detail.decided == ()


def test_an_amendment_that_collides_with_the_current_text_is_listed_apart(setup, section):
    with setup.workspace.action() as s:
        old = _amend(s, setup.rood_actor, BASE.replace("sociale huur", "koop"), "Koop", section)
        ops.revise_section(s, setup.griffie, section, BASE.replace("sociale huur", "middenhuur"), reason="x")
        new = _amend(s, setup.groen_actor, BASE.replace("sociale huur", "middenhuur").replace("500", "600"),
                     "Zeshonderd", section)
        detail = consolidation_detail(s, section)
    assert [x.id for x in detail.amendments] == [new.id, old.id]
    assert [x.number for x in detail.amendments] == [2, 1]  # numbered in order of submission
    assert len(detail.matrix) == 1 and detail.compared[0].id == new.id
    stuck = detail.amendments[1]
    assert not stuck.on_current and stuck.base_text == BASE and stuck.text == BASE.replace("sociale huur", "koop")
    assert detail.conflicts_of(1) == []


def test_decisions_since_the_latest_round_are_listed(setup, section):
    with setup.workspace.action() as s:
        before = _amend(s, setup.rood_actor, BASE.replace("500", "800"), "Voor de ronde", section)
        ops.decide_amendment(s, setup.griffie, before.id, AmendmentStatus.REJECTED, note="Nee")
        ops.publish_round(s, setup.griffie)
        after = _amend(s, setup.groen_actor, BASE.replace("500", "300"), "Na de ronde", section)
        ops.decide_amendment(s, setup.griffie, after.id, AmendmentStatus.ACCEPTED)
        detail = consolidation_detail(s, section)
    assert [(x.id, x.status, x.decided_by) for x in detail.decided] == [
        (after.id, AmendmentStatus.ACCEPTED, "Griet Griffier")]
    assert detail.amendments == () and detail.matrix == ()


def test_numbers_stay_when_an_amendment_is_decided(setup, section):
    with setup.workspace.action() as s:
        a = _amend(s, setup.rood_actor, BASE.replace("500", "800"), "Een", section)
        b = _amend(s, setup.groen_actor, BASE.replace("Noord", "Zuid"), "Twee", section)
        c = _amend(s, setup.blauw_actor, BASE.replace("sociale huur", "koop"), "Drie", section)
        ops.decide_amendment(s, setup.griffie, b.id, AmendmentStatus.REJECTED, note="Nee")
        detail = consolidation_detail(s, section)
    assert [(x.id, x.number) for x in detail.amendments] == [(a.id, 1), (c.id, 3)]


def test_an_amendment_taken_over_by_a_compromise_is_already_in_the_text(setup, section):
    with setup.workspace.action() as s:
        a = _amend(s, setup.rood_actor, BASE.replace("500", "800"), "Meer", section)
        b = _amend(s, setup.blauw_actor, BASE.replace("Noord", "Zuid"), "Zuid", section)
        ops.decide_amendment(s, setup.griffie, a.id, AmendmentStatus.PARTLY_ACCEPTED, note="Beide",
                             compromise_text=BASE.replace("500", "700").replace("Noord", "Zuid"))
        [entry] = consolidation_detail(s, section).amendments
    assert entry.id == b.id and entry.on_current and entry.already_in_text
