"""The wheel, built from this checkout and installed into a fresh virtual environment, works outside the checkout.

``python -m build`` makes the sdist and then the wheel from that sdist, so
both carry everything the program needs (the resources, the migrations).
The wheel's dependencies come from the package index (pip's cache makes a
second run quick). Every check of ``checks.py`` then runs the installed
``raadsakkoord`` command from a folder outside the checkout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.installed.checks import *  # the checks run here against the wheel
from tests.installed.checks import Program, install_folder

CHECKOUT = Path(__file__).resolve().parents[2]
SCRIPTS = "Scripts" if os.name == "nt" else "bin"


# What is not the repository's: the build works on a copy, so it writes no egg-info or build/ into the checkout.
NOT_SOURCE = shutil.ignore_patterns(".git", ".venv", ".tools", "build", "dist", "*.egg-info", "__pycache__",
                                    ".*_cache", ".hypothesis", "screenshots")


def _run(*args, timeout: float = 900) -> None:
    # Without PYTHONPATH: a source tree on it would look installed to pip, and stand in for the wheel.
    env = {name: value for name, value in os.environ.items() if name != "PYTHONPATH"}
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=timeout, env=env,
                            check=False)
    assert result.returncode == 0, (args, result.stdout[-3000:], result.stderr[-3000:])


@pytest.fixture(scope="module")
def program(tmp_path_factory) -> Program:
    root = tmp_path_factory.mktemp("wheel")
    source = root / "source"
    shutil.copytree(CHECKOUT, source, ignore=NOT_SOURCE)
    shutil.copytree(CHECKOUT / "resources" / "screenshots", source / "resources" / "screenshots")
    _run(sys.executable, "-m", "build", "--outdir", root / "dist", source)
    (wheel,) = (root / "dist").glob("raadsakkoord-*.whl")
    venv = root / "venv"
    _run(sys.executable, "-m", "venv", venv)
    _run(venv / SCRIPTS / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", wheel)
    return Program([str(venv / SCRIPTS / "raadsakkoord")], install_folder(root / "work"))


@pytest.fixture
def window_seconds() -> float:
    return 3


def test_the_wheel_holds_every_resource(program):
    # Every file of resources/ but the README's screenshots, inside the installed package.
    venv_python = Path(program.command[0]).with_name("python")
    listing = ("import importlib.resources as r; root = r.files('raadsakkoord') / 'resources';"
               "print('\\n'.join(sorted(str(p.relative_to(root)) for p in root.rglob('*') if p.is_file())))")
    found = subprocess.run(
        [str(venv_python), "-c", listing],
        cwd=program.folder, env=program.environment(), capture_output=True, text=True, check=True).stdout.split()
    expected = sorted(str(p.relative_to(CHECKOUT / "resources")) for p in (CHECKOUT / "resources").rglob("*")
                      if p.is_file() and "screenshots" not in p.parts)
    assert found == expected
