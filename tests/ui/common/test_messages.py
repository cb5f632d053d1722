"""Message boxes show what a package or workspace holds as plain text, never as markup or control codes."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

# The real functions: the UI tests' autouse fixture replaces them on the module.
from ui.common.messages import ask, show_error, show_info

HOSTILE = ("gl.rkpkg is ondertekend door <img src='http://example.invalid/x.png'><b>GL</b>"
           "\x1b[2J\x1b]0;titel\x07\r\x9b\u202e")


def _shown_by(qtbot, show) -> QMessageBox:
    seen = []

    def close():
        box = QApplication.activeModalWidget()
        seen.append((box.text(), box.textFormat()))
        box.done(0)

    QTimer.singleShot(0, close)
    show()
    return seen[0]


def test_error_and_information_are_plain_text(qtbot):
    for show in (show_error, show_info):
        text, text_format = _shown_by(qtbot, lambda show=show: show(None, "Pakketten inlezen", HOSTILE))
        assert text_format == Qt.TextFormat.PlainText
        assert "<img src='http://example.invalid/x.png'><b>GL</b>" in text
        assert not any(c in text for c in "\x1b\x07\r\x9b\u202e") and "[2J" in text


def test_a_question_is_plain_text_too(qtbot):
    text, text_format = _shown_by(qtbot, lambda: ask(None, "Vraag", HOSTILE, yes="Ja", no="Nee"))
    assert text_format == Qt.TextFormat.PlainText and "\x1b" not in text
