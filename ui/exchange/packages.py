"""Sending and receiving packages from the window: the same core functions as ``raadsakkoord package …``.

Every file and database step runs off the GUI thread through the TaskRunner;
the window gets one Dutch line for its status bar through ``on_done``.
"""

from __future__ import annotations

import html
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from raadsakkoord.base import i18n
from raadsakkoord.base.errors import UserError
from raadsakkoord.base.files import read_file_limited
from raadsakkoord.base.i18n import mark, tr
from raadsakkoord.base.text import shown
from raadsakkoord.exchange import keys
from raadsakkoord.exchange.packagefile import PACKAGE_SUFFIX, suggested_file_name, write_package_file
from raadsakkoord.jobs.packages import PackageOutcome, read_package_file_at
from ui.common import messages
from ui.common.background import TaskRunner
from ui.common.context import Context
from ui.exchange import passphrase

PACKAGE_FILTER = mark("Raadsakkoord-pakket (*.rkpkg);;Alle bestanden (*)")
KEY_FILTER = mark("Openbare sleutel (*.json *.pub);;Alle bestanden (*)")
FOLDER_KEY = "paths/package_folder"

StatusCallback = Callable[[str], None]


def _folder() -> Path:
    folder = Path(str(QSettings().value(FOLDER_KEY, "") or ""))
    return folder if str(folder) not in ("", ".") and folder.is_dir() else Path.home()


def _remember_folder(path: str) -> None:
    QSettings().setValue(FOLDER_KEY, str(Path(path).parent))


# --- sending --------------------------------------------------------------------------------

def _ask_save_path(parent: QWidget | None, title: str, suggested: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, str(_folder() / suggested), tr(PACKAGE_FILTER))
    if not path:
        return None
    if not Path(path).suffix:
        path += PACKAGE_SUFFIX
        # The file dialog asked about the name without the suffix, not about this one.
        if Path(path).exists() and not messages.ask(
                parent, title, tr("{name} bestaat al. Wilt u het vervangen?").format(name=Path(path).name),
                yes=tr("Vervangen"), no=tr("Annuleren")):
            return None
    _remember_folder(path)
    return path


def _export(parent: QWidget | None, ctx: Context, runner: TaskRunner, on_done: StatusCallback,
            party_id: uuid.UUID | None, title: str) -> None:
    workspace, actor = ctx.workspace, ctx.actor

    def suggest() -> tuple[str, keys.Identity]:
        with workspace.action() as session:
            return suggested_file_name(session, party_id), keys.identity_for(session, party_id)

    def ask_where(suggested: tuple[str, keys.Identity]) -> None:
        name, identity = suggested
        path = _ask_save_path(parent, title, name)
        if path is None:
            return
        # The passphrase is asked for here: the package is signed off the GUI thread.
        if not passphrase.ready_to_sign(parent, identity, title, make_key=True):
            return
        # Replacing an existing file was asked in the file dialog; a workspace is refused all the same.
        runner.run(lambda: write_package_file(workspace, actor, party_id, path, make_key=True, force=True),
                   lambda written: on_done(written.status_line()),
                   lambda error: messages.show_failure(parent, title, error))

    runner.run(suggest, ask_where, lambda error: messages.show_failure(parent, title, error))


def export_party_package(parent: QWidget | None, ctx: Context, runner: TaskRunner,
                         on_done: StatusCallback) -> None:
    """"Pakket voor de griffie maken…": the working party's signed package."""
    title = tr("Pakket voor de griffie maken")
    if ctx.party_id is None:
        messages.show_error(parent, title, tr("U werkt als griffie. Een fractiepakket maakt een fractie; "
                                              "de griffie maakt een rondepakket."))
        return
    _export(parent, ctx, runner, on_done, ctx.party_id, title)


def export_round_package(parent: QWidget | None, ctx: Context, runner: TaskRunner,
                         on_done: StatusCallback) -> None:
    """"Rondepakket maken…": the griffie's signed package of the latest published round."""
    title = tr("Rondepakket maken")
    if ctx.party_id is not None:
        messages.show_error(parent, title, tr("Alleen de griffie maakt een rondepakket; kies "
                                              "‘Pakket voor de griffie maken’ om uw bijdrage te versturen."))
        return
    _export(parent, ctx, runner, on_done, None, title)


# --- trusting a key -------------------------------------------------------------------------

def register_key_file(parent: QWidget | None, ctx: Context, runner: TaskRunner, path: str,
                      on_done: StatusCallback) -> None:
    """Trust a party's (or the griffie's) public key after the user compared its fingerprint."""
    title = tr("Sleutel vastleggen")
    workspace, actor = ctx.workspace, ctx.actor

    def read() -> tuple[bytes, dict]:
        data = read_file_limited(path, keys.MAX_KEY_FILE)
        return data, keys.read_public_key_file(data, Path(path).name)

    def confirm(result: tuple[bytes, dict]) -> None:
        data, document = result
        if not messages.ask(parent, title, tr(
                "Sleutel van {name}\nVingerafdruk: {fingerprint}\n\nBel de afzender en vergelijk de "
                "vingerafdruk voordat u deze sleutel vastlegt: daarmee weet u zeker dat de pakketten "
                "van {name} echt van hen komen.").format(name=document["name"],
                                                         fingerprint=document["fingerprint"]),
                yes=tr("Sleutel vastleggen"), no=tr("Annuleren")):
            return

        def register():
            with workspace.action() as session:
                return keys.register_public_key(session, actor, data, Path(path).name).name

        runner.run(register, lambda name: on_done(tr("Sleutel van {name} vastgelegd.").format(name=name)),
                   lambda error: messages.show_failure(parent, title, error))

    runner.run(read, confirm, lambda error: messages.show_failure(parent, title, error))


# --- receiving ------------------------------------------------------------------------------

def choose_key_file(parent: QWidget | None) -> str | None:
    """A public key file to register (see ``register_key_file``)."""
    path, _ = QFileDialog.getOpenFileName(parent, tr("Sleutel vastleggen"), str(_folder()), tr(KEY_FILTER))
    return path or None


def choose_package_files(parent: QWidget | None) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, tr("Pakketten inlezen"), str(_folder()), tr(PACKAGE_FILTER))
    if paths:
        _remember_folder(paths[0])
    return paths


def import_packages(parent: QWidget | None, ctx: Context, runner: TaskRunner, paths: Sequence[str],
                    on_done: StatusCallback, on_progress: StatusCallback | None = None) -> None:
    """Read the packages in one by one, then show what each did; refresh the views when anything changed.

    ``on_progress`` hears "package 2 of 3" as each one starts (the status bar).
    """
    workspace, actor = ctx.workspace, ctx.actor
    remaining = list(paths)
    total = len(remaining)
    outcomes: list[PackageOutcome] = []
    ctx.imports_running += 1

    def failed(path: str, error: BaseException) -> None:
        if isinstance(error, UserError):
            outcomes.append(PackageOutcome(path, refused=error.message))
        else:
            outcomes.append(PackageOutcome(path, refused=tr("onverwachte fout ({error})").format(error=error)))
            messages.show_failure(parent, tr("Pakketten inlezen"), error)
        step()

    def imported(outcome: PackageOutcome) -> None:
        outcomes.append(outcome)
        step()

    def step() -> None:
        if not remaining:
            finish()
            return
        path = remaining.pop(0)
        if on_progress is not None:
            on_progress(tr("Pakket {n} van {total} wordt ingelezen: {name}…").format(
                n=total - len(remaining), total=total, name=Path(path).name))
        # A process of its own: an import of a thousand amendments on a thread
        # would hold the GIL and freeze the window.
        # Safe to run again if that process dies: a package is read in whole or not at all,
        # and reading it in twice changes nothing.
        runner.run_in_process(read_package_file_at, (workspace.target, actor, path, i18n.language()),
                              imported, lambda error: failed(path, error), retry_if_stopped=True)

    def finish() -> None:
        ctx.imports_running -= 1
        if any(o.changed for o in outcomes):
            ctx.changes.outline.emit()
        line = summary_line(outcomes)
        show_import_report(parent, outcomes)
        on_done(line)

    step()


def summary_line(outcomes: Sequence[PackageOutcome]) -> str:
    read = sum(1 for o in outcomes if o.changed)
    again = sum(1 for o in outcomes if o.report is not None and o.report.already_imported)
    refused = sum(1 for o in outcomes if o.report is None)
    parts = []
    if read:
        parts.append(tr("{n} ingelezen").format(n=read))
    if again:
        parts.append(tr("{n} al eerder ingelezen").format(n=again))
    if refused:
        parts.append(tr("{n} geweigerd").format(n=refused))
    return tr("Pakketten: {parts}.").format(parts=", ".join(parts) or tr("geen"))


_WHAT = {"sections": mark("Hoofdlijnen"), "revisions": mark("Versies"), "rounds": mark("Rondes"),
         "parties": mark("Fracties"), "amendments": mark("Amendementen"), "endorsements": mark("Standpunten"),
         "tasks": mark("Uitwerkingsopdrachten")}
_OUTCOME = {"new": mark("{n} nieuw"), "updated": mark("{n} bijgewerkt"), "unchanged": mark("{n} ongewijzigd")}


@dataclass
class OutcomeText:
    heading: str
    verdict: str
    state: str  # "read", "again" or "refused"
    lines: list[tuple[str, list[str]]]  # (sentence, the items it names)
    attention: tuple[str, ...] = ()  # the sentences that ask for work: rework, collisions


def describe(outcome: PackageOutcome) -> OutcomeText:
    """One package's result in words, for the dialog and for copying."""
    report = outcome.report
    if report is None:
        return OutcomeText(outcome.name, tr("Niet ingelezen"), "refused", [(outcome.refused, [])])
    kind = tr("rondepakket van de griffie") if report.kind == "round" else tr("fractiepakket van {sender}").format(
        sender=report.sender)
    if report.already_imported:
        return OutcomeText(outcome.name, tr("Al eerder ingelezen"), "again",
                           [(tr("Dit {kind} was al ingelezen; er is niets gewijzigd.").format(kind=kind), [])])
    lines: list[tuple[str, list[str]]] = []
    attention = []
    for what, label in _WHAT.items():
        parts = [tr(_OUTCOME[o]).format(n=report.counts[(what, o)]) for o in _OUTCOME if report.counts[(what, o)]]
        if parts:
            lines.append((f"{tr(label)}: {', '.join(parts)}", []))
    if outcome.rebased:
        lines.append((tr("Overgezet op de nieuwe tekst, zonder botsing:"), outcome.rebased))
    if outcome.needs_rework:
        attention.append(tr("Botst met de nieuwe tekst en moet worden herzien (de tekst van de fractie is bewaard):"))
        lines.append((attention[-1], outcome.needs_rework))
    if outcome.conflicts:
        attention.append(tr("Botst met een ander amendement op dezelfde passage:"))
        lines.append((attention[-1], outcome.conflicts))
    if report.kept:
        lines.append((tr("Niet overschreven:"), list(report.kept)))
    if outcome.note:
        lines.append((outcome.note, []))
    if not lines:
        lines.append((tr("Het pakket bevatte niets nieuws."), []))
    return OutcomeText(outcome.name, tr("Ingelezen: {kind}").format(kind=kind), "read", lines, tuple(attention))


def report_text(outcomes: Sequence[PackageOutcome]) -> str:
    """The whole report as plain text (for the clipboard, or a mail to the griffie)."""
    blocks = []
    for outcome in outcomes:
        text = describe(outcome)
        rows = [f"{text.heading} — {text.verdict}"]
        for sentence, items in text.lines:
            rows.append(f"  {sentence}")
            rows.extend(f"    - {item}" for item in items)
        blocks.append("\n".join(rows))
    return shown("\n\n".join(blocks))


_STATE_COLOURS = {"read": "#1b5e20", "again": "#555555", "refused": "#b71c1c"}


def _escape(text: str) -> str:
    # Headlines and names come from other parties' packages and workspaces:
    # shown as text, never as markup, and without control characters.
    return html.escape(shown(text))


def report_html(outcomes: Sequence[PackageOutcome]) -> str:
    # Paragraphs with margins rather than nested lists: Qt spaces nested lists unevenly.
    parts = []
    for number, outcome in enumerate(outcomes):
        text = describe(outcome)
        top = 0 if number == 0 else 14
        parts.append(f"<p style='margin:{top}px 0 0 0; font-size:large'><b>{_escape(text.heading)}</b></p>"
                     f"<p style='margin:0 0 4px 0; color:{_STATE_COLOURS[text.state]}'>"
                     f"<b>{_escape(text.verdict)}</b></p>")
        for sentence, items in text.lines:
            shown = _escape(sentence)
            if sentence in text.attention:
                shown = f"<b style='color:#b71c1c'>{shown}</b>"
            # A hanging indent, so a wrapped line starts under the text and not under the bullet.
            parts.append(f"<p style='margin:2px 0 0 24px; text-indent:-12px'>• {shown}</p>")
            parts.extend(f"<p style='margin:0 0 0 44px; text-indent:-12px'>– {_escape(item)}</p>"
                         for item in items)
    return "".join(parts)


class ImportReportDialog(QDialog):
    """What each package did: read in (with new, rebased and colliding items) or refused and why."""

    def __init__(self, outcomes: Sequence[PackageOutcome], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Pakketten ingelezen"))
        self._outcomes = list(outcomes)
        self.summary = QLabel(summary_line(outcomes))
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName(tr("Verslag per pakket"))
        self.browser.setHtml(report_html(outcomes))
        self.copy_button = QPushButton(tr("&Kopiëren"))
        self.copy_button.setAutoDefault(False)
        self.copy_button.setToolTip(tr("Zet dit verslag op het klembord, om het bijvoorbeeld te mailen"))
        self.close_button = QPushButton(tr("Sluiten"))
        self.close_button.setDefault(True)
        self.copy_button.clicked.connect(self.copy)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.browser, 1)
        layout.addLayout(buttons)
        self.close_button.setFocus()
        self.resize(640, 440)

    def copy(self) -> None:
        QApplication.clipboard().setText(report_text(self._outcomes))


def show_import_report(parent: QWidget | None, outcomes: Sequence[PackageOutcome]) -> None:
    """Shown modally; tests replace this (pytest-qt's advice on dialogs)."""
    dialog = ImportReportDialog(outcomes, parent)
    dialog.exec()
    dialog.deleteLater()
