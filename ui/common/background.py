"""Work off the GUI thread, results back by signal (after Picard's run_task and Anki's CollectionOp).

A task is a plain function that opens its own session (``ctx.action()``) in
a worker thread; its result or error comes back to a callback on the GUI
thread. Stale results are the caller's business: callers that run the same
kind of task repeatedly (the live diff) drop results older than the latest
request.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import BrokenExecutor  # BrokenProcessPool's base, without loading multiprocessing
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

from raadsakkoord.base.errors import UserError
from raadsakkoord.base.i18n import tr
from ui.common import messages


class WorkerStopped(UserError):
    """The worker process died (a crash, or the system ended it) before the task came back.

    Whether the task's work was done is unknown: a transaction that was
    committed just before the process died stays committed.
    """

    def __init__(self) -> None:
        super().__init__(tr("Het hulpproces voor inlezen en publiceren is onverwacht gestopt; er is een nieuw "
                            "gestart. Wat het aan het doen was, is misschien niet afgemaakt."))


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
            if not _receiver_gone(self._on_done):
                self._on_done(result)
        finally:
            self._release(self)

    @Slot(object)
    def _fail(self, error) -> None:
        try:
            if not _receiver_gone(self._on_error):
                self._on_error(error)
        finally:
            self._release(self)


def _receiver_gone(callback) -> bool:
    """A method of a widget that was closed and deleted while its task ran: nobody is left to show the result to."""
    owner = getattr(callback, "__self__", None)
    return isinstance(owner, QObject) and not shiboken6.isValid(owner)


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
        self._told_about = None  # the dead worker process the user was last told about

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

    def run_in_process(self, work: Callable[..., Any], args: tuple, on_done: Callable[[Any], None],
                       on_error: Callable[[BaseException], None], *, retry_if_stopped: bool = False) -> None:
        """Run a Qt-free, module-level function in a worker process; its result back on the GUI thread.

        For long work that runs Python code most of the time (an import of
        a thousand amendments): on a thread it would hold the GIL, and PySide
        needs the GIL for every call from Qt into Python, so the window
        froze. A process has its own interpreter. ``work``, ``args``, the
        result and any error must pickle; the process is started once, on
        first use (about a second), and kept for the next task.

        When the process dies under a task, a new one is started for the
        tasks that follow. The task itself fails with ``WorkerStopped``,
        unless the caller says running it twice does no harm
        (``retry_if_stopped``): then it runs once more in the new process,
        and the user is told that this happened.
        """
        if self.synchronous:
            self.run(lambda: work(*args), on_done, on_error)
            return
        self._submit(work, args, on_done, on_error, retries=1 if retry_if_stopped else 0)

    def _submit(self, work, args, on_done, on_error, *, retries: int) -> None:
        pool = _process_pool()
        try:
            future = pool.submit(work, *args)
        except BrokenExecutor:
            # The process died while idle: nothing of this task ran yet, so a new process simply takes it.
            _forget_pool(pool)
            pool = _process_pool()
            future = pool.submit(work, *args)

        def failed(error: BaseException) -> None:  # on the GUI thread
            if isinstance(error, BrokenExecutor):
                _forget_pool(pool)
                if retries:
                    self._submit(work, args, on_done, on_error, retries=retries - 1)
                    self._tell_restarted(pool)
                    return
                error = WorkerStopped()
            if not _receiver_gone(on_error):
                on_error(error)

        delivery = _Delivery(on_done, failed, self._pending.discard)
        self._pending.add(delivery)

        def finished(future) -> None:  # on the pool's own thread
            error = future.exception()
            _Job._emit(delivery.failed if error is not None else delivery.finished,
                       error if error is not None else future.result())

        future.add_done_callback(finished)

    def _tell_restarted(self, broken) -> None:
        """Once per dead process, however many of its tasks run again."""
        if broken is self._told_about:
            return
        self._told_about = broken
        parent = self.parent()
        messages.show_info(parent if isinstance(parent, QWidget) else None, tr("Hulpproces opnieuw gestart"),
                           tr("Het hulpproces voor inlezen en publiceren is onverwacht gestopt; er is een nieuw "
                              "gestart. Wat het aan het doen was, wordt nog één keer geprobeerd."))

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until running tasks are done (closing the window; tests)."""
        return self._pool.waitForDone(msecs)

    def shutdown(self, timeout: float) -> bool:
        """Stop for good, within about ``timeout`` seconds: the window is closing.

        Tasks that have not started are dropped, and no result or error is
        delivered any more: the views that asked for them are going away.
        Tasks already running get until the deadline. The worker process,
        if still busy then, is ended: the database rolls back the
        transaction its task had not committed, and what was committed
        stays. A thread cannot be ended: a task still running on one
        finishes on its own, after the window is gone (its transaction
        commits whole or not at all). True when everything had stopped in
        time.
        """
        deadline = time.monotonic() + timeout
        self._pool.clear()
        for delivery in self._pending:
            delivery._on_done = delivery._on_error = _ignore
        self._pending.clear()
        processes = _stop_processes_soon()
        threads_done = self._pool.waitForDone(max(0, round((deadline - time.monotonic()) * 1000)))
        processes_done = _end_processes(processes, deadline)
        return threads_done and processes_done


_pool = None


def _process_pool():
    """One worker process for the whole application, started from a clean interpreter.

    "spawn", not "fork": a forked copy of a process with Qt's threads in it
    can hang on a lock one of them held.
    """
    global _pool
    if _pool is None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    return _pool


def _forget_pool(broken) -> None:
    """A pool whose process died takes no more tasks: the next task starts a new one."""
    global _pool
    if _pool is broken:
        _pool = None
    broken.shutdown(wait=False, cancel_futures=True)


def _ignore(_result) -> None:
    pass


def _stop_processes_soon() -> list:
    """Drop the worker process's queued tasks and let it exit after the one it is running, if any."""
    global _pool
    pool, _pool = _pool, None
    if pool is None:
        return []
    processes = list(pool._processes.values())  # concurrent.futures offers no public handle on them
    pool.shutdown(wait=False, cancel_futures=True)
    return processes


def _end_processes(processes: list, deadline: float) -> bool:
    """Wait for the processes until the deadline, then end those still working. True when none had to be."""
    ended_in_time = True
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
        if process.is_alive():
            process.terminate()
            process.join()
            ended_in_time = False
    return ended_in_time


def shut_down_processes() -> None:
    """Stop the worker process (the application is closing)."""
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=True, cancel_futures=True)
        _pool = None


class ChildStopped(Exception):
    """The child process was ended on request (``stop``) before it reported back."""


class ChildDied(UserError):
    """The child process ended without reporting back: killed, or out of memory."""

    def __init__(self):
        super().__init__(tr("Het hulpproces voor dit werk is onverwacht gestopt (bijvoorbeeld door te weinig "
                            "geheugen); er is niets geschreven."))


def run_in_child(runner: TaskRunner, work: Callable[..., Any], args: tuple, kwargs: dict,
                 on_message: Callable[[tuple], None], on_done: Callable[[Any], None],
                 on_error: Callable[[BaseException], None], stop, after_stop: Callable[[], None]) -> None:
    """Run ``work`` in a fresh "spawn" process that ends with it, so its memory returns to the system.

    ``work(*args, messages=queue, **kwargs)`` puts ("progress", ...) tuples,
    then ("done", result) or ("failed", error). A thread of ``runner`` relays
    progress to ``on_message`` (on that thread) and watches ``stop`` (a
    threading.Event): once set, the process is ended, ``after_stop`` cleans
    up what it may have left, and ``on_error`` gets ``ChildStopped``. A
    process that dies without reporting back is cleaned up after the same
    way, and ``on_error`` gets ``ChildDied``.
    """
    import multiprocessing
    import queue as queues

    def supervise():
        context = multiprocessing.get_context("spawn")
        messages = context.Queue()
        process = context.Process(target=work, args=args, kwargs={**kwargs, "messages": messages}, daemon=True)
        process.start()
        try:
            while True:
                if stop.is_set():
                    process.terminate()
                    process.join()
                    after_stop()
                    raise ChildStopped
                try:
                    message = messages.get(timeout=0.1)
                except queues.Empty:
                    if not process.is_alive() and messages.empty():
                        after_stop()
                        raise ChildDied from None
                    continue
                if message[0] == "done":
                    return message[1]
                if message[0] == "failed":
                    raise message[1]
                on_message(message)
        finally:
            process.join(5)
            if process.is_alive():
                process.kill()
                process.join()
            messages.close()

    runner.run(supervise, on_done, on_error)
