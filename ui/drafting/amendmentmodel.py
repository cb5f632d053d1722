"""The amendments on one section as a table: number, party, headline, status, support.

A subamendment stands right under its amendment, its number indented.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from raadsakkoord.queries.drafting import AmendmentEntry
from raadsakkoord.base.i18n import tr
from raadsakkoord.model import AmendmentKind, CoSubmissionState
from raadsakkoord.queries.labels import KIND_LABELS, STATUS_LABELS

_Index = QModelIndex | QPersistentModelIndex

def status_name(entry: AmendmentEntry) -> str:
    text = tr(STATUS_LABELS[entry.status])
    if entry.needs_rework and entry.is_open:
        text += " — " + tr("botst met de nieuwe tekst")
    if entry.asked == CoSubmissionState.REQUESTED and entry.is_open:
        text += " — " + tr("uw fractie is gevraagd als mede-indiener")
    return text


class AmendmentTableModel(QAbstractTableModel):
    EntryRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._entries: tuple[AmendmentEntry, ...] = ()

    def set_entries(self, entries: tuple[AmendmentEntry, ...]) -> None:
        self.beginResetModel()
        self._entries = entries
        self.endResetModel()

    def entry(self, row: int) -> AmendmentEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def row_of(self, amendment_id) -> int:
        return next((i for i, e in enumerate(self._entries) if e.id == amendment_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (tr("Nummer"), tr("Indieners"), tr("Kop"), tr("Status"), tr("Steun"))[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if role == self.EntryRole:
            return entry
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return ("    ↳ " if entry.parent_id is not None else "") + entry.shown_label
            if column == 1:
                return entry.submitters
            if column == 2:
                if entry.parent_id is not None:
                    prefix = tr("[subamendement op {label}] ").format(label=entry.parent_label or "…")
                else:
                    prefix = "" if entry.kind == AmendmentKind.MODIFY else f"[{tr(KIND_LABELS[entry.kind])}] "
                return prefix + entry.headline
            if column == 3:
                return status_name(entry)
            return f"{entry.support.support_seats}/{entry.support.council_seats}"
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            if entry.lines:
                return entry.headline + "\n" + tr("Wijzigt {lines} van de tekst.").format(lines=entry.lines)
            return entry.headline
        if role == Qt.ItemDataRole.AccessibleTextRole and column == 0 and entry.parent_id is not None:
            return tr("{label}, subamendement op {parent}").format(label=entry.shown_label,
                                                                   parent=entry.parent_label or "…")
        if role == Qt.ItemDataRole.ForegroundRole and not entry.is_open:
            return QColor("#6b6b6b")
        if role == Qt.ItemDataRole.ForegroundRole and column == 3 and entry.needs_rework:
            return QColor("#a15c00")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
