"""Key pairs: made once, kept private, registered with a fingerprint to check by phone."""

import json
import re
import stat
from pathlib import Path

from raadsakkoord.store.workspace import open_workspace
from tests.exchange.conftest import cli, dump, ok


def test_private_key_is_only_readable_by_the_user_and_never_in_the_workspace(council, tmp_path):
    from raadsakkoord.base import paths

    pems = list(paths.keys_dir().rglob("*.key"))
    assert len(pems) == 4  # the griffie and three parties, each encrypted with the passphrase
    assert not list(paths.keys_dir().rglob("*.pem"))
    workspaces = [str(council.griffie), *map(str, council.parties.values())]
    rows = {w: repr(dump(w)) for w in workspaces}
    files = {w: Path(w).read_bytes() for w in workspaces if "://" not in w}  # a database has no file to read
    for pem in pems:
        assert stat.S_IMODE(pem.stat().st_mode) == 0o600
        secret = pem.read_bytes().split(b"-----")[2].strip()
        for workspace in workspaces:
            assert secret.decode() not in rows[workspace], workspace  # in no row
            assert secret not in files.get(workspace, b""), workspace  # nor anywhere in the file
    for package in tmp_path.glob("*.rkpkg"):
        assert b"PRIVATE" not in package.read_bytes()


def test_init_twice_is_refused(council, capsys):
    code, _, err = cli(capsys, "keys", "init", council.griffie, "--as", "griffie")
    assert code == 1 and "Er bestaat al een sleutel voor Griffie" in err


def test_public_key_file_and_fingerprint(council, capsys, tmp_path):
    document = json.loads((tmp_path / "GL.pub").read_text(encoding="utf-8"))
    assert document["format"] == "raadsakkoord-public-key" and document["name"] == "GL"
    assert re.fullmatch(r"[0-9A-F]{4}( [0-9A-F]{4}){7}", document["fingerprint"])
    out = ok(capsys, "keys", "list", council.griffie)
    assert document["fingerprint"] in out and "(eigen sleutel)" in out


def test_registering_the_same_key_again_is_harmless_but_another_is_refused(council, capsys, tmp_path):
    ok(capsys, "keys", "register", council.griffie, tmp_path / "GL.pub")
    forged = json.loads((tmp_path / "GL.pub").read_text(encoding="utf-8"))
    forged["public_key"] = json.loads((tmp_path / "RP.pub").read_text(encoding="utf-8"))["public_key"]
    (tmp_path / "vals.pub").write_text(json.dumps(forged), encoding="utf-8")
    code, _, err = cli(capsys, "keys", "register", council.griffie, tmp_path / "vals.pub")
    assert code == 1 and "al een andere sleutel vastgelegd" in err


def test_garbage_key_files_are_refused_without_creating_a_workspace(capsys, tmp_path):
    for name, content in (("leeg.pub", b""), ("tekst.pub", b"hallo"), ("latin1.pub", b"\xe9\xe9"),
                          ("kapot.pub", b'{"format": "raadsakkoord-public-key", "version": 1, "agreement": "x"}')):
        (tmp_path / name).write_bytes(content)
        target = tmp_path / "nieuw.raadsakkoord"
        code, out, err = cli(capsys, "keys", "register", target, tmp_path / name)
        assert code == 1 and out == "" and len(err.strip().splitlines()) == 1, err
        assert not target.exists()


def test_export_without_a_key_is_a_clear_line(council, capsys, tmp_path):
    ws = open_workspace(str(council.griffie))
    ws.close()
    import shutil

    from raadsakkoord.base import paths

    shutil.rmtree(paths.keys_dir())
    code, _, err = cli(capsys, "package", "export", council.griffie, "--round", "-o", tmp_path / "x.rkpkg")
    assert code == 1 and "geen sleutel voor Griffie" in err
    assert not (tmp_path / "x.rkpkg").exists()
