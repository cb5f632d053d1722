"""Texts from other parties' packages in the PDF: shown as the characters they are, never run as Typst."""

from __future__ import annotations

import pypdf
import pytest

from raadsakkoord import operations as ops
from raadsakkoord.cli import main
from raadsakkoord.model import AmendmentKind, Position
from tests.export import pdfcheck

TYPST = [
    '#read("/etc/passwd")',
    '#import "lib.typ": *',
    "#set page(paper: \"a6\")",
    "#let x = 1] stray ] and [ brackets",
    "$x^2$ and @label and <label> and ~ and // not a comment /* nor this */",
    "= not a heading",
    "#sys.inputs",
    '#eval("1 + 1")',
]
LONG_WORD = "Aansprakelijkheidsverzekeringsmaatschappijbestuursvoorzittersverkiezingen" * 3
RIGHT_TO_LEFT = "\u200fمرحبا بالعالم\u200f"  # right-to-left marks around Arabic
ZERO_WIDTH = "zero\u200bwidth\u200cjoin\u200dhere"


@pytest.fixture
def hostile(setup):
    text = "\n\n".join(TYPST + [LONG_WORD, RIGHT_TO_LEFT, ZERO_WIDTH, "Duim 👍 en privé \ue000 teken."])
    with setup.workspace.action() as s:
        ops.revise_section(s, setup.griffie, setup.bouwen, text, reason="vijandige tekst")
        ops.add_section(s, setup.griffie, chapter_id=setup.wonen, title='#read("x") ] titel',
                        text="\n".join(f"- punt {i}" for i in range(10_000)))
        ops.endorse_section(s, setup.rood_actor, setup.bouwen, Position.OPPOSE,
                            minority_position="#set text(size: 40pt) Wij zijn tegen.")
        ops.propose_amendment(s, setup.rood_actor, kind=AmendmentKind.MODIFY, section_id=setup.huur,
                              headline="#strike[kop]",
                              text="De huren stijgen niet harder dan de inflatie. #read(\"/etc/passwd\")",
                              explanation="#import \"x\": *", submit=True)
    return setup


def _text(path) -> str:
    reader = pypdf.PdfReader(path)
    return " ".join(page.extract_text() for page in reader.pages)


def test_typst_syntax_in_a_section_is_printed_literally(hostile, tmp_path, capsys):
    target = tmp_path / "akkoord.pdf"
    assert main(["export", hostile.workspace.label, "--what", "agreement", "--format", "pdf",
                 "-o", str(target)]) == 0
    pdfcheck.check(target, "Raadsakkoord Testdorp 2026–2030")
    text = _text(target)
    flat = " ".join(text.split())
    for line in TYPST:
        assert line in flat, line
    assert '#read("x") ] titel' in flat
    assert "#set text(size: 40pt) Wij zijn tegen." in flat
    # Broken into numbered lines, but every letter is there, in order.
    assert pdfcheck.squeezed(LONG_WORD) in pdfcheck.squeezed(pdfcheck.without_line_numbers(text))
    assert "مرحبا" in text or "ابحرم" in text  # extraction may give the letters in visual order
    assert "zero" in text and "width" in text and "join" in text
    # What the font or PDF/A cannot hold is named by its code point, not dropped.
    assert "[U+1F44D]" in flat and "[U+E000]" in flat
    assert "punt 0" in flat and "punt 9999" in flat
    assert "root:" not in text  # nothing was read from the disk


def test_typst_syntax_in_an_amendment_is_printed_literally(hostile, tmp_path, capsys):
    target = tmp_path / "boek.pdf"
    assert main(["export", hostile.workspace.label, "--what", "amendments", "--format", "pdf",
                 "-o", str(target)]) == 0
    pdfcheck.check(target, "Amendementenboek Raadsakkoord Testdorp 2026–2030")
    flat = " ".join(_text(target).split())
    assert "#strike[kop]" in flat and '#import "x": *' in flat
    assert '#read("/etc/passwd")' in flat


@pytest.mark.parametrize(("text", "shown"), [
    ("\n".join("  " * depth + f"- diep{depth}" for depth in range(60)), "diep59"),
    (">" * 60 + " citaat", "citaat"),
    ("| a | b |\n|---|---|\n| 1 |\n| 1 | 2 | 3 |", "a b"),
    ("```\n#read(\"/etc/passwd\")\n```", '#read("/etc/passwd")'),
    ("[klik](javascript:alert(1)) [web](https://example.org)", "[klik](javascript:alert(1)) web"),
    ("# kop\n\n###### diepe kop\n\n### en weer", "diepe kop"),
])
def test_markdown_of_every_shape_typesets(tmp_path, text, shown):
    """Nesting deeper than the template recurses, ragged tables, code, unsafe links, headings that skip levels."""
    from raadsakkoord.export import pdf

    target = tmp_path / "x.pdf"
    pdf.write_pdf(_small_document(text), target)
    reader, _, _ = pdfcheck.check(target, "Raadsakkoord Proef")
    assert shown in " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def _small_document(text: str):
    import datetime as dt
    import uuid

    from raadsakkoord.export.document import (
        AgreementDocument,
        DocChapter,
        DocSection,
        Meta,
        PartyLine,
    )
    from raadsakkoord.queries.support import Tally

    meta = Meta("Raadsakkoord Proef", "Proef", "2026–2030", 9, "Concept", dt.date(2026, 1, 2), None,
                "Griet", "0592-1", "g@example.nl", (PartyLine("Een", "E", 9, "#123456"),), uuid.uuid4())
    section = DocSection(uuid.uuid4(), "1.1", "Vorm", text, Tally(9, 2 / 3))
    return AgreementDocument(meta, "", (DocChapter("1", "Alles", "", (section,)),), ())
