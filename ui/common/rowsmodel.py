"""A table model over a tuple of plain rows, replaced whole when the data is read again."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex

_Index = QModelIndex | QPersistentModelIndex


class RowsTableModel(QAbstractTableModel):
    """Subclasses set COLUMNS and answer headerData and data from ``self.row(n)``."""

    COLUMNS = 0

    def __init__(self, parent=None, rows: tuple = ()) -> None:
        super().__init__(parent)
        self._rows = tuple(rows)

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def row(self, number: int):
        return self._rows[number]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.COLUMNS
