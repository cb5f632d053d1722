"""Our own amendment book in Word, read back: the same amendments, each of the party the book names."""

from __future__ import annotations

import shutil

import pytest
import sqlalchemy as sa

from raadsakkoord import operations as ops
from raadsakkoord.base.errors import InputError
from raadsakkoord.cli import main
from raadsakkoord.demo import create_demo_workspace
from raadsakkoord.export.amendments import amendment_book
from raadsakkoord.export.word import write_docx
from raadsakkoord.importing.office.tracked import read_tracked
from raadsakkoord.model import Amendment, AmendmentKind, CoSubmission, Endorsement, Party, Section
from raadsakkoord.operations.tracked_changes import import_tracked_changes, plan_tracked_changes
from raadsakkoord.store.workspace import open_workspace


@pytest.fixture(scope="module")
def demo_book(tmp_path_factory):
    """The demo workspace and its amendment book as Word, made once for these tests."""
    folder = tmp_path_factory.mktemp("boek")
    path = folder / "assen.raadsakkoord"
    workspace = create_demo_workspace(str(path))
    with workspace.action() as s:
        book = amendment_book(s)
    workspace.close()
    write_docx(book, folder / "amendementenboek.docx")
    return path, folder / "amendementenboek.docx"


def _what(a: Amendment) -> tuple:
    """What an amendment proposes, whose it is and what it was written on."""
    return (a.party.short_name, a.kind, a.section_id if a.kind.value != "new_section" else a.chapter_id,
            a.base_revision_id, a.proposed_title, a.proposed_text, a.headline)


def _amendments(workspace) -> list[tuple]:
    with workspace.action() as s:
        return sorted(_what(a) for a in s.scalars(sa.select(Amendment)))


def test_the_book_read_back_into_its_own_workspace_is_every_amendment_already_there(demo_book):
    path, book_file = demo_book
    workspace = open_workspace(str(path))
    try:
        with workspace.action() as s:
            plan = plan_tracked_changes(s, read_tracked(book_file))
            originals = set(s.scalars(sa.select(Amendment.id)))
        assert plan.unplaced == [] and plan.new == []
        assert {a.existing for a in plan.amendments} == originals
    finally:
        workspace.close()


def test_the_book_read_into_a_workspace_without_them_makes_the_same_amendments(demo_book, tmp_path):
    path, book_file = demo_book
    copy = tmp_path / "zonder.raadsakkoord"
    shutil.copyfile(path, copy)
    workspace = open_workspace(str(copy))
    try:
        expected = _amendments(workspace)
        with workspace.action() as s:
            # The same workspace before any amendment was made: their positions and co-submissions go too.
            for table in (Endorsement, CoSubmission):
                s.execute(sa.delete(table).where(table.amendment_id.is_not(None)))
            s.execute(sa.update(Amendment).values(section_id=None).where(Amendment.kind == "new_section"))
            s.execute(sa.delete(Amendment))
        clerk = ops.Actor.griffie("Griet Griffier")
        with workspace.action() as s:
            plan = import_tracked_changes(s, clerk, read_tracked(book_file), party_id=None)
        assert plan.unplaced == [] and len(plan.new) == len(expected)
        assert _amendments(workspace) == expected
        with workspace.action() as s:
            assert {a.status.value for a in s.scalars(sa.select(Amendment))} == {"draft"}
            again = import_tracked_changes(s, clerk, read_tracked(book_file), party_id=None)
        assert again.new == [] and _amendments(workspace) == expected
    finally:
        workspace.close()


def test_with_a_party_named_only_its_amendments_are_read(demo_book, tmp_path, capsys):
    path, book_file = demo_book
    code = main(["import-changes", str(path), str(book_file), "--party", "GL", "--dry-run"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    workspace = open_workspace(str(path))
    with workspace.action() as s:
        gl = s.scalars(sa.select(Party).where(Party.short_name == "GL")).one()
        count = s.scalar(sa.select(sa.func.count()).select_from(Amendment).where(Amendment.party_id == gl.id))
    workspace.close()
    assert out.count("(al ingelezen)") == count and "zou 0 ontwerp-amendementen maken voor GL" in out


def test_the_book_of_another_agreement_is_refused(demo_book, workspace):
    _path, book_file = demo_book
    with workspace.action() as s:
        ops.create_agreement(s, ops.Actor.griffie("Griet Griffier"), title="Raadsakkoord Elders",
                             municipality="Elders", council_seats=15)
    with workspace.action() as s, pytest.raises(InputError, match="is het amendementenboek van 'Raadsakkoord Assen"):
        plan_tracked_changes(s, read_tracked(book_file))


def test_without_a_party_the_command_reads_every_amendment_for_the_party_the_book_names(demo_book, capsys):
    path, book_file = demo_book
    code = main(["import-changes", str(path), str(book_file), "--dry-run"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert out.startswith("amendementenboek.docx: een amendementenboek.\n")
    assert "  2.1  PLOP  Bij grote plannen is adviseren het minimum" in out
    assert "zou 0 ontwerp-amendementen maken voor hun fracties" in out


def test_a_round_export_still_needs_the_party(round_docx, tmp_path, capsys):
    _workspace, _ids, path = round_docx
    code = main(["import-changes", str(tmp_path / "werkruimte.raadsakkoord"), str(path)])
    _out, err = capsys.readouterr()
    assert code == 1
    assert err == "raadsakkoord: Noem met --party de fractie van wie de wijzigingen in ronde1.docx zijn.\n"


def test_a_new_title_and_a_new_emphasis_come_back_from_the_book(setup, tmp_path):
    """The book prints a title change beside the kind, and a marker inside a change as the marker itself."""
    with setup.workspace.action() as s:
        ops.propose_amendment(s, setup.rood_actor, kind=AmendmentKind.MODIFY, section_id=setup.bouwen,
                              headline="Nieuwe titel", title="Woningbouw",
                              text="We bouwen **800** woningen.\n\nDe helft is sociale huur.", submit=True)
        ops.propose_amendment(s, setup.groen_actor, kind=AmendmentKind.MODIFY, section_id=setup.huur,
                              headline="Alleen de titel", title="Betaalbaar huren",
                              text=s.get(Section, setup.huur).text)
        write_docx(amendment_book(s), tmp_path / "boek.docx")
    expected = _amendments(setup.workspace)
    with setup.workspace.action() as s:
        s.execute(sa.delete(CoSubmission))
        s.execute(sa.delete(Amendment))
    with setup.workspace.action() as s:
        plan = import_tracked_changes(s, setup.griffie, read_tracked(tmp_path / "boek.docx"), party_id=None)
    assert plan.unplaced == [] and len(plan.new) == 2
    assert _amendments(setup.workspace) == expected
