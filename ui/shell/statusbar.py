"""The main window's status bar: passing messages, and for good who works in which workspace."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar

from raadsakkoord.base.i18n import tr

MESSAGE_MS = 8000  # long enough to read a sentence, short enough not to linger over the next action


class StatusBar(QStatusBar):
    def __init__(self) -> None:
        super().__init__()
        self.identity_label = QLabel()
        self.workspace_label = QLabel()
        self.addPermanentWidget(self.identity_label)
        self.addPermanentWidget(self.workspace_label)

    def say(self, text: str) -> None:
        self.showMessage(text, MESSAGE_MS)

    def show_workspace(self, workspace_label: str, who: str) -> None:
        self.workspace_label.setText(workspace_label)
        self.identity_label.setText(tr("Werkt als {who}").format(who=who))
