"""``raadsakkoord import-changes``: a party's tracked Word file in as its amendments, or one clear line and nothing."""

from __future__ import annotations

import sqlalchemy as sa

from raadsakkoord.cli import main
from raadsakkoord.model import Amendment
from tests.importing.office.round_edits import party_edits
from tests.importing.office.word_edits import WordEdit


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def count(workspace) -> int:
    with workspace.action() as s:
        return s.scalar(sa.select(sa.func.count()).select_from(Amendment))


def test_the_party_gets_its_amendments_and_a_second_run_adds_nothing(round_docx, tmp_path, capsys):
    workspace, ids, path = round_docx
    edited = party_edits(path, tmp_path / "ronde1-GL.docx")
    code, out, err = run(capsys, "import-changes", workspace.label, str(edited), "--party", "gl")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "ronde1-GL.docx: een export van Concept 1."
    assert "  1.1  'twee weken' vervangen door 'een week' en 2 andere wijzigingen  (gemaakt)" in lines
    assert "  2.1  Hoofdlijn 2.1 'Begroting' schrappen  (gemaakt)" in lines
    assert lines[-1] == "4 ontwerp-amendementen gemaakt voor GL; de fractie kan ze nog bewerken en indienen"
    with workspace.action() as s:
        authors = {a.author for a in s.scalars(sa.select(Amendment))}
        assert {a.party_id for a in s.scalars(sa.select(Amendment))} == {ids["gl"]}
    assert authors == {"Anna de Vries", "Bert Jansen"}

    code, out, err = run(capsys, "import-changes", workspace.label, str(edited), "--party", "GL")
    assert code == 0
    assert "(al ingelezen)" in out and out.splitlines()[-1].startswith("0 ontwerp-amendementen gemaakt")
    assert count(workspace) == 4


def test_dry_run_writes_nothing(round_docx, tmp_path, capsys):
    workspace, _ids, path = round_docx
    edited = party_edits(path, tmp_path / "ronde1-GL.docx")
    code, out, _err = run(capsys, "import-changes", workspace.label, str(edited), "--party", "GL", "--dry-run")
    assert code == 0
    assert out.splitlines()[-1] == "zou 4 ontwerp-amendementen maken voor GL"
    assert count(workspace) == 0


def test_unplaced_changes_go_to_stderr(round_docx, tmp_path, capsys):
    workspace, _ids, path = round_docx
    edit = WordEdit(path)
    edit.replace("Testdorp · raadsperiode", "Testdorp", "Testdorpje", "Anna de Vries")
    edit.replace("woningen binnen", "twee weken", "een week", "Anna de Vries")
    code, _out, err = run(capsys, "import-changes", workspace.label, str(edit.save(tmp_path / "e.docx")),
                          "--party", "GL")
    assert code == 0
    assert err.splitlines()[0] == "raadsakkoord: 1 wijziging kon niet worden geplaatst en is niet ingelezen:"
    assert "Testdorpje" in err


def test_each_mistake_is_one_dutch_line_and_nothing_written(round_docx, tmp_path, capsys):
    workspace, _ids, path = round_docx
    edited = party_edits(path, tmp_path / "ronde1-GL.docx")
    text = tmp_path / "notitie.docx"
    text.write_text("geen Word", encoding="utf-8")
    cases = [
        (["--party", "XX"], edited, "Onbekende fractie: XX. Kies de korte naam van een fractie: RP, GL."),
        (["--party", "GL", "--round", "4"], edited, "Ronde 4 bestaat niet in deze werkruimte (rondes: 1)."),
        (["--party", "GL"], path, "ronde1.docx bevat geen bijgehouden wijzigingen"),
        (["--party", "GL"], text, "notitie.docx is geen Word-document (.docx)"),
    ]
    for options, file, message in cases:
        code, out, err = run(capsys, "import-changes", workspace.label, str(file), *options)
        assert code != 0 and out == ""
        assert len(err.splitlines()) == 1 and message in err
    assert count(workspace) == 0
