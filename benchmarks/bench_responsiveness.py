"""How long the window's event loop pauses while long work runs in the worker process.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_responsiveness.py [--runs N]

1. Reading in a party package of 1,000 amendments (50 sections × 20) in the
   main window, as the griffie: from the call until the import report.
2. Publishing a round from the publish dialog that rebases 600 amendments
   (20 sections × 30, every section revised since they were written).

A 10 ms timer runs on the GUI thread throughout; for each run the script
prints how long the work took, how often the timer fired and the longest
pause between two firings (what a user would feel as a stutter). Each run
has a window of its own, so each also starts the worker process. The tests
(tests/ui/exchange/test_import_responsive.py,
tests/ui/griffie/test_publishdialog.py) only check that the loop turned.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("RAADSAKKOORD_DATA_DIR", tempfile.mkdtemp(prefix="raadsakkoord-bench-"))
# Its signing keys go into passphrase-encrypted files in that throwaway folder, never into the user's keychain.
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
os.environ.setdefault("RAADSAKKOORD_KEY_PASSPHRASE", "wachtwoordzin van deze meting")

from raadsakkoord import operations as ops  # noqa: E402
from raadsakkoord.store.workspace import open_workspace  # noqa: E402
from tests.largework import PER_SECTION, SECTIONS, six_hundred_to_rebase, thousand_amendment_package  # noqa: E402



def watched(app, start, done) -> tuple[float, int, float, float]:
    """Run ``start()``, turn the event loop until ``done()``: seconds, timer firings, the longest
    pause and when it ended (seconds after the start)."""
    from PySide6.QtCore import QEventLoop, QTimer

    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    started = time.perf_counter()
    start()
    while not done():
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    took = time.perf_counter() - started
    timer.stop()
    ends = [*ticks, started + took]
    longest, ended = max((b - a, b - started) for a, b in zip([started, *ends], ends))
    return took, len(ticks), longest, ended


def report(label: str, took: float, ticks: int, longest: float, ended: float) -> None:
    print(f"  {label:<26} {took:5.2f} s, timer fired {ticks:4d} times (every 10 ms), "
          f"longest pause {longest * 1000:6.1f} ms (ending at {ended:4.2f} s)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs

    from PySide6.QtWidgets import QApplication

    from ui.common.background import TaskRunner, shut_down_processes
    from ui.common.context import Changes, Context
    from ui.exchange import packages as exchangeui
    from ui.griffie.publishdialog import publish_round_dialog
    from ui.shell.app import configure_application, make_none_immortal
    from ui.shell.mainwindow import MainWindow

    make_none_immortal()
    app = QApplication([])
    configure_application(app)
    reports: list = []
    exchangeui.show_import_report = lambda parent, outcomes: reports.append(outcomes)  # no modal box to click
    folder = Path(tempfile.mkdtemp(prefix="raadsakkoord-bench-responsiveness-"))
    griffie_path, data = thousand_amendment_package(folder)
    package = folder / "f1.rkpkg"
    package.write_bytes(data)
    master = folder / "griffie-master.raadsakkoord"
    Path(griffie_path).replace(master)

    print(f"reading in a package of {SECTIONS * PER_SECTION:,} amendments in the main window:")
    for run in range(runs):
        copy = folder / f"griffie-{run}.raadsakkoord"
        copy.write_bytes(master.read_bytes())
        window = MainWindow(runner=TaskRunner())
        window.show()
        window.open_workspace(str(copy), (ops.Actor.griffie("Benchmark"), "Benchmark (griffie)"))
        reports.clear()
        figures = watched(app, lambda: window.import_packages([str(package)]), lambda: bool(reports))
        report(f"run {run + 1}", *figures)
        window.close()
        window.deleteLater()
    shut_down_processes()

    print("publishing a round that rebases 600 amendments, from the publish dialog:")
    for run in range(runs):
        path = str(folder / f"publiceren-{run}.raadsakkoord")
        six_hundred_to_rebase(path)
        workspace = open_workspace(path)
        ctx = Context(workspace, ops.Actor.griffie("Benchmark"), "Benchmark (griffie)", Changes())
        runner = TaskRunner()
        dialog = publish_round_dialog(None, ctx, runner, lambda line: None)
        while dialog.readiness is None:
            app.processEvents()
        figures = watched(app, lambda: dialog.start(final=False, label="", note=""),
                          lambda: dialog.result is not None)
        report(f"run {run + 1}", *figures)
        while runner.busy:  # the overview is read again after publishing
            app.processEvents()
        dialog.close()
        workspace.close()
    shut_down_processes()


if __name__ == "__main__":
    main()
