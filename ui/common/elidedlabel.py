"""A one-line label that shortens its text with "…" when there is no room, and shows it whole in its tooltip.

The status bar's permanent texts (who works, in which workspace) used to be
as wide as the whole workspace path: with a large font they pushed each
other and the passing messages into an overlap.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy, QStyleOption, QWidget


class ElidedLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None, *, minimum_characters: int = 8,
                 preferred_characters: int = 40) -> None:
        super().__init__(text, parent)
        self._minimum_characters = minimum_characters
        self._preferred_characters = preferred_characters
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setToolTip(text)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)

    def elided_text(self) -> str:
        """What is shown: the text, or as much of it as fits with "…"."""
        room = self.contentsRect().width()
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideMiddle, room)

    def sizeHint(self) -> QSize:
        # A long path asks for no more than this, so the status bar's passing messages keep their room.
        hint = super().sizeHint()
        margins = self.contentsMargins()
        width = self.fontMetrics().averageCharWidth() * self._preferred_characters + margins.left() + margins.right()
        return QSize(min(hint.width(), width), hint.height())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        width = self.fontMetrics().averageCharWidth() * self._minimum_characters
        margins = self.contentsMargins()
        return QSize(min(hint.width(), width + margins.left() + margins.right()), hint.height())

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawItemText(painter, self.contentsRect(), int(self.alignment()), option.palette,
                                  self.isEnabled(), self.elided_text(), self.foregroundRole())
