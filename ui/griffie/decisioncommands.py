"""The griffie's decisions on amendments as undoable steps, over the core's decide and undo operations.

Every decision goes on the window's undo stack; undoing it calls
``operations.undo_decision`` (refused once a round has carried it out), and
redoing it makes the same decision again. Taking back an older decision from
the list is a step of its own, undone by deciding again.
"""

from __future__ import annotations

import uuid

from PySide6.QtGui import QUndoCommand, QUndoStack

from raadsakkoord import operations as ops
from raadsakkoord.base.errors import UserError
from raadsakkoord.base.i18n import mark, tr
from raadsakkoord.model import AmendmentStatus
from ui.common import messages
from ui.common.context import Context

# What the undo menu says: "Ongedaan maken: aanvaarden van „Meer woningen”".
STEP_NAMES = {
    AmendmentStatus.ACCEPTED: mark("aanvaarden van „{headline}”"),
    AmendmentStatus.PARTLY_ACCEPTED: mark("gedeeltelijk overnemen van „{headline}”"),
    AmendmentStatus.REJECTED: mark("verwerpen van „{headline}”"),
    AmendmentStatus.SUPERSEDED: mark("laten vervallen van „{headline}”"),
}


class _DecisionStep(QUndoCommand):
    """A step already carried out when pushed: the first redo does nothing (as EndorsementCommand)."""

    def __init__(self, ctx: Context, section_id: uuid.UUID, amendment_id: uuid.UUID, record: ops.DecisionRecord,
                 text: str) -> None:
        super().__init__(text)
        self.ctx = ctx
        self.section_id = section_id
        self.amendment_id = amendment_id
        self.record = record
        self._done = True

    def _decide(self, session) -> None:
        ops.decide_amendment(session, self.ctx.actor, self.amendment_id, self.record.decision,
                             note=self.record.note, compromise_text=self.record.compromise_text)

    def _undo_decision(self, session) -> None:
        ops.undo_decision(session, self.ctx.actor, self.amendment_id)

    def _run(self, change, title: str) -> None:
        try:
            with self.ctx.action() as session:
                change(session)
        except UserError as exc:
            messages.show_error(None, title, exc.message)
            self.setObsolete(True)  # the stack drops a step that can no longer be made
            return
        self.ctx.changes.section.emit(self.section_id)
        self.ctx.changes.outline.emit()


class DecisionCommand(_DecisionStep):
    """A decision: undo takes it back, redo makes it again."""

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._run(self._decide, tr("Opnieuw besluiten"))

    def undo(self) -> None:
        self._run(self._undo_decision, tr("Besluit terugdraaien"))


class TakeBackCommand(_DecisionStep):
    """A decision taken back: undo makes it again."""

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._run(self._undo_decision, tr("Besluit terugdraaien"))

    def undo(self) -> None:
        self._run(self._decide, tr("Opnieuw besluiten"))


def step_name(decision: AmendmentStatus, headline: str) -> str:
    return tr(STEP_NAMES[decision]).format(headline=headline)


def decide(ctx: Context, stack: QUndoStack, section_id: uuid.UUID, amendment_id: uuid.UUID,
           decision: AmendmentStatus, *, note: str = "", compromise_text: str | None = None,
           headline: str = "") -> bool:
    """Make one decision through the core as one undoable step; False (and the message shown) if refused."""
    record = ops.DecisionRecord(AmendmentStatus(decision), note, compromise_text)
    try:
        with ctx.action() as session:
            ops.decide_amendment(session, ctx.actor, amendment_id, record.decision, note=note,
                                 compromise_text=compromise_text)
    except UserError as exc:
        messages.show_error(None, tr("Besluiten over een amendement"), exc.message)
        return False
    stack.push(DecisionCommand(ctx, section_id, amendment_id, record, step_name(record.decision, headline)))
    ctx.changes.section.emit(section_id)
    ctx.changes.outline.emit()
    return True


def accept_together(ctx: Context, stack: QUndoStack, section_id: uuid.UUID,
                    amendments: list[tuple[uuid.UUID, str]]) -> bool:
    """Accept several compatible amendments in one action: all or none, undone as one step."""
    record = ops.DecisionRecord(AmendmentStatus.ACCEPTED, "", None)
    try:
        with ctx.action() as session:
            for amendment_id, _headline in amendments:
                ops.decide_amendment(session, ctx.actor, amendment_id, AmendmentStatus.ACCEPTED)
    except UserError as exc:
        messages.show_error(None, tr("Amendementen samen aanvaarden"), exc.message)
        return False
    stack.beginMacro(tr("{n} amendementen samen aanvaarden").format(n=len(amendments)))
    for amendment_id, headline in amendments:
        stack.push(DecisionCommand(ctx, section_id, amendment_id, record,
                                   step_name(AmendmentStatus.ACCEPTED, headline)))
    stack.endMacro()
    ctx.changes.section.emit(section_id)
    ctx.changes.outline.emit()
    return True


def take_back(ctx: Context, stack: QUndoStack, section_id: uuid.UUID, amendment_id: uuid.UUID,
              headline: str) -> bool:
    """Take back an earlier decision (one not on the undo stack, say from before a restart)."""
    try:
        with ctx.action() as session:
            record = ops.decision_record(session, amendment_id)
            ops.undo_decision(session, ctx.actor, amendment_id)
    except UserError as exc:
        messages.show_error(None, tr("Besluit terugdraaien"), exc.message)
        return False
    stack.push(TakeBackCommand(ctx, section_id, amendment_id, record,
                               tr("terugdraaien van het besluit over „{headline}”").format(headline=headline)))
    ctx.changes.section.emit(section_id)
    ctx.changes.outline.emit()
    return True
