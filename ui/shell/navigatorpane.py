"""The left pane: a search field above the navigator tree."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QHeaderView, QLineEdit, QStyle, QTreeView, QVBoxLayout, QWidget

from raadsakkoord.base.i18n import tr
from ui.shell.navigator import (
    AMENDMENTS,
    NUMBER,
    OWN,
    READABILITY,
    SUPPORT,
    TITLE,
    NavigatorFilter,
    NavigatorModel,
    SupportBarDelegate,
)

TITLE_CHARACTERS = 18  # "Meedoen zonder geld…": enough of a title to tell sections apart


class _Tree(QTreeView):
    """The navigator's tree: the title column fills the width left by the badges, down to ``title_room``."""

    title_room = 0

    def fit_title(self) -> None:
        header = self.header()
        others = sum(header.sectionSize(c) for c in range(header.count())
                     if c != TITLE and not header.isSectionHidden(c))
        header.resizeSection(TITLE, max(self.title_room, self.viewport().width() - others))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_title()


class NavigatorPane(QWidget):
    section_selected = Signal(object)  # section id
    chapter_selected = Signal(object)  # chapter id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = NavigatorModel(self)
        self.proxy = NavigatorFilter(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Zoeken in titels en tekst (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(tr("Zoeken in hoofdlijnen"))
        # Filtering a thousand sections per keystroke is cheap, but waiting for
        # a pause keeps fast typists from redrawing the tree for every letter.
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(120)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        self.search.returnPressed.connect(self._focus_first_match)
        self.tree = _Tree()
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setAccessibleName(tr("Hoofdstukken en hoofdlijnen"))
        self.tree.setItemDelegateForColumn(SUPPORT, SupportBarDelegate(self.tree))
        header = self.tree.header()
        header.setStretchLastSection(False)
        # Widths from the font, not ResizeToContents: that asks every row of a
        # thousand-section tree for its size on each change, a second per refresh.
        metrics = self.tree.fontMetrics()
        padding = 3 * metrics.averageCharWidth()
        headers = self.model.headers()
        widths = {
            NUMBER: 2 * self.tree.indentation() + metrics.horizontalAdvance("88.88") + padding,
            AMENDMENTS: max(metrics.horizontalAdvance(headers[AMENDMENTS]), metrics.horizontalAdvance("888")) + padding,
            OWN: max(metrics.horizontalAdvance(headers[OWN]), metrics.horizontalAdvance("✘ ⚠ ✉")) + padding,
            SUPPORT: SupportBarDelegate.BAR_WIDTH + metrics.horizontalAdvance("888/888") + padding,
            READABILITY: max(metrics.horizontalAdvance(headers[READABILITY]), metrics.horizontalAdvance("888"))
            + padding,
        }
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        # The title takes what the other columns leave, but never less than room for its first words
        # (the tooltip has it whole): in a narrow pane the badges scroll sideways instead.
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Fixed)
        self.tree.title_room = self.tree.indentation() + TITLE_CHARACTERS * metrics.averageCharWidth()
        scroll_bar = self.tree.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self.tree)
        self.tree.setMinimumWidth(widths[NUMBER] + self.tree.title_room + scroll_bar + 2 * self.tree.frameWidth())
        header.sectionResized.connect(lambda column, _old, _new: column != TITLE and self.tree.fit_title())
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)

    def set_outline(self, outline, badges, *, party_view: bool) -> None:
        current = self.current_id()
        self.tree.setUpdatesEnabled(False)
        try:
            self.model.set_outline(outline.chapters, outline.council_seats, badges)
            self.tree.setColumnHidden(OWN, not party_view)  # the griffie has no position of its own
            self.tree.expandAll()
        finally:
            self.tree.setUpdatesEnabled(True)
        if current is None or not self.select(current):
            first = self.proxy.index(0, 0, self.proxy.index(0, 0))
            if first.isValid():
                self.tree.setCurrentIndex(first)

    def current_id(self) -> uuid.UUID | None:
        source = self.proxy.mapToSource(self.tree.currentIndex())
        section = self.model.section_at(source)
        if section is not None:
            return section.id
        chapter = self.model.chapter_at(source)
        return chapter.id if chapter else None

    def select(self, ident: uuid.UUID) -> bool:
        source = self.model.find_section(ident)
        if not source.isValid():
            source = self.model.find_chapter(ident)
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        source = self.proxy.mapToSource(current)
        section = self.model.section_at(source)
        if section is not None:
            self.section_selected.emit(section.id)
            return
        chapter = self.model.chapter_at(source)
        if chapter is not None:
            self.chapter_selected.emit(chapter.id)

    def _apply_search(self) -> None:
        self.proxy.set_query(self.search.text())
        self.tree.expandAll()
        if self.search.text().strip():
            self._focus_first_match(keep_focus=True)

    def _focus_first_match(self, keep_focus: bool = False) -> None:
        if self._search_timer.isActive():  # Enter before the pause: filter now
            self._search_timer.stop()
            self.proxy.set_query(self.search.text())
        for row in range(self.proxy.rowCount()):
            chapter = self.proxy.index(row, 0)
            if self.proxy.rowCount(chapter):
                self.tree.setCurrentIndex(self.proxy.index(0, 0, chapter))
                break
        if not keep_focus:
            self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
