"""Co-submission through packages: a party's package asks, only the asked party's own package answers."""

import json

from raadsakkoord import operations as ops
from raadsakkoord.exchange import keys
from raadsakkoord.exchange.envelope import canonical, seal
from raadsakkoord.export import markdown as md
from raadsakkoord.export.amendments import amendment_book
from raadsakkoord.model import Amendment, AmendmentKind, CoSubmissionState
from raadsakkoord.queries.auditlog import audit_page
from raadsakkoord.store.workspace import open_workspace
from tests.exchange.conftest import BOUWEN, cli, dump, ok

REQUESTED, CONFIRMED, DECLINED = CoSubmissionState


def _act(council, short, action):
    """Run ``action(session, actor)`` in a party's own workspace, acting as a member of that party."""
    ws = open_workspace(str(council.parties[short]))
    try:
        with ws.action() as s:
            return action(s, ops.Actor.of_party(council.ids[short], f"Lid van {short}"))
    finally:
        ws.close()


def _states(target, amendment_id) -> dict:
    ws = open_workspace(str(target))
    try:
        with ws.action() as s:
            return {c.party.short_name: c.state for c in s.get(Amendment, amendment_id).co_submissions}
    finally:
        ws.close()


def _indiener(target) -> list[str]:
    """The 'Indiener:' lines of the amendment book, as the workspace would publish it."""
    ws = open_workspace(str(target))
    try:
        with ws.action() as s:
            text = md.amendment_book_markdown(amendment_book(s))
    finally:
        ws.close()
    return [line for line in text.splitlines() if line.startswith("- Indiener:")]


def _sign_as(council, short, document) -> bytes:
    """Sign altered content with ``short``'s real key: a genuine signature of that party on what it claims."""
    ws = open_workspace(str(council.griffie))
    with ws.action() as s:
        identity = keys.resolve_identity(s, short)
    ws.close()
    private = keys.load_private_key(identity)
    return seal(document["header"], document["content"], private, document["signature"]["fingerprint"])[0]


def _rp_asks_gl(council, capsys, tmp_path):
    amendment = _act(council, "RP", lambda s, rp: ops.propose_amendment(
        s, rp, kind=AmendmentKind.MODIFY, section_id=council.bouwen, headline="Minder woningen",
        text=BOUWEN.replace("500", "300"), co_party_ids=[council.ids["GL"]], submit=True).id)
    ok(capsys, "package", "export", council.parties["RP"], "--party", "RP", "-o", tmp_path / "rp-1.rkpkg")
    return amendment


def test_a_party_package_naming_another_party_makes_a_request_only(council, capsys, tmp_path):
    amendment = _rp_asks_gl(council, capsys, tmp_path)
    document = json.loads((tmp_path / "rp-1.rkpkg").read_bytes())
    assert "co_submissions" not in document["content"]  # RP answers nobody: only its own requests
    assert document["content"]["amendments"][0]["co_parties"] == [str(council.ids["GL"])]
    ok(capsys, "package", "import", council.griffie, tmp_path / "rp-1.rkpkg")
    assert _states(council.griffie, amendment) == {"GL": REQUESTED}
    assert _indiener(council.griffie) == ["- Indiener: RP"]


def test_a_forged_confirmation_in_the_submitters_package_confirms_nothing(council, capsys, tmp_path):
    amendment = _rp_asks_gl(council, capsys, tmp_path)
    document = json.loads((tmp_path / "rp-1.rkpkg").read_bytes())
    moment = document["content"]["amendments"][0]["submitted_at"]
    document["content"]["co_submissions"] = [{
        "amendment": str(amendment), "party": str(council.ids["GL"]), "state": "confirmed",
        "requested_by": "Lid van RP", "requested_at": moment, "answered_by": "Lid van GL", "answered_at": moment}]
    forged = tmp_path / "rp-vals.rkpkg"
    forged.write_bytes(_sign_as(council, "RP", document))
    before = dump(council.griffie)
    code, out, err = cli(capsys, "package", "import", council.griffie, forged)
    assert code == 1 and out == ""
    assert err.strip() == (f"raadsakkoord: {forged} bevat een bevestiging van mede-indienen namens een andere "
                           "fractie; het is niet ingelezen.")
    assert dump(council.griffie) == before
    # The honest package of RP still reads in, as a request.
    ok(capsys, "package", "import", council.griffie, tmp_path / "rp-1.rkpkg")
    assert _states(council.griffie, amendment) == {"GL": REQUESTED}


def test_the_asked_partys_own_package_confirms_and_every_party_then_sees_it(council, capsys, tmp_path):
    amendment = _rp_asks_gl(council, capsys, tmp_path)
    ok(capsys, "package", "import", council.griffie, tmp_path / "rp-1.rkpkg")
    ok(capsys, "package", "export", council.griffie, "--round", "-o", tmp_path / "ronde-a.rkpkg")
    # The round package names no co-submitter yet, but carries the request to GL.
    document = json.loads((tmp_path / "ronde-a.rkpkg").read_bytes())
    assert document["version"] == 2
    carried = [a for a in document["content"]["amendments"] if a["id"] == str(amendment)]
    assert carried[0]["co_parties"] == []
    assert [(c["party"], c["state"]) for c in document["content"]["co_submissions"]] == [
        (str(council.ids["GL"]), "requested")]

    ok(capsys, "package", "import", council.parties["GL"], tmp_path / "ronde-a.rkpkg")
    assert _states(council.parties["GL"], amendment) == {"GL": REQUESTED}
    _act(council, "GL", lambda s, gl: ops.confirm_co_submission(s, gl, amendment))
    # A round package that crosses GL's answer in the mail does not undo it.
    ok(capsys, "package", "export", council.griffie, "--round", "-o", tmp_path / "ronde-a2.rkpkg")
    ok(capsys, "package", "import", council.parties["GL"], tmp_path / "ronde-a2.rkpkg")
    assert _states(council.parties["GL"], amendment) == {"GL": CONFIRMED}
    ok(capsys, "package", "export", council.parties["GL"], "--party", "GL", "-o", tmp_path / "gl-1.rkpkg")
    out = ok(capsys, "package", "import", council.griffie, tmp_path / "gl-1.rkpkg")
    assert "antwoorden op verzoeken om mede-indienen: 1 bijgewerkt" in out
    assert _states(council.griffie, amendment) == {"GL": CONFIRMED}
    assert _indiener(council.griffie) == ["- Indiener: RP met GL"]
    ws = open_workspace(str(council.griffie))
    with ws.action() as s:
        [event] = [r for r in audit_page(s) if r.action == "confirm_co_submission"]
    ws.close()
    # The clerk read it in; the log says whose answer it is and where it came from.
    assert event.details == "A1 ‘Minder woningen’ (RP): GL (Lid van GL) — uit een fractiepakket"

    ok(capsys, "package", "export", council.griffie, "--round", "-o", tmp_path / "ronde-b.rkpkg")
    document = json.loads((tmp_path / "ronde-b.rkpkg").read_bytes())
    carried = [a for a in document["content"]["amendments"] if a["id"] == str(amendment)]
    assert carried[0]["co_parties"] == [str(council.ids["GL"])]
    for short in ("RP", "BB"):
        ok(capsys, "package", "import", council.parties[short], tmp_path / "ronde-b.rkpkg")
        assert _states(council.parties[short], amendment) == {"GL": CONFIRMED}
    assert _indiener(council.parties["BB"]) == ["- Indiener: RP met GL"]


def test_an_answer_to_a_request_that_changed_since_is_not_taken(council, capsys, tmp_path):
    amendment = _rp_asks_gl(council, capsys, tmp_path)
    ok(capsys, "package", "import", council.griffie, tmp_path / "rp-1.rkpkg")
    ok(capsys, "package", "export", council.griffie, "--round", "-o", tmp_path / "ronde-a.rkpkg")
    ok(capsys, "package", "import", council.parties["GL"], tmp_path / "ronde-a.rkpkg")
    _act(council, "GL", lambda s, gl: ops.confirm_co_submission(s, gl, amendment))
    ok(capsys, "package", "export", council.parties["GL"], "--party", "GL", "-o", tmp_path / "gl-1.rkpkg")
    # Meanwhile the request GL answered was withdrawn and made anew (the griffie records
    # it for RP, from a paper): GL's answer was for the old request and confirms nothing.
    ws = open_workspace(str(council.griffie))
    griffie = ops.Actor.griffie("Griet Griffier")
    with ws.action() as s:
        ops.withdraw_co_submission_request(s, griffie, amendment, council.ids["GL"])
        ops.request_co_submission(s, griffie, amendment, council.ids["GL"])
    ws.close()
    out = ok(capsys, "package", "import", council.griffie, tmp_path / "gl-1.rkpkg")
    assert "is niet overgenomen" in out
    assert _states(council.griffie, amendment) == {"GL": REQUESTED}


def test_a_round_package_of_an_older_version_brings_its_co_submitters_as_requests(council, capsys, tmp_path):
    """An older griffie named co-submitters no party had confirmed: they arrive as requests."""
    amendment = _rp_asks_gl(council, capsys, tmp_path)
    ok(capsys, "package", "import", council.griffie, tmp_path / "rp-1.rkpkg")
    ok(capsys, "package", "export", council.griffie, "--round", "-o", tmp_path / "ronde-a.rkpkg")
    document = json.loads((tmp_path / "ronde-a.rkpkg").read_bytes())
    content = document["content"]
    del content["co_submissions"]
    del document["header"]["audit_head"]  # an older version did not carry its log's head either
    for data in content["amendments"]:
        if data["id"] == str(amendment):
            data["co_parties"] = [str(council.ids["GL"])]
    ws = open_workspace(str(council.griffie))
    with ws.action() as s:
        identity = keys.resolve_identity(s, "griffie")
    ws.close()
    private = keys.load_private_key(identity)
    old = seal(document["header"], content, private, document["signature"]["fingerprint"])[0]
    assert json.loads(old)["version"] == 1
    assert canonical(json.loads(old)) == old
    (tmp_path / "ronde-oud.rkpkg").write_bytes(old)
    ok(capsys, "package", "import", council.parties["BB"], tmp_path / "ronde-oud.rkpkg")
    assert _states(council.parties["BB"], amendment) == {"GL": REQUESTED}
    assert _indiener(council.parties["BB"]) == ["- Indiener: RP"]


def test_an_answer_on_an_amendment_the_griffie_does_not_know_is_noted_not_taken(council, capsys, tmp_path):
    """GL's own answer, but on an amendment that never reached the griffie: the rest of GL's package counts."""
    ok(capsys, "package", "export", council.parties["GL"], "--party", "GL", "-o", tmp_path / "gl-1.rkpkg")
    document = json.loads((tmp_path / "gl-1.rkpkg").read_bytes())
    moment = document["header"]["created_at"]
    document["content"]["co_submissions"] = [{
        "amendment": "00000000-0000-4000-8000-000000000000", "party": str(council.ids["GL"]),
        "state": "confirmed", "requested_by": "Lid van RP", "requested_at": moment,
        "answered_by": "Lid van GL", "answered_at": moment}]
    package = tmp_path / "gl-onbekend.rkpkg"
    package.write_bytes(_sign_as(council, "GL", document))
    out = ok(capsys, "package", "import", council.griffie, package)
    assert "Pakket van GL ingelezen." in out and "hier niet bekend is; het is niet overgenomen" in out
