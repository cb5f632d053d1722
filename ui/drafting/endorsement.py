"""A party's position on a section or an amendment: the panel, and its undo command."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from raadsakkoord import operations as ops
from raadsakkoord.base.errors import UserError
from raadsakkoord.base.i18n import tr
from raadsakkoord.model import Position
from ui.common import messages
from ui.common.context import Context


class EndorsementCommand(QUndoCommand):
    """A position that was recorded; undo puts the earlier one back exactly (stale stays stale)."""

    def __init__(self, ctx: Context, text: str, before: list[ops.EndorsementSnapshot],
                 after: list[ops.EndorsementSnapshot], section_id: uuid.UUID | None) -> None:
        super().__init__(text)
        self.ctx = ctx
        self.before = before
        self.after = after
        self.section_id = section_id
        self._done = True  # recorded before the command was pushed

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._restore(self.after)

    def undo(self) -> None:
        self._restore(self.before)

    def _restore(self, snapshots: list[ops.EndorsementSnapshot]) -> None:
        try:
            with self.ctx.action() as session:
                for snapshot in snapshots:
                    ops.restore_endorsement(session, self.ctx.actor, snapshot)
        except UserError as exc:
            messages.show_error(None, tr("Ongedaan maken"), exc.message)
            self.setObsolete(True)
            return
        self.ctx.changes.section.emit(self.section_id)
        self.ctx.changes.outline.emit()


def record_position(ctx: Context, stack: QUndoStack, *, section_id: uuid.UUID | None = None,
                    amendment_id: uuid.UUID | None = None, position: Position, minority: str,
                    refresh_section: uuid.UUID | None, label: str) -> bool:
    """Record the party's position through the core, as one undoable step."""
    party_id = ctx.party_id
    try:
        with ctx.action() as session:
            before = ops.endorsement_snapshot(session, party_id, section_id=section_id, amendment_id=amendment_id)
            if section_id is not None:
                ops.endorse_section(session, ctx.actor, section_id, position, minority_position=minority)
            else:
                ops.endorse_amendment(session, ctx.actor, amendment_id, position, minority_position=minority)
            after = ops.endorsement_snapshot(session, party_id, section_id=section_id, amendment_id=amendment_id)
    except UserError as exc:
        messages.show_error(None, tr("Standpunt vastleggen"), exc.message)
        return False
    stack.push(EndorsementCommand(ctx, tr("Standpunt over {label}").format(label=label), [before], [after],
                                  refresh_section))
    ctx.changes.section.emit(refresh_section)
    ctx.changes.outline.emit()
    return True


def confirm_stale(ctx: Context, stack: QUndoStack, section_ids: list[uuid.UUID]) -> int:
    """Confirm the party's stale positions on these sections in one undoable step."""
    try:
        with ctx.action() as session:
            before = [ops.endorsement_snapshot(session, ctx.party_id, section_id=sid) for sid in section_ids]
            count = ops.confirm_endorsements(session, ctx.actor, section_ids=section_ids)
            after = [ops.endorsement_snapshot(session, ctx.party_id, section_id=sid) for sid in section_ids]
    except UserError as exc:
        messages.show_error(None, tr("Standpunten bevestigen"), exc.message)
        return 0
    if count:
        stack.push(EndorsementCommand(ctx, tr("{n} standpunt(en) bevestigen").format(n=count), before, after,
                                      section_ids[0] if len(section_ids) == 1 else None))
        ctx.changes.section.emit(section_ids[0] if len(section_ids) == 1 else None)
        ctx.changes.outline.emit()
    return count


class EndorsementPanel(QWidget):
    """Support / oppose / abstain, an optional minority position, and "record"."""

    recorded = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._apply: Callable[[Position, str], bool] | None = None
        self._confirm: Callable[[], None] | None = None
        # What is shown about which section or amendment, to tell the user's unrecorded choice from it.
        self._subject: object = None
        self._shown: tuple[Position | None, str] = (None, "")
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.group = QButtonGroup(self)
        self.buttons: dict[Position, QRadioButton] = {}
        row = QHBoxLayout()
        for position, label in ((Position.SUPPORT, tr("&Steunen")), (Position.OPPOSE, tr("&Niet steunen")),
                                (Position.ABSTAIN, tr("&Onthouding"))):
            button = QRadioButton(label)
            self.group.addButton(button)
            self.buttons[position] = button
            row.addWidget(button)
        row.addStretch(1)
        self.minority = QPlainTextEdit()
        self.minority.setPlaceholderText(tr("Minderheidsstandpunt (optioneel): wat uw fractie hierover wil vastleggen"))
        self.minority.setAccessibleName(tr("Minderheidsstandpunt"))
        self.minority.setTabChangesFocus(True)
        self.minority.setMaximumHeight(64)
        self.record_button = QPushButton(tr("Standpunt vast&leggen"))
        self.record_button.clicked.connect(self._record)
        self.stale_label = QLabel()
        self.stale_label.setWordWrap(True)
        self.stale_label.setStyleSheet("color: #8a4b00;")
        self.confirm_button = QPushButton(tr("Bevestigen op de nieuwe te&kst"))
        self.confirm_button.clicked.connect(lambda: self._confirm and self._confirm())
        stale_row = QHBoxLayout()
        stale_row.addWidget(self.stale_label, 1)
        stale_row.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(row)
        layout.addWidget(self.minority)
        record_row = QHBoxLayout()
        record_row.addStretch(1)
        record_row.addWidget(self.record_button)
        layout.addLayout(record_row)
        layout.addLayout(stale_row)

    def show_position(self, heading: str, position: Position | None, minority: str, *, stale: bool = False,
                      apply: Callable[[Position, str], bool] | None, confirm: Callable[[], None] | None = None,
                      reason_disabled: str = "", subject: object = None) -> None:
        """Show a position; shown again for the same ``subject``, a choice the user has not recorded stays."""
        typing = subject is not None and subject == self._subject and apply is not None and self.is_unrecorded()
        self._subject = subject
        self._shown = (position, minority)
        self.heading.setText(heading)
        self._apply = apply
        self._confirm = confirm
        if not typing:
            self.group.setExclusive(False)
            for pos, button in self.buttons.items():
                button.setChecked(pos == position)
            self.group.setExclusive(True)
            self.minority.setPlainText(minority)
        enabled = apply is not None
        for widget in (*self.buttons.values(), self.minority, self.record_button):
            widget.setEnabled(enabled)
        self.record_button.setToolTip(reason_disabled)
        self.stale_label.setVisible(stale)
        self.confirm_button.setVisible(stale and confirm is not None)
        if stale:
            self.stale_label.setText(tr("Dit standpunt is gegeven op een oudere tekst en telt niet mee "
                                        "tot uw fractie het bevestigt of wijzigt."))

    def chosen(self) -> Position | None:
        return next((pos for pos, b in self.buttons.items() if b.isChecked()), None)

    def is_unrecorded(self) -> bool:
        """A position chosen or a minority position typed that differs from the one shown."""
        return (self.chosen(), self.minority.toPlainText()) != self._shown

    def _record(self) -> None:
        position = self.chosen()
        if position is None:
            messages.show_error(self, tr("Standpunt vastleggen"), tr("Kies eerst: steunen, niet steunen of onthouding."))
            return
        if self._apply and self._apply(position, self.minority.toPlainText()):
            self.recorded.emit()
