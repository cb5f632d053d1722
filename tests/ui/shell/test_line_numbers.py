"""The reading view shows a section text in the numbered lines of the exports, each number beside its line."""

from __future__ import annotations

import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from raadsakkoord import operations as ops
from raadsakkoord.diffing import number_lines
from raadsakkoord.model import Section
from raadsakkoord.store.workspace import open_workspace
from tests.ui.conftest import griffie_identity
from ui.drafting.amendmentmodel import AmendmentTableModel
from ui.shell.sectionview import AMENDMENTS


def _rows(view) -> list[tuple[str, str]]:
    """The (number, text) rows of the numbered table in a text view, as the reader sees them."""
    document = view.document()
    cursor = QTextCursor(document)
    while not cursor.atEnd() and cursor.currentTable() is None:
        cursor.movePosition(QTextCursor.MoveOperation.NextBlock)
    table = cursor.currentTable()
    assert table is not None and table.columns() == 2
    rows = []
    for row in range(table.rows()):
        cells = []
        for column in range(2):
            cell = table.cellAt(row, column)
            start, end = cell.firstCursorPosition(), cell.lastCursorPosition()
            start.setPosition(end.position(), QTextCursor.MoveMode.KeepAnchor)
            cells.append(start.selectedText())
        rows.append((cells[0], cells[1]))
    return rows


def test_a_demo_section_is_shown_in_its_numbered_lines(make_window, demo_path, qtbot):
    with open_workspace(demo_path).action() as s:
        section = s.scalars(sa.select(Section).where(Section.title == "Betaalbaar wonen")).one()
        section_id, text = section.id, section.current_revision.text
    window = make_window()
    assert window.open_workspace(demo_path, griffie_identity())
    window.navigator.select(section_id)
    lines = number_lines(text)
    assert len(lines) > 5
    rows = _rows(window.work.section_view.text_view)
    assert [number for number, _ in rows] == [str(line.number) for line in lines]
    for (_, shown), line in zip(rows, lines, strict=True):
        shown = shown.replace("\u00a0", " ")
        assert "".join(shown.split()).endswith("".join(line.text.split())), (shown, line.text)
    window.work.section_view.text_view.grab().save("/tmp/h19lines-reading.png")


def test_the_amendment_list_says_which_lines_an_amendment_changes(make_window, setup, qtbot):
    long = " ".join(f"In wijk {n} bouwen wij betaalbare woningen voor starters en ouderen." for n in range(1, 8))
    with setup.workspace.action() as s:
        ops.revise_section(s, setup.griffie, setup.bouwen, long, reason="uitgebreid")
        changed = long.replace("wijk 5 ", "wijk vijf ")
        ops.propose_amendment(s, setup.rood_actor, kind="modify", section_id=setup.bouwen, headline="Vijf",
                              text=changed, submit=True)
    at = long.index("wijk 5")
    expected = next(line.number for line in number_lines(long) if line.start <= at < line.end)
    window = make_window()
    assert window.open_workspace(setup.workspace.label, griffie_identity())
    window.navigator.select(setup.bouwen)
    view = window.work.section_view
    view.setCurrentIndex(AMENDMENTS)
    model = view.amendment_table.model()
    while not isinstance(model, AmendmentTableModel):
        model = model.sourceModel()
    row = next(r for r in range(model.rowCount()) if model.entry(r).headline == "Vijf")
    tip = model.index(row, 2).data(Qt.ItemDataRole.ToolTipRole)  # the headline's column
    assert tip == f"Vijf\nWijzigt regel {expected} van de tekst."


def test_the_editor_says_which_lines_of_the_base_the_typed_change_touches(make_window, setup, qtbot):
    from PySide6.QtGui import QTextCursor

    from ui.drafting.editor import DraftEditor

    long = " ".join(f"In wijk {n} bouwen wij betaalbare woningen voor starters en ouderen." for n in range(1, 8))
    with setup.workspace.action() as s:
        ops.revise_section(s, setup.griffie, setup.bouwen, long, reason="uitgebreid")
    window = make_window()
    assert window.open_workspace(setup.workspace.label, (setup.rood_actor, "Ruud Rood (RP)"))
    window.navigator.select(setup.bouwen)
    qtbot.mouseClick(window.work.section_view.write_button, Qt.MouseButton.LeftButton)
    editor = window.work.current_editor()
    assert isinstance(editor, DraftEditor)
    editor.text_edit.setFocus()
    editor.text_edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor.text_edit, " Ook in het centrum.")
    last = number_lines(long)[-1].number
    qtbot.waitUntil(lambda: editor.live.last is not None and "centrum" in editor.live.last.html)
    assert f"Wijzigt regel {last} van de tekst." in editor.live_view.toPlainText()
    # The tracked changes stand on the base's numbered lines, the numbers in the margin.
    rows = _rows(editor.live_view)
    assert [number for number, _ in rows] == [str(line.number) for line in number_lines(long)]
    for (_, shown), line in zip(rows[:-1], number_lines(long)[:-1]):
        assert " ".join(shown.split()) == " ".join(line.text.split())
    assert rows[-1][1].replace("\u00a0", " ").endswith("Ook in het centrum.")
    editor.live_view.grab().save("/tmp/h19lines-editor.png")
