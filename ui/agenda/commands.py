"""Saving a task through the core, and undoing it: one QUndoCommand per save."""

from __future__ import annotations

import enum
import uuid
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from raadsakkoord import operations as ops
from raadsakkoord.queries.agenda import TaskRow
from raadsakkoord.base.errors import ConcurrentEditError, UserError
from raadsakkoord.base.i18n import tr
from ui.common import messages
from ui.common.context import Context

Applied = Callable[[uuid.UUID], None]  # told which task changed, so the view reloads and keeps it selected


class Saved(enum.Enum):
    SAVED = "saved"
    UNCHANGED = "unchanged"
    CONFLICT = "conflict"  # someone else changed the task first: nothing was written
    REFUSED = "refused"  # the core refused the input: nothing was written


def _edit(ctx: Context, task_id: uuid.UUID, expected_version: int, fields: dict) -> int:
    """Apply the fields in one action; the task's version after it."""
    with ctx.action() as session:
        task = ops.edit_task(session, ctx.actor, task_id, expected_version=expected_version, **fields)
        session.flush()  # the version counter moves at flush
        return task.version


class TaskEditCommand(QUndoCommand):
    """One saved edit: redo applies the new values, undo the old ones, both through ``edit_task``.

    Each step names the version it left behind, so an undo after someone
    else changed the task is refused with the core's message instead of
    overwriting their change.
    """

    def __init__(self, ctx: Context, task_id: uuid.UUID, before: dict, after: dict, version: int, text: str,
                 applied: Applied) -> None:
        super().__init__(text)
        self.ctx = ctx
        self.task_id = task_id
        self.before = before
        self.after = after
        self.version = version
        self.applied = applied
        self._done = True  # saved before the command was pushed

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._apply(self.after, tr("Opnieuw doen"))

    def undo(self) -> None:
        self._apply(self.before, tr("Ongedaan maken"))

    def _apply(self, fields: dict, title: str) -> None:
        try:
            self.version = _edit(self.ctx, self.task_id, self.version, fields)
        except UserError as exc:
            messages.show_error(None, title, exc.message)
            self.setObsolete(True)
            return
        self.applied(self.task_id)


def save_task(ctx: Context, stack: QUndoStack, row: TaskRow, fields: dict, applied: Applied,
              parent=None) -> Saved:
    """Write the fields that differ from ``row`` as one undoable step; tell the user why when refused."""
    old = row.fields()
    changed = {key: value for key, value in fields.items() if value != old[key]}
    if not changed:
        return Saved.UNCHANGED
    try:
        version = _edit(ctx, row.id, row.version, changed)
    except ConcurrentEditError as exc:
        messages.show_error(parent, tr("Opdracht opslaan"), exc.message)
        return Saved.CONFLICT
    except UserError as exc:
        messages.show_error(parent, tr("Opdracht opslaan"), exc.message)
        return Saved.REFUSED
    title = changed.get("title", row.title)
    stack.push(TaskEditCommand(ctx, row.id, {key: old[key] for key in changed}, changed, version,
                               tr("Opdracht '{title}' wijzigen").format(title=title), applied))
    applied(row.id)
    return Saved.SAVED


def create_task(ctx: Context, fields: dict, applied: Applied, parent=None) -> uuid.UUID | None:
    """A new task through ``add_task``; None (and the core's message shown) when refused."""
    try:
        with ctx.action() as session:
            task_id = ops.add_task(session, ctx.actor, **fields).id
    except UserError as exc:
        messages.show_error(parent, tr("Nieuwe opdracht"), exc.message)
        return None
    applied(task_id)
    return task_id
