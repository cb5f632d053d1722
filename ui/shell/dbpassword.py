"""The password of a shared database: asked in a dialog, and kept in the system keychain if the person wants.

A URL is remembered without its password (see ``recent``). Reopening it
tries the password the keychain keeps for it, and asks when there is none
or the server no longer takes it. Without a keychain nothing is kept.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from raadsakkoord.base.i18n import tr
from raadsakkoord.exchange import keychain
from raadsakkoord.store.workspace import (
    PasswordNeeded,
    Workspace,
    WrongPassword,
    open_workspace,
    remembered_target,
    url_with_password,
)


def _account(target: str) -> str:
    return f"database:{remembered_target(target)}"


def kept_password(target: str) -> str | None:
    try:
        return keychain.get(_account(target))
    except keychain.KeychainRefused:
        return None


class PasswordDialog(QDialog):
    """The password for one login; a box to keep it in the keychain where there is one."""

    def __init__(self, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Aanmelden bij de gedeelde werkruimte"))
        self.message = QLabel(message)
        self.message.setWordWrap(True)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.keep_box = QCheckBox(tr("Wachtwoord bewaren in de sleutelhanger van dit systeem"))
        if keychain.available():
            self.keep_box.setToolTip(tr("Dan vraagt Raadsakkoord er de volgende keer niet naar."))
        else:
            self.keep_box.setEnabled(False)
            self.keep_box.setToolTip(tr("Dit systeem heeft geen sleutelhanger; het wachtwoord wordt niet bewaard."))
        form = QFormLayout()
        form.addRow(tr("&Wachtwoord:"), self.password_edit)
        form.addRow("", self.keep_box)
        buttons = QDialogButtonBox()
        self.login_button = buttons.addButton(tr("Aanmelden"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(tr("Annuleren"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.password_edit.textChanged.connect(lambda text: self.login_button.setEnabled(bool(text)))
        self.login_button.setEnabled(False)
        self.password_edit.setFocus()
        self.resize(460, self.sizeHint().height())


def _run_dialog(dialog: PasswordDialog) -> bool:
    """Shown modally; tests replace this (pytest-qt's advice on dialogs)."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def open_asking(parent: QWidget | None, target: str) -> Workspace | None:
    """Open the workspace; a database asking a password gets the kept one, or the one typed. None: cancelled.

    Raises UserError for every other reason it cannot be opened.
    """
    try:
        return open_workspace(target)
    except PasswordNeeded as exc:
        message = exc.message
    kept = kept_password(target)
    if kept:
        try:
            return open_workspace(url_with_password(target, kept))
        except WrongPassword as exc:  # changed on the server since: asked anew, and kept anew if wanted
            keychain.delete(_account(target))
            message = exc.message
    while True:
        dialog = PasswordDialog(message, parent)
        try:
            if not _run_dialog(dialog):
                return None
            password, keep = dialog.password_edit.text(), dialog.keep_box.isChecked()
        finally:
            dialog.deleteLater()
        try:
            workspace = open_workspace(url_with_password(target, password))
        except WrongPassword as exc:
            message = exc.message
            continue
        if keep:
            keychain.put(_account(target), password)
        return workspace
