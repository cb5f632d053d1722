"""The task agenda (uitwerkingsagenda): filters, the table, the timeline, and the form to edit a task.

The view loads plain rows through the core (raadsakkoord.queries.agenda), saves
through the core's operations as undoable steps (ui.agenda.commands), and
keeps the user's unsaved edits when the list reloads under them.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from raadsakkoord.queries.agenda import TaskRow, portfolio_holders, section_choices, task_rows
from raadsakkoord.base.errors import InputError
from raadsakkoord.base.i18n import tr
from ui.common import messages
from ui.common.context import Context
from ui.common.rowmenu import RowMenu, button_action, copy_action
from ui.agenda.commands import Saved, create_task, save_task
from ui.agenda.filters import TaskFilterBar
from ui.agenda.model import DUE, HOLDER, TITLE, TaskFilterProxy, TaskTableModel
from ui.agenda.panel import TaskPanel
from ui.agenda.timeline import TimelinePane


class TaskAgendaView(QWidget):
    section_activated = Signal(object)  # section id, to show in the agreement

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx: Context | None = None
        self.stack: QUndoStack | None = None
        self._selecting = False
        self._saving = False
        self._mark_pending = False
        self.model = TaskTableModel(self)
        self.proxy = TaskFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filters = TaskFilterBar()
        self.filters.changed.connect(self.proxy.set_filter)
        self.table = self._make_table()
        self.timeline_pane = TimelinePane()
        self.timeline = self.timeline_pane.timeline
        self.timeline.task_clicked.connect(self.select_task)
        self.timeline.set_source(self.proxy.rows)
        self.panel = TaskPanel()
        self.panel.save_requested.connect(self.save)
        self.panel.discard_requested.connect(self._discard)
        self.panel.new_requested.connect(self._start_new)
        self.panel.section_activated.connect(self.section_activated)
        self._make_row_menu()
        for signal in (self.proxy.modelReset, self.proxy.layoutChanged, self.proxy.rowsInserted,
                       self.proxy.rowsRemoved):
            signal.connect(self._shown_rows_changed)

        panel_scroll = QScrollArea()
        panel_scroll.setWidget(self.panel)
        panel_scroll.setWidgetResizable(True)
        panel_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        panel_scroll.setMinimumWidth(self.panel.minimumSizeHint().width() + 2 * panel_scroll.frameWidth()
                                     + panel_scroll.verticalScrollBar().sizeHint().width())
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.table)
        left.addWidget(self.timeline_pane)
        left.setStretchFactor(0, 1)
        left.setStretchFactor(1, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(panel_scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([1100, 400])  # proportions; the form needs about 400 pixels
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.splitter, 1)

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setTabKeyNavigation(False)  # Tab moves on to the next control; arrows move between cells
        table.setModel(self.proxy)
        table.setAccessibleName(tr("Uitwerkingsopdrachten"))
        table.setSortingEnabled(True)
        table.sortByColumn(DUE, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column, width in ((TITLE, 220), (HOLDER, 160)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        header.setResizeContentsPrecision(64)  # measure a sample of rows, not all of a long agenda
        table.selectionModel().currentRowChanged.connect(self._current_changed)
        return table

    def _make_row_menu(self) -> None:
        # A task row shows in the form beside it; its menu offers a new task and the row to copy.
        panel = self.panel
        self.row_menu = RowMenu(self.table, [button_action(panel.new_button), None, copy_action(self.table)])

    # -- binding and loading --------------------------------------------------------------

    def bind(self, ctx: Context, stack: QUndoStack) -> None:
        if self.ctx is not None:
            self.ctx.changes.outline.disconnect(self.refresh)
        self.ctx = ctx
        self.stack = stack
        # Section numbers move when sections are added or reordered.
        ctx.changes.outline.connect(self.refresh)
        if ctx.actor.is_griffie:
            self.panel.set_editable(True)
        else:
            self.panel.set_editable(False, tr("Alleen de griffie kan opdrachten wijzigen."))
        self.panel.show_nothing()
        self.refresh()

    def refresh(self, select: uuid.UUID | None = None) -> None:
        """Reload the agenda and show ``select``; else the chosen task stays, and unsaved edits stay in the form."""
        if self.ctx is None:
            return
        with self.ctx.action() as session:
            rows = task_rows(session)
            choices = section_choices(session)
            holders = portfolio_holders(session)
        self.panel.set_choices(choices, holders)
        self.model.set_rows(rows)
        self.filters.set_rows(rows)
        by_id = {r.id: r for r in rows}
        shown = self.panel.row
        if select is not None and select in by_id:
            self.panel.show_task(by_id[select])
        elif shown is not None:
            newer = by_id.get(shown.id)
            if newer is None:
                self.panel.show_nothing()
            elif self.panel.is_dirty():
                if newer.version != shown.version:
                    self.panel.rebase(newer)  # someone else saved: their values under the user's edits
            elif newer != shown:
                self.panel.show_task(newer)
        self._mark_in_table(self.panel.task_id)

    def _shown_rows_changed(self, *_args) -> None:
        """Filtering or sorting: the timeline shows what the table shows, and a task shown again is marked again.

        One filter change sends a signal per block of rows; the work is done once, after the last.
        """
        self.timeline.invalidate()
        if not self._mark_pending:
            self._mark_pending = True
            QTimer.singleShot(0, self, self._mark_again)

    def _mark_again(self) -> None:
        self._mark_pending = False
        self._mark_in_table(self.panel.task_id)

    # -- choosing a task ------------------------------------------------------------------

    def select_task(self, task_id: uuid.UUID) -> bool:
        """Show a task in the form and the table, as if the user clicked it; False if the user kept their edits."""
        if task_id == self.panel.task_id:
            self._mark_in_table(task_id)
            return True
        if not self._may_leave():
            self._mark_in_table(self.panel.task_id)
            return False
        row = self.model.task(self.model.row_of(task_id))
        if row is None:
            return False
        self.panel.show_task(row)
        self._mark_in_table(task_id)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._selecting or not current.isValid():
            return  # a filter that hides the task leaves the form as it is
        row: TaskRow = current.data(TaskTableModel.RowRole)
        self.select_task(row.id)

    def _mark_in_table(self, task_id: uuid.UUID | None) -> None:
        """Select the task's row without asking anything (the form already shows it)."""
        self._selecting = True
        try:
            source_row = self.model.row_of(task_id) if task_id else -1
            index = self.proxy.mapFromSource(self.model.index(source_row, 0)) if source_row >= 0 else QModelIndex()
            selection = self.table.selectionModel()
            if index.isValid():
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                          | QItemSelectionModel.SelectionFlag.Rows)
                self.table.scrollTo(index)
            else:
                selection.clearSelection()
        finally:
            self._selecting = False
        self.timeline.set_selected(task_id)

    def _may_leave(self) -> bool:
        """Unsaved edits in the form: save them, throw them away, or stay."""
        if not (self.panel.is_dirty() or (self.panel.is_new and self.panel.title_edit.text().strip())):
            return True
        answer = messages.ask_three(
            self, tr("Wijzigingen in de opdracht"),
            tr("U heeft de opdracht gewijzigd maar nog niet opgeslagen. Wat wilt u met uw wijzigingen doen?"),
            save=tr("Opslaan"), discard=tr("Weggooien"), cancel=tr("Blijven"))
        if answer == "save":
            return self.save()
        return answer == "discard"

    def _start_new(self) -> None:
        if self._may_leave():
            self.panel.start_new()
            self._mark_in_table(None)

    def _discard(self) -> None:
        if self.panel.row is not None:
            self.panel.show_task(self.panel.row)
        else:
            self.panel.show_nothing()

    # -- saving ---------------------------------------------------------------------------

    def save(self) -> bool:
        """Save the form through the core; True when it was written (or nothing had changed)."""
        if self.ctx is None or self.stack is None or not self.panel.editable or self.panel.base is None:
            return False  # nothing to save: no workspace, a party reading, or no task in the form
        try:
            fields = self.panel.values()
        except InputError as exc:
            messages.show_error(self, tr("Opdracht opslaan"), exc.message)
            return False
        self._saving = True
        try:
            if self.panel.is_new:
                return create_task(self.ctx, fields, self._applied, self) is not None
            result = save_task(self.ctx, self.stack, self.panel.row, fields, self._applied, self)
        finally:
            self._saving = False
        if result == Saved.CONFLICT:
            self.refresh()  # shows the other clerk's values, merged under the user's edits
        return result in (Saved.SAVED, Saved.UNCHANGED)

    def _applied(self, task_id: uuid.UUID) -> None:
        """A save, undo or redo changed this task: show it, unless the form holds edits not yet saved."""
        keep_form = not self._saving and (self.panel.is_dirty() or self.panel.is_new)
        self.refresh(select=None if keep_form else task_id)
