"""What a user does with an installed Raadsakkoord, run against the installed thing itself.

``test_wheel.py`` (the wheel in a fresh virtual environment) and
``test_bundle.py`` (the PyInstaller bundle's executable) import these tests
and give them a ``program``: the command to run, started from a folder
outside the checkout with a clean environment (no ``PYTHONPATH``, a private
home and data folder), so nothing of the source tree can stand in for what
was installed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from raadsakkoord import __version__
from raadsakkoord.export.writer import FORMATS

MAGIC = {"pdf": b"%PDF-", "docx": b"PK\x03\x04", "odt": b"PK\x03\x04"}


@dataclass
class Program:
    """An installed ``raadsakkoord`` command and the folder it works in."""

    command: list[str]
    folder: Path

    def environment(self, **extra: str) -> dict[str, str]:
        env = {
            "PATH": os.pathsep.join(p for p in ("/usr/bin", "/bin", os.environ.get("SYSTEMROOT", "")) if p),
            "HOME": str(self.folder / "home"),
            "RAADSAKKOORD_DATA_DIR": str(self.folder / "data"),
            "LANG": "C.UTF-8",
            # A machine without a keychain (no Secret Service here): the signing
            # key goes into a file encrypted with this passphrase.
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
            "RAADSAKKOORD_KEY_PASSPHRASE": "een lange wachtwoordzin voor de proef",
        }
        for name in ("SYSTEMROOT", "TEMP", "TMP"):  # Windows cannot start a process without them
            if name in os.environ:
                env[name] = os.environ[name]
        env.update(extra)
        return env

    def run(self, *args, expect: int = 0, timeout: float = 180, **extra: str) -> subprocess.CompletedProcess:
        result = subprocess.run([*self.command, *map(str, args)], cwd=self.folder, env=self.environment(**extra),
                                capture_output=True, text=True, encoding="utf-8", timeout=timeout, check=False)
        assert result.returncode == expect, (args, result.returncode, result.stdout[-2000:], result.stderr[-4000:])
        return result


def install_folder(root: Path) -> Path:
    """A working folder outside the checkout, with a home and a data folder of its own."""
    checkout = Path(__file__).resolve().parents[2]
    assert checkout not in root.resolve().parents, f"{root} lies inside the checkout"
    for name in ("home", "data"):
        (root / name).mkdir(parents=True, exist_ok=True)
    return root


@pytest.fixture(scope="module")
def demo(program: Program) -> Path:
    program.run("demo", "demo.raadsakkoord")
    return program.folder / "demo.raadsakkoord"


def test_version_is_the_package_version(program):
    assert program.run("--version").stdout.startswith(f"raadsakkoord {__version__}")


def test_info(program, demo):
    assert "Raadsakkoord Assen 2026–2030" in program.run("info", demo).stdout
    summary = json.loads(program.run("info", demo, "--json").stdout)
    assert summary["agreement"]["municipality"] == "Assen"


def test_readability_in_dutch_and_in_english(program, demo):
    # The officialese list and the English catalogue are resources: both must be installed.
    dutch = program.run("readability", demo).stdout
    assert "hoofdlijn" in dutch and "teneinde → om" in dutch
    english = program.run("readability", demo, RAADSAKKOORD_LANG="en").stdout
    assert "section" in english and "long sentences" in english and "teneinde → om" in english
    assert "hoofdlijn" not in english


def test_english_errors(program):
    result = program.run("info", "bestaat-niet.raadsakkoord", expect=1, RAADSAKKOORD_LANG="en")
    assert result.stderr.startswith("raadsakkoord: ") and "not found" in result.stderr


def test_export_in_every_format(program, demo):
    for what, formats in FORMATS.items():
        for fmt in formats:
            target = program.folder / f"{what}.{fmt}"
            program.run("export", demo, "--what", what, "--format", fmt, "-o", target)
            data = target.read_bytes()
            assert data.startswith(MAGIC.get(fmt, b"")) and len(data) > 200, (what, fmt)
            if fmt in ("md", "html", "csv", "ics"):
                data.decode("utf-8")
    # The shipped fonts were found: the PDF carries DejaVu Sans and its text reads back with diacritics.
    reader = PdfReader(program.folder / "agreement.pdf")
    fonts = {str(font.get("/BaseFont", "")) for page in reader.pages
             for font in (page["/Resources"].get("/Font") or {}).values()
             for font in [font.get_object()]}
    assert any("DejaVuSans" in name for name in fonts), fonts
    assert "Raadsakkoord Assen 2026–2030" in " ".join(reader.pages[0].extract_text().split())


def test_new_agreements_from_drafts(program, demo):
    (program.folder / "concept.md").write_text(
        "# Wonen\n\n## Bouwen\n\nWe bouwen 500 woningen in Noord.\n\n# Zorg\n\n## Wijkteams\n\n"
        "Elke wijk krijgt een eigen team.\n", encoding="utf-8")
    about = ("--title", "Raadsakkoord Testdorp", "--municipality", "Testdorp", "--seats", "15")
    assert "2 hoofdstukken en 2 hoofdlijnen" in program.run("import-md", "md.raadsakkoord", "concept.md", *about).stdout
    # The program's own Word export read back as a draft: python-docx's templates and lxml are in place.
    program.run("export", demo, "--what", "agreement", "--format", "docx", "-o", "concept.docx")
    assert "hoofdlijnen geïmporteerd" in program.run("import-docx", "docx.raadsakkoord", "concept.docx", *about).stdout
    assert "Raadsakkoord Testdorp" in program.run("info", "docx.raadsakkoord").stdout


def test_package_round_trip(program, demo):
    program.run("keys", "init", demo, "--as", "griffie")
    program.run("keys", "export-public", demo, "--as", "griffie", "-o", "griffie.pub")
    program.run("package", "export", demo, "--round", "-o", "ronde.rkpkg")
    program.run("package", "verify", "ronde.rkpkg", "--key", "griffie.pub")  # needs the package schema
    program.run("keys", "register", "plop.raadsakkoord", "griffie.pub")
    program.run("package", "import", "plop.raadsakkoord", "ronde.rkpkg")
    assert "Raadsakkoord Assen 2026–2030" in program.run("info", "plop.raadsakkoord").stdout
    program.run("keys", "init", "plop.raadsakkoord", "--as", "PLOP")
    program.run("keys", "export-public", "plop.raadsakkoord", "--as", "PLOP", "-o", "plop.pub")
    program.run("keys", "register", demo, "plop.pub")
    assert "PLOP" in program.run("keys", "list", demo).stdout
    program.run("package", "export", "plop.raadsakkoord", "--party", "PLOP", "-o", "plop.rkpkg")
    program.run("package", "import", demo, "plop.rkpkg")


def test_diff_and_merge(program):
    folder = program.folder
    (folder / "basis.md").write_text("De gemeente bouwt woningen in Noord.\n", encoding="utf-8")
    (folder / "onze.md").write_text("De gemeente bouwt betaalbare woningen in Noord.\n", encoding="utf-8")
    (folder / "hunne.md").write_text("De gemeente bouwt woningen in Noord en Zuid.\n", encoding="utf-8")
    changes = program.run("diff", "basis.md", "onze.md", "--format", "json").stdout
    assert "betaalbare" in changes
    merged = program.run("merge", "basis.md", "onze.md", "hunne.md").stdout
    assert merged == "De gemeente bouwt betaalbare woningen in Noord en Zuid.\n"


def start_window(program: Program, seconds: float) -> subprocess.CompletedProcess:
    """The window on the demo workspace, offscreen, watched by the start probe for ``seconds``."""
    extra = {"QT_QPA_PLATFORM": "offscreen", "RAADSAKKOORD_START_PROBE": str(seconds)}
    if sys.platform.startswith("linux"):  # else Qt warns that it is missing, and the probe fails on warnings
        runtime = program.folder / "runtime"
        runtime.mkdir(mode=0o700, exist_ok=True)
        extra["XDG_RUNTIME_DIR"] = str(runtime)
    return program.run("gui", "--demo", timeout=seconds + 120, **extra)


def test_window_starts_and_stays_free_of_errors(program, window_seconds):
    result = start_window(program, window_seconds)
    assert result.stdout.splitlines()[:1] == ["usable"], result.stdout
    assert "worker: chain of" in result.stdout  # the worker process ran: this executable, started again
    assert "Traceback" not in result.stderr and "start probe:" not in result.stderr, result.stderr
