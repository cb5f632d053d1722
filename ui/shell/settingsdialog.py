"""Instellingen: for now the language of the application, effective at the next start."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from raadsakkoord.base.i18n import LANGUAGES, SOURCE_LANGUAGE, tr

LANGUAGE_KEY = "language"


def current_language_setting(settings: QSettings | None = None) -> str:
    """The chosen language code ("nl" or "en"); Dutch when none or an unknown one is stored.

    Call ``raadsakkoord.base.i18n.set_language(current_language_setting())`` at start,
    before the first window is made.
    """
    settings = settings if settings is not None else QSettings()
    code = str(settings.value(LANGUAGE_KEY, SOURCE_LANGUAGE) or SOURCE_LANGUAGE)
    return code if code in LANGUAGES else SOURCE_LANGUAGE


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Instellingen"))
        self.language = QComboBox()
        for code, name in LANGUAGES.items():  # each language in its own name, so anyone finds theirs
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(current_language_setting()))
        self.language.setToolTip(tr("De taal van menu's, knoppen en meldingen. Geëxporteerde "
                                    "documenten blijven Nederlands."))
        form = QFormLayout()
        form.addRow(tr("&Taal:"), self.language)
        self.note = QLabel(tr("Een andere taal gaat in wanneer u Raadsakkoord opnieuw start."))
        self.note.setWordWrap(True)
        self.language.currentIndexChanged.connect(self._update)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(tr("Opslaan"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(tr("Annuleren"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)
        self._update()

    def chosen_language(self) -> str:
        return str(self.language.currentData())

    def _update(self, *_args) -> None:
        self.save_button.setEnabled(self.chosen_language() != current_language_setting())

    def accept(self) -> None:
        settings = QSettings()
        settings.setValue(LANGUAGE_KEY, self.chosen_language())
        settings.sync()
        super().accept()


def show_settings(parent: QWidget | None) -> bool:
    """True when a setting was changed."""
    dialog = SettingsDialog(parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
