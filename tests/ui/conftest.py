"""Fixtures for the window's parts: settings in the test's data folder, a runner, captured messages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from ui import messages
from ui.app import configure_application
from ui.tasks import TaskRunner


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
    """Everything the code told the user through ui.messages, instead of modal boxes."""

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
