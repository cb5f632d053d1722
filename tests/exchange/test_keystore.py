"""Private keys: in the keychain when there is one, else encrypted with a passphrase; never unencrypted on disk."""

from __future__ import annotations

import base64
import os
import select
import stat
import subprocess
import sys
import time
from pathlib import Path

import keyring
import keyring.backends.fail
import keyring.errors
import pytest
from cryptography.hazmat.primitives import serialization

from raadsakkoord import operations as ops
from raadsakkoord.base import paths
from raadsakkoord.exchange import keys, keystore
from raadsakkoord.exchange.envelope import read_package
from raadsakkoord.store.workspace import open_workspace
from tests.conftest import TEST_PASSPHRASE
from tests.exchange.conftest import cli, ok
from tests.keychains import MemoryKeychain

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def keychain():
    chain = MemoryKeychain()
    keyring.set_keyring(chain)
    return chain


def _identity(target, who: str) -> keys.Identity:
    ws = open_workspace(str(target))
    try:
        with ws.action() as session:
            return keys.resolve_identity(session, who)
    finally:
        ws.close()


def _secret_bytes(private) -> list[bytes]:
    """The private key in every form it could leak in: raw, base64, and unencrypted PEM/DER."""
    raw = private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                serialization.NoEncryption())
    pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    der = private.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    return [raw, base64.b64encode(raw), pem.split(b"-----")[2].strip().splitlines()[0], der]


def _assert_nothing_unencrypted(private_keys) -> None:
    """`grep -r "BEGIN PRIVATE KEY"` over the data folder, and for the key's own bytes, finds nothing."""
    secrets = [s for private in private_keys for s in _secret_bytes(private)]
    checked = 0
    for path in paths.data_dir().rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            checked += 1
            assert b"BEGIN PRIVATE KEY" not in data, path
            for secret in secrets:
                assert secret not in data, path
    assert checked


def _workspace_with_agreement(tmp_path, capsys) -> Path:
    target = tmp_path / "griffie.raadsakkoord"
    ws = open_workspace(str(target), create=True)
    griffie = ops.Actor.griffie("Griet Griffier")
    with ws.action() as s:
        ops.create_agreement(s, griffie, title="Raadsakkoord Testdorp", municipality="Testdorp",
                             council_seats=15, contact_name="Griet Griffier", contact_phone="0592-123456")
        ops.add_party(s, griffie, name="Groene Lijst", short_name="GL", seats=7)
        chapter = ops.add_chapter(s, griffie, title="Wonen")
        ops.add_section(s, griffie, chapter_id=chapter.id, title="Bouwen", text="We bouwen woningen.")
        ops.publish_round(s, griffie)
    ws.close()
    return target


def test_keychain_keeps_the_key_and_the_data_folder_only_a_marker(keychain, tmp_path, capsys):
    target = _workspace_with_agreement(tmp_path, capsys)
    out = ok(capsys, "keys", "init", target, "--as", "griffie")
    assert "sleutelbos van het besturingssysteem" in out
    identity = _identity(target, "griffie")
    assert keystore.place(identity) == "keychain"
    assert not keystore.encrypted_path(identity).exists() and not keystore.unencrypted_path(identity).exists()
    (secret,) = keychain.secrets.values()
    private = keys.load_private_key(identity)
    assert secret == "ed25519:" + base64.b64encode(_secret_bytes(private)[0]).decode()
    # The key signs: the round package verifies with the workspace's own public key.
    ok(capsys, "package", "export", target, "--round", "-o", tmp_path / "ronde.rkpkg")
    package = read_package((tmp_path / "ronde.rkpkg").read_bytes(), "ronde.rkpkg")
    ok(capsys, "keys", "export-public", target, "--as", "griffie", "-o", tmp_path / "griffie.pub")
    document = keys.read_public_key_file((tmp_path / "griffie.pub").read_bytes(), "griffie.pub")
    assert package.signature_valid(document["public_key"])
    _assert_nothing_unencrypted([private])


def test_without_a_keychain_the_key_is_encrypted_with_the_passphrase(tmp_path, capsys):
    target = _workspace_with_agreement(tmp_path, capsys)
    out = ok(capsys, "keys", "init", target, "--as", "griffie")
    identity = _identity(target, "griffie")
    path = keystore.encrypted_path(identity)
    assert str(path) in out and keystore.place(identity) == "file"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    data = path.read_bytes()
    assert data.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    private = serialization.load_pem_private_key(data, password=TEST_PASSPHRASE.encode())
    with pytest.raises(TypeError):  # it really needs the passphrase
        serialization.load_pem_private_key(data, password=None)
    _assert_nothing_unencrypted([private])
    ok(capsys, "package", "export", target, "--round", "-o", tmp_path / "ronde.rkpkg")


def test_no_passphrase_and_no_terminal_is_one_line_and_changes_nothing(tmp_path, capsys, monkeypatch):
    target = _workspace_with_agreement(tmp_path, capsys)
    monkeypatch.delenv(keystore.PASSPHRASE_ENV)
    code, out, err = cli(capsys, "keys", "init", target, "--as", "griffie")
    assert code == 1 and out == ""
    assert err.strip().splitlines() == [(
        "raadsakkoord: Er is geen wachtwoordzin voor de sleutel van Griffie: er is geen terminal om ernaar te "
        "vragen en RAADSAKKOORD_KEY_PASSPHRASE is niet gezet.")]
    assert "Er zijn nog geen sleutels vastgelegd." in ok(capsys, "keys", "list", target)
    assert not [p for p in paths.keys_dir().rglob("*") if p.is_file()]


def test_a_short_passphrase_is_refused(tmp_path, capsys, monkeypatch):
    target = _workspace_with_agreement(tmp_path, capsys)
    monkeypatch.setenv(keystore.PASSPHRASE_ENV, "kort")
    code, _, err = cli(capsys, "keys", "init", target, "--as", "griffie")
    assert code == 1 and "minstens 8 tekens" in err and len(err.strip().splitlines()) == 1


def test_a_wrong_passphrase_says_so_and_shows_the_way_out(tmp_path, capsys, monkeypatch):
    target = _workspace_with_agreement(tmp_path, capsys)
    ok(capsys, "keys", "init", target, "--as", "griffie")
    monkeypatch.setenv(keystore.PASSPHRASE_ENV, "een andere wachtwoordzin")
    code, _, err = cli(capsys, "package", "export", target, "--round", "-o", tmp_path / "ronde.rkpkg")
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert "De wachtwoordzin voor de sleutel van Griffie klopt niet." in err
    assert "--as griffie --replace" in err and "griffie de nieuwe openbare sleutel vastleggen" in err
    assert not (tmp_path / "ronde.rkpkg").exists()


def _make_unencrypted_key(identity) -> object:
    """A key as versions before the keychain left it: an unencrypted PEM file."""
    private = keys.load_private_key(identity)
    keystore.remove(identity)
    old = keystore.unencrypted_path(identity)
    old.write_bytes(private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                          serialization.NoEncryption()))
    old.chmod(0o600)
    return private


@pytest.mark.parametrize("with_keychain", [False, True], ids=["passphrase", "keychain"])
def test_an_unencrypted_key_is_moved_on_first_use_with_a_message(with_keychain, tmp_path, capsys):
    target = _workspace_with_agreement(tmp_path, capsys)
    ok(capsys, "keys", "init", target, "--as", "griffie")
    identity = _identity(target, "griffie")
    private = _make_unencrypted_key(identity)
    if with_keychain:
        keyring.set_keyring(MemoryKeychain())
    code, _, err = cli(capsys, "package", "export", target, "--round", "-o", tmp_path / "ronde.rkpkg")
    assert code == 0, err
    assert "stond onversleuteld in" in err and "het oude bestand is verwijderd" in err
    assert not keystore.unencrypted_path(identity).exists()
    assert keystore.place(identity) == ("keychain" if with_keychain else "file")
    assert keys.load_private_key(identity).public_key() == private.public_key()
    _assert_nothing_unencrypted([private])
    # Said once: the next export finds the key where it now is.
    code, _, err = cli(capsys, "package", "export", target, "--round", "-o", tmp_path / "ronde2.rkpkg")
    assert (code, err) == (0, "")


def test_a_new_key_after_a_lost_passphrase_is_trusted_again_by_the_griffie(council, capsys, tmp_path, monkeypatch):
    gl = council.parties["GL"]
    monkeypatch.setenv(keystore.PASSPHRASE_ENV, "vergeten wachtwoordzin")
    code, _, err = cli(capsys, "package", "export", gl, "--party", "GL", "-o", tmp_path / "gl.rkpkg")
    assert code == 1 and "--as GL --replace" in err
    code, _, err = cli(capsys, "keys", "init", gl, "--as", "GL")
    assert code == 1 and "Er bestaat al een sleutel voor GL" in err
    out = ok(capsys, "keys", "init", gl, "--as", "GL", "--replace")
    assert "keys register --replace" in out
    ok(capsys, "keys", "export-public", gl, "--as", "GL", "-o", tmp_path / "GL-nieuw.pub")
    ok(capsys, "package", "export", gl, "--party", "GL", "-o", tmp_path / "gl.rkpkg")
    # The griffie refuses the package until it trusts the new key, and the new key only when told to replace.
    code, _, err = cli(capsys, "package", "import", council.griffie, tmp_path / "gl.rkpkg")
    assert code == 1 and "handtekening" in err
    code, _, err = cli(capsys, "keys", "register", council.griffie, tmp_path / "GL-nieuw.pub")
    assert code == 1 and "al een andere sleutel vastgelegd" in err
    ok(capsys, "keys", "register", council.griffie, tmp_path / "GL-nieuw.pub", "--replace")
    assert "Pakket van GL ingelezen" in ok(capsys, "package", "import", council.griffie, tmp_path / "gl.rkpkg")


def _read_until(fd: int, wanted: bytes, timeout: float = 30) -> bytes:
    seen = b""
    deadline = time.monotonic() + timeout
    while wanted not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    return seen


def test_the_command_line_asks_on_the_terminal_twice_for_a_new_passphrase(tmp_path, capsys):
    target = _workspace_with_agreement(tmp_path, capsys)
    env = {k: v for k, v in os.environ.items() if k != keystore.PASSPHRASE_ENV}
    env["PYTHONPATH"] = str(ROOT)
    main, terminal = os.openpty()
    # A session of its own has no /dev/tty, so getpass reads the terminal on stdin, as a user types.
    process = subprocess.Popen([sys.executable, "-m", "raadsakkoord", "keys", "init", str(target), "--as", "griffie"],
                               stdin=terminal, stdout=terminal, stderr=terminal, env=env, start_new_session=True)
    os.close(terminal)
    try:
        seen = _read_until(main, b"Nieuwe wachtwoordzin")
        os.write(main, b"mijn geheime zin\n")
        seen += _read_until(main, b"Nogmaals")
        os.write(main, b"mijn geheime zin\n")
        seen += _read_until(main, b"Vingerafdruk")
        assert process.wait(timeout=60) == 0, seen.decode(errors="replace")
    finally:
        os.close(main)
    assert b"mijn geheime zin" not in seen  # typed without echo
    identity = _identity(target, "griffie")
    assert keystore.check_passphrase(identity, "mijn geheime zin")
    assert not keystore.check_passphrase(identity, TEST_PASSPHRASE)


class LockedKeychain(MemoryKeychain):
    """A keychain whose user declined to unlock it."""

    def set_password(self, service, username, password):
        raise keyring.errors.KeyringLocked("vergrendeld")


def test_a_keychain_that_refuses_leaves_the_key_to_the_passphrase_file(tmp_path, capsys):
    keyring.set_keyring(LockedKeychain())
    target = _workspace_with_agreement(tmp_path, capsys)
    ok(capsys, "keys", "init", target, "--as", "griffie")
    identity = _identity(target, "griffie")
    assert keystore.place(identity) == "file" and keystore.check_passphrase(identity, TEST_PASSPHRASE)
    _assert_nothing_unencrypted([keys.load_private_key(identity)])


def test_a_key_folder_copied_to_another_computer_does_not_find_its_keychain_key(keychain, tmp_path, capsys):
    target = _workspace_with_agreement(tmp_path, capsys)
    ok(capsys, "keys", "init", target, "--as", "griffie")
    keychain.secrets.clear()  # the other computer's keychain does not hold it
    code, _, err = cli(capsys, "package", "export", target, "--round", "-o", tmp_path / "ronde.rkpkg")
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert "De sleutel van Griffie is niet (meer) in de sleutelbos van deze computer te vinden." in err
    assert "--as griffie --replace" in err
    keyring.set_keyring(keyring.backends.fail.Keyring())  # and without any keychain at all
    code, _, err = cli(capsys, "package", "export", target, "--round", "-o", tmp_path / "ronde.rkpkg")
    assert code == 1 and "die is nu niet bereikbaar" in err
    assert not (tmp_path / "ronde.rkpkg").exists()
