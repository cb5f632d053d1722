"""A database that already holds control characters: every export is still written, readable and clean.

The values are put in with SQL, past the operations (which refuse them), as
an older version or a hand-edited file may have left them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zipfile

import docx
import pytest
import sqlalchemy as sa

from raadsakkoord import operations as ops
from raadsakkoord.cli import main
from raadsakkoord.model import AmendmentKind

# What no export may carry: C0 (but tab and newline), DEL, C1 and the XML noncharacters.
FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")


@pytest.fixture
def garbled(setup):
    with setup.workspace.action() as s:
        ops.add_task(s, setup.griffie, title="Woningbouwplan", participation_level="raadplegen",
                     portfolio_holder="Wethouder Wonen", stakeholders=["Huurders"], due_date=dt.date(2027, 3, 1),
                     description="Doel van het plan.")
        amendment = ops.propose_amendment(s, setup.groen_actor, kind=AmendmentKind.MODIFY, section_id=setup.bouwen,
                                          headline="Meer woningen", text="We bouwen 800 woningen.\n\nDe helft is "
                                          "sociale huur.", explanation="Er is vraag.", submit=True)
        ops.endorse_section(s, setup.rood_actor, setup.bouwen, "oppose", minority_position="Te duur.")
        amendment_id = amendment.id
    with setup.workspace.engine.begin() as conn:
        def update(table, values, where):
            conn.execute(sa.text(f"UPDATE {table} SET {', '.join(f'{k} = :{k}' for k in values)} WHERE {where}"),
                         values)
        update("agreement", {"title": "Raadsakkoord\x00 Testdorp\x1b[2J"}, "1 = 1")
        update("party", {"name": "Groene\x1b]0;titel\x07 Lijst", "short_name": "G\x9bL"},
               "short_name = 'GL'")
        update("chapter", {"title": "Wo\x0bnen"}, "title = 'Wonen'")
        update("section", {"title": "Bou\rwen"}, "title = 'Bouwen'")
        update("revision", {"text": "We bouwen\x00 500 woningen.\x0c\n\nDe helft\r is sociale huur.\x7f"},
               "text LIKE 'We bouwen 500%'")
        update("amendment", {"headline": "Meer\x1b[8m woningen\ufffe", "explanation": "Er is\x00 vraag.\r\rEcht."},
               "headline = 'Meer woningen'")
        update("endorsement", {"minority_position": "Te\x1b[2J duur.\rEND:VEVENT"}, "minority_position <> ''")
        update("task", {"title": "Woningbouwplan\rEND:VEVENT\rBEGIN:VEVENT\rSUMMARY:Nep",
                        "description": "Doel\x00 van het plan.\uffff",
                        "portfolio_holder": "Wethouder\x1b[2J Wonen",
                        "stakeholders": json.dumps(["Huur\x00ders"])}, "1 = 1")
    setup.amendment = amendment_id
    return setup


def _export(setup, tmp_path, what, fmt) -> bytes:
    out = tmp_path / f"{what}.{fmt}"
    assert main(["export", setup.workspace.label, "--what", what, "--format", fmt, "-o", str(out)]) == 0
    return out.read_bytes()


def _clean(text: str) -> str:
    assert not FORBIDDEN.search(text), repr(FORBIDDEN.search(text).group())
    return text


@pytest.mark.parametrize("what", ["agreement", "amendments"])
def test_word(garbled, tmp_path, capsys, what):
    data = _export(garbled, tmp_path, what, "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if name.endswith((".xml", ".rels")):
                _clean(package.read(name).decode("utf-8"))
    document = docx.Document(io.BytesIO(data))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
    if what == "agreement":
        assert "Raadsakkoord Testdorp[2J" in text and "Wonen" in text and "Woningbouwplan" in text
        assert "We bouwen 500 woningen." in text and "Groene]0;titel Lijst" in text
    else:
        assert "Meer[8m woningen" in text and "Er is vraag." in text
    assert document.core_properties.title.endswith("Raadsakkoord Testdorp[2J")


def test_opendocument(garbled, tmp_path, capsys, qapp):
    from odf import teletype
    from odf.opendocument import load
    from odf.text import H, P

    data = _export(garbled, tmp_path, "agreement", "odt")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        _clean(package.read("content.xml").decode("utf-8"))
    document = load(io.BytesIO(data))
    text = "\n".join(teletype.extractText(e) for kind in (H, P) for e in document.getElementsByType(kind))
    assert "Raadsakkoord Testdorp[2J" in text and "We bouwen 500 woningen." in text and "Wonen" in text


@pytest.mark.parametrize("what", ["agreement", "tasks", "amendments"])
@pytest.mark.parametrize("fmt", ["html", "md"])
def test_html_and_markdown(garbled, tmp_path, capsys, what, fmt):
    text = _clean(_export(garbled, tmp_path, what, fmt).decode("utf-8"))
    assert "Testdorp[2J" in text
    if what == "tasks":
        assert "Huurders" in text and "Doel van het plan." in text


def test_markdown_titles_stay_one_heading(garbled, tmp_path, capsys):
    text = _export(garbled, tmp_path, "agreement", "md").decode("utf-8")
    assert re.search(r"^## 1\.1 Bou wen$", text, re.MULTILINE)


def test_csv(garbled, tmp_path, capsys):
    text = _export(garbled, tmp_path, "tasks", "csv").decode("utf-8-sig")
    _clean(text.replace("\r\n", "\n"))  # the record separator is CR LF
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert len(rows) == 2
    assert rows[1][0] == "Wethouder[2J Wonen" and rows[1][2] == "Doel van het plan." and rows[1][5] == "Huurders"


def test_icalendar_has_exactly_one_event(garbled, tmp_path, capsys):
    import icalendar

    data = _export(garbled, tmp_path, "tasks", "ics")
    text = _clean(data.decode("utf-8").replace("\r\n", "\n"))
    assert "\r" not in text  # only CR LF ends a line
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\n"))
    # Each value stays inside its own line: one event, however many line ends a title held.
    assert len(re.findall(r"^BEGIN:VEVENT$", text, re.MULTILINE)) == 1 and len(re.findall(r"^END:VEVENT$", text, re.MULTILINE)) == 1
    assert all(re.match(r"[A-Z-]+[:;]| ", line) for line in text.strip("\n").split("\n"))
    calendar = icalendar.Calendar.from_ical(data)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    assert str(events[0]["SUMMARY"]) == "Gereed: Woningbouwplan\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:Nep"
    assert str(events[0]["CATEGORIES"].cats[0]) == "Wethouder[2J Wonen"


@pytest.mark.parametrize("what", ["agreement", "tasks", "amendments"])
def test_pdf(garbled, tmp_path, capsys, qapp, what):
    from pypdf import PdfReader

    path = tmp_path / f"{what}.pdf"
    path.write_bytes(_export(garbled, tmp_path, what, "pdf"))
    reader = PdfReader(str(path))
    text = _clean("\n".join(page.extract_text() for page in reader.pages))
    assert "Testdorp[2J" in text.replace("\n", " ")
    assert not FORBIDDEN.search(str(reader.metadata.title or ""))
