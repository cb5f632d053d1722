"""The support matrix: sections against parties, each cell the party's position, as a thin table model.

Ten times a real agreement is 1,000 sections by 40 parties: 40,000 cells. So
everything a cell shows is worked out once per row when the matrix is
loaded (off the GUI thread), ``data()`` answers from tuples and returns at
once for roles it does not handle, and cells are painted by small delegates
that ask for one role each (``ui.support.matrixtable``).
"""

from __future__ import annotations

import html
import uuid
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from raadsakkoord.base.i18n import mark, tr, trn
from raadsakkoord.model import Position
from raadsakkoord.queries.labels import POSITION_LABELS
from raadsakkoord.queries.matrix import ChapterSupport, MatrixParty, MatrixRow, SupportMatrix
from raadsakkoord.queries.support import Tally
from ui.common.badges import verdict

_Index = QModelIndex | QPersistentModelIndex

NUMBER, TITLE, BAR, FOR, ABSTAIN, AGAINST, SILENT = range(7)
FIRST_PARTY = 7

# A cell's code: the position in the low two bits, then flags.
SILENT_CODE, SUPPORT_CODE, OPPOSE_CODE, ABSTAIN_CODE = range(4)
STALE = 4  # given on an older text: shown, not counted
MINORITY = 8  # with a minority position
_CODE_OF = {None: SILENT_CODE, Position.SUPPORT: SUPPORT_CODE, Position.OPPOSE: OPPOSE_CODE,
            Position.ABSTAIN: ABSTAIN_CODE}
_POSITION_OF = {SUPPORT_CODE: Position.SUPPORT, OPPOSE_CODE: Position.OPPOSE, ABSTAIN_CODE: Position.ABSTAIN}
SIGNS = ("", "✔", "✘", "–")  # also for readers who cannot tell red from green
# Sorting on a party's column puts its support first, then abstentions, opposition,
# positions on an older text, and silence last.
_PARTY_ORDER = {SUPPORT_CODE: 0, ABSTAIN_CODE: 1, OPPOSE_CODE: 2, SILENT_CODE: 4}

HEADERS = (mark("Nr."), mark("Hoofdlijn"), mark("Steun"), mark("Voor"), mark("Onthouding"), mark("Tegen"),
           mark("Geen"))
_HEADER_TIPS = (
    mark("Nummer van de hoofdlijn"),
    mark("Titel van de hoofdlijn"),
    mark("Zetels voor, onthouding en tegen; de zwarte streep is de helft van de zetels"),
    mark("Zetels die de huidige tekst steunen"),
    mark("Zetels met onthouding"),
    mark("Zetels van fracties die de huidige tekst niet steunen"),
    mark("Zetels zonder geldend standpunt: geen standpunt, of een standpunt op een oudere tekst"),
)


@dataclass(frozen=True, slots=True)
class PreparedRow:
    """One section with everything its cells show, worked out once."""

    row: MatrixRow
    order: int  # its place in the agreement
    search: str  # number and title, case-folded
    support: int
    abstain: int
    oppose: int
    silent: int
    majority: bool
    broad: bool
    stale: bool
    cells: tuple[int, ...]  # one code per party, in the matrix's party order


@dataclass(frozen=True)
class PreparedMatrix:
    matrix: SupportMatrix
    rows: tuple[PreparedRow, ...]
    chapters: tuple[ChapterSupport, ...]  # for the chart; the same for every filter


def prepare_row(row: MatrixRow, order: int) -> PreparedRow:
    tally = row.support
    cells = tuple(_CODE_OF[p.position] | (STALE if p.stale else 0) | (MINORITY if p.minority_position else 0)
                  for p in tally.positions)
    return PreparedRow(row, order, f"{row.number} {row.title}".casefold(), tally.support_seats, tally.abstain_seats,
                       tally.oppose_seats, tally.silent_seats, tally.has_majority, tally.has_broad_support,
                       bool(tally.stale), cells)


def prepare(matrix: SupportMatrix) -> PreparedMatrix:
    """Run with the load, off the GUI thread: the model then only swaps tuples."""
    return PreparedMatrix(matrix, tuple(prepare_row(r, n) for n, r in enumerate(matrix.rows)),
                          matrix.chapter_support())


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _seats_text(seats: int) -> str:
    return trn("{seats} zetel", "{seats} zetels", seats).format(seats=seats)


def cell_lines(row: MatrixRow, party: MatrixParty, code: int, minority: str) -> tuple[str, str, str, str]:
    """Who holds which position on which section, whether it still counts, and the minority position."""
    position = _POSITION_OF.get(code & 3)
    what = tr(POSITION_LABELS[position]) if position else tr("heeft geen standpunt")
    who = f"{party.short_name} ({_seats_text(party.seats)})"
    section = tr("Hoofdlijn {number} {title}").format(number=row.number, title=row.title)
    stale = tr("Gegeven op een oudere tekst: telt niet mee tot de fractie het bevestigt.") if code & STALE else ""
    return f"{who} {what}", section, stale, minority


def cell_tooltip(row: MatrixRow, party: MatrixParty, code: int, minority: str) -> str:
    """Rich text, so a long minority position wraps."""
    head, section, stale, minority = cell_lines(row, party, code, minority)
    text = f"<b>{html.escape(head)}</b><br>{html.escape(section)}"
    if stale:
        text += f"<br><i>{html.escape(stale)}</i>"
    if minority:
        text += f"<p><b>{html.escape(tr('Minderheidsstandpunt'))}:</b> {html.escape(minority, quote=False)}</p>"
    return f"<qt>{text}</qt>"


def cell_accessible_text(row: MatrixRow, party: MatrixParty, code: int, minority: str) -> str:
    head, _section, stale, minority = cell_lines(row, party, code, minority)
    parts = [head, stale, tr("Minderheidsstandpunt") + ": " + minority if minority else ""]
    return ". ".join(p for p in parts if p)


def support_tooltip(tally: Tally) -> str:
    text = tr("{seats} van {total} zetels steunen de huidige tekst ({verdict})").format(
        seats=tally.support_seats, total=tally.council_seats, verdict=verdict(tally))
    if tally.stale:
        text += "\n" + tr("Nog te bevestigen na de laatste wijziging: {parties}").format(
            parties=", ".join(p.short_name for p in tally.stale))
    return text


class SupportMatrixModel(QAbstractTableModel):
    """Sections (rows) against parties (columns), after seven columns of number, title and seat totals."""

    CellRole = Qt.ItemDataRole.UserRole + 1  # a party cell's code; the bar's (support, abstain, oppose, seats)
    IdRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._matrix: SupportMatrix | None = None
        self._chapters: tuple[ChapterSupport, ...] = ()
        self._rows: list[PreparedRow] = []  # in the order shown (see sort)
        self._parties: tuple[MatrixParty, ...] = ()
        self._row_of: dict[uuid.UUID, int] = {}
        self._sort = (NUMBER, Qt.SortOrder.AscendingOrder)

    # -- loading ---------------------------------------------------------------------------

    @property
    def matrix(self) -> SupportMatrix | None:
        return self._matrix

    @property
    def parties(self) -> tuple[MatrixParty, ...]:
        return self._parties

    @property
    def chapters(self) -> tuple[ChapterSupport, ...]:
        """Each chapter's average support, as loaded (a changed row updates it at the next load)."""
        return self._chapters

    def set_matrix(self, prepared: PreparedMatrix) -> None:
        """The same sections and parties as before: change the cells in place (selection and scroll stay)."""
        same_shape = (self._matrix is not None and prepared.matrix.parties == self._parties
                      and [r.id for r in prepared.matrix.rows] == [r.id for r in self._matrix.rows])
        self._chapters = prepared.chapters
        if not same_shape:
            self.beginResetModel()
            self._matrix = prepared.matrix
            self._parties = prepared.matrix.parties
            self._rows = self._sorted(list(prepared.rows))
            self._row_of = {r.row.id: n for n, r in enumerate(self._rows)}
            self.endResetModel()
            return
        self._matrix = prepared.matrix
        by_id = {r.row.id: r for r in prepared.rows}
        self._rows = [by_id[r.row.id] for r in self._rows]
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))
        self._resort()

    def update_row(self, row: MatrixRow) -> bool:
        """One section's positions again; False when the section is not in the matrix."""
        number = self._row_of.get(row.id)
        if number is None:
            return False
        self._rows[number] = prepare_row(row, self._rows[number].order)
        self.dataChanged.emit(self.index(number, 0), self.index(number, self.columnCount() - 1))
        self._resort()
        return True

    def clear(self) -> None:
        self.beginResetModel()
        self._matrix, self._chapters, self._rows, self._parties, self._row_of = None, (), [], (), {}
        self.endResetModel()

    # -- sorting ---------------------------------------------------------------------------
    # The model sorts itself, with Python's sort on precomputed keys: a proxy
    # calling lessThan() back into Python ten thousand times took 80 ms for
    # a thousand rows, this takes one.

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < self.columnCount():
            column, order = NUMBER, Qt.SortOrder.AscendingOrder
        self._sort = (column, order)
        self._resort()

    def _key(self, column: int):
        if column == TITLE:
            return lambda r: r.row.title.casefold()
        if column in (BAR, FOR):
            return lambda r: r.support
        if column == ABSTAIN:
            return lambda r: r.abstain
        if column == AGAINST:
            return lambda r: r.oppose
        if column == SILENT:
            return lambda r: r.silent
        if column >= FIRST_PARTY:
            party = column - FIRST_PARTY
            return lambda r: 3 if r.cells[party] & STALE else _PARTY_ORDER[r.cells[party] & 3]
        return None  # the agreement's own order ("10.2" after "9.1")

    def _sorted(self, rows: list[PreparedRow]) -> list[PreparedRow]:
        rows = sorted(rows, key=lambda r: r.order)
        column, order = self._sort
        key = self._key(column)
        if key is None:
            return rows
        # Stable, also reversed: equal rows stay in the agreement's order.
        return sorted(rows, key=key, reverse=order == Qt.SortOrder.DescendingOrder)

    def _resort(self) -> None:
        new = self._sorted(self._rows)
        if [r.order for r in new] == [r.order for r in self._rows]:
            return
        self.layoutAboutToBeChanged.emit()
        old_position = {r.order: n for n, r in enumerate(self._rows)}
        moved = {old_position[r.order]: n for n, r in enumerate(new)}
        self._rows = new
        self._row_of = {r.row.id: n for n, r in enumerate(new)}
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(
            persistent, [self.index(moved[i.row()], i.column()) for i in persistent])
        self.layoutChanged.emit()

    # -- reading ---------------------------------------------------------------------------

    def row_at(self, source_row: int) -> PreparedRow:
        return self._rows[source_row]

    def source_row_of(self, section_id: uuid.UUID) -> int | None:
        return self._row_of.get(section_id)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else FIRST_PARTY + len(self._parties)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if section < FIRST_PARTY:
            if role == _DISPLAY:
                return tr(HEADERS[section])
            if role == _TOOLTIP:
                return tr(_HEADER_TIPS[section])
            return None
        party = self._parties[section - FIRST_PARTY]
        if role == _DISPLAY:
            return f"{party.short_name} ({party.seats})"
        if role == _TOOLTIP:
            return tr("{name}: {seats}. Klik om te sorteren op het standpunt van deze fractie.").format(
                name=party.name, seats=_seats_text(party.seats))
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in _ROLES or not index.isValid():
            return None
        prepared = self._rows[index.row()]
        column = index.column()
        if column >= FIRST_PARTY:
            code = prepared.cells[column - FIRST_PARTY]
            if role == _CELL:
                return code
            if role == _DISPLAY:
                return SIGNS[code & 3]
            if role == _ALIGN:
                return _CENTER
            if role == _ID:
                return prepared.row.id
            if role in (_TOOLTIP, _ACCESSIBLE):
                party_index = column - FIRST_PARTY
                minority = prepared.row.support.positions[party_index].minority_position
                describe = cell_tooltip if role == _TOOLTIP else cell_accessible_text
                return describe(prepared.row, self._parties[party_index], code, minority)
            return None
        if role == _DISPLAY:
            if column == NUMBER:
                return prepared.row.number
            if column == TITLE:
                return prepared.row.title
            if column == BAR:
                return ""
            return str((0, 0, 0, prepared.support, prepared.abstain, prepared.oppose, prepared.silent)[column])
        if role == _CELL and column == BAR:
            return (prepared.support, prepared.abstain, prepared.oppose, prepared.row.support.council_seats)
        if role == _ID:
            return prepared.row.id
        if role == _ALIGN and column >= FOR:
            return _RIGHT
        if role == _TOOLTIP:
            if column == TITLE:
                return prepared.row.title
            if column >= BAR:
                return support_tooltip(prepared.row.support)
        if role == _ACCESSIBLE and column == BAR:
            return support_tooltip(prepared.row.support)
        return None


_CELL = int(SupportMatrixModel.CellRole)
_ID = int(SupportMatrixModel.IdRole)
_ROLES = frozenset({_DISPLAY, _TOOLTIP, _ALIGN, _ACCESSIBLE, _CELL, _ID})


FILTERS = (
    mark("Alle hoofdlijnen"),
    mark("Zonder meerderheid"),
    mark("Zonder brede steun"),
    mark("Met verouderde standpunten"),
    mark("Waar een fractie tegen is"),
)
SHOW_ALL, NO_MAJORITY, NO_BROAD_SUPPORT, WITH_STALE, PARTY_AGAINST = range(len(FILTERS))


class MatrixFilter(QSortFilterProxyModel):
    """Keeps the sections that match the chosen filter and every typed word, in the source model's order."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._kind = SHOW_ALL
        self._party: int | None = None
        self._words: list[str] = []

    @property
    def kind(self) -> int:
        return self._kind

    def set_filter(self, kind: int, party: int | None = None) -> None:
        """``party`` is an index into the matrix's parties (for PARTY_AGAINST)."""
        self.beginFilterChange()
        self._kind = kind
        self._party = party
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def source_row(self, proxy_row: int) -> int:
        return self.mapToSource(self.index(proxy_row, 0)).row()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        row = self.sourceModel().row_at(source_row)
        kind = self._kind
        if kind == NO_MAJORITY and row.majority:
            return False
        if kind == NO_BROAD_SUPPORT and row.broad:
            return False
        if kind == WITH_STALE and not row.stale:
            return False
        if kind == PARTY_AGAINST and (self._party is None or self._party >= len(row.cells)
                                      or (row.cells[self._party] & 7) != OPPOSE_CODE):
            return False  # only a position on the current text counts, as in the tally
        search = row.search
        return all(word in search for word in self._words)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The source model sorts (see SupportMatrixModel.sort); the proxy keeps its order and only filters."""
        self.sourceModel().sort(column, order)
