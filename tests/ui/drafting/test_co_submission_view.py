"""Co-submission in the window: the submitter sees where each request stands, the asked party answers it."""

import sqlalchemy as sa
from PySide6.QtCore import Qt

from raadsakkoord import operations as ops
from raadsakkoord.model import Amendment, AmendmentKind, Party, Section
from raadsakkoord.store.workspace import open_workspace
from tests.ui.conftest import party_identity
from ui.shell.navigator import AMENDMENTS as AMENDMENTS_COLUMN
from ui.shell.sectionview import AMENDMENTS

HEADLINE = "Buurtbatterijen in elke wijk"


def _sp_asks_gl_and_cda(demo_path):
    workspace = open_workspace(demo_path)
    try:
        with workspace.action() as s:
            parties = {p.short_name: p.id for p in s.scalars(sa.select(Party))}
            section = s.scalars(sa.select(Section).where(Section.title == "Meer woningen bouwen")).one()
            amendment = ops.propose_amendment(
                s, ops.Actor.of_party(parties["SP"], "Jannie Hadders"), kind=AmendmentKind.MODIFY,
                section_id=section.id, headline=HEADLINE, text=section.text + "\n\nElke wijk krijgt een buurtbatterij.",
                co_party_ids=[parties["GL"], parties["CDA"]], submit=True)
            ops.decline_co_submission(s, ops.Actor.of_party(parties["CDA"], "Carla de Vries"), amendment.id)
            return amendment.id, section.id
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


def test_the_asked_party_confirms_with_the_keyboard_and_the_submitter_sees_it(make_window, demo_path, qtbot,
                                                                                dialogs):
    amendment_id, section_id = _sp_asks_gl_and_cda(demo_path)

    # The submitting party sees each request with where it stands.
    window = make_window()
    view = _show(window, qtbot, demo_path, "SP", "Jannie Hadders", section_id, amendment_id)
    assert "Mede-indieners: GL (gevraagd), CDA (afgewezen)" in view.amendment_view.toPlainText()
    assert not view.co_submission_panel.isVisible()
    window.close()

    # GL, asked, sees the request in the list and in the amendment, and confirms it with the keyboard.
    window = make_window()
    view = _show(window, qtbot, demo_path, "GL", "Gerrit Groen", section_id, amendment_id)
    # The navigator marks the section that holds a request to GL, in words for the tooltip and a screen reader.
    model = window.navigator.model
    cell = model.find_section(section_id).siblingAtColumn(AMENDMENTS_COLUMN)
    assert cell.data().endswith("✉")
    assert cell.data(Qt.ItemDataRole.ToolTipRole).endswith("uw fractie is gevraagd als mede-indiener van 1 ervan")
    row = view.amendment_model.row_of(amendment_id)
    status = view.amendment_model.index(row, 3).data()
    assert status.endswith("uw fractie is gevraagd als mede-indiener")
    panel = view.co_submission_panel
    assert panel.isVisible() and "SP vraagt uw fractie" in panel.label.text()
    # Another party's declined request is none of GL's business: GL sees only its own request.
    assert "Mede-indieners: GL (gevraagd)" in view.amendment_view.toPlainText()
    assert "CDA" not in view.amendment_view.toPlainText().split("Mede-indieners:")[1].splitlines()[0]
    # With the keyboard: the button takes focus and Space presses it.
    panel.confirm_button.setFocus()
    assert panel.confirm_button.focusPolicy() & Qt.FocusPolicy.TabFocus
    qtbot.keyClick(panel.confirm_button, Qt.Key.Key_Space)
    assert dialogs.shown == []
    workspace = open_workspace(demo_path)
    with workspace.action() as s:
        [gl] = [c for c in s.get(Amendment, amendment_id).co_submissions if c.party.short_name == "GL"]
        assert (gl.state, gl.answered_by) == ("confirmed", "Gerrit Groen")
    workspace.close()
    # The view follows: GL's name is now under the amendment, and confirming again is not offered.
    qtbot.waitUntil(lambda: "Mede-indieners: GL (bevestigd)" in view.amendment_view.toPlainText())
    assert not panel.confirm_button.isEnabled() and panel.decline_button.isEnabled()
    assert "bevestigd" in panel.label.text()
    qtbot.waitUntil(lambda: not cell.data().endswith("✉"))
    window.close()

    window = make_window()
    view = _show(window, qtbot, demo_path, "SP", "Jannie Hadders", section_id, amendment_id)
    assert "Mede-indieners: GL (bevestigd), CDA (afgewezen)" in view.amendment_view.toPlainText()
