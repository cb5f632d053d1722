"""The open workspace and who is working in it, handed to every widget that needs them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from raadsakkoord.operations import Actor
from raadsakkoord.store.workspace import Workspace


class Changes(QObject):
    """The "what changed" notice after an action, so only the affected views refresh.

    ``section`` carries the id of a section whose text, amendments or
    positions changed; ``outline`` means the navigator must reload (numbers,
    badges or support moved).
    """

    section = Signal(object)
    outline = Signal()


@dataclass
class Context:
    workspace: Workspace
    actor: Actor
    actor_label: str  # "Gerda Groen (GL)" or "Griet Griffier (griffie)"
    changes: Changes
    # Package imports into this workspace that have not reported back yet,
    # wherever they were started (the menu, a drop on the window, the inbox).
    imports_running: int = 0

    @property
    def party_id(self) -> uuid.UUID | None:
        return self.actor.party_id

    def action(self):
        """One user action (see Workspace.action): commit on success, nothing on failure."""
        return self.workspace.action()
