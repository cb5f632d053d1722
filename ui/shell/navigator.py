"""The navigator: chapters and their numbered sections with badges, as a thin item model."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRect, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from raadsakkoord.queries.drafting import SectionBadges
from raadsakkoord.base.i18n import tr
from raadsakkoord.model import Position
from raadsakkoord.queries.labels import POSITION_LABELS
from raadsakkoord.queries.outline import OutlineChapter, OutlineSection
from raadsakkoord.queries.readability import Readability, ReadabilityReport
from ui.common.badges import readability_colour, readability_tooltip, verdict
from ui.common.supportbar import (
    ABSTAIN_COLOUR,
    ABSTAIN_PATTERN,
    OPPOSE_COLOUR,
    OPPOSE_PATTERN,
    SUPPORT_COLOUR,
    paint_seat_bar,
    support_in_words,
)

_Index = QModelIndex | QPersistentModelIndex
_CHAPTER_ID = 0  # internal id of a chapter; a section carries its chapter's row + 1

NUMBER, TITLE, AMENDMENTS, OWN, SUPPORT, READABILITY = range(6)

POSITION_SIGNS = {Position.SUPPORT: "✔", Position.OPPOSE: "✘", Position.ABSTAIN: "–"}
SUPPORT_COLOURS = (SUPPORT_COLOUR, OPPOSE_COLOUR, ABSTAIN_COLOUR)  # silent seats are left empty


class NavigatorModel(QAbstractItemModel):
    # Views ask for many roles per cell; answering the rest at once keeps a large tree quick.
    """Two levels, chapters then sections, over an outline loaded once per refresh."""

    SearchRole = Qt.ItemDataRole.UserRole + 2
    TallyRole = Qt.ItemDataRole.UserRole + 3

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._chapters: tuple[OutlineChapter, ...] = ()
        self._badges: dict[uuid.UUID, SectionBadges] = {}
        self._search: dict[uuid.UUID, str] = {}
        self._council_seats = 0
        self._readability: dict[str, Readability] = {}  # by section number, and "H<n>" for chapter n

    def headers(self) -> tuple[str, ...]:
        return (tr("Nr."), tr("Hoofdlijn"), tr("Open"), tr("Standpunt"), tr("Steun"), tr("Leesbaar"))

    def set_outline(self, chapters: tuple[OutlineChapter, ...], council_seats: int,
                    badges: dict[uuid.UUID, SectionBadges]) -> None:
        self.beginResetModel()
        self._chapters = chapters
        self._council_seats = council_seats
        self._badges = badges
        self._readability = {}
        # Lower-cased once, so filtering a thousand sections per keystroke stays cheap.
        self._search = {s.id: f"{s.number} {s.title}\n{s.text}".casefold()
                        for c in chapters for s in c.sections}
        self.endResetModel()

    def set_readability(self, report: ReadabilityReport) -> None:
        """Scores arrive after the outline (computed off the GUI thread): fill in one column."""
        self._readability = {r.number: r.readability for r in report.sections}
        self._readability.update({f"H{c.number}": c.readability for c in report.chapters})
        if self._chapters:
            last = self.index(len(self._chapters) - 1, READABILITY)
            self.dataChanged.emit(self.index(0, READABILITY), last)
            for row in range(len(self._chapters)):
                parent = self.index(row, 0)
                count = self.rowCount(parent)
                if count:
                    self.dataChanged.emit(self.index(0, READABILITY, parent), self.index(count - 1, READABILITY, parent))

    def section_at(self, index: _Index) -> OutlineSection | None:
        if not index.isValid() or index.internalId() == _CHAPTER_ID:
            return None
        return self._chapters[index.internalId() - 1].sections[index.row()]

    def chapter_at(self, index: _Index) -> OutlineChapter | None:
        if not index.isValid():
            return None
        if index.internalId() == _CHAPTER_ID:
            return self._chapters[index.row()]
        return self._chapters[index.internalId() - 1]

    def find_section(self, section_id: uuid.UUID) -> QModelIndex:
        for chapter_row, chapter in enumerate(self._chapters):
            for row, section in enumerate(chapter.sections):
                if section.id == section_id:
                    return self.index(row, 0, self.index(chapter_row, 0))
        return QModelIndex()

    def find_chapter(self, chapter_id: uuid.UUID) -> QModelIndex:
        for row, chapter in enumerate(self._chapters):
            if chapter.id == chapter_id:
                return self.index(row, 0)
        return QModelIndex()

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
        return 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return (None, None, tr("Open amendementen (ingediend, en uw eigen ontwerpen)"),
                    tr("Het standpunt van uw fractie"), tr("Steun in zetels voor de huidige tekst"),
                    tr("Leesbaarheid (Flesch-Douma): hoe hoger, hoe makkelijker; taalniveau B1 ligt rond 60"))[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in _ROLES:
            return None
        section = self.section_at(index)
        if section is None:
            return self._chapter_data(self._chapters[index.row()], index.column(), role)
        column = index.column()
        badges = self._badges.get(section.id, SectionBadges(0, None, False))
        if role == self.SearchRole:
            return self._search.get(section.id, "")
        if role == self.TallyRole:
            return section.support
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NUMBER:
                return section.number
            if column == TITLE:
                return section.title
            if column == AMENDMENTS:
                # A letter marks a request to this party to co-submit, still unanswered.
                return (str(badges.open_amendments) if badges.open_amendments else "") + (
                    " ✉" if badges.asked else "")
            if column == OWN:
                # As in the column of amendments, a letter marks what is asked of this party: here its support.
                asked = "✉" if badges.support_asked else ""
                if badges.own_position is None:
                    return asked
                return " ".join(filter(None, (POSITION_SIGNS[badges.own_position], "⚠" if badges.own_stale else "",
                                              asked)))
            if column == SUPPORT:
                return f"{section.support.support_seats}/{self._council_seats}"
            if column == READABILITY:
                return self._score(section.number)
        if column == READABILITY:
            return self._readability_data(section.number, role)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(section, badges, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (AMENDMENTS, OWN, SUPPORT):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == OWN and badges.own_stale:
            return QColor("#a15c00")
        if role == Qt.ItemDataRole.AccessibleTextRole and column == OWN:
            return self._tooltip(section, badges, column) or tr("geen standpunt")
        if role == Qt.ItemDataRole.AccessibleTextRole and column in (AMENDMENTS, SUPPORT):
            return self._tooltip(section, badges, column) or tr("geen open amendementen")
        return None

    def _score(self, key: str) -> str:
        result = self._readability.get(key)
        if result is None or not result.words:
            return ""
        return str(int(result.flesch_douma))  # rounded down, as the reports do

    def _readability_data(self, key: str, role: int):
        result = self._readability.get(key)
        if result is None:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return readability_tooltip(result)
        if role == Qt.ItemDataRole.ForegroundRole and result.words:
            return readability_colour(result)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _chapter_data(self, chapter: OutlineChapter, column: int, role: int):
        if column == READABILITY:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._score(f"H{chapter.number}")
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return self._readability_data(f"H{chapter.number}", role)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NUMBER:
                return chapter.number
            if column == TITLE:
                return chapter.title
            if column == AMENDMENTS:
                total = sum(self._badges.get(s.id, SectionBadges(0, None, False)).open_amendments
                            for s in chapter.sections)
                return str(total) if total else ""
            return ""
        if role == Qt.ItemDataRole.AccessibleTextRole and column == AMENDMENTS:
            total = sum(self._badges.get(s.id, SectionBadges(0, None, False)).open_amendments
                        for s in chapter.sections)
            return tr("{n} open amendement(en)").format(n=total) if total else tr("geen open amendementen")
        if role == Qt.ItemDataRole.AccessibleTextRole and column in (OWN, SUPPORT):
            return tr("zie de hoofdlijnen van dit hoofdstuk")
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == self.SearchRole:
            return f"{chapter.number} {chapter.title}".casefold()
        return None

    def _tooltip(self, section: OutlineSection, badges: SectionBadges, column: int) -> str | None:
        tally = section.support
        if column == SUPPORT:
            text = f"{support_in_words(tally)}: {verdict(tally)}"
            if tally.stale:
                text += "; " + tr("{n} fractie(s) moeten hun steun bevestigen").format(n=len(tally.stale))
            return text
        if column == OWN and (badges.own_position is not None or badges.support_asked):
            text = ""
            if badges.own_position is not None:
                text = tr("Uw fractie {position}").format(position=tr(POSITION_LABELS[badges.own_position]))
                if badges.own_stale:
                    text += " — " + tr("gegeven op een oudere tekst: bevestig of wijzig het")
            if badges.support_asked:
                asked = tr("steun opnieuw gevraagd: de griffie vraagt uw standpunt over de nieuwe tekst")
                text = f"{text}; {asked}" if text else asked[0].upper() + asked[1:]
            return text
        if column == AMENDMENTS and badges.open_amendments:
            text = tr("{n} open amendement(en)").format(n=badges.open_amendments)
            if badges.asked:
                text += "; " + tr("uw fractie is gevraagd als mede-indiener van {n} ervan").format(n=badges.asked)
            return text
        if column == TITLE:
            return section.title
        return None


_ROLES = frozenset({
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.AccessibleTextRole,
    NavigatorModel.SearchRole, NavigatorModel.TallyRole,
})


class SupportBarDelegate(QStyledItemDelegate):
    """The seat-weighted support as a small bar: support, oppose, abstain; silent seats empty."""

    BAR_WIDTH = 50  # the bar and the space around it, left of the seat count

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        tally = index.data(NavigatorModel.TallyRole)
        if tally is None or not tally.council_seats:
            super().paint(painter, option, index)
            return
        option = QStyleOptionViewItem(option)
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        text = option.text
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        painter.save()
        bar = QRect(option.rect.left() + 4, option.rect.center().y() - 4, self.BAR_WIDTH - 10, 9)
        painter.setPen(Qt.PenStyle.NoPen)
        seats = (tally.support_seats, tally.oppose_seats, tally.abstain_seats)
        paint_seat_bar(painter, bar, zip(seats, SUPPORT_COLOURS, (Qt.BrushStyle.NoBrush, OPPOSE_PATTERN,
                                                                             ABSTAIN_PATTERN)), tally.council_seats)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(option.palette.color(option.palette.ColorRole.HighlightedText if selected
                                            else option.palette.ColorRole.Text))
        painter.drawText(option.rect.adjusted(bar.width() + 10, 0, -2, 0),
                         int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex):
        size = super().sizeHint(option, index)
        size.setWidth(size.width() + self.BAR_WIDTH)
        return size


class NavigatorFilter(QSortFilterProxyModel):
    """Keeps sections whose number, title or text contain every typed word, and their chapters."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.setRecursiveFilteringEnabled(True)

    def set_query(self, query: str) -> None:
        self.beginFilterChange()
        self._words = query.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self._words:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        if not source_parent.isValid():
            return False  # a chapter stays when one of its sections matches (recursive filtering)
        haystack = index.data(NavigatorModel.SearchRole) or ""
        return all(word in haystack for word in self._words)
