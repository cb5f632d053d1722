"""The griffie asks the parties again for their support once a section's text changed; a party answers by
giving its position on the new text."""

import pytest

from raadsakkoord import operations as ops
from raadsakkoord.base.errors import DomainError, PermissionDenied
from raadsakkoord.model import AuditEvent, Position
from raadsakkoord.queries.auditlog import ACTIONS
from raadsakkoord.queries.drafting import section_badges
from raadsakkoord.queries.support_requests import asked_revisions, support_asked_of


def _changed(setup, s):
    for actor in (setup.groen_actor, setup.rood_actor):
        ops.endorse_section(s, actor, setup.bouwen, Position.SUPPORT)
    ops.revise_section(s, setup.griffie, setup.bouwen, "We bouwen 700 woningen.", reason="Amendement aanvaard")


def test_asking_again_is_logged_and_shown_to_each_party_until_it_answers(setup):
    with setup.workspace.action() as s:
        _changed(setup, s)
        assert support_asked_of(s, setup.groen) == set()  # stale, but nobody asked yet
        ops.ask_support_again(s, setup.griffie, setup.bouwen)
        event = s.query(AuditEvent).order_by(AuditEvent.seq.desc()).first()
        assert event.action == "ask_support_again" and event.action in ACTIONS
        for party in (setup.groen, setup.rood, setup.blauw):  # BB gave no position before: it is asked too
            assert support_asked_of(s, party) == {setup.bouwen}
        assert section_badges(s, setup.groen)[setup.bouwen].support_asked
        ops.confirm_endorsements(s, setup.groen_actor, section_ids=[setup.bouwen])
        ops.endorse_section(s, setup.blauw_actor, setup.bouwen, Position.ABSTAIN)
        assert support_asked_of(s, setup.groen) == set()
        assert support_asked_of(s, setup.blauw) == set()
        assert support_asked_of(s, setup.rood) == {setup.bouwen}
        assert not section_badges(s, setup.groen)[setup.bouwen].support_asked


def test_a_request_lapses_when_the_text_changes_again_and_may_be_made_again(setup):
    with setup.workspace.action() as s:
        _changed(setup, s)
        ops.ask_support_again(s, setup.griffie, setup.bouwen)
        ops.revise_section(s, setup.griffie, setup.bouwen, "We bouwen 800 woningen.", reason="Nog eens")
        assert support_asked_of(s, setup.rood) == set()  # about a text that no longer counts
        ops.ask_support_again(s, setup.griffie, setup.bouwen)
        assert support_asked_of(s, setup.rood) == {setup.bouwen}
        assert len(asked_revisions(s)) == 1


def test_only_the_griffie_asks_and_nothing_is_logged_for_a_party(setup):
    with setup.workspace.action() as s:
        before = s.query(AuditEvent).count()
        with pytest.raises(PermissionDenied) as refused:
            ops.ask_support_again(s, setup.groen_actor, setup.bouwen)
        assert refused.value.message == "Alleen de griffie kan de fracties opnieuw om steun vragen."
        assert s.query(AuditEvent).count() == before


def test_an_unknown_section_is_refused_in_dutch(setup):
    import uuid

    with setup.workspace.action() as s:
        with pytest.raises(DomainError) as refused:
            ops.ask_support_again(s, setup.griffie, uuid.uuid4())
        assert "hoofdlijn" in refused.value.message
