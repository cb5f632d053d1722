"""Choosing a workspace to open or to make: a file, a database URL, or a new one from a Markdown draft."""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

# The CLI's own checks (``raadsakkoord import-md``), so both refuse the same files with the same words.
from raadsakkoord.importing.drafts import DraftFile, read_draft_file
from raadsakkoord.store.files import refuse_existing, remove_new_file
from raadsakkoord.base.errors import InputError, UserError
from raadsakkoord.base.i18n import mark, tr
from raadsakkoord.importing.markdown import parse_draft
from raadsakkoord.importing.outline import Outline
from raadsakkoord.operations import Actor, import_markdown_draft
from raadsakkoord.store.workspace import open_workspace, url_with_password as store_url_with_password
from ui.common import messages
from ui.common.background import TaskRunner
from ui.shell import outlinepreview

WORKSPACE_SUFFIX = ".raadsakkoord"
WORKSPACE_FILTER = mark("Raadsakkoord-werkruimte (*.raadsakkoord *.db *.sqlite);;Alle bestanden (*)")
MARKDOWN_FILTER = mark("Brondocument (*.md *.markdown *.txt *.docx *.odt);;Markdown (*.md *.markdown *.txt);;"
                       "Word of OpenDocument (*.docx *.odt);;Alle bestanden (*)")
FOLDER_KEY = "paths/workspace_folder"
DRAFT_FOLDER_KEY = "paths/draft_folder"


def last_folder(key: str) -> str:
    folder = str(QSettings().value(key, "") or "")
    return folder if folder and Path(folder).is_dir() else str(Path.home())


def remember_folder(key: str, path: str) -> None:
    QSettings().setValue(key, str(Path(path).parent))


def choose_workspace_file(parent: QWidget | None) -> str | None:
    """Ask for an existing workspace file; None when the user cancels."""
    path, _ = QFileDialog.getOpenFileName(parent, tr("Werkruimte openen"), last_folder(FOLDER_KEY),
                                          tr(WORKSPACE_FILTER))
    if not path:
        return None
    remember_folder(FOLDER_KEY, path)
    return path


# --- a database URL ---------------------------------------------------------------------------

def url_with_password(text: str, password: str) -> str:
    """The URL as typed, with the password put in; raises InputError for anything but a database URL."""
    text = text.strip()
    if "://" not in text:
        raise InputError(tr("Dit is geen serveradres. Een werkruimtebestand opent u met "
                            "Bestand → Openen."))
    return store_url_with_password(text, password)  # the core's own refusals, and the password put in


class DatabaseUrlDialog(QDialog):
    """A PostgreSQL URL and, separately, its password (never shown, never stored)."""

    def __init__(self, initial: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Gedeelde werkruimte openen"))
        self.result_url: str | None = None
        intro = QLabel(tr("Werkt de griffie met meerdere mensen in één gedeelde werkruimte? Vul dan het "
                          "serveradres van die werkruimte in. Het wachtwoord wordt niet bewaard."))
        intro.setWordWrap(True)
        self.url_edit = QLineEdit(initial)
        self.url_edit.setPlaceholderText("postgresql://gebruiker@server/naam")
        self.url_edit.setToolTip(tr("Bijvoorbeeld postgresql://griffie@db.gemeente.nl/raadsakkoord"))
        self.url_edit.setMinimumWidth(360)
        hint = QLabel(tr("Vorm: postgresql://gebruiker@server/naam"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setToolTip(tr("Laat leeg als de server geen wachtwoord vraagt."))
        form = QFormLayout()
        form.addRow(tr("&Serveradres:"), self.url_edit)
        form.addRow("", hint)
        form.addRow(tr("&Wachtwoord:"), self.password_edit)
        self.buttons = QDialogButtonBox()
        self.open_button = self.buttons.addButton(tr("Openen"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(tr("Annuleren"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.url_edit.textChanged.connect(lambda text: self.open_button.setEnabled(bool(text.strip())))
        self.open_button.setEnabled(bool(initial.strip()))
        if initial:
            self.password_edit.setFocus()

    def accept(self) -> None:
        try:
            self.result_url = url_with_password(self.url_edit.text(), self.password_edit.text())
        except UserError as exc:
            messages.show_error(self, tr("Gedeelde werkruimte openen"), exc.message)
            self.url_edit.setFocus()
            return
        super().accept()


def _run_dialog(dialog: QDialog) -> bool:
    """Shown modally; tests replace this (pytest-qt's advice on dialogs)."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def ask_database_url(parent: QWidget | None, initial: str = "") -> str | None:
    """A database URL to open, password included; None when the user cancels.

    ``initial`` prefills the URL (a recent entry, stored without password),
    and the cursor starts in the password field.
    """
    dialog = DatabaseUrlDialog(initial, parent)
    try:
        return dialog.result_url if _run_dialog(dialog) else None
    finally:
        dialog.deleteLater()


# --- a new workspace from a Markdown draft ----------------------------------------------------

def create_from_markdown(draft: DraftFile, target: str, *, title: str, municipality: str, seats: int,
                         term: str, person: str, outline: Outline | None = None) -> tuple[str, int, int, list[str]]:
    """Make the workspace file and import the draft into it: all of it, or no file at all.

    The draft is a Markdown file, or a Word or OpenDocument file read as the
    CLI reads it, imported with ``outline`` (its proposed outline as the
    clerk corrected it). Returns the workspace's path, the number of
    chapters and sections, and the lines saying what a document import left
    out. Runs off the GUI thread.
    """
    source = draft.outline.source
    text = draft.markdown(outline)
    parse_draft(text, source)  # a bad draft is refused before any file is made
    refuse_existing(target)
    try:
        workspace = open_workspace(target, create=True)
    except Exception:
        remove_new_file(target)
        raise
    try:
        with workspace.action() as session:
            agreement = import_markdown_draft(session, Actor.griffie(person or "Griffie"), text, title=title,
                                              municipality=municipality, council_seats=seats, term=term,
                                              source=source)
            counts = (len(agreement.chapters), sum(len(c.sections) for c in agreement.chapters))
    except Exception:
        workspace.close()
        remove_new_file(target)
        raise
    label = workspace.label
    workspace.close()
    return label, counts[0], counts[1], draft.left_out


def _free_path(folder: Path, stem: str) -> Path:
    candidate = folder / f"{stem}{WORKSPACE_SUFFIX}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}{WORKSPACE_SUFFIX}"
        number += 1
    return candidate


class NewFromMarkdownDialog(QDialog):
    """Start an agreement from a Markdown draft: `#` headings become chapters, `##` headings sections."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None, *, person: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Nieuw raadsakkoord uit een brondocument"))
        self._runner = runner
        self._person = person
        self._busy = False
        self._title_edited = False
        self.created: tuple[str, int, int, list[str]] | None = None

        intro = QLabel(tr("Elke kop met één # in het brondocument wordt een hoofdstuk, elke kop met ## een "
                          "hoofdlijn. Tekst vóór het eerste hoofdstuk wordt de inleiding. Van een Word- of "
                          "OpenDocument-bestand ziet u eerst de voorgestelde indeling, die u kunt verbeteren."))
        intro.setWordWrap(True)
        self.draft_edit = QLineEdit()
        self.draft_edit.setAccessibleName(tr("Brondocument"))  # its label names the row, not the field inside it
        self.draft_edit.setPlaceholderText(tr("Het Markdown-bestand met het brondocument"))
        self.draft_button = QPushButton(tr("&Kiezen…"))
        self.draft_button.setToolTip(tr("Kies het Markdown-bestand met het brondocument"))
        self.draft_button.clicked.connect(self._choose_draft)
        self.municipality_edit = QLineEdit()
        self.municipality_edit.setMaxLength(100)
        self.municipality_edit.setPlaceholderText(tr("Bijvoorbeeld Assen"))
        self.term_edit = QLineEdit()
        self.term_edit.setMaxLength(40)
        self.term_edit.setPlaceholderText("2026–2030")
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(200)
        self.title_edit.setToolTip(tr("De titel op de voorkant van het raadsakkoord"))
        self.seats_spin = QSpinBox()
        self.seats_spin.setRange(1, 100)
        self.seats_spin.setValue(25)
        self.seats_spin.setToolTip(tr("Het aantal zetels in de gemeenteraad; daarmee wordt de steun per "
                                      "hoofdlijn berekend."))
        self.target_edit = QLineEdit()
        self.target_edit.setAccessibleName(tr("Nieuwe werkruimte"))
        self.target_edit.setPlaceholderText(tr("Waar de nieuwe werkruimte komt"))
        self.target_button = QPushButton(tr("K&iezen…"))
        self.target_button.setToolTip(tr("Kies map en naam van de nieuwe werkruimte"))
        self.target_button.clicked.connect(self._choose_target)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(_label(tr("&Brondocument:"), self.draft_edit), _with_button(self.draft_edit, self.draft_button))
        form.addRow(tr("&Gemeente:"), self.municipality_edit)
        form.addRow(tr("&Raadsperiode:"), self.term_edit)
        form.addRow(tr("&Titel:"), self.title_edit)
        form.addRow(tr("&Zetels in de raad:"), self.seats_spin)
        form.addRow(_label(tr("&Nieuwe werkruimte:"), self.target_edit),
                    _with_button(self.target_edit, self.target_button))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.create_button = self.buttons.addButton(tr("Werkruimte &maken"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(tr("Annuleren"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        self.status.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addSpacing(6)
        layout.addWidget(self.buttons)

        order = [self.draft_edit, self.draft_button, self.municipality_edit, self.term_edit, self.title_edit,
                 self.seats_spin, self.target_edit, self.target_button, self.create_button, self.cancel_button]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)
        for edit in (self.draft_edit, self.title_edit, self.municipality_edit, self.target_edit):
            edit.textChanged.connect(self._update)
        for edit in (self.draft_edit, self.target_edit):  # a long path does not fit: the tooltip shows it whole
            edit.textChanged.connect(edit.setToolTip)
        self.municipality_edit.textChanged.connect(self._suggest_title)
        self.term_edit.textChanged.connect(self._suggest_title)
        self.title_edit.textEdited.connect(self._title_typed)
        self._update()
        self.resize(680, self.sizeHint().height())

    # -- filling in --------------------------------------------------------------------------

    def _choose_draft(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Brondocument kiezen"), last_folder(DRAFT_FOLDER_KEY),
                                              tr(MARKDOWN_FILTER))
        if not path:
            return
        remember_folder(DRAFT_FOLDER_KEY, path)
        self.draft_edit.setText(path)
        if not self.target_edit.text().strip():
            self.target_edit.setText(str(_free_path(Path(path).parent, Path(path).stem)))

    def _choose_target(self) -> None:
        suggestion = self.target_edit.text().strip() or str(Path(last_folder(FOLDER_KEY)) / f"raadsakkoord{WORKSPACE_SUFFIX}")
        # Overwriting is refused below with a clear message, so Qt need not ask first.
        path, _ = QFileDialog.getSaveFileName(self, tr("Nieuwe werkruimte"), suggestion, tr(WORKSPACE_FILTER),
                                              options=QFileDialog.Option.DontConfirmOverwrite)
        if not path:
            return
        if not Path(path).suffix:
            path += WORKSPACE_SUFFIX
        remember_folder(FOLDER_KEY, path)
        self.target_edit.setText(path)

    def _title_typed(self, _text: str) -> None:
        self._title_edited = True

    def _suggest_title(self, *_args) -> None:
        if self._title_edited:
            return
        municipality, term = self.municipality_edit.text().strip(), self.term_edit.text().strip()
        # The title is that of a Dutch public document, so it is not translated.
        suggestion = " ".join(part for part in ("Raadsakkoord", municipality, term) if part) if municipality else ""
        self.title_edit.setText(suggestion)

    def _missing(self) -> str:
        for edit, what in ((self.draft_edit, tr("het brondocument")), (self.municipality_edit, tr("de gemeente")),
                           (self.title_edit, tr("de titel")), (self.target_edit, tr("de nieuwe werkruimte"))):
            if not edit.text().strip():
                return what
        return ""

    def _update(self, *_args) -> None:
        missing = self._missing()
        self.create_button.setEnabled(not missing and not self._busy)
        self.create_button.setToolTip(tr("Nog in te vullen: {what}").format(what=missing) if missing else "")

    # -- making it ---------------------------------------------------------------------------

    def _target(self) -> str:
        target = self.target_edit.text().strip()
        if "://" in target:
            raise InputError(tr("Kies hier een bestand voor de nieuwe werkruimte, geen serveradres."))
        path = Path(target).expanduser()
        if not path.is_absolute():
            raise InputError(tr("Kies met ‘Kiezen…’ de map en de naam van de nieuwe werkruimte."))
        if not path.suffix:
            path = path.with_name(path.name + WORKSPACE_SUFFIX)
        return str(path)

    def start(self) -> None:
        if self._busy or self._missing():
            return
        try:
            target = self._target()
        except UserError as exc:
            messages.show_error(self, self.windowTitle(), exc.message)
            return
        draft = str(Path(self.draft_edit.text().strip()).expanduser())
        title, municipality = self.title_edit.text().strip(), self.municipality_edit.text().strip()
        seats, term = self.seats_spin.value(), self.term_edit.text().strip()
        person = self._person
        self._set_busy(True)

        def make(read: DraftFile) -> None:
            outline = None
            if read.is_document:
                # A Word or OpenDocument file's headings are shown first, and may be corrected.
                outline = outlinepreview.ask_outline(self, read.outline)
                if outline is None:
                    self._set_busy(False)
                    self.status.setText(tr("Er is niets geïmporteerd."))
                    self.status.show()
                    return
            self._runner.run(lambda: create_from_markdown(read, target, title=title, municipality=municipality,
                                                          seats=seats, term=term, person=person, outline=outline),
                             self._done, self._failed)

        self._runner.run(lambda: read_draft_file(draft), make, self._failed)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.draft_edit, self.draft_button, self.municipality_edit, self.term_edit,
                       self.title_edit, self.seats_spin, self.target_edit, self.target_button, self.cancel_button):
            widget.setEnabled(not busy)
        self.status.setText(tr("Het brondocument wordt ingelezen…") if busy else "")
        self.status.setVisible(busy)
        self._update()

    def _done(self, result: tuple[str, int, int, list[str]]) -> None:
        self._set_busy(False)
        self.created = result
        if result[3]:  # a Word or OpenDocument file had things Markdown cannot hold: say which
            messages.show_info(self, self.windowTitle(), "\n".join(result[3]))
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, UserError):
            messages.show_error(self, self.windowTitle(), error.message)
        else:
            messages.show_bug(self, f"{type(error).__name__}: {error}")

    def reject(self) -> None:
        if not self._busy:  # the work cannot be stopped halfway; it finishes or leaves nothing
            super().reject()

    def closeEvent(self, event) -> None:
        if self._busy:
            event.ignore()
            return
        super().closeEvent(event)


def _label(text: str, buddy: QWidget) -> QLabel:
    # The row holds a field and its button; the accelerator must reach the field itself.
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def _with_button(edit: QLineEdit, button: QPushButton) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit, 1)
    layout.addWidget(button)
    return row


def new_from_markdown(parent: QWidget | None, runner: TaskRunner, *, person: str = "") -> str | None:
    """Ask for a draft and the agreement's details, make the workspace; its path, or None."""
    from ui.shell.identity import default_person_name

    dialog = NewFromMarkdownDialog(runner, parent, person=person or default_person_name())
    try:
        if not _run_dialog(dialog) or dialog.created is None:
            return None
        return dialog.created[0]
    finally:
        dialog.deleteLater()
