"""Taking back a decision on an amendment until a round is published."""

import json

import pytest
import sqlalchemy as sa

from raadsakkoord import operations as ops
from raadsakkoord.base.errors import DomainError, PermissionDenied
from raadsakkoord.model import (
    Amendment,
    AmendmentKind,
    AmendmentStatus,
    AuditEvent,
    Position,
    Revision,
    Section,
    SectionStatus,
)
from raadsakkoord.queries.support import section_support

BASE = "We bouwen 500 woningen in Noord.\n\nDe helft is sociale huur."


@pytest.fixture
def section(setup):
    with setup.workspace.action() as s:
        ops.revise_section(s, setup.griffie, setup.bouwen, BASE, reason="Uitgangspunt")
    return setup.bouwen


def _amend(s, actor, section_id, text, headline=None):
    return ops.propose_amendment(s, actor, kind=AmendmentKind.MODIFY, section_id=section_id,
                                 headline=headline or " ".join(text.split())[:40], text=text, submit=True)


def _revisions(s, section_id):
    return s.scalars(sa.select(Revision).where(Revision.section_id == section_id).order_by(Revision.number)).all()


def _events(s, action):
    return [json.loads(e.payload) for e in s.scalars(
        sa.select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.seq))]


def test_undoing_an_acceptance_restores_the_text_as_a_new_revision(setup, section):
    with setup.workspace.action() as s:
        a = _amend(s, setup.rood_actor, section, BASE.replace("500", "800"))
        ops.endorse_section(s, setup.groen_actor, section, Position.SUPPORT)
        ops.decide_amendment(s, setup.griffie, a.id, AmendmentStatus.ACCEPTED, note="Brede steun")
        assert s.get(Section, section).text == BASE.replace("500", "800")
        assert section_support(s, [section])[section].stale  # the party's support was on the old text
    with setup.workspace.action() as s:
        ops.undo_decision(s, setup.griffie, a.id)
    with setup.workspace.action() as s:
        amendment = s.get(Amendment, a.id)
        assert amendment.status == AmendmentStatus.SUBMITTED
        assert (amendment.decision_note, amendment.decided_by, amendment.decided_at) == ("", "", None)
        revisions = _revisions(s, section)
        assert [r.text for r in revisions[-3:]] == [BASE, BASE.replace("500", "800"), BASE]
        assert revisions[-1].reason.startswith("Besluit teruggedraaid")
        assert s.get(Section, section).current_revision_id == revisions[-1].id
        # Word for word the text the party supported: its support counts again.
        tally = section_support(s, [section])[section]
        assert not tally.stale and tally.support_seats == 7
        [event] = _events(s, "undo_decision")
        assert event["amendment"] == str(a.id) and event["decision"] == "accepted"
        assert event["revision"] == str(revisions[-1].id) and event["positions_restored"] == 1
        # The amendment sits on the restored text, ready to be decided again.
        assert amendment.base_revision_id == revisions[-1].id


def test_a_decision_can_be_made_again_after_undo_and_undone_again(setup, section):
    with setup.workspace.action() as s:
        a = _amend(s, setup.rood_actor, section, BASE.replace("500", "800"))
        ops.decide_amendment(s, setup.griffie, a.id, AmendmentStatus.ACCEPTED)
        ops.undo_decision(s, setup.griffie, a.id)
        ops.decide_amendment(s, setup.griffie, a.id, AmendmentStatus.ACCEPTED)
        assert s.get(Section, section).text == BASE.replace("500", "800")
        ops.undo_decision(s, setup.griffie, a.id)
        assert s.get(Section, section).text == BASE
        assert len(_revisions(s, section)) == 6  # first, base, accepted, undone, accepted, undone


def test_undoing_a_rejection_changes_no_text(setup, section):
    with setup.workspace.action() as s:
        a = _amend(s, setup.rood_actor, section, BASE.replace("500", "800"))
        ops.decide_amendment(s, setup.griffie, a.id, AmendmentStatus.REJECTED, note="Te duur")
        count = len(_revisions(s, section))
        ops.undo_decision(s, setup.griffie, a.id)
        assert s.get(Amendment, a.id).status == AmendmentStatus.SUBMITTED
        assert s.get(Amendment, a.id).decision_note == ""
        assert len(_revisions(s, section)) == count
        assert _events(s, "undo_decision")[0]["revision"] is None


def test_undoing_a_compromise_restores_the_text(setup, section):
    with setup.workspace.action() as s:
        a = _amend(s, setup.rood_actor, section, BASE.replace("500", "800"))
        ops.decide_amendment(s, setup.griffie, a.id, AmendmentStatus.PARTLY_ACCEPTED, note="Half",
                             compromise_text=BASE.replace("500", "650"))
        ops.undo_decision(s, setup.griffie, a.id)
        assert s.get(Section, section).text == BASE
        assert s.get(Amendment, a.id).proposed_text == BASE.replace("500", "800")  # the party's words


def test_other_open_amendments_are_rebased_onto_the_restored_text(setup, section):
    with setup.workspace.action() as s:
        a = _amend(s, setup.rood_actor, section, BASE.replace("500", "800"))
        ops.decide_amendment(s, setup.griffie, a.id, AmendmentStatus.ACCEPTED)
        accepted = BASE.replace("500", "800")
        # Written on the text with the accepted change in it.
        b = _amend(s, setup.blauw_actor, section, accepted.replace("sociale huur", "koop"))
        ops.undo_decision(s, setup.griffie, a.id)
        current = s.get(Section, section).current_revision
        assert b.base_revision is current and not b.needs_rework
        assert b.proposed_text == BASE.replace("sociale huur", "koop")
        assert any(e["amendment"] == str(b.id) for e in _events(s, "rebase_amendment"))


def test_undo_after_a_later_change_takes_out_only_this_decision(setup, section):
    with setup.workspace.action() as s:
        a = _amend(s, setup.rood_actor, section, BASE.replace("500", "800"))
        c = _amend(s, setup.blauw_actor, section, BASE.replace("sociale huur", "koop"))
        ops.decide_amendment(s, setup.griffie, a.id, AmendmentStatus.ACCEPTED)
        ops.decide_amendment(s, setup.griffie, c.id, AmendmentStatus.ACCEPTED)
        ops.undo_decision(s, setup.griffie, a.id)
        assert s.get(Section, section).text == BASE.replace("sociale huur", "koop")


def test_undo_is_refused_when_a_later_change_touched_the_same_words(setup, section):
    with setup.workspace.action() as s:
        a = _amend(s, setup.rood_actor, section, BASE.replace("500", "800"))
        ops.decide_amendment(s, setup.griffie, a.id, AmendmentStatus.ACCEPTED)
        ops.revise_section(s, setup.griffie, section, BASE.replace("500", "900"), reason="Redactie")
        with pytest.raises(DomainError, match="opnieuw gewijzigd op dezelfde plaats"):
            ops.undo_decision(s, setup.griffie, a.id)


def test_undo_is_refused_once_a_round_is_published(setup, section):
    with setup.workspace.action() as s:
        a = _amend(s, setup.rood_actor, section, BASE.replace("500", "800"))
        r = _amend(s, setup.blauw_actor, section, BASE.replace("Noord", "Zuid"))
        ops.decide_amendment(s, setup.griffie, a.id, AmendmentStatus.ACCEPTED)
        ops.decide_amendment(s, setup.griffie, r.id, AmendmentStatus.REJECTED, note="Nee")
    with setup.workspace.action() as s:
        ops.publish_round(s, setup.griffie)
    for ident in (a.id, r.id):
        with pytest.raises(DomainError) as caught, setup.workspace.action() as s:
            ops.undo_decision(s, setup.griffie, ident)
        assert "is gepubliceerd in Concept 1 en kan niet meer worden teruggedraaid" in caught.value.message
    with setup.workspace.action() as s:
        assert s.get(Amendment, a.id).status == AmendmentStatus.ACCEPTED
        assert s.get(Section, section).text == BASE.replace("500", "800")
        assert _events(s, "undo_decision") == []


def test_a_decision_made_after_publishing_can_be_undone(setup, section):
    with setup.workspace.action() as s:
        ops.publish_round(s, setup.griffie)
        a = _amend(s, setup.rood_actor, section, BASE.replace("500", "800"))
        ops.decide_amendment(s, setup.griffie, a.id, AmendmentStatus.ACCEPTED)
        ops.undo_decision(s, setup.griffie, a.id)
        assert s.get(Section, section).text == BASE


def test_only_the_griffie_undoes_and_only_a_decision(setup, section):
    with setup.workspace.action() as s:
        a = _amend(s, setup.rood_actor, section, BASE.replace("500", "800"))
        with pytest.raises(DomainError, match="geen besluit genomen"):
            ops.undo_decision(s, setup.griffie, a.id)
        ops.decide_amendment(s, setup.griffie, a.id, AmendmentStatus.REJECTED, note="Nee")
        with pytest.raises(PermissionDenied, match="Alleen de griffie"):
            ops.undo_decision(s, setup.rood_actor, a.id)
        w = _amend(s, setup.blauw_actor, section, BASE.replace("Noord", "Zuid"))
        ops.withdraw_amendment(s, setup.blauw_actor, w.id)
        with pytest.raises(DomainError, match="ingetrokken"):
            ops.undo_decision(s, setup.griffie, w.id)


def test_undoing_an_accepted_deletion_brings_the_section_back(setup, section):
    with setup.workspace.action() as s:
        d = ops.propose_amendment(s, setup.blauw_actor, kind=AmendmentKind.DELETE, section_id=section,
                                  headline="Weg ermee", submit=True)
        ops.decide_amendment(s, setup.griffie, d.id, AmendmentStatus.ACCEPTED)
        assert s.get(Section, section).status == SectionStatus.REJECTED
        ops.undo_decision(s, setup.griffie, d.id)
        assert s.get(Section, section).status == SectionStatus.PROPOSED
        assert s.get(Section, section).text == BASE


def test_an_accepted_new_section_is_not_undone(setup):
    with setup.workspace.action() as s:
        n = ops.propose_amendment(s, setup.blauw_actor, kind=AmendmentKind.NEW_SECTION, chapter_id=setup.wonen,
                                  title="Huurteam", text="Er komt een huurteam.", headline="Huurteam", submit=True)
        ops.decide_amendment(s, setup.griffie, n.id, AmendmentStatus.ACCEPTED)
        with pytest.raises(DomainError, match="nieuwe hoofdlijn kan niet worden teruggedraaid"):
            ops.undo_decision(s, setup.griffie, n.id)



def test_the_record_of_a_decision_makes_it_again(setup, section):
    with setup.workspace.action() as s:
        a = _amend(s, setup.rood_actor, section, BASE.replace("500", "800"))
        ops.decide_amendment(s, setup.griffie, a.id, AmendmentStatus.PARTLY_ACCEPTED, note="Half",
                             compromise_text=BASE.replace("500", "650"))
        record = ops.decision_record(s, a.id)
        assert record == ops.DecisionRecord(AmendmentStatus.PARTLY_ACCEPTED, "Half", BASE.replace("500", "650"))
        ops.undo_decision(s, setup.griffie, a.id)
        ops.decide_amendment(s, setup.griffie, a.id, record.decision, note=record.note,
                             compromise_text=record.compromise_text)
        assert s.get(Section, section).text == BASE.replace("500", "650")


def test_accepting_an_amendment_already_in_the_text_records_only_the_decision(setup, section):
    with setup.workspace.action() as s:
        a = _amend(s, setup.rood_actor, section, BASE.replace("500", "800"))
        b = _amend(s, setup.blauw_actor, section, BASE.replace("Noord", "Zuid"))
        ops.decide_amendment(s, setup.griffie, a.id, AmendmentStatus.PARTLY_ACCEPTED, note="Beide, 700",
                             compromise_text=BASE.replace("500", "700").replace("Noord", "Zuid"))
        count = len(_revisions(s, section))
        ops.decide_amendment(s, setup.griffie, b.id, AmendmentStatus.ACCEPTED)
        assert len(_revisions(s, section)) == count
        ops.undo_decision(s, setup.griffie, b.id)
        assert len(_revisions(s, section)) == count
        assert s.get(Section, section).text == BASE.replace("500", "700").replace("Noord", "Zuid")
        assert s.get(Amendment, b.id).status == AmendmentStatus.SUBMITTED
