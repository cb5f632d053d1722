"""Keeping an editor's typing safe in the workspace without ever making the window wait.

The writes run on a worker thread: while another process holds the
workspace's write lock (a long import in the worker process), SQLite makes a
writer wait up to its busy timeout, and on the GUI thread the window froze
for that long.

One editor's writes go one at a time, in the order they were asked for, and
only the newest buffer waits its turn, so an older buffer never lands after
a newer one. A buffer that a deliberate action has saved, sent or thrown
away (``forget``) is not written afterwards: a write checks for that while it
holds the write lock, so the action's own transaction, which needs that lock
too, comes either before the check or after the write's commit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from PySide6.QtCore import QObject, Signal

from raadsakkoord import operations as ops
from raadsakkoord.base.errors import UserError
from ui.common.background import TaskRunner
from ui.common.context import Context


class _Superseded(Exception):
    """The buffer was saved, sent or thrown away while this write waited: it writes nothing."""


@dataclass
class _Write:
    key: str
    fields: dict[str, str] = field(repr=False)
    generation: int


class Autosaver(QObject):
    """One editor's automatic saves. ``written`` names the buffer now in the workspace; ``failed`` says why not."""

    written = Signal(str)
    failed = Signal(str)

    def __init__(self, ctx: Context, runner: TaskRunner) -> None:
        # No parent: the writes under way finish even when the editor is closed meanwhile.
        super().__init__()
        self._ctx = ctx
        self._runner = runner
        self._generation = 0  # raised by every deliberate save, submission or discard
        self._running: _Write | None = None
        self._waiting: _Write | None = None
        self._discards = 0

    @property
    def busy(self) -> bool:
        """A write or a discard has not finished yet."""
        return self._running is not None or self._waiting is not None or self._discards > 0

    def write(self, key: str, fields: dict[str, str]) -> None:
        """Write this buffer after the one under way; a buffer still waiting is replaced by this newer one."""
        self._waiting = _Write(key, dict(fields), self._generation)
        self._next()

    def forget(self) -> None:
        """A deliberate action saves, sends or throws away the buffer: nothing written from here on is older."""
        self._generation += 1
        self._waiting = None

    def discard(self, key: str) -> None:
        """Throw away what was written under ``key``, and anything still on its way there.

        Runs at once rather than after the write under way: that write
        notices it is forgotten, or, if it was past that point, holds the
        write lock this discard waits for.
        """
        self.forget()
        self._discards += 1
        self._runner.run(partial(self._remove, key), self._discarded, self._discard_failed)

    # -- the worker thread ---------------------------------------------------------------

    def _store(self, write: _Write) -> None:
        ctx = self._ctx
        with ctx.action() as session:
            ops.autosave_draft(session, ctx.actor, write.key, write.fields)
            session.flush()  # takes the write lock: waiting for it happens here, off the GUI thread
            if write.generation != self._generation:
                raise _Superseded

    def _remove(self, key: str) -> None:
        ctx = self._ctx
        with ctx.action() as session:
            ops.discard_autosave(session, ctx.actor, key)

    # -- back on the GUI thread ----------------------------------------------------------

    def _next(self) -> None:
        if self._running is not None or self._waiting is None:
            return
        write, self._waiting = self._waiting, None
        self._running = write
        self._runner.run(partial(self._store, write), lambda _none: self._stored(write),
                         lambda error: self._store_failed(write, error))

    def _stored(self, write: _Write) -> None:
        if write.generation == self._generation:
            self.written.emit(write.key)
            self._free()
            return
        # Committed before it could see it was forgotten. SQLite then made the forgetting action's
        # transaction wait for it; PostgreSQL locks rows, not the database, so that action's discard
        # may have come first. Remove it again before any newer write of the same key.
        self._runner.run(partial(self._remove, write.key), lambda _none: self._free(), self._follow_up_failed)

    def _store_failed(self, write: _Write, error: BaseException) -> None:
        try:
            # Forgotten meanwhile: whatever stopped it (the row it updated was deleted, say), nothing is owed.
            if not isinstance(error, _Superseded) and write.generation == self._generation:
                self._report(error)
        finally:
            self._free()

    def _follow_up_failed(self, error: BaseException) -> None:
        try:
            self._report(error)
        finally:
            self._free()

    def _free(self) -> None:
        self._running = None
        self._next()

    def _report(self, error: BaseException) -> None:
        if not isinstance(error, UserError):
            raise error  # a bug: the window's crash dialog shows it
        self.failed.emit(error.message)

    def _discarded(self, _none) -> None:
        self._discards -= 1

    def _discard_failed(self, error: BaseException) -> None:
        self._discards -= 1
        self._report(error)
