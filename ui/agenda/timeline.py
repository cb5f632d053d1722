"""The due dates on a timeline: one lane per portfolio holder, quarters from left to right."""

from __future__ import annotations

import html
import uuid
from collections.abc import Callable

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from raadsakkoord.queries.agenda import TaskRow
from raadsakkoord.base.i18n import tr
from raadsakkoord.model import TaskStatus
from ui.agenda.labels import STATUS_COLOURS, date_text, euro_text, level_name, status_name
from ui.agenda.timelinelayout import DOT_RADIUS, PAD, TimelineLayout, layout_timeline

_ODD_COLUMN = QColor("#f3f5f8")
_GRID = QColor("#d5d9df")
_YEAR_LINE = QColor("#9aa3ad")
_TEXT = QColor("#1f1f1f")
_MUTED = QColor("#6b6b6b")
_SELECTED = QColor("#0b4f8a")


class TaskTimeline(QWidget):
    """Painted from a ``TimelineLayout``; a click on a dot or its title reports the task."""

    task_clicked = Signal(object)  # task id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source: Callable[[], list[TaskRow]] = list
        self._rows: list[TaskRow] = []
        self._by_id: dict[uuid.UUID, TaskRow] = {}
        self._selected: uuid.UUID | None = None
        self._layout: TimelineLayout = self._compute(0)
        self._stale = False
        self.setMouseTracking(True)
        self.setAccessibleName(tr("Tijdlijn van de uiterste data per portefeuillehouder"))

    def set_source(self, rows: Callable[[], list[TaskRow]]) -> None:
        """Where the rows come from (the table's filtered rows); read when the timeline is next laid out."""
        self._source = rows
        self.invalidate()

    def invalidate(self) -> None:
        """The rows changed: lay out again when the event loop runs, or when asked (filtering changes much at once)."""
        if not self._stale:
            self._stale = True
            QTimer.singleShot(0, self, self._relayout)
        self.update()

    @property
    def layout_(self) -> TimelineLayout:
        if self._stale:
            self._relayout()
        return self._layout

    def set_selected(self, task_id: uuid.UUID | None) -> None:
        if task_id != self._selected:
            self._selected = task_id
            self.update()

    def _compute(self, width: float) -> TimelineLayout:
        metrics = QFontMetricsF(self.font())
        return layout_timeline(self._rows, width=width, measure=metrics.horizontalAdvance,
                               line_height=metrics.height())

    def _relayout(self) -> None:
        if not self._stale:
            return
        self._stale = False
        self._rows = self._source()
        self._by_id = {r.id: r for r in self._rows}
        smallest = self._compute(0)
        self.setMinimumSize(int(smallest.width) + 1, int(smallest.height) + 1)
        self._layout = self._compute(max(self.width(), smallest.width))
        self.update()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if not self._stale:
            self._layout = self._compute(self.width())
        self.update()

    # -- interaction ----------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        task_id = self.layout_.item_at(event.position())
        if task_id is not None and event.button() == Qt.MouseButton.LeftButton:
            self.set_selected(task_id)
            self.task_clicked.emit(task_id)
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        over = self.layout_.item_at(event.position()) is not None
        self.setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            task_id = self.layout_.item_at(QPointF(event.pos()))
            if task_id is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip(task_id), self)
            return True
        return super().event(event)

    def tooltip(self, task_id: uuid.UUID) -> str:
        row = self._by_id[task_id]
        lines = [f"<b>{html.escape(row.title)}</b>",
                 html.escape(tr("Uiterste datum: {date}").format(date=date_text(row.due_date) or tr("geen"))),
                 html.escape(tr("Status: {status}").format(status=status_name(row.status))),
                 html.escape(tr("Participatieniveau: {level}").format(level=level_name(row.participation_level)))]
        if row.budget_eur is not None:
            lines.append(html.escape(tr("Budget: {amount}").format(amount=euro_text(row.budget_eur))))
        return "<br>".join(lines)

    # -- painting -------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        lay = self.layout_
        painter.fillRect(self.rect(), QColor("#ffffff"))
        if not lay.items:
            painter.setPen(_MUTED)
            painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter,
                             tr("Geen opdrachten om te tonen."))
            return
        self._paint_columns(painter, lay)
        self._paint_lanes(painter, lay)
        self._paint_items(painter, lay)

    def _paint_columns(self, painter: QPainter, lay: TimelineLayout) -> None:
        bottom = lay.height
        for i, column in enumerate(lay.columns):
            if i % 2:
                painter.fillRect(QRectF(column.left, 0, column.width, bottom), _ODD_COLUMN)
            year_start = column.quarter is None or column.quarter.number == 1
            painter.setPen(QPen(_YEAR_LINE if year_start else _GRID, 1))
            painter.drawLine(QPointF(column.left, 0), QPointF(column.left, bottom))
            painter.setPen(_TEXT if column.quarter else _MUTED)
            painter.drawText(QRectF(column.left, 0, column.width, lay.header_height),
                             Qt.AlignmentFlag.AlignCenter, column.label)
        painter.setPen(QPen(_YEAR_LINE, 1))
        painter.drawLine(QPointF(0, lay.header_height), QPointF(lay.width, lay.header_height))

    def _paint_lanes(self, painter: QPainter, lay: TimelineLayout) -> None:
        for lane in lay.lanes:
            painter.setPen(QPen(_GRID, 1))
            painter.drawLine(QPointF(0, lane.top + lane.height), QPointF(lay.width, lane.top + lane.height))
            painter.setPen(_TEXT if lane.holder else _MUTED)
            flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter) | int(Qt.TextFlag.TextWordWrap)
            painter.drawText(QRectF(PAD, lane.top, lay.lane_label_width - 2 * PAD, lane.height), flags, lane.label)

    def _paint_items(self, painter: QPainter, lay: TimelineLayout) -> None:
        for item in lay.items:
            row = self._by_id[item.task_id]
            selected = item.task_id == self._selected
            painter.setPen(QPen(QColor("#ffffff"), 1.5))
            painter.setBrush(QColor(STATUS_COLOURS[row.status]))
            painter.drawEllipse(item.centre, DOT_RADIUS, DOT_RADIUS)
            if selected:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(_SELECTED, 2))
                painter.drawEllipse(item.centre, DOT_RADIUS + 3, DOT_RADIUS + 3)
            font = QFont(self.font())
            font.setBold(selected)
            font.setStrikeOut(row.status == TaskStatus.DROPPED)
            painter.setFont(font)
            metrics = QFontMetricsF(font)
            painter.setPen(_MUTED if row.status in (TaskStatus.DROPPED, TaskStatus.DONE) else _TEXT)
            text = metrics.elidedText(row.title, Qt.TextElideMode.ElideRight, item.label_rect.width() + 1)
            painter.drawText(item.label_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
        painter.setFont(self.font())


def legend_html() -> str:
    """The colours of the statuses, in the table's words."""
    parts = [f"<span style='color:{colour}; font-size:14pt'>&#9679;</span>&nbsp;{html.escape(status_name(status))}"
             for status, colour in STATUS_COLOURS.items()]
    return "&nbsp;&nbsp;&nbsp;".join(parts)


class TimelinePane(QWidget):
    """The timeline in a scroll area, with its legend and a line on how to use it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timeline = TaskTimeline()
        scroll = QScrollArea()
        scroll.setWidget(self.timeline)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.StyledPanel)
        self.legend = QLabel(legend_html() + "&nbsp;&nbsp;&nbsp;<span style='color:#555555'>"
                             + html.escape(tr("Klik op een opdracht om haar te kiezen.")) + "</span>")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.legend)
        layout.addWidget(scroll, 1)
