"""Every list and table with actions on a row has a context menu: the menu key, Shift+F10 or a right-click
opens it on the row, it offers what the view's buttons offer, and each entry does that work."""

from __future__ import annotations

import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from raadsakkoord.model import Amendment, AmendmentStatus, Section
from raadsakkoord.store.workspace import open_workspace
from tests.ui.conftest import griffie_identity, party_identity
from tests.ui.test_accessibility_walk import SECTION
from ui.griffie import decisiondialogs
from ui.shell.sectionview import CONSOLIDATION


def open_menu(row_menu, key=Qt.Key.Key_Menu, modifier=Qt.KeyboardModifier.NoModifier):
    """Open the row's menu from the keyboard; the texts of what it offers, and the menu."""
    view = row_menu.view
    view.window().activateWindow()
    view.setFocus(Qt.FocusReason.OtherFocusReason)
    QApplication.processEvents()
    row_menu.menu = None
    QTest.keyClick(view, key, modifier)
    menu = row_menu.menu
    assert menu is not None and menu.isVisible()
    return [a.text() for a in menu.actions() if a.isVisible() and not a.isSeparator()], menu


def choose(menu, text: str) -> None:
    (action,) = [a for a in menu.actions() if a.text() == text]
    assert action.isEnabled(), text
    menu.close()
    action.trigger()


def _section_id(demo_path, title=SECTION):
    workspace = open_workspace(demo_path)
    with workspace.action() as s:
        section_id = s.scalars(sa.select(Section.id).where(Section.title == title)).one()
    workspace.close()
    return section_id


def test_the_navigator_offers_the_sections_buttons_on_the_row_right_clicked(window, demo_path):
    workspace = open_workspace(demo_path)
    identity = party_identity(workspace, "GL")
    workspace.close()
    assert window.open_workspace(demo_path, identity)
    section_id = _section_id(demo_path)
    window.go_to_section(section_id)
    tree = window.navigator.tree
    texts, menu = open_menu(window.navigator_menu, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    assert texts == ["Amendement sch&rijven", "Schra&pping voorstellen"]
    editors = len(window.work.editors)
    choose(menu, "Amendement sch&rijven")
    assert len(window.work.editors) == editors + 1
    assert window.work.editors[-1].model.state.section_id == section_id
    # A right-click on another row acts on that row: the section shown follows the pointer first.
    above = tree.indexAbove(tree.currentIndex())
    tree.customContextMenuRequested.emit(tree.visualRect(above).center())
    assert tree.currentIndex() == above
    assert window.navigator_menu.menu.isVisible()
    window.navigator_menu.menu.close()
    assert window.work.section_view.detail.id != section_id


def test_the_consolidation_lists_decide_and_take_back_from_the_menu(window, demo_path, monkeypatch):
    assert window.open_workspace(demo_path, griffie_identity())
    window.go_to_section(_section_id(demo_path))
    views = window.work.section_view
    views.setCurrentIndex(CONSOLIDATION)
    consolidation = views.consolidation
    consolidation.table.selectRow(0)
    entry = consolidation._selected()
    texts, menu = open_menu(consolidation.table_menu)
    assert texts == ["Aanvinken voor het voorbeeld", "Aan&vaarden", "Gedeeltelijk &overnemen…", "Ve&rwerpen…",
                     "Laten vervallen…"]
    monkeypatch.setattr(decisiondialogs, "ask_note", lambda parent, apply, **_: apply("Past niet in de begroting."))
    choose(menu, "Ve&rwerpen…")
    workspace = window.ctx.workspace
    with workspace.action() as s:
        assert s.get(Amendment, entry.id).status == AmendmentStatus.REJECTED

    consolidation.decided_list.setCurrentIndex(consolidation.decided_model.index(0, 0))
    texts, menu = open_menu(consolidation.decided_menu)
    assert texts == ["Besluit ter&ugdraaien"]
    choose(menu, "Besluit ter&ugdraaien")
    with workspace.action() as s:
        assert s.get(Amendment, entry.id).status == AmendmentStatus.SUBMITTED

    # Return ticks the row for the preview: the one step of the list that changes nothing yet.
    consolidation.table.setFocus()
    consolidation.table.selectRow(0)
    QTest.keyClick(consolidation.table, Qt.Key.Key_Return)
    assert consolidation.choice_model.ticked


def test_the_inbox_rows_offer_reading_in_and_copying(window, demo_path, monkeypatch):
    assert window.open_workspace(demo_path, griffie_identity())
    window.inbox_action.trigger()
    inbox = window.work.currentWidget()
    table = inbox.party_table
    table.setCurrentIndex(table.model().index(0, 0))
    texts, menu = open_menu(inbox.row_menus[0])
    assert texts == ["Pakketten &inlezen…", "&Kopiëren"]
    choose(menu, "&Kopiëren")
    assert QApplication.clipboard().text().split("\t")[0] == table.model().index(0, 0).data()
    chosen = []
    monkeypatch.setattr("ui.exchange.packages.choose_package_files", lambda parent: chosen.append(parent) or [])
    _texts, menu = open_menu(inbox.row_menus[0])
    choose(menu, "Pakketten &inlezen…")
    assert chosen == [inbox]


def test_the_audit_log_filters_on_the_person_and_party_of_a_row(window, demo_path):
    assert window.open_workspace(demo_path, griffie_identity())
    window.audit_action.trigger()
    audit = window.work.currentWidget()
    model = audit.model
    row = next(r for r in range(model.rowCount()) if model.row(r).party)
    person, party = model.row(row).actor, model.row(row).party
    audit.table.setCurrentIndex(model.index(row, 0))
    texts, menu = open_menu(audit.row_menu)
    assert texts == ["Alleen van &deze persoon", "Alleen van deze &fractie", "Fi&lters wissen", "&Kopiëren"]
    choose(menu, "Alleen van &deze persoon")
    assert audit.actor.currentText() == person
    assert {model.row(r).actor for r in range(model.rowCount())} == {person}
    audit.table.setCurrentIndex(model.index(0, 0))
    _texts, menu = open_menu(audit.row_menu)
    choose(menu, "Alleen van deze &fractie")
    assert audit.party.currentText() == party
    assert {model.row(r).party for r in range(model.rowCount())} == {party}
    audit.table.setCurrentIndex(model.index(0, 0))
    _texts, menu = open_menu(audit.row_menu)
    choose(menu, "Fi&lters wissen")
    assert audit.actor.currentIndex() == 0 and audit.party.currentIndex() == 0


def test_the_agenda_rows_offer_a_new_task_and_the_sections_open(window, demo_path):
    assert window.open_workspace(demo_path, griffie_identity())
    window.agenda_action.trigger()
    agenda = window.work.currentWidget()
    agenda.table.selectRow(0)
    assert agenda.panel.row is not None
    texts, menu = open_menu(agenda.row_menu)
    assert texts == ["&Nieuwe opdracht", "&Kopiëren"]
    sections = agenda.panel.section_list
    first = next(r for r in range(sections.model().rowCount()) if sections.model().choice(r) is not None
                 and sections.model().choice(r).id is not None)
    sections.setCurrentIndex(sections.model().index(first, 0))
    wanted = sections.model().choice(first).id
    texts, menu = open_menu(agenda.panel.section_menu, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    assert texts == ["Hoofdli&jn openen"]
    choose(menu, "Hoofdli&jn openen")
    assert window.work.section_view.detail.id == wanted
    window.agenda_action.trigger()
    agenda.table.selectRow(0)
    _texts, menu = open_menu(agenda.row_menu)
    choose(menu, "&Nieuwe opdracht")
    assert agenda.panel.row is None  # the form is empty, for the new task


def test_the_readability_list_opens_a_section_from_the_menu_and_with_return(window, demo_path, qtbot):
    assert window.open_workspace(demo_path, griffie_identity())
    qtbot.waitUntil(lambda: window.readability_report is not None)
    window.readability_action.trigger()
    dialog = window.readability_dialog
    table = dialog.section_table
    table.setCurrentIndex(table.model().index(1, 0))
    number = table.model().index(1, 0).data()
    texts, menu = open_menu(dialog.section_menu)
    assert texts == ["Hoofdli&jn openen", "&Kopiëren"]
    choose(menu, "Hoofdli&jn openen")
    assert window.work.section_view.detail.number == number
    table.setCurrentIndex(table.model().index(2, 0))
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_Return)
    assert window.work.section_view.detail.number == table.model().index(2, 0).data()
    dialog.close()


def test_the_support_matrix_opens_a_section_and_copies_its_row(window, demo_path):
    assert window.open_workspace(demo_path, griffie_identity())
    window.support_action.trigger()
    support = window.work.currentWidget()
    matrix = support.table
    section_id = _section_id(demo_path)
    assert matrix.select_section(section_id)
    texts, menu = open_menu(matrix.row_menu)
    assert texts == ["Hoofdli&jn openen", "&Kopiëren"]
    choose(menu, "&Kopiëren")
    assert SECTION in QApplication.clipboard().text()
    _texts, menu = open_menu(matrix.row_menu)
    choose(menu, "Hoofdli&jn openen")
    assert window.work.section_view.detail.id == section_id
