"""Other parties' text in the exports: it may not run, add structure, or write where it should not."""

import csv
import io

import pytest

from raadsakkoord import operations as ops
from raadsakkoord.cli import main
from raadsakkoord.model import AmendmentKind


@pytest.fixture
def hostile(setup, tmp_path):
    with setup.workspace.action() as s:
        ops.add_task(s, setup.rood_actor, title="=HYPERLINK(\"http://x\")", participation_level="informeren",
                     portfolio_holder="@SUM(1+1)", stakeholders=["+cmd", "-2+3"],
                     description="Doel\n===\n\n<script>alert(1)</script>")
        ops.propose_amendment(s, setup.rood_actor, kind=AmendmentKind.MODIFY, section_id=setup.bouwen,
                              headline="Meer", text="We bouwen 800 woningen.\n\nDe helft is sociale huur.",
                              explanation="## 5.5 Nepsectie\n\n<iframe src=x></iframe>", submit=True)
    return setup


def test_csv_cells_never_start_a_formula(hostile, tmp_path, capsys):
    out = tmp_path / "agenda.csv"
    assert main(["export", hostile.workspace.label, "--what", "tasks", "--format", "csv", "-o", str(out)]) == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig")), delimiter=";"))
    cells = [cell for row in rows[1:] for cell in row]
    assert not any(cell[:1] in "=+-@" for cell in cells if cell)
    assert "'@SUM(1+1)" in cells and "'=HYPERLINK(\"http://x\")" in cells


def test_markdown_explanations_and_descriptions_add_no_structure_or_html(hostile, tmp_path, capsys):
    book = tmp_path / "boek.md"
    assert main(["export", hostile.workspace.label, "--what", "amendments", "--format", "md", "-o", str(book)]) == 0
    text = book.read_text(encoding="utf-8")
    assert "\n## 5.5 Nepsectie" not in text and "\\## 5.5 Nepsectie" in text
    assert "<iframe" not in text
    agenda = tmp_path / "agenda.md"
    assert main(["export", hostile.workspace.label, "--what", "tasks", "--format", "md", "-o", str(agenda)]) == 0
    text = agenda.read_text(encoding="utf-8")
    assert "<script>" not in text and "\n===" not in text


def test_an_unwritable_target_is_one_line(setup, capsys):
    code = main(["export", setup.workspace.label, "--what", "tasks", "--format", "csv", "-o", "/proc/x.csv"])
    err = capsys.readouterr().err
    # Progress lines may come first; the refusal is one line, and the last.
    assert code == 1 and "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith("raadsakkoord: /proc/x.csv kon niet worden geschreven: het bestaat niet")


def test_a_special_file_is_never_replaced(setup, capsys, tmp_path):
    import os

    fifo = tmp_path / "pijp"
    os.mkfifo(fifo)
    code = main(["export", setup.workspace.label, "--what", "tasks", "--format", "csv", "-o", str(fifo)])
    assert code == 1 and "geen gewoon bestand" in capsys.readouterr().err
    assert fifo.exists() and not fifo.is_file()


def test_a_text_that_looks_like_a_heading_does_not_take_over_the_table_of_contents(setup, tmp_path):
    import re

    from pypdf import PdfReader

    with setup.workspace.action() as s:
        ops.endorse_section(s, setup.rood_actor, setup.bouwen, "oppose", minority_position="# 2. Financiën")
        ops.rename_section(s, setup.griffie, setup.huur, "Huur  met  dubbele spaties")
    out = tmp_path / "akkoord.pdf"
    assert main(["export", setup.workspace.label, "--what", "agreement", "--format", "pdf", "-o", str(out)]) == 0
    pages = [page.extract_text() for page in PdfReader(str(out)).pages]
    toc = next(text for text in pages if "Inhoud" in text)
    chapter_page = int(re.search(r"2\.\s+Financiën[\s.]+(\d+)", toc).group(1))
    assert re.search(r"2\.1\s+Begroting", pages[chapter_page - 1])  # the real chapter, not the minority text
    assert re.search(r"1\.2\s+Huur\s+met\s+dubbele\s+spaties[\s.]+\d+", toc)
