"""The core runs without Qt: importing it (and the CLI) must not load PySide6."""

import os
import subprocess
import sys

CORE_MODULES = [
    "raadsakkoord.cli", "raadsakkoord.operations", "raadsakkoord.store.workspace", "raadsakkoord.queries.summary",
    "raadsakkoord.queries.outline", "raadsakkoord.demo", "raadsakkoord.diffing", "raadsakkoord.queries.support",
    "raadsakkoord.exchange", "raadsakkoord.queries.readability", "raadsakkoord.cli.export",
    "raadsakkoord.importing.office", "raadsakkoord.importing.office.docx_reader",
    "raadsakkoord.importing.office.odt_reader",
]


def test_core_and_cli_do_not_import_qt():
    code = "import sys\n" + "".join(f"import {m}\n" for m in CORE_MODULES) + (
        "from raadsakkoord.cli import COMMANDS, build_parser\n"
        "for name in COMMANDS:\n    build_parser(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_gui_without_a_display_is_one_clear_line(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "RAADSAKKOORD_DATA_DIR": str(tmp_path), "HOME": str(tmp_path)}
    if "PYTHONPATH" in os.environ:  # the code under test, not whichever copy is installed
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    result = subprocess.run([sys.executable, "-m", "raadsakkoord", "gui"], capture_output=True, text=True,
                            timeout=60, env=env)
    assert result.returncode == 1
    assert result.stderr.startswith("raadsakkoord: Geen beeldscherm gevonden")
    assert len(result.stderr.strip().splitlines()) == 1
