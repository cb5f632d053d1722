"""More of what a user does in the window: propose a new section or a deletion, confirm stale
positions in one go, send the party's package, and survive an unexpected error."""

import sys

import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from raadsakkoord.queries.drafting import section_badges
from raadsakkoord.model import Amendment, AmendmentKind, AmendmentStatus, PackageRecord
from raadsakkoord.store.workspace import open_workspace
from tests.ui.conftest import party_identity
from ui.common import messages
from ui.shell.app import _install_excepthook
from ui.shell.sectionview import AMENDMENTS


def _open_as(window, path, short="SP"):
    workspace = open_workspace(path)
    who = party_identity(workspace, short, "Jannie Hadders")
    workspace.close()
    assert window.open_workspace(path, who)
    return who


def _amendments(path, headline):
    workspace = open_workspace(path)
    with workspace.action() as s:
        found = [(a.kind, a.status, a.proposed_title, a.chapter_id, a.section_id)
                 for a in s.scalars(sa.select(Amendment).where(Amendment.headline == headline))]
    workspace.close()
    return found


def test_proposing_a_new_section_from_a_chapter(window, demo_path, qtbot):
    _open_as(window, demo_path)
    chapter = window.outline.chapters[2]
    window.navigator.select(chapter.id)
    view = window.work.section_view
    assert view.new_section_button.isVisible() and not view.write_button.isVisible()
    qtbot.mouseClick(view.new_section_button, Qt.MouseButton.LeftButton)
    editor = window.work.current_editor()
    assert editor.title_edit.isVisible()
    qtbot.keyClicks(editor.title_edit, "Spreekuur in de wijk")
    qtbot.keyClicks(editor.headline_edit, "Een spreekuur in elke wijk")
    qtbot.keyClicks(editor.text_edit, "Elke maand is er in elke wijk een spreekuur van de gemeente.")
    qtbot.waitUntil(lambda: editor.live.last is not None and "spreekuur" in editor.live.last.html)
    window.save_action.trigger()
    assert _amendments(demo_path, "Een spreekuur in elke wijk") == [
        (AmendmentKind.NEW_SECTION, AmendmentStatus.DRAFT, "Spreekuur in de wijk", chapter.id, None)]
    # The chapter now lists the proposal.
    window.navigator.select(chapter.sections[0].id)
    window.navigator.select(chapter.id)
    view.setCurrentIndex(AMENDMENTS)
    assert [e.headline for e in view.amendment_model._entries] == ["Een spreekuur in elke wijk"]
    assert view.tabText(AMENDMENTS) == "&Voorstellen (1)"


def test_proposing_a_deletion_and_submitting_it(window, demo_path, qtbot, dialogs):
    _open_as(window, demo_path)
    section = window.work.section_view.detail
    qtbot.mouseClick(window.work.section_view.delete_button, Qt.MouseButton.LeftButton)
    editor = window.work.current_editor()
    assert editor.text_edit.isReadOnly()
    qtbot.waitUntil(lambda: editor.live.last is not None and "rk-del" in editor.live.last.html)
    qtbot.keyClicks(editor.headline_edit, "Schrappen: dubbel met 1.2")
    dialogs.answers = [True]  # "Indienen"
    qtbot.mouseClick(editor.submit_button, Qt.MouseButton.LeftButton)
    assert _amendments(demo_path, "Schrappen: dubbel met 1.2") == [
        (AmendmentKind.DELETE, AmendmentStatus.SUBMITTED, "", None, section.id)]
    assert editor.model.state.submitted and editor.headline_edit.isReadOnly()
    assert not window.undo_action.isEnabled()  # a submitted text has nothing left to undo


def test_confirming_every_stale_position_in_one_action_and_undoing_it(window, demo_path):
    _open_as(window, demo_path)
    with window.ctx.action() as s:
        stale = [sid for sid, b in section_badges(s, window.ctx.party_id).items() if b.own_stale]
    assert stale  # the demo's second round left some of the SP's positions on older texts
    window.confirm_all_action.trigger()
    with window.ctx.action() as s:
        assert not any(b.own_stale for b in section_badges(s, window.ctx.party_id).values())
    assert "bevestigd" in window.statusBar().currentMessage()
    window.undo_action.trigger()
    with window.ctx.action() as s:
        assert sorted(sid for sid, b in section_badges(s, window.ctx.party_id).items() if b.own_stale) == sorted(stale)


def test_sending_the_party_package_from_the_menu(window, demo_path, tmp_path, monkeypatch, qtbot):
    _open_as(window, demo_path)
    target = tmp_path / "SP-pakket.rkpkg"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert window.export_package_action.text().startswith("Fractie")
    window.export_package_action.trigger()
    qtbot.waitUntil(lambda: target.exists())
    from raadsakkoord.exchange.envelope import read_package

    assert read_package(target.read_bytes(), str(target)).kind == "party"  # whole and signed
    workspace = open_workspace(demo_path)
    with workspace.action() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(PackageRecord).where(PackageRecord.direction == "out")) == 1
    workspace.close()
    assert target.name in window.statusBar().currentMessage()


def test_an_unexpected_error_shows_details_and_the_window_keeps_working(window, demo_path, dialogs, monkeypatch):
    _open_as(window, demo_path)
    details = []
    monkeypatch.setattr(messages, "show_bug", lambda parent, text, detail="": details.append((text, detail)))
    previous = sys.excepthook
    _install_excepthook(window)
    try:
        try:
            raise ZeroDivisionError("deling door nul")
        except ZeroDivisionError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = previous
    assert details[0][0] == "ZeroDivisionError: deling door nul"
    assert "Traceback" in details[0][1] and "test_window_actions.py" in details[0][1]
    window.navigator.select(window.outline.chapters[1].sections[0].id)
    assert window.work.section_view.detail.number == "2.1"


def test_the_window_speaks_english_when_chosen_and_qt_follows(qapp, make_window, settings):
    from PySide6.QtCore import QCoreApplication

    from raadsakkoord.base import i18n
    from ui.shell.app import apply_language
    from ui.shell.settingsdialog import LANGUAGE_KEY

    settings.setValue(LANGUAGE_KEY, "en")
    translator = apply_language(qapp)
    try:
        window = make_window()
        assert [a.text() for a in window.menuBar().actions()][:2] == ["&File", "&Edit"]
        assert window.open_action.text() == "&Open…"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    finally:
        if translator is not None:
            qapp.removeTranslator(translator)
        settings.setValue(LANGUAGE_KEY, "nl")
        i18n.set_language("nl")
    translator = apply_language(qapp)
    try:
        # Qt's own buttons in Dutch too, from Qt's shipped translations.
        assert translator is not None
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuleren"
        assert make_window().open_action.text() == "&Openen…"
    finally:
        qapp.removeTranslator(translator)


def test_the_task_agenda_opens_as_a_tab_and_jumps_to_a_linked_section(window, demo_path):
    from tests.ui.conftest import griffie_identity
    from ui.agenda.view import TaskAgendaView

    assert window.open_workspace(demo_path, griffie_identity())
    window.agenda_action.trigger()
    agenda = window.work.currentWidget()
    assert isinstance(agenda, TaskAgendaView)
    assert window.work.tabText(window.work.currentIndex()) == "Uitwerkingsagenda"
    window.agenda_action.trigger()  # a second time: the same tab, not another
    assert len(window.work.tools()) == 1
    target = window.outline.chapters[1].sections[1]
    agenda.section_activated.emit(target.id)
    assert window.work.currentIndex() == 0 and window.work.section_view.detail.id == target.id


def test_the_support_matrix_opens_as_a_tab_and_jumps_to_a_section(window, demo_path, qtbot):
    from tests.ui.conftest import griffie_identity
    from ui.support.view import SupportView

    assert window.open_workspace(demo_path, griffie_identity())
    window.support_action.trigger()
    view = window.work.currentWidget()
    assert isinstance(view, SupportView)
    target = window.outline.chapters[3].sections[2]
    view.section_activated.emit(target.id)
    assert window.work.currentIndex() == 0 and window.work.section_view.detail.id == target.id


def test_working_as_someone_else_reopens_the_workspace_with_the_new_identity(window, demo_path, monkeypatch):
    from tests.ui.conftest import griffie_identity

    _open_as(window, demo_path)
    asked = []
    monkeypatch.setattr(window, "choose_identity", lambda workspace: asked.append(workspace.label) or griffie_identity())
    window.switch_identity_action.trigger()
    assert asked == [demo_path]
    assert window.ctx.actor.is_griffie and "griffie" in window.identity_label.text()
