"""A worker process that dies takes no later task with it: the next task starts a new process.

The worker process ends itself (``os._exit``), as a crash or the system
running out of memory would end it.
"""

from __future__ import annotations

import os

import pytest

from tests.ui.common import dying
from ui.common.background import TaskRunner, WorkerStopped

LONG = 60_000  # starting a process takes about a second; a loaded machine takes longer
RESTARTED = "Hulpproces opnieuw gestart"


@pytest.fixture
def runner(qapp):
    runner = TaskRunner()
    yield runner
    assert runner.wait()


class Outcome:
    def __init__(self) -> None:
        self.results: list = []
        self.errors: list[BaseException] = []

    def callbacks(self):
        return self.results.append, self.errors.append

    @property
    def done(self) -> bool:
        return bool(self.results or self.errors)


def test_a_task_whose_worker_dies_fails_clearly_and_the_next_task_runs(runner, qtbot, dialogs):
    first = Outcome()
    runner.run_in_process(dying.die, (), *first.callbacks())
    qtbot.waitUntil(lambda: first.done, timeout=LONG)
    [error] = first.errors
    assert isinstance(error, WorkerStopped)
    assert error.message.startswith("Het hulpproces voor inlezen en publiceren is onverwacht gestopt")
    assert dialogs.shown == []  # the task's own failure callback tells the user, not the runner as well

    second = Outcome()
    runner.run_in_process(os.getpid, (), *second.callbacks())
    qtbot.waitUntil(lambda: second.done, timeout=LONG)
    assert second.errors == []
    assert second.results[0] != os.getpid()  # a new worker process, and the same runner
    assert not runner.busy


def test_a_task_safe_to_repeat_runs_once_more_and_the_user_is_told_once(runner, qtbot, dialogs, tmp_path):
    outcome = Outcome()
    runner.run_in_process(dying.die_first_time, (str(tmp_path / "gestorven"),), *outcome.callbacks(),
                          retry_if_stopped=True)
    qtbot.waitUntil(lambda: outcome.done, timeout=LONG)
    assert outcome.errors == []
    assert outcome.results[0] != os.getpid()
    assert [title for title, _text in dialogs.shown] == [RESTARTED]
    assert "wordt nog één keer geprobeerd" in dialogs.shown[0][1]


def test_a_task_is_run_again_only_once(runner, qtbot, dialogs):
    outcome = Outcome()
    runner.run_in_process(dying.die, (), *outcome.callbacks(), retry_if_stopped=True)
    qtbot.waitUntil(lambda: outcome.done, timeout=LONG)
    assert [type(e) for e in outcome.errors] == [WorkerStopped]
    assert [title for title, _text in dialogs.shown] == [RESTARTED]

    after = Outcome()
    runner.run_in_process(os.getpid, (), *after.callbacks())
    qtbot.waitUntil(lambda: after.done, timeout=LONG)
    assert after.errors == [] and after.results
