"""A file that is not a workspace is refused before anything writes to it: every byte stays as it was."""

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from raadsakkoord.base.errors import WorkspaceError
from raadsakkoord.cli import main
from raadsakkoord.store.workspace import open_workspace


def _other_program_database(path: Path, *, wal: bool) -> None:
    connection = sqlite3.connect(path)
    if wal:
        connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE adressen (naam TEXT, straat TEXT)")
    connection.execute("INSERT INTO adressen VALUES ('Jansen', 'Kerkstraat 1')")
    connection.commit()
    connection.close()  # the last connection checkpoints and removes the -wal file


def _workspace(path: Path) -> None:
    open_workspace(path, create=True).close()


def _truncated_workspace(path: Path, *, keep: float) -> None:
    whole = path.with_name("heel.raadsakkoord")
    _workspace(whole)
    data = whole.read_bytes()
    whole.unlink()
    path.write_bytes(data[:int(len(data) * keep)])


FOREIGN = {
    "database of another program": (lambda p: _other_program_database(p, wal=False), "geen Raadsakkoord-werkruimte"),
    "database of another program in WAL mode": (lambda p: _other_program_database(p, wal=True),
                                                "geen Raadsakkoord-werkruimte"),
    "text file": (lambda p: p.write_text("boodschappen\n", encoding="utf-8"), "geen Raadsakkoord-werkruimte"),
    "empty file": (lambda p: p.write_bytes(b""), "geen Raadsakkoord-werkruimte"),
    "workspace cut off mid-page": (lambda p: _truncated_workspace(p, keep=0.37), "beschadigd of onvolledig"),
    "workspace cut off at a page": (lambda p: _truncated_workspace(p, keep=0.5), "beschadigd of onvolledig"),
}


def _state(path: Path) -> tuple[str, str | None, list[str]]:
    data = path.read_bytes()
    journal = None
    if data.startswith(b"SQLite format 3\x00"):
        journal = {1: "delete", 2: "wal"}.get(data[18])  # the header's write version: what journal_mode sets
    return hashlib.sha256(data).hexdigest(), journal, sorted(p.name for p in path.parent.iterdir())


@pytest.fixture(params=sorted(FOREIGN))
def foreign(request, tmp_path) -> tuple[Path, str]:
    folder = tmp_path / "map"
    folder.mkdir()
    path = folder / "bestand.db"
    make, message = FOREIGN[request.param]
    make(path)
    return path, message


def test_open_workspace_leaves_a_foreign_file_as_it_was(foreign):
    path, message = foreign
    before = _state(path)
    for create in (False, True):
        if create and path.stat().st_size == 0:
            continue  # an empty file may become a new workspace; that is tested below
        with pytest.raises(WorkspaceError, match=message):
            open_workspace(path, create=create)
        assert _state(path) == before  # same bytes, same journal mode, no -wal or -shm beside it


def test_info_leaves_a_foreign_file_as_it_was(foreign, capsys):
    path, message = foreign
    before = _state(path)
    assert main(["info", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and message in err
    assert _state(path) == before


def test_a_truncated_workspace_is_told_apart_from_a_foreign_file(tmp_path):
    path = tmp_path / "afgebroken.raadsakkoord"
    _truncated_workspace(path, keep=0.5)
    with pytest.raises(WorkspaceError) as info:
        open_workspace(path)
    assert "reservekopie" in info.value.message and "niet gewijzigd" in info.value.message


def test_new_workspaces_are_still_made_in_a_new_or_empty_file(tmp_path):
    empty = tmp_path / "leeg.raadsakkoord"
    empty.write_bytes(b"")
    for path in (tmp_path / "nieuw.raadsakkoord", empty):
        workspace = open_workspace(path, create=True)
        workspace.close()
        again = open_workspace(path)
        with again.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        again.close()


def test_a_workspace_open_elsewhere_is_opened_with_its_pending_log(tmp_path):
    # The first window keeps the workspace open, so its newest changes are in
    # the -wal file only; a second opening must see them and open it as usual.
    path = tmp_path / "gedeeld.raadsakkoord"
    first = open_workspace(path, create=True)
    with first.engine.begin() as connection:
        connection.exec_driver_sql("PRAGMA wal_autocheckpoint=0")
    assert Path(f"{path}-wal").exists()
    second = open_workspace(path)
    second.close()
    first.close()


def test_a_copy_of_a_closed_workspace_opens(tmp_path):
    path = tmp_path / "werkruimte.raadsakkoord"
    _workspace(path)
    copy = tmp_path / "kopie.raadsakkoord"
    shutil.copyfile(path, copy)
    open_workspace(copy).close()
