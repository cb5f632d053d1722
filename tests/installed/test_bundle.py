"""The PyInstaller bundle's executable works: the checks of ``checks.py``, and a ten-second window.

Run by ``scripts/dev bundle-smoke`` (CI does, after ``scripts/dev bundle``)
with ``--bundle dist/raadsakkoord/raadsakkoord``; without ``--bundle`` this
module is not collected (tests/conftest.py), so the ordinary test run
neither builds a bundle nor skips anything.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.installed.checks import *  # the checks run here against the bundle
from tests.installed.checks import Program, install_folder


@pytest.fixture(scope="module")
def program(request, tmp_path_factory) -> Program:
    executable = Path(request.config.getoption("--bundle")).resolve()
    assert executable.is_file(), f"no bundled executable at {executable}"
    return Program([str(executable)], install_folder(tmp_path_factory.mktemp("bundle")))


@pytest.fixture
def window_seconds() -> float:
    return 10
