"""The window keeps turning its event loop while a package of 1,000 amendments is read in.

On a worker thread it did not: the import holds the GIL, and PySide needs the
GIL for every call from Qt into Python, so the window froze for up to the
whole import (the first version of this test failed that way about half the
time). The import now runs in a worker process (ui/common/background.py
run_in_process). How long the loop's longest pause is: benchmarks/bench_responsiveness.py.
"""

from PySide6.QtCore import QTimer

from tests.largework import PER_SECTION, SECTIONS, thousand_amendment_package
from tests.ui.conftest import griffie_identity
from ui.exchange import packages as exchangeui

def test_the_event_loop_turns_while_1000_amendments_are_imported(tmp_path, make_window, monkeypatch, qtbot):
    griffie_path, data = thousand_amendment_package(tmp_path)
    package = tmp_path / "f1.rkpkg"
    package.write_bytes(data)
    reports = []
    monkeypatch.setattr(exchangeui, "show_import_report", lambda parent, outcomes: reports.append(outcomes))
    window = make_window(synchronous=False)  # the real thread pool
    assert window.open_workspace(griffie_path, griffie_identity())
    qtbot.waitUntil(lambda: window.navigator.model.rowCount() == 1, timeout=10_000)

    # What a timer on the window's event loop sees until the import's report
    # comes: the status bar. A frozen window would see nothing.
    seen: list[str] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: seen.append(window.statusBar().currentMessage()))
    timer.start()
    window.import_packages([str(package)])
    qtbot.waitUntil(lambda: bool(reports), timeout=120_000)
    timer.stop()

    assert reports[0][0].report.counts[("amendments", "new")] == SECTIONS * PER_SECTION
    reading = seen.count("Pakket 1 van 1 wordt ingelezen: f1.rkpkg…")
    assert reading >= 10, (reading, len(seen))  # the loop turned, saying what it does, while 1,000 came in
    assert window.statusBar().currentMessage() == "Pakketten: 1 ingelezen."
