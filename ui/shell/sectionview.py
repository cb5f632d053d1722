"""One section (or chapter) on the right: its text, changes since the previous round, history, amendments.

Tabs are rendered when they are shown, so selecting a section with forty
amendments renders one tab, not four.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from raadsakkoord.queries.drafting import AmendmentEntry, ChapterDetail, SectionDetail
from raadsakkoord.base.i18n import tr
from raadsakkoord.model import AmendmentKind, AmendmentStatus
from raadsakkoord.queries.labels import KIND_LABELS
from ui.drafting.amendmentmodel import AmendmentTableModel, status_name
from ui.griffie.consolidation import ConsolidationView
from ui.common.context import Context
from ui.drafting.cosubmission import CoSubmissionPanel, co_submitters_html
from ui.drafting.endorsement import EndorsementPanel, confirm_stale, record_position
from ui.common.render import (
    legend,
    local_time,
    markdown_html,
    numbered_html,
    page,
    support_html,
    text_change_html,
    title_change_html,
    tracked_changes_html,
)

TEXT, CHANGES, HISTORY, AMENDMENTS, CONSOLIDATION = range(5)


def _browser(name: str) -> QTextBrowser:
    browser = QTextBrowser()
    browser.setOpenLinks(False)
    browser.setAccessibleName(name)
    return browser


class SectionView(QTabWidget):
    """Signals ask the window to open an editor; positions are recorded here through the core."""

    write_amendment = Signal(object, object)  # kind, section id
    propose_section = Signal(object)  # chapter id
    open_amendment = Signal(object)  # AmendmentEntry
    export_form = Signal(object, str)  # amendment id, headline: "Formeel amendement exporteren…"
    subamend = Signal(object)  # AmendmentEntry: another party's amendment to write a subamendment on

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx: Context | None = None
        self.stack: QUndoStack | None = None
        self.detail: SectionDetail | None = None
        self.chapter: ChapterDetail | None = None
        self._rendered: set[int] = set()
        # Drawn again for the same section (a change by this window or another): the reader keeps
        # the place, the chosen amendment and the compared versions.
        self._same = False
        self._chosen_amendment = None
        self._build_text_tab()
        self._build_changes_tab()
        self._build_history_tab()
        self._build_amendments_tab()
        # The griffie's own tab: every open amendment, their conflicts, a preview, and the decisions.
        self.consolidation = ConsolidationView()
        self.consolidation.export_form.connect(self.export_form)
        self.addTab(self.consolidation, tr("&Consolidatie"))
        self.setTabVisible(CONSOLIDATION, False)
        self.currentChanged.connect(self._render_current)
        self.setDocumentMode(True)

    def bind(self, ctx: Context, stack: QUndoStack) -> None:
        self.ctx = ctx
        self.stack = stack
        griffie = ctx.actor.is_griffie
        if griffie:
            self.consolidation.bind(ctx, stack)
        elif self.currentIndex() == CONSOLIDATION:
            self.setCurrentIndex(TEXT)
        self.setTabVisible(CONSOLIDATION, griffie)

    # -- building -------------------------------------------------------------------------

    def _build_text_tab(self) -> None:
        page_widget = QWidget()
        layout = QVBoxLayout(page_widget)
        self.text_view = _browser(tr("Tekst van de hoofdlijn"))
        self.section_panel = EndorsementPanel()
        actions = QHBoxLayout()
        self.write_button = QPushButton(tr("Amendement sch&rijven"))
        self.write_button.setToolTip(tr("Stel een nieuwe tekst voor deze hoofdlijn voor"))
        self.write_button.clicked.connect(
            lambda: self.detail and self.write_amendment.emit(AmendmentKind.MODIFY, self.detail.id))
        self.delete_button = QPushButton(tr("Schra&pping voorstellen"))
        self.delete_button.clicked.connect(
            lambda: self.detail and self.write_amendment.emit(AmendmentKind.DELETE, self.detail.id))
        self.new_section_button = QPushButton(tr("Nieuwe hoofdlijn voorstelle&n"))
        self.new_section_button.clicked.connect(self._propose_section)
        for button in (self.write_button, self.delete_button, self.new_section_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)
        layout.addWidget(self.text_view, 1)
        layout.addWidget(self.section_panel)
        self.addTab(page_widget, tr("&Tekst"))

    def _build_changes_tab(self) -> None:
        self.changes_view = _browser(tr("Wijzigingen sinds de vorige ronde"))
        self.addTab(self.changes_view, tr("W&ijzigingen"))

    def _build_history_tab(self) -> None:
        page_widget = QWidget()
        layout = QVBoxLayout(page_widget)
        row = QHBoxLayout()
        self.history_from = QComboBox()
        self.history_from.setAccessibleName(tr("Oudere versie"))
        self.history_to = QComboBox()
        self.history_to.setAccessibleName(tr("Nieuwere versie"))
        from_label = QLabel(tr("Verge&lijk"))
        from_label.setBuddy(self.history_from)
        row.addWidget(from_label)
        row.addWidget(self.history_from, 1)
        row.addWidget(QLabel(tr("met")))
        row.addWidget(self.history_to, 1)
        self.history_from.currentIndexChanged.connect(self._render_history_diff)
        self.history_to.currentIndexChanged.connect(self._render_history_diff)
        self.history_view = _browser(tr("Vergelijking van twee versies"))
        layout.addLayout(row)
        layout.addWidget(self.history_view, 1)
        self.addTab(page_widget, tr("&Geschiedenis"))

    def _build_amendments_tab(self) -> None:
        self.amendment_model = AmendmentTableModel(self)
        self.amendment_table = QTableView()
        self.amendment_table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move within it
        self.amendment_table.setModel(self.amendment_model)
        self.amendment_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.amendment_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.amendment_table.verticalHeader().hide()
        self.amendment_table.setAccessibleName(tr("Amendementen op deze hoofdlijn"))
        header = self.amendment_table.horizontalHeader()
        for column in (0, 1, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.amendment_table.selectionModel().currentRowChanged.connect(self._render_amendment)
        # Double-click, or Return for the keyboard; the context menu (also on the menu key) offers the same.
        self.amendment_table.activated.connect(lambda _: self._open_selected())
        self.amendment_table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.open_amendment_action = QAction(tr("Ontwerp bewer&ken"), self.amendment_table)
        self.open_amendment_action.setEnabled(False)
        self.open_amendment_action.triggered.connect(self._open_selected)
        self.amendment_table.addAction(self.open_amendment_action)
        self.form_action = QAction(tr("Formeel amendement e&xporteren…"), self.amendment_table)
        self.form_action.setEnabled(False)
        self.form_action.triggered.connect(self._export_form)
        self.amendment_table.addAction(self.form_action)
        self.subamend_action = QAction(tr("Suba&mendement indienen…"), self.amendment_table)
        self.subamend_action.setEnabled(False)
        self.subamend_action.triggered.connect(self._subamend_selected)
        self.amendment_table.addAction(self.subamend_action)
        self.amendment_view = _browser(tr("Het gekozen amendement als wijzigingen"))
        self.amendment_panel = EndorsementPanel()
        self.co_submission_panel = CoSubmissionPanel()
        self.open_button = QPushButton(tr("Ontwerp bewer&ken"))
        self.open_button.clicked.connect(self._open_selected)
        self.form_button = QPushButton(tr("Formeel amendement e&xporteren…"))
        self.form_button.setToolTip(tr("Het amendement als formeel stuk voor de raadsvergadering, als PDF, "
                                       "Word of Markdown"))
        self.form_button.setEnabled(False)
        self.form_button.clicked.connect(self._export_form)
        self.subamend_button = QPushButton(tr("Suba&mendement indienen…"))
        self.subamend_button.setToolTip(tr("Stel een wijziging voor in de tekst van dit amendement van een andere "
                                           "fractie; de raad beslist daarover vóór het amendement zelf."))
        self.subamend_button.setEnabled(False)
        self.subamend_button.clicked.connect(self._subamend_selected)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.amendment_view, 1)
        detail_layout.addWidget(self.co_submission_panel)
        detail_layout.addWidget(self.amendment_panel)
        open_row = QHBoxLayout()
        open_row.addStretch(1)
        open_row.addWidget(self.form_button)
        open_row.addWidget(self.subamend_button)
        open_row.addWidget(self.open_button)
        detail_layout.addLayout(open_row)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.amendment_table)
        splitter.addWidget(detail)
        splitter.setSizes([150, 500])
        self.addTab(splitter, tr("&Amendementen"))

    # -- showing --------------------------------------------------------------------------

    def show_section(self, detail: SectionDetail) -> None:
        self._same = self.detail is not None and self.detail.id == detail.id
        if not self._same:
            self._chosen_amendment = None
        self.detail = detail
        self.chapter = None
        open_count = sum(1 for a in detail.amendments if a.is_open)
        self.setTabText(AMENDMENTS, tr("&Amendementen ({n})").format(n=open_count) if open_count
                        else tr("&Amendementen"))
        for index in (CHANGES, HISTORY, CONSOLIDATION):
            self.setTabEnabled(index, True)
        self._rendered = set()
        self._render_current(self.currentIndex())

    def show_chapter(self, detail: ChapterDetail) -> None:
        self._same = self.chapter is not None and self.chapter.id == detail.id
        if not self._same:
            self._chosen_amendment = None
        self.detail = None
        self.chapter = detail
        self.setTabText(AMENDMENTS, tr("&Voorstellen ({n})").format(n=len(detail.proposals)) if detail.proposals
                        else tr("&Voorstellen"))
        for index in (CHANGES, HISTORY, CONSOLIDATION):
            self.setTabEnabled(index, False)
        if self.currentIndex() in (CHANGES, HISTORY, CONSOLIDATION):
            self.setCurrentIndex(TEXT)
        self._rendered = set()
        self._render_current(self.currentIndex())

    def _render_current(self, index: int) -> None:
        if index in self._rendered or (self.detail is None and self.chapter is None):
            return
        self._rendered.add(index)
        if self.chapter is not None:
            if index == TEXT:
                self._render_chapter_text()
            elif index == AMENDMENTS:
                self._render_amendment_list(self.chapter.proposals)
            return
        (self._render_text, self._render_changes, self._render_history,
         lambda: self._render_amendment_list(self.detail.amendments),
         lambda: self.consolidation.show_section(self.detail.id))[index]()

    def _set_html(self, browser: QTextBrowser, text: str, keep: bool | None = None) -> None:
        bar = browser.verticalScrollBar()
        position = bar.value()
        browser.setHtml(text)
        if self._same if keep is None else keep:
            bar.setValue(position)

    def _party_view(self) -> bool:
        return self.ctx is not None and self.ctx.party_id is not None

    def _render_text(self) -> None:
        d = self.detail
        self._set_html(self.text_view, page(
            f"<h2>{html.escape(d.number)} {html.escape(d.title)}</h2>{numbered_html(d.text)}<hr>"
            f"{support_html(d.support)}"))
        for button in (self.write_button, self.delete_button):
            button.setVisible(True)
            button.setEnabled(self._party_view())
        self.new_section_button.setVisible(False)
        self._show_section_position()

    def _show_section_position(self) -> None:
        d = self.detail
        if not self._party_view():
            self.section_panel.show_position(
                tr("Standpunten worden door de fracties zelf vastgelegd."), None, "", apply=None,
                reason_disabled=tr("U werkt als griffie."))
            return
        self.section_panel.show_position(
            tr("Standpunt van uw fractie over hoofdlijn {number}").format(number=d.number),
            d.own_position, d.own_minority, stale=d.own_stale,
            apply=lambda position, minority: record_position(
                self.ctx, self.stack, section_id=d.id, position=position, minority=minority,
                refresh_section=d.id, label=tr("hoofdlijn {number}").format(number=d.number)),
            confirm=lambda: confirm_stale(self.ctx, self.stack, [d.id]), subject=("section", d.id))

    def _render_chapter_text(self) -> None:
        c = self.chapter
        intro = markdown_html(c.intro) if c.intro else f"<p class='meta'>{html.escape(tr('Geen inleiding.'))}</p>"
        self.text_view.setHtml(page(f"<h2>{html.escape(c.number)} {html.escape(c.title)}</h2>{intro}"))
        self.write_button.setVisible(False)
        self.delete_button.setVisible(False)
        self.new_section_button.setVisible(True)
        self.new_section_button.setEnabled(self._party_view())
        self.section_panel.show_position(tr("Kies een hoofdlijn om er een standpunt over vast te leggen."),
                                         None, "", apply=None)

    def _propose_section(self) -> None:
        if self.chapter is not None:
            self.propose_section.emit(self.chapter.id)

    def _render_changes(self) -> None:
        d = self.detail
        if d.previous_round is None:
            body = f"<p class='meta'>{html.escape(tr('Er is nog geen ronde gepubliceerd.'))}</p>"
        else:
            heading = tr("Wijzigingen sinds ronde {n}").format(n=d.previous_round)
            body = (f"<h2>{html.escape(heading)}</h2>{legend()}"
                    f"{tracked_changes_html(d.previous_round_text or '', d.text)}")
        self._set_html(self.changes_view, page(body))

    def _render_history(self) -> None:
        revisions = self.detail.revisions
        chosen = (self.history_from.currentData(), self.history_to.currentData()) if self._same else (None, None)
        for combo in (self.history_from, self.history_to):
            combo.blockSignals(True)
            combo.clear()
            for revision in revisions:
                who = f"{revision.author} ({revision.party})" if revision.party else revision.author
                combo.addItem(tr("versie {n}, {date}, {who}").format(
                    n=revision.number, date=local_time(revision.created_at), who=who),
                    revision.id)
            combo.blockSignals(False)
        # Newest against the one before it: what the latest revision changed; or what the reader chose.
        ids = [revision.id for revision in revisions]  # findData cannot compare Python objects
        self.history_to.setCurrentIndex(ids.index(chosen[1]) if chosen[1] in ids else 0)
        self.history_from.setCurrentIndex(ids.index(chosen[0]) if chosen[0] in ids else min(1, len(revisions) - 1))
        self._render_history_diff()

    def _render_history_diff(self) -> None:
        if self.detail is None or not self.detail.revisions:
            return
        by_id = {r.id: r for r in self.detail.revisions}
        old = by_id.get(self.history_from.currentData())
        new = by_id.get(self.history_to.currentData())
        if old is None or new is None:
            return
        if old.number > new.number:
            old, new = new, old
        if old.id == new.id:
            who = f"{new.author} ({new.party})" if new.party else new.author
            note = tr("Deze hoofdlijn heeft één versie, van {who}.").format(who=who) if len(by_id) == 1 else tr(
                "Kies twee verschillende versies om ze te vergelijken.")
            self.history_view.setHtml(page(f"<p class='meta'>{html.escape(note)}</p>{markdown_html(new.text)}"))
            return
        reason = f"<p class='meta'>{html.escape(tr('Reden'))}: {html.escape(new.reason)}</p>" if new.reason else ""
        heading = tr("Versie {old} → versie {new}").format(old=old.number, new=new.number)
        self.history_view.setHtml(page(f"<h2>{html.escape(heading)}</h2>{reason}{legend()}"
                                       f"{tracked_changes_html(old.text, new.text)}"))

    def _render_amendment_list(self, entries: tuple[AmendmentEntry, ...]) -> None:
        chosen = self._chosen_amendment
        self.amendment_model.set_entries(entries)
        if entries:
            row = self.amendment_model.row_of(chosen) if chosen is not None else -1
            self.amendment_table.selectRow(max(row, 0))
        else:
            self.amendment_view.setHtml(page(f"<p class='meta'>{html.escape(tr('Nog geen amendementen.'))}</p>"))
            self.amendment_panel.show_position("", None, "", apply=None)
            self.co_submission_panel.show_entry(None, None)
            self.open_button.setEnabled(False)
            self.open_amendment_action.setEnabled(False)
            self.form_button.setEnabled(False)
            self.form_action.setEnabled(False)
            self.subamend_action.setEnabled(False)
            self.subamend_button.setEnabled(False)

    def _selected_entry(self) -> AmendmentEntry | None:
        return self.amendment_model.entry(self.amendment_table.currentIndex().row())

    def _render_amendment(self, current, _previous=None) -> None:
        entry = self.amendment_model.entry(current.row())
        if entry is None:
            return
        same_entry = entry.id == self._chosen_amendment
        self._chosen_amendment = entry.id
        meta = tr("{party}, {kind}, {status}").format(party=entry.party, kind=tr(KIND_LABELS[entry.kind]),
                                                      status=status_name(entry))
        if entry.parent_id is not None:
            # Its changes are against the amendment's text, which is what it changes.
            meta = tr("Subamendement op amendement {label}").format(label=entry.parent_label or "…") + " · " + meta
        if entry.kind == AmendmentKind.NEW_SECTION:
            title = f"<p><b>{html.escape(tr('Nieuwe titel'))}:</b> {html.escape(entry.proposed_title)}</p>"
        elif entry.parent_id is None:
            title = title_change_html(self.detail.title if self.detail else "", entry.proposed_title)
        else:
            title = ""
        explanation = (f"<h3>{html.escape(tr('Toelichting'))}</h3>{markdown_html(entry.explanation)}"
                       if entry.explanation else "")
        self._set_html(self.amendment_view, page(
            f"<h2>{html.escape(entry.shown_label)} — {html.escape(entry.headline)}</h2>"
            f"<p class='meta'>{html.escape(meta)}</p>"
            f"{co_submitters_html(entry)}{legend()}{title}{text_change_html(entry.base_text, entry.new_text, title)}"
            f"{explanation}<hr>{support_html(entry.support)}"),
            keep=same_entry)
        own = self._party_view() and entry.party_id == self.ctx.party_id
        self.open_button.setEnabled(own and entry.is_open)
        self.open_button.setText(tr("Ontwerp bewer&ken") if entry.status == AmendmentStatus.DRAFT
                                 else tr("O&penen"))
        self.open_amendment_action.setEnabled(self.open_button.isEnabled())
        self.open_amendment_action.setText(self.open_button.text())
        self.form_button.setEnabled(True)
        self.form_action.setEnabled(True)
        others = self._party_view() and entry.party_id != self.ctx.party_id and entry.can_be_subamended
        self.subamend_action.setEnabled(others)
        self.subamend_button.setEnabled(others)
        self._show_amendment_position(entry, own)
        self.co_submission_panel.show_entry(self.ctx if self._party_view() else None, entry)

    def _show_amendment_position(self, entry: AmendmentEntry, own: bool) -> None:
        if not self._party_view():
            self.amendment_panel.show_position(tr("Standpunten worden door de fracties zelf vastgelegd."),
                                               None, "", apply=None)
            return
        if not entry.is_open or entry.status == AmendmentStatus.DRAFT:
            reason = tr("Over dit amendement is al beslist.") if not entry.is_open else tr(
                "Een ontwerp-amendement kan pas steun krijgen als het is ingediend.")
            self.amendment_panel.show_position(reason, entry.own_position, entry.own_minority, apply=None)
            return
        section = self.detail.id if self.detail else None
        heading = (tr("Standpunt van uw fractie over uw eigen amendement") if own
                   else tr("Standpunt van uw fractie over het amendement van {party}").format(party=entry.party))
        self.amendment_panel.show_position(
            heading, entry.own_position, entry.own_minority,
            apply=lambda position, minority: record_position(
                self.ctx, self.stack, amendment_id=entry.id, position=position, minority=minority,
                refresh_section=section, label=tr("amendement „{headline}”").format(headline=entry.headline)),
            subject=("amendment", entry.id))

    def _export_form(self) -> None:
        entry = self._selected_entry()
        if entry is not None:
            self.export_form.emit(entry.id, entry.headline)

    def _subamend_selected(self) -> None:
        entry = self._selected_entry()
        if entry is not None and self._party_view() and entry.party_id != self.ctx.party_id \
                and entry.can_be_subamended:
            self.subamend.emit(entry)

    def _open_selected(self) -> None:
        entry = self._selected_entry()
        if entry is not None and self._party_view() and entry.party_id == self.ctx.party_id and entry.is_open:
            self.open_amendment.emit(entry)

