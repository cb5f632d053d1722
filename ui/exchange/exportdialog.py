"""Exporting from the window: the agreement, the amendment book or the task agenda, as a file.

The dialog asks what, which round, which format and where; the core's
``export(...)`` does the work off the GUI thread. Its progress messages come
back by signal to a progress bar; "Annuleren" makes the next progress message
raise inside the worker, and since every writer writes atomically nothing is
left of a cancelled export.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from raadsakkoord.base.errors import UserError
from raadsakkoord.base.files import check_target, looks_like_export
from raadsakkoord.export.writer import FORMATS, export
from raadsakkoord.export.progress import Step
from raadsakkoord.base.i18n import mark, tr
from raadsakkoord.queries.lookup import the_agreement
from raadsakkoord.queries.round_readiness import RoundInfo, current_round, published_rounds
from ui.common import messages
from ui.common.context import Context
from ui.common.background import ChildStopped, TaskRunner, run_in_child
from ui.common.render import local_date

WHAT_NAMES = {"agreement": mark("Het raadsakkoord"), "amendments": mark("Het amendementenboek"),
              "tasks": mark("De uitwerkingsagenda")}
FILE_PREFIX = {"agreement": "raadsakkoord", "amendments": "amendementenboek", "tasks": "uitwerkingsagenda"}
FORMAT_NAMES = {"pdf": mark("PDF (archiefformaat PDF/A)"), "md": mark("Markdown-tekst"),
                "html": mark("Webpagina (HTML)"), "odt": mark("OpenDocument-tekst (ODT)"),
                "docx": mark("Word-document (DOCX)"), "csv": mark("Spreadsheet (CSV)"),
                "ics": mark("Agenda (iCalendar)")}
FOLDER_KEY = "paths/export_folder"


def format_name(fmt: str) -> str:
    """A format in words; one the core learned after this dialog is shown by its extension."""
    return tr(FORMAT_NAMES[fmt]) if fmt in FORMAT_NAMES else fmt.upper()


class ExportCancelled(Exception):
    """Raised from the progress callback inside the worker when the user cancelled."""


def open_url(url: QUrl) -> bool:
    """Open a file or folder with the system's program; tests replace this."""
    return QDesktopServices.openUrl(url)


def choose_target(parent: QWidget | None, suggested: str, fmt: str) -> str | None:
    """Where to write; tests replace this."""
    path, _ = QFileDialog.getSaveFileName(parent, tr("Exporteren naar"), suggested, f"{format_name(fmt)} (*.{fmt})")
    return path or None


@dataclass(frozen=True)
class ExportChoices:
    municipality: str
    rounds: tuple[RoundInfo, ...]
    current_round: int | None = None  # the round whose texts are still the current ones


def load_choices(ctx: Context) -> ExportChoices:
    with ctx.action() as session:
        return ExportChoices(the_agreement(session).municipality, published_rounds(session),
                             current_round(session))


def slug(text: str) -> str:
    """A file-name part: "Súdwest-Fryslân" → "sudwest-fryslan"."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def suggested_name(what: str, fmt: str, municipality: str, round_number: int | None) -> str:
    parts = [FILE_PREFIX[what], slug(municipality)]
    if what == "agreement":
        parts.append(f"ronde-{round_number}" if round_number is not None else "concept")
    return "-".join(p for p in parts if p) + f".{fmt}"


def _export_folder() -> Path:
    folder = Path(str(QSettings().value(FOLDER_KEY, "") or ""))
    if str(folder) not in ("", ".") and folder.is_dir():
        return folder
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()



def _replace_question(path: Path, fmt: str) -> str:
    if looks_like_export(path, fmt):
        return tr("{name} bestaat al. Wilt u het vervangen?").format(name=path.name)
    return tr("{name} bestaat al en is geen {format}; het lijkt een ander bestand. Wilt u het toch "
              "vervangen? Wat erin staat, gaat dan verloren.").format(name=path.name, format=format_name(fmt))


class ExportDialog(QDialog):
    """Not modal: the clerk may keep working while a long export runs."""

    exported = Signal(str)  # the status line, for the main window's status bar
    _progressed = Signal(str, int, int)  # from the worker: message, done, total (-1: no count)

    def __init__(self, ctx: Context, runner: TaskRunner, parent: QWidget | None = None, *,
                 what: str = "agreement", round_number: int | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.choices = ExportChoices("", ())
        self.written: str | None = None
        self._cancel: threading.Event | None = None
        self._suggested = ""  # the last name we filled in; replaced as long as the user keeps it
        self._wanted_round = round_number
        self.setWindowTitle(tr("Exporteren"))
        self._progressed.connect(self._show_progress)

        self.what = QComboBox()
        for key in FORMATS:
            self.what.addItem(tr(WHAT_NAMES[key]), key)
        self.what.setCurrentIndex(self.what.findData(what))
        self.round = QComboBox()
        self.round.setToolTip(tr("Het raadsakkoord zoals het nu is (als concept gemarkeerd), of zoals "
                                 "het in een ronde is gepubliceerd"))
        self.format = QComboBox()
        self.readability = QCheckBox(tr("&Leesbaarheid van elke hoofdlijn als bijlage"))
        self.readability.setToolTip(tr("Score, niveau, lange zinnen en ambtelijke woorden per hoofdlijn en "
                                       "hoofdstuk, moeilijkste eerst"))
        self.line_numbers = QCheckBox(tr("Regel&nummers naast de tekst van elke hoofdlijn"))
        self.line_numbers.setToolTip(tr("Zoals raadsleden naar de tekst verwijzen: \"hoofdlijn 8.4, regel 12\". "
                                        "In PDF, HTML en Word; het amendementenboek noemt de regels altijd."))
        self.line_numbers.setChecked(True)
        self.attach_source = QCheckBox(tr("Markdown-bron als bijlage in de PDF &toevoegen"))
        self.attach_source.setToolTip(tr("De PDF wordt dan archiefformaat PDF/A-3a in plaats van PDF/A-2a, "
                                         "dat zulke bijlagen niet toestaat"))
        self.target = QLineEdit()
        self.target.setAccessibleName(tr("Bestand"))
        self.browse_button = QPushButton(tr("&Bladeren…"))
        self.browse_button.setAutoDefault(False)
        where = QHBoxLayout()
        where.addWidget(self.target, 1)
        where.addWidget(self.browse_button)
        options = QVBoxLayout()
        options.addWidget(self.readability)
        options.addWidget(self.line_numbers)
        options.addWidget(self.attach_source)

        form = QFormLayout()
        form.addRow(self._label(tr("&Wat:"), self.what), self.what)
        form.addRow(self._label(tr("&Ronde:"), self.round), self.round)
        form.addRow(self._label(tr("&Formaat:"), self.format), self.format)
        form.addRow(tr("Opties:"), options)
        form.addRow(self._label(tr("Be&stand:"), self.target), where)

        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(tr("&Openen"))
        self.open_button.setToolTip(tr("Het geschreven bestand openen"))
        self.folder_button = QPushButton(tr("&Map openen"))
        self.folder_button.setToolTip(tr("De map met het geschreven bestand openen"))
        for button in (self.open_button, self.folder_button):
            button.setAutoDefault(False)
            button.hide()
        self.export_button = QPushButton(tr("&Exporteren"))
        self.export_button.setDefault(True)
        self.close_button = QPushButton(tr("Sluiten"))
        self.close_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self.what.currentIndexChanged.connect(self._what_changed)
        self.round.currentIndexChanged.connect(self._update_name)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.browse_button.clicked.connect(self.browse)
        self.export_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.reject)
        self.open_button.clicked.connect(lambda: self._open(self.written))
        self.folder_button.clicked.connect(lambda: self._open(str(Path(self.written).parent)))
        self._fill_rounds()
        self._what_changed()
        self.resize(620, 0)

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    # -- choices ----------------------------------------------------------------------------

    def set_choices(self, choices: ExportChoices) -> None:
        self.choices = choices
        wanted, self._wanted_round = self._wanted_round, None
        if wanted is None:
            # Unchanged since the latest round: that round is what there is to publish, not a concept.
            wanted = self.round.currentData() if self.round.currentIndex() > 0 else choices.current_round
        self._fill_rounds(wanted)
        self._update_name()

    def choices_failed(self, error: BaseException) -> None:
        messages.show_failure(self, tr("Exporteren"), error)
        self.export_button.setEnabled(False)

    def _fill_rounds(self, wanted: int | None = None) -> None:
        self.round.blockSignals(True)
        self.round.clear()
        self.round.addItem(tr("De huidige teksten, als concept"), None)
        for info in reversed(self.choices.rounds):
            self.round.addItem(tr("{label} (ronde {number}, gepubliceerd op {date})").format(
                label=info.label, number=info.number, date=local_date(info.published_at)), info.number)
        found = self.round.findData(wanted) if wanted is not None else 0
        self.round.setCurrentIndex(max(found, 0))
        self.round.blockSignals(False)

    @property
    def chosen_what(self) -> str:
        return self.what.currentData()

    @property
    def chosen_format(self) -> str:
        return self.format.currentData()

    @property
    def chosen_round(self) -> int | None:
        return self.round.currentData() if self.chosen_what == "agreement" else None

    def _what_changed(self) -> None:
        what = self.chosen_what
        previous = self.format.currentData()
        self.format.blockSignals(True)
        self.format.clear()
        for fmt in FORMATS[what]:
            self.format.addItem(format_name(fmt), fmt)
        self.format.setCurrentIndex(max(self.format.findData(previous), 0))
        self.format.blockSignals(False)
        agreement = what == "agreement"
        self.round.setEnabled(agreement)
        self.readability.setEnabled(agreement)
        self.line_numbers.setEnabled(agreement)
        if not agreement:
            self.readability.setChecked(False)
        self._format_changed()

    def _format_changed(self) -> None:
        pdf = self.chosen_format == "pdf"
        self.attach_source.setEnabled(pdf)
        if not pdf:
            self.attach_source.setChecked(False)
        self._update_name()

    def _update_name(self) -> None:
        name = suggested_name(self.chosen_what, self.chosen_format, self.choices.municipality, self.chosen_round)
        current = self.target.text().strip()
        if not current or current == self._suggested:
            folder = Path(current).parent if current else _export_folder()
            self._suggested = str(folder / name)
            self.target.setText(self._suggested)
        elif Path(current).suffix.lower() != f".{self.chosen_format}":
            # A name of the user's own keeps its name, with the chosen format's extension.
            self.target.setText(str(Path(current).with_suffix(f".{self.chosen_format}")))

    def browse(self) -> None:
        path = choose_target(self, self.target.text().strip() or self._suggested, self.chosen_format)
        if path:
            if not Path(path).suffix:
                path += f".{self.chosen_format}"
            self.target.setText(path)

    # -- running ----------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._cancel is not None

    def start(self) -> None:
        if self.running:
            return
        path = self.target.text().strip()
        title = tr("Exporteren")
        if not path:
            messages.show_error(self, title, tr("Geef aan waar het bestand moet komen."))
            return
        what, fmt, round_number = self.chosen_what, self.chosen_format, self.chosen_round
        try:
            # The workspace itself, or any other database or key, is refused before anything is asked.
            check_target(path, kind=fmt, force=True, protect=self.ctx.workspace.files)
        except UserError as exc:
            self.status.setText(tr("Niet geëxporteerd."))
            messages.show_error(self, title, exc.message)
            return
        if Path(path).is_file() and not messages.ask(self, title, _replace_question(Path(path), fmt),
                                                     yes=tr("Vervangen"), no=tr("Annuleren")):
            return
        readability, attach = self.readability.isChecked(), self.attach_source.isChecked()
        numbered = self.line_numbers.isChecked()
        if fmt == "odt":
            from raadsakkoord.export import odt

            try:
                odt.register_fonts()  # the font database is filled here, on the GUI thread, not in the worker
            except UserError as exc:
                messages.show_error(self, title, exc.message)
                return
        cancel = threading.Event()
        self._cancel = cancel
        workspace = self.ctx.workspace

        def progress(message: str) -> None:  # runs in the worker
            if cancel.is_set():
                raise ExportCancelled
            done, total = (message.done, message.total) if isinstance(message, Step) else (-1, -1)
            self._progressed.emit(str(message), done, total)

        def work() -> int | None:
            progress(tr("De gegevens lezen…"))
            # Cancelled after the last progress message, the file is complete: it is kept, and reported.
            return export(workspace, what, fmt, path, round_number=round_number, attach_source=attach,
                          readability=readability, force=True, progress=progress, line_numbers=numbered)

        QSettings().setValue(FOLDER_KEY, str(Path(path).parent))
        self._set_running(True)
        if fmt == "pdf" and not self.runner.synchronous:
            self._export_in_child(path, what, fmt, round_number, attach, readability, cancel, numbered)
            return
        self.runner.run(work, lambda pages: self._finished(path, pages), self._failed)

    def _export_in_child(self, path: str, what: str, fmt: str, round_number: int | None, attach: bool,
                         readability: bool, cancel: threading.Event, line_numbers: bool = True) -> None:
        """A PDF is typeset in a process that ends when it is written: the window keeps none of its memory."""
        from raadsakkoord.base import i18n
        from raadsakkoord.jobs.exporting import export_at

        target = Path(path)
        before = set(target.parent.glob(f".{target.name}.*.tmp"))

        def remove_strays() -> None:
            # An ended process had no chance to remove its temporary file beside the target.
            for stray in set(target.parent.glob(f".{target.name}.*.tmp")) - before:
                stray.unlink(missing_ok=True)

        self._progressed.emit(tr("De gegevens lezen…"), -1, -1)
        run_in_child(self.runner, export_at, (self.ctx.workspace.target, what, fmt, path),
                     {"round_number": round_number, "attach_source": attach, "readability": readability,
                      "language": i18n.language(), "line_numbers": line_numbers},
                     lambda message: self._progressed.emit(message[1], message[2], message[3]),
                     lambda pages: self._finished(path, pages), self._failed, cancel, remove_strays)

    def cancel(self) -> None:
        if self._cancel is None:
            return
        self._cancel.set()
        self.close_button.setEnabled(False)
        self.close_button.setText(tr("Wordt geannuleerd…"))
        self.status.setText(tr("Wordt geannuleerd…"))

    def _set_running(self, running: bool) -> None:
        for widget in (self.what, self.round, self.format, self.target, self.browse_button, self.export_button):
            widget.setEnabled(not running)
        if not running:
            self._what_changed_enabling()
        else:
            self.readability.setEnabled(False)
            self.line_numbers.setEnabled(False)
            self.attach_source.setEnabled(False)
            self.open_button.hide()
            self.folder_button.hide()
            self.progress.setRange(0, 0)
            self.progress.show()
            self.status.setText(tr("Bezig met exporteren…"))
        self.close_button.setEnabled(True)
        self.close_button.setText(tr("&Annuleren") if running else tr("Sluiten"))
        self.close_button.setToolTip(tr("Het exporteren stoppen; er wordt dan niets geschreven") if running else "")

    def _what_changed_enabling(self) -> None:
        agreement = self.chosen_what == "agreement"
        self.round.setEnabled(agreement)
        self.readability.setEnabled(agreement)
        self.line_numbers.setEnabled(agreement)
        self.attach_source.setEnabled(self.chosen_format == "pdf")

    def _show_progress(self, message: str, done: int, total: int) -> None:
        if not self.running or self._cancel.is_set():
            return
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        else:
            self.progress.setRange(0, 0)  # no count: busy
        self.status.setText(message)

    def _finished(self, path: str, pages: int | None) -> None:
        self._cancel = None
        self._set_running(False)
        self.progress.hide()
        self.written = path
        line = (tr("Geschreven: {path} ({pages} pagina's).").format(path=path, pages=pages) if pages
                else tr("Geschreven: {path}.").format(path=path))
        self.status.setText(line)
        self.open_button.show()
        self.folder_button.show()
        self.open_button.setFocus()
        self.exported.emit(line)

    def _failed(self, error: BaseException) -> None:
        self._cancel = None
        self._set_running(False)
        self.progress.hide()
        if isinstance(error, (ExportCancelled, ChildStopped)):
            self.status.setText(tr("Geannuleerd; er is niets geschreven."))
            return
        self.status.setText(tr("Niet geëxporteerd."))
        messages.show_failure(self, tr("Exporteren"), error)

    def _open(self, path: str | None) -> None:
        if path and not open_url(QUrl.fromLocalFile(path)):
            messages.show_error(self, tr("Openen"), tr("Er is geen programma gevonden dat {path} kan openen.").format(
                path=path))

    # -- closing ----------------------------------------------------------------------------

    def reject(self) -> None:
        """Escape or "Annuleren" while exporting stops the export; the dialog stays to say so."""
        if self.running:
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event) -> None:
        if self.running:
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)


def show_export_dialog(parent: QWidget | None, ctx: Context, runner: TaskRunner, *, what: str = "agreement",
                       round_number: int | None = None) -> ExportDialog:
    """Show the export dialog (not modal); the rounds to choose from are read off the GUI thread."""
    dialog = ExportDialog(ctx, runner, parent, what=what, round_number=round_number)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    runner.run(lambda: load_choices(ctx), dialog.set_choices, dialog.choices_failed)
    return dialog
