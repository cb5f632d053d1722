"""The consolidation view's item models: the open amendments with a tick for the preview, the conflict grid,
and the decisions of this round.

Thin models over ``raadsakkoord.queries.consolidation.ConsolidationDetail``; the
choice of which amendments go into the preview is the only state kept here.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from raadsakkoord.queries.consolidation import ConsolidationDetail, DecidedAmendment, OpenAmendment
from raadsakkoord.base.i18n import tr
from raadsakkoord.model import AmendmentKind
from raadsakkoord.queries.labels import KIND_LABELS, STATUS_LABELS, submitters
from ui.common.render import local_time
from ui.common.supportbar import support_in_words

_Index = QModelIndex | QPersistentModelIndex
_Role = Qt.ItemDataRole

CONFLICT_BACKGROUND = QColor("#f4c7c3")
CONFLICT_FOREGROUND = QColor("#8c1d18")
SAME_BACKGROUND = QColor("#e4e4e4")
BLOCKED_FOREGROUND = QColor("#767676")
REWORK_FOREGROUND = QColor("#8a4b00")


def amendment_label(entry: OpenAmendment) -> str:
    """"A3 „Meer woningen” (SP)": how messages and tooltips name an amendment."""
    return tr("{number} „{headline}” ({party})").format(number=shown_number(entry), headline=entry.headline,
                                                      party=entry.party)


def shown_number(entry: OpenAmendment) -> str:
    """The griffie's number (A3, A3.1); an amendment read in before numbers existed keeps its place in the list."""
    return entry.label or str(entry.number)


class AmendmentChoiceModel(QAbstractTableModel):
    """The section's open amendments; the first column's tick puts one in the preview.

    A tick that would combine two colliding amendments is refused: the row is
    greyed with the reason in its tooltip, and ``refused`` carries the reason
    when the clerk tries anyway.
    """

    NUMBER, PARTY, HEADLINE, SUPPORT, CONFLICTS = range(5)
    EntryRole = _Role.UserRole + 1
    ticked_changed = Signal()  # by the clerk; not on set_detail
    refused = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.detail: ConsolidationDetail | None = None
        self._ticked: list[uuid.UUID] = []
        # Each row: the entry and its index in ``detail.amendments`` (-1 for a subamendment,
        # shown right under its amendment: it is decided on its own, never ticked into the preview).
        self._rows: list[tuple[OpenAmendment, int]] = []

    def set_detail(self, detail: ConsolidationDetail, keep: list[uuid.UUID] = ()) -> None:
        """Show the section; ``keep`` are ticks to carry over where still possible."""
        self.beginResetModel()
        self.detail = detail
        self._rows = []
        for index, entry in enumerate(detail.amendments):
            self._rows.append((entry, index))
            self._rows.extend((sub, -1) for sub in detail.subamendments_of(entry.id))
        self._ticked = []
        for ident in keep:
            row = self.row_of(ident)
            if row >= 0 and self.blocked_by(row) is None:
                self._ticked.append(ident)
        self.endResetModel()

    @property
    def ticked(self) -> list[uuid.UUID]:
        return list(self._ticked)

    def entry(self, row: int) -> OpenAmendment | None:
        if self.detail is None or not 0 <= row < len(self._rows):
            return None
        return self._rows[row][0]

    def row_of(self, amendment_id: uuid.UUID) -> int:
        return next((row for row, (entry, _i) in enumerate(self._rows) if entry.id == amendment_id), -1)

    def _checkable(self, row: int) -> bool:
        entry, index = self._rows[row]
        return index >= 0 and entry.on_current

    def blocked_by(self, row: int) -> str | None:
        """Why this amendment cannot be ticked now, or None if it can."""
        entry, index = self._rows[row]
        if index < 0:
            return tr("Een subamendement wijzigt de tekst van amendement {label}; er wordt apart over beslist."
                      ).format(label=entry.parent_label)
        if not entry.on_current:
            return tr("Dit amendement botst met de huidige tekst; de indiener moet het eerst herzien.")
        if self.detail.subamendments_of(entry.id):
            return tr("Over de subamendementen van dit amendement is nog niet beslist.")
        for other in self.detail.conflicts_of(index):
            if self.detail.amendments[other].id in self._ticked:
                return tr("Botst met {other}, dat al is aangevinkt: ze wijzigen dezelfde passage.").format(
                    other=amendment_label(self.detail.amendments[other]))
        return None

    def toggle(self, row: int) -> bool:
        entry = self.entry(row)
        if entry is None:
            return False
        state = Qt.CheckState.Unchecked if entry.id in self._ticked else Qt.CheckState.Checked
        return self.setData(self.index(row, self.NUMBER), state, _Role.CheckStateRole)

    # -- Qt -------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.detail is None else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _Role.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == _Role.DisplayRole:
            return (tr("Nummer"), tr("Indieners"), tr("Kop"), tr("Steun"), tr("Botst met"))[section]
        if role == _Role.ToolTipRole:
            return (tr("Vink aan om het amendement in het voorbeeld op te nemen (spatiebalk)"), None, None,
                    tr("Zetels die het amendement steunen, van het totaal"),
                    tr("De nummers van de amendementen die dezelfde passage wijzigen"))[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.NUMBER and self._checkable(index.row()):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: _Index, role: int = _Role.DisplayRole):
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        entry = self._rows[row][0]
        if role == self.EntryRole:
            return entry
        if role == _Role.DisplayRole:
            return self._text(row, column, entry)
        if role == _Role.AccessibleTextRole and column == self.SUPPORT:
            return support_in_words(entry.support)
        if role == _Role.AccessibleTextRole and column == self.CONFLICTS:
            return self._text(row, column, entry) or tr("botst met geen ander amendement")
        if role == _Role.CheckStateRole and column == self.NUMBER and self._checkable(row):
            return Qt.CheckState.Checked if entry.id in self._ticked else Qt.CheckState.Unchecked
        if role == _Role.ToolTipRole:
            if column == self.NUMBER:
                return self.blocked_by(row) or (tr("In het voorbeeld") if entry.id in self._ticked
                                                else tr("Aanvinken om in het voorbeeld op te nemen"))
            if column == self.HEADLINE:
                return entry.headline
            if column == self.CONFLICTS and entry.already_in_text:
                return tr("De wijziging van dit amendement staat al in de huidige tekst.")
            if column == self.CONFLICTS:
                others = [self.detail.amendments[j] for j in self._conflicts(row)]
                return "\n".join(amendment_label(o) for o in others) or None
            if column == self.SUPPORT:
                return support_in_words(entry.support)
        if role == _Role.ForegroundRole:
            if not entry.on_current:
                return REWORK_FOREGROUND
            if entry.id not in self._ticked and self.blocked_by(row) is not None:
                return BLOCKED_FOREGROUND
        if role == _Role.TextAlignmentRole and column == self.SUPPORT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _conflicts(self, row: int) -> list[int]:
        index = self._rows[row][1]
        return self.detail.conflicts_of(index) if index >= 0 else []

    def _text(self, row: int, column: int, entry: OpenAmendment) -> str:
        if column == self.NUMBER:
            return ("    ↳ " if entry.parent_id is not None else "") + shown_number(entry)
        if column == self.PARTY:
            return submitters(entry.party, entry.co_parties)
        if column == self.HEADLINE:
            if entry.parent_id is not None:
                return tr("[subamendement op {label}] ").format(label=entry.parent_label) + entry.headline
            prefix = "" if entry.kind == AmendmentKind.MODIFY else f"[{tr(KIND_LABELS[entry.kind])}] "
            return prefix + entry.headline
        if column == self.SUPPORT:
            return f"{entry.support.support_seats}/{entry.support.council_seats}"
        if entry.parent_id is not None:
            return ", ".join(entry.conflicts_with) if entry.on_current else tr("de tekst van {label}").format(
                label=entry.parent_label)
        if not entry.on_current:
            return tr("de huidige tekst")
        if entry.already_in_text:
            return tr("(staat al in de tekst)")
        return ", ".join(shown_number(self.detail.amendments[j]) for j in self._conflicts(row))

    def setData(self, index: _Index, value, role: int = _Role.EditRole) -> bool:
        if not index.isValid() or role != _Role.CheckStateRole or index.column() != self.NUMBER:
            return False
        entry = self._rows[index.row()][0]
        if not self._checkable(index.row()):
            return False
        tick = Qt.CheckState(value) == Qt.CheckState.Checked
        if tick == (entry.id in self._ticked):
            return True
        if tick:
            reason = self.blocked_by(index.row())
            if reason is not None:
                self.refused.emit(tr("Amendement {label} kan niet in het voorbeeld. {reason}").format(
                    label=amendment_label(entry), reason=reason))
                return False
            self._ticked.append(entry.id)
        else:
            self._ticked.remove(entry.id)
        # The tick and every row whose tick became possible or impossible.
        self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
        self.ticked_changed.emit()
        return True


class ConflictGridModel(QAbstractTableModel):
    """The amendments on both axes; a coloured ✕ where two change the same passage."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._entries: tuple[OpenAmendment, ...] = ()
        self._matrix: tuple[tuple[bool, ...], ...] = ()

    def set_detail(self, detail: ConsolidationDetail) -> None:
        self.beginResetModel()
        self._entries = detail.compared
        self._matrix = detail.matrix
        self.endResetModel()

    def entry(self, index: int) -> OpenAmendment | None:
        return self._entries[index] if 0 <= index < len(self._entries) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _Role.DisplayRole):
        if not 0 <= section < len(self._entries):
            return None
        entry = self._entries[section]
        if role == _Role.DisplayRole:
            return shown_number(entry)
        if role == _Role.ToolTipRole:
            return amendment_label(entry)
        if role == _Role.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def collides(self, row: int, column: int) -> bool:
        return self._matrix[row][column]

    def data(self, index: _Index, role: int = _Role.DisplayRole):
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        hit = self._matrix[row][column]
        if role == _Role.DisplayRole:
            return "✕" if hit else ""
        if role == _Role.AccessibleTextRole:
            return tr("botst") if hit else tr("botst niet")
        if role == _Role.ToolTipRole:
            first, second = self._entries[row], self._entries[column]
            if row == column:
                return amendment_label(first)
            if hit:
                return tr("{first} en {second} wijzigen dezelfde passage; ze kunnen niet allebei worden "
                          "aanvaard.").format(first=amendment_label(first), second=amendment_label(second))
            return tr("{first} en {second} kunnen samen worden aanvaard.").format(
                first=amendment_label(first), second=amendment_label(second))
        if role == _Role.BackgroundRole:
            if hit:
                return CONFLICT_BACKGROUND
            if row == column:
                return SAME_BACKGROUND
        if role == _Role.ForegroundRole and hit:
            return CONFLICT_FOREGROUND
        if role == _Role.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class DecidedListModel(QAbstractListModel):
    """The decisions on this section since the latest round: each can still be taken back."""

    EntryRole = _Role.UserRole + 1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._entries: tuple[DecidedAmendment, ...] = ()

    def set_entries(self, entries: tuple[DecidedAmendment, ...]) -> None:
        self.beginResetModel()
        self._entries = entries
        self.endResetModel()

    def entry(self, row: int) -> DecidedAmendment | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: _Index, role: int = _Role.DisplayRole):
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        if role == self.EntryRole:
            return entry
        if role == _Role.DisplayRole:
            return tr("{status}: „{headline}” ({party})").format(
                status=tr(STATUS_LABELS[entry.status]).capitalize(), headline=entry.headline, party=entry.party)
        if role == _Role.ToolTipRole:
            when = local_time(entry.decided_at)
            tip = tr("Besloten door {who} op {when}").format(who=entry.decided_by, when=when)
            return f"{tip}\n{entry.note}" if entry.note else tip
        return None
