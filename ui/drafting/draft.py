"""The state of one amendment being written: its fields, and undo commands that change them.

The widgets show a DraftModel and send edits to it through the undo stack;
they never change each other (orange-canvas-core's document/commands.py).
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand

from raadsakkoord.base.i18n import mark, tr
from raadsakkoord.model import AmendmentKind

FIELDS = ("title", "headline", "explanation", "text")
FIELD_LABELS = {"title": mark("titel"), "headline": mark("kop"), "explanation": mark("toelichting"),
                "text": mark("tekst")}
# Keystrokes closer together than this are one undo step, like a word processor.
MERGE_SECONDS = 1.0


@dataclass(frozen=True)
class DraftState:
    kind: AmendmentKind
    section_id: uuid.UUID | None
    chapter_id: uuid.UUID | None
    amendment_id: uuid.UUID | None  # None until first saved
    version: int | None
    base_text: str
    target_label: str  # "hoofdlijn 2.3 Betaalbaar wonen" or "hoofdstuk 2 Wonen"
    title: str = ""
    headline: str = ""
    explanation: str = ""
    text: str = ""
    submitted: bool = False
    label: str = ""  # the griffie's number, once it has one
    # A subamendment: the amendment whose text it changes (``base_text`` is that text).
    parent_id: uuid.UUID | None = None
    parent_label: str = ""

    @property
    def editor_key(self) -> str:
        if self.amendment_id is not None:
            return f"amendment:{self.amendment_id}"
        if self.parent_id is not None:
            return f"subamendment:{self.parent_id}"
        target = self.chapter_id if self.kind == AmendmentKind.NEW_SECTION else self.section_id
        return f"{self.kind.value}:{target}"

    def fields(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in FIELDS}


class DraftModel(QObject):
    """The fields of the draft; ``changed`` names the field so only its widget updates."""

    changed = Signal(str)

    def __init__(self, state: DraftState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.saved_fields = state.fields() if state.amendment_id else {}

    def value(self, name: str) -> str:
        return getattr(self.state, name)

    def set_value(self, name: str, value: str) -> None:
        if getattr(self.state, name) != value:
            self.state = replace(self.state, **{name: value})
            self.changed.emit(name)

    def mark_saved(self, amendment_id: uuid.UUID, version: int, *, submitted: bool = False) -> None:
        self.state = replace(self.state, amendment_id=amendment_id, version=version, submitted=submitted)
        self.saved_fields = self.state.fields()
        self.changed.emit("")

    @property
    def is_dirty(self) -> bool:
        """Typed since the last explicit save (a never-saved draft with text counts too)."""
        current = self.state.fields()
        if not self.saved_fields:
            return any(current[name] for name in ("headline", "explanation", "title")) or (
                current["text"] != self.state.base_text)
        return current != self.saved_fields


class EditFieldCommand(QUndoCommand):
    """One edit of one field; consecutive keystrokes in the same field merge into one step."""

    ID = 1001

    def __init__(self, model: DraftModel, name: str, old: str, new: str) -> None:
        super().__init__(tr("{field} wijzigen").format(field=tr(FIELD_LABELS[name])))
        self.model = model
        self.name = name
        self.old = old
        self.new = new
        self.at = time.monotonic()

    def id(self) -> int:
        return self.ID

    def redo(self) -> None:
        self.model.set_value(self.name, self.new)

    def undo(self) -> None:
        self.model.set_value(self.name, self.old)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditFieldCommand) or other.name != self.name or other.model is not self.model:
            return False
        if other.at - self.at > MERGE_SECONDS:
            return False
        self.new = other.new
        self.at = other.at
        return True
