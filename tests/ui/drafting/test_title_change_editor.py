"""In the amendment editor a party gives the section it amends a new title, with or without new words."""

from PySide6.QtCore import Qt

from raadsakkoord.model import Amendment
from raadsakkoord.store.workspace import open_workspace
from tests.ui.conftest import party_identity
from ui.drafting.editor import DraftEditor
from ui.shell.sectionview import AMENDMENTS


def test_a_new_title_typed_in_the_editor_is_saved_with_the_draft(make_window, demo_path, qtbot, dialogs):
    workspace = open_workspace(demo_path)
    identity = party_identity(workspace, "SP", "Jannie Hadders")
    workspace.close()
    window = make_window()
    assert window.open_workspace(demo_path, identity)
    qtbot.keyClicks(window.navigator.search, "nestkasten")
    qtbot.waitUntil(lambda: window.work.section_view.detail is not None
                    and window.work.section_view.detail.title == "Meer woningen bouwen")
    section = window.work.section_view.detail
    qtbot.mouseClick(window.work.section_view.write_button, Qt.MouseButton.LeftButton)
    editor = window.work.current_editor()
    assert isinstance(editor, DraftEditor)
    assert editor.title_edit.isVisibleTo(editor) and editor.title_edit.text() == ""
    qtbot.keyClicks(editor.headline_edit, "Een duidelijker titel")
    qtbot.keyClicks(editor.title_edit, "Woningen bouwen voor iedereen")
    assert editor.save()

    workspace = open_workspace(demo_path)
    with workspace.action() as s:
        amendment = s.get(Amendment, editor.model.state.amendment_id)
        assert (amendment.proposed_title, amendment.proposed_text) == ("Woningen bouwen voor iedereen", section.text)
        assert amendment.section_id == section.id
    workspace.close()

    # The section's list of amendments shows the title change, old against new.
    view = window.work.section_view
    view.setCurrentIndex(AMENDMENTS)
    qtbot.waitUntil(lambda: view.amendment_model.row_of(amendment.id) >= 0)
    view.amendment_table.selectRow(view.amendment_model.row_of(amendment.id))
    qtbot.waitUntil(lambda: "Woningen bouwen voor iedereen" in view.amendment_view.toPlainText())
    assert "Nieuwe titel: Meer woningen bouwen Woningen bouwen voor iedereen" in view.amendment_view.toPlainText()
