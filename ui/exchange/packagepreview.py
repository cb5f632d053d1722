"""A package file opened from outside (double-clicked, handed over): what it is, then read it in or not.

The clerk sees who sent it and into which workspace it would go before
anything is read in, and may choose another workspace instead.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from raadsakkoord.base.files import read_file_limited
from raadsakkoord.base.i18n import tr
from raadsakkoord.exchange.envelope import MAX_PACKAGE_BYTES
from raadsakkoord.exchange.preview import PackagePreview, preview_package
from ui.common import messages
from ui.common.background import TaskRunner
from ui.common.context import Context

IMPORT, OTHER, CANCEL = "import", "other", "cancel"


def preview_html(preview: PackagePreview, workspace: str) -> str:
    rows = "".join(f"<p style='margin:2px 0'>{html.escape(line)}</p>" for line in preview.lines())
    if preview.problem:
        verdict = f"<p style='color:#b71c1c'><b>{html.escape(preview.problem)}</b></p>"
    elif preview.already_imported:
        verdict = f"<p>{html.escape(tr('Dit pakket is al eerder ingelezen; opnieuw inlezen verandert niets.'))}</p>"
    else:
        verdict = f"<p>{html.escape(tr('Inlezen in: {workspace}').format(workspace=workspace))}</p>"
    return f"<h3>{html.escape(preview.source)}</h3>{rows}{verdict}"


class PackagePreviewDialog(QDialog):
    def __init__(self, preview: PackagePreview, workspace: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Pakket inlezen"))
        self.choice = CANCEL
        self.text = QLabel(preview_html(preview, workspace))
        self.text.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.import_button = QPushButton(tr("&Inlezen"))
        self.import_button.setEnabled(not preview.problem)
        self.other_button = QPushButton(tr("&Andere werkruimte…"))
        cancel = QPushButton(tr("Annuleren"))
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.clicked.connect(lambda: self._choose(IMPORT))
        self.other_button.clicked.connect(lambda: self._choose(OTHER))
        cancel.clicked.connect(self.reject)
        (self.import_button if preview.problem == "" else self.other_button).setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


def ask(parent: QWidget | None, preview: PackagePreview, workspace: str) -> str:
    """Modal; returns IMPORT, OTHER or CANCEL. Tests replace this."""
    dialog = PackagePreviewDialog(preview, workspace, parent)
    dialog.exec()
    choice = dialog.choice
    dialog.deleteLater()
    return choice


def preview_then_import(parent: QWidget | None, ctx: Context, runner: TaskRunner, path: str,
                        import_packages: Callable[[list[str]], None], choose_other: Callable[[], None]) -> None:
    """Show what the package is; on "Inlezen" read it in as "Pakketten inlezen" does."""
    title = tr("Pakket inlezen")

    def read() -> PackagePreview:
        data = read_file_limited(path, MAX_PACKAGE_BYTES)
        with ctx.action() as session:
            return preview_package(session, data, Path(path).name)

    def decide(preview: PackagePreview) -> None:
        choice = ask(parent, preview, ctx.workspace.label)
        if choice == IMPORT:
            import_packages([path])
        elif choice == OTHER:
            choose_other()

    runner.run(read, decide, lambda error: messages.show_failure(parent, title, error))
