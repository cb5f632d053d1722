"""Co-submission: the submitting party asks, only the asked party itself confirms or declines."""

import pytest
import sqlalchemy as sa

from raadsakkoord import operations as ops
from raadsakkoord.base.errors import DomainError, InputError, PermissionDenied
from raadsakkoord.model import (
    Amendment,
    AmendmentKind,
    AmendmentStatus,
    AuditEvent,
    CoSubmissionState,
)
from raadsakkoord.queries.auditlog import audit_page

NEW_BOUWEN = "We bouwen 800 woningen.\n\nDe helft is sociale huur."
REQUESTED, CONFIRMED, DECLINED = CoSubmissionState


def _propose(s, setup, co=(), submit=True, text=NEW_BOUWEN):
    return ops.propose_amendment(s, setup.rood_actor, kind=AmendmentKind.MODIFY, section_id=setup.bouwen,
                                 headline="Meer woningen", explanation="Er is een tekort.", text=text,
                                 co_party_ids=co, submit=submit)


def _states(s, amendment_id) -> dict:
    amendment = s.get(Amendment, amendment_id)
    return {c.party.short_name: c.state for c in amendment.co_submissions}


def test_naming_a_co_submitter_is_only_a_request(setup):
    with setup.workspace.action() as s:
        amendment = _propose(s, setup, co=[setup.blauw, setup.groen])
        assert _states(s, amendment.id) == {"BB": REQUESTED, "GL": REQUESTED}
        assert amendment.confirmed_co_parties == []
        request = amendment.co_submissions[0]
        assert (request.requested_by, request.answered_by, request.answered_at) == ("Ruud Rood", "", None)


def test_only_the_asked_party_itself_can_confirm(setup):
    with setup.workspace.action() as s:
        amendment = _propose(s, setup, co=[setup.blauw])
    for actor, error, message in (
        (setup.griffie, PermissionDenied, "de griffie kan dat niet namens haar"),
        (setup.rood_actor, DomainError, "niet gevraagd"),  # the submitter cannot confirm for BB
        (setup.groen_actor, DomainError, "niet gevraagd"),  # nor can a party that was not asked
    ):
        with setup.workspace.action() as s, pytest.raises(error, match=message):
            ops.confirm_co_submission(s, actor, amendment.id)
    with setup.workspace.action() as s:
        assert _states(s, amendment.id) == {"BB": REQUESTED}
        request = ops.confirm_co_submission(s, setup.blauw_actor, amendment.id)
        assert (request.state, request.answered_by) == (CONFIRMED, "Bram Blauw")
        assert [p.short_name for p in s.get(Amendment, amendment.id).confirmed_co_parties] == ["BB"]


def test_the_asked_party_can_decline_and_the_submitter_withdraw(setup):
    with setup.workspace.action() as s:
        amendment = _propose(s, setup, co=[setup.blauw, setup.groen])
        ops.decline_co_submission(s, setup.blauw_actor, amendment.id)
        ops.confirm_co_submission(s, setup.groen_actor, amendment.id)
        assert _states(s, amendment.id) == {"BB": DECLINED, "GL": CONFIRMED}
        with pytest.raises(PermissionDenied, match="indienende fractie"):
            ops.withdraw_co_submission_request(s, setup.groen_actor, amendment.id, setup.groen)
        ops.withdraw_co_submission_request(s, setup.rood_actor, amendment.id, setup.groen)
        assert _states(s, amendment.id) == {"BB": DECLINED}
        with pytest.raises(InputError, match="niet ook mede-indiener"):
            ops.request_co_submission(s, setup.rood_actor, amendment.id, setup.rood)
        ops.request_co_submission(s, setup.rood_actor, amendment.id, setup.groen)
        assert _states(s, amendment.id) == {"BB": DECLINED, "GL": REQUESTED}


def test_every_step_is_in_the_audit_log(setup):
    with setup.workspace.action() as s:
        amendment = _propose(s, setup, co=[setup.blauw, setup.groen], submit=False)
        ops.confirm_co_submission(s, setup.blauw_actor, amendment.id)
        ops.decline_co_submission(s, setup.groen_actor, amendment.id)
        ops.update_draft(s, setup.rood_actor, amendment.id, text="We bouwen 900 woningen.\n\nDe helft is sociale huur.")
        ops.withdraw_co_submission_request(s, setup.rood_actor, amendment.id, setup.groen)
        actions = s.scalars(sa.select(AuditEvent.action).order_by(AuditEvent.seq)).all()
        rows = audit_page(s)
    tail = actions[actions.index("propose_amendment"):]
    assert tail == ["propose_amendment", "request_co_submission", "request_co_submission",
                    "confirm_co_submission", "decline_co_submission", "update_draft",
                    "lapse_co_submission", "lapse_co_submission", "withdraw_co_submission_request"]
    described = {(r.action, r.actor, r.details) for r in rows}
    assert ("confirm_co_submission", "Bram Blauw", "‘Meer woningen’ (RP): BB (Bram Blauw)") in described
    assert ("decline_co_submission", "Gerda Groen", "‘Meer woningen’ (RP): GL (Gerda Groen)") in described


def test_a_changed_wording_lapses_the_answers_back_to_requests(setup):
    with setup.workspace.action() as s:
        amendment = _propose(s, setup, co=[setup.blauw, setup.groen], submit=False)
        ops.confirm_co_submission(s, setup.blauw_actor, amendment.id)
        ops.decline_co_submission(s, setup.groen_actor, amendment.id)
        # White space is no new wording: the answers stand.
        ops.update_draft(s, setup.rood_actor, amendment.id, explanation="Er  is een\ntekort.")
        assert _states(s, amendment.id) == {"BB": CONFIRMED, "GL": DECLINED}
        ops.update_draft(s, setup.rood_actor, amendment.id, text="We bouwen 900 woningen.\n\nDe helft is sociale huur.")
        assert _states(s, amendment.id) == {"BB": REQUESTED, "GL": REQUESTED}
        ops.confirm_co_submission(s, setup.blauw_actor, amendment.id)
        ops.update_draft(s, setup.rood_actor, amendment.id, headline="Veel meer woningen")
        assert _states(s, amendment.id) == {"BB": REQUESTED, "GL": REQUESTED}


def test_a_clean_rebase_keeps_the_confirmation_and_a_rework_lapses_it(setup):
    with setup.workspace.action() as s:
        amendment = _propose(s, setup, co=[setup.blauw])
        ops.confirm_co_submission(s, setup.blauw_actor, amendment.id)
        # Another passage of the section changes: the amendment's own change is carried over unchanged.
        ops.revise_section(s, setup.griffie, setup.bouwen, "We bouwen 500 woningen.\n\nDe helft is sociale huur, "
                           "een kwart middenhuur.", reason="Redactie")
        report = ops.rebase_open_amendments(s, setup.griffie)
        assert report.rebased == [amendment.id]
        assert _states(s, amendment.id) == {"BB": CONFIRMED}
        # The same words it says: "800" is still its change. A rework with new words is a new text.
        ops.rework_amendment(s, setup.rood_actor, amendment.id,
                             "We bouwen 1000 woningen.\n\nDe helft is sociale huur, een kwart middenhuur.")
        assert _states(s, amendment.id) == {"BB": REQUESTED}


def test_after_the_decision_the_co_submitters_are_fixed(setup):
    with setup.workspace.action() as s:
        amendment = _propose(s, setup, co=[setup.blauw])
        ops.decide_amendment(s, setup.griffie, amendment.id, AmendmentStatus.ACCEPTED, note="Akkoord")
        with pytest.raises(DomainError, match="al beslist"):
            ops.confirm_co_submission(s, setup.blauw_actor, amendment.id)
