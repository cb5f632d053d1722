"""Keeping an open window current with what others commit to its workspace.

A change heard by ``LiveChanges`` becomes the same "what changed" notices
the window's own actions send (``Context.changes``), so every view redraws
as it does after the user's own action: keeping the selection, never
touching an editor's typing. An editor whose section got a new text from
someone else is told so; it keeps what was typed.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QObject

from raadsakkoord.base.errors import UserError
from raadsakkoord.model import AmendmentKind
from raadsakkoord.queries.changes import current_revision, latest_change, sections_touched
from raadsakkoord.store.changefeed import Change
from ui.common.background import TaskRunner
from ui.common.context import Context
from ui.common.livechanges import LiveChanges
from ui.shell.statusbar import StatusBar
from ui.shell.workarea import WorkArea


# More sections than this in one change (an import, a round): one "anything may have changed" notice
# instead of one per section, each of which every open tool would handle.
MANY_SECTIONS = 20


def _touched(ctx: Context, change: Change) -> frozenset[uuid.UUID] | None:
    with ctx.action() as session:
        return sections_touched(session, change)


def _revision(ctx: Context, section_id: uuid.UUID):
    with ctx.action() as session:
        return current_revision(session, section_id)


class LiveViews(QObject):
    def __init__(self, ctx: Context, runner: TaskRunner, work: WorkArea, status_bar: StatusBar,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.work = work
        self.status_bar = status_bar
        # Read before the window loads its views (one indexed row): what others commit from here on
        # reaches the window, also while the listener is still connecting.
        with ctx.action() as session:
            since = latest_change(session)
        self.live = LiveChanges(ctx.workspace, ctx.actor_label, since, self)
        self.live.changed.connect(self._changed)
        self.live.others.connect(status_bar.show_others)
        self.live.start()

    def stop(self) -> None:
        """Stop listening; changes heard but not yet handled are dropped. Stopping twice is harmless."""
        self.live.stop()
        self.status_bar.show_others([])
        self.ctx = None

    def _changed(self, change: Change) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        self.runner.run(lambda: _touched(ctx, change), lambda sections: self._refresh(ctx, sections),
                        self._failed)

    def _refresh(self, ctx: Context, sections: frozenset[uuid.UUID] | None) -> None:
        if ctx is not self.ctx:
            return  # the workspace was closed meanwhile
        if sections is not None and len(sections) > MANY_SECTIONS:
            sections = None
        ctx.changes.outline.emit()
        for section_id in sorted(sections) if sections is not None else [None]:
            ctx.changes.section.emit(section_id)
        for editor in self.work.editors:
            state = editor.model.state
            if state.kind == AmendmentKind.NEW_SECTION or state.section_id is None:
                continue
            if sections is None or state.section_id in sections:
                section_id = state.section_id
                self.runner.run(lambda: _revision(ctx, section_id), editor.follow_section, self._failed)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self.status_bar.say(error.message)  # busy or gone for a moment: the next change tries again
        else:
            raise error
