"""The import report shows headlines from other workspaces without their control characters."""

from __future__ import annotations

from raadsakkoord.exchange.common import ImportReport
from raadsakkoord.jobs.packages import PackageOutcome
from ui.exchange.packages import ImportReportDialog, report_text


def test_control_characters_in_headlines_are_shown_as_replacement_characters(qtbot, settings):
    report = ImportReport("party", "GL")
    outcome = PackageOutcome("/tmp/GL.rkpkg", report, rebased=["‘Fiets\x1b[2Jpad\r\x9b’ (GL)"])
    dialog = ImportReportDialog([outcome])
    qtbot.addWidget(dialog)
    for text in (dialog.browser.toPlainText(), report_text([outcome])):
        assert "‘Fiets\ufffd[2Jpad\ufffd\ufffd’ (GL)" in text
        assert not any(c in text for c in "\x1b\r\x9b")
