"""The start-up check of an installed program: is the window usable, and does it stay free of errors.

With ``RAADSAKKOORD_START_PROBE=SECONDS`` in the environment the application
starts as always, answers the question who is working with the griffie (the
two clicks a clerk makes), prints ``usable`` on stdout once the first
section is shown, has the worker process verify the audit log's chain (the
worker is this same executable started again, which a frozen bundle must
support), keeps running for SECONDS more (and until the worker answered)
and closes. Its exit status is 1 when an error reached the crash dialog, a
Qt warning was logged or the worker failed.

The wheel test and the bundle's smoke test and benchmark start the
installed executable this way: a bundle has no Python to run a test script
with, and the measurement must be of the real start-up.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from raadsakkoord.base import i18n
from ui.shell import identity

VARIABLE = "RAADSAKKOORD_START_PROBE"
PROBE_NAME = "Startproef"
# The offscreen platform says these about every top-level window it is asked
# to show or bring to the front; they are not ours.
HARMLESS = ("This plugin does not support propagateSizeHints", "This plugin does not support raise")
# Starting the worker process takes a second on an idle machine and many on a busy one.
WORKER_PATIENCE_MS = 120_000


def seconds_from_environment() -> float | None:
    value = os.environ.get(VARIABLE)
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None


class StartProbe:
    def __init__(self, app: QApplication, window, seconds: float) -> None:
        self.app, self.window, self.seconds = app, window, seconds
        self.failures: list[str] = []
        self.worker_done = False
        qInstallMessageHandler(self._qt_message)
        previous_hook = sys.excepthook

        def hook(kind, value, tb):
            self.failures.append(f"{kind.__name__}: {value}")
            previous_hook(kind, value, tb)

        sys.excepthook = hook
        self.timer = QTimer(app)
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _qt_message(self, kind, _context, message: str) -> None:
        print(message, file=sys.stderr)
        if kind != QtMsgType.QtDebugMsg and kind != QtMsgType.QtInfoMsg and not message.startswith(HARMLESS):
            self.failures.append(message)

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, identity.IdentityDialog):
            self._work_as_griffie(dialog)
            return
        window = self.window
        if window.ctx is None or window.work.section_view.detail is None:
            return
        self.timer.stop()
        window.repaint()  # painted, not only laid out
        print("usable", flush=True)
        # What the log view runs there: a real task of the worker process.
        from raadsakkoord.jobs.audit import check_chain_at

        window.runner.run_in_process(check_chain_at, (window.ctx.workspace.target, i18n.language()),
                                     self._worker_answered, self._worker_failed)
        QTimer.singleShot(round(self.seconds * 1000), self._finish)

    @staticmethod
    def _work_as_griffie(dialog: identity.IdentityDialog) -> None:
        for row in range(dialog.role_list.count()):
            dialog.role_list.setCurrentRow(row)
            if dialog.selected_role().party_id is None:
                break
        if not dialog.person():
            dialog.name_edit.setText(PROBE_NAME)
        dialog.accept()

    def _worker_answered(self, state) -> None:
        self.worker_done = True
        print(f"worker: chain of {state.report.events} events checked", flush=True)
        if not state.report.ok:
            self.failures.append(f"worker: {state.report.message}")

    def _worker_failed(self, error) -> None:
        self.worker_done = True
        self.failures.append(f"worker: {error}")

    def _finish(self, waited_ms: int = 0) -> None:
        if not self.worker_done and waited_ms < WORKER_PATIENCE_MS:
            QTimer.singleShot(100, lambda: self._finish(waited_ms + 100))
            return
        if not self.worker_done:
            self.failures.append("the worker process did not answer")
        for failure in self.failures:
            print(f"start probe: {failure}", file=sys.stderr)
        self.window.close()
        self.app.exit(1 if self.failures else 0)


_watching: list[StartProbe] = []  # kept alive for the application's lifetime


def install(app: QApplication, window) -> None:
    """Watch this start-up when the environment asks for it."""
    seconds = seconds_from_environment()
    if seconds is not None:
        _watching.append(StartProbe(app, window, seconds))
