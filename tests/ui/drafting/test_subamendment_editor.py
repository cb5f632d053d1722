"""A party writes a subamendment on another party's amendment in the window, with tracked changes against its text."""

import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from raadsakkoord import operations as ops
from raadsakkoord.model import Amendment, AmendmentKind, AmendmentStatus, Party, Section
from raadsakkoord.store.workspace import open_workspace
from tests.ui.conftest import party_identity
from ui.shell.sectionview import AMENDMENTS

ADDED = " Ook op daken van scholen."


def _sp_amends(demo_path):
    workspace = open_workspace(demo_path)
    try:
        with workspace.action() as s:
            parties = {p.short_name: p.id for p in s.scalars(sa.select(Party))}
            section = s.scalars(sa.select(Section).where(Section.title == "Meer woningen bouwen")).one()
            amendment = ops.propose_amendment(
                s, ops.Actor.of_party(parties["SP"], "Jannie Hadders"), kind=AmendmentKind.MODIFY,
                section_id=section.id, headline="Buurtbatterijen", submit=True,
                text=section.text + "\n\nElke wijk krijgt een buurtbatterij.")
            return amendment.id, amendment.label, amendment.proposed_text, section.id
    finally:
        workspace.close()


def _show(window, qtbot, demo_path, short, person, section_id, amendment_id):
    workspace = open_workspace(demo_path)
    identity = party_identity(workspace, short, person)
    workspace.close()
    assert window.open_workspace(demo_path, identity)
    qtbot.waitUntil(lambda: window.navigator.select(section_id))
    view = window.work.section_view
    view.setCurrentIndex(AMENDMENTS)
    view.amendment_table.selectRow(view.amendment_model.row_of(amendment_id))
    return view


def test_another_party_writes_and_submits_a_subamendment_shown_under_the_amendment(make_window, demo_path, qtbot,
                                                                                   dialogs):
    amendment_id, label, text, section_id = _sp_amends(demo_path)
    window = make_window()
    view = _show(window, qtbot, demo_path, "GL", "Femke Oosting", section_id, amendment_id)
    row = view.amendment_model.row_of(amendment_id)
    assert view.amendment_model.headerData(0, Qt.Orientation.Horizontal) == "Nummer"
    assert view.amendment_model.index(row, 0).data() == label
    assert view.subamend_action.isEnabled() and view.subamend_button.isEnabled()
    assert view.subamend_action in view.amendment_table.actions()  # the table's context menu
    view.subamend_action.trigger()
    editor = window.work.currentWidget()
    assert editor.heading.text() == f"Subamendement op amendement {label} (hoofdlijn " + \
        editor.model.state.target_label.removeprefix("hoofdlijn ") + ")"
    assert editor.text_edit.toPlainText() == text  # the amendment's text is the base
    qtbot.keyClicks(editor.headline_edit, "Ook op scholen")
    editor.text_edit.setFocus()
    editor.text_edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor.text_edit, ADDED)
    # Tracked changes while typing: only what the subamendment adds to the amendment's text.
    qtbot.waitUntil(lambda: "Ook op daken van scholen" in editor.live_view.toHtml())
    assert "buurtbatterij" not in "".join(editor.live_view.toHtml().split("<ins")[1:]).split("</ins>")[0] \
        if "<ins" in editor.live_view.toHtml() else True
    dialogs.answers = [True]
    editor.submit()
    assert not [shown for shown in dialogs.shown if shown[0] != "Amendement indienen"]
    workspace = open_workspace(demo_path)
    try:
        with workspace.action() as s:
            [sub] = s.get(Amendment, amendment_id).subamendments
            assert (sub.status, sub.proposed_text, sub.party.short_name) == (
                AmendmentStatus.SUBMITTED, text + ADDED, "GL")
            sub_id, sub_label = sub.id, sub.label
    finally:
        workspace.close()
    # The list shows it right under its amendment, indented, with its number.
    window.work.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.amendment_model.row_of(sub_id) == view.amendment_model.row_of(amendment_id) + 1)
    cell = view.amendment_model.index(view.amendment_model.row_of(sub_id), 0).data()
    assert cell.strip() == f"↳ {sub_label}"
    view.amendment_table.selectRow(view.amendment_model.row_of(sub_id))
    assert f"Subamendement op amendement {label}" in view.amendment_view.toPlainText()
    # One cannot subamend a subamendment, nor one's own amendment.
    assert not view.subamend_action.isEnabled()
    view.grab().save("/tmp/h19sub-party-list.png")


def test_the_submitting_party_cannot_subamend_its_own_amendment(make_window, demo_path, qtbot):
    amendment_id, _label, _text, section_id = _sp_amends(demo_path)
    window = make_window()
    view = _show(window, qtbot, demo_path, "SP", "Jannie Hadders", section_id, amendment_id)
    assert not view.subamend_action.isEnabled() and not view.subamend_button.isEnabled()
