"""The two dialogs of a decision: a compromise text with its note, and a reason.

Both stay open until the core accepts what was typed: ``apply`` makes the
decision and returns False (after showing the core's message) when it was
refused, so nothing the clerk typed is lost to a missing note. The view
calls ``ask_compromise`` and ``ask_note``, which tests replace.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from raadsakkoord.base.i18n import tr
from ui.common.render import legend, page, tracked_changes_html


def _editor(name: str, *, tab_moves: bool = True) -> QPlainTextEdit:
    editor = QPlainTextEdit()
    editor.setAccessibleName(name)
    editor.setTabChangesFocus(tab_moves)
    return editor


class CompromiseDialog(QDialog):
    """The clerk's own text for the section, shown live as tracked changes against the current text."""

    def __init__(self, parent: QWidget | None, *, heading: str, current_text: str, initial_text: str,
                 apply: Callable[[str, str], bool]) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Gedeeltelijk overnemen"))
        self._current = current_text
        self._apply = apply
        intro = QLabel(heading)
        intro.setWordWrap(True)
        self.text_edit = _editor(tr("Compromistekst"))
        self.text_edit.setPlainText(initial_text)
        text_label = QLabel(tr("&Compromistekst (Markdown), zoals de hoofdlijn wordt:"))
        text_label.setBuddy(self.text_edit)
        self.changes_view = QTextBrowser()
        self.changes_view.setAccessibleName(tr("Compromis tegenover de huidige tekst"))
        self.note_edit = _editor(tr("Notitie bij het besluit"))
        self.note_edit.setPlaceholderText(tr("Wat is er van het amendement overgenomen, en waarom? "
                                             "De fractie leest dit terug."))
        self.note_edit.setMaximumHeight(90)
        note_label = QLabel(tr("&Notitie (verplicht):"))
        note_label.setBuddy(self.note_edit)
        buttons = QDialogButtonBox()
        self.record_button = QPushButton(tr("Compromis &vastleggen"))
        self.record_button.setDefault(True)
        buttons.addButton(self.record_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._record)
        buttons.rejected.connect(self.reject)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(text_label)
        top_layout.addWidget(self.text_edit)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(QLabel(tr("Zo verandert de huidige tekst:")))
        bottom_layout.addWidget(self.changes_view)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(note_label)
        layout.addWidget(self.note_edit)
        layout.addWidget(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self._show_changes)
        self.text_edit.textChanged.connect(self._timer.start)
        self._show_changes()
        self.resize(760, 640)

    def _show_changes(self) -> None:
        self.changes_view.setHtml(page(legend() + tracked_changes_html(self._current, self.text_edit.toPlainText())))

    def _record(self) -> None:
        if self._apply(self.text_edit.toPlainText(), self.note_edit.toPlainText()):
            self.accept()


class NoteDialog(QDialog):
    """A reason or note for a decision."""

    def __init__(self, parent: QWidget | None, *, title: str, heading: str, prompt: str, button: str,
                 apply: Callable[[str], bool], initial: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._apply = apply
        intro = QLabel(heading)
        intro.setWordWrap(True)
        self.note_edit = _editor(prompt.replace("&", ""))
        self.note_edit.setPlainText(initial)
        label = QLabel(prompt)
        label.setBuddy(self.note_edit)
        buttons = QDialogButtonBox()
        self.record_button = QPushButton(button)
        self.record_button.setDefault(True)
        buttons.addButton(self.record_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._record)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(label)
        layout.addWidget(self.note_edit, 1)
        layout.addWidget(buttons)
        self.resize(520, 300)

    def _record(self) -> None:
        if self._apply(self.note_edit.toPlainText()):
            self.accept()


def ask_compromise(parent: QWidget | None, *, heading: str, current_text: str, initial_text: str,
                   apply: Callable[[str, str], bool]) -> bool:
    """Open the compromise dialog; True when a compromise was recorded."""
    dialog = CompromiseDialog(parent, heading=heading, current_text=current_text, initial_text=initial_text,
                              apply=apply)
    return dialog.exec() == QDialog.DialogCode.Accepted


def ask_note(parent: QWidget | None, *, title: str, heading: str, prompt: str, button: str,
             apply: Callable[[str], bool]) -> bool:
    """Open the note dialog; True when the decision was recorded."""
    dialog = NoteDialog(parent, title=title, heading=heading, prompt=prompt, button=button, apply=apply)
    return dialog.exec() == QDialog.DialogCode.Accepted
