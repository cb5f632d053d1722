"""The main window's status bar: passing messages, and for good who works in which workspace, and who else."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar

from raadsakkoord.base.i18n import tr

MESSAGE_MS = 8000  # long enough to read a sentence, short enough not to linger over the next action


class StatusBar(QStatusBar):
    def __init__(self) -> None:
        super().__init__()
        self.identity_label = QLabel()
        self.workspace_label = QLabel()
        self.others_label = QLabel()
        self.others_label.hide()
        self.addPermanentWidget(self.others_label)
        self.addPermanentWidget(self.identity_label)
        self.addPermanentWidget(self.workspace_label)

    def say(self, text: str) -> None:
        self.showMessage(text, MESSAGE_MS)

    def show_workspace(self, workspace_label: str, who: str) -> None:
        self.workspace_label.setText(workspace_label)
        self.identity_label.setText(tr("Werkt als {who}").format(who=who))

    def show_others(self, names: list[str]) -> None:
        """Who else has the workspace open (known on PostgreSQL); nothing when nobody, or not known."""
        self.others_label.setVisible(bool(names))
        self.others_label.setText(tr("Ook aan het werk: {names}").format(names=", ".join(names)))
        self.others_label.setToolTip(tr("Wie deze database nu ook geopend heeft; wat zij vastleggen, "
                                        "ziet u hier binnen een seconde."))
