"""The whole offline cycle with separate workspaces on disk, through the CLI."""

import sqlalchemy as sa

from raadsakkoord import operations as ops
from raadsakkoord.queries import conflicts
from raadsakkoord.model import Amendment, AmendmentKind, AmendmentStatus, Position, Round, Section
from raadsakkoord.store.workspace import open_workspace
from tests.exchange.conftest import BOUWEN, HUUR, cli, ok


def _as_party(council, short):
    ws = open_workspace(str(council.parties[short]))
    return ws, ops.Actor.of_party(council.ids[short], f"Lid van {short}")


def _amend(s, actor, section_id, text, headline, submit=True):
    return ops.propose_amendment(s, actor, kind=AmendmentKind.MODIFY, section_id=section_id,
                                 headline=headline, text=text, submit=submit).id


def test_round_package_creates_the_party_workspace(council):
    ws, _ = _as_party(council, "GL")
    with ws.action() as s:
        assert s.get(Section, council.bouwen).text == BOUWEN
        assert s.scalars(sa.select(Round.label)).all() == ["Concept 1"]
    ws.close()


def test_offline_cycle(council, capsys, tmp_path):
    # Three parties draft independently; GL and RP change the same passage.
    ws, gl = _as_party(council, "GL")
    with ws.action() as s:
        gl_amendment = _amend(s, gl, council.bouwen, BOUWEN.replace("500", "800"), "Meer woningen")
        ops.endorse_section(s, gl, council.huur, Position.SUPPORT)
    ws.close()
    ws, rp = _as_party(council, "RP")
    with ws.action() as s:
        rp_amendment = _amend(s, rp, council.bouwen, BOUWEN.replace("500", "300"), "Minder woningen")
        # A draft RP keeps for later, on a passage nobody else touches.
        rp_draft = _amend(s, rp, council.bouwen, BOUWEN.replace("in de dorpen", "in alle dorpen"),
                          "Alle dorpen", submit=False)
        ops.endorse_section(s, rp, council.bouwen, Position.OPPOSE, minority_position="Te veel beton.")
    ws.close()
    ws, bb = _as_party(council, "BB")
    with ws.action() as s:
        bb_amendment = _amend(s, bb, council.huur, HUUR.replace("vast aanspreekpunt", "vaste contactpersoon"),
                              "Een contactpersoon")
        ops.endorse_section(s, bb, council.bouwen, Position.SUPPORT)
    ws.close()
    for short in ("GL", "RP", "BB"):
        ok(capsys, "package", "export", council.parties[short], "--party", short, "-o", tmp_path / f"{short}-1.rkpkg")

    # The griffie reads all three in.
    for short in ("GL", "RP", "BB"):
        out = ok(capsys, "package", "import", council.griffie, tmp_path / f"{short}-1.rkpkg")
        assert f"Pakket van {short} ingelezen." in out
    griffie_ws = open_workspace(str(council.griffie))
    griffie = ops.Actor.griffie("Griet Griffier")
    with griffie_ws.action() as s:
        assert s.get(Amendment, rp_draft) is None  # a draft stays on the party's laptop
        report = conflicts.section_conflicts(s, council.bouwen)
        assert report.conflicting_pairs() in ([(gl_amendment, rp_amendment)], [(rp_amendment, gl_amendment)])
        from raadsakkoord.queries.support import section_support
        tally = section_support(s)[council.bouwen]
        assert (tally.support_seats, tally.oppose_seats) == (3, 5)
        assert tally.minority_positions[0].minority_position == "Te veel beton."
        # Decide and publish round 2: GL's change is accepted, RP's stays open.
        ops.decide_amendment(s, griffie, gl_amendment, AmendmentStatus.ACCEPTED, note="Akkoord")
        ops.decide_amendment(s, griffie, bb_amendment, AmendmentStatus.ACCEPTED)
        published = ops.publish_round(s, griffie)
        assert published.rebase_report.needs_rework == [rp_amendment]
    griffie_ws.close()
    ok(capsys, "package", "export", council.griffie, "--round", "-o", tmp_path / "ronde2.rkpkg")

    # RP reads round 2: its undecided draft is rebased, its colliding amendment marked.
    out = ok(capsys, "package", "import", council.parties["RP"], tmp_path / "ronde2.rkpkg")
    assert "overgezet op de nieuwe tekst" in out and "moeten worden herzien" in out
    ws, rp = _as_party(council, "RP")
    with ws.action() as s:
        section = s.get(Section, council.bouwen)
        assert section.text == BOUWEN.replace("500", "800")
        draft = s.get(Amendment, rp_draft)
        assert draft.status == AmendmentStatus.DRAFT and not draft.needs_rework
        assert draft.base_revision_id == section.current_revision_id
        assert draft.proposed_text == BOUWEN.replace("500", "800").replace("in de dorpen", "in alle dorpen")
        mine = s.get(Amendment, rp_amendment)
        assert mine.needs_rework and mine.proposed_text == BOUWEN.replace("500", "300")
        assert s.get(Amendment, gl_amendment).status == AmendmentStatus.ACCEPTED
        assert s.get(Section, council.huur).text.endswith("vaste contactpersoon.")
    ws.close()


def test_importing_the_same_package_twice_changes_nothing(council, capsys, tmp_path):
    from tests.exchange.conftest import dump

    ws, gl = _as_party(council, "GL")
    with ws.action() as s:
        _amend(s, gl, council.bouwen, BOUWEN.replace("500", "800"), "Meer woningen")
    ws.close()
    ok(capsys, "package", "export", council.parties["GL"], "--party", "GL", "-o", tmp_path / "gl.rkpkg")
    ok(capsys, "package", "import", council.griffie, tmp_path / "gl.rkpkg")
    before = dump(council.griffie)
    out = ok(capsys, "package", "import", council.griffie, tmp_path / "gl.rkpkg")
    assert "al eerder ingelezen; er is niets gewijzigd" in out
    assert dump(council.griffie) == before


def test_verify_reports_sender_and_checks_the_signature(council, capsys, tmp_path):
    out = ok(capsys, "package", "verify", tmp_path / "ronde1.rkpkg", "--key", tmp_path / "griffie.pub")
    assert "rondepakket van Griffie" in out and "handtekening klopt" in out
    code, _, err = cli(capsys, "package", "verify", tmp_path / "ronde1.rkpkg", "--key", tmp_path / "GL.pub")
    assert code == 1 and "niet de sleutel van de afzender" in err
