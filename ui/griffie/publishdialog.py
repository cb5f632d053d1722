"""Publishing a round: first what is still open, then in plain words what will happen, then publish.

``operations.publish_round`` freezes the texts and rebases every open
amendment onto them, which takes seconds on a big agreement: it runs off
the GUI thread with a busy bar while the window keeps repainting. Afterwards
the dialog offers the round package for the parties and the round's PDF.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from raadsakkoord.base import i18n
from raadsakkoord.base.i18n import tr, trn
from raadsakkoord.queries.round_readiness import Readiness, round_readiness
from raadsakkoord.jobs.publishing import Published, publish_round_at
from ui.exchange import packages as exchangeui
from ui.common import messages
from ui.common.context import Context
from ui.common.render import local_date, page
from ui.common.background import TaskRunner, WorkerStopped

StatusCallback = Callable[[str], None]


def load_readiness(ctx: Context) -> Readiness:
    with ctx.action() as session:
        return round_readiness(session)




def readiness_html(ready: Readiness, *, just_published: bool = False) -> str:
    """What is still open, as the clerk reads it before publishing (or right after)."""
    e = html.escape
    parts = []
    last = ready.last_round
    if last is None:
        parts.append(f"<p>{e(tr('Er is nog geen ronde gepubliceerd; dit wordt de eerste.'))}</p>")
    else:
        parts.append("<p>" + e(tr("Laatste ronde: {label}, gepubliceerd op {date} door {who}.").format(
            label=last.label, date=local_date(last.published_at), who=last.published_by)) + "</p>")
    if not ready.changed_since_last and last is not None and not just_published:
        parts.append("<p style='color:#b71c1c'><b>" + e(tr(
            "Sinds {label} is er geen tekst gewijzigd. Een nieuwe conceptronde is dan niet nodig en wordt "
            "geweigerd; een definitieve ronde kan wel.").format(label=last.label)) + "</b></p>")
    if ready.all_settled:
        parts.append("<p style='color:#1b5e20'>" + e(tr(
            "Alles is afgehandeld: er zijn geen open amendementen, elke hoofdlijn heeft een meerderheid en "
            "alle standpunten gaan over de huidige teksten.")) + "</p>")
        return page("".join(parts))

    def heading(text: str) -> str:
        return f"<h3 style='margin-bottom:2px'>{e(text)}</h3>"

    def item(text: str) -> str:
        return f"<p style='margin:0 0 2px 18px; text-indent:-10px'>• {text}</p>"

    if ready.open_amendments:
        parts.append(heading(trn("{n} ingediend amendement waarover nog niet is besloten",
                                 "{n} ingediende amendementen waarover nog niet is besloten",
                                 ready.open_count).format(n=ready.open_count)))
        for group in ready.open_amendments:
            where = (tr("Nieuwe hoofdlijnen in hoofdstuk {number} {title}") if group.new_sections
                     else tr("Hoofdlijn {number} {title}")).format(number=group.number, title=group.title)
            names = "; ".join(f"‘{e(a.headline)}’ ({e(a.party)})"
                              + (f" <span style='color:#a15c00'>{e(tr('botst met de nieuwe tekst'))}</span>"
                                 if a.needs_rework else "") for a in group.amendments)
            parts.append(item(f"<b>{e(where)}</b>: {names}"))
    if ready.without_majority:
        parts.append(heading(trn("{n} hoofdlijn zonder meerderheid", "{n} hoofdlijnen zonder meerderheid",
                                 len(ready.without_majority)).format(n=len(ready.without_majority))))
        for weak in ready.without_majority:
            parts.append(item(e(tr("{number} {title}: {seats} van {total} zetels steunen de huidige tekst").format(
                number=weak.number, title=weak.title, seats=weak.support_seats, total=weak.council_seats))))
    if ready.stale:
        parts.append(heading(trn("{n} standpunt over een oudere tekst", "{n} standpunten over een oudere tekst",
                                 ready.stale_count).format(n=ready.stale_count)))
        parts.append(f"<p class='meta' style='margin:0 0 4px 0'>{e(tr('Deze tellen niet mee tot de fractie ze bevestigt.'))}</p>")
        for stale in ready.stale:
            parts.append(item(e(tr("{party}: hoofdlijn {numbers}").format(party=stale.party,
                                                                         numbers=", ".join(stale.sections)))))
    return page("".join(parts))


def default_label(ready: Readiness, final: bool) -> str:
    # The name the core gives a round without one; stored and sent in Dutch, so shown as it will be.
    return "Definitief" if final else f"Concept {ready.next_number}"


def what_happens(ready: Readiness, final: bool, label: str) -> str:
    """The consequences in plain words, for the choice made."""
    name = label or default_label(ready, final)
    if final:
        text = tr("De huidige teksten worden vastgelegd als ‘{name}’. Alle voorgestelde hoofdlijnen worden "
                  "vastgesteld, en daarna kan niemand het raadsakkoord nog wijzigen.").format(name=name)
        if ready.open_count:
            text += " " + trn("Over {n} open amendement wordt dan niet meer besloten.",
                              "Over {n} open amendementen wordt dan niet meer besloten.", ready.open_count).format(
                n=ready.open_count)
        return text
    text = tr("De huidige teksten van alle hoofdlijnen worden vastgelegd als ronde {number}, ‘{name}’; "
              "die teksten veranderen daarna niet meer.").format(number=ready.next_number, name=name)
    text += " " + tr("Open amendementen blijven open. Waar hun hoofdlijn sinds het schrijven is gewijzigd, "
                     "worden ze automatisch overgezet op de nieuwe tekst; een amendement dat daarmee botst, "
                     "houdt zijn tekst en moet door de fractie worden herzien.")
    text += " " + tr("Daarna maakt u het rondepakket voor de fracties.")
    return text


class PublishRoundDialog(QDialog):
    """Open items, the choice of round, the consequences, then publishing with a busy bar."""

    def __init__(self, ctx: Context, runner: TaskRunner, on_done: StatusCallback,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.on_done = on_done
        self.readiness: Readiness | None = None
        self.result: Published | None = None
        # The round this dialog published: also known when the worker died just after committing it.
        self.published_number: int | None = None
        self.busy = False
        self.setWindowTitle(tr("Ronde publiceren"))

        self.overview = QTextBrowser()
        self.overview.setOpenLinks(False)
        self.overview.setAccessibleName(tr("Wat nog open staat"))
        self.concept = QRadioButton(tr("&Conceptronde"))
        self.concept.setToolTip(tr("De fracties kunnen daarna verder amenderen"))
        self.final = QRadioButton(tr("&Definitieve ronde: het raadsakkoord vaststellen"))
        self.final.setToolTip(tr("Daarna kan niemand het raadsakkoord nog wijzigen"))
        self.kind = QButtonGroup(self)
        self.kind.addButton(self.concept)
        self.kind.addButton(self.final)
        self.concept.setChecked(True)
        self.label = QLineEdit()
        self.label.setMaxLength(80)
        self.label.setToolTip(tr("De naam van de ronde zoals de fracties die lezen; u kunt hem aanpassen"))
        self._prefilled = ""  # the name last filled in for the clerk, replaced while they have not typed
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(tr("Bijvoorbeeld wat er in deze ronde is veranderd (voor de fracties)"))
        self.note.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.consequences = QLabel()
        self.consequences.setWordWrap(True)
        kinds = QHBoxLayout()
        kinds.addWidget(self.concept)
        kinds.addWidget(self.final)
        kinds.addStretch(1)
        form = QFormLayout()
        form.addRow(tr("Soort ronde:"), kinds)
        label_label = QLabel(tr("&Naam:"))
        label_label.setBuddy(self.label)
        form.addRow(label_label, self.label)
        note_label = QLabel(tr("&Toelichting:"))
        note_label.setBuddy(self.note)
        form.addRow(note_label, self.note)

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.package_button = QPushButton(tr("&Rondepakket maken…"))
        self.package_button.setToolTip(tr("Het ondertekende pakket van deze ronde voor de fracties"))
        self.pdf_button = QPushButton(tr("&PDF van deze ronde maken…"))
        self.pdf_button.setToolTip(tr("Het raadsakkoord zoals in deze ronde gepubliceerd, als PDF"))
        for button in (self.package_button, self.pdf_button):
            button.setAutoDefault(False)
            button.hide()
        self.publish_button = QPushButton(tr("&Publiceren…"))
        self.publish_button.setDefault(True)
        self.publish_button.setEnabled(False)
        self.close_button = QPushButton(tr("Annuleren"))
        self.close_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.package_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        buttons.addWidget(self.publish_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        heading = QLabel(tr("Wat staat er nog open?"))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        layout.addWidget(self.overview, 1)
        layout.addLayout(form)
        layout.addWidget(self.consequences)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        self.concept.toggled.connect(self._choice_changed)
        self.label.textChanged.connect(self._choice_changed)
        self.publish_button.clicked.connect(self.confirm_and_publish)
        self.close_button.clicked.connect(self.reject)
        self.package_button.clicked.connect(self.make_round_package)
        self.pdf_button.clicked.connect(self.make_pdf)
        # Another clerk may publish (or decide) meanwhile: what is open is read again, and a round that
        # would now be refused turns the button off with the reason above it.
        ctx.changes.outline.connect(self._others_changed)
        self.resize(760, 680)

    # -- reading what is open ----------------------------------------------------------------

    def load(self) -> None:
        self._set_busy(True, tr("Nagaan wat er nog open staat…"))
        self.runner.run(lambda: load_readiness(self.ctx), self._loaded, self._load_failed)

    def _loaded(self, ready: Readiness) -> None:
        self._set_busy(False, "")
        self.readiness = ready
        self.overview.setHtml(readiness_html(ready))
        if ready.adopted:
            self.status.setText(ready.refusal(final=False))
            self.publish_button.setEnabled(False)
            for widget in (self.concept, self.final, self.label, self.note):
                widget.setEnabled(False)
            return
        self._choice_changed()

    def _others_changed(self) -> None:
        if not self.busy and self.published_number is None:
            self.load()

    def _load_failed(self, error: BaseException) -> None:
        self._set_busy(False, tr("Niet gelukt."))
        messages.show_failure(self, tr("Ronde publiceren"), error)

    def _choice_changed(self) -> None:
        if self.readiness is None:
            return
        final = self.final.isChecked()
        if self.label.text() in ("", self._prefilled):
            self._prefilled = default_label(self.readiness, final)
            self.label.setText(self._prefilled)
        refusal = self.readiness.refusal(final)
        if refusal:
            # The button is off, and the reason stands right above it rather than after a click.
            self.consequences.setText("<b style='color:#b71c1c'>" + html.escape(tr("Publiceren kan nu niet:"))
                                      + "</b> " + html.escape(refusal))
        else:
            self.consequences.setText("<b>" + html.escape(tr("Wat er gebeurt:")) + "</b> "
                                      + html.escape(what_happens(self.readiness, final, self.label.text().strip())))
        self.publish_button.setToolTip(refusal)
        self.publish_button.setEnabled(self._can_publish())

    def _can_publish(self) -> bool:
        return (not self.busy and self.published_number is None and self.readiness is not None
                and not self.readiness.refusal(self.final.isChecked()))

    # -- publishing --------------------------------------------------------------------------

    def confirm_and_publish(self) -> None:
        if self.readiness is None or self.busy or self.published_number is not None:
            return
        final = self.final.isChecked()
        label = self.label.text().strip()
        title = tr("Ronde publiceren")
        question = what_happens(self.readiness, final, label) + "\n\n" + (
            tr("Weet u zeker dat u het raadsakkoord definitief wilt vaststellen? Dit kan niet ongedaan worden "
               "gemaakt.") if final else tr("Wilt u deze ronde nu publiceren?"))
        yes = tr("Definitief vaststellen") if final else tr("Publiceren")
        if not messages.ask(self, title, question, yes=yes, no=tr("Annuleren")):
            return
        self.start(final=final, label=label, note=self.note.toPlainText())

    def start(self, *, final: bool, label: str, note: str) -> None:
        """Publish without asking (the confirmation is ``confirm_and_publish``'s)."""
        ctx = self.ctx
        self._set_busy(True, tr("De ronde wordt gepubliceerd. Open amendementen worden overgezet op de nieuwe "
                                "teksten; bij veel amendementen duurt dat even."))
        # In the worker process: rebasing every open amendment is long Python work that, on a
        # thread, would hold the GIL the window needs to repaint.
        self.runner.run_in_process(partial(publish_round_at, final=final, label=label, note=note,
                                           language=i18n.language()),
                                   (ctx.workspace.target, ctx.actor), self._published, self._publish_failed)

    def _published(self, result: Published) -> None:
        self.result = result
        self.published_number = result.number
        self._set_busy(False, result.status_line())
        for widget in (self.concept, self.final, self.label, self.note, self.publish_button):
            widget.setEnabled(False)
        self.package_button.show()
        self.pdf_button.show()
        self.package_button.setFocus()
        self.close_button.setText(tr("Sluiten"))
        self.consequences.hide()
        self.status.setStyleSheet("color: #1b5e20; font-weight: bold;")
        self.ctx.changes.outline.emit()
        self.on_done(result.status_line())
        # What is open now, after the round (stale positions, amendments to rework).
        self.runner.run(lambda: load_readiness(self.ctx), self._reloaded, lambda error: None)

    def _reloaded(self, ready: Readiness) -> None:
        self.readiness = ready
        self.overview.setHtml(readiness_html(ready, just_published=True))

    def _publish_failed(self, error: BaseException) -> None:
        if isinstance(error, WorkerStopped) and self.readiness is not None:
            # Not run again by itself: the process may have died just after the round was committed.
            # The workspace knows, so look there and say which it was.
            number = self.readiness.next_number
            self._set_busy(True, tr("Nagaan of de ronde toch is gepubliceerd…"))
            self.runner.run(lambda: load_readiness(self.ctx), lambda ready: self._checked_after_stop(ready, number),
                            self._load_failed)
            messages.show_failure(self, tr("Ronde publiceren"), error)
            return
        self._set_busy(False, tr("Er is geen ronde gepubliceerd."))
        self._choice_changed()
        messages.show_failure(self, tr("Ronde publiceren"), error)

    def _checked_after_stop(self, ready: Readiness, number: int) -> None:
        if ready.next_number > number:
            self.published_number = number
        self._loaded(ready)
        if self.published_number is None:
            self.status.setText(tr("Er is geen ronde gepubliceerd: het hulpproces stopte voordat de ronde was "
                                   "vastgelegd. U kunt opnieuw publiceren."))
            return
        line = tr("Ronde {number} is toch gepubliceerd: het hulpproces stopte pas nadat de ronde was "
                  "vastgelegd. Maak nu het rondepakket voor de fracties.").format(number=number)
        self.status.setText(line)
        self.package_button.show()
        self.pdf_button.show()
        self.close_button.setText(tr("Sluiten"))
        self.ctx.changes.outline.emit()
        self.on_done(line)

    def _set_busy(self, busy: bool, text: str) -> None:
        self.busy = busy
        self.status.setStyleSheet("")
        self.progress.setVisible(busy)
        self.status.setText(text)
        for widget in (self.concept, self.final, self.label, self.note):
            widget.setEnabled(not busy and self.published_number is None)
        self.publish_button.setEnabled(self._can_publish())
        self.close_button.setEnabled(not busy)

    # -- afterwards --------------------------------------------------------------------------

    def make_round_package(self) -> None:
        def done(line: str) -> None:
            self.status.setText(line)
            self.on_done(line)

        exchangeui.export_round_package(self, self.ctx, self.runner, done)

    def make_pdf(self):
        from ui.exchange.exportdialog import show_export_dialog

        dialog = show_export_dialog(self.parentWidget() or self, self.ctx, self.runner, what="agreement",
                                    round_number=self.published_number)
        dialog.exported.connect(self.on_done)
        return dialog

    def reject(self) -> None:
        if self.busy:
            return  # publishing cannot be stopped halfway; it is one action, done soon
        super().reject()

    def closeEvent(self, event) -> None:
        if self.busy:
            event.ignore()
            return
        super().closeEvent(event)



def publish_round_dialog(parent: QWidget | None, ctx: Context, runner: TaskRunner,
                         on_done: StatusCallback) -> PublishRoundDialog | None:
    """"Ronde publiceren…": only the griffie publishes. Returns the dialog, shown window-modal."""
    title = tr("Ronde publiceren")
    if ctx.party_id is not None:
        messages.show_error(parent, title, tr("Alleen de griffie publiceert een ronde."))
        return None
    dialog = PublishRoundDialog(ctx, runner, on_done, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.load()
    return dialog
