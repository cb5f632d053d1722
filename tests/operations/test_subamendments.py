"""Subamendments: another party's change to an amendment's text, decided before the amendment."""

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from raadsakkoord import operations as ops
from raadsakkoord.base.errors import DomainError
from raadsakkoord.model import AmendmentKind, AmendmentStatus, AuditEvent, Section
from raadsakkoord.queries.conflicts import (
    amendment_diff,
    section_conflicts,
    subamendment_conflicts,
)
from tests.operations.test_amendment_ops import NEW_BOUWEN, _propose

SUB_TEXT = "We bouwen 800 woningen.\n\nDe helft is sociale huur, een kwart middenhuur."


def _sub(s, setup, parent, text=SUB_TEXT, actor=None, submit=True, **kw):
    return ops.propose_subamendment(s, actor or setup.groen_actor, parent.id, text=text,
                                    headline="Ook middenhuur", explanation="Voor leraren.", submit=submit, **kw)


def test_a_subamendment_is_another_partys_change_to_a_submitted_amendment(setup):
    with setup.workspace.action() as s:
        parent = _propose(s, setup)
        sub = _sub(s, setup, parent)
        assert (sub.parent, sub.label, sub.section_id, sub.status) == (parent, "A1.1", setup.bouwen,
                                                                       AmendmentStatus.SUBMITTED)
        # Its tracked changes are against the amendment's text, not the section's.
        diff = amendment_diff(s, sub.id)
        assert (diff.old_text(), diff.new_text()) == (NEW_BOUWEN, SUB_TEXT)
        with pytest.raises(DomainError, match="eigen fractie"):
            _sub(s, setup, parent, actor=setup.rood_actor)
        with pytest.raises(DomainError, match="zelf een subamendement"):
            _sub(s, setup, sub, actor=setup.blauw_actor)
        with pytest.raises(DomainError, match="gelijk aan de tekst van amendement A1"):
            _sub(s, setup, parent, text=NEW_BOUWEN)
        draft = _propose(s, setup, text="We bouwen 300 woningen.", submit=False)
        with pytest.raises(DomainError, match="Alleen een ingediend amendement"):
            _sub(s, setup, draft)
        deleting = ops.propose_amendment(s, setup.rood_actor, kind=AmendmentKind.DELETE, section_id=setup.huur,
                                         headline="Weg ermee", submit=True)
        with pytest.raises(DomainError, match="schrapt een hoofdlijn"):
            _sub(s, setup, deleting)


def test_accepting_the_subamendment_changes_the_amendment_which_stays_open(setup):
    with setup.workspace.action() as s:
        parent = _propose(s, setup)
        sub = _sub(s, setup, parent)
        version = parent.version
        with pytest.raises(DomainError, match="Beslis eerst over subamendement A1.1"):
            ops.decide_amendment(s, setup.griffie, parent.id, AmendmentStatus.ACCEPTED)
        late = _sub(s, setup, parent, text="We bouwen 900 woningen.\n\nDe helft is sociale huur.",
                    actor=setup.blauw_actor, submit=False)
        ops.decide_amendment(s, setup.griffie, sub.id, AmendmentStatus.ACCEPTED)
        assert (parent.status, parent.proposed_text) == (AmendmentStatus.SUBMITTED, SUB_TEXT)
        assert parent.version > version
        assert s.get(Section, setup.bouwen).text != SUB_TEXT  # the section waits for the amendment itself
        ops.decide_amendment(s, setup.griffie, parent.id, AmendmentStatus.ACCEPTED)
        assert s.get(Section, setup.bouwen).text == SUB_TEXT
        with pytest.raises(DomainError, match="A1 is aanvaard; een subamendement erop kan niet meer"):
            ops.submit_amendment(s, setup.blauw_actor, late.id)


def test_undoing_the_subamendments_decision_restores_the_amendments_text(setup):
    with setup.workspace.action() as s:
        parent = _propose(s, setup)
        sub = _sub(s, setup, parent)
        ops.decide_amendment(s, setup.griffie, sub.id, AmendmentStatus.ACCEPTED)
        ops.undo_decision(s, setup.griffie, sub.id)
        assert (parent.proposed_text, sub.status) == (NEW_BOUWEN, AmendmentStatus.SUBMITTED)
        ops.decide_amendment(s, setup.griffie, sub.id, AmendmentStatus.REJECTED, note="Te duur")
        assert parent.proposed_text == NEW_BOUWEN
        ops.decide_amendment(s, setup.griffie, parent.id, AmendmentStatus.ACCEPTED)
        with pytest.raises(DomainError, match="Alleen een ingediend amendement kan worden beoordeeld"):
            ops.decide_amendment(s, setup.griffie, sub.id, AmendmentStatus.ACCEPTED)


def test_withdrawing_the_amendment_lets_its_open_subamendments_lapse(setup):
    with setup.workspace.action() as s:
        parent = _propose(s, setup)
        sub = _sub(s, setup, parent)
        draft = _sub(s, setup, parent, text="We bouwen 900 woningen.\n\nDe helft is sociale huur.",
                     actor=setup.blauw_actor, submit=False)
        ops.withdraw_amendment(s, setup.rood_actor, parent.id, reason="Niet meer nodig")
        assert [(a.status, a.decision_note) for a in (sub, draft)] == [
            (AmendmentStatus.SUPERSEDED, "Vervallen: amendement A1 is ingetrokken.")] * 2
        with pytest.raises(DomainError, match="al vervallen"):
            ops.submit_amendment(s, setup.blauw_actor, draft.id)


def test_a_second_subamendment_moves_onto_the_amended_text_or_is_marked_for_rework(setup):
    with setup.workspace.action() as s:
        parent = _propose(s, setup)
        first = _sub(s, setup, parent)
        elsewhere = _sub(s, setup, parent, text="We bouwen snel 800 woningen.\n\nDe helft is sociale huur.",
                         actor=setup.blauw_actor)
        same_place = _sub(s, setup, parent, text="We bouwen 800 woningen.\n\nDe helft is koop.",
                          actor=setup.blauw_actor)
        matrix = subamendment_conflicts(s, parent.id)
        assert set(matrix.conflicting_pairs()) == {(first.id, same_place.id)}
        # A subamendment never collides with the section's other amendments.
        other = _propose(s, setup, text="We bouwen 500 woningen.\n\nDe helft is koop.", actor=setup.blauw_actor)
        assert section_conflicts(s, setup.bouwen).amendment_ids == (parent.id, other.id)
        ops.decide_amendment(s, setup.griffie, first.id, AmendmentStatus.ACCEPTED)
        assert elsewhere.proposed_text == ("We bouwen snel 800 woningen.\n\n"
                                           "De helft is sociale huur, een kwart middenhuur.")
        assert not elsewhere.needs_rework
        assert same_place.needs_rework and same_place.proposed_text.endswith("De helft is koop.")
        ops.rework_amendment(s, setup.blauw_actor, same_place.id,
                             "We bouwen 800 woningen.\n\nDe helft is koop, een kwart middenhuur.")
        assert not same_place.needs_rework


def test_a_new_round_carries_the_subamendment_along_with_its_amendment(setup):
    with setup.workspace.action() as s:
        parent = _propose(s, setup)
        sub = _sub(s, setup, parent)
        ops.revise_section(s, setup.griffie, setup.bouwen, "Wij bouwen 500 woningen.\n\nDe helft is sociale huur.",
                           reason="Taal")
        ops.rebase_open_amendments(s, setup.griffie)
        s.flush()
        section = s.get(Section, setup.bouwen)
        assert parent.base_revision_id == section.current_revision_id == sub.base_revision_id
        assert parent.proposed_text == "Wij bouwen 800 woningen.\n\nDe helft is sociale huur."
        assert sub.proposed_text == "Wij bouwen 800 woningen.\n\nDe helft is sociale huur, een kwart middenhuur."
        events = s.scalars(sa.select(AuditEvent.action).order_by(AuditEvent.seq)).all()
        assert events.count("rebase_amendment") == 2


def test_a_new_section_amendment_may_get_a_new_title_by_subamendment(setup):
    with setup.workspace.action() as s:
        parent = ops.propose_amendment(s, setup.rood_actor, kind=AmendmentKind.NEW_SECTION, chapter_id=setup.wonen,
                                       title="Tiny houses", text="Ruimte voor tiny houses.", headline="Tiny",
                                       submit=True)
        sub = _sub(s, setup, parent, text="Ruimte voor tiny houses.", title="Kleine woningen")
        ops.decide_amendment(s, setup.griffie, sub.id, AmendmentStatus.ACCEPTED)
        ops.decide_amendment(s, setup.griffie, parent.id, AmendmentStatus.ACCEPTED)
        assert parent.section.title == "Kleine woningen"


WORDS = st.sampled_from(["woningen", "huur", "snel", "groen", "veilig", "wijk", "school", "fiets"])
PARAGRAPH = st.lists(WORDS, min_size=3, max_size=8).map(" ".join)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(amended=st.lists(PARAGRAPH, min_size=1, max_size=3), subamended=st.lists(PARAGRAPH, min_size=1, max_size=3))
def test_the_section_ends_with_the_subamendments_text(setup, amended, subamended):
    amended, subamended = "\n\n".join(amended), "\n\n".join(subamended)
    with setup.workspace.action() as s:
        section = s.get(Section, setup.bouwen)
        if amended in (section.text, subamended):
            return
        parent = _propose(s, setup, text=amended)
        sub = _sub(s, setup, parent, text=subamended)
        ops.decide_amendment(s, setup.griffie, sub.id, AmendmentStatus.ACCEPTED)
        ops.decide_amendment(s, setup.griffie, parent.id, AmendmentStatus.ACCEPTED)
        assert section.text == subamended
