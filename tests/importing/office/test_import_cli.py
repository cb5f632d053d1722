"""``import-docx`` and ``import-md`` with Word and OpenDocument files: a workspace, or one line and nothing."""

from __future__ import annotations

import json

import pytest
from docx.oxml import parse_xml

from raadsakkoord.cli import main
from tests.importing.office.builders import (
    EXPECTED,
    TRACKED_INSERTION,
    draft_docx,
    draft_odt,
)

ARGS = ["--title", "Raadsakkoord Testdorp 2026–2030", "--municipality", "Testdorp", "--seats", "19"]


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(("command", "build", "name"), [
    ("import-docx", draft_docx, "concept.docx"),
    ("import-docx", draft_odt, "concept.odt"),
    ("import-md", draft_docx, "concept.docx"),
])
def test_a_document_becomes_a_workspace_with_its_sections(capsys, tmp_path, command, build, name):
    build(tmp_path / name)
    target = tmp_path / "akkoord.raadsakkoord"
    code, out, err = run(capsys, command, str(target), str(tmp_path / name), *ARGS)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"2 hoofdstukken en 3 hoofdlijnen geïmporteerd in {target}",
        f"Niet overgenomen uit {name}:",
        "  - 1 titel of ondertitel (de titel van het raadsakkoord geeft u zelf op)",
    ]
    code, out, _ = run(capsys, "info", str(target), "--json")
    summary = json.loads(out)
    assert [(s["number"], s["title"]) for s in summary["sections"]] == [
        ("1.1", "Bouwen"), ("1.2", "Huur"), ("2.1", "Begroting")]

    import sqlalchemy as sa

    from raadsakkoord.model import Section
    from raadsakkoord.store.workspace import open_workspace

    workspace = open_workspace(str(target))
    with workspace.action() as session:
        texts = {s.title: s.current_revision.text for s in session.scalars(sa.select(Section))}
    workspace.close()
    assert texts == {title: text for chapter in EXPECTED.values() for title, text in chapter["sections"].items()}


def test_a_refused_document_leaves_no_workspace_behind(capsys, tmp_path):
    document = draft_docx(tmp_path / "concept.docx")
    document.paragraphs[-1]._p.append(parse_xml(TRACKED_INSERTION))
    document.save(tmp_path / "concept.docx")
    target = tmp_path / "akkoord.raadsakkoord"
    code, out, err = run(capsys, "import-docx", str(target), str(tmp_path / "concept.docx"), *ARGS)
    assert code == 1 and out == ""
    assert err.startswith("raadsakkoord: concept.docx bevat bijgehouden wijzigingen. Zijn het amendementen van "
                          "een fractie op een ronde, lees ze dan in met Bestand → Wijzigingen uit Word inlezen… of "
                          "raadsakkoord import-changes;")
    assert len(err.strip().splitlines()) == 1
    assert not any(tmp_path.glob("akkoord.raadsakkoord*"))


def test_a_refusal_by_the_agreement_rules_leaves_no_workspace_either(capsys, tmp_path):
    draft_odt(tmp_path / "concept.odt")
    target = tmp_path / "akkoord.raadsakkoord"
    code, out, err = run(capsys, "import-docx", str(target), str(tmp_path / "concept.odt"),
                         "--title", "A", "--municipality", "B", "--seats", "0")
    assert code == 1 and out == "" and "minstens 1" in err
    assert not any(tmp_path.glob("akkoord.raadsakkoord*"))


def test_a_markdown_file_still_imports_through_import_docx(capsys, tmp_path):
    draft = tmp_path / "concept.md"
    draft.write_text("# Wonen\n\n## Bouwen\n\nWe bouwen.\n", encoding="utf-8")
    code, out, err = run(capsys, "import-docx", str(tmp_path / "a.raadsakkoord"), str(draft), *ARGS)
    assert (code, err) == (0, "") and out.startswith("1 hoofdstukken en 1 hoofdlijnen")


def test_a_pdf_given_to_import_md_is_explained(capsys, tmp_path):
    pdf = tmp_path / "akkoord.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    code, out, err = run(capsys, "import-md", str(tmp_path / "a.raadsakkoord"), str(pdf), *ARGS)
    assert code == 1 and out == "" and "akkoord.pdf is een PDF" in err


def test_the_report_speaks_english_when_asked():
    from raadsakkoord.base import i18n
    from raadsakkoord.importing.office import ImportReport

    report = ImportReport("concept.docx")
    report.add("comment", 2)
    report.add("image")
    i18n.set_language("en")
    try:
        assert report.lines() == ["Not taken over from concept.docx:", "  - 2 comments", "  - 1 image or drawing"]
    finally:
        i18n.set_language("nl")


# -- the proposed outline: --dry-run and --accept-outline ------------------------------------------

NUMBERED_OUTLINE = [
    "Voorgestelde indeling van genummerd.docx (koppen gevonden via: genummerde vetgedrukte alinea's):",
    "  Inleiding (8 woorden)",
    "  1  Wonen (4 woorden)",
    "    1.1  Bouwen (4 woorden)",
    "    1.2  Huur (8 woorden)",
    "  2  Financiën (0 woorden)",
    "    2.1  Begroting (5 woorden)",
    "2 hoofdstukken en 3 hoofdlijnen, 29 woorden tekst.",
]


def test_a_dry_run_prints_the_proposed_outline_and_writes_nothing(capsys, tmp_path):
    from tests.importing.office.samples import numbered_bold_docx

    numbered_bold_docx(tmp_path / "genummerd.docx")
    target = tmp_path / "akkoord.raadsakkoord"
    code, out, err = run(capsys, "import-docx", str(target), str(tmp_path / "genummerd.docx"), "--dry-run")
    assert (code, err) == (0, "")
    assert out.splitlines() == NUMBERED_OUTLINE + ["Proefdraai: er is niets geïmporteerd."]
    assert not any(tmp_path.glob("akkoord.raadsakkoord*"))


def test_a_found_outline_is_only_written_when_accepted(capsys, tmp_path):
    from tests.importing.office.samples import numbered_bold_docx

    numbered_bold_docx(tmp_path / "genummerd.docx")
    target = tmp_path / "akkoord.raadsakkoord"
    code, out, err = run(capsys, "import-docx", str(target), str(tmp_path / "genummerd.docx"), *ARGS)
    assert code == 1 and out.splitlines() == NUMBERED_OUTLINE
    assert err == ("raadsakkoord: genummerd.docx heeft niet de stijlen Kop 1 en Kop 2; er is niets geïmporteerd. "
                   "Controleer de indeling hierboven en voer de opdracht opnieuw uit met --accept-outline om haar "
                   "zo te importeren.\n")
    assert not any(tmp_path.glob("akkoord.raadsakkoord*"))

    code, out, err = run(capsys, "import-docx", str(target), str(tmp_path / "genummerd.docx"), *ARGS,
                         "--accept-outline")
    assert (code, err) == (0, "")
    assert out.splitlines() == [f"2 hoofdstukken en 3 hoofdlijnen geïmporteerd in {target}",
                                "(koppen gevonden via: genummerde vetgedrukte alinea's)"]
    code, out, _ = run(capsys, "info", str(target), "--json")
    summary = json.loads(out)
    assert [(s["number"], s["title"]) for s in summary["sections"]] == [
        ("1.1", "Bouwen"), ("1.2", "Huur"), ("2.1", "Begroting")]


def test_a_dutch_word_file_with_kop_1_and_kop_2_imports_without_asking(capsys, tmp_path):
    from tests.importing.office.samples import dutch_styles_docx

    dutch_styles_docx(tmp_path / "kop.docx")
    target = tmp_path / "akkoord.raadsakkoord"
    code, out, err = run(capsys, "import-docx", str(target), str(tmp_path / "kop.docx"), *ARGS)
    assert (code, err) == (0, "") and out.startswith("2 hoofdstukken en 2 hoofdlijnen geïmporteerd")


def test_a_dry_run_of_a_markdown_draft_shows_its_own_headings(capsys, tmp_path):
    draft = tmp_path / "concept.md"
    draft.write_text("Voorwoord.\n\n# Wonen\n\n## Bouwen\n\nWe bouwen **500** woningen.\n", encoding="utf-8")
    code, out, err = run(capsys, "import-md", str(tmp_path / "a.raadsakkoord"), str(draft), "--dry-run")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Voorgestelde indeling van concept.md (koppen gevonden via: koppen met # en ##):",
        "  Inleiding (1 woord)", "  1  Wonen (0 woorden)", "    1.1  Bouwen (4 woorden)",
        "1 hoofdstukken en 1 hoofdlijnen, 5 woorden tekst.", "Proefdraai: er is niets geïmporteerd."]


def test_without_dry_run_the_agreement_details_are_required(capsys, tmp_path):
    draft_docx(tmp_path / "concept.docx")
    code, out, err = run(capsys, "import-docx", str(tmp_path / "a.raadsakkoord"), str(tmp_path / "concept.docx"),
                         "--title", "Akkoord")
    assert code == 1 and out == ""
    assert err == ("raadsakkoord: Geef ook --municipality, --seats op (of alleen --dry-run om de indeling te "
                   "bekijken).\n")
    assert not any(tmp_path.glob("a.raadsakkoord*"))
