"""Every package the griffie or a party must refuse: one clear line, nothing written."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from raadsakkoord import operations as ops
from raadsakkoord.exchange import envelope, keys
from raadsakkoord.exchange.envelope import PackageRefused, canonical, seal
from raadsakkoord.model import AmendmentKind
from raadsakkoord.store.workspace import open_workspace
from tests.exchange.conftest import BOUWEN, cli, dump, ok


@pytest.fixture
def gl_package(council, capsys, tmp_path):
    """A real package from GL with one amendment and one position, not yet imported."""
    ws = open_workspace(str(council.parties["GL"]))
    gl = ops.Actor.of_party(council.ids["GL"], "Gerda")
    with ws.action() as s:
        ops.propose_amendment(s, gl, kind=AmendmentKind.MODIFY, section_id=council.bouwen, headline="Meer",
                              text=BOUWEN.replace("500", "800"), submit=True)
        ops.endorse_section(s, gl, council.huur, "support")
    ws.close()
    path = tmp_path / "gl.rkpkg"
    ok(capsys, "package", "export", council.parties["GL"], "--party", "GL", "-o", path)
    return path


def _refused(capsys, council, path, message):
    before = dump(council.griffie)
    code, out, err = cli(capsys, "package", "import", council.griffie, path)
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err, err
    assert dump(council.griffie) == before


def _resign(council, path, change):
    """Alter a package and sign it again with GL's real key: a genuine signature on wrong content."""
    document = json.loads(path.read_bytes())
    change(document)
    ws = open_workspace(str(council.griffie))
    with ws.action() as s:
        identity = keys.resolve_identity(s, "GL")
    ws.close()
    private = keys.load_private_key(identity)
    path.write_bytes(seal(document["header"], document["content"], private, document["signature"]["fingerprint"])[0])
    return path


def test_package_for_another_agreement(council, gl_package, capsys, new_target):
    other = new_target("ander")
    ws = open_workspace(other, create=True)
    with ws.action() as s:
        ops.create_agreement(s, ops.Actor.griffie(), title="Ander akkoord", municipality="Elders", council_seats=9)
    ws.close()
    before = dump(other)
    code, _, err = cli(capsys, "package", "import", other, gl_package)
    assert code == 1 and "hoort bij een ander raadsakkoord dan deze werkruimte" in err
    assert dump(other) == before


def test_registering_a_key_of_another_agreement_is_refused(council, capsys, tmp_path, new_target):
    other = new_target("ander")
    ws = open_workspace(other, create=True)
    with ws.action() as s:
        ops.create_agreement(s, ops.Actor.griffie(), title="Ander akkoord", municipality="Elders", council_seats=9)
    ws.close()
    code, _, err = cli(capsys, "keys", "register", other, tmp_path / "griffie.pub")
    assert code == 1 and "ander raadsakkoord" in err


def test_unregistered_sender(council, capsys, tmp_path, new_target):
    fresh = new_target("nieuw")
    code, _, err = cli(capsys, "keys", "register", fresh, tmp_path / "GL.pub")
    assert code == 0
    code, _, err = cli(capsys, "package", "import", fresh, tmp_path / "ronde1.rkpkg")
    assert code == 1 and "ondertekend door de griffie, maar die sleutel is in deze werkruimte niet geregistreerd" in err


def test_signature_of_another_key(council, gl_package, capsys):
    document = json.loads(gl_package.read_bytes())
    impostor = keys.Ed25519PrivateKey.generate()
    data, _ = seal(document["header"], document["content"], impostor, document["signature"]["fingerprint"])
    gl_package.write_bytes(data)
    _refused(capsys, council, gl_package, "ongeldige handtekening")


def test_content_changed_after_signing(council, gl_package, capsys):
    document = json.loads(gl_package.read_bytes())
    document["content"]["amendments"][0]["proposed_text"] = BOUWEN.replace("500", "5000")
    gl_package.write_bytes(canonical(document))
    _refused(capsys, council, gl_package, "ongeldige handtekening")


def test_reformatted_file_is_refused_even_if_the_content_is_the_same(council, gl_package, capsys):
    gl_package.write_bytes(json.dumps(json.loads(gl_package.read_bytes()), indent=1).encode())
    _refused(capsys, council, gl_package, "na het ondertekenen gewijzigd")


def test_newer_format_version(council, gl_package, capsys):
    document = json.loads(gl_package.read_bytes())
    document["version"] = envelope.VERSION + 1
    gl_package.write_bytes(canonical(document))
    _refused(capsys, council, gl_package, "nieuwere versie van Raadsakkoord")


def test_unknown_base_round(council, gl_package, capsys):
    _resign(council, gl_package, lambda d: d["header"].update(base_round=7))
    _refused(capsys, council, gl_package, "gemaakt op ronde 7, die deze werkruimte niet kent")


def test_amendment_on_behalf_of_another_party(council, gl_package, capsys):
    other = str(council.ids["RP"])
    _resign(council, gl_package, lambda d: d["content"]["amendments"][0].update(party=other))
    _refused(capsys, council, gl_package, "namens een andere fractie")


def test_amendment_on_an_unknown_revision(council, gl_package, capsys):
    _resign(council, gl_package,
            lambda d: d["content"]["amendments"][0].update(base_revision="00000000-0000-4000-8000-000000000000"))
    _refused(capsys, council, gl_package, "onbekende hoofdlijn of versie")


def test_malformed_content_with_a_valid_signature(council, gl_package, capsys):
    document = json.loads(gl_package.read_bytes())
    document["content"]["amendments"][0]["kind"] = "rewrite"
    ws = open_workspace(str(council.griffie))
    with ws.action() as s:
        identity = keys.resolve_identity(s, "GL")
    ws.close()
    private = keys.load_private_key(identity)
    body = {"format": envelope.FORMAT, "version": document["version"], "header": document["header"],
            "content": document["content"]}
    import base64
    body["signature"] = {"algorithm": "Ed25519", "fingerprint": document["signature"]["fingerprint"],
                         "value": base64.b64encode(private.sign(canonical(body))).decode()}
    gl_package.write_bytes(canonical(body))
    _refused(capsys, council, gl_package, "beschadigd of onvolledig (bij content/amendments/0/kind)")


def test_not_utf8(council, gl_package, capsys):
    gl_package.write_bytes(gl_package.read_bytes().replace(b"Meer", b"M\xe9er"))
    _refused(capsys, council, gl_package, "geen geldige UTF-8-tekst")


def test_oversized(council, gl_package, capsys, monkeypatch):
    from raadsakkoord.cli import packages as commands

    monkeypatch.setattr(commands, "MAX_PACKAGE_BYTES", 1000)
    _refused(capsys, council, gl_package, "te groot")
    with pytest.raises(PackageRefused, match="te groot"):
        envelope.read_package(b"x" * (envelope.MAX_PACKAGE_BYTES + 1), "groot.rkpkg")


def test_empty_and_foreign_files(council, capsys, tmp_path):
    empty = tmp_path / "leeg.rkpkg"
    empty.write_bytes(b"")
    _refused(capsys, council, empty, "is leeg")
    foreign = tmp_path / "brief.rkpkg"
    foreign.write_bytes(b'{"hallo": "wereld"}')
    _refused(capsys, council, foreign, "geen pakket van Raadsakkoord")


def test_older_package_cannot_overwrite_newer_positions(council, capsys, tmp_path):
    ws = open_workspace(str(council.parties["GL"]))
    gl = ops.Actor.of_party(council.ids["GL"], "Gerda")
    with ws.action() as s:
        ops.endorse_section(s, gl, council.huur, "support")
    ws.close()
    ok(capsys, "package", "export", council.parties["GL"], "--party", "GL", "-o", tmp_path / "gl-1.rkpkg")
    ws = open_workspace(str(council.parties["GL"]))
    with ws.action() as s:
        ops.endorse_section(s, gl, council.huur, "oppose", minority_position="Toch niet.")
    ws.close()
    ok(capsys, "package", "export", council.parties["GL"], "--party", "GL", "-o", tmp_path / "gl-2.rkpkg")
    ok(capsys, "package", "import", council.griffie, tmp_path / "gl-2.rkpkg")
    _refused(capsys, council, tmp_path / "gl-1.rkpkg", "pakket 1 van GL, maar pakket 2 is al ingelezen")


def test_older_round_package_is_refused_by_a_party(council, capsys, tmp_path):
    ws = open_workspace(str(council.griffie))
    with ws.action() as s:
        ops.revise_section(s, ops.Actor.griffie("G"), council.huur, "Nieuwe huurtekst.", reason="x")
        ops.publish_round(s, ops.Actor.griffie("G"))
    ws.close()
    ok(capsys, "package", "export", council.griffie, "--round", "-o", tmp_path / "ronde2.rkpkg")
    ok(capsys, "package", "export", council.griffie, "--round", "1", "-o", tmp_path / "ronde1-opnieuw.rkpkg")
    ok(capsys, "package", "import", council.parties["BB"], tmp_path / "ronde2.rkpkg")
    before = dump(council.parties["BB"])
    code, _, err = cli(capsys, "package", "import", council.parties["BB"], tmp_path / "ronde1-opnieuw.rkpkg")
    assert code == 1 and "bevat ronde 1, maar deze werkruimte heeft al ronde 2" in err
    assert dump(council.parties["BB"]) == before


def test_round_package_into_a_missing_workspace_says_what_to_do_first(council, capsys, tmp_path):
    code, _, err = cli(capsys, "package", "import", tmp_path / "nog-niet.raadsakkoord", tmp_path / "ronde1.rkpkg")
    assert code == 1 and "keys register" in err
    assert not (tmp_path / "nog-niet.raadsakkoord").exists()


class TestEveryByte:
    """Flipping any byte, or cutting the file anywhere, is refused and changes nothing."""

    @pytest.fixture
    def prepared(self, council, gl_package):
        return council, gl_package.read_bytes(), dump(council.griffie)

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(data=st.data())
    def test_flipped_or_truncated(self, prepared, data, tmp_path_factory):
        from raadsakkoord.exchange import import_package

        council, original, before = prepared
        if data.draw(st.booleans(), label="truncate"):
            cut = data.draw(st.integers(0, len(original) - 1), label="cut")
            damaged = original[:cut]
        else:
            index = data.draw(st.integers(0, len(original) - 1), label="index")
            bit = data.draw(st.integers(0, 7), label="bit")
            damaged = original[:index] + bytes([original[index] ^ (1 << bit)]) + original[index + 1:]
        ws = open_workspace(str(council.griffie))
        try:
            with pytest.raises(PackageRefused), ws.action() as s:
                import_package(s, ops.Actor.griffie("G"), damaged, "beschadigd.rkpkg")
        finally:
            ws.close()
        assert dump(council.griffie) == before


def test_every_bit_of_the_unsigned_signature_block_matters(council, gl_package):
    """The signature block is not covered by the signature itself: check all of its bits exhaustively."""
    from raadsakkoord.exchange.envelope import read_package

    original = gl_package.read_bytes()
    ws = open_workspace(str(council.griffie))
    with ws.action() as s:
        public = keys.trusted_key(s, read_package(original, "x").agreement_id, f"party:{council.ids['GL']}").public_key
    ws.close()
    start = original.rindex(b'"signature":')
    accepted = []
    for index in range(start, len(original)):
        for bit in range(8):
            damaged = original[:index] + bytes([original[index] ^ (1 << bit)]) + original[index + 1:]
            try:
                package = read_package(damaged, "x")
            except PackageRefused:
                continue
            if package.signature_valid(public):
                accepted.append((index, bit))
    assert accepted == []
