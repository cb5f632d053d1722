"""The support matrix on screen: the table, the delegates that paint its cells, and the legend under it.

Each delegate asks the model for one role (``CellRole``) and paints from
that, so redrawing 40,000 cells never goes through Python-side formatting.
"""

from __future__ import annotations

import html
import uuid

from PySide6.QtCore import QModelIndex, QPointF, QRect, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QFontMetrics, QPainter, QPolygonF
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from raadsakkoord.base.i18n import tr
from ui.common.supportbar import (
    ABSTAIN_COLOUR,
    ABSTAIN_PATTERN,
    OPPOSE_COLOUR,
    OPPOSE_PATTERN,
    SUPPORT_COLOUR,
    paint_seat_bar,
)
from ui.common.rowmenu import RowMenu, copy_action
from ui.support.matrix import (
    ABSTAIN,
    ABSTAIN_CODE,
    AGAINST,
    BAR,
    FIRST_PARTY,
    FOR,
    HEADERS,
    MINORITY,
    NUMBER,
    OPPOSE_CODE,
    SIGNS,
    SILENT,
    STALE,
    SUPPORT_CODE,
    TITLE,
    MatrixFilter,
    SupportMatrixModel,
)

_CELL = int(SupportMatrixModel.CellRole)
_ID = int(SupportMatrixModel.IdRole)

# Support, oppose, abstain: the navigator's colours, each sign in white on it.
CELL_COLOURS = {SUPPORT_CODE: SUPPORT_COLOUR, OPPOSE_CODE: OPPOSE_COLOUR, ABSTAIN_CODE: ABSTAIN_COLOUR}
SIGN_COLOURS = {SUPPORT_CODE: QColor("#ffffff"), OPPOSE_CODE: QColor("#ffffff"), ABSTAIN_CODE: QColor("#ffffff")}
MINORITY_COLOUR = QColor("#1a237e")


def _blend(colour: QColor, amount: float) -> QColor:
    """The colour mixed into white: ``amount`` 0 is white, 1 the colour itself."""
    return QColor(*(round(255 - (255 - c) * amount) for c in (colour.red(), colour.green(), colour.blue())))


def _selected(option: QStyleOptionViewItem) -> bool:
    return bool(option.state & QStyle.StateFlag.State_Selected)


class PositionCellDelegate(QStyledItemDelegate):
    """A party's position as a coloured cell with its sign; pale and hatched when given on an older text;
    a small triangle in the corner when it carries a minority position."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._pale = {code: _blend(colour, 0.22) for code, colour in CELL_COLOURS.items()}
        self._hatch = {code: QBrush(_blend(colour, 0.55), Qt.BrushStyle.BDiagPattern)
                       for code, colour in CELL_COLOURS.items()}
        self._stale_sign = {code: QColor(colour).darker(150) for code, colour in CELL_COLOURS.items()}
        self._centre = int(Qt.AlignmentFlag.AlignCenter)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        code = index.data(_CELL)
        rect = option.rect
        if _selected(option):
            painter.fillRect(rect, option.palette.highlight())
        if code is None:
            return
        position = code & 3
        inner = rect.adjusted(2, 2, -2, -2)
        if position:
            if code & STALE:
                painter.fillRect(inner, self._pale[position])
                painter.fillRect(inner, self._hatch[position])
                painter.setPen(self._stale_sign[position])
            else:
                painter.fillRect(inner, CELL_COLOURS[position])
                painter.setPen(SIGN_COLOURS[position])
            painter.drawText(inner, self._centre, SIGNS[position])
        if code & MINORITY:
            size = min(11, inner.height() - 4)
            right, top = inner.right() + 1, inner.top()
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QColor("#ffffff"))
            painter.setBrush(MINORITY_COLOUR)
            painter.drawPolygon(QPolygonF([QPointF(right - size, top), QPointF(right, top),
                                           QPointF(right, top + size)]))
            painter.restore()
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(option.palette.color(option.palette.ColorRole.Text))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))


class SeatBarDelegate(QStyledItemDelegate):
    """The seats as a small bar, like the navigator's: support, abstain, oppose; silent seats left empty.
    The black line is half of the seats: a bar crossing it has a majority."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        figures = index.data(_CELL)
        rect = option.rect
        if _selected(option):
            painter.fillRect(rect, option.palette.highlight())
        if not figures or not figures[3]:
            return
        support, abstain, oppose, seats = figures
        bar = QRect(rect.left() + 5, rect.center().y() - 4, rect.width() - 10, 9)
        paint_seat_bar(painter, bar, ((support, CELL_COLOURS[SUPPORT_CODE]),
                                      (abstain, CELL_COLOURS[ABSTAIN_CODE], ABSTAIN_PATTERN),
                                      (oppose, CELL_COLOURS[OPPOSE_CODE], OPPOSE_PATTERN)), seats)


def legend_html() -> str:
    """What the colours, hatching and corner triangle mean, for under the matrix."""
    def swatch(code: int, stale: bool = False) -> str:
        colour = (_blend(CELL_COLOURS[code], 0.22) if stale else CELL_COLOURS[code]).name()
        sign = (QColor(CELL_COLOURS[code]).darker(150) if stale else SIGN_COLOURS[code]).name()
        return (f"<span style='background-color:{colour}; color:{sign};'>&nbsp;{SIGNS[code]}&nbsp;</span>")

    parts = [f"{swatch(SUPPORT_CODE)} {html.escape(tr('steunt'))}",
             f"{swatch(ABSTAIN_CODE)} {html.escape(tr('onthoudt zich'))}",
             f"{swatch(OPPOSE_CODE)} {html.escape(tr('steunt niet'))}",
             html.escape(tr("leeg: geen standpunt")),
             f"{swatch(SUPPORT_CODE, stale=True)} "
             + html.escape(tr("licht en gearceerd: gegeven op een oudere tekst, telt niet mee")),
             f"<span style='color:{MINORITY_COLOUR.name()};'>◥</span> "
             + html.escape(tr("minderheidsstandpunt (wijs de cel aan om het te lezen)"))]
    return "&nbsp;&nbsp;·&nbsp;&nbsp;".join(parts)


class SupportMatrixTable(QTableView):
    """The matrix on screen: double-click or Enter on a row asks to go to that section."""

    section_activated = Signal(object)  # section id

    def __init__(self, model: SupportMatrixModel, proxy: MatrixFilter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = model
        self.proxy = proxy
        self.setModel(proxy)
        self.setTabKeyNavigation(False)  # Tab leaves the table; arrows move within it
        self.setAccessibleName(tr("Steunmatrix: hoofdlijnen tegen fracties"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setSortingEnabled(True)
        self.sortByColumn(NUMBER, Qt.SortOrder.AscendingOrder)
        self.verticalHeader().hide()
        # Fixed heights and widths from the font: measuring 40,000 cells would take seconds.
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(QFontMetrics(self.font()).height() + 8)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setHighlightSections(False)
        self._cells = PositionCellDelegate(self)
        self._bar = SeatBarDelegate(self)
        self.setItemDelegateForColumn(BAR, self._bar)
        self._party_columns = 0
        self._title_width = 0
        model.modelReset.connect(self.fit_columns)
        self.doubleClicked.connect(self._activate)
        open_section = QAction(tr("Hoofdli&jn openen"), self)
        open_section.triggered.connect(lambda: self._activate(self.currentIndex()))
        self.row_menu = RowMenu(self, [open_section, None, copy_action(self)])  # Return and double-click: above
        self.fit_columns()

    def fit_columns(self) -> None:
        for column in range(FIRST_PARTY, FIRST_PARTY + self._party_columns):
            self.setItemDelegateForColumn(column, None)
        self._party_columns = len(self.source.parties)
        header = self.horizontalHeader()
        metrics = QFontMetrics(header.font())
        pad = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + 8
        widths = {
            NUMBER: metrics.horizontalAdvance("88.88") + pad,
            TITLE: metrics.averageCharWidth() * 34 + pad,
            BAR: 64,
        }
        for column in (FOR, ABSTAIN, AGAINST, SILENT):
            widths[column] = max(metrics.horizontalAdvance(tr(HEADERS[column])), metrics.horizontalAdvance("88")) + pad
        # The sort arrow sits beside the text in some styles: leave room for it.
        arrow = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize)
        for column, width in widths.items():
            header.resizeSection(column, width + (arrow if column >= FOR else 0))
        for n, party in enumerate(self.source.parties):
            column = FIRST_PARTY + n
            self.setItemDelegateForColumn(column, self._cells)
            text = f"{party.short_name} ({party.seats})"
            header.resizeSection(column, max(36, metrics.horizontalAdvance(text) + pad + arrow))
        self._title_width = widths[TITLE]
        self._widen_title()

    def _widen_title(self) -> None:
        """Titles get the room the party columns leave (few parties), never less than their own width."""
        header = self.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(header.count()) if c != TITLE)
        header.resizeSection(TITLE, max(self._title_width, self.viewport().width() - others))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._widen_title()

    def current_section(self) -> uuid.UUID | None:
        index = self.currentIndex()
        return index.data(_ID) if index.isValid() else None

    def select_section(self, section_id: uuid.UUID) -> bool:
        source_row = self.source.source_row_of(section_id)
        if source_row is None:
            return False
        index = self.proxy.mapFromSource(self.source.index(source_row, NUMBER))
        if not index.isValid():
            return False
        self.setCurrentIndex(index)
        self.scrollTo(index)
        return True

    def _activate(self, index: QModelIndex) -> None:
        section_id = index.data(_ID)
        if section_id is not None:
            self.section_activated.emit(section_id)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._activate(self.currentIndex())
            return
        super().keyPressEvent(event)
