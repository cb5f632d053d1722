"""A copy of a workspace and the party key on this computer: a clear refusal, never a crash, nothing sent."""

from __future__ import annotations

import pytest

from raadsakkoord import operations as ops
from raadsakkoord.base.errors import DomainError
from raadsakkoord.exchange import keys, keystore
from raadsakkoord.exchange.packagefile import write_package_file
from raadsakkoord.store.workspace import open_workspace
from tests.exchange.conftest import cli, ok, sent_packages


@pytest.fixture
def other_copy(council, capsys, tmp_path):
    """GL's workspace as a copy made before GL's key: the same agreement and round, no key of its own."""
    copy = tmp_path / "gl-kopie.raadsakkoord"
    ok(capsys, "keys", "register", copy, tmp_path / "griffie.pub")
    ok(capsys, "package", "import", copy, tmp_path / "ronde1.rkpkg")
    return copy


def test_the_command_line_explains_a_key_made_in_another_copy(council, other_copy, capsys, tmp_path):
    target = tmp_path / "gl.rkpkg"
    code, out, err = cli(capsys, "package", "export", other_copy, "--party", "GL", "-o", target)
    assert (code, out) == (1, "")
    assert err.startswith("raadsakkoord: Deze werkruimte kent de sleutel van GL niet") and err.count("\n") == 1
    assert "andere kopie" in err and "keys register" in err
    assert not target.exists() and sent_packages(other_copy) == 0


def test_the_window_explains_a_key_made_in_another_copy(council, other_copy, tmp_path):
    ws = open_workspace(str(other_copy))
    target = tmp_path / "uit" / "gl.rkpkg"
    target.parent.mkdir()
    try:
        with pytest.raises(DomainError, match="kent de sleutel van GL niet"):
            write_package_file(ws, ops.Actor.of_party(council.ids["GL"], "Gerda Groen"), council.ids["GL"],
                               str(target), make_key=True)
    finally:
        ws.close()
    assert list(target.parent.iterdir()) == []  # no package, and no public key beside it
    assert sent_packages(other_copy) == 0


def test_registering_the_other_copys_public_key_lets_the_copy_send(council, other_copy, capsys, tmp_path):
    ok(capsys, "keys", "register", other_copy, tmp_path / "GL.pub")
    ok(capsys, "package", "export", other_copy, "--party", "GL", "-o", tmp_path / "gl.rkpkg")
    ok(capsys, "package", "import", council.griffie, tmp_path / "gl.rkpkg")


def test_a_key_on_this_computer_that_the_workspace_does_not_know_is_refused(council, other_copy, capsys, tmp_path):
    # GL's key file is replaced by one made for the copy: the original
    # workspace still records the old key, which the griffie trusts.
    ws = open_workspace(str(other_copy))
    try:
        with ws.action() as s:
            path = keystore.encrypted_path(keys.identity_for(s, council.ids["GL"]))
    finally:
        ws.close()
    path.rename(path.with_suffix(".oud"))
    ok(capsys, "keys", "init", other_copy, "--as", "GL")
    target = tmp_path / "gl.rkpkg"
    code, _out, err = cli(capsys, "package", "export", council.parties["GL"], "--party", "GL", "-o", target)
    assert code == 1 and "is niet de sleutel die deze werkruimte kent" in err and err.count("\n") == 1
    assert not target.exists() and sent_packages(council.parties["GL"]) == 0


def test_the_window_sends_from_a_copy_once_the_other_copys_key_is_registered(council, other_copy, capsys, tmp_path):
    ok(capsys, "keys", "register", other_copy, tmp_path / "GL.pub")
    ws = open_workspace(str(other_copy))
    target = tmp_path / "uit" / "gl.rkpkg"
    target.parent.mkdir()
    try:
        written = write_package_file(ws, ops.Actor.of_party(council.ids["GL"], "Gerda Groen"), council.ids["GL"],
                                     str(target), make_key=True)
    finally:
        ws.close()
    # The public key went out with the other copy's first package; only the package is written.
    assert written.public_key_path == "" and list(target.parent.iterdir()) == [target]
    ok(capsys, "package", "import", council.griffie, target)
