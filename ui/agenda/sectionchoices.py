"""The sections a task follows from, as a list of check boxes."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from raadsakkoord.queries.agenda import SectionChoice
from raadsakkoord.base.i18n import tr

_Index = QModelIndex | QPersistentModelIndex


class SectionChoiceModel(QAbstractListModel):
    """Sections in number order; withdrawn or rejected ones only while a task still links to them."""

    IdRole = Qt.ItemDataRole.UserRole + 1
    checked_changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._all: list[SectionChoice] = []
        self._shown: list[SectionChoice] = []
        self._checked: set[uuid.UUID] = set()
        self._editable = True

    def set_choices(self, choices: list[SectionChoice]) -> None:
        self._all = list(choices)
        self._reshow()

    def set_checked(self, section_ids) -> None:
        self._checked = set(section_ids)
        self._reshow()

    def set_editable(self, editable: bool) -> None:
        self.beginResetModel()
        self._editable = editable
        self.endResetModel()

    def checked(self) -> list[uuid.UUID]:
        """The ticked sections, in number order."""
        return [c.id for c in self._shown if c.id in self._checked]

    def choice(self, row: int) -> SectionChoice | None:
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def row_of(self, section_id: uuid.UUID) -> int:
        return next((i for i, c in enumerate(self._shown) if c.id == section_id), -1)

    def _reshow(self) -> None:
        self.beginResetModel()
        self._shown = [c for c in self._all if not c.gone or c.id in self._checked]
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._shown)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._editable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        choice = self._shown[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = f"{choice.number}  {choice.title}"
            return text + "  " + tr("(ingetrokken of verworpen)") if choice.gone else text
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if choice.id in self._checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{choice.number}  {choice.title}\n" + tr("Dubbelklik om hoofdlijn {number} te openen").format(
                number=choice.number)
        if role == Qt.ItemDataRole.ForegroundRole and choice.gone:
            return QColor("#6b6b6b")
        if role == self.IdRole:
            return choice.id
        return None

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole or not self._editable:
            return False
        ident = self._shown[index.row()].id
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._checked.add(ident)
        else:
            self._checked.discard(ident)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checked_changed.emit()
        return True
