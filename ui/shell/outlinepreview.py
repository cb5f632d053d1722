"""The proposed outline of a Word or OpenDocument draft, shown and corrected before anything is written.

The edits are the core's (``importing.outline``): this dialog only shows the
outline as a tree, calls an edit, and shows the new outline. "Importeren"
hands back the outline as corrected; "Annuleren" hands back nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from raadsakkoord.base.errors import UserError
from raadsakkoord.base.i18n import tr
from raadsakkoord.base.text import shown
from raadsakkoord.importing.outline import CHAPTER, Outline, demote, merge, promote, split, words_label

ENTRY = Qt.ItemDataRole.UserRole
PREVIEW_CHARS = 90  # of a paragraph in the list to split at


class OutlinePreviewDialog(QDialog):
    def __init__(self, outline: Outline, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Indeling van {source} controleren").format(source=shown(outline.source)))
        self.outline = outline

        explanation = QLabel(tr("Zo wordt het document verdeeld in hoofdstukken en hoofdlijnen ({explanation}). "
                                "Klopt dat niet, verbeter het dan hieronder. Er wordt niets opgeslagen tot u "
                                "op Importeren klikt.").format(explanation=outline.explanation))
        explanation.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([tr("Kop"), tr("Woorden")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.tree.setAccessibleName(tr("Voorgestelde hoofdstukken en hoofdlijnen"))
        self.paragraphs = QListWidget()
        self.paragraphs.setAccessibleName(tr("Alinea's van de gekozen kop"))
        self.paragraphs.setToolTip(tr("Kies een alinea en klik Splitsen om er een nieuwe kop van te maken"))
        paragraphs_label = QLabel(tr("&Alinea's van de gekozen kop:"))
        paragraphs_label.setBuddy(self.paragraphs)
        tree_label = QLabel(tr("In&deling:"))
        tree_label.setBuddy(self.tree)

        self.promote_button = self._button(tr("&Hoger (hoofdstuk)"), tr("Maak van de hoofdlijn een hoofdstuk"),
                                           "Alt+Shift+Left", self._promote)
        self.demote_button = self._button(tr("&Lager (hoofdlijn)"), tr("Maak van het hoofdstuk een hoofdlijn"),
                                          "Alt+Shift+Right", self._demote)
        self.merge_button = self._button(tr("&Samenvoegen met vorige"),
                                         tr("Voeg de kop en zijn tekst bij de kop erboven; de kop wordt een "
                                            "vetgedrukte alinea"), "Ctrl+Backspace", self._merge)
        self.split_button = self._button(tr("S&plitsen bij alinea"),
                                         tr("Begin bij de gekozen alinea een nieuwe kop; die alinea wordt de kop"),
                                         "Ctrl+Return", self._split)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(tr("Melding"))
        self.status.setStyleSheet("color: palette(highlight);")
        self.totals = QLabel()

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(tr("&Importeren"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(tr("Annuleren"), QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.setAccessibleName(tr("Importeren met deze indeling"))
        self.cancel_button.setAccessibleName(tr("Annuleren, niets importeren"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        edits = QHBoxLayout()
        for button in (self.promote_button, self.demote_button, self.merge_button, self.split_button):
            edits.addWidget(button)
        edits.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(tree_label)
        left_layout.addWidget(self.tree)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(paragraphs_label)
        right_layout.addWidget(self.paragraphs)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([420, 320])
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(splitter, 1)
        layout.addLayout(edits)
        layout.addWidget(self.status)
        layout.addWidget(self.totals)
        layout.addWidget(self.buttons)

        self.tree.currentItemChanged.connect(self._selected)
        self.paragraphs.currentRowChanged.connect(lambda _row: self._update_buttons())
        self._show(0)
        self.resize(780, 520)
        self.tree.setFocus()

    def _button(self, text: str, tip: str, keys: str, slot) -> QPushButton:
        button = QPushButton(text)
        sequence = QKeySequence(keys)
        # A shortcut of the dialog, not of the button: it must work wherever the focus is in the dialog.
        shortcut = QShortcut(sequence, self)
        shortcut.activated.connect(lambda: button.isEnabled() and button.click())
        button.setToolTip(f"{tip} ({sequence.toString(QKeySequence.SequenceFormat.NativeText)})")
        button.setAccessibleName(text.replace("&", ""))
        button.setAccessibleDescription(tip)
        button.clicked.connect(slot)
        return button

    # -- showing -------------------------------------------------------------------------------

    def _show(self, current: int | None) -> None:
        """Fill the tree from the outline and select the entry at ``current``."""
        self.tree.blockSignals(True)
        self.tree.clear()
        parent: QTreeWidgetItem | None = None
        selected: QTreeWidgetItem | None = None
        if self.outline.preamble:
            words = sum(part.words for part in self.outline.preamble)
            intro = QTreeWidgetItem([tr("Inleiding"), words_label(words)])
            intro.setFlags(intro.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.tree.addTopLevelItem(intro)
        for index, (number, entry) in enumerate(zip(self.outline.numbers(), self.outline.entries)):
            item = QTreeWidgetItem([f"{number}  {shown(entry.title)}", words_label(entry.words)])
            item.setData(0, ENTRY, index)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if entry.kind == CHAPTER:
                font = item.font(0)
                font.setBold(True)
                item.setFont(0, font)
                self.tree.addTopLevelItem(item)
                parent = item
            elif parent is not None:
                parent.addChild(item)
            else:
                self.tree.addTopLevelItem(item)  # a section before any chapter: shown, refused on import
            if index == current:
                selected = item
        self.tree.expandAll()
        self.tree.blockSignals(False)
        if selected is not None:
            self.tree.setCurrentItem(selected)
        self._selected()
        chapters, sections = self.outline.counts()
        self.totals.setText(tr("{chapters} hoofdstukken en {sections} hoofdlijnen").format(
            chapters=chapters, sections=sections))

    def current_index(self) -> int | None:
        item = self.tree.currentItem()
        value = item.data(0, ENTRY) if item is not None else None
        return value if isinstance(value, int) else None

    def _selected(self, *_args) -> None:
        self.paragraphs.clear()
        index = self.current_index()
        if index is not None:
            for part in self.outline.entries[index].body:
                text = " ".join(part.plain.split())
                if len(text) > PREVIEW_CHARS:
                    text = text[:PREVIEW_CHARS - 1] + "…"
                QListWidgetItem(shown(text), self.paragraphs)
        self._update_buttons()

    def _update_buttons(self) -> None:
        index = self.current_index()
        entry = self.outline.entries[index] if index is not None else None
        self.promote_button.setEnabled(entry is not None and entry.kind != CHAPTER)
        self.demote_button.setEnabled(entry is not None and entry.kind == CHAPTER)
        self.merge_button.setEnabled(index is not None and index > 0)
        self.split_button.setEnabled(entry is not None and self.paragraphs.currentRow() >= 0)

    # -- editing -------------------------------------------------------------------------------

    def _edit(self, edit, select) -> None:
        index = self.current_index()
        if index is None:
            return
        try:
            self.outline = edit(index)
        except UserError as exc:
            self.status.setText(exc.message)
            return
        self.status.clear()
        self._show(select(index))

    def _promote(self) -> None:
        self._edit(lambda i: promote(self.outline, i), lambda i: i)

    def _demote(self) -> None:
        self._edit(lambda i: demote(self.outline, i), lambda i: i)

    def _merge(self) -> None:
        self._edit(lambda i: merge(self.outline, i), lambda i: i - 1)

    def _split(self) -> None:
        row = self.paragraphs.currentRow()
        if row < 0:
            return
        self._edit(lambda i: split(self.outline, i, row), lambda i: i + 1)

    def accept(self) -> None:
        try:
            self.outline.check()
        except UserError as exc:
            self.status.setText(exc.message)
            return
        super().accept()


def _run_dialog(dialog: QDialog) -> bool:
    """Shown modally; tests replace this (pytest-qt's advice on dialogs)."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def ask_outline(parent: QWidget | None, outline: Outline) -> Outline | None:
    """The outline as the clerk corrected and accepted it; None when they cancel."""
    dialog = OutlinePreviewDialog(outline, parent)
    try:
        return dialog.outline if _run_dialog(dialog) else None
    finally:
        dialog.deleteLater()
