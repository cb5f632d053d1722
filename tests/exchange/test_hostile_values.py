"""Values in a signed package obey the rules of typed input: one bad value refuses the whole package.

The packages here carry a genuine signature (the sender's own key signed the
altered content), so only the value checks stand between them and the
workspace.
"""

import datetime as dt
import json
import uuid

import pytest

from raadsakkoord import operations as ops
from raadsakkoord.exchange import keys
from raadsakkoord.exchange.envelope import seal
from raadsakkoord.model import AmendmentKind
from raadsakkoord.store.workspace import open_workspace
from tests.exchange.conftest import BOUWEN, cli, dump, ok


@pytest.fixture
def gl_package(council, capsys, tmp_path):
    """A real package from GL with an amendment, a position and a task, not yet read in by the griffie."""
    ws = open_workspace(str(council.parties["GL"]))
    gl = ops.Actor.of_party(council.ids["GL"], "Gerda")
    with ws.action() as s:
        ops.propose_amendment(s, gl, kind=AmendmentKind.MODIFY, section_id=council.bouwen, headline="Meer",
                              text=BOUWEN.replace("500", "800"), explanation="Er is vraag.", submit=True)
        ops.endorse_section(s, gl, council.huur, "oppose", minority_position="Te duur.")
        ops.add_task(s, gl, title="Woningbouwplan", participation_level="raadplegen", stakeholders=["Huurders"],
                     due_date=dt.date(2027, 3, 1))
    ws.close()
    path = tmp_path / "gl.rkpkg"
    ok(capsys, "package", "export", council.parties["GL"], "--party", "GL", "-o", path)
    return path


def _resign(signer_workspace, who: str, path, change, *, fresh: bool = False):
    """Alter a package and sign it again with the sender's real key."""
    document = json.loads(path.read_bytes())
    change(document)
    if fresh:  # a package of its own, newer than the original: only its values can refuse it
        document["header"].update(package_id=str(uuid.uuid4()), sequence=document["header"]["sequence"] + 1)
    ws = open_workspace(str(signer_workspace))
    with ws.action() as s:
        identity = keys.resolve_identity(s, who)
    ws.close()
    private = keys.load_private_key(identity)
    path.write_bytes(seal(document["header"], document["content"], private, document["signature"]["fingerprint"])[0])
    return path


def _refused(capsys, target, path, *messages):
    before = dump(target)
    code, out, err = cli(capsys, "package", "import", target, path)
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1, err
    for message in messages:
        assert message in err, err
    assert dump(target) == before


def _set(section, index, key, value):
    return lambda d: d["content"][section][index].update({key: value})


@pytest.mark.parametrize(("change", "messages"), [
    (_set("amendments", 0, "headline", "Meer\x00woningen"),
     ["amendement 1: De kop van het amendement moet één regel tekst zijn"]),
    (_set("amendments", 0, "headline", "Meer \x1b[2Jwoningen"), ["amendement 1: De kop van het amendement"]),
    (_set("amendments", 0, "headline", "Meer woningen " * 30 + "!"),
     ["amendement 1: De kop van het amendement is te lang (421 tekens; maximaal 200)"]),
    (_set("amendments", 0, "proposed_title", "Nieuw\rEND:VEVENT"), ["De titel van de nieuwe hoofdlijn"]),
    (_set("amendments", 0, "explanation", "Er is\rvraag."),
     ["amendement 1: De toelichting bevat een onzichtbaar stuurteken (U+000D) op regel 1"]),
    (_set("amendments", 0, "proposed_text", BOUWEN.replace("500", "800\x0c")), ["De voorgestelde tekst", "U+000C"]),
    (_set("amendments", 0, "author", "Gerda\x9b31m"), ["amendement 1: De naam van wie dit doet"]),
    (_set("endorsements", 0, "minority_position", "Te\x00duur."),
     ["standpunt 1: Het minderheidsstandpunt bevat een onzichtbaar stuurteken (U+0000)"]),
    (_set("endorsements", 0, "author", "x" * 121), ["standpunt 1: De naam van wie dit doet is te lang"]),
    (_set("tasks", 0, "title", "Plan\x1b]0;titel\x07"), ["opdracht 1: De titel van de opdracht"]),
    (_set("tasks", 0, "description", "Doel\u2028\x7f"), ["opdracht 1: De omschrijving van de opdracht", "U+007F"]),
    (_set("tasks", 0, "portfolio_holder", "Wethouder\nWonen"), ["opdracht 1: De portefeuillehouder"]),
    (_set("tasks", 0, "stakeholders", ["Huurders", "Kopers\x85"]), ["opdracht 1: Een belanghebbende"]),
    (_set("tasks", 0, "due_date", "2027-02-31"), ["opdracht 1: de datum 2027-02-31 bestaat niet"]),
    (lambda d: d["header"].update(sender_name="GL\x1b[2J"), ["de afzender: De naam van de afzender"]),
    (lambda d: d["content"].update(co_submissions=[{
        "amendment": str(uuid.uuid4()), "party": d["header"]["sender"].removeprefix("party:"), "state": "confirmed",
        "requested_by": "Rob", "requested_at": d["header"]["created_at"],
        "answered_by": "Gerda\x1b[2J", "answered_at": d["header"]["created_at"]}]),
     ["mede-indiening 1: De naam van wie dit doet"]),
])
def test_a_party_package_with_a_bad_value_is_refused_whole(council, gl_package, capsys, change, messages):
    _resign(council.griffie, "GL", gl_package, change)
    _refused(capsys, council.griffie, gl_package, "gl.rkpkg is niet ingelezen: ", *messages)


def test_the_same_package_unaltered_is_read_in(council, gl_package, capsys):
    out = ok(capsys, "package", "import", council.griffie, gl_package)
    assert "amendementen: 1 nieuw" in out and "opdrachten: 1 nieuw" in out


@pytest.mark.parametrize(("change", "messages"), [
    (lambda d: d["content"]["parties"][0].update(short_name="GL\x1b[2J"), ["fractie 1: De korte naam van de fractie"]),
    (lambda d: d["content"]["parties"][0].update(name="Partij " * 30),
     ["fractie 1: De naam van de fractie is te lang (209 tekens; maximaal 120)"]),
    (lambda d: d["content"]["agreement"].update(preamble="Voorwoord\x00"), ["het raadsakkoord: Het voorwoord"]),
    (lambda d: d["content"]["chapters"][0].update(title="Wonen\r"), ["hoofdstuk 1: De titel van het hoofdstuk"]),
    (lambda d: d["content"]["sections"][0]["revisions"][0].update(author="\u009bGriffie"),
     ["hoofdlijn 1, versie 1: De naam van wie dit doet"]),
    (lambda d: d["content"]["sections"][0]["revisions"][0].update(text="Tekst\x1b[8m verborgen"),
     ["hoofdlijn 1, versie 1: De tekst van een hoofdlijn bevat een onzichtbaar stuurteken (U+001B)"]),
    (lambda d: d["content"]["rounds"][0].update(label="Ronde 1" * 20), ["ronde 1: De naam van de ronde is te lang"]),
    (lambda d: d["content"]["rounds"][0]["entries"][0].update(title="Bouwen\x00"),
     ["ronde 1: De titel van de hoofdlijn"]),
])
def test_a_round_package_with_a_bad_value_is_refused_whole(council, capsys, tmp_path, change, messages):
    path = tmp_path / "ronde1.rkpkg"
    _resign(council.griffie, "griffie", path, change, fresh=True)
    _refused(capsys, council.parties["GL"], path, "ronde1.rkpkg is niet ingelezen: ", *messages)


def test_a_key_file_with_a_control_character_in_its_name_is_refused(council, capsys, tmp_path):
    document = json.loads((tmp_path / "GL.pub").read_bytes())
    document["name"] = "GL\x1b[2J"
    (tmp_path / "GL.pub").write_text(json.dumps(document), encoding="utf-8")
    fresh = tmp_path / "nieuw.raadsakkoord"
    code, _out, err = cli(capsys, "keys", "register", fresh, tmp_path / "GL.pub")
    assert code == 1 and "GL.pub: De naam van de afzender moet één regel tekst zijn" in err
    assert "\x1b" not in err and not fresh.exists()


def test_the_import_report_shows_a_stored_headline_harmlessly(council, capsys, tmp_path):
    import sqlalchemy as sa

    from raadsakkoord.model import AmendmentStatus

    gl = ops.Actor.of_party(council.ids["GL"], "Gerda")
    ws = open_workspace(str(council.parties["GL"]))
    with ws.action() as s:
        amendment = ops.propose_amendment(s, gl, kind=AmendmentKind.MODIFY, section_id=council.bouwen,
                                          headline="Meer", text=BOUWEN.replace("500", "800"), submit=True).id
    ws.close()
    ok(capsys, "package", "export", council.parties["GL"], "--party", "GL", "-o", tmp_path / "gl-1.rkpkg")
    ok(capsys, "package", "import", council.griffie, tmp_path / "gl-1.rkpkg")
    ws = open_workspace(council.griffie)
    with ws.action() as s:
        ops.decide_amendment(s, ops.Actor.griffie("Griet"), amendment, AmendmentStatus.REJECTED, note="Te duur.")
    with ws.engine.begin() as conn:  # as an older version or a hand-edited database may have left it
        conn.execute(sa.text("UPDATE amendment SET headline = :h"), {"h": "Meer\x1b[2J\x1b]0;titel\x07\r\x9b!"})
    ws.close()
    ws = open_workspace(str(council.parties["GL"]))
    with ws.action() as s:
        ops.withdraw_amendment(s, gl, amendment)
    ws.close()
    ok(capsys, "package", "export", council.parties["GL"], "--party", "GL", "-o", tmp_path / "gl-2.rkpkg")
    out = ok(capsys, "package", "import", council.griffie, tmp_path / "gl-2.rkpkg")
    assert "'Meer\ufffd[2J\ufffd]0;titel\ufffd\ufffd\ufffd!' was al beoordeeld" in out
    assert not any(c in out for c in "\x1b\x07\r\x9b")


def test_a_package_the_receiver_would_refuse_is_not_made(council, capsys, tmp_path):
    import sqlalchemy as sa

    ws = open_workspace(council.griffie)
    with ws.engine.begin() as conn:  # as an older version or a hand-edited database may have left it
        # (ESC rather than NUL: PostgreSQL cannot hold a NUL at all)
        conn.execute(sa.text("UPDATE party SET name = :n WHERE short_name = 'RP'"), {"n": "Rode\x1b[2JPartij"})
    ws.close()
    before = dump(council.griffie)
    code, out, err = cli(capsys, "package", "export", council.griffie, "--round", "-o", tmp_path / "ronde2.rkpkg")
    assert code == 1 and out == "" and "\x1b" not in err
    assert ("Het pakket is niet gemaakt, want de ontvanger zou het weigeren: fractie 3: "
            "De naam van de fractie moet één regel tekst zijn") in err
    assert not (tmp_path / "ronde2.rkpkg").exists() and dump(council.griffie) == before
