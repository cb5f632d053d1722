"""The passphrase of a signing key, asked for in the window before anything is signed.

Signing runs off the GUI thread, where no dialog can be shown. So the key
is opened (or, for a new key without a keychain, its passphrase chosen) here
first, on the GUI thread; ``keystore`` keeps the passphrase in memory for the
rest of this run, and the signing that follows needs no question. A key an
earlier version left unencrypted is moved at this moment, and the user is
told so.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from raadsakkoord.base.errors import UserError
from raadsakkoord.base.i18n import tr
from raadsakkoord.exchange import keys, keystore
from ui.common import messages


class PassphraseDialog(QDialog):
    """One field to unlock a key; two (typed the same) to choose the passphrase of a new one."""

    def __init__(self, request: keystore.PassphraseRequest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.request = request
        self.setWindowTitle(tr("Wachtwoordzin van de sleutel"))
        if request.new:
            intro = tr("Deze computer heeft geen sleutelbos die Raadsakkoord kan gebruiken. De sleutel waarmee "
                       "{name} pakketten ondertekent, wordt daarom versleuteld met een wachtwoordzin die u nu "
                       "kiest (minstens {n} tekens). Onthoud die goed: zonder wachtwoordzin is de sleutel niet te "
                       "gebruiken.").format(name=request.name, n=keystore.MIN_PASSPHRASE)
        else:
            intro = tr("Typ de wachtwoordzin van de sleutel van {name}. Raadsakkoord onthoudt hem tot u het "
                       "programma sluit.").format(name=request.name)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.problem = QLabel(request.problem)
        self.problem.setStyleSheet("color: #b71c1c")
        self.problem.setWordWrap(True)
        self.first = self._field(tr("Wachtwoordzin"))
        self.second = self._field(tr("Nogmaals de wachtwoordzin"))
        self.second.setVisible(request.new)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("Sleutel beveiligen") if request.new else tr("Ontgrendelen"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Annuleren"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # a longer message never gets clipped
        for widget in (self.intro, self.problem, self.first, self.second, self.buttons):
            layout.addWidget(widget)
        for field in (self.first, self.second):
            field.textChanged.connect(self._check)
        self._check()
        self.setMinimumWidth(460)
        # A wrapped text's height depends on its width, which a dialog's first size does not ask for.
        self.intro.setMinimumWidth(420)
        self.intro.setMinimumHeight(self.intro.heightForWidth(420))
        self.adjustSize()

    def _field(self, placeholder: str) -> QLineEdit:
        field = QLineEdit()
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setPlaceholderText(placeholder)
        field.setAccessibleName(placeholder)
        return field

    def _check(self) -> None:
        text = self.first.text()
        if not self.request.new:
            self.ok_button.setEnabled(bool(text))
            return
        problem = keystore.passphrase_problem(text) if text else ""
        if not problem and self.second.text() and self.second.text() != text:
            problem = tr("De twee wachtwoordzinnen verschillen.")
        self.problem.setText(problem or self.request.problem)
        self.ok_button.setEnabled(bool(text) and not problem and self.second.text() == text)

    def passphrase(self) -> str:
        return self.first.text()


def ask_passphrase(parent: QWidget | None, request: keystore.PassphraseRequest) -> str | None:
    """Modal; None when the user cancels. Tests replace this."""
    dialog = PassphraseDialog(request, parent)
    answer = dialog.passphrase() if dialog.exec() == QDialog.DialogCode.Accepted else None
    dialog.deleteLater()
    return answer


def ready_to_sign(parent: QWidget | None, identity: keys.Identity, title: str, *, make_key: bool) -> bool:
    """On the GUI thread: open the identity's key (or prepare a new one), asking what must be asked.

    False after saying why (a wrong passphrase three times, with the way out; or cancelled).
    """
    notices: list[str] = []
    keystore.set_prompt(lambda request: ask_passphrase(parent, request))
    try:
        if keys.has_private_key(identity):
            keystore.unlock(identity, notices.append)
        elif make_key:
            keystore.prepare_new(identity)
    except UserError as exc:
        messages.show_error(parent, title, exc.message)
        return False
    finally:
        keystore.set_prompt(None)  # off the GUI thread nobody can be asked
    for notice in notices:
        messages.show_info(parent, tr("Sleutel beveiligd"), notice)
    return True
