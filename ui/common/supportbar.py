"""The seat-weighted support as a small bar, drawn the same in the navigator and the support matrix."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QPainter

from raadsakkoord.base.i18n import tr


def support_in_words(tally) -> str:
    """Every part of a bar in words, for screen readers and tooltips: colours alone tell some readers nothing."""
    silent = max(tally.council_seats - tally.support_seats - tally.oppose_seats - tally.abstain_seats, 0)
    return tr("{support} zetels voor, {oppose} tegen, {abstain} onthouden, {silent} zonder standpunt "
              "(van {total})").format(support=tally.support_seats, oppose=tally.oppose_seats,
                                      abstain=tally.abstain_seats, silent=silent, total=tally.council_seats)


def paint_seat_bar(painter: QPainter, bar: QRect, parts: Iterable[tuple[int, QColor]], seats: int) -> None:
    """Coloured parts in proportion to their seats (silent seats stay white) and the majority line."""
    painter.fillRect(bar, QColor("#ffffff"))
    x = bar.left()
    for count, colour in parts:
        width = round(bar.width() * count / seats)
        painter.fillRect(QRect(x, bar.top(), width, bar.height()), colour)
        x += width
    painter.setPen(QColor("#7a7a7a"))
    painter.drawRect(bar.adjusted(0, 0, -1, -1))
    # Half of the seats, so "almost" and "just" a majority are visible at a glance.
    half = bar.left() + bar.width() // 2
    painter.setPen(QColor("#000000"))
    painter.drawLine(half, bar.top() - 2, half, bar.bottom() + 2)
