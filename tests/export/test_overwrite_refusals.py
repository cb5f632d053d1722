"""``raadsakkoord export -o``: the workspace is never the output, and a file of another kind only with --force."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from raadsakkoord.cli import main
from raadsakkoord.store.workspace import open_workspace


@pytest.fixture
def workspace(demo_path, tmp_path) -> Path:
    path = tmp_path / "assen.raadsakkoord"
    shutil.copyfile(demo_path, path)
    return path


def _export(capsys, workspace, output, *extra) -> tuple[int, str, str]:
    code = main(["export", str(workspace), "--what", "agreement", "--format", "md", "-o", str(output), *extra])
    out, err = capsys.readouterr()
    return code, out, err


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("force", [(), ("--force",)])
@pytest.mark.parametrize("reach", ["itself", "symlink", "hard link", "another path"])
def test_the_workspace_is_never_the_output(capsys, workspace, tmp_path, reach, force):
    output = {"itself": workspace, "symlink": tmp_path / "akkoord.md", "hard link": tmp_path / "akkoord.md",
              "another path": tmp_path / "." / ".." / tmp_path.name / workspace.name}[reach]
    if reach == "symlink":
        output.symlink_to(workspace)
    elif reach == "hard link":
        os.link(workspace, output)
    before, listing = _digest(workspace), sorted(os.listdir(tmp_path))
    code, out, err = _export(capsys, workspace, output, *force)
    assert (code, out) == (1, "")
    assert err == (f"raadsakkoord: {output} is een werkruimte of een ander gegevensbestand; die wordt nooit "
                   "overschreven. Er is niets geschreven; kies een andere bestandsnaam.\n")
    assert _digest(workspace) == before and sorted(os.listdir(tmp_path)) == listing
    open_workspace(workspace).close()


def test_another_workspace_or_database_is_never_the_output(capsys, workspace, demo_path, tmp_path):
    other = tmp_path / "adressen.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE adressen (naam TEXT)")
    connection.close()
    for target in (other, Path(demo_path)):
        before = _digest(target)
        code, _out, err = _export(capsys, workspace, target, "--force")
        assert code == 1 and "nooit overschreven" in err and _digest(target) == before


def test_a_file_of_another_kind_is_replaced_only_with_force(capsys, workspace, tmp_path):
    notes = tmp_path / "notities.pdf"
    notes.write_text("Mijn aantekeningen bij het akkoord.\n", encoding="utf-8")
    code = main(["export", str(workspace), "--what", "agreement", "--format", "pdf", "-o", str(notes)])
    _out, err = capsys.readouterr()
    assert code == 1 and err == (
        f"raadsakkoord: {notes} bestaat al en is geen PDF van Raadsakkoord, maar een tekstbestand; er is niets "
        "overschreven. Kies een andere bestandsnaam, of geef --force om het toch te vervangen.\n")
    assert notes.read_text(encoding="utf-8") == "Mijn aantekeningen bij het akkoord.\n"

    package = tmp_path / "ronde-2.rkpkg"
    package.write_bytes(b'{"content":{"sections":[]}}')
    code, _out, err = _export(capsys, workspace, package)
    assert code == 1 and "maar een pakket" in err and package.read_bytes() == b'{"content":{"sections":[]}}'
    code, _out, _err = _export(capsys, workspace, package, "--force")
    assert code == 0 and package.read_text(encoding="utf-8").startswith("---\ntitle: \"Raadsakkoord Assen")


def test_an_earlier_export_is_replaced_as_before(capsys, workspace, tmp_path):
    output = tmp_path / "akkoord.md"
    assert _export(capsys, workspace, output)[0] == 0
    output.write_text(output.read_text(encoding="utf-8") + "\nEen eigen regel.\n", encoding="utf-8")
    assert _export(capsys, workspace, output)[0] == 0
    assert "Een eigen regel." not in output.read_text(encoding="utf-8")
