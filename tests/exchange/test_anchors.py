"""Packages carry the sender's audit head; every workspace in the exchange verifies clean, and stays checkable."""

from __future__ import annotations

import sqlite3

import sqlalchemy as sa

from raadsakkoord import operations as ops
from raadsakkoord.exchange.envelope import read_package
from raadsakkoord.model import (
    AmendmentKind,
    AmendmentStatus,
    AuditAnchor,
    AuditEvent,
    AuditHead,
    Position,
)
from raadsakkoord.store.workspace import open_workspace
from tests.exchange.conftest import BOUWEN, HUUR, cli, ok


def _head(target) -> tuple[int, str]:
    ws = open_workspace(str(target))
    try:
        with ws.action() as s:
            head = s.get(AuditHead, 1)
            return head.seq, head.hash
    finally:
        ws.close()


def _anchors(target) -> list[tuple[str, bool, str, int, str]]:
    ws = open_workspace(str(target))
    try:
        with ws.action() as s:
            return [(a.subject, a.issued, a.holder, a.seq, a.hash)
                    for a in s.scalars(sa.select(AuditAnchor).order_by(AuditAnchor.id))]
    finally:
        ws.close()


def _event_hash(target, seq: int) -> str | None:
    ws = open_workspace(str(target))
    try:
        with ws.action() as s:
            event = s.get(AuditEvent, seq)
            return event.hash if event else None
    finally:
        ws.close()


def _work_a_round(council, capsys, tmp_path) -> None:
    """Parties amend and take positions, the griffie decides and publishes round 2, everyone reads it."""
    for short, section, text in (("GL", council.bouwen, BOUWEN.replace("500", "800")),
                                 ("BB", council.huur, HUUR.replace("vast aanspreekpunt", "vaste contactpersoon"))):
        ws = open_workspace(str(council.parties[short]))
        actor = ops.Actor.of_party(council.ids[short], f"Lid van {short}")
        with ws.action() as s:
            ops.propose_amendment(s, actor, kind=AmendmentKind.MODIFY, section_id=section,
                                  headline=f"Voorstel van {short}", text=text, submit=True)
            ops.endorse_section(s, actor, council.bouwen, Position.OPPOSE, minority_position=f"{short} twijfelt.")
        ws.close()
        ok(capsys, "package", "export", council.parties[short], "--party", short, "-o", tmp_path / f"{short}.rkpkg")
        ok(capsys, "package", "import", council.griffie, tmp_path / f"{short}.rkpkg")
    ws = open_workspace(str(council.griffie))
    griffie = ops.Actor.griffie("Griet Griffier")
    with ws.action() as s:
        from raadsakkoord.model import Amendment

        for amendment in s.scalars(sa.select(Amendment)).all():
            decision = AmendmentStatus.ACCEPTED if amendment.headline.endswith("GL") else AmendmentStatus.REJECTED
            ops.decide_amendment(s, griffie, amendment.id, decision, note="Besproken")
        ops.update_party(s, griffie, council.ids["BB"], seats=2)
        ops.publish_round(s, griffie)
    ws.close()
    ok(capsys, "package", "export", council.griffie, "--round", "-o", tmp_path / "ronde2.rkpkg")
    for path in council.parties.values():
        ok(capsys, "package", "import", path, tmp_path / "ronde2.rkpkg")


def test_every_workspace_of_the_exchange_verifies_clean(council, capsys, tmp_path):
    _work_a_round(council, capsys, tmp_path)
    ok(capsys, "package", "export", council.parties["RP"], "--party", "RP", "-o", tmp_path / "RP.rkpkg")
    ok(capsys, "package", "import", council.griffie, tmp_path / "RP.rkpkg")
    for target in (council.griffie, *council.parties.values()):
        out = ok(capsys, "audit", target, "--verify")
        assert out.startswith("Het logboek is intact (") and out.count("\n") == 1, out


def test_packages_carry_the_senders_head_and_the_receiver_keeps_it(council, capsys, tmp_path):
    head_before = _head(council.griffie)
    ok(capsys, "package", "export", council.griffie, "--round", "-o", tmp_path / "again.rkpkg")
    package = read_package((tmp_path / "again.rkpkg").read_bytes(), "again.rkpkg")
    assert package.header["audit_head"] == {"seq": head_before[0], "hash": head_before[1]}
    subject = f"package:{package.package_id}"
    assert (subject, True, "", *head_before) in _anchors(council.griffie)

    ok(capsys, "package", "export", council.parties["GL"], "--party", "GL", "-o", tmp_path / "gl.rkpkg")
    sent = read_package((tmp_path / "gl.rkpkg").read_bytes(), "gl.rkpkg")
    seq, digest = sent.header["audit_head"]["seq"], sent.header["audit_head"]["hash"]
    assert _event_hash(council.parties["GL"], seq) == digest  # a point of GL's own chain
    ok(capsys, "package", "import", council.griffie, tmp_path / "gl.rkpkg")
    held = [a for a in _anchors(council.griffie) if a[0] == f"package:{sent.package_id}"]
    assert held == [(f"package:{sent.package_id}", False, f"party:{council.ids['GL']}", seq, digest)]


def test_a_changed_head_in_a_package_breaks_its_signature(council, capsys, tmp_path):
    ok(capsys, "package", "export", council.parties["GL"], "--party", "GL", "-o", tmp_path / "gl.rkpkg")
    data = (tmp_path / "gl.rkpkg").read_bytes()
    digest = read_package(data, "gl.rkpkg").header["audit_head"]["hash"]
    forged = data.replace(digest.encode(), ("0" * 64).encode())
    (tmp_path / "vals.rkpkg").write_bytes(forged)
    code, _, err = cli(capsys, "package", "import", council.griffie, tmp_path / "vals.rkpkg")
    assert code != 0 and "ongeldige handtekening" in err


def test_values_a_party_received_in_a_round_are_checked_too(council, capsys, tmp_path):
    """The griffie's decisions came in a package; changing one on the party's laptop is found."""
    _work_a_round(council, capsys, tmp_path)
    with sqlite3.connect(council.parties["RP"]) as conn:
        conn.execute("UPDATE amendment SET status = 'accepted' WHERE headline = 'Voorstel van BB'")
        conn.execute("UPDATE party SET seats = 3 WHERE short_name = 'BB'")
    code, out, err = cli(capsys, "audit", council.parties["RP"], "--verify")
    assert (code, err) == (1, "")
    assert "Amendement 'Voorstel van BB' is aanvaard, maar volgens het logboek verworpen." in out
    assert "Fractie BB heeft 3 zetels, maar volgens het logboek 2 zetels." in out
