"""Amendments from proposal to decision."""

import pytest

from raadsakkoord import operations as ops
from raadsakkoord.base.errors import DomainError, InputError, PermissionDenied
from raadsakkoord.model import Amendment, AmendmentKind, AmendmentStatus, Section, SectionStatus

NEW_BOUWEN = "We bouwen 800 woningen.\n\nDe helft is sociale huur."


def _propose(s, setup, text=NEW_BOUWEN, submit=True, actor=None, **kw):
    return ops.propose_amendment(s, actor or setup.rood_actor, kind=AmendmentKind.MODIFY,
                                 section_id=setup.bouwen, headline="Meer woningen",
                                 explanation="Er is een tekort.", text=text, submit=submit, **kw)


def test_modify_amendment_names_its_base_and_accepting_it_makes_a_revision(setup):
    with setup.workspace.action() as s:
        amendment = _propose(s, setup, co_party_ids=[setup.blauw])
        base = s.get(Section, setup.bouwen).current_revision
        assert amendment.base_revision is base
        assert amendment.status == AmendmentStatus.SUBMITTED
        assert [(c.party.short_name, c.state) for c in amendment.co_submissions] == [("BB", "requested")]
        ops.decide_amendment(s, setup.griffie, amendment.id, AmendmentStatus.ACCEPTED, note="Akkoord")
        section = s.get(Section, setup.bouwen)
        assert section.text == NEW_BOUWEN
        assert section.current_revision.parent is base
        assert section.current_revision.party.short_name == "RP"
        assert amendment.decided_by == "Griet Griffier"


def test_draft_can_be_edited_then_submitted_but_not_after(setup):
    with setup.workspace.action() as s:
        amendment = _propose(s, setup, submit=False)
        ops.update_draft(s, setup.rood_actor, amendment.id, text="We bouwen 900 woningen.", headline="Nog meer")
        assert amendment.proposed_text == "We bouwen 900 woningen."
        ops.submit_amendment(s, setup.rood_actor, amendment.id)
        with pytest.raises(DomainError, match="al ingediend"):
            ops.update_draft(s, setup.rood_actor, amendment.id, headline="Later")
        with pytest.raises(DomainError, match="al ingediend"):
            ops.submit_amendment(s, setup.rood_actor, amendment.id)


def test_only_own_party_may_change_or_withdraw(setup):
    with setup.workspace.action() as s:
        amendment = _propose(s, setup, submit=False)
        with pytest.raises(PermissionDenied, match="andere fractie"):
            ops.update_draft(s, setup.groen_actor, amendment.id, headline="Gekaapt")
        with pytest.raises(PermissionDenied, match="andere fractie"):
            ops.withdraw_amendment(s, setup.groen_actor, amendment.id)
        ops.withdraw_amendment(s, setup.rood_actor, amendment.id, reason="Niet meer nodig")
        assert amendment.status == AmendmentStatus.WITHDRAWN
        with pytest.raises(DomainError, match="al ingetrokken"):
            ops.withdraw_amendment(s, setup.rood_actor, amendment.id)


def test_party_cannot_submit_on_behalf_of_another(setup):
    with pytest.raises(PermissionDenied, match="eigen fractie"), setup.workspace.action() as s:
        _propose(s, setup, party_id=setup.groen)


def test_griffie_must_name_the_party_it_records_an_amendment_for(setup):
    with setup.workspace.action() as s:
        with pytest.raises(DomainError, match="Kies de fractie"):
            _propose(s, setup, actor=setup.griffie)
        assert _propose(s, setup, actor=setup.griffie, party_id=setup.groen).party.short_name == "GL"


def test_unchanged_text_empty_text_and_own_co_submission_are_refused(setup):
    with setup.workspace.action() as s:
        with pytest.raises(DomainError, match="gelijk aan de huidige tekst"):
            _propose(s, setup, text="We bouwen 500 woningen.\n\nDe helft is sociale huur.\n")
        with pytest.raises(InputError, match="mag niet leeg"):
            _propose(s, setup, text="   ")
        with pytest.raises(InputError, match="mede-indiener"):
            _propose(s, setup, co_party_ids=[setup.rood])


def test_accepting_over_a_colliding_newer_text_is_refused_with_the_passage(setup):
    with setup.workspace.action() as s:
        amendment = _propose(s, setup)
        ops.revise_section(s, setup.griffie, setup.bouwen, "We bouwen 600 woningen.\n\nDe helft is sociale huur.",
                           reason="Ander amendement verwerkt")
        with pytest.raises(DomainError, match="versie 1 .* botst met de huidige versie 2 bij: «500»"):
            ops.decide_amendment(s, setup.griffie, amendment.id, AmendmentStatus.ACCEPTED)
        assert s.get(Section, setup.bouwen).text.startswith("We bouwen 600")


def test_accepting_over_a_newer_text_elsewhere_carries_the_change_over(setup):
    with setup.workspace.action() as s:
        amendment = _propose(s, setup)
        ops.revise_section(s, setup.griffie, setup.bouwen, "We bouwen 500 woningen.\n\nDe helft is sociale huur of middenhuur.",
                           reason="Ander amendement verwerkt")
        ops.decide_amendment(s, setup.griffie, amendment.id, AmendmentStatus.ACCEPTED)
        assert s.get(Section, setup.bouwen).text == "We bouwen 800 woningen.\n\nDe helft is sociale huur of middenhuur."


def test_partly_accepted_records_the_compromise(setup):
    with setup.workspace.action() as s:
        amendment = _propose(s, setup)
        with pytest.raises(InputError, match="compromistekst"):
            ops.decide_amendment(s, setup.griffie, amendment.id, AmendmentStatus.PARTLY_ACCEPTED, note="Half")
        with pytest.raises(InputError, match="notitie"):
            ops.decide_amendment(s, setup.griffie, amendment.id, AmendmentStatus.PARTLY_ACCEPTED,
                                 compromise_text="We bouwen 650 woningen.")
        ops.decide_amendment(s, setup.griffie, amendment.id, AmendmentStatus.PARTLY_ACCEPTED,
                             note="650 als middenweg", compromise_text="We bouwen 650 woningen.\n\nDe helft is sociale huur.")
        assert s.get(Section, setup.bouwen).text.startswith("We bouwen 650")
        assert amendment.decision_note == "650 als middenweg"


def test_rejection_needs_a_reason_and_decisions_need_the_griffie(setup):
    with setup.workspace.action() as s:
        amendment = _propose(s, setup)
        with pytest.raises(PermissionDenied):
            ops.decide_amendment(s, setup.rood_actor, amendment.id, AmendmentStatus.ACCEPTED)
        with pytest.raises(InputError, match="reden"):
            ops.decide_amendment(s, setup.griffie, amendment.id, AmendmentStatus.REJECTED)
        with pytest.raises(InputError, match="Kies aanvaarden"):
            ops.decide_amendment(s, setup.griffie, amendment.id, AmendmentStatus.DRAFT)
        ops.decide_amendment(s, setup.griffie, amendment.id, AmendmentStatus.REJECTED, note="Onbetaalbaar")
        with pytest.raises(DomainError, match="verworpen"):
            ops.decide_amendment(s, setup.griffie, amendment.id, AmendmentStatus.ACCEPTED)
        assert s.get(Section, setup.bouwen).current_revision.number == 1


def test_draft_cannot_be_decided(setup):
    with pytest.raises(DomainError, match="Alleen een ingediend"), setup.workspace.action() as s:
        amendment = _propose(s, setup, submit=False)
        ops.decide_amendment(s, setup.griffie, amendment.id, AmendmentStatus.ACCEPTED)


def test_new_section_amendment_creates_the_section_when_accepted(setup):
    with setup.workspace.action() as s:
        amendment = ops.propose_amendment(
            s, setup.blauw_actor, kind=AmendmentKind.NEW_SECTION, chapter_id=setup.wonen,
            title="Tiny houses", text="Er komt ruimte voor tiny houses.", headline="Tiny houses", submit=True)
        assert amendment.section is None
        ops.decide_amendment(s, setup.griffie, amendment.id, AmendmentStatus.ACCEPTED)
        assert amendment.section.number == "1.3"
        assert amendment.section.proposing_party.short_name == "BB"
        assert amendment.section.text == "Er komt ruimte voor tiny houses."


def test_new_section_needs_chapter_and_title(setup):
    with setup.workspace.action() as s:
        with pytest.raises(InputError, match="hoofdstuk"):
            ops.propose_amendment(s, setup.blauw_actor, kind=AmendmentKind.NEW_SECTION, title="X", text="Y", headline="H")
        with pytest.raises(InputError, match="titel"):
            ops.propose_amendment(s, setup.blauw_actor, kind=AmendmentKind.NEW_SECTION, chapter_id=setup.wonen,
                                  text="Y", headline="H")


def test_delete_amendment_rejects_the_section_and_blocks_further_amending(setup):
    with setup.workspace.action() as s:
        amendment = ops.propose_amendment(s, setup.groen_actor, kind=AmendmentKind.DELETE,
                                          section_id=setup.huur, headline="Schrappen", submit=True)
        with pytest.raises(DomainError, match="geheel"):
            ops.decide_amendment(s, setup.griffie, amendment.id, AmendmentStatus.PARTLY_ACCEPTED,
                                 note="x", compromise_text="y")
        ops.decide_amendment(s, setup.griffie, amendment.id, AmendmentStatus.ACCEPTED)
        assert s.get(Section, setup.huur).status == SectionStatus.REJECTED
        with pytest.raises(DomainError, match="vervallen"):
            ops.propose_amendment(s, setup.rood_actor, kind=AmendmentKind.MODIFY, section_id=setup.huur,
                                  headline="Te laat", text="Iets anders.")


def test_superseded_keeps_the_text(setup):
    with setup.workspace.action() as s:
        amendment = _propose(s, setup)
        ops.decide_amendment(s, setup.griffie, amendment.id, AmendmentStatus.SUPERSEDED, note="Ingehaald")
        assert s.get(Amendment, amendment.id).status == AmendmentStatus.SUPERSEDED
        assert s.get(Section, setup.bouwen).current_revision.number == 1
