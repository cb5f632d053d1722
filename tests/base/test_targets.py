"""What a write may replace: never a workspace or a private key; a file that is not such an export only when asked."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from raadsakkoord.base import files
from raadsakkoord.base.errors import InputError

NEVER = "die wordt nooit overschreven. Er is niets geschreven"


def _database(path: Path) -> Path:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE adressen (naam TEXT)")
    connection.close()
    return path


def _refused(path, data: bytes = b"# Raadsakkoord\n", **check) -> str:
    """The refusal of writing ``path``: nothing changed, nothing left beside it."""
    folder = Path(path).parent
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    with pytest.raises(InputError) as caught:
        files.write_atomic(path, data, **check)
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before
    return caught.value.message


@pytest.mark.parametrize("force", [False, True])
def test_a_database_is_never_overwritten(tmp_path, force):
    workspace = _database(tmp_path / "akkoord.raadsakkoord")
    (tmp_path / "link.md").symlink_to(workspace)
    os.link(workspace, tmp_path / "harde-link.md")
    for path in (workspace, tmp_path / "link.md", tmp_path / "harde-link.md"):
        assert NEVER in _refused(path, kind="md", force=force)
    assert _refused(workspace, kind="md").startswith(f"{workspace} is een werkruimte of een ander gegevensbestand")


def test_the_files_beside_a_workspace_are_never_overwritten(tmp_path):
    workspace = _database(tmp_path / "akkoord.raadsakkoord")
    connection = sqlite3.connect(workspace)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("INSERT INTO adressen VALUES ('Jansen')")
    connection.commit()
    try:
        for companion in ("-wal", "-shm"):
            assert NEVER in _refused(f"{workspace}{companion}", kind="md", force=True)
    finally:
        connection.close()


def test_the_open_workspace_is_recognised_by_its_file_not_its_name(tmp_path):
    # Without any SQLite header to go by (a file another path or link leads to).
    protected = tmp_path / "werkruimte"
    protected.write_text("inhoud\n", encoding="utf-8")
    os.link(protected, tmp_path / "andere-naam.md")
    assert NEVER in _refused(tmp_path / "andere-naam.md", kind="md", force=True, protect=[protected])
    files.write_atomic(tmp_path / "ander.md", b"x", kind="md", protect=[protected])


def test_a_private_key_is_never_overwritten(tmp_path):
    key = tmp_path / "sleutel.pem"
    key.write_bytes(b"-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n")
    assert _refused(key, kind="key", force=True) == (
        f"{key} is een geheime sleutel; die wordt nooit overschreven. Er is niets geschreven; "
        "kies een andere bestandsnaam.")


@pytest.mark.parametrize(("name", "content", "kind", "found"), [
    ("notities.txt", b"boodschappen\n", "pdf", "een tekstbestand"),
    ("akkoord.md", b"%PDF-1.7\n", "md", "een PDF"),
    ("akkoord.md", b'{"content":{},"format":"raadsakkoord-package"}', "md", "een pakket"),
    ("ronde.rkpkg", b"# tekst\n", "md", "een pakket"),
    ("akkoord.pdf", b"# Raadsakkoord\n", "pdf", "een tekstbestand"),
    ("brief.docx", b"PK\x03\x04rest", "md", "een Word-, OpenDocument- of zipbestand"),
    ("griffie.json", b'{"format": "raadsakkoord-public-key"}', "rkpkg", "een sleutelbestand"),
    ("foto.bin", bytes(range(256)), "csv", "een ander soort bestand"),
])
def test_a_file_that_is_no_such_export_is_replaced_only_when_forced(tmp_path, name, content, kind, found):
    path = tmp_path / name
    path.write_bytes(content)
    message = _refused(path, kind=kind)
    assert message.endswith(f"maar {found}; er is niets overschreven. Kies een andere bestandsnaam, of geef "
                            "--force om het toch te vervangen.")
    files.write_atomic(path, b"nieuw", kind=kind, force=True)
    assert path.read_bytes() == b"nieuw"


@pytest.mark.parametrize(("name", "content", "kind"), [
    ("akkoord.md", "# Raadsakkoord — één\n".encode(), "md"),
    ("akkoord.pdf", b"%PDF-1.4\n", "pdf"),
    ("akkoord.docx", b"PK\x03\x04rest", "docx"),
    ("agenda.ics", b"BEGIN:VCALENDAR\r\n", "ics"),
    ("ronde.rkpkg", b'{"content":{}}', "rkpkg"),
    ("GL.pub", b'{\n  "format": "raadsakkoord-public-key"\n}\n', "key"),
    ("leeg.md", b"", "pdf"),  # an empty file holds nothing to lose
])
def test_an_earlier_export_of_the_same_kind_is_replaced(tmp_path, name, content, kind):
    path = tmp_path / name
    path.write_bytes(content)
    files.write_atomic(path, b"nieuw", kind=kind)
    assert path.read_bytes() == b"nieuw"


def test_a_text_cut_in_the_middle_of_a_character_is_still_text(tmp_path):
    path = tmp_path / "lang.md"
    path.write_bytes(b"a" * 4095 + "é".encode())  # the check reads 4096 bytes: half an é
    assert files.what_is(path) == files.TEXT
