"""The drafting window on the ten-times dataset: start-up, selecting, switching tabs, typing.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_ui.py WORKSPACE

WORKSPACE is the file `bench_workspace.py --target WORKSPACE` builds (1,000
sections, 20,000 amendments, 40 parties). The script first tops up the
section with the most amendments to 40, then times real signal handling in
the real window, as a person would drive it:

- start-up: a fresh process, from launch to a window with the navigator
  filled and the first section shown (measured from outside the process);
- selecting that section (query, render of the shown tab);
- switching between its four tabs;
- typing in the editor on the longest section of the dataset: each key
  press (key event, undo command, highlighting, plain-language marks), and
  each debounced live update (tracked-change diff and score), which runs on
  a worker thread for a text this long and is timed from the timer firing
  to the view showing the result;
- beside the user: the readability scores the window computes on a thread
  after start-up (in the start-up processes: from the window handing the
  work to its runner to the scores shown in the navigator), and the worker
  process for imports and publishing: a real import of a party package as
  the task that starts the process, and the same import as a later task,
  each until its result is delivered on the GUI thread.

Prints its command line, then README's rows in README's order.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Nothing else at the top: the worker process imports this module (as every
# process started with "spawn" imports the main module), and the
# application's own main module is as light.
from report import print_command_line, row  # noqa: E402

STARTUP_RUNS = 10
RUNS = 15
WORKER_RUNS = 5

STARTUP = """
import sys, time
from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication
from ui.shell.app import configure_application, make_none_immortal
make_none_immortal()
app = QApplication([])
configure_application(app)
from raadsakkoord import operations as ops
from ui.shell.mainwindow import MainWindow
window = MainWindow()
run = window.runner.run


def timed_run(work, on_done, on_error):
    # Every task of the window, timed from being handed to the runner to its result being shown; the one
    # that brings the readability scores is reported. Costs nothing measurable.
    submitted = time.perf_counter()

    def done(result):
        before = window.readability_report
        on_done(result)
        if before is None and window.readability_report is not None:
            print(f"readability {time.perf_counter() - submitted:.6f}", flush=True)

    run(work, done, on_error)


window.runner.run = timed_run
window.show()
window.open_workspace(sys.argv[1], (ops.Actor.griffie("Benchmark"), "Benchmark (griffie)"))
while window.work.section_view.detail is None:
    app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)  # idle as app.exec() would be
print("usable", flush=True)
while window.readability_report is None:
    app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
"""


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def spread_ms(found: list[float]) -> str:
    return f"median {ms(statistics.median(found))}, max {ms(max(found))}"


def startup(path: str, runs: int = STARTUP_RUNS) -> tuple[list[float], list[float]]:
    """Start-up to a usable window, measured from outside; and the readability scores that follow, from inside."""
    times, readability = [], []
    for _ in range(runs):
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-c", STARTUP, path], stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL, text=True, cwd=Path(__file__).resolve().parent.parent)
        line = process.stdout.readline()
        times.append(time.perf_counter() - started)  # usable: what happens after is not start-up
        assert line.strip() == "usable", line
        word, seconds = process.stdout.readline().split()
        assert word == "readability", word
        readability.append(float(seconds))
        process.kill()
        process.communicate()
    return times, readability


def top_up(path: str, target: int = 40):
    """Give the busiest section `target` amendments; returns (its id, the longest section's id)."""
    import sqlalchemy as sa

    from raadsakkoord import operations as ops
    from raadsakkoord.model import (
        Amendment,
        AmendmentStatus,
        Chapter,
        Party,
        Revision,
        Section,
    )
    from raadsakkoord.store.workspace import open_workspace

    workspace = open_workspace(path)
    with workspace.action() as s:
        # Of the sections with the most amendments, the last in the agreement: the same one in every build
        # (and not the first, which start-up shows).
        busiest, count = s.execute(
            sa.select(Amendment.section_id, sa.func.count()).join(Section, Amendment.section_id == Section.id)
            .join(Chapter, Section.chapter_id == Chapter.id).where(Amendment.status == AmendmentStatus.SUBMITTED)
            .group_by(Amendment.section_id, Chapter.position, Section.position)
            .order_by(sa.func.count().desc(), Chapter.position.desc(), Section.position.desc()).limit(1)).one()
        longest = s.execute(sa.select(Section.id).join(Revision, Section.current_revision_id == Revision.id)
                            .order_by(sa.func.length(Revision.text).desc()).limit(1)).scalar_one()
        parties = s.scalars(sa.select(Party.id).order_by(Party.short_name)).all()
        text = s.get(Section, busiest).text
        for n in range(count, target):
            actor = ops.Actor.of_party(parties[n % len(parties)], f"Lid {n}")
            words = text.split(" ")
            words[(n * 7) % len(words)] = f"aangepast{n}"
            ops.propose_amendment(s, actor, kind="modify", section_id=busiest, headline=f"Wijziging {n}",
                                  text=" ".join(words), submit=True)
        total = s.scalar(sa.select(sa.func.count()).where(Amendment.section_id == busiest,
                                                          Amendment.status == AmendmentStatus.SUBMITTED))
        longest_words = len(s.get(Section, longest).text.split())
    workspace.close()
    return busiest, total, longest, longest_words


def worker_process(runs: int = WORKER_RUNS) -> tuple[list[float], list[float], int]:
    """A real import in the worker process: as the task that starts it, and as a later task.

    The same party package is read into a fresh copy of the same griffie
    workspace each time, through ``TaskRunner.run_in_process`` as the window
    does it, timed until the outcome is delivered on the GUI thread; the
    process is stopped before each first task.
    """
    import shutil
    import tempfile

    import bench_exchange  # sets RAADSAKKOORD_DATA_DIR (the keys) when unset; the worker inherits it
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from raadsakkoord.jobs.packages import PackageOutcome, read_package_file_at
    from ui.common import background
    from ui.common.background import TaskRunner, shut_down_processes

    folder = tempfile.mkdtemp(prefix="raadsakkoord-bench-worker-")
    setup = bench_exchange.party_setup(folder, 100, n_sections=10)
    data, _ = bench_exchange.export_party(setup)
    package = os.path.join(folder, "f0.rkpkg")
    Path(package).write_bytes(data)
    app = QApplication.instance()
    runner = TaskRunner()
    count = 0

    def task(name: str) -> float:
        nonlocal count
        copy = shutil.copyfile(setup.griffie_path, os.path.join(folder, name))
        done: list = []
        started = time.perf_counter()
        runner.run_in_process(read_package_file_at, (copy, bench_exchange.GRIFFIE, package, "nl"),
                              done.append, done.append)
        while not done:
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        elapsed = time.perf_counter() - started
        outcome = done[0]
        assert isinstance(outcome, PackageOutcome) and outcome.changed, outcome
        count = outcome.report.counts[("amendments", "new")]
        return elapsed

    first, later = [], []
    for n in range(runs):
        shut_down_processes()
        assert background._pool is None  # so the next task starts the process
        first.append(task(f"first-{n}.raadsakkoord"))
        workers = set(background._pool._processes)
        assert workers and os.getpid() not in workers
        later.append(task(f"later-{n}.raadsakkoord"))
        assert set(background._pool._processes) == workers  # the same process did it
    shut_down_processes()
    return first, later, count


def main() -> None:
    if len(sys.argv) != 2 or not Path(sys.argv[1]).exists():
        sys.exit("gebruik: bench_ui.py WERKRUIMTE (gemaakt met bench_workspace.py --target WERKRUIMTE)")
    print_command_line()
    path = sys.argv[1]
    busiest, total, longest, longest_words = top_up(path)

    import sqlalchemy as sa
    from PySide6.QtCore import QElapsedTimer
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from raadsakkoord import operations as ops
    from raadsakkoord.model import Party
    from raadsakkoord.store.workspace import open_workspace
    from ui.drafting.livediff import THREAD_THRESHOLD
    from ui.shell.app import configure_application, make_none_immortal
    from ui.shell.mainwindow import MainWindow

    startups, readability = startup(path)

    make_none_immortal()
    app = QApplication([])
    configure_application(app)
    workspace = open_workspace(path)
    with workspace.action() as s:
        party = s.scalars(sa.select(Party).order_by(Party.short_name)).first()
        actor = ops.Actor.of_party(party.id, "Benchmark")
    workspace.close()
    window = MainWindow()
    window.resize(1400, 860)
    window.show()
    window.open_workspace(path, (actor, f"Benchmark ({party.short_name})"))
    while window.work.section_view.detail is None or window.readability_report is None:
        app.processEvents()
    view = window.work.section_view
    sections = sum(len(chapter.sections) for chapter in window.outline.chapters)
    other = window.outline.chapters[0].sections[0].id
    assert other != busiest

    def select_once() -> float:
        # Another section first, outside the timed part, so that each sample is one real selection.
        window.navigator.select(other)
        app.processEvents()
        timer = QElapsedTimer()
        timer.start()
        window.navigator.select(busiest)
        elapsed = timer.nsecsElapsed() / 1e9
        app.processEvents()
        return elapsed

    selecting = {}
    for tab in (0, 3):  # text, amendments
        view.setCurrentIndex(tab)
        selecting[tab] = [select_once() for _ in range(RUNS)]

    def switch(tab: int) -> float:
        # Shown first on another tab, so the one switched to has not been rendered yet.
        view.setCurrentIndex(0 if tab else 1)
        window.navigator.select(other)
        window.navigator.select(busiest)
        app.processEvents()
        assert tab not in view._rendered
        timer = QElapsedTimer()
        timer.start()
        view.setCurrentIndex(tab)
        elapsed = timer.nsecsElapsed() / 1e9
        app.processEvents()
        return elapsed

    switching = {tab: [switch(tab) for _ in range(RUNS)] for tab in (1, 2, 3, 0)}

    window.navigator.select(longest)
    view.write_button.click()
    editor = window.work.current_editor()
    editor.text_edit.setFocus()
    editor.text_edit.moveCursor(QTextCursor.MoveOperation.End)
    app.processEvents()
    updates: list[float] = []
    inline = 0  # updates short enough to be computed on the GUI thread
    original_start = editor.live._start

    def timed_start():
        nonlocal inline
        timer = QElapsedTimer()
        timer.start()
        generation = editor.live._generation
        if editor.live._pending is not None and sum(map(len, editor.live._pending)) < THREAD_THRESHOLD:
            inline += 1
        original_start()
        while editor.live.last is None or editor.live.last.generation != generation:
            app.processEvents()
            if editor.live._generation != generation:
                return
        updates.append(timer.nsecsElapsed() / 1e9)

    editor.live._timer.timeout.disconnect()
    editor.live._timer.timeout.connect(timed_start)
    keys: list[float] = []
    sentence = "De gemeente zorgt teneinde de wijk leefbaar te houden voor meer groen en minder verkeer. "
    for index, char in enumerate(sentence * 2):
        timer = QElapsedTimer()
        timer.start()
        QTest.keyClick(editor.text_edit, char)
        keys.append(timer.nsecsElapsed() / 1e9)
        if index % 25 == 24:  # a pause, as writers make: the live view catches up
            QTest.qWait(250)
    QTest.qWait(400)
    editor.model.saved_fields = editor.model.state.fields()
    window.work.close_editors()
    window.close()
    first, later, package_amendments = worker_process()

    row(f"start-up of a fresh process to a usable window (navigator of {sections:,} sections filled, "
        f"first section shown; {len(startups)} runs)",
        f"median {statistics.median(startups):.2f} s, max {max(startups):.2f} s")
    row(f"select the section with {total} amendments, text tab shown ({RUNS} runs)", spread_ms(selecting[0]))
    row(f"select it with the amendments tab shown ({RUNS} runs)", spread_ms(selecting[3]))
    medians = " / ".join(ms(statistics.median(switching[tab])).removesuffix(" ms") for tab in (1, 2, 3, 0))
    row(f'switch to "changes since the previous round" / "history" / "amendments" / "text" ({RUNS} runs each)',
        f"median {medians} ms, max {ms(max(max(found) for found in switching.values()))}")
    row(f"a key press in the editor on the longest section ({longest_words:,} words; event, undo step, "
        f"highlighting with plain-language marks; {len(keys)} keys)", spread_ms(keys))
    where = "worker thread" if not inline else f"{inline} of them on the GUI thread, the text being short"
    row(f"the live update after a pause: tracked changes and readability score ({where}; "
        f"{len(updates)} updates)", spread_ms(updates) if updates else "no update happened")
    row(f"readability of every section and chapter, computed on a thread after start-up "
        f"(runner to navigator; {len(readability)} start-ups)",
        f"median {statistics.median(readability):.2f} s, max {max(readability):.2f} s")
    row(f"the worker process for imports and publishing, a real import ({package_amendments} amendments): "
        f"first task (starting it) / a later task ({len(first)} runs)",
        f"median {statistics.median(first):.2f} s / {statistics.median(later):.2f} s, "
        f"max {max(first):.2f} s / {max(later):.2f} s")

if __name__ == "__main__":
    main()
