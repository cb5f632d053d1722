"""The bridge through which the application tells the user something.

Modal dialogs go through these functions so tests can replace them
(pytest-qt's advice on dialogs): ``monkeypatch.setattr(messages, "show_error", …)``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def show_bug(parent: QWidget | None, text: str) -> None:
    QMessageBox.critical(
        parent, "Onverwachte fout",
        "Er ging iets mis dat niet had mogen gebeuren. Uw werk tot de laatste actie is bewaard.\n\n" + text,
    )
