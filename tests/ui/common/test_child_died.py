"""A child process that dies without reporting back (killed, out of memory) gives a clear message and leaves nothing."""

from __future__ import annotations

import threading

from tests.ui.common import dying
from ui.common.background import ChildDied, TaskRunner, run_in_child


def test_a_child_that_dies_leaves_no_file_and_says_so(qapp, tmp_path):
    runner = TaskRunner()
    target = tmp_path / "raadsakkoord.pdf"
    before = set(tmp_path.iterdir())
    progress, done, errors, cleaned = [], [], [], []

    def remove_strays():
        cleaned.append(True)
        for stray in set(tmp_path.glob(".raadsakkoord.pdf.*.tmp")) - before:
            stray.unlink()

    run_in_child(runner, dying.write_then_die, (str(target),), {}, progress.append, done.append, errors.append,
                 threading.Event(), remove_strays)
    assert runner.wait(60_000)
    qapp.processEvents()
    assert done == [] and len(errors) == 1 and isinstance(errors[0], ChildDied)
    assert "onverwacht gestopt" in errors[0].message and "niets geschreven" in errors[0].message
    assert cleaned and set(tmp_path.iterdir()) == before
