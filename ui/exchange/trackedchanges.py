"""Bestand → "Wijzigingen uit Word inlezen…": a round's Word export with tracked changes, as a party's amendments.

The same core functions as ``raadsakkoord import-changes``: the file is read
and matched to its round off the GUI thread, the preview lists per section
the amendment it makes (and what cannot be placed), and only "Inlezen"
writes. A party member reads in for their own party; the griffie chooses
the party whose file it is.
"""

from __future__ import annotations

import html
import uuid
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from raadsakkoord.base.i18n import mark, tr, trn
from raadsakkoord.importing.office.tracked import read_tracked
from raadsakkoord.model import AmendmentKind
from raadsakkoord.operations.changes_plan import ChangesPlan
from raadsakkoord.operations.tracked_changes import import_tracked_changes, plan_tracked_changes
from raadsakkoord.queries.identity import Role, roles
from ui.common import messages
from ui.common.background import TaskRunner
from ui.common.context import Context

WORD_FILTER = mark("Word-document of OpenDocument-tekst (*.docx *.odt);;Alle bestanden (*)")
_KINDS = {AmendmentKind.MODIFY: mark("wijziging"), AmendmentKind.DELETE: mark("schrapping"),
          AmendmentKind.NEW_SECTION: mark("nieuwe hoofdlijn")}


@dataclass
class Preview:
    path: str
    plan: ChangesPlan
    parties: list[Role]  # the parties the file may be read in for: one for a party member
    document: object  # the TrackedDocument, read once


def preview_html(plan: ChangesPlan) -> str:
    # An amendment book is of no one round: it names the party of every amendment (read in for the one chosen).
    kind = (tr("Een export van {round}.").format(round=plan.round_label) if plan.round_number
            else tr("Een amendementenboek: de amendementen van de gekozen fractie worden ingelezen."))
    out = [f"<h3>{html.escape(plan.source)}</h3>", f"<p>{html.escape(kind)}</p>"]
    if plan.amendments:
        rows = []
        for a in plan.amendments:
            state = tr("al ingelezen") if a.existing is not None else tr(_KINDS[a.kind])
            who = f" — {html.escape(a.authors)}" if a.authors else ""
            place = f"{a.place} {a.party}" if a.party else a.place
            rows.append(f"<tr><td style='padding-right:8px'>{html.escape(place)}</td>"
                        f"<td>{html.escape(a.headline)}{who}<br><small>{html.escape(state)}</small></td></tr>")
        out.append(f"<table>{''.join(rows)}</table>")
    for notice in plan.notices:
        out.append(f"<p>{html.escape(notice)}</p>")
    if plan.unplaced:
        out.append("<p style='color:#b71c1c'><b>{}</b></p>".format(html.escape(
            tr("Niet te plaatsen, en dus niet ingelezen:"))))
        out.append("<ul>" + "".join(f"<li>{html.escape(line)}</li>" for line in plan.unplaced) + "</ul>")
    return "".join(out)


class TrackedChangesDialog(QDialog):
    """What the file makes; "Inlezen" accepts with ``party_id`` set to the chosen party."""

    def __init__(self, preview: Preview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Wijzigingen uit Word inlezen"))
        self.party_id: uuid.UUID | None = None
        self.parties = QComboBox()
        if len(preview.parties) > 1:
            # The griffie names the party itself: a wrong guess would file amendments under another party.
            self.parties.addItem(tr("Kies de fractie…"), None)
        for role in preview.parties:
            self.parties.addItem(f"{role.short_name} — {role.name}", role.party_id)
        self.parties.setEnabled(len(preview.parties) > 1)
        form = QFormLayout()
        parties_label = QLabel(tr("&Amendementen van:"))
        parties_label.setBuddy(self.parties)
        form.addRow(parties_label, self.parties)
        self.text = QTextBrowser()
        self.text.setAccessibleName(tr("Wat het bestand aan amendementen maakt"))
        self.text.setHtml(preview_html(preview.plan))
        self.text.setMinimumSize(560, 320)
        note = QLabel(tr("De amendementen worden ontwerp-amendementen: de fractie kan de kop en toelichting nog aanpassen "
                         "en dient ze daarna in."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.import_button = QPushButton(tr("&Inlezen"))
        self.may_import = bool(preview.plan.new)
        self.parties.currentIndexChanged.connect(self._allow)
        self._allow()
        self.import_button.setDefault(True)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QPushButton(tr("Annuleren")), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.text)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _allow(self) -> None:
        self.import_button.setEnabled(self.may_import and self.parties.currentData() is not None)

    def _accept(self) -> None:
        self.party_id = self.parties.currentData()
        self.accept()


def ask_file(parent: QWidget | None) -> str | None:
    """The Word file to read in; tests replace this."""
    path, _ = QFileDialog.getOpenFileName(parent, tr("Wijzigingen uit Word inlezen"), str(Path.home()),
                                          tr(WORD_FILTER))
    return path or None


def ask(parent: QWidget | None, preview: Preview) -> uuid.UUID | None:
    """Modal; the party to read the file in for, or None when cancelled. Tests replace this."""
    dialog = TrackedChangesDialog(preview, parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    party_id = dialog.party_id if accepted else None
    dialog.deleteLater()
    return party_id


def import_changes(parent: QWidget | None, ctx: Context, runner: TaskRunner, on_done, path: str | None = None) -> None:
    """Choose a file, preview it, and on "Inlezen" make the amendments; ``on_done`` gets one Dutch line."""
    title = tr("Wijzigingen uit Word inlezen")
    path = path or ask_file(parent)
    if not path:
        return
    own_party = ctx.party_id

    def read() -> Preview:
        document = read_tracked(path)
        with ctx.action() as session:
            parties = [r for r in roles(session) if r.party_id is not None
                       and (own_party is None or r.party_id == own_party)]
            plan = plan_tracked_changes(session, document, party_id=own_party)
        return Preview(path, plan, parties, document)

    def chosen(preview: Preview) -> None:
        party_id = ask(parent, preview)
        if party_id is None:
            return

        def write() -> tuple[ChangesPlan, str]:
            with ctx.action() as session:
                plan = import_tracked_changes(session, ctx.actor, preview.document, party_id=party_id,
                                              round_number=preview.plan.round_number)
                name = next(r.short_name for r in preview.parties if r.party_id == party_id)
            return plan, name

        def written(result: tuple[ChangesPlan, str]) -> None:
            plan, name = result
            made = len(plan.new)
            on_done(trn("{n} ontwerp-amendement gemaakt voor {party} uit {file}.",
                        "{n} ontwerp-amendementen gemaakt voor {party} uit {file}.", made).format(
                n=made, party=name, file=plan.source))
            ctx.changes.outline.emit()
            for section_id in {a.section_id for a in plan.new if a.section_id is not None}:
                ctx.changes.section.emit(section_id)

        runner.run(write, written, lambda error: messages.show_failure(parent, title, error))

    runner.run(read, chosen, lambda error: messages.show_failure(parent, title, error))
