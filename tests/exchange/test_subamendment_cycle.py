"""Subamendments and the griffie's numbers through the whole offline cycle, workspaces on disk, through the CLI."""

import uuid

from raadsakkoord import operations as ops
from raadsakkoord.model import Amendment, AmendmentKind, AmendmentStatus
from raadsakkoord.store.workspace import open_workspace
from tests.exchange.conftest import BOUWEN, HUUR, cli, ok
from tests.exchange.test_forged_packages import _resign

SUB = BOUWEN.replace("500", "300").replace("sociale huur", "sociale huur of middenhuur")


def _in(path):
    return open_workspace(str(path))


def _labels(path, *ids):
    ws = open_workspace(str(path))
    try:
        with ws.action() as s:
            return [s.get(Amendment, i).label if s.get(Amendment, i) else None for i in ids]
    finally:
        ws.close()


def _send(council, capsys, tmp_path, short, n):
    """The party's package, read in by the griffie; what the import said."""
    path = tmp_path / f"{short}-{n}.rkpkg"
    ok(capsys, "package", "export", council.parties[short], "--party", short, "-o", path)
    return ok(capsys, "package", "import", council.griffie, path)


def _round(council, capsys, tmp_path, n, *shorts):
    """The latest round's package, exported again: it carries every amendment as the griffie has it now."""
    path = tmp_path / f"ronde{n}.rkpkg"
    ok(capsys, "package", "export", council.griffie, "--round", "-o", path)
    for short in shorts:
        ok(capsys, "package", "import", council.parties[short], path)


def test_numbers_are_the_griffies_and_a_subamendment_travels_both_ways(council, capsys, tmp_path):
    gl_actor = ops.Actor.of_party(council.ids["GL"], "Lid van GL")
    rp_actor = ops.Actor.of_party(council.ids["RP"], "Lid van RP")
    # Both parties submit offline: neither copy can know the other's, so neither numbers.
    ws = _in(council.parties["RP"])
    with ws.action() as s:
        rp_amendment = ops.propose_amendment(s, rp_actor, kind=AmendmentKind.MODIFY, section_id=council.bouwen,
                                             headline="Minder woningen", text=BOUWEN.replace("500", "300"),
                                             submit=True).id
    ws.close()
    ws = _in(council.parties["GL"])
    with ws.action() as s:
        gl_amendment = ops.propose_amendment(s, gl_actor, kind=AmendmentKind.MODIFY, section_id=council.huur,
                                             headline="Contactpersoon", submit=True,
                                             text=HUUR.replace("vast aanspreekpunt", "vaste contactpersoon")).id
    ws.close()
    assert _labels(council.parties["RP"], rp_amendment) == [""]
    assert _labels(council.parties["GL"], gl_amendment) == [""]
    # The griffie numbers them in the order it reads the packages.
    _send(council, capsys, tmp_path, "GL", 1)
    assert "Nummers gegeven: A2" in _send(council, capsys, tmp_path, "RP", 1)
    assert _labels(council.griffie, gl_amendment, rp_amendment) == ["A1", "A2"]
    ws = _in(council.griffie)
    with ws.action() as s:
        from raadsakkoord.queries.inbox import inbox
        # The griffie's inbox says which numbers the package got.
        assert "nummers A2" in inbox(s).received[0].summary
    ws.close()
    _round(council, capsys, tmp_path, 2, "GL", "RP")
    # Everyone now says A1 and A2 for the same amendments.
    assert _labels(council.parties["GL"], gl_amendment, rp_amendment) == ["A1", "A2"]
    assert _labels(council.parties["RP"], gl_amendment, rp_amendment) == ["A1", "A2"]

    # GL subamends RP's A2 offline; the griffie numbers it A2.1.
    ws = _in(council.parties["GL"])
    with ws.action() as s:
        sub = ops.propose_subamendment(s, gl_actor, rp_amendment, text=SUB, headline="Ook middenhuur", submit=True)
        sub_id = sub.id
        assert sub.label == ""
    ws.close()
    # The party's own copy says so, rather than guess a number the griffie may give another amendment.
    assert "  nog geen nummer  GL  hoofdlijn 1.1" in ok(capsys, "amendments", council.parties["GL"])
    _send(council, capsys, tmp_path, "GL", 2)
    assert _labels(council.griffie, sub_id) == ["A2.1"]
    out = ok(capsys, "amendments", council.griffie)
    assert "  A2.1" in out and "‘Ook middenhuur’" in out
    # The council accepts the subamendment: A2 now reads as amended, and RP sees it.
    ws = _in(council.griffie)
    with ws.action() as s:
        griffie = ops.Actor.griffie("Griet Griffier")
        ops.decide_amendment(s, griffie, sub_id, AmendmentStatus.ACCEPTED)
        assert s.get(Amendment, rp_amendment).proposed_text == SUB
    ws.close()
    _round(council, capsys, tmp_path, 3, "RP", "GL")
    ws = _in(council.parties["RP"])
    with ws.action() as s:
        mine = s.get(Amendment, rp_amendment)
        theirs = s.get(Amendment, sub_id)
        assert (theirs.label, theirs.parent_id, theirs.status) == ("A2.1", rp_amendment, AmendmentStatus.ACCEPTED)
        # RP's own amendment now reads as the council amended it.
        assert (mine.label, mine.proposed_text, mine.status) == ("A2", SUB, AmendmentStatus.SUBMITTED)
    ws.close()


def test_a_subamendment_on_an_amendment_the_griffie_does_not_know_is_refused(council, capsys, tmp_path):
    gl_actor = ops.Actor.of_party(council.ids["GL"], "Lid van GL")
    ws = _in(council.parties["GL"])
    with ws.action() as s:
        ops.propose_amendment(s, gl_actor, kind=AmendmentKind.MODIFY, section_id=council.bouwen, headline="Meer",
                              text=BOUWEN.replace("500", "800"), submit=True)
    ws.close()
    path = tmp_path / "gl.rkpkg"
    ok(capsys, "package", "export", council.parties["GL"], "--party", "GL", "-o", path)

    def change(doc):
        data = doc["content"]["amendments"][0]
        data["parent"], data["parent_text"] = str(uuid.uuid4()), BOUWEN
    _resign(council, path, "GL", change)
    code, _out, err = cli(capsys, "package", "import", council.griffie, path)
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert "subamendement op een amendement dat de griffie niet kent" in err
    ws = _in(council.griffie)
    with ws.action() as s:
        assert s.query(Amendment).count() == 0  # nothing half-read
    ws.close()


def test_a_subamendment_on_a_text_the_griffie_changed_since_is_carried_over(council, capsys, tmp_path):
    rp_actor = ops.Actor.of_party(council.ids["RP"], "Lid van RP")
    ws = _in(council.parties["RP"])
    with ws.action() as s:
        rp_amendment = ops.propose_amendment(s, rp_actor, kind=AmendmentKind.MODIFY, section_id=council.bouwen,
                                             headline="Minder", text=BOUWEN.replace("500", "300"), submit=True).id
    ws.close()
    _send(council, capsys, tmp_path, "RP", 1)
    _round(council, capsys, tmp_path, 2, "GL", "BB")
    # GL and BB subamend A1 in their own copies, on different passages; BB's is decided first.
    for short, old, new in (("BB", "in de dorpen", "in alle dorpen"), ("GL", "sociale huur", "middenhuur")):
        ws = _in(council.parties[short])
        with ws.action() as s:
            ops.propose_subamendment(s, ops.Actor.of_party(council.ids[short], short), rp_amendment,
                                     text=BOUWEN.replace("500", "300").replace(old, new), headline=short,
                                     submit=True)
        ws.close()
    _send(council, capsys, tmp_path, "BB", 1)
    ws = _in(council.griffie)
    with ws.action() as s:
        [bb_sub] = s.get(Amendment, rp_amendment).subamendments
        ops.decide_amendment(s, ops.Actor.griffie("Griet Griffier"), bb_sub.id, AmendmentStatus.ACCEPTED)
    ws.close()
    _send(council, capsys, tmp_path, "GL", 1)
    ws = _in(council.griffie)
    with ws.action() as s:
        parent = s.get(Amendment, rp_amendment)
        gl_sub = next(a for a in parent.subamendments if a.headline == "GL")
        assert gl_sub.label == "A1.2" and not gl_sub.needs_rework
        assert gl_sub.proposed_text == BOUWEN.replace("500", "300").replace("in de dorpen", "in alle dorpen") \
            .replace("sociale huur", "middenhuur")
    ws.close()


def test_a_subamendment_on_an_amendment_withdrawn_meanwhile_lapses_on_import(council, capsys, tmp_path):
    rp_actor = ops.Actor.of_party(council.ids["RP"], "Lid van RP")
    ws = _in(council.parties["RP"])
    with ws.action() as s:
        rp_amendment = ops.propose_amendment(s, rp_actor, kind=AmendmentKind.MODIFY, section_id=council.bouwen,
                                             headline="Minder", text=BOUWEN.replace("500", "300"), submit=True).id
    ws.close()
    _send(council, capsys, tmp_path, "RP", 1)
    _round(council, capsys, tmp_path, 2, "GL")
    ws = _in(council.parties["GL"])
    with ws.action() as s:
        sub_id = ops.propose_subamendment(s, ops.Actor.of_party(council.ids["GL"], "GL"), rp_amendment,
                                          text=BOUWEN.replace("500", "350"), headline="Iets meer", submit=True).id
    ws.close()
    ws = _in(council.griffie)
    with ws.action() as s:
        ops.withdraw_amendment(s, ops.Actor.griffie("Griet Griffier"), rp_amendment, reason="Op verzoek van RP")
    ws.close()
    out = _send(council, capsys, tmp_path, "GL", 1)
    assert "'Iets meer' is vervallen: het amendement waarop het is geschreven, is al ingetrokken." in out
    ws = _in(council.griffie)
    with ws.action() as s:
        sub = s.get(Amendment, sub_id)
        assert (sub.status, sub.decision_note) == (AmendmentStatus.SUPERSEDED,
                                                   "Vervallen: amendement A1 is ingetrokken.")
    ws.close()
