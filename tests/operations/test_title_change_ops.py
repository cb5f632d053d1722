"""A change that gives its section a new title: proposed, edited, accepted, undone, and where two collide."""

import pytest

from raadsakkoord import operations as ops
from raadsakkoord.base.errors import DomainError
from raadsakkoord.export.amendments import amendment_book
from raadsakkoord.export.markdown import amendment_book_markdown
from raadsakkoord.model import AmendmentKind, AmendmentStatus, Section
from raadsakkoord.queries import conflicts
from raadsakkoord.queries.consolidation import consolidation_detail

BOUWEN = "We bouwen 500 woningen.\n\nDe helft is sociale huur."


def _retitle(s, actor, section_id, title, text=BOUWEN, submit=True):
    return ops.propose_amendment(s, actor, kind=AmendmentKind.MODIFY, section_id=section_id, headline="Titel",
                                 title=title, text=text, submit=submit)


def test_a_new_title_alone_is_a_change_and_accepting_it_retitles_the_section(setup):
    with setup.workspace.action() as s:
        base = s.get(Section, setup.bouwen).current_revision
        amendment = _retitle(s, setup.rood_actor, setup.bouwen, "Woningbouw")
        assert (amendment.proposed_title, amendment.proposed_text) == ("Woningbouw", BOUWEN)
        ops.decide_amendment(s, setup.griffie, amendment.id, AmendmentStatus.ACCEPTED)
        section = s.get(Section, setup.bouwen)
        assert section.title == "Woningbouw"
        assert section.current_revision is base  # no words changed, so no new revision


def test_title_and_text_are_accepted_together_and_undone_together(setup):
    with setup.workspace.action() as s:
        amendment = _retitle(s, setup.rood_actor, setup.bouwen, "Woningbouw", text=BOUWEN.replace("500", "800"))
        ops.decide_amendment(s, setup.griffie, amendment.id, AmendmentStatus.ACCEPTED)
        section = s.get(Section, setup.bouwen)
        assert (section.title, section.text) == ("Woningbouw", BOUWEN.replace("500", "800"))
        ops.undo_decision(s, setup.griffie, amendment.id)
        assert (section.title, section.text) == ("Bouwen", BOUWEN)
        assert amendment.status == AmendmentStatus.SUBMITTED


def test_undo_keeps_a_title_the_griffie_gave_after_the_decision(setup):
    with setup.workspace.action() as s:
        amendment = _retitle(s, setup.rood_actor, setup.bouwen, "Woningbouw")
        ops.decide_amendment(s, setup.griffie, amendment.id, AmendmentStatus.ACCEPTED)
        ops.rename_section(s, setup.griffie, setup.bouwen, "Nieuwe woningen")
        ops.undo_decision(s, setup.griffie, amendment.id)
        assert s.get(Section, setup.bouwen).title == "Nieuwe woningen"


def test_the_same_title_and_the_same_text_are_no_change(setup):
    with setup.workspace.action() as s, pytest.raises(DomainError, match="gelijk aan de huidige tekst"):
        _retitle(s, setup.rood_actor, setup.bouwen, "Bouwen")


def test_a_draft_can_gain_and_lose_its_new_title(setup):
    with setup.workspace.action() as s:
        amendment = _retitle(s, setup.rood_actor, setup.bouwen, "", text=BOUWEN.replace("500", "800"), submit=False)
        assert amendment.proposed_title == ""
        ops.update_draft(s, setup.rood_actor, amendment.id, title="Woningbouw", text=BOUWEN)
        assert (amendment.proposed_title, amendment.proposed_text) == ("Woningbouw", BOUWEN)
        with pytest.raises(DomainError, match="gelijk aan de huidige tekst"):
            ops.update_draft(s, setup.rood_actor, amendment.id, title="")


def test_two_different_new_titles_collide_and_the_same_one_does_not(setup):
    with setup.workspace.action() as s:
        first = _retitle(s, setup.rood_actor, setup.bouwen, "Woningbouw").id
        second = _retitle(s, setup.groen_actor, setup.bouwen, "Bouwen voor iedereen").id
        same = _retitle(s, setup.blauw_actor, setup.bouwen, "Woningbouw", text=BOUWEN.replace("500", "600")).id
        report = conflicts.section_conflicts(s, setup.bouwen)
        pairs = {frozenset(p) for p in report.conflicting_pairs()}
        assert pairs == {frozenset((first, second)), frozenset((second, same))}
        with pytest.raises(DomainError, match="elk een andere titel"):
            conflicts.preview_section(s, setup.bouwen, [first, second])
        assert conflicts.preview_section(s, setup.bouwen, [first, same]) == BOUWEN.replace("500", "600")
        detail = consolidation_detail(s, setup.bouwen)
        entry = detail.amendments[detail.index_of(first)]
        assert entry.new_title == "Woningbouw" and not entry.already_in_text


def test_the_amendment_book_shows_the_old_and_the_new_title(setup):
    with setup.workspace.action() as s:
        ops.publish_round(s, setup.griffie)
        amendment = _retitle(s, setup.rood_actor, setup.bouwen, "Woningbouw")
        ops.decide_amendment(s, setup.griffie, amendment.id, AmendmentStatus.ACCEPTED)
        book = amendment_book(s)
    [entry] = [a for section in book.sections for a in section.amendments]
    assert entry.title_note == "nieuwe titel: Bouwen → Woningbouw"
    assert "- Soort: wijziging (nieuwe titel: Bouwen → Woningbouw)" in amendment_book_markdown(book)
