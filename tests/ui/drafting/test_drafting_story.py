"""The drafting story, through the real main window on the demo workspace.

A council member of the SP finds a section by searching, writes an amendment
by typing, sees the tracked changes live, undoes and redoes, saves, records a
position with a minority statement on another party's amendment, closes the
window and finds all of it again.
"""

import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from raadsakkoord.model import Amendment, AmendmentStatus, Endorsement, Position
from raadsakkoord.store.workspace import open_workspace
from tests.ui.conftest import party_identity
from ui.drafting.editor import DraftEditor
from ui.shell.sectionview import AMENDMENTS

ADDED = " Ook hangen we nestkasten voor gierzwaluwen op."


def _open_as_sp(window, demo_path):
    workspace = open_workspace(demo_path)
    identity = party_identity(workspace, "SP", "Jannie Hadders")
    workspace.close()
    assert window.open_workspace(demo_path, identity)
    return identity


def _db(demo_path):
    return open_workspace(demo_path)


def test_the_drafting_story(make_window, demo_path, qtbot, dialogs):
    window = make_window()
    _open_as_sp(window, demo_path)

    # Find the section by searching for a word in its text.
    qtbot.keyClicks(window.navigator.search, "nestkasten")
    qtbot.waitUntil(lambda: window.work.section_view.detail is not None
                    and window.work.section_view.detail.title == "Meer woningen bouwen")
    section = window.work.section_view.detail
    assert window.navigator.proxy.rowCount() == 1  # only the chapter with a match is left

    # Write an amendment by typing into the editor.
    qtbot.mouseClick(window.work.section_view.write_button, Qt.MouseButton.LeftButton)
    editor = window.work.current_editor()
    assert isinstance(editor, DraftEditor)
    qtbot.keyClicks(editor.headline_edit, "Nestkasten voor gierzwaluwen")
    editor.text_edit.setFocus()
    editor.text_edit.moveCursor(QTextCursor.MoveOperation.End)
    for _ in range(len(" en vleermuizen.")):
        qtbot.keyClick(editor.text_edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(editor.text_edit, "." + ADDED)
    typed = editor.text_edit.toPlainText()
    assert typed.endswith("nestkasten voor vogels." + ADDED)

    # The live view shows what changed, as <ins> and <del>.
    qtbot.waitUntil(lambda: editor.live.last is not None and "gierzwaluwen" in editor.live.last.html)
    html = editor.live.last.html
    assert '<del class="rk-del">' in html and "vleermuizen" in html.split('<del class="rk-del">', 1)[1]
    assert '<ins class="rk-ins">' in html and "gierzwaluwen" in html.split('<ins class="rk-ins">', 1)[1]
    assert "gierzwaluwen" in editor.live_view.toPlainText()
    assert "Leesbaarheid" in editor.score.text()

    # Undo and redo, from the Edit menu's actions (Ctrl+Z / Ctrl+Shift+Z).
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert editor.text_edit.toPlainText() == section.text
    qtbot.waitUntil(lambda: "gierzwaluwen" not in editor.live.last.html)
    window.redo_action.trigger()
    assert editor.text_edit.toPlainText() == typed
    # Ctrl+Z typed in the editor goes through the same stack.
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.text_edit.toPlainText() == section.text
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert editor.text_edit.toPlainText() == typed

    # Save (Ctrl+S): a draft amendment in the workspace.
    window.save_action.trigger()
    assert not editor.model.is_dirty
    workspace = _db(demo_path)
    with workspace.action() as s:
        saved = s.scalars(sa.select(Amendment).where(Amendment.headline == "Nestkasten voor gierzwaluwen")).one()
        assert saved.status == AmendmentStatus.DRAFT and saved.proposed_text.endswith(ADDED.strip())
        assert saved.author == "Jannie Hadders"
        # Another party's submitted amendment elsewhere, to record a position on.
        other = s.scalars(sa.select(Amendment).where(Amendment.status == AmendmentStatus.SUBMITTED,
                                                     Amendment.party_id != saved.party_id,
                                                     Amendment.section_id.is_not(None))).first()
        other_id, other_section, other_headline = other.id, other.section_id, other.headline
    workspace.close()

    # Endorse it with a minority position, in the section's amendments tab.
    window.navigator.search.clear()
    qtbot.waitUntil(lambda: window.navigator.select(other_section))
    view = window.work.section_view
    view.setCurrentIndex(AMENDMENTS)
    row = view.amendment_model.row_of(other_id)
    view.amendment_table.selectRow(row)
    assert other_headline in view.amendment_view.toPlainText()
    view.amendment_panel.buttons[Position.OPPOSE].click()
    qtbot.keyClicks(view.amendment_panel.minority, "De SP wil dit anders regelen.")
    qtbot.mouseClick(view.amendment_panel.record_button, Qt.MouseButton.LeftButton)
    assert window.undo_action.text().endswith(f"„{other_headline}”")

    # Close and reopen: everything is still there.
    dialogs.close_choice = "cancel"
    window.close()
    assert not window.isVisible() and dialogs.shown == []  # nothing unsaved, so nothing asked
    again = make_window()
    _open_as_sp(again, demo_path)
    again.navigator.select(section.id)
    view = again.work.section_view
    view.setCurrentIndex(AMENDMENTS)
    mine = [e for e in view.amendment_model._entries if e.headline == "Nestkasten voor gierzwaluwen"]
    assert mine and mine[0].status == AmendmentStatus.DRAFT
    view.amendment_table.selectRow(view.amendment_model.row_of(mine[0].id))
    qtbot.mouseClick(view.open_button, Qt.MouseButton.LeftButton)
    assert again.work.current_editor().text_edit.toPlainText() == typed
    again.navigator.select(other_section)
    view.setCurrentIndex(AMENDMENTS)
    view.amendment_table.selectRow(view.amendment_model.row_of(other_id))
    assert view.amendment_panel.buttons[Position.OPPOSE].isChecked()
    assert view.amendment_panel.minority.toPlainText() == "De SP wil dit anders regelen."
    workspace = _db(demo_path)
    with workspace.action() as s:
        assert s.scalars(sa.select(Endorsement).where(Endorsement.amendment_id == other_id,
                                                      Endorsement.author == "Jannie Hadders")).one()
    workspace.close()


def test_undoing_a_position_puts_the_earlier_one_back(window, demo_path, qtbot):
    _open_as_sp(window, demo_path)
    view = window.work.section_view
    section = view.detail
    before = (section.own_position, section.own_minority)
    view.section_panel.buttons[Position.ABSTAIN].click()
    qtbot.mouseClick(view.section_panel.record_button, Qt.MouseButton.LeftButton)
    assert view.detail.own_position == Position.ABSTAIN
    window.undo_action.trigger()
    assert (view.detail.own_position, view.detail.own_minority) == before
    window.redo_action.trigger()
    assert view.detail.own_position == Position.ABSTAIN


def test_closing_with_unsaved_typing_asks_and_cancel_keeps_the_window(make_window, demo_path, qtbot, dialogs):
    window = make_window()
    _open_as_sp(window, demo_path)
    qtbot.mouseClick(window.work.section_view.write_button, Qt.MouseButton.LeftButton)
    editor = window.work.current_editor()
    qtbot.keyClicks(editor.headline_edit, "Nog niet klaar")
    dialogs.close_choice = "cancel"
    window.close()
    assert window.isVisible() and window.work.current_editor() is editor
    dialogs.close_choice = "discard"
    window.close()
    assert not window.isVisible()


def test_a_refused_save_shows_the_core_message_and_keeps_the_typing(window, demo_path, qtbot, dialogs):
    _open_as_sp(window, demo_path)
    qtbot.mouseClick(window.work.section_view.write_button, Qt.MouseButton.LeftButton)
    editor = window.work.current_editor()
    qtbot.keyClicks(editor.headline_edit, "Kop")
    editor.text_edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Return)
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.text_edit, "# Een hoofdstukkop")
    window.save_action.trigger()
    assert [title for title, _ in dialogs.shown] == ["Ontwerp opslaan"]
    assert "kop" in dialogs.shown[0][1].lower()
    assert editor.model.is_dirty and editor.text_edit.toPlainText().endswith("# Een hoofdstukkop")
