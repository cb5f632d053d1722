"""Exporting one amendment as the formal document the council votes on (Formeel amendement exporteren…).

The dialog asks the format and, if known, the meeting date; where to write
is asked with the file dialog. The core writes the file off the GUI thread
(``raadsakkoord.export.amendment_form_files``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from raadsakkoord.base.i18n import tr
from raadsakkoord.export.amendment_form_files import FORM_FORMATS, write_forms
from ui.common import messages
from ui.common.background import TaskRunner
from ui.common.context import Context
from ui.exchange.exportdialog import _replace_question, choose_target, format_name


class AmendmentFormDialog(QDialog):
    """Not modal: a form is ready in a second, and the clerk may keep working meanwhile."""

    exported = Signal(str)  # the status line

    def __init__(self, ctx: Context, runner: TaskRunner, amendment_id: uuid.UUID, headline: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.amendment_id = amendment_id
        self.setWindowTitle(tr("Formeel amendement exporteren"))
        intro = QLabel(tr("„{headline}” als formeel stuk voor de raadsvergadering: de wijzigingsopdracht in "
                          "woorden met regelnummers, de toelichting en de indieners met een regel om te "
                          "ondertekenen.").format(headline=headline))
        intro.setWordWrap(True)
        self.format_box = QComboBox()
        for fmt in FORM_FORMATS:
            self.format_box.addItem(format_name(fmt), fmt)
        self.meeting_check = QCheckBox(tr("&Datum van de raadsvergadering invullen"))
        self.meeting_edit = QDateEdit(QDate.currentDate())
        self.meeting_edit.setCalendarPopup(True)
        self.meeting_edit.setDisplayFormat("d-M-yyyy")
        self.meeting_edit.setEnabled(False)
        self.meeting_edit.setAccessibleName(tr("Datum van de raadsvergadering"))
        self.meeting_check.toggled.connect(self.meeting_edit.setEnabled)
        meeting_hint = QLabel(tr("Zonder datum staat er een lege regel om in te vullen."))
        meeting_hint.setStyleSheet("color: #555555;")
        meeting_row = QHBoxLayout()
        meeting_row.addWidget(self.meeting_check)
        meeting_row.addWidget(self.meeting_edit)
        meeting_row.addStretch(1)
        form = QFormLayout()
        format_label = QLabel(tr("&Formaat:"))
        format_label.setBuddy(self.format_box)
        form.addRow(format_label, self.format_box)
        form.addRow(meeting_row)
        form.addRow(meeting_hint)
        self.status = QLabel()
        self.status.setWordWrap(True)
        # Room for the result line from the start, so the dialog does not jump when it appears.
        self.status.setMinimumHeight(2 * self.status.fontMetrics().lineSpacing())
        self.setMinimumWidth(30 * self.fontMetrics().averageCharWidth() * 2)
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(tr("&Exporteren…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close).setText(tr("Sl&uiten"))
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    def meeting(self) -> dt.date | None:
        return self.meeting_edit.date().toPython() if self.meeting_check.isChecked() else None

    def export(self) -> None:
        fmt = self.format_box.currentData()
        name = f"{tr('amendement')}.{fmt}"
        path = choose_target(self, str(Path.home() / name), fmt)
        if not path:
            return
        force = False
        if Path(path).is_file():
            if not messages.ask(self, self.windowTitle(), _replace_question(Path(path), fmt),
                                yes=tr("&Vervangen"), no=tr("&Annuleren")):
                return
            force = True
        workspace, which, meeting = self.ctx.workspace, str(self.amendment_id), self.meeting()
        self.export_button.setEnabled(False)
        self.status.setText(tr("Bezig met schrijven…"))
        self.runner.run(lambda: write_forms(workspace, which, fmt, path, meeting=meeting, force=force),
                        lambda pages: self._done(path), self._failed)

    def _done(self, path: str) -> None:
        self.export_button.setEnabled(True)
        line = tr("Geschreven: {path}").format(path=path)
        # The name fits the dialog; the whole path is in its tip and in the window's status bar.
        self.status.setText(tr("Geschreven: {path}").format(path=Path(path).name))
        self.status.setToolTip(path)
        self.exported.emit(line)

    def _failed(self, error: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.status.setText("")
        messages.show_failure(self, self.windowTitle(), error)


def show_amendment_form_dialog(parent: QWidget | None, ctx: Context, runner: TaskRunner,
                               amendment_id: uuid.UUID, headline: str) -> AmendmentFormDialog:
    dialog = AmendmentFormDialog(ctx, runner, amendment_id, headline, parent)
    dialog.show()
    return dialog
