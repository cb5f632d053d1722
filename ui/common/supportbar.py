"""The seat-weighted support as a small bar, drawn the same in the navigator and the support matrix."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QBrush, QColor, QPainter

from raadsakkoord.base.i18n import tr


def support_in_words(tally) -> str:
    """Every part of a bar in words, for screen readers and tooltips: colours alone tell some readers nothing."""
    silent = max(tally.council_seats - tally.support_seats - tally.oppose_seats - tally.abstain_seats, 0)
    return tr("{support} zetels voor, {oppose} tegen, {abstain} onthouding, {silent} zonder standpunt "
              "(van {total})").format(support=tally.support_seats, oppose=tally.oppose_seats,
                                      abstain=tally.abstain_seats, silent=silent, total=tally.council_seats)


# Each part keeps 3:1 against the white ground (silent seats) and the white line that parts it from its
# neighbour: green and red are 1.1:1 to each other, so the line, not the hue, shows where one ends.
SUPPORT_COLOUR = QColor("#2e7d32")
OPPOSE_COLOUR = QColor("#c62828")
ABSTAIN_COLOUR = QColor("#767676")
BAR_GROUND = QColor("#ffffff")

# Opposing seats are hatched and abstaining ones dotted, so the parts differ for readers who cannot tell
# the green from the red (1.1:1 in luminance) or see the grey against white.
OPPOSE_PATTERN = Qt.BrushStyle.BDiagPattern
ABSTAIN_PATTERN = Qt.BrushStyle.Dense6Pattern


def paint_seat_bar(painter: QPainter, bar: QRect, parts: Iterable[tuple], seats: int) -> None:
    """Coloured parts in proportion to their seats (silent seats stay white) and the majority line.

    A part is ``(seats, colour)`` or ``(seats, colour, pattern)``; the pattern is drawn in white over the colour.
    """
    painter.fillRect(bar, BAR_GROUND)
    x = bar.left()
    for count, colour, *pattern in parts:
        width = round(bar.width() * count / seats)
        if not width:
            continue
        part = QRect(x, bar.top(), width, bar.height())
        painter.fillRect(part, colour)
        if pattern:
            painter.fillRect(part, QBrush(BAR_GROUND, pattern[0]))
        if x > bar.left():
            painter.fillRect(QRect(x, bar.top(), 1, bar.height()), BAR_GROUND)
        x += width
    painter.setPen(QColor("#7a7a7a"))
    painter.drawRect(bar.adjusted(0, 0, -1, -1))
    # Half of the seats, so "almost" and "just" a majority are visible at a glance.
    half = bar.left() + bar.width() // 2
    painter.setPen(QColor("#000000"))
    painter.drawLine(half, bar.top() - 2, half, bar.bottom() + 2)
