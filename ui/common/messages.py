"""The bridge through which the application tells the user something.

Modal dialogs go through these functions so tests can replace them
(pytest-qt's advice on dialogs): ``monkeypatch.setattr(messages, "ask", …)``.
"""

from __future__ import annotations

import traceback

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from raadsakkoord.base.errors import UserError
from raadsakkoord.base.i18n import tr
from raadsakkoord.base.text import shown


def _box(icon: QMessageBox.Icon, title: str, text: str, parent: QWidget | None,
         buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.NoButton) -> QMessageBox:
    """A message box that shows its text as plain text.

    Messages carry names and titles from other parties' packages: Qt would
    take a text that looks like HTML as rich text (and fetch or hide what it
    says), and control characters would show as nothing at all.
    """
    box = QMessageBox(icon, shown(title), shown(text), buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    _box(QMessageBox.Icon.Warning, title, text, parent, QMessageBox.StandardButton.Ok).exec()


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    _box(QMessageBox.Icon.Information, title, text, parent, QMessageBox.StandardButton.Ok).exec()


def show_bug(parent: QWidget | None, text: str, details: str = "") -> None:
    """An unexpected error: say so plainly, with the technical details to copy for the helpdesk."""
    box = _box(QMessageBox.Icon.Critical, tr("Onverwachte fout"),
               tr("Er ging iets mis dat niet had mogen gebeuren. Uw werk tot de laatste "
                  "actie is bewaard, en u kunt verder werken.") + "\n\n" + text,
               parent, QMessageBox.StandardButton.Ok)
    if details:
        box.setDetailedText(details)  # selectable and copyable in Qt's own "details" pane
    box.exec()


def show_failure(parent: QWidget | None, title: str, error: BaseException) -> None:
    """Work that failed: a refusal in the user's words, or else a bug with its traceback to copy."""
    if isinstance(error, UserError):
        show_error(parent, title, error.message)
    else:
        show_bug(parent, f"{type(error).__name__}: {error}", "".join(traceback.format_exception(error)))


def ask(parent: QWidget | None, title: str, text: str, *, yes: str, no: str) -> bool:
    """A yes/no question with buttons that say what they do."""
    box = _box(QMessageBox.Icon.Question, title, text, parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(yes_button)
    box.exec()
    return box.clickedButton() is yes_button


def ask_three(parent: QWidget | None, title: str, text: str, *, save: str, discard: str, cancel: str) -> str:
    """Save / discard / cancel: returns "save", "discard" or "cancel"."""
    box = _box(QMessageBox.Icon.Warning, title, text, parent)
    buttons = {
        box.addButton(save, QMessageBox.ButtonRole.AcceptRole): "save",
        box.addButton(discard, QMessageBox.ButtonRole.DestructiveRole): "discard",
        box.addButton(cancel, QMessageBox.ButtonRole.RejectRole): "cancel",
    }
    box.exec()
    return buttons.get(box.clickedButton(), "cancel")
