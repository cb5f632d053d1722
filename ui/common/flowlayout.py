"""A layout that places its items in rows and wraps to a new row when the width runs out.

Filter bars use it: in one fixed row, a large font or a 200 % scale made
the whole window wider than the screen. Here the bar is as narrow as its
widest item and grows in height instead (``heightForWidth``).
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QLayoutItem, QSizePolicy, QStyle, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, *, spacing: int = -1) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        # One row when there is room for it.
        width = sum(item.sizeHint().width() for item in self._items) + self._gap() * max(len(self._items) - 1, 0)
        height = max((item.sizeHint().height() for item in self._items), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _gap(self) -> int:
        if self._spacing >= 0:
            return self._spacing
        parent = self.parentWidget()
        if parent is None:
            return 6
        return parent.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing, None, parent) or 6

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        x, y, row_height = area.x(), area.y(), 0
        gap = self._gap()
        row: list[tuple[QLayoutItem, QSize]] = []

        def place_row() -> None:
            if not move or not row:
                return
            # The stretching items share what the row leaves over, so a search field still fills the bar.
            used = sum(size.width() for _, size in row) + gap * (len(row) - 1)
            stretchers = [i for i, (item, _) in enumerate(row)
                          if item.expandingDirections() & Qt.Orientation.Horizontal]
            extra = max(area.width() - used, 0) // len(stretchers) if stretchers else 0
            left = area.x()
            for i, (item, size) in enumerate(row):
                width = min(size.width() + (extra if i in stretchers else 0), area.width())
                item.setGeometry(QRect(QPoint(left, row_y), QSize(width, row_height)))
                left += width + gap

        row_y = y
        for item in self._items:
            if item.isEmpty():
                continue
            size = item.sizeHint().boundedTo(QSize(area.width(), 1 << 20)).expandedTo(item.minimumSize())
            if row and x + size.width() > area.right() + 1:
                place_row()
                row = []
                x = area.x()
                y += row_height + gap
                row_y = y
                row_height = 0
            row.append((item, size))
            x += size.width() + gap
            row_height = max(row_height, size.height())
        place_row()
        return y + row_height - rect.y() + margins.bottom()


def labelled(text: str, widget: QWidget, *, stretch: bool = False) -> QWidget:
    """A label with its field, kept together on one row of a flow layout; the label's mnemonic goes to the field."""
    group = QWidget()
    layout = QHBoxLayout(group)
    layout.setContentsMargins(0, 0, 0, 0)
    label = QLabel(text)
    label.setBuddy(widget)
    layout.addWidget(label)
    layout.addWidget(widget, 1)
    if stretch:
        group.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return group
