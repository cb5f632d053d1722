"""The plain-language report in the application: every section, hardest first, and every chapter."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QDialog, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from raadsakkoord.base.i18n import tr
from raadsakkoord.queries.readability import LONG_SENTENCE_WORDS, Readability, ReadabilityReport
from ui.common.badges import readability_colour
from ui.common.rowmenu import RowMenu, copy_action
from ui.common.rowsmodel import RowsTableModel

_Index = QModelIndex | QPersistentModelIndex


class ReadabilityTableModel(RowsTableModel):
    """Rows of (number, title, Readability): sections or chapters."""

    COLUMNS = 6

    def __init__(self, rows: list[tuple[str, str, Readability]], parent=None) -> None:
        super().__init__(parent, rows)

    def number_at(self, row: int) -> str:
        return self.row(row)[0]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (tr("Nr."), tr("Titel"), tr("Score"), tr("Niveau"), tr("Lange zinnen"),
                    tr("Ambtelijke woorden"))[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        number, title, result = self.row(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return number
            if column == 1:
                return title
            if not result.words:
                return "—" if column == 2 else tr("geen tekst") if column == 3 else ""
            if column == 2:
                return str(int(result.flesch_douma))
            if column == 3:
                return tr(result.band)
            if column == 4:
                return tr("{long} van {sentences}").format(long=len(result.long_sentences),
                                                           sentences=result.sentences)
            phrases = list(dict.fromkeys(f"{o.phrase} → {o.alternative}" for o in result.officialese))
            return f"{len(result.officialese)}" + (f": {'; '.join(phrases[:3])}" if phrases else "")
        if role == Qt.ItemDataRole.AccessibleTextRole and column == 0 and not number:
            return tr("zonder nummer")  # the row of the whole agreement; an empty cell reads as nothing
        if role == Qt.ItemDataRole.ForegroundRole and column in (2, 3) and result.words:
            return readability_colour(result)
        if role == Qt.ItemDataRole.ToolTipRole and column == 4 and result.long_sentences:
            return "\n\n".join(result.long_sentences[:3])
        if role == Qt.ItemDataRole.ToolTipRole and column == 5 and result.officialese:
            return "\n".join(dict.fromkeys(f"{o.phrase} → {o.alternative}" for o in result.officialese))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _table(model: ReadabilityTableModel, name: str) -> QTableView:
    view = QTableView()
    view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move within it
    view.setModel(model)
    view.setAccessibleName(name)
    view.verticalHeader().hide()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    for column in (0, 2, 3, 4):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(5, QHeaderView.ResizeMode.Interactive)
    header.resizeSection(5, 320)
    return view


class ReadabilityDialog(QDialog):
    """Not modal: a writer keeps it open beside the window and jumps to a section by double-clicking."""

    def __init__(self, report: ReadabilityReport, go_to_section: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Leesbaarheid van het raadsakkoord"))
        self.sections = ReadabilityTableModel(
            [(r.number, r.title, r.readability) for r in report.sections], self)
        self.chapters = ReadabilityTableModel(
            [(c.number, c.title, c.readability) for c in report.chapters]
            + [("", tr("Het hele raadsakkoord"), report.total)], self)
        self.section_table = _table(self.sections, tr("Leesbaarheid per hoofdlijn"))
        self.chapter_table = _table(self.chapters, tr("Leesbaarheid per hoofdstuk"))
        open_section = QAction(tr("Hoofdli&jn openen"), self.section_table)
        open_section.triggered.connect(
            lambda: go_to_section(self.sections.number_at(self.section_table.currentIndex().row())))
        self.section_menu = RowMenu(self.section_table, [open_section, None, copy_action(self.section_table)],
                                    default=open_section)  # Return or a double-click goes there too
        self.chapter_menu = RowMenu(self.chapter_table, [copy_action(self.chapter_table)])
        explanation = QLabel(tr(
            "Flesch-Douma: hoe hoger, hoe makkelijker; taalniveau B1 ligt rond 60 of hoger. Een lange zin "
            "heeft meer dan {n} woorden. Dubbelklik op een hoofdlijn om ernaartoe te gaan.").format(
                n=LONG_SENTENCE_WORDS))
        explanation.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Per hoofdlijn, moeilijkste eerst:")))
        layout.addWidget(self.section_table, 3)
        layout.addWidget(QLabel(tr("Per hoofdstuk (de tekst van al zijn hoofdlijnen samen):")))
        layout.addWidget(self.chapter_table, 2)
        layout.addWidget(explanation)
        self.resize(980, 640)
