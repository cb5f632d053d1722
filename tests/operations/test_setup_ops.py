"""Agreement, parties, chapters and sections: happy paths and refusals."""

import pytest

from raadsakkoord import operations as ops
from raadsakkoord.base.errors import DomainError, InputError, NotFound, PermissionDenied
from raadsakkoord.model import Agreement, AuditEvent, Party, Section, SectionStatus


def test_setup_creates_agreement_parties_and_numbered_sections(setup):
    with setup.workspace.action() as s:
        agreement = s.query(Agreement).one()
        assert agreement.contact_phone == "0592-123456"
        assert sum(p.seats for p in agreement.parties) == 15
        numbers = [(sec.number, sec.title) for ch in agreement.chapters for sec in ch.sections]
        assert numbers == [("1.1", "Bouwen"), ("1.2", "Huur"), ("2.1", "Begroting")]
        assert s.get(Section, setup.bouwen).current_revision.number == 1


def test_second_agreement_in_one_workspace_is_refused(setup):
    with pytest.raises(DomainError, match="al een raadsakkoord"), setup.workspace.action() as s:
        ops.create_agreement(s, setup.griffie, title="Nog een", municipality="X", council_seats=9)


def test_party_member_cannot_create_or_add_parties(setup):
    with pytest.raises(PermissionDenied, match="Alleen de griffie"), setup.workspace.action() as s:
        ops.add_party(s, setup.rood_actor, name="Nieuw", short_name="NW", seats=0)


def test_seats_above_council_size_are_refused_and_nothing_is_written(setup):
    with pytest.raises(DomainError, match="komen de fracties op 16 zetels"), setup.workspace.action() as s:
        ops.add_party(s, setup.griffie, name="Extra", short_name="EX", seats=1)
    with setup.workspace.action() as s:
        assert s.query(Party).count() == 3


def test_update_party_checks_seats_and_names(setup):
    with setup.workspace.action() as s:
        with pytest.raises(DomainError, match="korte naam RP"):
            ops.update_party(s, setup.griffie, setup.blauw, short_name="rp")
        with pytest.raises(DomainError, match="16 zetels"):
            ops.update_party(s, setup.griffie, setup.blauw, seats=4)
        party = ops.update_party(s, setup.griffie, setup.blauw, seats=2, leader="Bram Blauw")
        assert (party.seats, party.leader) == (2, "Bram Blauw")


@pytest.mark.parametrize(("field", "value", "message"), [
    ("colour", "groen", "#RRGGBB"),
    ("seats", -1, "tussen 0 en"),
    ("seats", "5", "geheel getal"),
    ("name", "  ", "mag niet leeg"),
    ("name", "Twee\nregels", "één regel"),
])
def test_bad_party_input_gets_a_dutch_message(setup, field, value, message):
    fields = dict(name="Nieuw", short_name="NW", seats=0, colour="#123456")
    fields[field] = value
    with pytest.raises(InputError, match=message), setup.workspace.action() as s:
        ops.add_party(s, setup.griffie, **fields)


def test_council_cannot_shrink_below_party_seats(setup):
    with pytest.raises(DomainError, match="15 zetels"), setup.workspace.action() as s:
        ops.update_agreement(s, setup.griffie, council_seats=13)
    with setup.workspace.action() as s:
        agreement = ops.update_agreement(s, setup.griffie, council_seats=17, contact_email="raad@example.nl")
        assert agreement.council_seats == 17


def test_bad_contact_email_is_refused(setup):
    with pytest.raises(InputError, match="geen geldig e-mailadres"), setup.workspace.action() as s:
        ops.update_agreement(s, setup.griffie, contact_email="griffie-at-example")


def test_add_section_at_position_renumbers_the_rest(setup):
    with setup.workspace.action() as s:
        new = ops.add_section(s, setup.griffie, chapter_id=setup.wonen, title="Grond", text="Grondbeleid.", position=1)
        assert new.number == "1.1"
        assert s.get(Section, setup.bouwen).number == "1.2"
        assert s.get(Section, setup.huur).number == "1.3"


def test_add_section_refuses_empty_text_and_unknown_chapter(setup):
    with setup.workspace.action() as s:
        with pytest.raises(InputError, match="mag niet leeg"):
            ops.add_section(s, setup.griffie, chapter_id=setup.wonen, title="Leeg", text="\n\n  \n")
        with pytest.raises(NotFound, match="Onbekende hoofdstuk"):
            ops.add_section(s, setup.griffie, chapter_id="00000000-0000-0000-0000-000000000000", title="X", text="Y")
        with pytest.raises(InputError, match="Positie 9"):
            ops.add_section(s, setup.griffie, chapter_id=setup.wonen, title="X", text="Y", position=9)


def test_move_section_between_chapters_keeps_numbers_dense(setup):
    with setup.workspace.action() as s:
        ops.move_section(s, setup.griffie, setup.bouwen, chapter_id=setup.geld, position=1)
    with setup.workspace.action() as s:
        assert s.get(Section, setup.huur).number == "1.1"
        assert s.get(Section, setup.bouwen).number == "2.1"
        assert s.get(Section, setup.begroting).number == "2.2"


def test_move_section_within_chapter(setup):
    with setup.workspace.action() as s:
        ops.move_section(s, setup.griffie, setup.huur, position=1)
    with setup.workspace.action() as s:
        assert [s.get(Section, i).number for i in (setup.huur, setup.bouwen)] == ["1.1", "1.2"]


def test_revise_section_appends_an_immutable_hashed_revision(setup):
    with setup.workspace.action() as s:
        revision = ops.revise_section(s, setup.griffie, setup.huur,
                                      "De huren stijgen  \r\nniet harder dan de inflatie.\n\n\n\nNooit.",
                                      reason="Redactioneel")
        assert revision.number == 2
        assert revision.text == "De huren stijgen\nniet harder dan de inflatie.\n\nNooit."
        assert revision.parent.number == 1
        import hashlib
        assert revision.sha256 == hashlib.sha256(revision.text.encode()).hexdigest()


def test_revise_refuses_unchanged_text_stale_base_and_party_members(setup):
    with setup.workspace.action() as s:
        first = s.get(Section, setup.huur).current_revision_id
        with pytest.raises(DomainError, match="niet gewijzigd"):
            ops.revise_section(s, setup.griffie, setup.huur, "De huren stijgen niet harder dan de inflatie.\n", reason="x")
        with pytest.raises(PermissionDenied):
            ops.revise_section(s, setup.rood_actor, setup.huur, "Anders.", reason="x")
        ops.revise_section(s, setup.griffie, setup.huur, "Versie twee.", reason="x", expected_revision_id=first)
    from raadsakkoord.base.errors import ConcurrentEditError
    with pytest.raises(ConcurrentEditError, match="intussen gewijzigd"), setup.workspace.action() as s:
        ops.revise_section(s, setup.griffie, setup.huur, "Versie drie.", reason="x", expected_revision_id=first)


def test_control_characters_in_typed_text_are_refused(setup):
    with pytest.raises(InputError, match="stuurteken .U\\+0007. op regel 2"), setup.workspace.action() as s:
        ops.revise_section(s, setup.griffie, setup.huur, "Eerste regel\nbel\x07", reason="x")


def test_rename_and_status(setup):
    with setup.workspace.action() as s:
        ops.rename_section(s, setup.griffie, setup.huur, "Betaalbare huur")
        ops.set_section_status(s, setup.griffie, setup.huur, SectionStatus.WITHDRAWN, reason="Dubbel")
        with pytest.raises(DomainError, match="heeft die status al"):
            ops.set_section_status(s, setup.griffie, setup.huur, SectionStatus.WITHDRAWN, reason="Dubbel")
    with setup.workspace.action() as s:
        assert s.get(Section, setup.huur).title == "Betaalbare huur"


def test_every_operation_writes_an_audit_event(setup):
    with setup.workspace.action() as s:
        actions = [e.action for e in s.query(AuditEvent).order_by(AuditEvent.seq)]
    assert actions == ["create_agreement", "add_party", "add_party", "add_party", "add_chapter",
                       "add_section", "add_section", "add_chapter", "add_section"]


def test_refused_action_rolls_back_everything_it_did(setup):
    with pytest.raises(InputError), setup.workspace.action() as s:
        ops.add_chapter(s, setup.griffie, title="Half")
        ops.add_section(s, setup.griffie, chapter_id=setup.wonen, title="", text="x")
    with setup.workspace.action() as s:
        assert [c.title for c in s.query(Agreement).one().chapters] == ["Wonen", "Financiën"]
        assert s.query(AuditEvent).count() == 9


def test_update_chapter_and_its_lost_update_guard(setup):
    from raadsakkoord.base.errors import ConcurrentEditError
    from raadsakkoord.model import Chapter

    with setup.workspace.action() as s:
        seen = s.get(Chapter, setup.wonen).version
        chapter = ops.update_chapter(s, setup.griffie, setup.wonen, title="Wonen en bouwen",
                                     intro="Iedereen een thuis.", expected_version=seen)
        assert (chapter.title, chapter.intro) == ("Wonen en bouwen", "Iedereen een thuis.")
    with pytest.raises(ConcurrentEditError, match="Hoofdstuk 1 is intussen"), setup.workspace.action() as s:
        ops.update_chapter(s, setup.griffie, setup.wonen, title="Wonen", expected_version=seen)


def test_import_markdown_draft_operation(workspace):
    with workspace.action() as s:
        agreement = ops.import_markdown_draft(
            s, ops.Actor.griffie("G"), "Voorwoord.\n\n# Wonen\n\nIntro.\n\n## Bouwen\n\nWe bouwen.",
            title="Akkoord", municipality="Testdorp", council_seats=9)
        assert agreement.preamble == "Voorwoord."
        assert agreement.chapters[0].intro == "Intro."
        assert agreement.chapters[0].sections[0].text == "We bouwen."


def test_chapter_and_section_headings_inside_a_text_are_refused(setup):
    with setup.workspace.action() as s:
        with pytest.raises(InputError, match="regel 3 een kop met # of ##"):
            ops.revise_section(s, setup.griffie, setup.huur, "Tekst.\n\n## 9.1 Nephoofdlijn\n\nMeer.", reason="x")
        with pytest.raises(InputError, match="voorgestelde tekst"):
            ops.propose_amendment(s, setup.rood_actor, kind="modify", section_id=setup.huur, headline="Nep",
                                  text="# Nephoofdstuk\n\nTekst.")
        with pytest.raises(InputError, match="voorwoord"):
            ops.update_agreement(s, setup.griffie, preamble="## Kop")
        revision = ops.revise_section(s, setup.griffie, setup.huur,
                                      "Tekst.\n\n### Tussenkop\n\n```\n# code, geen kop\n```", reason="x")
        assert "### Tussenkop" in revision.text
