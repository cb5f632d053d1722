"""Work off the GUI thread, results back by signal (after Picard's run_task and Anki's CollectionOp).

A task is a plain function that opens its own session (``ctx.action()``) in
a worker thread; its result or error comes back to a callback on the GUI
thread. Stale results are the caller's business: callers that run the same
kind of task repeatedly (the live diff) drop results older than the latest
request.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Delivery(QObject):
    # Lives on the GUI thread: its slots run there, whatever thread emits.
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, on_done, on_error, release) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self._release = release
        self.finished.connect(self._deliver)
        self.failed.connect(self._fail)

    @Slot(object)
    def _deliver(self, result) -> None:
        try:
            self._on_done(result)
        finally:
            self._release(self)

    @Slot(object)
    def _fail(self, error) -> None:
        try:
            self._on_error(error)
        finally:
            self._release(self)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], delivery: _Delivery) -> None:
        super().__init__()
        self._work = work
        self._delivery = delivery

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI thread
            self._emit(self._delivery.failed, exc)
        else:
            self._emit(self._delivery.finished, result)

    @staticmethod
    def _emit(signal, value) -> None:
        try:
            signal.emit(value)
        except RuntimeError:
            pass  # the application is closing and its receiver is gone: nobody left to tell


class TaskRunner(QObject):
    """Runs functions on a thread pool; ``synchronous`` runs them inline (for tests that want that)."""

    def __init__(self, parent: QObject | None = None, *, synchronous: bool = False) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._pending: set[_Delivery] = set()

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def run(self, work: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None]) -> None:
        if self.synchronous:
            try:
                result = work()
            except Exception as exc:  # noqa: BLE001
                on_error(exc)
                return
            on_done(result)
            return
        delivery = _Delivery(on_done, on_error, self._pending.discard)
        self._pending.add(delivery)  # keep it alive until it has delivered
        self._pool.start(_Job(work, delivery))

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until running tasks are done (closing the window; tests)."""
        return self._pool.waitForDone(msecs)
