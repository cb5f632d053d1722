"""Where a package or a public key is written: never over a workspace or a key, nothing recorded when refused."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from raadsakkoord import operations as ops
from raadsakkoord.base.errors import InputError
from raadsakkoord.exchange.packagefile import write_package_file
from raadsakkoord.store.workspace import open_workspace
from tests.exchange.conftest import cli, ok, sent_packages

NEVER = "is een werkruimte of een ander gegevensbestand; die wordt nooit overschreven. Er is niets geschreven"


def _digest(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.mark.parametrize("force", [(), ("--force",)])
def test_a_package_is_never_written_over_a_workspace(council, capsys, tmp_path, force):
    gl = council.parties["GL"]
    link = tmp_path / "gl-link.rkpkg"
    os.link(gl, link)
    for output, source in ((gl, gl), (link, gl), (council.parties["RP"], gl)):
        before, sent = _digest(output), sent_packages(source)
        code, out, err = cli(capsys, "package", "export", source, "--party", "GL", "-o", output, *force)
        assert (code, out) == (1, "") and NEVER in err and err.count("\n") == 1
        assert _digest(output) == before and sent_packages(source) == sent


def test_a_file_that_is_no_package_is_replaced_only_with_force(council, capsys, tmp_path):
    notes = tmp_path / "notities.rkpkg.txt"
    notes.write_text("aantekeningen\n", encoding="utf-8")
    code, _out, err = cli(capsys, "package", "export", council.parties["GL"], "--party", "GL", "-o", notes)
    assert code == 1 and "is geen pakket van Raadsakkoord, maar een tekstbestand" in err
    assert notes.read_text(encoding="utf-8") == "aantekeningen\n" and sent_packages(council.parties["GL"]) == 0
    ok(capsys, "package", "export", council.parties["GL"], "--party", "GL", "-o", notes, "--force")
    assert notes.read_bytes().startswith(b'{"content":')
    code, _out, err = cli(capsys, "package", "export", council.parties["GL"], "--party", "GL", "-o", notes)
    assert code == 1 and "heeft niet de naam van een pakket (die eindigt op .rkpkg)" in err  # a package, misnamed
    ok(capsys, "package", "export", council.parties["GL"], "--party", "GL", "-o", tmp_path / "gl.rkpkg")
    ok(capsys, "package", "export", council.parties["GL"], "--party", "GL", "-o", tmp_path / "gl.rkpkg")


def test_a_public_key_is_never_written_over_a_workspace_or_a_private_key(council, capsys, tmp_path):
    griffie = council.griffie
    private = next((Path(os.environ["RAADSAKKOORD_DATA_DIR"]) / "keys").rglob("*.key"))
    for output in ([griffie] if "://" not in griffie else []) + [council.parties["GL"], private]:
        before = _digest(output)
        code, _out, err = cli(capsys, "keys", "export-public", council.parties["GL"], "--as", "GL", "-o", output,
                              "--force")
        assert code == 1 and "nooit overschreven" in err and _digest(output) == before


def test_the_window_refuses_the_workspace_as_the_package_file(council, tmp_path):
    """What the window's "Pakket maken" runs after the file dialog (which asked about replacing)."""
    gl = council.parties["GL"]
    before = _digest(gl)
    ws = open_workspace(str(gl))
    try:
        with pytest.raises(InputError, match=NEVER):
            write_package_file(ws, ops.Actor.of_party(council.ids["GL"], "Gerda Groen"), council.ids["GL"],
                               str(gl), make_key=True, force=True)
    finally:
        ws.close()
    assert _digest(gl) == before and sent_packages(gl) == 0


def test_a_public_key_file_of_the_users_own_is_not_replaced(council, capsys, tmp_path):
    """The window writes the public key beside a first package; a file of that name that is no key stays."""
    griffie_copy = tmp_path / "uit"
    griffie_copy.mkdir()
    own = griffie_copy / "GL-openbare-sleutel.json"
    own.write_text('{"mijn": "instellingen"}\n', encoding="utf-8")
    ws = open_workspace(str(council.parties["GL"]))
    try:
        written = write_package_file(ws, ops.Actor.of_party(council.ids["GL"], "Gerda Groen"), council.ids["GL"],
                                     str(griffie_copy / "gl.rkpkg"), make_key=True, force=True)
    finally:
        ws.close()
    assert own.read_text(encoding="utf-8") == '{"mijn": "instellingen"}\n'
    assert Path(written.public_key_path).name == "GL-openbare-sleutel-2.json"
    assert b"raadsakkoord-public-key" in Path(written.public_key_path).read_bytes()
