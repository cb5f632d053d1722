"""Live windows: from another's commit to this window's refresh, and what SQLite's poll costs when idle.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_live_windows.py [--postgres URL] [--file FILE]

On the demo workspace, as a SQLite file and as a PostgreSQL database (an
empty database given with ``--postgres``; without it a throw-away server is
started as tests/pgserver.py does, which needs PostgreSQL's programs); with
``--file`` also on that workspace file (the run changes it: give a copy,
e.g. of the ten-times workspace). A window (the real MainWindow, its tasks
on worker threads as in the application) shows the first section as a
member of a party; a second workspace,
as the griffie elsewhere, gives that section a new text. Timed: from the
griffie's commit returning to the window's section text showing the new
words. Then the cost of one ``PRAGMA data_version`` poll while nothing
changes, and what four polls a second cost per open window.

Prints its command line, then README's rows.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from report import print_command_line, row  # noqa: E402

RUNS = 20
POLLS = 20_000


def _sp_identity(workspace):
    """A member of the SP in the demo; of the first party elsewhere."""
    import sqlalchemy as sa

    from raadsakkoord import operations as ops
    from raadsakkoord.model import Party

    with workspace.action() as session:
        parties = session.scalars(sa.select(Party).order_by(Party.short_name != "SP", Party.short_name)).all()
        return ops.Actor.of_party(parties[0].id, "Jannie Hadders"), f"Jannie Hadders ({parties[0].short_name})"


def latencies(app, target: str) -> tuple[list[float], list[float]]:
    """Per change: commit to the section showing it, and the GUI thread's longest pause until all is redrawn."""
    from raadsakkoord import operations as ops
    from raadsakkoord.store.workspace import open_workspace
    from ui.shell.mainwindow import MainWindow

    griffie = open_workspace(target)
    identity = _sp_identity(griffie)
    window = MainWindow()
    window.show()
    window.open_workspace(target, identity)
    _until(app, lambda: window.work.section_view.detail is not None, 30)
    section = window.work.section_view.detail.id
    actor = ops.Actor.griffie("Griet Griffier")
    times, pauses = [], []
    pace = random.Random(18)
    _until(app, lambda: not window.runner.busy, 30)
    try:
        for run in range(RUNS):
            marker = f"meetpunt{run}x"
            with griffie.action() as session:
                ops.revise_section(session, actor, section, f"Een nieuwe tekst met {marker}.", reason="meting")
            committed = time.perf_counter()
            shown = _until(app, lambda: marker in window.work.section_view.text_view.toPlainText(), 10)
            times.append(time.perf_counter() - committed)
            # Then the navigator and the readability scores follow (loaded on worker threads).
            settled = _until(app, lambda: not window.runner.busy, 10)
            settled = max(settled, _until(app, lambda: time.perf_counter() - committed > 1.0, 10))
            pauses.append(max(shown, settled))
            time.sleep(pace.uniform(0.05, 0.45))  # changes come at no fixed beat
    finally:
        window.close()
        griffie.close()
    return times, pauses


def _until(app, condition, limit: float) -> float:
    """Let the window work until ``condition``; its longest single turn of the event loop, in seconds."""
    deadline = time.perf_counter() + limit
    longest = 0.0
    while not condition():
        if time.perf_counter() > deadline:
            raise SystemExit("the window did not show the change in time")
        start = time.perf_counter()
        app.processEvents()
        longest = max(longest, time.perf_counter() - start)
        time.sleep(0.0005)
    return longest


def idle_cpu(app, target: str, seconds: float = 10.0) -> float:
    """CPU time of the whole process while one window sits open on the workspace and nothing changes."""
    from PySide6.QtCore import QTimer

    from raadsakkoord.store.workspace import open_workspace
    from ui.shell.mainwindow import MainWindow

    workspace = open_workspace(target)
    identity = _sp_identity(workspace)
    workspace.close()
    window = MainWindow()
    window.show()
    window.open_workspace(target, identity)
    _until(app, lambda: window.work.section_view.detail is not None and not window.runner.busy, 30)
    _until(app, lambda: window.readability_report is not None, 30)
    start = time.process_time()
    QTimer.singleShot(round(seconds * 1000), app.quit)
    app.exec()
    used = time.process_time() - start
    window.close()
    return used / seconds


def poll_cost(target: str) -> float:
    from raadsakkoord.store.listeners import SqliteListener
    from raadsakkoord.store.workspace import open_workspace

    workspace = open_workspace(target)
    listener = SqliteListener(target, workspace.origin)
    try:
        listener.poll()
        start = time.perf_counter()
        for _ in range(POLLS):
            assert listener.poll() is None
        return (time.perf_counter() - start) / POLLS
    finally:
        listener.close()
        workspace.close()


def _rows(label: str, measured: tuple[list[float], list[float]]) -> None:
    times, pauses = measured
    row(f"{label}: another's commit → this window's section shows it",
        f"median {statistics.median(times) * 1000:.0f} ms, slowest {max(times) * 1000:.0f} ms ({len(times)} changes)")
    row(f"{label}: the GUI thread's longest pause while the window follows (section, navigator, scores)",
        f"median {statistics.median(pauses) * 1000:.0f} ms, slowest {max(pauses) * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", metavar="URL", help="an empty PostgreSQL database to put the demo in")
    parser.add_argument("--file", metavar="FILE", help="a workspace file to measure on too (it is changed)")
    args = parser.parse_args()
    print_command_line()

    from PySide6.QtWidgets import QApplication

    from raadsakkoord.demo import create_demo_workspace
    from raadsakkoord.store.listeners import POLL_INTERVAL
    from ui.shell.app import configure_application, make_none_immortal

    make_none_immortal()
    app = QApplication([])
    configure_application(app)
    os.environ.setdefault("RAADSAKKOORD_DATA_DIR", tempfile.mkdtemp(prefix="bench-live-"))
    folder = Path(tempfile.mkdtemp(prefix="bench-live-"))
    sqlite_target = str(folder / "demo.raadsakkoord")
    create_demo_workspace(sqlite_target).close()
    _rows("SQLite file, demo", latencies(app, sqlite_target))
    if args.file:
        _rows(f"SQLite file, {Path(args.file).name}", latencies(app, str(Path(args.file).resolve())))

    server = None
    url = args.postgres
    if url is None:
        from tests.pgserver import PostgresServer

        server = PostgresServer()
        server.start()
        url = server.create_database("bench_live")
    try:
        create_demo_workspace(url).close()
        _rows("PostgreSQL, demo", latencies(app, url))
    finally:
        if server is not None:
            server.stop()

    per_poll = poll_cost(sqlite_target)
    interval = POLL_INTERVAL
    row("SQLite poll while nothing changes (PRAGMA data_version), per poll", f"{per_poll * 1e6:.1f} µs")
    row(f"  every {interval * 1000:.0f} ms: CPU per open window", f"{per_poll / interval * 100:.4f} % of one core")
    row("a window open on the SQLite file, nothing changing, for 10 s: CPU of the whole process",
        f"{idle_cpu(app, sqlite_target) * 100:.2f} % of one core")


if __name__ == "__main__":
    main()
