"""The navigator: chapters and their numbered sections, as a thin item model."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from raadsakkoord.outline import OutlineChapter, OutlineSection

_Index = QModelIndex | QPersistentModelIndex
_CHAPTER_ID = 0  # internal id of a chapter; a section carries its chapter's row + 1


class NavigatorModel(QAbstractItemModel):
    """Two levels, chapters then sections, over an outline loaded once per refresh."""

    HEADERS = ("Nr.", "Hoofdlijn", "Steun")
    SectionRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._chapters: tuple[OutlineChapter, ...] = ()
        self._council_seats = 0

    def set_outline(self, chapters: tuple[OutlineChapter, ...], council_seats: int) -> None:
        self.beginResetModel()
        self._chapters = chapters
        self._council_seats = council_seats
        self.endResetModel()

    def section_at(self, index: _Index) -> OutlineSection | None:
        if not index.isValid() or index.internalId() == _CHAPTER_ID:
            return None
        return self._chapters[index.internalId() - 1].sections[index.row()]

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _CHAPTER_ID)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _CHAPTER_ID:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _CHAPTER_ID)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._chapters)
        if parent.column() != 0 or parent.internalId() != _CHAPTER_ID:
            return 0
        return len(self._chapters[parent.row()].sections)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        section = self.section_at(index)
        if section is None:
            chapter = self._chapters[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return (chapter.number, chapter.title, "")[index.column()]
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            support = f"{section.support.support_seats}/{self._council_seats}"
            return (section.number, section.title, support)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            tally = section.support
            verdict = ("brede steun" if tally.has_broad_support
                       else "meerderheid" if tally.has_majority else "geen meerderheid")
            stale = f"; {len(tally.stale)} fractie(s) moeten hun steun bevestigen" if tally.stale else ""
            return f"{tally.support_seats} van {self._council_seats} zetels steunen de huidige tekst ({verdict}){stale}"
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
