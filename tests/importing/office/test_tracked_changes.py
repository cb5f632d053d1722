"""A round's Word export, edited with track changes on by a party, read back as that party's amendments."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from raadsakkoord import operations as ops
from raadsakkoord.base.errors import InputError, UserError
from raadsakkoord.importing.office.tracked import read_tracked
from raadsakkoord.model import Amendment, AmendmentKind, AmendmentStatus, Section
from raadsakkoord.operations.tracked_changes import (
    headline_for,
    import_tracked_changes,
    plan_tracked_changes,
)
from tests.importing.office.round_edits import SPORT, party_edits
from tests.importing.office.word_edits import WordEdit


def amendments_of(workspace, party_id):
    with workspace.action() as s:
        rows = s.scalars(sa.select(Amendment).where(Amendment.party_id == party_id)
                         .order_by(Amendment.created_at)).all()
        return [(a.kind, a.section_id, a.chapter_id, a.base_revision_id, a.proposed_title, a.proposed_text,
                 a.headline, a.explanation, a.author, a.created_at, a.status) for a in rows]


def test_a_tracked_round_export_becomes_the_partys_amendments(round_docx, tmp_path):
    workspace, ids, path = round_docx
    edited = party_edits(path, tmp_path / "ronde1-GL.docx")
    document = read_tracked(edited)
    actor = ops.Actor.of_party(ids["gl"], "Gerda Groen")
    with workspace.action() as s:
        plan = import_tracked_changes(s, actor, document, party_id=ids["gl"])
        revisions = {key: s.get(Section, ids[key]).current_revision_id for key in ("bouwen", "huur", "begroting")}
    assert plan.round_number == 1 and plan.unplaced == []
    found = {(a[0], a[1] or a[2]): a for a in amendments_of(workspace, ids["gl"])}
    assert len(found) == 4

    bouwen = found[(AmendmentKind.MODIFY, ids["bouwen"])]
    assert bouwen[5] == ("We bouwen **500** woningen binnen *een week*.\n\n"
                         "Zie [de site](https://example.nl) voor meer.\n\n"
                         "Starters gaan voor.\n\n"
                         "- een rij\n- twee rijen\n\n"
                         "De helft is `sociale` huur, zei de raad.")
    assert bouwen[3] == revisions["bouwen"]
    assert bouwen[6] == "'twee weken' vervangen door 'een week' en 2 andere wijzigingen"
    assert bouwen[7] == "Sneller bouwen is nodig."
    assert bouwen[8] == "Anna de Vries"
    assert bouwen[10] == AmendmentStatus.DRAFT

    huur = found[(AmendmentKind.MODIFY, ids["huur"])]
    assert huur[5] == "De huren stijgen nooit harder dan de inflatie."
    assert huur[3] == revisions["huur"]
    assert huur[8] == "Bert Jansen"
    assert huur[9].replace(tzinfo=dt.UTC) == dt.datetime(2026, 3, 3, 9, 30, tzinfo=dt.UTC)

    delete = found[(AmendmentKind.DELETE, ids["begroting"])]
    assert delete[3] == revisions["begroting"]
    assert delete[7] == "Dit hoort in de begroting zelf."

    sport = found[(AmendmentKind.NEW_SECTION, ids["geld"])]
    assert (sport[4], sport[5]) == ("Sport", SPORT.strip())
    assert any("opmaak" in notice for notice in plan.notices)


def test_importing_the_same_file_twice_makes_nothing_new(round_docx, tmp_path):
    workspace, ids, path = round_docx
    edited = party_edits(path, tmp_path / "ronde1-GL.docx")
    actor = ops.Actor.of_party(ids["gl"], "Gerda Groen")
    with workspace.action() as s:
        first = import_tracked_changes(s, actor, read_tracked(edited), party_id=ids["gl"])
    before = amendments_of(workspace, ids["gl"])
    with workspace.action() as s:
        again = import_tracked_changes(s, actor, read_tracked(edited), party_id=ids["gl"])
    assert len(first.new) == 4 and again.new == []
    assert all(a.existing is not None for a in again.amendments)
    assert amendments_of(workspace, ids["gl"]) == before


def test_the_result_is_the_same_as_typed(round_docx, tmp_path):
    """An imported change is an ordinary draft: the party edits its headline and submits it."""
    workspace, ids, path = round_docx
    edit = WordEdit(path)
    edit.replace("woningen binnen", "twee weken", "een week", "Anna de Vries")
    actor = ops.Actor.of_party(ids["gl"], "Gerda Groen")
    with workspace.action() as s:
        import_tracked_changes(s, actor, read_tracked(edit.save(tmp_path / "e.docx")), party_id=ids["gl"])
        amendment = s.scalars(sa.select(Amendment)).one()
        assert amendment.headline == "'twee weken' vervangen door 'een week'"
        ops.update_draft(s, actor, amendment.id, headline="Sneller bouwen")
        ops.submit_amendment(s, actor, amendment.id)
        typed = ops.propose_amendment(s, ops.Actor.of_party(ids["rp"], "Ruud Rood"), kind=AmendmentKind.MODIFY,
                                      headline="Zelfde", section_id=ids["bouwen"], text=amendment.proposed_text)
        assert typed.base_revision_id == amendment.base_revision_id
        assert amendment.status == AmendmentStatus.SUBMITTED and amendment.headline == "Sneller bouwen"


def test_a_changed_title_becomes_an_amendment_that_retitles_the_section(round_docx, tmp_path):
    workspace, ids, path = round_docx
    edit = WordEdit(path)
    edit.replace("1.2 Huur", "Huur", "Betaalbaar huren", "Anna de Vries")
    edited = edit.save(tmp_path / "e.docx")
    actor = ops.Actor.of_party(ids["gl"], "Gerda Groen")
    with workspace.action() as s:
        plan = import_tracked_changes(s, actor, read_tracked(edited), party_id=ids["gl"])
        base = s.get(Section, ids["huur"]).current_revision
        amendment = s.scalars(sa.select(Amendment)).one()
        assert plan.unplaced == []
        assert (amendment.kind, amendment.section_id, amendment.proposed_title) == (
            AmendmentKind.MODIFY, ids["huur"], "Betaalbaar huren")
        assert amendment.proposed_text == base.text and amendment.base_revision_id == base.id
        assert amendment.headline == "Titel wordt 'Betaalbaar huren'"
        assert amendment.author == "Anna de Vries"
    with workspace.action() as s:
        again = import_tracked_changes(s, actor, read_tracked(edited), party_id=ids["gl"])
    assert again.new == [] and len(again.amendments) == 1
    with workspace.action() as s:
        ops.submit_amendment(s, actor, amendment.id)
    with workspace.action() as s:
        ops.decide_amendment(s, ops.Actor.griffie("Griffier"), amendment.id, AmendmentStatus.ACCEPTED)
        section = s.get(Section, ids["huur"])
        assert section.title == "Betaalbaar huren" and section.current_revision_id == base.id


def test_a_changed_title_and_text_make_one_amendment(round_docx, tmp_path):
    workspace, ids, path = round_docx
    edit = WordEdit(path)
    edit.replace("1.2 Huur", "Huur", "Huren", "Anna de Vries")
    edit.replace("De huren stijgen", "stijgen", "dalen", "Anna de Vries")
    with workspace.action() as s:
        plan = plan_tracked_changes(s, read_tracked(edit.save(tmp_path / "e.docx")), party_id=ids["gl"])
    [planned] = plan.amendments
    assert planned.new_title == "Huren" and "dalen" in planned.text
    assert planned.headline == "Titel wordt 'Huren'; 'stijgen' vervangen door 'dalen'"


def test_a_changed_section_number_is_listed(round_docx, tmp_path):
    workspace, ids, path = round_docx
    edit = WordEdit(path)
    edit.replace("1.2 Huur", "1.2", "1.5", "Anna de Vries")
    with workspace.action() as s:
        plan = plan_tracked_changes(s, read_tracked(edit.save(tmp_path / "e.docx")), party_id=ids["gl"])
    assert plan.amendments == []
    assert plan.unplaced == [("hoofdlijn 1.2: het nummer van de kop is gewijzigd of de titel is leeg («1.5 Huur»); "
                              "alleen de titel achter het nummer kan worden gewijzigd")]


def test_changes_outside_any_section_are_listed_not_dropped(round_docx, tmp_path):
    workspace, ids, path = round_docx
    edit = WordEdit(path)
    edit.replace("Testdorp · raadsperiode", "Testdorp", "Testdorpje", "Anna de Vries")
    edit.replace("woningen binnen", "twee weken", "een week", "Anna de Vries")
    with workspace.action() as s:
        plan = plan_tracked_changes(s, read_tracked(edit.save(tmp_path / "e.docx")), party_id=ids["gl"])
    assert len(plan.amendments) == 1
    assert any("Testdorpje" in line for line in plan.unplaced)


def test_a_change_that_cannot_be_merged_exactly_is_listed(round_docx, tmp_path):
    """Inline code reads back from Word as plain text; a change right in it is not guessed."""
    workspace, ids, path = round_docx
    edit = WordEdit(path)
    edit.replace("zegt de raad", "sociale", "betaalbare", "Anna de Vries")
    with workspace.action() as s:
        plan = plan_tracked_changes(s, read_tracked(edit.save(tmp_path / "e.docx")), party_id=ids["gl"])
    assert plan.amendments == []
    assert any(line.startswith("hoofdlijn 1.1") for line in plan.unplaced)


def test_refusals_write_nothing(round_docx, tmp_path, workspace_target):
    workspace, ids, path = round_docx
    actor = ops.Actor.of_party(ids["gl"], "Gerda Groen")
    unchanged = read_tracked(path)
    with workspace.action() as s:
        with pytest.raises(InputError, match="geen bijgehouden wijzigingen"):
            import_tracked_changes(s, actor, unchanged, party_id=ids["gl"])
        with pytest.raises(InputError, match="Ronde 7 bestaat niet"):
            plan_tracked_changes(s, unchanged, round_number=7)
    edit = WordEdit(path)
    edit.replace("woningen binnen", "twee weken", "een week", "Anna de Vries")
    edited = read_tracked(edit.save(tmp_path / "e.docx"))
    with workspace.action() as s:
        ops.add_section(s, ops.Actor.griffie(), chapter_id=ids["geld"], title="Later", text="Na ronde 1.")
        ops.publish_round(s, ops.Actor.griffie())
    with workspace.action() as s:
        with pytest.raises(InputError, match="geen Word-export van Concept 2"):
            plan_tracked_changes(s, edited, round_number=2)
        with pytest.raises(UserError):
            import_tracked_changes(s, ops.Actor.of_party(ids["rp"], "Ruud Rood"), edited, party_id=ids["gl"])
    assert amendments_of(workspace, ids["gl"]) == []


def test_formatting_alone_makes_no_amendment(round_docx, tmp_path):
    workspace, ids, path = round_docx
    edit = WordEdit(path)
    edit.bold("Zie de site", "Anna de Vries")
    with workspace.action() as s, pytest.raises(InputError, match="alleen de opmaak"):
        import_tracked_changes(s, ops.Actor.of_party(ids["gl"], "Gerda Groen"),
                               read_tracked(edit.save(tmp_path / "e.docx")), party_id=ids["gl"])


def test_comments_outside_the_sections_are_listed(round_docx, tmp_path):
    workspace, ids, path = round_docx
    edit = WordEdit(path)
    edit.replace("woningen binnen", "twee weken", "een week", "Anna de Vries")
    edit.comment("2. Financiën", "Waarom dit hoofdstuk?", "Anna de Vries")
    edit.comment("De huren stijgen", "Klopt dit nog?", "Bert Jansen")
    with workspace.action() as s:
        plan = plan_tracked_changes(s, read_tracked(edit.save(tmp_path / "e.docx")), party_id=ids["gl"])
    assert plan.unplaced == ["2. Financiën: opmerking: «Waarom dit hoofdstuk?»",
                             "hoofdlijn 1.2: opmerking zonder wijziging: «Klopt dit nog?»"]


def test_a_file_of_another_agreement_is_refused(round_docx, tmp_path):
    workspace, _ids, path = round_docx
    with workspace.action() as s:
        ops.update_agreement(s, ops.Actor.griffie(), title="Een ander akkoord")
    edit = WordEdit(path)
    edit.replace("woningen binnen", "twee weken", "een week", "Anna de Vries")
    with workspace.action() as s, pytest.raises(InputError, match="geen Word-export van een ronde van dit"):
        plan_tracked_changes(s, read_tracked(edit.save(tmp_path / "e.docx")))


@pytest.mark.parametrize(("base", "text", "headline"), [
    ("Wij bouwen snel.\n", "Wij bouwen heel snel.\n", "'heel' ingevoegd"),
    ("Wij bouwen heel snel.\n", "Wij bouwen snel.\n", "'heel' geschrapt"),
    ("Binnen twee weken.\n", "Binnen een week.\n", "'twee weken' vervangen door 'een week'"),
])
def test_headline_names_the_change(base, text, headline):
    assert headline_for(base, text) == headline
