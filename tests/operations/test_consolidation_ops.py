"""The diff engine through the operations: tracked changes, conflicts, previews, rebasing."""

import pytest

from raadsakkoord import diffing
from raadsakkoord import operations as ops
from raadsakkoord.queries import conflicts
from raadsakkoord.base.errors import DomainError, PermissionDenied
from raadsakkoord.model import Amendment, AmendmentKind, AmendmentStatus, AuditEvent, Section

BASE = "We bouwen 500 woningen in Noord.\n\nDe helft is sociale huur."


@pytest.fixture
def section(setup):
    with setup.workspace.action() as s:
        ops.revise_section(s, setup.griffie, setup.bouwen, BASE, reason="Uitgangspunt")
    return setup.bouwen


def _amend(s, actor, section_id, text, submit=True):
    return ops.propose_amendment(s, actor, kind=AmendmentKind.MODIFY, section_id=section_id,
                                 headline=" ".join(text.split())[:40], text=text, submit=submit)


def test_amendment_diff_is_a_word_level_tracked_change(setup, section):
    with setup.workspace.action() as s:
        a = _amend(s, setup.rood_actor, section, BASE.replace("500", "800"))
        html = diffing.to_html(conflicts.amendment_diff(s, a.id))
        assert html.count("<del") == 1 and html.count("<ins") == 1
        assert "500" in html and "800" in html
        d = ops.propose_amendment(s, setup.blauw_actor, kind=AmendmentKind.DELETE, section_id=section, headline="Weg")
        assert diffing.new_text(conflicts.amendment_diff(s, d.id)) == ""


def test_conflict_matrix_of_a_section(setup, section):
    with setup.workspace.action() as s:
        a = _amend(s, setup.rood_actor, section, BASE.replace("500", "800"))
        b = _amend(s, setup.groen_actor, section, BASE.replace("500", "300"))
        c = _amend(s, setup.blauw_actor, section, BASE.replace("sociale huur", "sociale huur of middenhuur"))
        _amend(s, setup.blauw_actor, section, BASE.replace("Noord", "Zuid"), submit=False)  # a draft: not shown
        report = conflicts.section_conflicts(s, section)
        assert report.amendment_ids == (a.id, b.id, c.id)
        assert report.conflicting_pairs() == [(a.id, b.id)]
        assert conflicts.preview_section(s, section, [a.id, c.id]) == \
            "We bouwen 800 woningen in Noord.\n\nDe helft is sociale huur of middenhuur."
        with pytest.raises(diffing.AmendmentConflict):
            conflicts.preview_section(s, section, [a.id, b.id])


def test_delete_amendment_collides_with_every_change(setup, section):
    with setup.workspace.action() as s:
        a = _amend(s, setup.rood_actor, section, BASE.replace("500", "800"))
        d = ops.propose_amendment(s, setup.blauw_actor, kind=AmendmentKind.DELETE, section_id=section,
                                  headline="Weg", submit=True)
        assert conflicts.section_conflicts(s, section).conflicting_pairs() == [(a.id, d.id)]


def test_publishing_a_round_rebases_open_amendments(setup, section):
    with setup.workspace.action() as s:
        ops.publish_round(s, setup.griffie)
        clean = _amend(s, setup.rood_actor, section, BASE.replace("500", "800"))
        clash = _amend(s, setup.groen_actor, section, BASE.replace("sociale huur", "koop"))
        same = _amend(s, setup.blauw_actor, section, BASE.replace("in Noord", "in Noord en Zuid"), submit=False)
        ops.revise_section(s, setup.griffie, section,
                           "We bouwen 500 woningen in Noord en Zuid.\n\nDe helft is sociale huur voor starters.",
                           reason="Redactie")
        published = ops.publish_round(s, setup.griffie)
        report = published.rebase_report
        assert report.rebased == [clean.id]
        assert report.needs_rework == [clash.id]
        assert report.already_in_text == [same.id]
        current = s.get(Section, section).current_revision
        assert clean.base_revision is current and not clean.needs_rework
        assert clean.proposed_text == "We bouwen 800 woningen in Noord en Zuid.\n\nDe helft is sociale huur voor starters."
        # The colliding amendment keeps the party's words and its old base.
        assert clash.needs_rework and clash.proposed_text == BASE.replace("sociale huur", "koop")
        assert clash.base_revision is not current
        assert conflicts.section_conflicts(s, section).needs_rework == (clash.id,)
        actions = [e.action for e in s.query(AuditEvent).filter(AuditEvent.action == "rebase_amendment")]
        assert len(actions) == 3


def test_rework_brings_an_amendment_onto_the_current_text(setup, section):
    with setup.workspace.action() as s:
        clash = _amend(s, setup.groen_actor, section, BASE.replace("sociale huur", "koop"))
        ops.revise_section(s, setup.griffie, section, BASE.replace("sociale huur", "middenhuur"), reason="x")
        ops.publish_round(s, setup.griffie)
        assert clash.needs_rework
        with pytest.raises(PermissionDenied):
            ops.rework_amendment(s, setup.rood_actor, clash.id, "Iets")
        with pytest.raises(PermissionDenied):
            ops.rework_amendment(s, setup.griffie, clash.id, "Iets")
        with pytest.raises(DomainError, match="gelijk aan de huidige tekst"):
            ops.rework_amendment(s, setup.groen_actor, clash.id, BASE.replace("sociale huur", "middenhuur"))
        ops.rework_amendment(s, setup.groen_actor, clash.id, BASE.replace("sociale huur", "koop en middenhuur"))
        assert not clash.needs_rework
        assert clash.base_revision is s.get(Section, section).current_revision
        ops.decide_amendment(s, setup.griffie, clash.id, AmendmentStatus.ACCEPTED)
        assert s.get(Section, section).text.endswith("koop en middenhuur.")


def test_decided_amendments_are_not_rebased(setup, section):
    with setup.workspace.action() as s:
        a = _amend(s, setup.rood_actor, section, BASE.replace("500", "800"))
        ops.decide_amendment(s, setup.griffie, a.id, AmendmentStatus.REJECTED, note="Nee")
        ops.revise_section(s, setup.griffie, section, BASE.replace("Noord", "Zuid"), reason="x")
        report = ops.publish_round(s, setup.griffie).rebase_report
        assert report.total == 0
        assert s.get(Amendment, a.id).proposed_text == BASE.replace("500", "800")
