"""The task agenda as a table, and the proxy that filters and sorts it by value."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from raadsakkoord.queries.agenda import Quarter, TaskRow, section_number_key
from raadsakkoord.base.i18n import tr
from raadsakkoord.model import ParticipationLevel, TaskStatus
from ui.agenda.labels import STATUS_COLOURS, date_text, euro_text, holder_name, level_name, status_name

_Index = QModelIndex | QPersistentModelIndex

TITLE, HOLDER, LEVEL, STATUS, DUE, QUARTER, BUDGET, SECTIONS = range(8)
_LEVEL_ORDER = {level: i for i, level in enumerate(ParticipationLevel)}
_STATUS_ORDER = {status: i for i, status in enumerate(TaskStatus)}


def _headers() -> tuple[str, ...]:
    return (tr("Opdracht"), tr("Portefeuillehouder"), tr("Participatieniveau"), tr("Status"),
            tr("Uiterste datum"), tr("Kwartaal"), tr("Budget"), tr("Hoofdlijnen"))


def sort_key(row: TaskRow, column: int):
    """What a column sorts by: dates and amounts by value, levels up the ladder; ``None`` when empty."""
    if column == TITLE:
        return row.title.casefold()
    if column == HOLDER:
        return row.portfolio_holder.casefold() or None
    if column == LEVEL:
        return _LEVEL_ORDER[row.participation_level]
    if column == STATUS:
        return _STATUS_ORDER[row.status]
    if column == DUE:
        return row.due_date
    if column == QUARTER:
        return row.quarter
    if column == BUDGET:
        return row.budget_eur
    return tuple(section_number_key(n) for n in row.section_numbers) or None


class TaskTableModel(QAbstractTableModel):
    RowRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[TaskRow] = []

    def set_rows(self, rows: list[TaskRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[TaskRow]:
        return list(self._rows)

    def task(self, row: int) -> TaskRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, task_id: uuid.UUID) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == task_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 8

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _headers()[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == self.RowRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == BUDGET and row.budget_eur is None:
            return tr("geen budget")  # an empty cell reads as nothing at all
        if role == Qt.ItemDataRole.ToolTipRole and column == TITLE:
            return row.title + ("\n\n" + row.description if row.description else "")
        if role == Qt.ItemDataRole.ToolTipRole and column == HOLDER:
            return holder_name(row.portfolio_holder)
        if role == Qt.ItemDataRole.DecorationRole and column == STATUS:
            return QColor(STATUS_COLOURS[row.status])
        if role == Qt.ItemDataRole.ForegroundRole and row.status == TaskStatus.DROPPED:
            return QColor("#6b6b6b")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == BUDGET:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _text(row: TaskRow, column: int) -> str:
        if column == TITLE:
            return row.title
        if column == HOLDER:
            return holder_name(row.portfolio_holder)
        if column == LEVEL:
            return level_name(row.participation_level)
        if column == STATUS:
            return status_name(row.status)
        if column == DUE:
            return date_text(row.due_date)
        if column == QUARTER:
            return row.quarter.label if row.quarter else ""
        if column == BUDGET:
            return euro_text(row.budget_eur)
        return ", ".join(row.section_numbers)


NO_DATE = "no-date"  # the quarter filter's choice for tasks without a due date


@dataclass(frozen=True)
class TaskFilter:
    """What the filter bar asks for; ``None`` means any."""

    holder: str | None = None  # "" is "not yet assigned"
    level: ParticipationLevel | None = None
    status: TaskStatus | None = None
    quarter: Quarter | str | None = None  # a Quarter, or NO_DATE
    text: str = ""

    def accepts(self, row: TaskRow) -> bool:
        if self.holder is not None and row.portfolio_holder != self.holder:
            return False
        if self.level is not None and row.participation_level != self.level:
            return False
        if self.status is not None and row.status != self.status:
            return False
        if self.quarter == NO_DATE:
            if row.due_date is not None:
                return False
        elif self.quarter is not None and row.quarter != self.quarter:
            return False
        words = self.text.casefold().split()
        if words:
            haystack = " ".join((row.title, row.description, row.portfolio_holder, " ".join(row.stakeholders),
                                 " ".join(row.section_numbers))).casefold()
            return all(word in haystack for word in words)
        return True


class TaskFilterProxy(QSortFilterProxyModel):
    """Filters on the task's fields, not on display text; sorts by value, empty cells last either way."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._filter = TaskFilter()
        self._keys: dict[int, list] = {}  # per column, the sort key of every source row

    def setSourceModel(self, model: TaskTableModel) -> None:
        super().setSourceModel(model)
        model.modelReset.connect(self._keys.clear)

    def _key(self, index: _Index):
        column = index.column()
        if column not in self._keys:
            model: TaskTableModel = self.sourceModel()
            self._keys[column] = [sort_key(r, column) for r in model.rows()]
        return self._keys[column][index.row()]

    @property
    def task_filter(self) -> TaskFilter:
        return self._filter

    def set_filter(self, task_filter: TaskFilter) -> None:
        if task_filter == self._filter:
            return
        self.beginFilterChange()
        self._filter = task_filter
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def rows(self) -> list[TaskRow]:
        """The rows left after filtering, in the shown order."""
        return [self.index(r, 0).data(TaskTableModel.RowRole) for r in range(self.rowCount())]

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        row = self.sourceModel().task(source_row)
        return row is not None and self._filter.accepts(row)

    def lessThan(self, left: _Index, right: _Index) -> bool:
        a, b = self._key(left), self._key(right)
        if a is None or b is None:
            # Qt sorts descending by asking the other way round; keep the empty ones last anyway.
            if self.sortOrder() == Qt.SortOrder.AscendingOrder:
                return a is not None
            return a is None and b is not None
        return a < b
