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
- beside the user: the readability scores the window computes after
  start-up, and the first and a later task of the worker process.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sqlalchemy as sa  # noqa: E402

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
window.show()
window.open_workspace(sys.argv[1], (ops.Actor.griffie("Benchmark"), "Benchmark (griffie)"))
while window.work.section_view.detail is None:
    app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)  # idle as app.exec() would be
print("usable", flush=True)
"""


def ms(seconds: float) -> str:
    return f"{seconds * 1000:6.1f} ms"


def startup(path: str, runs: int = 5) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-c", STARTUP, path], stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL, text=True, cwd=Path(__file__).resolve().parent.parent)
        line = process.stdout.readline()
        times.append(time.perf_counter() - started)  # usable: what happens after is not start-up
        process.kill()
        process.communicate()
        assert line.strip() == "usable", line
    return times


def top_up(path: str, target: int = 40):
    """Give the busiest section `target` amendments; returns (its id, the longest section's id)."""
    from raadsakkoord import operations as ops
    from raadsakkoord.model import Amendment, AmendmentStatus, Party, Revision, Section
    from raadsakkoord.store.workspace import open_workspace

    workspace = open_workspace(path)
    with workspace.action() as s:
        busiest, count = s.execute(
            sa.select(Amendment.section_id, sa.func.count()).where(Amendment.status == AmendmentStatus.SUBMITTED)
            .group_by(Amendment.section_id).order_by(sa.func.count().desc()).limit(1)).one()
        longest = s.execute(sa.select(Section.id).join(Revision, Section.current_revision_id == Revision.id)
                            .order_by(sa.func.length(Revision.text).desc()).limit(1)).scalar_one()
        parties = s.scalars(sa.select(Party.id)).all()
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


def background(path: str) -> None:
    """Work the window does beside the user: the readability scores after start-up (a thread), and
    the first use of the worker process that imports packages and publishes rounds."""
    from raadsakkoord.queries.outline import agreement_outline
    from raadsakkoord.queries.readability import report_of
    from raadsakkoord.store.workspace import open_workspace

    workspace = open_workspace(path)
    with workspace.action() as session:
        outline = agreement_outline(session)
    workspace.close()
    started = time.perf_counter()
    report_of(outline.chapters)
    print(f"readability of every section and chapter (thread, after start-up): {time.perf_counter() - started:.2f} s")

    from PySide6.QtWidgets import QApplication

    from ui.common.background import TaskRunner, shut_down_processes

    app = QApplication.instance()
    runner = TaskRunner()
    done: list = []
    started = time.perf_counter()
    runner.run_in_process(os.getpid, (), done.append, done.append)
    while not done:
        app.processEvents()
        time.sleep(0.005)
    first = time.perf_counter() - started
    done.clear()
    started = time.perf_counter()
    runner.run_in_process(os.getpid, (), done.append, done.append)
    while not done:
        app.processEvents()
        time.sleep(0.005)
    print(f"worker process: first task {first:.2f} s (starting it), next task {time.perf_counter() - started:.3f} s")
    shut_down_processes()


def main() -> None:
    if len(sys.argv) != 2 or not Path(sys.argv[1]).exists():
        sys.exit("gebruik: bench_ui.py WERKRUIMTE (gemaakt met bench_workspace.py --target WERKRUIMTE)")
    path = sys.argv[1]
    busiest, total, longest, longest_words = top_up(path)

    from PySide6.QtCore import QElapsedTimer
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from raadsakkoord import operations as ops
    from raadsakkoord.model import Party
    from raadsakkoord.store.workspace import open_workspace
    from ui.shell.app import configure_application, make_none_immortal
    from ui.shell.mainwindow import MainWindow

    times = startup(path)
    print(f"start-up to a usable window (fresh process, navigator of 1,000 sections filled): "
          f"median {statistics.median(times):.2f} s, max {max(times):.2f} s over {len(times)} runs")

    make_none_immortal()
    app = QApplication([])
    configure_application(app)
    workspace = open_workspace(path)
    with workspace.action() as s:
        party = s.scalars(sa.select(Party)).first()
        actor = ops.Actor.of_party(party.id, "Benchmark")
    workspace.close()
    window = MainWindow()
    window.resize(1400, 860)
    window.show()
    window.open_workspace(path, (actor, f"Benchmark ({party.short_name})"))
    while window.work.section_view.detail is None or window.readability_report is None:
        app.processEvents()
    view = window.work.section_view

    def timed(action, runs: int = 15) -> list[float]:
        found = []
        for _ in range(runs):
            timer = QElapsedTimer()
            timer.start()
            action()
            found.append(timer.nsecsElapsed() / 1e9)
            app.processEvents()
        return found

    def report(label: str, found: list[float]) -> None:
        print(f"  {label:<58} median {ms(statistics.median(found))}   max {ms(max(found))}")

    print(f"selecting and switching, the section with {total} amendments:")
    other = window.outline.chapters[0].sections[0].id
    for tab, name in ((0, "text"), (3, "amendments")):
        view.setCurrentIndex(tab)

        def select(tab=tab):
            window.navigator.select(other)
            window.navigator.select(busiest)

        found = timed(select)
        report(f"select it (tab '{name}' shown; includes selecting another first)", found)
    for tab, name in ((1, "changes since previous round"), (2, "history"), (3, "amendments"), (0, "text")):
        def switch(tab=tab):
            # Shown first on another tab, so the one switched to has not been rendered yet.
            view.setCurrentIndex(0 if tab else 1)
            window.navigator.select(other)
            window.navigator.select(busiest)
            assert tab not in view._rendered
            timer = QElapsedTimer()
            timer.start()
            view.setCurrentIndex(tab)
            return timer.nsecsElapsed() / 1e9

        found = [switch() for _ in range(15)]
        report(f"switch to tab '{name}'", found)

    window.navigator.select(longest)
    view.write_button.click()
    editor = window.work.current_editor()
    editor.text_edit.setFocus()
    editor.text_edit.moveCursor(QTextCursor.MoveOperation.End)
    app.processEvents()
    updates: list[float] = []
    original_start = editor.live._start

    def timed_start():
        timer = QElapsedTimer()
        timer.start()
        generation = editor.live._generation
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
    print(f"typing in the editor, longest section ({longest_words:,} words):")
    report(f"key press ({len(keys)} keys: event, undo step, highlighting)", keys)
    if updates:
        report(f"live tracked changes + readability score ({len(updates)} updates, worker)", updates)
    editor.model.saved_fields = editor.model.state.fields()
    window.work.close_editors()
    window.close()
    background(path)


if __name__ == "__main__":
    main()
