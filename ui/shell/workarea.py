"""The right pane: the chosen section (or chapter) and the amendments being written, as tabs.

Owns the undo group: the window's stack (positions) is active on the section
tab, an editor's own stack (its typing) on that editor's tab.
"""

from __future__ import annotations

import uuid
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoGroup, QUndoStack
from PySide6.QtWidgets import QTabWidget, QWidget

from raadsakkoord.queries.drafting import AmendmentEntry, amendment_entry, chapter_detail, section_detail
from raadsakkoord.base.errors import NotFound, UserError
from raadsakkoord.base.i18n import tr
from raadsakkoord.model import AmendmentKind, AmendmentStatus
from raadsakkoord.operations import UnsavedDraft
from ui.common.context import Context
from ui.drafting.draft import DraftState
from ui.drafting.editor import DraftEditor
from ui.shell.sectionview import SectionView
from ui.common.background import TaskRunner


class WorkArea(QTabWidget):
    status = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.ctx: Context | None = None
        self._reloads = 0  # the newest reload of the shown section; older results are dropped
        self.undo_group = QUndoGroup(self)
        self.window_stack = QUndoStack(self)
        self.undo_group.addStack(self.window_stack)
        self.undo_group.setActiveStack(self.window_stack)
        self.section_view = SectionView()
        self.section_view.write_amendment.connect(self.write_amendment)
        self.section_view.propose_section.connect(self.propose_section)
        self.section_view.open_amendment.connect(self.open_amendment)
        self.section_view.export_form.connect(self.export_form)
        self.section_view.subamend.connect(self.write_subamendment)
        self.addTab(self.section_view, tr("Hoofdlijn"))
        self.setTabsClosable(True)
        self.tabBar().setTabButton(0, self.tabBar().ButtonPosition.RightSide, None)
        self.tabCloseRequested.connect(lambda index: self._close_tab(index))
        self.currentChanged.connect(self._tab_changed)

    def bind(self, ctx: Context | None) -> None:
        """A new workspace or identity: editors of the old one were closed by the window."""
        self.ctx = ctx
        self.window_stack.clear()
        if ctx is not None:
            self.section_view.bind(ctx, self.window_stack)

    @property
    def editors(self) -> list[DraftEditor]:
        return [w for i in range(1, self.count()) if isinstance(w := self.widget(i), DraftEditor)]

    # -- the section tab ------------------------------------------------------------------

    def export_form(self, amendment_id: uuid.UUID, headline: str) -> None:
        from ui.exchange.amendmentform import show_amendment_form_dialog

        dialog = show_amendment_form_dialog(self, self.ctx, self.runner, amendment_id, headline)
        dialog.exported.connect(self.status)

    def show_section(self, section_id: uuid.UUID) -> None:
        try:
            with self.ctx.action() as session:
                detail = section_detail(session, section_id, self.ctx.party_id)
        except UserError as exc:
            self.status.emit(exc.message)
            return
        self.section_view.show_section(detail)
        self.setTabText(0, tr("Hoofdlijn {number}").format(number=detail.number))

    def show_chapter(self, chapter_id: uuid.UUID) -> None:
        try:
            with self.ctx.action() as session:
                detail = chapter_detail(session, chapter_id, self.ctx.party_id)
        except UserError as exc:
            self.status.emit(exc.message)
            return
        self.section_view.show_chapter(detail)
        self.setTabText(0, tr("Hoofdstuk {number}").format(number=detail.number))

    def refresh(self, section_id: uuid.UUID | None = None) -> None:
        """After a change: redraw the shown section when it is the one that changed (or when unsure).

        The section is read again on a worker thread: a change by another
        window comes unasked, and its query must not hold up the user's typing.
        """
        shown = self.section_view.detail
        if shown is not None and (section_id is None or section_id == shown.id):
            self._reload_section(shown.id)
        elif self.section_view.chapter is not None:
            self.show_chapter(self.section_view.chapter.id)

    def _reload_section(self, section_id: uuid.UUID) -> None:
        ctx = self.ctx
        self._reloads += 1
        generation = self._reloads

        def load():
            with ctx.action() as session:
                return section_detail(session, section_id, ctx.party_id)

        def loaded(detail) -> None:
            shown = self.section_view.detail
            # Only the newest reload of the section still shown, in the workspace it was read from.
            if ctx is self.ctx and generation == self._reloads and shown is not None and shown.id == section_id:
                self.section_view.show_section(detail)

        def failed(error: BaseException) -> None:
            if not isinstance(error, UserError):
                raise error
            self.status.emit(error.message)

        self.runner.run(load, loaded, failed)

    # -- tool tabs (the griffie's overviews) -----------------------------------------------

    def open_tool(self, key: str, make, title: str) -> QWidget:
        """Show a tool in its own closable tab, made on first use (``make()``), one per key.

        A tool binds to the context and follows its change notices; the work area only shows it.
        """
        for index in range(1, self.count()):
            widget = self.widget(index)
            if widget.property("tool") == key:
                self.setCurrentIndex(index)
                return widget
        widget = make()
        widget.setProperty("tool", key)
        index = self.addTab(widget, title)
        self._name_close_button(index, title)
        self.setCurrentIndex(index)
        return widget

    def _name_close_button(self, index: int, title: str) -> None:
        # The drawn cross says nothing to a screen reader; its name says which tab it closes.
        button = self.tabBar().tabButton(index, self.tabBar().ButtonPosition.RightSide)
        if button is not None:
            button.setAccessibleName(tr("Tabblad {title} sluiten").format(title=title))

    def close_current_tab(self) -> None:
        """Close the current tool or editor tab (the section tab stays: it is the work area itself)."""
        if self.currentIndex() > 0:
            self._close_tab(self.currentIndex())

    def tools(self) -> list[QWidget]:
        return [w for i in range(1, self.count()) if (w := self.widget(i)).property("tool")]

    def close_tools(self) -> None:
        for widget in self.tools():
            self.removeTab(self.indexOf(widget))
            widget.deleteLater()

    # -- editors --------------------------------------------------------------------------

    def _section(self, section_id: uuid.UUID):
        """The section's detail: the one on screen (kept current by the change notices), else from the workspace."""
        shown = self.section_view.detail
        if shown is not None and shown.id == section_id:
            return shown
        with self.ctx.action() as session:
            return section_detail(session, section_id, self.ctx.party_id)

    def write_amendment(self, kind: AmendmentKind, section_id: uuid.UUID) -> DraftEditor:
        detail = self._section(section_id)
        label = tr("hoofdlijn {number} {title}").format(number=detail.number, title=detail.title)
        state = DraftState(kind=AmendmentKind(kind), section_id=section_id, chapter_id=None, amendment_id=None,
                           version=None, base_text=detail.text, target_label=label,
                           text=detail.text if kind == AmendmentKind.MODIFY else "")
        return self.open_editor(state)

    def propose_section(self, chapter_id: uuid.UUID) -> DraftEditor:
        with self.ctx.action() as session:
            detail = chapter_detail(session, chapter_id, self.ctx.party_id)
        label = tr("hoofdstuk {number} {title}").format(number=detail.number, title=detail.title)
        return self.open_editor(DraftState(kind=AmendmentKind.NEW_SECTION, section_id=None, chapter_id=chapter_id,
                                    amendment_id=None, version=None, base_text="", target_label=label))

    def open_amendment(self, entry: AmendmentEntry) -> None:
        self.open_editor(self._state_of(entry))

    def write_subamendment(self, entry: AmendmentEntry) -> DraftEditor:
        """An editor for a subamendment on ``entry``: its text is the base, tracked changes against it."""
        target = replace(self._state_of(entry), amendment_id=None, version=None, submitted=False, label="",
                         headline="", explanation="", base_text=entry.proposed_text,
                         parent_id=entry.id, parent_label=entry.label)
        return self.open_editor(target)

    def _state_of(self, entry: AmendmentEntry) -> DraftState:
        if entry.kind == AmendmentKind.NEW_SECTION:
            with self.ctx.action() as session:
                chapter = chapter_detail(session, entry.chapter_id, self.ctx.party_id)
            label = tr("hoofdstuk {number} {title}").format(number=chapter.number, title=chapter.title)
        else:
            section = self._section(entry.section_id)
            label = tr("hoofdlijn {number} {title}").format(number=section.number, title=section.title)
        return DraftState(kind=entry.kind, section_id=entry.section_id, chapter_id=entry.chapter_id,
                          amendment_id=entry.id, version=entry.version, base_text=entry.base_text,
                          target_label=label, title=entry.proposed_title, headline=entry.headline,
                          explanation=entry.explanation, text=entry.proposed_text,
                          submitted=entry.status != AmendmentStatus.DRAFT, label=entry.label,
                          parent_id=entry.parent_id, parent_label=entry.parent_label)

    def open_editor(self, state: DraftState) -> DraftEditor:
        for editor in self.editors:
            if editor.editor_key == state.editor_key:
                self.setCurrentWidget(editor)
                return editor
        editor = DraftEditor(self.ctx, self.runner, state)
        self.undo_group.addStack(editor.undo_stack)
        editor.changed.connect(self._editor_changed)
        editor.closed.connect(lambda e=editor: self.remove_editor(e))
        editor.status.connect(self.status)
        editor.model.changed.connect(lambda _name, e=editor: self._retitle(e))
        index = self.addTab(editor, "")
        self._retitle(editor)
        self.setCurrentIndex(index)
        editor.headline_edit.setFocus() if not state.headline else editor.text_edit.setFocus()
        return editor

    def _retitle(self, editor: DraftEditor) -> None:
        index = self.indexOf(editor)
        if index < 0:
            return
        headline = editor.model.state.headline or tr("Nieuw amendement")
        mark = "• " if editor.model.is_dirty else ""
        short = headline if len(headline) <= 28 else headline[:27] + "…"
        self.setTabText(index, mark + short)
        self._name_close_button(index, headline)
        self.setTabToolTip(index, editor.heading.text())

    def _editor_changed(self, section_id) -> None:
        self.ctx.changes.section.emit(section_id)
        self.ctx.changes.outline.emit()

    def _close_tab(self, index: int) -> None:
        widget = self.widget(index)
        if isinstance(widget, DraftEditor):
            widget.request_close()
        elif widget is not None and widget.property("tool"):
            self.removeTab(index)
            widget.deleteLater()

    def remove_editor(self, editor: DraftEditor) -> None:
        self.undo_group.removeStack(editor.undo_stack)
        index = self.indexOf(editor)
        if index >= 0:
            self.removeTab(index)
        editor.deleteLater()

    def _tab_changed(self, index: int) -> None:
        widget = self.widget(index)
        # The tools follow the workspace's change notices themselves (and catch up when shown):
        # reloading them on every tab switch loaded the support matrix twice.
        self.undo_group.setActiveStack(widget.undo_stack if isinstance(widget, DraftEditor) else self.window_stack)

    def current_editor(self) -> DraftEditor | None:
        widget = self.currentWidget()
        return widget if isinstance(widget, DraftEditor) else None

    def close_editors(self) -> bool:
        """Ask about each editor with unsaved typing; False when the user cancels."""
        for editor in list(self.editors):
            self.setCurrentWidget(editor)
            if not editor.request_close():
                return False
        return True

    def autosave_all(self) -> None:
        """Start keeping every editor's typing safe; the writes finish off the GUI thread, even if the editors close."""
        for editor in self.editors:
            editor.autosave()

    # -- crash recovery -------------------------------------------------------------------

    def recover(self, draft: UnsavedDraft) -> bool:
        """Open an editor on a buffer that was typed but never saved. False when its target is gone."""
        kind, _, ident = draft.editor_key.partition(":")
        target = uuid.UUID(ident)
        try:
            if kind == "amendment":
                with self.ctx.action() as session:
                    entry = amendment_entry(session, target, self.ctx.party_id)
                state = self._state_of(entry)
                if state.submitted:
                    return False  # sent since: the buffer is outdated
                editor = self.open_editor(state)
            elif kind == "subamendment":
                with self.ctx.action() as session:
                    entry = amendment_entry(session, target, self.ctx.party_id)
                if not entry.can_be_subamended:
                    return False  # its amendment was decided or withdrawn since: nothing left to change
                editor = self.write_subamendment(entry)
            elif kind == "new_section":
                editor = self.propose_section(target)
            else:
                editor = self.write_amendment(AmendmentKind(kind), target)
        except NotFound:
            return False
        editor.restore_typing(draft.fields)
        return True

