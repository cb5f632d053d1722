"""The audit view on a big log: the first page shown, the whole chain verified, and the GUI thread's longest pause.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_audit.py WORKSPACE

WORKSPACE is a copy of the ten-times dataset (bench_workspace.py; about
120,000 audit events); the script only reads it. Each run binds a fresh,
shown AuditView to it, as opening the log does, and runs a real event loop
(as ``app.exec()`` would) until the chain is verified. The work runs on the
view's real runner (a thread pool); times are from ``bind`` to:

- the first page of 500 events in the table;
- the chain verified and its line shown.

Meanwhile a 2 ms heartbeat timer on the GUI thread records the largest gap
between two of its beats: the longest the window did not respond (what a
clerk would feel as a frozen window), to within the beat.

Prints its command line, then README's row: median and max over 10 runs.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from report import print_command_line, row  # noqa: E402

RUNS = 10
BEAT_MS = 2


def main(path: str) -> None:
    print_command_line()
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from raadsakkoord import operations as ops
    from raadsakkoord.store.workspace import open_workspace
    from ui.common.background import TaskRunner
    from ui.common.context import Changes, Context
    from ui.griffie.auditview import PAGE, AuditView
    from ui.shell.app import configure_application, make_none_immortal

    make_none_immortal()  # as the application does (PySide6's None refcount bug on Python 3.11)
    app = QApplication([])
    configure_application(app)
    workspace = open_workspace(path)
    ctx = Context(workspace, ops.Actor.griffie("Benchmark"), "Benchmark (griffie)", Changes())

    def one_run() -> tuple[float, float, float, int]:
        view = AuditView(runner=TaskRunner())
        view.resize(1200, 700)
        view.show()
        app.processEvents()
        loop = QEventLoop()
        found: dict[str, float] = {"gap": 0.0}

        def beat() -> None:
            now = time.perf_counter()
            found["gap"] = max(found["gap"], now - found["last"])
            found["last"] = now
            if "page" not in found and view.model.rowCount() >= PAGE:
                found["page"] = now - started
            if "chain" not in found and view.chain is not None:
                found["chain"] = now - started
            if "page" in found and "chain" in found:
                loop.quit()

        heartbeat = QTimer()
        heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
        heartbeat.setInterval(BEAT_MS)
        heartbeat.timeout.connect(beat)
        started = found["last"] = time.perf_counter()
        heartbeat.start()
        view.bind(ctx)
        QTimer.singleShot(120_000, loop.quit)
        loop.exec()
        heartbeat.stop()
        if "page" not in found or "chain" not in found:
            raise SystemExit("no first page or no verified chain after two minutes")
        assert view.chain.report.ok, view.chain_label.text()
        events = view.chain.report.events
        view.runner.wait()
        view.close()
        view.deleteLater()
        app.processEvents()
        return found["page"], found["chain"], found["gap"], events

    runs = [one_run() for _ in range(RUNS)]
    pages, chains, gaps = ([r[n] for r in runs] for n in range(3))
    events = runs[0][3]
    row(f"the log: first {PAGE} of {events:,} events shown / chain verified (worker) ({RUNS} runs)",
        f"median {statistics.median(pages):.2f} s / {statistics.median(chains):.1f} s, "
        f"max {max(pages):.2f} s / {max(chains):.1f} s")
    row(f"the same: the GUI thread's longest pause while it loads (largest gap between {BEAT_MS} ms heartbeats)",
        f"median {statistics.median(gaps) * 1000:.0f} ms, max {max(gaps) * 1000:.0f} ms")
    workspace.close()


if __name__ == "__main__":
    if len(sys.argv) != 2 or not Path(sys.argv[1]).exists():
        sys.exit("gebruik: bench_audit.py WERKRUIMTE (een kopie van de tienvoudige werkruimte)")
    main(sys.argv[1])
