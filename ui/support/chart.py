"""The support chart: seats per chapter or per section as horizontal stacked bars, painted with QPainter.

Bars run from 0 to the council's seats: support, then abstentions, then
opposition, and the rest (silent, or a position on an older text) left
empty. Two lines cross every bar: half of the seats (a bar past it has a
majority) and the broad-support share. The chart can be saved as a PNG,
rendered at twice its size so it stays sharp in a memo or on a projector.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPen
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from raadsakkoord.base.errors import UserError, os_reason
from raadsakkoord.base.files import check_target, replaced_on_success
from raadsakkoord.base.i18n import tr
from raadsakkoord.queries.matrix import ChapterSupport, SupportMatrix
from ui.common.supportbar import ABSTAIN_COLOUR, OPPOSE_COLOUR, SUPPORT_COLOUR
from ui.common import messages
from ui.support.matrix import PreparedRow
from ui.common.background import TaskRunner

SILENT_COLOUR = QColor("#ffffff")
FRAME_COLOUR = QColor("#7a7a7a")
MAJORITY_COLOUR = QColor("#000000")
BROAD_COLOUR = QColor("#1a237e")
STRIPE_COLOUR = QColor("#f3f5f8")
TEXT_COLOUR = QColor("#1a1a1a")
MUTED_COLOUR = QColor("#555555")

# Rendering more than this many pixels would take hundreds of megabytes of memory.
PIXEL_BUDGET = 40_000_000


def decimal(value: float) -> str:
    """A seat count the Dutch way: whole numbers plain, averages with one decimal comma."""
    if abs(value - round(value)) < 0.05:
        return str(round(value))
    return f"{value:.1f}".replace(".", ",")


@dataclass(frozen=True, slots=True)
class ChartBar:
    label: str
    support: float
    abstain: float
    oppose: float
    silent: float
    sections: int = 1
    with_majority: int | None = None  # a chapter's sections with a majority; None for a section


def bar_tooltip(bar: ChartBar) -> str:
    """Made when the bar is pointed at, not for each of a thousand bars in advance."""
    if bar.with_majority is None:
        return tr("{label}: {support} zetels voor, {abstain} onthouding, {oppose} tegen, "
                  "{silent} zonder geldend standpunt").format(
            label=bar.label, support=decimal(bar.support), abstain=decimal(bar.abstain),
            oppose=decimal(bar.oppose), silent=decimal(bar.silent))
    return tr("{label}: {n} hoofdlijn(en), gemiddeld {support} zetels voor, {abstain} onthouding, {oppose} tegen, "
              "{silent} zonder geldend standpunt; {majority} met een meerderheid").format(
        label=bar.label, n=bar.sections, support=decimal(bar.support), abstain=decimal(bar.abstain),
        oppose=decimal(bar.oppose), silent=decimal(bar.silent), majority=bar.with_majority)


@dataclass(frozen=True)
class ChartData:
    title: str
    subtitle: str
    council_seats: int
    majority_seats: int
    broad_seats: int
    broad_share: float
    bars: tuple[ChartBar, ...]
    suggested_name: str


def chapter_chart(matrix: SupportMatrix, chapters: tuple[ChapterSupport, ...]) -> ChartData:
    """Every section of each chapter, averaged (see ChapterSupport for why an average)."""
    bars = tuple(ChartBar(f"{c.number}. {c.title}", c.support_seats, c.abstain_seats, c.oppose_seats, c.silent_seats,
                          c.sections, c.with_majority) for c in chapters)
    return _data(matrix, tr("Steun per hoofdstuk"),
                 tr("{title} — gemiddeld aantal zetels per hoofdlijn, over alle {n} hoofdlijnen").format(
                     title=matrix.title, n=len(matrix.rows)),
                 bars, "steun-per-hoofdstuk.png")


def section_chart(matrix: SupportMatrix, rows: list[PreparedRow]) -> ChartData:
    """The sections as the matrix shows them: its filter and its order."""
    bars = tuple(ChartBar(f"{r.row.number} {r.row.title}", r.support, r.abstain, r.oppose, r.silent) for r in rows)
    if len(rows) == len(matrix.rows):
        subtitle = tr("{title} — alle {n} hoofdlijnen, in de volgorde van de matrix").format(
            title=matrix.title, n=len(rows))
    else:
        subtitle = tr("{title} — {shown} van {n} hoofdlijnen, gefilterd en geordend zoals in de matrix").format(
            title=matrix.title, shown=len(rows), n=len(matrix.rows))
    return _data(matrix, tr("Steun per hoofdlijn"), subtitle, bars, "steun-per-hoofdlijn.png")


def _data(matrix: SupportMatrix, title: str, subtitle: str, bars: tuple[ChartBar, ...], name: str) -> ChartData:
    return ChartData(title, subtitle, matrix.council_seats, matrix.majority_seats, matrix.broad_seats,
                     matrix.broad_share, bars, name)


@dataclass(frozen=True)
class _Layout:
    width: int
    margin: int
    line: int  # height of a line of text
    row: int
    bars_top: int
    label_width: int
    bars_left: int
    bars_right: int
    height: int

    def x(self, seats: float, council: int) -> float:
        return self.bars_left + (self.bars_right - self.bars_left) * seats / council if council else self.bars_left


class ChartPainter:
    """Paints a chart at any width, on screen or into an image; owns no widget, so an export can run on a
    worker thread (QPainter on a QImage may)."""

    def __init__(self, data: ChartData | None, font: QFont) -> None:
        self.data = data
        self.font = QFont(font)
        metrics = QFontMetrics(self.font)
        widest = max((metrics.horizontalAdvance(b.label) for b in data.bars), default=0) if data else 0
        self.label_width = widest + 16

    def layout(self, width: int) -> _Layout:
        metrics = QFontMetrics(self.font)
        line = metrics.height()
        margin = 16
        row = line + 10
        # title, subtitle, legend, and two rows for the labels of the lines
        bars_top = margin + int(line * 1.5) + line + 8 + line + 14 + 2 * line + 6
        value_width = metrics.horizontalAdvance(tr("{seats} voor").format(seats="88,8")) + 12
        label_width = min(self.label_width, int(width * 0.4))
        bars_left = margin + label_width
        bars_right = max(bars_left + 120, width - margin - value_width)
        count = len(self.data.bars) if self.data else 0
        height = bars_top + count * row + 6 + line + 8 + line + margin
        return _Layout(width, margin, line, row, bars_top, label_width, bars_left, bars_right, height)

    def render(self, width: int, scale: float) -> QImage:
        layout = self.layout(width)
        image = QImage(math.ceil(width * scale), math.ceil(layout.height * scale), QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(scale)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        try:
            self.paint(painter, width, QRect(0, 0, width, layout.height))
        finally:
            painter.end()
        return image

    def paint(self, painter: QPainter, width: int, exposed: QRect) -> None:
        painter.setFont(self.font)
        layout = self.layout(width)
        painter.fillRect(exposed, QColor("#ffffff"))
        data = self.data
        if data is None:
            painter.setPen(MUTED_COLOUR)
            painter.drawText(QRect(0, 0, width, layout.height), int(Qt.AlignmentFlag.AlignCenter),
                             tr("Nog geen gegevens."))
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        if exposed.top() < layout.bars_top:
            self._paint_heading(painter, layout, data)
        self._paint_bars(painter, layout, data, exposed)
        self._paint_lines(painter, layout, data)
        self._paint_axis(painter, layout, data)

    def _paint_heading(self, painter: QPainter, layout: _Layout, data: ChartData) -> None:
        m, line = layout.margin, layout.line
        title_font = QFont(painter.font())
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        painter.save()
        painter.setFont(title_font)
        painter.setPen(TEXT_COLOUR)
        painter.drawText(QRect(m, m, layout.width - 2 * m, int(line * 1.5)),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), data.title)
        painter.restore()
        top = m + int(line * 1.5)
        painter.setPen(MUTED_COLOUR)
        metrics = QFontMetrics(painter.font())
        subtitle = metrics.elidedText(data.subtitle, Qt.TextElideMode.ElideRight, layout.width - 2 * m)
        painter.drawText(QRect(m, top, layout.width - 2 * m, line),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), subtitle)
        self._paint_legend(painter, layout, top + line + 8)

    def _paint_legend(self, painter: QPainter, layout: _Layout, top: int) -> None:
        metrics = QFontMetrics(painter.font())
        x = layout.margin
        box = layout.line - 4
        entries = ((SUPPORT_COLOUR, tr("steunt")), (ABSTAIN_COLOUR, tr("onthoudt zich")),
                   (OPPOSE_COLOUR, tr("steunt niet")),
                   (SILENT_COLOUR, tr("geen geldend standpunt (geen, of op een oudere tekst)")))
        for colour, label in entries:
            painter.fillRect(QRect(x, top + 2, box, box), colour)
            painter.setPen(FRAME_COLOUR)
            painter.drawRect(QRect(x, top + 2, box - 1, box - 1))
            painter.setPen(TEXT_COLOUR)
            painter.drawText(QPointF(x + box + 5, top + metrics.ascent()), label)
            x += box + 5 + metrics.horizontalAdvance(label) + 16

    def _paint_bars(self, painter: QPainter, layout: _Layout, data: ChartData, exposed: QRect) -> None:
        metrics = QFontMetrics(painter.font())
        first = max(0, (exposed.top() - layout.bars_top) // layout.row)
        last = min(len(data.bars), (exposed.bottom() - layout.bars_top) // layout.row + 1)
        council = data.council_seats
        align_label = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for index in range(first, last):
            bar = data.bars[index]
            top = layout.bars_top + index * layout.row
            if index % 2:
                painter.fillRect(QRect(layout.margin - 4, top, layout.width - 2 * layout.margin + 8, layout.row),
                                 STRIPE_COLOUR)
            painter.setPen(TEXT_COLOUR)
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, layout.label_width - 10)
            painter.drawText(QRect(layout.margin, top, layout.label_width - 10, layout.row), align_label, label)
            y, height = top + 4, layout.row - 8
            painter.fillRect(QRectF(layout.bars_left, y, layout.bars_right - layout.bars_left, height), SILENT_COLOUR)
            x = float(layout.bars_left)
            for seats, colour in ((bar.support, SUPPORT_COLOUR), (bar.abstain, ABSTAIN_COLOUR),
                                  (bar.oppose, OPPOSE_COLOUR)):
                end = layout.x(seats, council) - layout.bars_left + x
                painter.fillRect(QRectF(x, y, end - x, height), colour)
                x = end
            painter.setPen(FRAME_COLOUR)
            painter.drawRect(QRectF(layout.bars_left, y, layout.bars_right - layout.bars_left, height))
            painter.setPen(TEXT_COLOUR)
            painter.drawText(QRect(layout.bars_right + 8, top, layout.width - layout.bars_right - 8, layout.row),
                             align_label, tr("{seats} voor").format(seats=decimal(bar.support)))

    def _paint_lines(self, painter: QPainter, layout: _Layout, data: ChartData) -> None:
        if not data.council_seats:
            return
        metrics = QFontMetrics(painter.font())
        bottom = layout.bars_top + len(data.bars) * layout.row + 4
        top = layout.bars_top - 2 * layout.line - 4
        share = round(data.broad_share * 100)
        lines = (
            (data.council_seats / 2, MAJORITY_COLOUR, Qt.PenStyle.SolidLine,
             tr("meerderheid: {seats} zetels").format(seats=data.majority_seats)),
            (data.broad_share * data.council_seats, BROAD_COLOUR, Qt.PenStyle.DashLine,
             tr("brede steun: {seats} zetels ({share}%)").format(seats=data.broad_seats, share=share)),
        )
        for row, (seats, colour, style, label) in enumerate(lines):
            x = layout.x(seats, data.council_seats)
            label_top = top + row * layout.line
            # A white edge keeps the line visible on every bar colour.
            painter.setPen(QPen(QColor("#ffffff"), 4))
            painter.drawLine(QPointF(x, layout.bars_top), QPointF(x, bottom))
            painter.setPen(QPen(colour, 2, style))
            painter.drawLine(QPointF(x, label_top + layout.line), QPointF(x, bottom))
            painter.setPen(colour)
            text_width = metrics.horizontalAdvance(label)
            # Beside the line, on the side where there is room for the words.
            left = x + 4 if x + 4 + text_width <= layout.width - layout.margin else x - 4 - text_width
            painter.drawText(QPointF(left, label_top + metrics.ascent()), label)

    def _paint_axis(self, painter: QPainter, layout: _Layout, data: ChartData) -> None:
        council = data.council_seats
        if not council:
            return
        metrics = QFontMetrics(painter.font())
        y = layout.bars_top + len(data.bars) * layout.row + 6
        painter.setPen(FRAME_COLOUR)
        painter.drawLine(QPointF(layout.bars_left, y), QPointF(layout.bars_right, y))
        step = 5 if council <= 60 else 10
        ticks = list(range(0, council + 1, step))
        if council - ticks[-1] >= step / 2:
            ticks.append(council)
        elif ticks[-1] != council:
            ticks[-1] = council
        painter.setPen(TEXT_COLOUR)
        for seats in ticks:
            x = layout.x(seats, council)
            painter.drawLine(QPointF(x, y), QPointF(x, y + 4))
            text = str(seats)
            painter.drawText(QPointF(x - metrics.horizontalAdvance(text) / 2, y + 4 + metrics.ascent()), text)
        caption = tr("zetels (van de {seats})").format(seats=council)
        centre = (layout.bars_left + layout.bars_right) / 2
        painter.setPen(MUTED_COLOUR)
        painter.drawText(QPointF(centre - metrics.horizontalAdvance(caption) / 2,
                                 y + 8 + layout.line + metrics.ascent()), caption)


class SupportChart(QWidget):
    """The chart on screen: paints only the bars in view, and says a bar's figures when pointed at."""

    MIN_WIDTH = 560

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart_painter = ChartPainter(None, self.font())
        self.setAccessibleName(tr("Grafiek van de steun"))

    @property
    def data(self) -> ChartData | None:
        return self.chart_painter.data

    def set_data(self, data: ChartData | None) -> None:
        self.chart_painter = ChartPainter(data, self.font())
        self.setAccessibleDescription(data.subtitle if data else "")
        self.setMinimumHeight(self.chart_painter.layout(self.MIN_WIDTH).height)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(900, self.chart_painter.layout(900).height)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.MIN_WIDTH, self.chart_painter.layout(self.MIN_WIDTH).height)

    def export_size(self) -> QSize:
        """The logical size of the exported picture: as wide as on screen, but never cramped."""
        width = max(self.width(), 900)
        return QSize(width, self.chart_painter.layout(width).height)

    def render_image(self, scale: float = 2.0) -> QImage:
        return self.chart_painter.render(self.export_size().width(), scale)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        try:
            self.chart_painter.paint(painter, self.width(), event.rect())
        finally:
            painter.end()

    def bar_at(self, y: int) -> ChartBar | None:
        data = self.data
        if data is None:
            return None
        layout = self.chart_painter.layout(self.width())
        index = (y - layout.bars_top) // layout.row
        if y < layout.bars_top or not 0 <= index < len(data.bars):
            return None
        return data.bars[index]

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            bar = self.bar_at(event.pos().y())
            if bar is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), bar_tooltip(bar), self)
            return True
        return super().event(event)


def choose_png_path(parent: QWidget | None, suggested: str) -> str | None:
    """Where to save the chart; replaced in tests."""
    path, _ = QFileDialog.getSaveFileName(parent, tr("Grafiek exporteren als PNG"), suggested,
                                          tr("PNG-afbeelding (*.png)"))
    if not path:
        return None
    return path if path.lower().endswith(".png") else path + ".png"


class ChartTooLarge(Exception):
    pass


def export_scale(size: QSize, wanted: float = 2.0) -> float:
    """Twice the size for sharpness, less when that would not fit in memory (a chart of a thousand sections)."""
    pixels = size.width() * size.height()
    if pixels * wanted * wanted <= PIXEL_BUDGET:
        return wanted
    scale = math.sqrt(PIXEL_BUDGET / pixels)
    if scale < 1:
        raise ChartTooLarge()
    return scale


def save_png(image: QImage, path: str) -> None:
    """Write the picture whole or not at all: to a temporary file beside it, then renamed over it.

    The file dialog asked before replacing a file; a workspace (or another
    database or a key) is refused even so.
    """
    check_target(path, kind="png", force=True)
    with replaced_on_success(os.path.abspath(path)) as temp:
        if not image.save(str(temp), "PNG"):
            raise OSError(5, "PNG could not be written")  # EIO: what Qt does not tell us


class SupportChartPanel(QWidget):
    """The chart in a scroll area, with the choice per chapter / per section and the export button."""

    mode_changed = Signal()
    exported = Signal(str)  # the path written

    def __init__(self, parent: QWidget | None = None, *, runner: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.runner = runner or TaskRunner(self)
        self.per_chapter = QRadioButton(tr("Per hoofd&stuk"))
        self.per_section = QRadioButton(tr("Per hoofd&lijn"))
        self.per_chapter.setToolTip(tr("Gemiddeld aantal zetels per hoofdlijn van elk hoofdstuk, over alle "
                                       "hoofdlijnen (het filter geldt hier niet)"))
        self.per_section.setToolTip(tr("Elke hoofdlijn die de matrix toont, met het filter en de volgorde daarvan"))
        self.per_chapter.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.per_chapter)
        group.addButton(self.per_section)
        group.buttonToggled.connect(lambda _button, checked: checked and self.mode_changed.emit())
        self.export_button = QPushButton(tr("&Exporteren als PNG…"))
        self.export_button.setToolTip(tr("Bewaar de grafiek als afbeelding, op dubbele grootte voor een scherp "
                                         "beeld in een notitie of presentatie"))
        self.export_button.clicked.connect(self.export_png)
        self._exporting = False
        self.chart = SupportChart()
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.chart)
        bar = QHBoxLayout()
        bar.addWidget(self.per_chapter)
        bar.addWidget(self.per_section)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)
        self._update_button()

    @property
    def chapter_mode(self) -> bool:
        return self.per_chapter.isChecked()

    def show_data(self, data: ChartData | None) -> None:
        self.chart.set_data(data)
        self._update_button()

    def _update_button(self) -> None:
        self.export_button.setEnabled(bool(self.chart.data and self.chart.data.bars) and not self._exporting)

    def export_png(self) -> None:
        """Ask where, then draw and write the picture on a worker thread (a thousand bars take seconds)."""
        data = self.chart.data
        if data is None or not data.bars:
            return
        size = self.chart.export_size()
        try:
            scale = export_scale(size)
        except ChartTooLarge:
            messages.show_error(self, tr("Grafiek exporteren"), tr(
                "Deze grafiek is te groot voor één afbeelding ({n} balken). Kies per hoofdstuk, of filter de "
                "matrix op minder hoofdlijnen.").format(n=len(data.bars)))
            return
        path = choose_png_path(self, data.suggested_name)
        if not path:
            return
        chart = self.chart.chart_painter
        self._exporting = True
        self._update_button()
        self.runner.run(lambda: save_png(chart.render(size.width(), scale), path),
                        lambda _result: self._export_done(path, None),
                        lambda error: self._export_done(path, error))

    def _export_done(self, path: str, error: BaseException | None) -> None:
        self._exporting = False
        self._update_button()
        if error is None:
            self.exported.emit(path)
        elif isinstance(error, OSError):
            messages.show_error(self, tr("Grafiek exporteren"), tr(
                "De afbeelding kon niet worden bewaard in {path}: {reason}.").format(path=path, reason=os_reason(error)))
        elif isinstance(error, UserError):
            messages.show_error(self, tr("Grafiek exporteren"), error.message)
        else:
            raise error
