"""The window's ear on the workspace: others' changes and who else is working, by signal on the GUI thread.

The listener (raadsakkoord.store.changefeed) blocks: it waits on
PostgreSQL's socket or sleeps between SQLite's polls. So it runs on a
thread of its own, which also opens its connection (a database server may
take seconds to answer); the GUI thread only receives the results.
"""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject, Signal

from raadsakkoord.store.listeners import ChangeListener, listen
from raadsakkoord.store.workspace import Workspace

WAIT_S = 0.25  # how long one wait blocks: also how soon a stop is noticed
PRESENCE_S = 5.0  # who else is working changes slowly; asking the server costs a query
RETRY_S = 5.0  # after a failed connection


class LiveChanges(QObject):
    changed = Signal(object)  # a Change of others, coalesced
    others = Signal(list)  # who else has the workspace open, when that changed

    def __init__(self, workspace: Workspace, who: str, since: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._who = who
        self._since = since  # the newest audit event the window's views were loaded after
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="raadsakkoord-live", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Stop listening; returns within about one wait (the thread closes its own connection)."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(WAIT_S * 4)

    def _run(self) -> None:
        listener: ChangeListener | None = None
        shown: list[str] | None = None
        next_presence = 0.0
        try:
            while not self._stop.is_set():
                if listener is None:
                    try:
                        listener = listen(self._workspace.url, self._workspace.origin, self._who,
                                          since=self._since)
                    except Exception:  # noqa: BLE001 - no server, a file gone: the window works on, unaware
                        self._stop.wait(RETRY_S)
                        continue
                try:
                    change = listener.wait(WAIT_S)
                    names = None
                    if time.monotonic() >= next_presence:
                        next_presence = time.monotonic() + PRESENCE_S
                        names = listener.others()
                except Exception:  # noqa: BLE001 - the file or server went away: listen anew in a while
                    listener.close()
                    listener = None
                    self._stop.wait(RETRY_S)
                    continue
                if change is not None and not self._stop.is_set():
                    self._emit(self.changed, change)
                if names is not None and names != shown:
                    shown = names
                    self._emit(self.others, names)
        finally:
            if listener is not None:
                listener.close()

    def _emit(self, signal, value) -> None:
        try:
            signal.emit(value)
        except RuntimeError:
            self._stop.set()  # the window is gone
