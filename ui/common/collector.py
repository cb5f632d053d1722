"""Python's cyclic garbage collection, on the GUI thread only.

Python collects cycles in whichever thread happens to allocate when a
threshold passes: often a worker thread reading the workspace. A Qt object
caught in such a cycle is then destroyed in that thread, while Qt requires
it to die in its own, and the program crashes now and then, far from the
cause. So automatic collection is switched off and the GUI thread collects,
with Python's own thresholds, a few times a second; worker threads only
ever free objects by reference counting.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 250


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.collect_if_due)

    def start(self) -> None:
        gc.disable()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()

    @staticmethod
    def collect_if_due() -> None:
        counts, thresholds = gc.get_count(), gc.get_threshold()
        generation = -1
        for level in range(3):
            if thresholds[level] and counts[level] > thresholds[level]:
                generation = level
        if generation >= 0:
            gc.collect(generation)


def collect_on_gui_thread(app: QObject) -> GuiThreadCollector:
    """Install the collector for the application's lifetime (call on the GUI thread)."""
    collector = GuiThreadCollector(app)
    collector.start()
    return collector
