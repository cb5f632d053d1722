"""Only the PDF/ODT writer imports Qt: the text formats and the command run without it."""

import subprocess
import sys

QT_FREE = ["raadsakkoord.cli.export", "raadsakkoord.export.document", "raadsakkoord.export.amendments",
           "raadsakkoord.export.markdown", "raadsakkoord.export.html", "raadsakkoord.export.tasks",
           "raadsakkoord.export.safe_html", "raadsakkoord.export.qt_html",
           "raadsakkoord.export.word", "raadsakkoord.export.word.agreement", "raadsakkoord.export.word.amendments"]


def test_text_exports_do_not_import_qt():
    code = "import sys\n" + "".join(f"import {m}\n" for m in QT_FREE) + (
        "bad = sorted(m for m in sys.modules if m.startswith('PySide6'))\nassert not bad, bad\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
