"""The main window, driven as a user would: open a workspace, pick a section, read it."""

import pytest
from PySide6.QtCore import Qt

from ui import messages
from ui.app import configure_application
from ui.mainwindow import MainWindow


@pytest.fixture
def window(qtbot, qapp):
    configure_application(qapp)
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_opening_a_workspace_shows_chapters_sections_and_text(window, setup):
    assert window.open_workspace(setup.workspace.label)
    model = window.model
    assert model.rowCount() == 2
    wonen = model.index(0, 1)
    assert wonen.data() == "Wonen"
    assert [model.index(r, 0, model.index(0, 0)).data() for r in range(model.rowCount(model.index(0, 0)))] == ["1.1", "1.2"]
    assert "Raadsakkoord Testdorp" in window.windowTitle()
    # The first section is selected and its text is shown.
    assert "We bouwen 500 woningen." in window.text.toPlainText()
    huur = model.index(1, 0, model.index(0, 0))
    window.tree.setCurrentIndex(huur)
    assert "De huren stijgen niet harder" in window.text.toPlainText()
    assert model.index(1, 2, model.index(0, 0)).data() == "0/15"


def test_support_column_counts_current_endorsements(window, setup):
    from raadsakkoord import operations as ops
    from raadsakkoord.model import Position

    with setup.workspace.action() as s:
        ops.endorse_section(s, setup.groen_actor, setup.bouwen, Position.SUPPORT)
        ops.endorse_section(s, setup.blauw_actor, setup.bouwen, Position.SUPPORT)
    window.open_workspace(setup.workspace.label)
    cell = window.model.index(0, 2, window.model.index(0, 0))
    assert cell.data() == "10/15"
    assert "brede steun" in cell.data(Qt.ItemDataRole.ToolTipRole)


def test_html_in_a_section_is_shown_as_text(window, setup):
    from raadsakkoord import operations as ops

    with setup.workspace.action() as s:
        ops.revise_section(s, setup.griffie, setup.bouwen, 'We bouwen <b>vet</b> <script>alert(1)</script>.',
                           reason="test")
    window.open_workspace(setup.workspace.label)
    assert "<b>vet</b>" in window.text.toPlainText()


def test_a_bad_file_gets_a_dutch_message_and_keeps_the_open_workspace(window, setup, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(messages, "show_error", lambda parent, title, text: shown.append(text))
    window.open_workspace(setup.workspace.label)
    bogus = tmp_path / "brief.docx"
    bogus.write_bytes(b"PK\x03\x04 niet een werkruimte")
    assert not window.open_workspace(str(bogus))
    assert shown == [f"{bogus} is geen Raadsakkoord-werkruimte."]
    assert window.workspace is not None and window.model.rowCount() == 2


def test_model_passes_the_qt_model_tester(qtmodeltester, setup):
    from raadsakkoord.outline import agreement_outline
    from ui.navigator import NavigatorModel

    model = NavigatorModel()
    with setup.workspace.action() as s:
        outline = agreement_outline(s)
    model.set_outline(outline.chapters, outline.council_seats)
    qtmodeltester.check(model)
