"""Writing an amendment: the section as plain Markdown beside the live tracked-change view.

Fields: a title (a new section's own; for a change, a new title for its
section, left empty to keep it), the headline, the text, the explanation.
Every edit goes through the editor's undo stack into the DraftModel; the
buffer is written to the workspace every few seconds and when the editor
loses focus, so a crash loses at most a few seconds of typing. Those
writes run off the GUI thread (``Autosaver``): waiting for the workspace's
write lock never freezes the window.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from raadsakkoord import operations as ops
from raadsakkoord.base.errors import UserError
from raadsakkoord.base.i18n import mark, tr
from raadsakkoord.model import AmendmentKind
from raadsakkoord.queries.drafting import RevisionEntry
from raadsakkoord.queries.labels import NO_NUMBER
from raadsakkoord.queries.readability import Readability
from ui.common import messages
from ui.common.context import Context
from ui.drafting.autosaver import Autosaver
from ui.drafting.draft import FIELDS, DraftModel, DraftState, EditFieldCommand
from ui.drafting.highlighter import DraftHighlighter, officialese_at
from ui.drafting.livediff import LiveDiff, LiveResult
from ui.common.render import legend, local_time, page
from ui.common.background import TaskRunner

AUTOSAVE_MS = 3_000
KIND_TITLES = {
    AmendmentKind.MODIFY: mark("Amendement op {target}"),
    AmendmentKind.DELETE: mark("Schrapping van {target}"),
    AmendmentKind.NEW_SECTION: mark("Nieuwe hoofdlijn in {target}"),
}


class _UndoRouter(QObject):
    """Sends Ctrl+Z / Ctrl+Shift+Z in a text field to the editor's stack, not the field's own."""

    def __init__(self, stack: QUndoStack, parent: QObject) -> None:
        super().__init__(parent)
        self._stack = stack

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            for key, action in ((QKeySequence.StandardKey.Undo, self._stack.undo),
                                (QKeySequence.StandardKey.Redo, self._stack.redo)):
                if event.matches(key):
                    event.accept()
                    if event.type() == QEvent.Type.KeyPress:
                        action()
                    return True
        return False


class MarkdownEdit(QPlainTextEdit):
    """The text editor: officialese shows its plainer alternative as a tooltip."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            cursor = self.cursorForPosition(event.pos())
            found = officialese_at(cursor.block().text(), cursor.positionInBlock())
            if found is not None:
                QToolTip.showText(event.globalPos(), tr("Ambtelijk: „{phrase}”. Eenvoudiger: {alternative}").format(
                    phrase=found.phrase, alternative=found.alternative), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


class DraftEditor(QWidget):
    """One amendment being written. ``changed`` fires after a save, submit or withdrawal."""

    changed = Signal(object)  # the section id (or None for a new section)
    closed = Signal()
    status = Signal(str)

    def __init__(self, ctx: Context, runner: TaskRunner, state: DraftState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._updating = False  # set while the model's value is being put into a widget
        self.model = DraftModel(state, self)
        self.undo_stack = QUndoStack(self)
        self.autosaved_key: str | None = None  # the buffer last written, until a save replaces it
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setSingleShot(True)
        self._autosave_timer.setInterval(AUTOSAVE_MS)
        self._autosave_timer.timeout.connect(self.autosave)
        self.autosaver = Autosaver(ctx, runner)
        self.autosaver.written.connect(self._autosaved)
        self.autosaver.failed.connect(self._autosave_failed)
        # The section's text as someone else changed it while this editor was open, or None.
        self.moved_text: str | None = None
        self.live = LiveDiff(runner, self)
        self.live.ready.connect(self._show_live)
        self._build()
        self.model.changed.connect(self._model_changed)
        self._refresh_all()
        self.live.request(state.base_text, self._new_text(), now=True)

    # -- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        state = self.model.state
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.title_edit = QLineEdit()
        if state.kind == AmendmentKind.NEW_SECTION:
            self.title_edit.setAccessibleName(tr("Titel van de nieuwe hoofdlijn"))
        else:
            # A change may retitle its section too; left empty, the section keeps its title.
            self.title_edit.setAccessibleName(tr("Nieuwe titel van de hoofdlijn"))
            self.title_edit.setPlaceholderText(tr("Leeg laten om de huidige titel te houden"))
        self.headline_edit = QLineEdit()
        self.headline_edit.setPlaceholderText(tr("In één regel: wat verandert er?"))
        self.headline_edit.setAccessibleName(tr("Kop van het amendement"))
        self.text_edit = MarkdownEdit()
        self.text_edit.setAccessibleName(tr("Voorgestelde tekst (Markdown)"))
        self.text_edit.setTabChangesFocus(True)
        self.highlighter = DraftHighlighter(self.text_edit.document())
        self.explanation_edit = QPlainTextEdit()
        self.explanation_edit.setAccessibleName(tr("Toelichting"))
        self.explanation_edit.setPlaceholderText(tr("Waarom stelt uw fractie dit voor?"))
        self.explanation_edit.setTabChangesFocus(True)
        self.explanation_edit.setMaximumHeight(90)
        for widget in (self.title_edit, self.headline_edit, self.text_edit, self.explanation_edit):
            widget.installEventFilter(_UndoRouter(self.undo_stack, widget))
            if isinstance(widget, QPlainTextEdit):  # its own history would bypass the stack
                widget.document().setUndoRedoEnabled(False)
        self.title_edit.textEdited.connect(lambda text: self._edited("title", text))
        self.headline_edit.textEdited.connect(lambda text: self._edited("headline", text))
        self.text_edit.textChanged.connect(lambda: self._edited("text", self.text_edit.toPlainText()))
        self.explanation_edit.textChanged.connect(
            lambda: self._edited("explanation", self.explanation_edit.toPlainText()))

        self.live_view = QTextBrowser()
        self.live_view.setAccessibleName(tr("Wijzigingen ten opzichte van de huidige tekst"))
        self.score = QLabel()
        self.score.setWordWrap(True)
        self.score.setTextFormat(Qt.TextFormat.PlainText)
        self.score.setAccessibleName(tr("Leesbaarheid"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        title_label = QLabel(tr("Tit&el:") if state.kind == AmendmentKind.NEW_SECTION else tr("Nieuwe tit&el:"))
        title_label.setBuddy(self.title_edit)
        form.addRow(title_label, self.title_edit)
        headline_label = QLabel(tr("&Kop:"))
        headline_label.setBuddy(self.headline_edit)
        form.addRow(headline_label, self.headline_edit)
        if state.kind == AmendmentKind.DELETE:
            title_label.hide()
            self.title_edit.hide()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        text_label = QLabel(tr("&Tekst (Markdown):") if state.kind != AmendmentKind.DELETE
                            else tr("Deze hoofdlijn wordt geschrapt:"))
        text_label.setBuddy(self.text_edit)
        left_layout.addWidget(text_label)
        left_layout.addWidget(self.text_edit, 1)
        explanation_label = QLabel(tr("Toelic&hting:"))
        explanation_label.setBuddy(self.explanation_edit)
        left_layout.addWidget(explanation_label)
        left_layout.addWidget(self.explanation_edit)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.live_heading = QLabel(tr("Zo ziet de wijziging eruit:"))
        right_layout.addWidget(self.live_heading)
        right_layout.addWidget(self.live_view, 1)
        right_layout.addWidget(self.score)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setSizes([500, 500])
        if state.kind == AmendmentKind.DELETE:
            self.text_edit.setReadOnly(True)

        self.save_button = QPushButton(tr("Ontwerp &opslaan"))
        self.save_button.setToolTip(tr("Bewaar dit ontwerp in de werkruimte (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.submit_button = QPushButton(tr("&Indienen…"))
        self.submit_button.setToolTip(tr("Dien het amendement in; het gaat met het volgende fractiepakket naar de griffie"))
        self.submit_button.clicked.connect(self.submit)
        self.withdraw_button = QPushButton(tr("I&ntrekken…"))
        self.withdraw_button.clicked.connect(self.withdraw)
        self.close_button = QPushButton(tr("S&luiten"))
        self.close_button.clicked.connect(self.request_close)
        self.state_label = QLabel()
        self.state_label.setObjectName("draftState")
        buttons = QHBoxLayout()
        buttons.addWidget(self.state_label, 1)
        for button in (self.save_button, self.submit_button, self.withdraw_button, self.close_button):
            buttons.addWidget(button)

        self.moved_label = QLabel()
        self.moved_label.setObjectName("sectionMoved")
        self.moved_label.setWordWrap(True)
        self.moved_label.setTextFormat(Qt.TextFormat.PlainText)
        self.moved_label.setStyleSheet("color: #8a4b00; font-weight: bold;")
        self.moved_label.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.moved_label)
        layout.addLayout(form)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)

    # -- model <-> widgets ----------------------------------------------------------------

    def _edited(self, name: str, value: str) -> None:
        if self._updating:
            return
        old = self.model.value(name)
        if old != value:
            self.undo_stack.push(EditFieldCommand(self.model, name, old, value))

    def restore_typing(self, fields: dict[str, str]) -> None:
        """Put recovered typing into the fields as unsaved, undoable edits."""
        for name in FIELDS:
            value = fields.get(name)
            if isinstance(value, str) and value != self.model.value(name) and not self.model.state.submitted:
                self.undo_stack.push(EditFieldCommand(self.model, name, self.model.value(name), value))

    def _widget_for(self, name: str):
        return {"title": self.title_edit, "headline": self.headline_edit, "text": self.text_edit,
                "explanation": self.explanation_edit}[name]

    def _model_changed(self, name: str) -> None:
        if name:
            self._sync_widget(name)
            if name == "text":
                self.live.request(self.diff_base(), self._new_text())
            self._autosave_timer.start()
        self._refresh_state()

    def _sync_widget(self, name: str) -> None:
        widget = self._widget_for(name)
        value = self.model.value(name)
        current = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
        if current == value:
            return
        # An undo or redo: put the cursor where the texts start to differ.
        at = next((i for i, (a, b) in enumerate(zip(current, value)) if a != b), min(len(current), len(value)))
        self._updating = True
        try:
            if isinstance(widget, QLineEdit):
                widget.setText(value)
                widget.setCursorPosition(at)
            else:
                widget.setPlainText(value)
                cursor = widget.textCursor()
                cursor.setPosition(min(at, len(value)))
                widget.setTextCursor(cursor)
                widget.ensureCursorVisible()
        finally:
            self._updating = False

    def _refresh_all(self) -> None:
        for name in ("title", "headline", "text", "explanation"):
            self._sync_widget(name)
        self._refresh_state()

    def diff_base(self) -> str:
        """What the live view compares the typing with: the section's newest text once someone changed it."""
        return self.model.state.base_text if self.moved_text is None else self.moved_text

    def follow_section(self, revision: RevisionEntry) -> None:
        """The section now reads ``revision``: when another's change made it differ, say who and when.

        The typed fields stay exactly as they are; only the live view now
        compares them with the new text, so the writer sees what the other
        changed and can take it over by hand.
        """
        state = self.model.state
        # A subamendment changes its amendment's text, not the section's: a new section text does not move it.
        if state.kind == AmendmentKind.NEW_SECTION or state.parent_id is not None or revision.text == self.diff_base():
            return
        if revision.text == state.base_text:
            self.moved_text = None  # back to the text this amendment was started on
            self.moved_label.hide()
            self.live_heading.setText(tr("Zo ziet de wijziging eruit:"))
        else:
            self.moved_text = revision.text
            who = f"{revision.author} ({revision.party})" if revision.party else revision.author
            self.moved_label.setText(tr(
                "{who} heeft de tekst van deze hoofdlijn op {when} gewijzigd. Rechts ziet u uw tekst tegenover "
                "die nieuwe tekst; wat u typte is niet veranderd.").format(who=who, when=local_time(revision.created_at)))
            self.moved_label.show()
            self.live_heading.setText(tr("Uw tekst tegenover de nieuwe tekst van de hoofdlijn:"))
        self.live.request(self.diff_base(), self._new_text(), now=True)

    def _new_text(self) -> str:
        return "" if self.model.state.kind == AmendmentKind.DELETE else self.model.state.text

    def _refresh_state(self) -> None:
        state = self.model.state
        self.heading.setText(heading_of(state))
        if state.submitted:
            text = tr("Ingediend; wijzigen kan niet meer, intrekken wel.")
        elif state.amendment_id is None:
            text = tr("Nieuw ontwerp, nog niet opgeslagen.") if self.model.is_dirty else tr("Nieuw ontwerp.")
        else:
            text = tr("Ontwerp met niet-opgeslagen wijzigingen.") if self.model.is_dirty else tr("Ontwerp opgeslagen.")
        self.state_label.setText(text)
        editable = not state.submitted
        for widget in (self.title_edit, self.headline_edit, self.explanation_edit):
            widget.setReadOnly(not editable)
        self.text_edit.setReadOnly(not editable or state.kind == AmendmentKind.DELETE)
        self.save_button.setEnabled(editable)
        self.submit_button.setEnabled(editable)
        self.withdraw_button.setEnabled(state.amendment_id is not None)

    def _show_live(self, result: LiveResult) -> None:
        bar = self.live_view.verticalScrollBar()
        position = bar.value()
        lines = f"<p class='meta'>{html.escape(result.lines)}</p>" if result.lines else ""
        self.live_view.setHtml(page(lines + legend() + result.html))
        bar.setValue(position)
        self.score.setText(score_text(result.readability))

    # -- saving ---------------------------------------------------------------------------

    @property
    def editor_key(self) -> str:
        return self.model.state.editor_key

    def autosave(self) -> None:
        """Keep the typed fields safe in the workspace (not a save: nothing is proposed yet).

        Returns at once; ``autosaved_key`` is set when the write is done.
        """
        self._autosave_timer.stop()
        if not self.model.is_dirty or self.model.state.submitted:
            return
        state = self.model.state
        self.autosaver.write(state.editor_key, dict(state.fields(), kind=state.kind.value, target=state.target_label))

    def _autosaved(self, key: str) -> None:
        self.autosaved_key = key

    def _autosave_failed(self, reason: str) -> None:
        self.status.emit(tr("Automatisch bewaren lukte niet: {reason}").format(reason=reason))
        if self.model.is_dirty and not self.model.state.submitted:
            self._autosave_timer.start()  # try again in a while: the typing is still only on screen

    def save(self) -> bool:
        """Save the draft as an amendment in the workspace (Ctrl+S). True when saved."""
        state = self.model.state
        if state.submitted:
            return True
        key_before = state.editor_key
        self.autosaver.forget()  # this save replaces every buffer typed so far
        try:
            with self.ctx.action() as session:
                if state.amendment_id is None and state.parent_id is not None:
                    amendment = ops.propose_subamendment(
                        session, self.ctx.actor, state.parent_id, headline=state.headline,
                        explanation=state.explanation, text=state.text,
                        title=state.title if state.kind == AmendmentKind.NEW_SECTION else None)
                elif state.amendment_id is None:
                    amendment = ops.propose_amendment(
                        session, self.ctx.actor, kind=state.kind, headline=state.headline,
                        explanation=state.explanation, section_id=state.section_id, chapter_id=state.chapter_id,
                        text=state.text, title=state.title)
                else:
                    amendment = ops.update_draft(
                        session, self.ctx.actor, state.amendment_id, headline=state.headline,
                        explanation=state.explanation, text=None if state.kind == AmendmentKind.DELETE else state.text,
                        title=None if state.kind == AmendmentKind.DELETE else state.title,
                        expected_version=state.version)
                session.flush()
                ops.discard_autosave(session, self.ctx.actor, key_before)
                amendment_id, version = amendment.id, amendment.version
        except UserError as exc:
            self.autosave()  # not saved: keep the typing safe as before
            messages.show_error(self, tr("Ontwerp opslaan"), exc.message)
            return False
        self.autosaved_key = None
        self.model.mark_saved(amendment_id, version)
        self.status.emit(tr("Ontwerp opgeslagen: {headline}").format(headline=state.headline))
        self.changed.emit(state.section_id)
        return True

    def submit(self) -> None:
        if not messages.ask(self, tr("Amendement indienen"),
                            tr("Het amendement „{headline}” indienen? Daarna kunt u het niet meer wijzigen, "
                               "alleen intrekken. Het gaat met het volgende fractiepakket naar de griffie.").format(
                                headline=self.model.state.headline or "…"),
                            yes=tr("Indienen"), no=tr("Nog niet")):
            return
        if self.model.is_dirty or self.model.state.amendment_id is None:
            if not self.save():
                return
        state = self.model.state
        self.autosaver.forget()  # a submitted text is final: no buffer of it is kept
        try:
            with self.ctx.action() as session:
                amendment = ops.submit_amendment(session, self.ctx.actor, state.amendment_id)
                session.flush()
                version = amendment.version
        except UserError as exc:
            messages.show_error(self, tr("Amendement indienen"), exc.message)
            return
        self.model.mark_saved(state.amendment_id, version, submitted=True)
        self.undo_stack.clear()  # a submitted text is final: nothing left to undo here
        self.status.emit(tr("Amendement ingediend: {headline}").format(headline=state.headline))
        self.changed.emit(state.section_id)

    def withdraw(self) -> None:
        state = self.model.state
        if state.amendment_id is None:
            return
        if not messages.ask(self, tr("Amendement intrekken"),
                            tr("Het amendement „{headline}” intrekken? Dit kan niet ongedaan worden gemaakt.").format(
                                headline=state.headline), yes=tr("Intrekken"), no=tr("Niet intrekken")):
            return
        self.autosaver.forget()  # the withdrawal throws the buffer away in its own transaction
        try:
            with self.ctx.action() as session:
                ops.withdraw_amendment(session, self.ctx.actor, state.amendment_id)
                ops.discard_autosave(session, self.ctx.actor, state.editor_key)
        except UserError as exc:
            self.autosave()  # still there: keep any typing safe as before
            messages.show_error(self, tr("Amendement intrekken"), exc.message)
            return
        self.status.emit(tr("Amendement ingetrokken: {headline}").format(headline=state.headline))
        self.changed.emit(state.section_id)
        self.model.saved_fields = self.model.state.fields()
        self.closed.emit()

    def request_close(self) -> bool:
        """Close the editor, asking first when there is typed text that was not saved."""
        if self.model.is_dirty and not self.model.state.submitted:
            choice = messages.ask_three(
                self, tr("Ontwerp sluiten"),
                tr("Dit ontwerp heeft wijzigingen die niet zijn opgeslagen."),
                save=tr("Opslaan"), discard=tr("Niet opslaan"), cancel=tr("Annuleren"))
            if choice == "cancel":
                return False
            if choice == "save" and not self.save():
                return False
            if choice == "discard":
                self.autosaver.discard(self.editor_key)
        elif self.autosaved_key is not None or self.autosaver.busy:
            # Typed, kept safe, then undone to what is saved: that buffer holds nothing to recover.
            self.autosaver.discard(self.editor_key)
        self._autosave_timer.stop()
        self.closed.emit()
        return True


def heading_of(state: DraftState) -> str:
    """The editor's title: what is being amended, and the amendment's number once the griffie gave one."""
    if state.parent_id is not None:
        text = tr("Subamendement op amendement {label} ({target})").format(
            label=state.parent_label or tr(NO_NUMBER), target=state.target_label)
    else:
        text = tr(KIND_TITLES[state.kind]).format(target=state.target_label)
    return f"{state.label} — {text}" if state.label else text


def score_text(result: Readability) -> str:
    if not result.words:
        return ""
    parts = [tr("Leesbaarheid (Flesch-Douma): {score:.0f}, {band}").format(
        score=result.flesch_douma, band=tr(result.band))]
    if result.long_sentences:
        parts.append(tr("{n} lange zin(nen) (golflijn)").format(n=len(result.long_sentences)))
    if result.officialese:
        parts.append(tr("{n} ambtelijk(e) woord(en) (geel; wijs aan voor een alternatief)").format(
            n=len(result.officialese)))
    return " · ".join(parts)
