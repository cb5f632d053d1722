"""The griffie's request to support a changed text again travels in the next round package to each party."""

from __future__ import annotations

import json

import pytest

from raadsakkoord import operations as ops
from raadsakkoord.model import AuditEvent
from raadsakkoord.queries.support_requests import support_asked_of
from raadsakkoord.store.workspace import open_workspace
from tests.exchange.conftest import dump, ok

pytestmark = pytest.mark.postgres


def _round_2(council, capsys, *, ask: bool):
    ws = open_workspace(council.griffie)
    griffie = ops.Actor.griffie("Griet Griffier")
    with ws.action() as s:
        ops.revise_section(s, griffie, council.bouwen, "We bouwen 700 woningen in Noord.", reason="Aanvaard")
        if ask:
            ops.ask_support_again(s, griffie, council.bouwen)
        ops.publish_round(s, griffie)
    ws.close()
    path = council.dir / "ronde2.rkpkg"
    ok(capsys, "package", "export", council.griffie, "--round", "-o", path)
    return path


def _asked(council, short):
    ws = open_workspace(str(council.parties[short]))
    try:
        with ws.action() as s:
            events = s.query(AuditEvent).filter(AuditEvent.action == "ask_support_again").count()
            return support_asked_of(s, council.ids[short]), events
    finally:
        ws.close()


def test_the_request_reaches_every_party_once(council, capsys):
    path = _round_2(council, capsys, ask=True)
    package = json.loads(path.read_bytes())
    assert package["version"] == 3
    assert package["content"]["support_requests"][0]["section"] == str(council.bouwen)
    ok(capsys, "package", "import", council.parties["GL"], path)
    assert _asked(council, "GL") == ({council.bouwen}, 1)
    before = dump(council.parties["GL"])
    ok(capsys, "package", "import", council.parties["GL"], path)  # the same package again changes nothing
    assert dump(council.parties["GL"]) == before


def test_a_round_without_requests_keeps_the_older_format(council, capsys):
    path = _round_2(council, capsys, ask=False)
    package = json.loads(path.read_bytes())
    assert package["version"] <= 2 and "support_requests" not in package["content"]
    ok(capsys, "package", "import", council.parties["RP"], path)
    assert _asked(council, "RP") == (set(), 0)
