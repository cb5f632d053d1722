"""The griffie's consolidation view of one section: open amendments, their conflicts, a preview, decisions.

Left, the open amendments (tick a compatible set for the preview), the
conflict grid and this round's decisions; right, the selected amendment as
tracked changes, the preview and the current text. Every decision goes
through the core as one step on the undo stack (ui.griffie.decisioncommands).
"""

from __future__ import annotations

import html
import uuid

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from raadsakkoord import operations as ops
from raadsakkoord.queries import conflicts
from raadsakkoord.queries.consolidation import ConsolidationDetail, OpenAmendment, consolidation_detail
from raadsakkoord.base.errors import UserError
from raadsakkoord.base.i18n import tr
from raadsakkoord.model import AmendmentKind, AmendmentStatus, SectionStatus
from ui.griffie import decisiondialogs
from ui.common import messages
from ui.griffie.consolidationhtml import amendment_page, current_page, no_amendments_page, preview_page
from ui.griffie.consolidationmodels import (
    AmendmentChoiceModel,
    ConflictGridModel,
    DecidedListModel,
    amendment_label,
)
from ui.common.context import Context
from ui.common.flowlayout import FlowLayout
from ui.griffie.decisioncommands import accept_together, decide, take_back
from ui.common.rowmenu import RowMenu, button_action
from ui.common.render import page

AMENDMENT, PREVIEW, CURRENT = range(3)
ACCEPT, ACCEPT_AND_ASK = "accept", "accept and ask"  # the answers to "support becomes stale"
PREVIEW_CHARACTERS = 36  # a line of the preview holds "ervaringsdeskundigen" and its neighbours


def _browser(name: str) -> QTextBrowser:
    browser = QTextBrowser()
    browser.setOpenLinks(False)
    browser.setAccessibleName(name)
    return browser


def _button(text: str, tip: str, slot) -> QPushButton:
    button = QPushButton(text)
    button.setToolTip(tip)
    button.clicked.connect(slot)
    return button


class ConsolidationView(QWidget):
    """``bind(ctx, stack)`` once, then ``show_section(id)``; ``decided`` carries the section id after a decision."""

    decided = Signal(object)
    export_form = Signal(object, str)  # amendment id, headline: "Formeel amendement exporteren…"
    vote_requested = Signal(object)  # an amendment's id: record the council's vote on it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx: Context | None = None
        self.stack: QUndoStack | None = None
        self.detail: ConsolidationDetail | None = None
        self._section_id: uuid.UUID | None = None
        self._stale = False
        self._before_text: str | None = None  # the text before the latest decision, to show what it changed
        self.preview_text: str | None = None  # the section with the ticked amendments applied
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setStyleSheet("background-color: #e3f1e5; color: #173d1c; padding: 4px;")
        self.result_label.hide()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_left())
        splitter.addWidget(self._build_right())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([520, 520])
        # Dragged or squeezed, the texts keep room for a line of words: long Dutch words were broken in two.
        splitter.setChildrenCollapsible(False)
        self.tabs.setMinimumWidth(self.fontMetrics().averageCharWidth() * PREVIEW_CHARACTERS)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.result_label)
        layout.addWidget(splitter, 1)

    # -- building -------------------------------------------------------------------------

    def _build_left(self) -> QWidget:
        self.choice_model = AmendmentChoiceModel(self)
        self.choice_model.ticked_changed.connect(self._on_ticked)
        self.choice_model.refused.connect(lambda reason: messages.show_error(self, tr("Voorbeeld"), reason))
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move within it
        self.table.setModel(self.choice_model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(tr("Open amendementen op deze hoofdlijn"))
        header = self.table.horizontalHeader()
        for column in range(5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column == 2
                                        else QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        tick = QAction(tr("Aanvinken voor het voorbeeld"), self.table)
        tick.setShortcut(QKeySequence(Qt.Key.Key_Space))
        tick.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        tick.triggered.connect(lambda: self.choice_model.toggle(self.table.currentIndex().row()))
        self.table.addAction(tick)
        table_label = QLabel(tr("O&pen amendementen (vink aan voor het voorbeeld):"))
        table_label.setBuddy(self.table)

        self.accept_button = _button(tr("Aan&vaarden"), tr("Het gekozen amendement aanvaarden: de tekst wordt "
                                                           "aangepast"), self._accept)
        self.partly_button = _button(tr("Gedeeltelijk &overnemen…"),
                                     tr("Zelf een compromistekst schrijven op basis van het amendement"), self._partly)
        self.reject_button = _button(tr("Ve&rwerpen…"), tr("Het gekozen amendement verwerpen, met een reden"),
                                     self._reject)
        self.supersede_button = _button(tr("Laten vervallen…"),
                                        tr("Het amendement is achterhaald, bijvoorbeeld door een ander besluit"),
                                        self._supersede)
        self.form_button = _button(tr("Formeel amendement e&xporteren…"),
                                   tr("Het gekozen amendement als formeel stuk voor de raadsvergadering"),
                                   self._export_form)
        # No Alt-letter: every letter of its words is taken on this tab; Tab reaches it.
        self.vote_button = _button(tr("Stemming vastleggen…"),
                                   tr("De stemming van de raad over het gekozen amendement vastleggen"),
                                   lambda: self._selected() and self.vote_requested.emit(self._selected().id))
        self.together_button = _button(tr("Aangevinkte &samen aanvaarden"),
                                       tr("Alle aangevinkte amendementen in één keer aanvaarden"),
                                       self._accept_ticked)
        actions = FlowLayout()
        for button in (self.accept_button, self.partly_button, self.reject_button, self.supersede_button,
                       self.form_button, self.vote_button):
            actions.addWidget(button)
        together = QHBoxLayout()
        together.addStretch(1)
        together.addWidget(self.together_button)

        self.grid_model = ConflictGridModel(self)
        self.grid = QTableView()
        self.grid.setTabKeyNavigation(False)  # Tab leaves the table; arrows move within it
        self.grid.setModel(self.grid_model)
        self.grid.setAccessibleName(tr("Botsingen tussen de amendementen"))
        corner = self.grid.findChild(QAbstractButton)  # Qt's select-all corner, otherwise nameless
        if corner is not None:
            corner.setAccessibleName(tr("Alle cellen selecteren"))
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for grid_header in (self.grid.horizontalHeader(), self.grid.verticalHeader()):
            grid_header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            grid_header.setMinimumSectionSize(24)
            grid_header.setDefaultSectionSize(28)
        self.grid.clicked.connect(self._on_grid_clicked)
        self.grid.activated.connect(self._on_grid_clicked)  # Return, for the keyboard
        self.grid_summary = QLabel()
        self.grid_summary.setWordWrap(True)
        grid_box = QGroupBox(tr("Botsi&ngen"))
        grid_layout = QVBoxLayout(grid_box)
        grid_layout.addWidget(self.grid_summary, 0, Qt.AlignmentFlag.AlignTop)
        grid_layout.addWidget(self.grid, 1)
        grid_box.setFocusProxy(self.grid)

        self.decided_model = DecidedListModel(self)
        self.decided_list = QListView()
        self.decided_list.setModel(self.decided_model)
        self.decided_list.setAccessibleName(tr("Besluiten over deze hoofdlijn in deze ronde"))
        self.decided_list.setMaximumHeight(96)
        self.decided_list.setWordWrap(True)
        self.decided_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.decided_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.take_back_button = _button(tr("Besluit ter&ugdraaien"),
                                        tr("Het gekozen besluit terugdraaien; kan tot de volgende ronde is "
                                           "gepubliceerd"), self._take_back)
        self.decided_empty = QLabel(tr("Nog geen besluiten over deze hoofdlijn sinds de laatste ronde."))
        self.decided_empty.setWordWrap(True)
        self.decided_empty.setStyleSheet("color: #555555;")
        decided_box = QGroupBox(tr("Besluiten in deze ronde"))
        decided_layout = QVBoxLayout(decided_box)
        decided_layout.addWidget(self.decided_empty, 0, Qt.AlignmentFlag.AlignTop)
        decided_layout.addWidget(self.decided_list)
        take_back_row = QHBoxLayout()
        take_back_row.addStretch(1)
        take_back_row.addWidget(self.take_back_button)
        decided_layout.addLayout(take_back_row)
        self.decided_list.selectionModel().currentRowChanged.connect(lambda *_: self._enable_actions())
        # The buttons' actions on the row itself; Return ticks, which only changes the preview.
        self.table_menu = RowMenu(self.table, [
            tick, None, *(button_action(b) for b in (self.accept_button, self.partly_button, self.reject_button,
                                                     self.supersede_button))], default=tick)
        self.decided_menu = RowMenu(self.decided_list, [button_action(self.take_back_button)])

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(table_label)
        top_layout.addWidget(self.table, 1)
        top_layout.addLayout(actions)
        top_layout.addLayout(together)
        self.decided_box = decided_box
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(top)
        left.addWidget(grid_box)
        left.addWidget(decided_box)
        left.setSizes([380, 240, 120])
        # Each list may shrink to a few lines (it scrolls), so at 200 % the page still fits a 1080-pixel screen.
        line = self.fontMetrics().lineSpacing()
        for view, lines in ((self.table, 4), (self.grid, 3), (self.decided_list, 2)):
            view.setMinimumHeight(lines * line + 2 * view.frameWidth())
        return left

    def _build_right(self) -> QWidget:
        self.tabs = QTabWidget()
        self.amendment_view = _browser(tr("Het gekozen amendement als wijzigingen"))
        self.preview_view = _browser(tr("Voorbeeld van de aangevinkte amendementen samen"))
        self.current_view = _browser(tr("Huidige tekst van de hoofdlijn"))
        self.tabs.addTab(self.amendment_view, tr("A&mendement"))
        self.tabs.addTab(self.preview_view, tr("Voorbee&ld"))
        self.tabs.addTab(self.current_view, tr("Huidige te&kst"))
        return self.tabs

    # -- showing --------------------------------------------------------------------------

    def bind(self, ctx: Context, stack: QUndoStack) -> None:
        self.ctx = ctx
        self.stack = stack
        ctx.changes.section.connect(self._on_section_changed)

    def show_section(self, section_id: uuid.UUID) -> None:
        """Load the section's consolidation (on the GUI thread: one quick query) and show it."""
        if section_id != self._section_id:
            self._before_text = None
            self.result_label.hide()
        self._section_id = section_id
        self.reload()

    def reload(self) -> None:
        if self._section_id is None or self.ctx is None:
            return
        self._stale = False
        keep_ticks = self.choice_model.ticked if self.detail and self.detail.section_id == self._section_id else []
        keep_row = self._selected()
        try:
            with self.ctx.action() as session:
                detail = consolidation_detail(session, self._section_id)
        except UserError as exc:
            messages.show_error(self, tr("Consolidatie"), exc.message)
            return
        self.detail = detail
        self.choice_model.set_detail(detail, keep_ticks)
        self.grid_model.set_detail(detail)
        self.decided_model.set_entries(detail.decided)
        self._render_heading()
        self._render_grid_summary()
        row = self.choice_model.row_of(keep_row.id) if keep_row else -1
        if detail.amendments:
            self.table.selectRow(max(row, 0))
        else:
            self.amendment_view.setHtml(no_amendments_page(detail))
        self._render_preview()
        self.current_view.setHtml(current_page(detail, self._before_text))
        self.decided_list.setVisible(bool(detail.decided))
        self.decided_empty.setVisible(not detail.decided)
        self.take_back_button.setVisible(bool(detail.decided))
        # Without decisions the box is one line: the room goes to the amendments and the grid.
        self.decided_box.setMaximumHeight(16777215 if detail.decided else self.decided_box.sizeHint().height())
        if detail.decided:
            self.decided_list.setCurrentIndex(self.decided_model.index(0))
        self._enable_actions()

    def _on_section_changed(self, section_id) -> None:
        if self._section_id is None or section_id not in (None, self._section_id):
            return
        # An undo, or a change made elsewhere: the note about the latest decision no longer holds.
        # (After a decision made here, _done shows the new one.)
        self.result_label.hide()
        self._before_text = None
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _render_heading(self) -> None:
        d = self.detail
        summary = tr("{n} open amendement(en), {k} botsing(en)").format(n=len(d.amendments), k=d.conflict_count)
        text = (f"<b>{html.escape(tr('Hoofdlijn'))} {html.escape(d.number)} "
                f"{html.escape(d.title)}</b> — {html.escape(summary)}")
        if d.status in (SectionStatus.REJECTED, SectionStatus.WITHDRAWN):
            text += "<br><span style='color: #8a4b00;'>" + html.escape(tr(
                "Deze hoofdlijn is geschrapt of ingetrokken; laat de open amendementen erop vervallen.")) + "</span>"
        self.heading.setText(text)

    def _render_grid_summary(self) -> None:
        d = self.detail
        if len(d.compared) < 2:
            text = tr("Er zijn minder dan twee amendementen om te vergelijken.")
        elif d.conflict_count == 0:
            text = tr("Geen botsingen: alle {n} amendementen kunnen samen worden aanvaard.").format(n=len(d.compared))
        else:
            text = tr("Een rood ✕ betekent dat twee amendementen dezelfde passage wijzigen; er kan er dan "
                      "hoogstens één worden aanvaard. Wijs een vakje aan voor de namen.")
        self.grid_summary.setText(text)
        self.grid.setVisible(len(d.compared) >= 2)

    def _selected(self) -> OpenAmendment | None:
        return self.choice_model.entry(self.table.currentIndex().row())

    def _on_current_row(self, current: QModelIndex, _previous=None) -> None:
        entry = self.choice_model.entry(current.row())
        if self.detail is not None and entry is not None:
            self.amendment_view.setHtml(amendment_page(self.detail, entry))
        self._enable_actions()

    def _on_grid_clicked(self, index: QModelIndex) -> None:
        entry = self.grid_model.entry(index.row())
        if entry is not None:
            self.table.selectRow(self.choice_model.row_of(entry.id))

    def _on_ticked(self) -> None:
        self._render_preview()
        self.tabs.setCurrentIndex(PREVIEW)
        self._enable_actions()

    def _render_preview(self) -> None:
        ticked = self.choice_model.ticked
        chosen = [self.detail.amendments[self.detail.index_of(i)] for i in ticked]
        self.preview_text = None
        if ticked:
            try:
                with self.ctx.action() as session:
                    self.preview_text = conflicts.preview_section(session, self.detail.section_id, ticked)
            except UserError as exc:
                self.preview_view.setHtml(page(f"<p>{html.escape(exc.message)}</p>"))
                return
        self.preview_view.setHtml(preview_page(self.detail, chosen, self.preview_text))

    def _enable_actions(self) -> None:
        entry = self._selected()
        has = entry is not None
        self.accept_button.setEnabled(has and entry.on_current)
        self.accept_button.setToolTip(
            tr("Dit amendement botst met de huidige tekst; de indiener moet het eerst herzien.")
            if has and not entry.on_current else tr("Het gekozen amendement aanvaarden: de tekst wordt aangepast"))
        # A subamendment is taken over whole or not: a compromise is written on the amendment itself.
        self.partly_button.setEnabled(has and entry.kind != AmendmentKind.DELETE and entry.parent_id is None)
        self.reject_button.setEnabled(has)
        self.supersede_button.setEnabled(has)
        self.form_button.setEnabled(has)
        self.vote_button.setEnabled(has)
        count = len(self.choice_model.ticked)
        self.together_button.setText(tr("Aangevinkte &samen aanvaarden ({n})").format(n=count))
        self.together_button.setEnabled(count > 0)
        self.take_back_button.setEnabled(self.decided_list.currentIndex().isValid())

    # -- deciding -------------------------------------------------------------------------

    def _done(self, message: str, before: str) -> None:
        """After a decision: show what happened; the change notice has reloaded the view."""
        self._before_text = before
        self.result_label.setText(message + " " + tr("Ongedaan maken kan met Ctrl+Z, tot de volgende ronde "
                                                     "is gepubliceerd."))
        self.result_label.show()
        if self.detail is not None:
            self.current_view.setHtml(current_page(self.detail, before))
            if self.detail.text != before:
                self.tabs.setCurrentIndex(CURRENT)
        self.decided.emit(self._section_id)

    def _decide(self, entry: OpenAmendment, decision: AmendmentStatus, *, note: str = "",
                compromise_text: str | None = None) -> bool:
        before = self.detail.text
        if not decide(self.ctx, self.stack, self.detail.section_id, entry.id, decision, note=note,
                      compromise_text=compromise_text, headline=entry.headline):
            return False
        verdicts = {
            AmendmentStatus.ACCEPTED: tr("Aanvaard: {label}."),
            AmendmentStatus.PARTLY_ACCEPTED: tr("Gedeeltelijk overgenomen: {label}."),
            AmendmentStatus.REJECTED: tr("Verworpen: {label}."),
            AmendmentStatus.SUPERSEDED: tr("Vervallen: {label}."),
        }
        self._done(verdicts[decision].format(label=amendment_label(entry)), before)
        return True

    def _confirm_accepting(self, changes_text: bool) -> str | None:
        """Say before accepting that the parties' support for the old text stops counting.

        ACCEPT to go on, ACCEPT_AND_ASK to go on and ask the parties again for their support, None to stop.
        """
        consequence = self.detail.consequence_of_change() if changes_text else ""
        if not consequence:
            return ACCEPT
        choice = messages.ask_three(
            self, tr("Steun wordt verouderd"), consequence,
            save=tr("Aanvaarden en &fracties opnieuw om steun vragen"), discard=tr("Alleen &aanvaarden"),
            cancel=tr("Niet aanvaarden"))
        return {"save": ACCEPT_AND_ASK, "discard": ACCEPT}.get(choice)

    def _ask_support_again(self, section_id) -> None:
        """After the new text is in: the request the parties see beside the section, in the log."""
        try:
            with self.ctx.action() as session:
                ops.ask_support_again(session, self.ctx.actor, section_id)
        except UserError as exc:
            messages.show_error(self, tr("Fracties opnieuw om steun vragen"), exc.message)
            return
        self.result_label.setText(self.result_label.text() + " " + tr(
            "De fracties zien bij de hoofdlijn dat hun steun opnieuw is gevraagd."))
        self.ctx.changes.outline.emit()

    def _export_form(self) -> None:
        entry = self._selected()
        if entry is not None:
            self.export_form.emit(entry.id, entry.headline)

    def _accept(self) -> None:
        entry = self._selected()
        if entry is None:
            return
        # A subamendment changes its amendment's text, not the section's: no support goes stale.
        how = self._confirm_accepting(entry.parent_id is None and not entry.already_in_text)
        section_id = self.detail.section_id
        if how and self._decide(entry, AmendmentStatus.ACCEPTED) and how == ACCEPT_AND_ASK:
            self._ask_support_again(section_id)

    def _partly(self) -> None:
        entry = self._selected()
        if entry is None:
            return
        # The preview when the amendment is part of it, else the amendment's own text.
        initial = entry.text if entry.on_current else self.detail.text
        if entry.id in self.choice_model.ticked and self.preview_text is not None:
            initial = self.preview_text
        decisiondialogs.ask_compromise(
            self, heading=" ".join(filter(None, (
                tr("Schrijf de tekst zoals hoofdlijn {number} wordt, en leg uit wat er van "
                   "amendement {label} is overgenomen.").format(number=self.detail.number,
                                                                label=amendment_label(entry)),
                self.detail.consequence_of_change()))),
            current_text=self.detail.text, initial_text=initial,
            apply=lambda text, note: self._decide(entry, AmendmentStatus.PARTLY_ACCEPTED, note=note,
                                                  compromise_text=text))

    def _reject(self) -> None:
        entry = self._selected()
        if entry is None:
            return
        decisiondialogs.ask_note(
            self, title=tr("Amendement verwerpen"),
            heading=tr("Amendement {label} verwerpen.").format(label=amendment_label(entry)),
            prompt=tr("&Reden (verplicht; de fractie leest die terug):"), button=tr("&Verwerpen"),
            apply=lambda note: self._decide(entry, AmendmentStatus.REJECTED, note=note))

    def _supersede(self) -> None:
        entry = self._selected()
        if entry is None:
            return
        decisiondialogs.ask_note(
            self, title=tr("Amendement laten vervallen"),
            heading=tr("Amendement {label} laten vervallen, bijvoorbeeld omdat een ander besluit het "
                       "achterhaald heeft.").format(label=amendment_label(entry)),
            prompt=tr("&Toelichting (optioneel):"), button=tr("Laten v&ervallen"),
            apply=lambda note: self._decide(entry, AmendmentStatus.SUPERSEDED, note=note))

    def _accept_ticked(self) -> None:
        ticked = self.choice_model.ticked
        if not ticked:
            return
        chosen = [self.detail.amendments[self.detail.index_of(i)] for i in ticked]
        how = self._confirm_accepting(not all(e.already_in_text for e in chosen))
        if how is None:
            return
        before = self.detail.text
        section_id = self.detail.section_id
        if accept_together(self.ctx, self.stack, section_id, [(e.id, e.headline) for e in chosen]):
            self._done(tr("Samen aanvaard: {labels}.").format(labels="; ".join(amendment_label(e) for e in chosen)),
                       before)
            if how == ACCEPT_AND_ASK:
                self._ask_support_again(section_id)

    def _take_back(self) -> None:
        entry = self.decided_model.entry(self.decided_list.currentIndex().row())
        if entry is None:
            return
        before = self.detail.text
        if take_back(self.ctx, self.stack, self.detail.section_id, entry.id, entry.headline):
            self._done(tr("Besluit teruggedraaid: „{headline}” ({party}) is weer open.").format(
                headline=entry.headline, party=entry.party), before)
