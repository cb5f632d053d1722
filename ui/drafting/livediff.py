"""The live tracked-change view and plain-language score while typing, without blocking input.

Each keystroke restarts a short timer; when it fires the diff and the score
are computed, on the GUI thread for a short text (a few milliseconds) and on
a worker thread for a long one. A result that arrives after a newer request
is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from raadsakkoord import diffing
from raadsakkoord.base.i18n import tr
from raadsakkoord.queries import readability
from ui.common.render import numbered_changes_html, tracked_changes_html
from ui.common.background import TaskRunner

DEBOUNCE_MS = 150
# Above this many characters (old + new) the work goes to a worker thread.
THREAD_THRESHOLD = 4_000


@dataclass(frozen=True)
class LiveResult:
    generation: int
    html: str
    readability: readability.Readability
    lines: str = ""  # "Wijzigt regels 12–14 van de tekst.": the numbered lines of the base the change touches


def compute(generation: int, base: str, text: str) -> LiveResult:
    found = diffing.lines_changed(base, text)
    lines = tr("Wijzigt {lines} van de tekst.").format(lines=diffing.line_reference(*found)) if found else ""
    # Against a base text the changes stand on its numbered lines; a new section has no lines to point at yet.
    shown = numbered_changes_html(base, text) if base else tracked_changes_html(base, text)
    return LiveResult(generation, shown, readability.analyse(text), lines)


class LiveDiff(QObject):
    ready = Signal(object)  # LiveResult

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._start)
        self._generation = 0
        self._pending: tuple[str, str] | None = None
        self.last: LiveResult | None = None

    def request(self, base: str, text: str, *, now: bool = False) -> None:
        self._generation += 1
        self._pending = (base, text)
        if now:
            self._timer.stop()
            self._start()
        else:
            self._timer.start()

    def _start(self) -> None:
        if self._pending is None:
            return
        base, text = self._pending
        self._pending = None
        generation = self._generation
        if len(base) + len(text) < THREAD_THRESHOLD:
            self._deliver(compute(generation, base, text))
            return
        self._runner.run(lambda: compute(generation, base, text), self._deliver, self._failed)

    def _deliver(self, result: LiveResult) -> None:
        if result.generation != self._generation:
            return  # typed on since: a newer result is coming
        self.last = result
        self.ready.emit(result)

    def _failed(self, error: BaseException) -> None:
        raise error  # a bug in the diff: let the application's crash dialog show it
