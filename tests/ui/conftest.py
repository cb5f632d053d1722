"""Fixtures for the window and its parts: a demo workspace per test, who works in it, and the dialogs."""

from __future__ import annotations

import gc
import shutil

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QSettings

from raadsakkoord import operations as ops
from raadsakkoord.model import Party
from ui.common import messages
from ui.shell.app import configure_application, make_none_immortal
from ui.shell.mainwindow import MainWindow
from ui.common.background import TaskRunner

# As the application does at start: PySide6 on Python 3.11 drops references to None
# (see ui/shell/app.py), and a whole test session makes many Qt calls.
make_none_immortal()


@pytest.fixture(scope="session", autouse=True)
def gui_thread_collector(qapp):
    """As the application does: cycles are collected on the GUI thread only, never in a worker."""
    from ui.common.collector import collect_on_gui_thread

    collector = collect_on_gui_thread(qapp)
    yield collector
    collector.stop()


@pytest.fixture(autouse=True)
def _collect_after_each_test(gui_thread_collector):
    yield
    gc.collect()  # on the GUI thread, between tests that may not have spun the event loop


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory):
    """The demo built once per test run; tests work on copies."""
    from raadsakkoord.demo import create_demo_workspace

    path = tmp_path_factory.mktemp("demo") / "demo.raadsakkoord"
    create_demo_workspace(str(path)).close()
    return path


@pytest.fixture
def demo_path(demo_master, tmp_path):
    target = tmp_path / "assen.raadsakkoord"
    shutil.copyfile(demo_master, target)
    return str(target)


def party_identity(workspace, short_name: str, person: str = "Pim Peters"):
    with workspace.action() as session:
        party = session.scalars(sa.select(Party).where(Party.short_name == short_name)).one()
        return ops.Actor.of_party(party.id, person), f"{person} ({short_name})"


def griffie_identity(person: str = "Griet Griffier"):
    return ops.Actor.griffie(person), f"{person} (griffie)"


@pytest.fixture
def make_window(qtbot, qapp):
    configure_application(qapp)

    def make(*, synchronous: bool = True) -> MainWindow:
        win = MainWindow(runner=TaskRunner(synchronous=synchronous))
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        return win

    return make


@pytest.fixture
def window(make_window):
    return make_window()


class Dialogs:
    """Stands in for the modal dialogs of ui.common.messages, so no test can hang on one.

    Tests read what would have been shown, and set the answers they want.
    """

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []
        self.answers: list[bool] = []
        self.close_choice = "discard"

    def show_error(self, parent, title, text):
        self.shown.append((title, text))

    show_info = show_error

    def show_bug(self, parent, text, details=""):
        self.shown.append(("bug", text))

    def ask(self, parent, title, text, *, yes, no):
        self.shown.append((title, text))
        return self.answers.pop(0) if self.answers else False

    def ask_three(self, parent, title, text, *, save, discard, cancel):
        self.shown.append((title, text))
        return self.close_choice


@pytest.fixture(autouse=True)
def dialogs(monkeypatch):
    fake = Dialogs()
    for name in ("show_error", "show_info", "show_bug", "ask", "ask_three"):
        monkeypatch.setattr(messages, name, getattr(fake, name))
    return fake


@pytest.fixture
def settings(qapp) -> QSettings:
    """QSettings as the application has them: INI in this test's own data folder (see conftest's data dir)."""
    configure_application(qapp)
    return QSettings()


@pytest.fixture
def runner(qapp) -> TaskRunner:
    """Tasks run inline, so a test sees their result at once."""
    return TaskRunner(synchronous=True)


class Said:
    """Everything the code told the user through ui.common.messages, instead of modal boxes."""

    def __init__(self) -> None:
        self.errors: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.bugs: list[str] = []
        self.questions: list[str] = []
        self.answer = True

    def ask(self, parent, title, text, *, yes, no):
        self.questions.append(text)
        return self.answer


@pytest.fixture
def said(monkeypatch) -> Said:
    s = Said()
    monkeypatch.setattr(messages, "show_error", lambda parent, title, text: s.errors.append((title, text)))
    monkeypatch.setattr(messages, "show_info", lambda parent, title, text: s.infos.append((title, text)))
    monkeypatch.setattr(messages, "show_bug", lambda parent, text, details="": s.bugs.append(text))
    monkeypatch.setattr(messages, "ask", s.ask)
    return s
