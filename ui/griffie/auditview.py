"""The audit log: who did what when, newest first, with filters and the state of the hash chain.

The table model holds one page of events at a time more than the view has
shown (``canFetchMore``/``fetchMore``), read off the GUI thread by the core's
``auditlog.audit_page``; a log of 100,000 events opens as fast as a small one.
Verifying the chain reads every event, so it runs off the GUI thread too.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from raadsakkoord.base import i18n
from raadsakkoord.jobs.audit import ChainState, check_chain_at
from raadsakkoord.queries.auditlog import (
    GRIFFIE,
    KINDS,
    AuditChoices,
    AuditFilter,
    AuditRow,
    audit_choices,
    audit_count,
    audit_page,
)
from raadsakkoord.base.errors import UserError
from raadsakkoord.base.i18n import tr, trn
from ui.common import messages
from ui.common.context import Context
from ui.common.flowlayout import FlowLayout, labelled
from ui.common.background import TaskRunner
from ui.common.render import local_time
from ui.common.rowmenu import RowMenu, button_action, copy_action

_Index = QModelIndex | QPersistentModelIndex
PAGE = 500
BROKEN_BACKGROUND = QColor("#fbe1e1")
BROKEN_TEXT = QColor("#7a0e0e")


def number_text(n: int) -> str:
    """122093 → "122.093" in Dutch, "122,093" in English."""
    grouped = f"{n:,}"
    return grouped.replace(",", ".") if i18n.language() == "nl" else grouped


class AuditTableModel(QAbstractTableModel):
    """Events newest first; more are fetched a page at a time as the view scrolls down."""

    COLUMNS = 6

    def __init__(self, runner: TaskRunner, parent=None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._rows: list[AuditRow] = []
        self._fetch: Callable[[int | None], list[AuditRow]] | None = None
        self._more = False
        self._loading = False
        self._generation = 0
        self.broken_seq: int | None = None
        self.on_error: Callable[[BaseException], None] = lambda error: None

    def set_source(self, fetch: Callable[[int | None], list[AuditRow]] | None) -> None:
        """Start over with a new page reader (``fetch(before_seq)``); None empties the table."""
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._fetch = fetch
        self._more = fetch is not None
        self._loading = False
        self.endResetModel()
        if fetch is not None:
            self.fetchMore(QModelIndex())

    def mark_broken(self, seq: int | None) -> None:
        self.broken_seq = seq
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))

    def row(self, number: int) -> AuditRow:
        return self._rows[number]

    @property
    def loaded(self) -> int:
        return len(self._rows)

    # -- lazy loading ------------------------------------------------------------------------

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        self._loading = True
        generation, fetch = self._generation, self._fetch
        before = self._rows[-1].seq if self._rows else None
        self.runner.run(lambda: fetch(before), lambda page: self._arrived(generation, page),
                        lambda error: self._failed(generation, error))

    def _arrived(self, generation: int, page: list[AuditRow]) -> None:
        if generation != self._generation:
            return  # the filter changed meanwhile
        self._loading = False
        self._more = len(page) >= PAGE
        if page:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self._loading = False
            self._more = False
            self.on_error(error)

    # -- the table ---------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (tr("Nr."), tr("Tijd"), tr("Wie"), tr("Fractie"), tr("Wat"), tr("Details"))[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(row.seq), local_time(row.at), row.actor, row.party or tr("griffie"), row.description,
                    row.details)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 1:
                return local_time(row.at, seconds=True)
            if column == 5 and row.details:
                return row.details
            if column == 4:
                return row.action  # the technical name, for the helpdesk
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if row.seq == self.broken_seq:
            if role == Qt.ItemDataRole.BackgroundRole:
                return BROKEN_BACKGROUND
            if role == Qt.ItemDataRole.ForegroundRole:
                return BROKEN_TEXT
        return None


SHOWN_PROBLEMS = 12  # the rest is one line more; the command line lists them all


def chain_line(state: ChainState) -> str:
    report = state.report
    checked = tr("Gecontroleerd om {time}:").format(time=state.checked_at.strftime("%H:%M"))
    if report.ok:
        line = checked + " " + trn(
            "de keten van {count} gebeurtenis is intact; er is niets achteraf gewijzigd of weggehaald.",
            "de keten van {count} gebeurtenissen is intact; er is niets achteraf gewijzigd of weggehaald.",
            report.events).format(count=number_text(report.events))
        return "\n".join([line, *report.lines()[1:]])
    if report.chain.ok:
        line = checked + " " + trn(
            "de keten van {count} gebeurtenis is intact, maar de werkruimte klopt er niet mee:",
            "de keten van {count} gebeurtenissen is intact, maar de werkruimte klopt er niet mee:",
            report.events).format(count=number_text(report.events))
    else:
        where = tr("Let op: de keten is verbroken bij gebeurtenis {seq}").format(seq=number_text(report.broken_at))
        if state.broken is not None:
            where += " " + tr("({when}, {actor}: {what})").format(
                when=local_time(state.broken.at), actor=state.broken.actor, what=state.broken.description)
        intact = trn("De {count} gebeurtenis daarvoor is intact.", "De {count} gebeurtenissen daarvoor zijn intact.",
                     report.events).format(count=number_text(report.events))
        line = f"{checked} {where}. {report.message} {intact}"
    found = [f"• {problem}" for problem in report.problems[:SHOWN_PROBLEMS]]
    if len(report.problems) > SHOWN_PROBLEMS:
        found.append(trn("• en nog {count} andere afwijking.", "• en nog {count} andere afwijkingen.",
                         len(report.problems) - SHOWN_PROBLEMS).format(count=len(report.problems) - SHOWN_PROBLEMS))
    return "\n".join([line, *found])


@dataclass(frozen=True)
class FirstLoad:
    choices: AuditChoices
    total: int


class AuditView(QWidget):
    """The audit log with its filters; ``bind(ctx)`` to a workspace, ``refresh()`` after changes."""

    def __init__(self, parent: QWidget | None = None, *, runner: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.ctx: Context | None = None
        self.runner = runner or TaskRunner(self)
        self.total: int | None = None
        self.chain: ChainState | None = None
        self._stale = False
        self._checking = False
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(300)
        self._refresh_timer.timeout.connect(self.refresh)

        self.chain_label = QLabel()
        self.chain_label.setWordWrap(True)
        self.chain_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check_button = QPushButton(tr("Keten opnieuw &controleren"))
        self.check_button.setToolTip(tr("Reken van elke gebeurtenis na of ze sinds het vastleggen ongewijzigd is"))
        self.check_button.clicked.connect(self.verify)
        top = QHBoxLayout()
        top.addWidget(self.chain_label, 1)
        top.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignTop)

        self.actor = QComboBox()
        self.party = QComboBox()
        self.kind = QComboBox()
        self.use_dates = QCheckBox(tr("&Periode van"))
        self.since = self._date_edit()
        self.until = self._date_edit()
        self.since.setAccessibleName(tr("Vanaf datum"))
        self.until.setAccessibleName(tr("Tot en met datum"))
        self.clear_button = QPushButton(tr("Fi&lters wissen"))
        self.count_label = QLabel()
        filters = FlowLayout(spacing=12)
        for text, combo in ((tr("W&ie:"), self.actor), (tr("&Fractie:"), self.party), (tr("&Soort:"), self.kind)):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            filters.addWidget(labelled(text, combo))
        period = QWidget()
        period_row = QHBoxLayout(period)
        period_row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.use_dates, self.since, QLabel(tr("tot en met")), self.until):
            period_row.addWidget(widget)
        filters.addWidget(period)
        filters.addWidget(self.clear_button)

        self.model = AuditTableModel(self.runner, self)
        self.model.on_error = self._report
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move within it
        self.table.setModel(self.model)
        self.table.setAccessibleName(tr("Logboek"))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        metrics = self.fontMetrics()
        party_width = max(70, metrics.horizontalAdvance(tr("griffie")) + 16)  # "clerk's office" in English
        widths = (60, max(130, metrics.horizontalAdvance("00-00-0000 00:00") + 16), 150, party_width, 250)
        for column, width in enumerate(widths):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setStretchLastSection(True)

        # The filters, set from the row: whose events, which party's; and the row itself to the clipboard.
        only_person = QAction(tr("Alleen van &deze persoon"), self.table)
        only_person.triggered.connect(lambda: self._filter_on_row(
            self.actor, lambda row: self.actor.findData(row.actor)))
        only_party = QAction(tr("Alleen van deze &fractie"), self.table)
        # The party filter holds ids and the row a short name; a row without one is the griffie's.
        only_party.triggered.connect(lambda: self._filter_on_row(
            self.party, lambda row: self.party.findText(row.party) if row.party else self.party.findData(GRIFFIE)))
        self.row_menu = RowMenu(self.table, [only_person, only_party, button_action(self.clear_button), None,
                                             copy_action(self.table)])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        self._fill_choices(AuditChoices((), ()))
        for combo in (self.actor, self.party, self.kind):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.use_dates.toggled.connect(self._dates_toggled)
        self.since.dateChanged.connect(self.apply_filter)
        self.until.dateChanged.connect(self.apply_filter)
        self.clear_button.clicked.connect(self.clear_filters)
        self._dates_toggled(False)

    @staticmethod
    def _date_edit() -> QDateEdit:
        edit = QDateEdit(QDate.currentDate())
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd-MM-yyyy")
        return edit

    # -- binding and loading -----------------------------------------------------------------

    def bind(self, ctx: Context | None) -> None:
        if self.ctx is not None:
            for signal in (self.ctx.changes.outline, self.ctx.changes.section):
                signal.disconnect(self._changed)
        self.ctx = ctx
        self.chain = None
        self.model.mark_broken(None)
        if ctx is None:
            self.model.set_source(None)
            self.chain_label.clear()
            self.count_label.clear()
            return
        ctx.changes.outline.connect(self._changed)
        ctx.changes.section.connect(self._changed)
        self.chain_label.setStyleSheet("")
        self.chain_label.setText(tr("De keten van gebeurtenissen wordt gecontroleerd…"))
        self.refresh()  # the chain is verified once the first events are shown (it reads them all)

    def refresh(self) -> None:
        """Read the choices, the count and the first page again (after new events)."""
        ctx = self.ctx
        if ctx is None:
            return
        self._stale = False
        flt = self.current_filter()  # read here: widgets belong to the GUI thread

        def load() -> FirstLoad:
            with ctx.action() as session:
                return FirstLoad(audit_choices(session), audit_count(session, flt))

        self.runner.run(load, lambda first: self._loaded(ctx, flt, first), self._report)

    def _loaded(self, ctx: Context, flt: AuditFilter, first: FirstLoad) -> None:
        if ctx is not self.ctx:
            return
        self._fill_choices(first.choices)
        # The count is for the filter it was made with; a filter changed meanwhile is counted anew.
        self._load_rows(first.total if self.current_filter() == flt else None)
        if self.chain is None:
            self.verify()

    def _load_rows(self, total: int | None = None) -> None:
        ctx, flt = self.ctx, self.current_filter()
        self.total = total
        self._show_count()

        def fetch(before: int | None) -> list[AuditRow]:
            with ctx.action() as session:
                return audit_page(session, flt, before=before, limit=PAGE)

        self.model.set_source(fetch)
        if total is None:
            def count() -> int:
                with ctx.action() as session:
                    return audit_count(session, flt)

            self.runner.run(count, lambda n: self._counted(flt, n), self._report)

    def _counted(self, flt: AuditFilter, n: int) -> None:
        if flt == self.current_filter():
            self.total = n
            self._show_count()

    def _show_count(self) -> None:
        if self.total is None:
            self.count_label.setText(tr("Gebeurtenissen tellen…"))
            return
        filtered = self.current_filter() != AuditFilter()
        self.count_label.setText((trn("{count} gebeurtenis voldoet aan de filters.",
                                      "{count} gebeurtenissen voldoen aan de filters.", self.total) if filtered
                                  else trn("{count} gebeurtenis in het logboek.",
                                           "{count} gebeurtenissen in het logboek.", self.total)).format(
            count=number_text(self.total)) + " " + tr("Nieuwste eerst."))

    def _changed(self, *args) -> None:
        if self.isVisible():
            self._refresh_timer.start()
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _report(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            messages.show_error(self, tr("Logboek"), error.message)
        else:
            raise error

    # -- the chain ---------------------------------------------------------------------------

    def verify(self) -> None:
        ctx = self.ctx
        if ctx is None or self._checking:
            return
        self._checking = True
        self.check_button.setEnabled(False)
        self.chain_label.setStyleSheet("")
        self.chain_label.setText(tr("De keten van gebeurtenissen wordt gecontroleerd…"))

        def failed(error: BaseException) -> None:
            self._checking = False
            self.check_button.setEnabled(True)
            self.chain_label.setText(tr("De keten kon niet worden gecontroleerd."))
            self._report(error)

        # Read-only, so safe to run again if the worker process dies under it.
        self.runner.run_in_process(check_chain_at, (ctx.workspace.target, i18n.language()),
                                   lambda state: self._verified(ctx, state), failed, retry_if_stopped=True)

    def _verified(self, ctx: Context, state: ChainState) -> None:
        self._checking = False
        self.check_button.setEnabled(True)
        if ctx is not self.ctx:
            return
        self.chain = state
        ok = state.report.ok
        self.chain_label.setStyleSheet("color: #1b5e20;" if ok else "color: #b71c1c; font-weight: bold;")
        self.chain_label.setText(chain_line(state))
        self.model.mark_broken(state.report.broken_at)

    # -- filters -----------------------------------------------------------------------------

    def _fill_choices(self, choices: AuditChoices) -> None:
        keep = (self.actor.currentData(), self.party.currentData(), self.kind.currentData())
        for combo in (self.actor, self.party, self.kind):
            combo.blockSignals(True)
            combo.clear()
        self.actor.addItem(tr("Iedereen"), None)
        for name in choices.actors:
            self.actor.addItem(name, name)
        self.party.addItem(tr("Alle fracties en de griffie"), None)
        self.party.addItem(tr("Griffie"), GRIFFIE)
        for party_id, short_name in choices.parties:
            self.party.addItem(short_name, str(party_id))  # a string: QComboBox.findData cannot compare UUIDs
        self.kind.addItem(tr("Alle soorten"), None)
        for key, label in KINDS.items():
            self.kind.addItem(tr(label), key)
        for combo, value in zip((self.actor, self.party, self.kind), keep):
            combo.setCurrentIndex(max(combo.findData(value), 0) if value is not None else 0)
            combo.blockSignals(False)

    def current_filter(self) -> AuditFilter:
        since = until = None
        if self.use_dates.isChecked():
            start, end = self.since.date(), self.until.date()
            since = dt.datetime(start.year(), start.month(), start.day()).astimezone()
            until = (dt.datetime(end.year(), end.month(), end.day()) + dt.timedelta(days=1)).astimezone()
        party = self.party.currentData()
        if party not in (None, GRIFFIE):
            party = uuid.UUID(party)
        return AuditFilter(self.actor.currentData(), party, self.kind.currentData(), since, until)

    def apply_filter(self) -> None:
        if self.ctx is not None:
            self._load_rows()

    def _dates_toggled(self, on: bool) -> None:
        self.since.setEnabled(on)
        self.until.setEnabled(on)
        self.apply_filter()

    def set_period(self, since: dt.date, until: dt.date) -> None:
        """Filter on a period of days, both included."""
        for edit, day in ((self.since, since), (self.until, until)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        if self.use_dates.isChecked():
            self.apply_filter()
        else:
            self.use_dates.setChecked(True)

    def _filter_on_row(self, combo: QComboBox, choice_of) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        found = choice_of(self.model.row(index.row()))
        if found >= 0:
            combo.setCurrentIndex(found)  # the combo's own signal reloads the rows

    def clear_filters(self) -> None:
        for widget in (self.actor, self.party, self.kind, self.use_dates):
            widget.blockSignals(True)
        self.actor.setCurrentIndex(0)
        self.party.setCurrentIndex(0)
        self.kind.setCurrentIndex(0)
        self.use_dates.setChecked(False)
        self.since.setEnabled(False)
        self.until.setEnabled(False)
        for widget in (self.actor, self.party, self.kind, self.use_dates):
            widget.blockSignals(False)
        self.apply_filter()
