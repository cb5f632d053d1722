"""The main window's status bar: passing messages, and for good who works in which workspace, and who else."""

from __future__ import annotations

from PySide6.QtWidgets import QStatusBar

from raadsakkoord.base.i18n import tr
from ui.common.elidedlabel import ElidedLabel

MESSAGE_MS = 8000  # long enough to read a sentence, short enough not to linger over the next action


class StatusBar(QStatusBar):
    def __init__(self) -> None:
        super().__init__()
        # Shortened with "…" when room runs out, whole in the tooltip; the passing messages keep the rest.
        self.identity_label = ElidedLabel(minimum_characters=12)
        self.workspace_label = ElidedLabel(minimum_characters=12)
        self.others_label = ElidedLabel(minimum_characters=12)
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
        text = tr("Ook aan het werk: {names}").format(names=", ".join(names))
        self.others_label.setText(text)
        self.others_label.setToolTip(text + "\n" + tr("Wie deze gedeelde werkruimte nu ook geopend heeft; wat "
                                                      "zij vastleggen, ziet u hier binnen een seconde."))
