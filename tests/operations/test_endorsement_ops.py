"""Endorsements and the seat-weighted support arithmetic, including stale positions."""

import pytest

from raadsakkoord import operations as ops
from raadsakkoord.base.errors import DomainError, NotFound, PermissionDenied
from raadsakkoord.model import AmendmentKind, AmendmentStatus, Endorsement, Position
from raadsakkoord.queries.support import amendment_support, section_support


def test_support_counts_seats_majority_and_broad_support(setup):
    # 15 seats: GL 7, RP 5, BB 3. Majority > 7.5; broad >= 10.
    with setup.workspace.action() as s:
        ops.endorse_section(s, setup.groen_actor, setup.bouwen, Position.SUPPORT)
        tally = section_support(s)[setup.bouwen]
        assert (tally.support_seats, tally.silent_seats, tally.has_majority) == (7, 8, False)
        ops.endorse_section(s, setup.blauw_actor, setup.bouwen, Position.SUPPORT)
        tally = section_support(s)[setup.bouwen]
        assert (tally.support_seats, tally.has_majority, tally.has_broad_support) == (10, True, True)
        assert tally.support_share == pytest.approx(10 / 15)
        ops.endorse_section(s, setup.rood_actor, setup.bouwen, Position.OPPOSE, minority_position="Te weinig sociale huur.")
        tally = section_support(s)[setup.bouwen]
        assert (tally.oppose_seats, tally.silent_seats) == (5, 0)
        assert [(p.short_name, p.minority_position) for p in tally.minority_positions] == [("RP", "Te weinig sociale huur.")]


def test_broad_support_share_is_configurable(setup):
    with setup.workspace.action() as s:
        ops.update_agreement(s, setup.griffie, broad_support_share=0.75)
        ops.endorse_section(s, setup.groen_actor, setup.bouwen, Position.SUPPORT)
        ops.endorse_section(s, setup.blauw_actor, setup.bouwen, Position.SUPPORT)
        tally = section_support(s)[setup.bouwen]
        assert tally.has_majority and not tally.has_broad_support


def test_a_new_position_replaces_the_old_one(setup):
    with setup.workspace.action() as s:
        ops.endorse_section(s, setup.groen_actor, setup.bouwen, Position.SUPPORT)
        ops.endorse_section(s, setup.groen_actor, setup.bouwen, Position.ABSTAIN)
        assert s.query(Endorsement).count() == 1
        assert section_support(s)[setup.bouwen].abstain_seats == 7


def test_support_goes_stale_when_the_text_changes_and_is_confirmed_in_one_action(setup):
    with setup.workspace.action() as s:
        for actor in (setup.groen_actor, setup.rood_actor):
            ops.endorse_section(s, actor, setup.bouwen, Position.SUPPORT)
        ops.endorse_section(s, setup.groen_actor, setup.huur, Position.OPPOSE)
        ops.revise_section(s, setup.griffie, setup.bouwen, "We bouwen 700 woningen.", reason="Aangepast")
        ops.revise_section(s, setup.griffie, setup.huur, "De huren bevriezen.", reason="Aangepast")
        tally = section_support(s)[setup.bouwen]
        assert tally.support_seats == 0 and not tally.has_majority
        assert sorted(p.short_name for p in tally.stale) == ["GL", "RP"]
        confirmed = ops.confirm_endorsements(s, setup.groen_actor, section_ids=[setup.bouwen])
        assert confirmed == 1
        tally = section_support(s)[setup.bouwen]
        assert (tally.support_seats, [p.short_name for p in tally.stale]) == (7, ["RP"])
        assert section_support(s)[setup.huur].stale[0].position == Position.OPPOSE
        assert ops.confirm_endorsements(s, setup.groen_actor) == 1  # the remaining one, huur
        assert section_support(s)[setup.huur].oppose_seats == 7
        assert ops.confirm_endorsements(s, setup.groen_actor) == 0


def test_endorsement_by_unknown_party_is_refused(setup):
    import uuid

    ghost = ops.Actor.of_party(uuid.uuid4(), "Spook")
    with pytest.raises(NotFound, match="Onbekende fractie"), setup.workspace.action() as s:
        ops.endorse_section(s, ghost, setup.bouwen, Position.SUPPORT)


def test_party_cannot_endorse_for_another_but_griffie_can_record(setup):
    with setup.workspace.action() as s:
        with pytest.raises(PermissionDenied):
            ops.endorse_section(s, setup.groen_actor, setup.bouwen, Position.SUPPORT, party_id=setup.rood)
        ops.endorse_section(s, setup.griffie, setup.bouwen, Position.SUPPORT, party_id=setup.rood)
        assert section_support(s)[setup.bouwen].support_seats == 5


def test_amendment_support_and_closed_amendments(setup):
    with setup.workspace.action() as s:
        amendment = ops.propose_amendment(s, setup.rood_actor, kind=AmendmentKind.MODIFY, section_id=setup.huur,
                                          headline="Bevriezen", text="De huren bevriezen.", submit=True)
        ops.endorse_amendment(s, setup.rood_actor, amendment.id, Position.SUPPORT)
        ops.endorse_amendment(s, setup.blauw_actor, amendment.id, Position.SUPPORT)
        ops.endorse_amendment(s, setup.groen_actor, amendment.id, Position.OPPOSE, minority_position="Onbetaalbaar.")
        tally = amendment_support(s, [amendment.id])[amendment.id]
        assert (tally.support_seats, tally.oppose_seats, tally.has_majority) == (8, 7, True)
        ops.decide_amendment(s, setup.griffie, amendment.id, AmendmentStatus.ACCEPTED)
        with pytest.raises(DomainError, match="al beslist"):
            ops.endorse_amendment(s, setup.groen_actor, amendment.id, Position.SUPPORT)


def test_a_snapshot_restores_a_position_exactly_including_staleness(setup):
    with setup.workspace.action() as s:
        ops.endorse_section(s, setup.groen_actor, setup.bouwen, Position.OPPOSE, minority_position="Te weinig.")
        ops.revise_section(s, setup.griffie, setup.bouwen, "We bouwen 700 woningen.", reason="Akkoord")
        before = ops.endorsement_snapshot(s, setup.groen, section_id=setup.bouwen)
        ops.confirm_endorsements(s, setup.groen_actor)
        assert not section_support(s)[setup.bouwen].stale
        ops.restore_endorsement(s, setup.groen_actor, before)
        tally = section_support(s)[setup.bouwen]
        assert [(p.short_name, p.position, p.minority_position) for p in tally.stale] == [
            ("GL", Position.OPPOSE, "Te weinig.")]


def test_restoring_no_position_removes_it_and_a_party_cannot_restore_for_another(setup):
    with setup.workspace.action() as s:
        empty = ops.endorsement_snapshot(s, setup.groen, section_id=setup.huur)
        ops.endorse_section(s, setup.groen_actor, setup.huur, Position.SUPPORT)
        with pytest.raises(PermissionDenied):
            ops.restore_endorsement(s, setup.rood_actor, empty)
        ops.restore_endorsement(s, setup.groen_actor, empty)
        assert s.query(Endorsement).count() == 0


def test_a_snapshot_of_an_amendment_position_comes_back(setup):
    with setup.workspace.action() as s:
        amendment = ops.propose_amendment(s, setup.rood_actor, kind=AmendmentKind.MODIFY, section_id=setup.bouwen,
                                          headline="Meer", text="We bouwen 600 woningen.", submit=True)
        ops.endorse_amendment(s, setup.groen_actor, amendment.id, Position.ABSTAIN)
        before = ops.endorsement_snapshot(s, setup.groen, amendment_id=amendment.id)
        ops.endorse_amendment(s, setup.groen_actor, amendment.id, Position.SUPPORT, minority_position="Ja.")
        ops.restore_endorsement(s, setup.groen_actor, before)
        assert amendment_support(s, [amendment.id])[amendment.id].abstain_seats == 7
