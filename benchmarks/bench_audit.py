"""The audit view on a big log: opening, scrolling a page further, filtering, verifying the chain.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_audit.py WORKSPACE

WORKSPACE is a copy of the ten-times dataset (bench_workspace.py; about
120,000 audit events). Work runs on the real thread pool; each figure is the
time from the action to the view showing its result, with the GUI thread's
longest stall meanwhile (what a clerk would feel as a frozen window).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def main(path: str) -> None:
    from ui.shell.app import make_none_immortal

    make_none_immortal()  # as the application does (PySide6's None refcount bug on Python 3.11)
    app = QApplication.instance() or QApplication([])
    from raadsakkoord import operations as ops
    from raadsakkoord.store.workspace import open_workspace
    from ui.griffie.auditview import AuditView
    from ui.common.context import Changes, Context
    from ui.common.background import TaskRunner

    workspace = open_workspace(path)
    ctx = Context(workspace, ops.Actor.griffie("Benchmark"), "Benchmark (griffie)", Changes())
    view = AuditView(runner=TaskRunner())
    view.resize(1200, 700)
    view.show()
    stall = {"max": 0.0, "last": time.perf_counter()}

    def tick() -> None:
        now = time.perf_counter()
        stall["max"] = max(stall["max"], now - stall["last"])
        stall["last"] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()

    def until(done, what: str) -> None:
        stall["max"], stall["last"] = 0.0, time.perf_counter()
        clock = QElapsedTimer()
        clock.start()
        while not done():
            app.processEvents()
            time.sleep(0.001)
            if clock.elapsed() > 120_000:
                raise SystemExit(f"{what}: no result after two minutes")
        print(f"  {what:<52} {clock.elapsed() / 1000:6.2f} s   (longest GUI stall {stall['max'] * 1000:5.0f} ms)")

    print(f"audit view on {path}")
    view.bind(ctx)
    until(lambda: view.model.rowCount() >= 500, "open: first page of 500 shown")
    until(lambda: view.total is not None and view.chain is not None, "count and the whole chain verified")
    print(f"  {view.chain_label.text()}")
    view.model.fetchMore()
    until(lambda: view.model.rowCount() >= 1000, "scroll: the next page")
    view.kind.setCurrentIndex(view.kind.findText("Hoofdlijnen en hoofdstukken"))
    until(lambda: view.total is not None and view.model.rowCount() > 0, "filter on a rare kind (first page + count)")
    print(f"  {view.count_label.text()}")
    view.clear_filters()
    until(lambda: view.total is not None and view.model.rowCount() >= 500, "clear the filters")
    view.runner.wait()
    workspace.close()


if __name__ == "__main__":
    main(sys.argv[1])
