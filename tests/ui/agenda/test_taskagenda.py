"""The task agenda window part on the demo workspace: table, filters, sorting, the form, undo, the timeline."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QUndoStack

from raadsakkoord import operations as ops
from raadsakkoord.queries.agenda import Quarter, parse_euro, task_rows
from raadsakkoord.base.errors import ConcurrentEditError, InputError
from raadsakkoord.model import Section, Task, TaskStatus
from raadsakkoord.store.workspace import open_workspace
from tests.ui.conftest import griffie_identity, party_identity
from ui.common.context import Changes, Context
from ui.agenda.view import TaskAgendaView
from ui.agenda.model import BUDGET, DUE, TaskTableModel
from ui.agenda.timelinelayout import layout_timeline

PARTICIPATIE = "wethouder Participatie en Wijken"


class Opened:
    def __init__(self, view: TaskAgendaView, workspace, actor, stack: QUndoStack) -> None:
        self.view, self.workspace, self.actor, self.stack = view, workspace, actor, stack

    def rows(self):
        """The agenda as the core reads it now, in a fresh workspace (not the view's)."""
        ws = open_workspace(self.workspace.label)
        try:
            with ws.action() as session:
                return {r.id: r for r in task_rows(session)}
        finally:
            ws.close()


@pytest.fixture
def open_agenda(qtbot, demo_path):
    opened = []

    def make(party: str | None = None) -> Opened:
        workspace = open_workspace(demo_path)
        actor, label = party_identity(workspace, party) if party else griffie_identity()
        ctx = Context(workspace, actor, label, Changes())
        view = TaskAgendaView()
        qtbot.addWidget(view)
        stack = QUndoStack(view)
        view.bind(ctx, stack)
        view.resize(1400, 900)
        view.show()
        qtbot.waitExposed(view)
        opened.append(workspace)
        return Opened(view, workspace, actor, stack)

    yield make
    for workspace in opened:
        workspace.close()


def _shown(view: TaskAgendaView) -> list:
    return view.proxy.rows()


def _choose(opened: Opened, title: str):
    row = next(r for r in opened.view.model.rows() if r.title == title)
    index = opened.view.proxy.mapFromSource(opened.view.model.index(opened.view.model.row_of(row.id), 0))
    opened.view.table.setCurrentIndex(index)  # as a click on the row does
    assert opened.view.panel.task_id == row.id
    return row


def test_the_table_holds_the_demo_tasks(open_agenda):
    opened = open_agenda()
    expected = opened.rows()
    assert len(expected) == 16
    assert {r.title for r in _shown(opened.view)} == {r.title for r in expected.values()}
    woningbouw = next(r for r in expected.values() if r.title == "Woningbouwprogramma 2027–2030")
    row = opened.view.model.row_of(woningbouw.id)
    texts = [opened.view.model.index(row, c).data() for c in range(8)]
    assert texts == ["Woningbouwprogramma 2027–2030", "wethouder Wonen, Centrum en Dorpen", "adviseren", "gepland",
                     "30 juni 2027", "2027 K2", "€\u00a0350.000", ", ".join(woningbouw.section_numbers)]


def test_filters_keep_exactly_the_right_rows(open_agenda, qtbot):
    opened = open_agenda()
    expected = opened.rows().values()
    opened.view.filters.choose(holder=PARTICIPATIE)
    assert {r.id for r in _shown(opened.view)} == {r.id for r in expected if r.portfolio_holder == PARTICIPATIE}
    opened.view.filters.choose(quarter=Quarter(2027, 4))
    both = {r.id for r in expected if r.portfolio_holder == PARTICIPATIE and r.quarter == Quarter(2027, 4)}
    assert {r.id for r in _shown(opened.view)} == both and len(both) == 2
    opened.view.filters.choose(holder=None)  # "alle portefeuillehouders"
    assert {r.id for r in _shown(opened.view)} == {r.id for r in expected if r.quarter == Quarter(2027, 4)}
    assert opened.view.filters.quarter.currentText() == "2027 K4"
    def says_energie(r):
        return "energie" in " ".join((r.title, r.description, r.portfolio_holder, *r.stakeholders)).casefold()

    qtbot.keyClicks(opened.view.filters.text, "Energie")
    in_k4 = {r.id for r in expected if r.quarter == Quarter(2027, 4) and says_energie(r)}
    assert {r.id for r in _shown(opened.view)} == in_k4 and 0 < len(in_k4) < 6
    opened.view.filters.choose(quarter=None)
    everywhere = {r.id for r in expected if says_energie(r)}
    assert {r.id for r in _shown(opened.view)} == everywhere and len(everywhere) > len(in_k4)
    # The timeline shows what the table shows.
    assert {item.task_id for item in opened.view.timeline.layout_.items} == {r.id for r in _shown(opened.view)}


def test_dates_and_amounts_sort_by_value_empty_ones_last(open_agenda):
    view = open_agenda().view
    view.table.sortByColumn(BUDGET, Qt.SortOrder.AscendingOrder)
    budgets = [r.budget_eur for r in _shown(view)]
    amounts = [b for b in budgets if b is not None]
    assert amounts == sorted(amounts) and budgets[len(amounts):] == [None] * (len(budgets) - len(amounts))
    assert amounts.index(1_500_000) > amounts.index(250_000)  # as text, "€ 1.500.000" would come first
    view.table.sortByColumn(BUDGET, Qt.SortOrder.DescendingOrder)
    budgets = [r.budget_eur for r in _shown(view)]
    assert budgets[0] == 1_500_000 and budgets[-1] is None
    view.table.sortByColumn(DUE, Qt.SortOrder.AscendingOrder)
    dates = [r.due_date for r in _shown(view)]
    assert dates == sorted(dates)  # "1 januari 2028" after "31 december 2027", not before it
    view.table.sortByColumn(DUE, Qt.SortOrder.DescendingOrder)
    assert [r.due_date for r in _shown(view)] == sorted(dates, reverse=True)


def test_editing_the_due_date_and_sections_saves_and_undo_puts_them_back(open_agenda, qtbot, dialogs):
    opened = open_agenda()
    view, panel = opened.view, opened.view.panel
    before = _choose(opened, "Regeling uitdaagrecht")
    assert not panel.save_button.isEnabled()  # nothing changed yet
    panel.due_edit.setDate(QDate(2028, 2, 15))
    add = next(c for c in range(panel.sections.rowCount())
               if panel.sections.choice(c).number == "6.3")
    drop = panel.sections.row_of(before.section_ids[0])
    panel.sections.setData(panel.sections.index(add), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    panel.sections.setData(panel.sections.index(drop), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert panel.save_button.isEnabled()
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert dialogs.shown == []

    after = opened.rows()[before.id]
    assert after.due_date == dt.date(2028, 2, 15)
    assert after.section_numbers == tuple(sorted(set(before.section_numbers[1:]) | {"6.3"}))
    assert (after.title, after.budget_eur, after.version) == (before.title, before.budget_eur, before.version + 1)
    shown = view.model.index(view.model.row_of(before.id), 0).data(TaskTableModel.RowRole)
    assert shown == after and view.panel.row == after and not panel.is_dirty()
    assert opened.stack.count() == 1 and opened.stack.undoText() == "Opdracht 'Regeling uitdaagrecht' wijzigen"

    opened.stack.undo()
    undone = opened.rows()[before.id]
    assert (undone.due_date, undone.section_ids) == (before.due_date, before.section_ids)
    assert panel.row == undone and panel.due_edit.date() == QDate(2027, 12, 31)
    opened.stack.redo()
    assert opened.rows()[before.id].section_numbers == after.section_numbers


def test_an_empty_title_is_refused_with_the_cores_message_and_nothing_is_written(open_agenda, dialogs):
    opened = open_agenda()
    before = _choose(opened, "Dorpsagenda's")
    with pytest.raises(InputError) as refused, opened.workspace.action() as session:
        ops.edit_task(session, opened.actor, before.id, title="   ")
    opened.view.panel.title_edit.clear()
    opened.view.panel.save_button.click()
    assert dialogs.shown == [("Opdracht opslaan", refused.value.message)]
    assert refused.value.message == "De titel van de opdracht mag niet leeg zijn."
    assert opened.rows()[before.id] == before
    assert opened.stack.count() == 0
    assert opened.view.panel.title_edit.text() == "" and opened.view.panel.is_dirty()  # the user's edit stays


def test_an_amount_that_is_no_amount_is_refused_and_nothing_is_written(open_agenda, dialogs):
    opened = open_agenda()
    before = _choose(opened, "Centrumplan Assen 2035")
    opened.view.panel.budget_edit.setText("3 ton")
    opened.view.panel.save_button.click()
    with pytest.raises(InputError) as refused:
        parse_euro("3 ton")
    assert dialogs.shown == [("Opdracht opslaan", refused.value.message)]
    assert opened.rows()[before.id] == before


def test_a_concurrent_change_is_refused_and_the_users_edits_stay_in_the_form(open_agenda, dialogs):
    opened = open_agenda()
    panel = opened.view.panel
    before = _choose(opened, "Jongerenraad opzetten")
    panel.title_edit.setText("Jongerenraad met eigen budget")
    other = open_workspace(opened.workspace.label)  # another clerk, on another machine
    with other.action() as session:
        ops.edit_task(session, ops.Actor.griffie("Gijs Griffier"), before.id, budget_eur=140_000)
    other.close()
    with pytest.raises(ConcurrentEditError) as refused, opened.workspace.action() as session:
        ops.edit_task(session, opened.actor, before.id, expected_version=before.version, title="x")

    panel.save_button.click()
    assert dialogs.shown == [("Opdracht opslaan", refused.value.message)]
    now = opened.rows()[before.id]
    assert (now.title, now.budget_eur) == (before.title, 140_000)  # nothing of ours was written
    assert panel.title_edit.text() == "Jongerenraad met eigen budget"  # our edit stays
    assert panel.budget_edit.text() == "140.000"  # their change shows where we changed nothing
    assert opened.stack.count() == 0

    panel.save_button.click()  # having seen it, save again: ours on top of theirs
    final = opened.rows()[before.id]
    assert (final.title, final.budget_eur) == ("Jongerenraad met eigen budget", 140_000)


def test_a_new_task_is_created_through_the_core(open_agenda, qtbot, dialogs):
    opened = open_agenda()
    panel = opened.view.panel
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    assert panel.is_new and panel.save_button.isEnabled()
    qtbot.keyClicks(panel.title_edit, "Fietsenstalling bij het station")
    panel.holder_combo.setCurrentText("wethouder Klimaat, Energie en Mobiliteit")
    panel.budget_edit.setText("1250000")
    panel.budget_edit.editingFinished.emit()
    assert panel.budget_edit.text() == "1.250.000"
    panel.save_button.click()
    assert dialogs.shown == []
    created = next(r for r in opened.rows().values() if r.title == "Fietsenstalling bij het station")
    assert (created.status, created.budget_eur, created.due_date) == (TaskStatus.PLANNED, 1_250_000, None)
    assert opened.view.model.rowCount() == 17 and panel.row == created
    assert opened.view.filters.quarter.findText("zonder datum") >= 0


def test_leaving_unsaved_edits_asks_first(open_agenda, dialogs):
    opened = open_agenda()
    first = _choose(opened, "Dorpsagenda's")
    opened.view.panel.title_edit.setText("Dorpsagenda's voor elk dorp")
    dialogs.close_choice = "cancel"
    second = next(r for r in opened.view.model.rows() if r.title == "Groenplan en hitteplan")
    assert not opened.view.select_task(second.id)
    assert opened.view.panel.task_id == first.id
    assert opened.view.panel.title_edit.text() == "Dorpsagenda's voor elk dorp"
    current = opened.view.table.currentIndex().data(TaskTableModel.RowRole)
    assert current.id == first.id  # the table stays on the task being edited
    dialogs.close_choice = "save"
    assert opened.view.select_task(second.id)
    assert opened.rows()[first.id].title == "Dorpsagenda's voor elk dorp"
    assert opened.view.panel.task_id == second.id and len(dialogs.shown) == 2


def test_a_party_reads_the_agenda_but_cannot_edit_it(open_agenda):
    opened = open_agenda("GL")
    panel = opened.view.panel
    assert opened.view.model.rowCount() == 16
    _choose(opened, "Wijk- en dorpsbudgetten")
    assert not panel.fields.isEnabled() and not panel.save_button.isEnabled() and not panel.new_button.isEnabled()
    assert not panel.reason.isHidden()
    assert panel.reason.text() == "Alleen de griffie kan opdrachten wijzigen."
    assert not panel.sections.flags(panel.sections.index(0)) & Qt.ItemFlag.ItemIsUserCheckable
    assert not opened.view.save()


def test_opening_a_linked_section(open_agenda, qtbot):
    opened = open_agenda("SP")  # reading is enough to go to a section
    row = _choose(opened, "Woningbouwprogramma 2027–2030")
    panel = opened.view.panel
    index = panel.sections.index(panel.sections.row_of(row.section_ids[0]))
    panel.section_list.scrollTo(index)
    where = panel.section_list.visualRect(index).center()
    with qtbot.waitSignal(opened.view.section_activated) as activated:
        # A real double-click presses first; Qt's views only act on a double-click where the press was.
        qtbot.mouseClick(panel.section_list.viewport(), Qt.MouseButton.LeftButton, pos=where)
        qtbot.mouseDClick(panel.section_list.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert activated.args == [row.section_ids[0]]
    with opened.workspace.action() as session:
        assert session.get(Section, row.section_ids[0]).title in index.data()


def test_item_models_pass_the_model_tester(open_agenda, qtmodeltester):
    opened = open_agenda()
    qtmodeltester.check(opened.view.model)
    opened.view.filters.choose(holder=PARTICIPATIE)
    opened.view.table.sortByColumn(BUDGET, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(opened.view.proxy)
    _choose(opened, "Wijk- en dorpsbudgetten")
    qtmodeltester.check(opened.view.panel.sections)


def test_the_timeline_puts_each_task_in_its_holders_lane_and_quarter(open_agenda, qtbot):
    opened = open_agenda()
    rows = list(opened.rows().values())
    layout = layout_timeline(rows, width=1200, measure=lambda text: 7.0 * len(text), line_height=16)
    assert [lane.holder for lane in layout.lanes] == sorted({r.portfolio_holder for r in rows}, key=str.casefold)
    for r in rows:
        placed = layout.placed(r.id)
        lane = layout.lanes[placed.lane]
        column = next(c for c in layout.columns if c.quarter == r.quarter)
        assert lane.holder == r.portfolio_holder
        assert lane.top < placed.centre.y() < lane.top + lane.height
        assert column.left < placed.centre.x() < column.left + column.width
        assert layout.item_at(placed.centre) == r.id
    titles = [layout.placed(r.id).label_rect for r in rows]
    assert not any(a.intersects(b) for i, a in enumerate(titles) for b in titles[i + 1:])  # titles never overlap

    # A click on a dot in the window chooses that task in the table.
    timeline = opened.view.timeline
    target = next(r for r in rows if r.title == "Groenplan en hitteplan")
    centre = timeline.layout_.placed(target.id).centre
    timeline.parentWidget().parentWidget().ensureVisible(int(centre.x()), int(centre.y()))
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(int(centre.x()), int(centre.y())))
    assert opened.view.table.currentIndex().data(TaskTableModel.RowRole).id == target.id
    assert opened.view.panel.task_id == target.id


def test_an_undated_task_gets_its_own_column(open_agenda):
    opened = open_agenda()
    with opened.workspace.action() as session:
        ident = session.scalars(sa.select(Task.id).where(Task.title == "Dorpsagenda's")).one()
        ops.edit_task(session, opened.actor, ident, due_date=None)
    rows = list(opened.rows().values())
    layout = layout_timeline(rows, width=900, measure=lambda text: 7.0 * len(text), line_height=16)
    last = layout.columns[-1]
    assert last.quarter is None and last.label == "geen datum"
    placed = layout.placed(ident)
    assert last.left < placed.centre.x() < last.left + last.width
