"""The griffie's inbox: which party sent what and when, and who sent nothing yet."""

from raadsakkoord import operations as ops
from raadsakkoord.queries.inbox import inbox, summary_text
from raadsakkoord.model import AmendmentKind, Position
from raadsakkoord.store.workspace import open_workspace
from tests.exchange.conftest import BOUWEN, ok


def _read(path):
    ws = open_workspace(str(path))
    try:
        with ws.action() as s:
            return inbox(s)
    finally:
        ws.close()


def test_the_griffie_sees_each_package_and_the_party_that_sent_nothing(council, capsys, tmp_path):
    gl = open_workspace(str(council.parties["GL"]))
    with gl.action() as s:
        ops.propose_amendment(s, ops.Actor.of_party(council.ids["GL"], "Gerda"), kind=AmendmentKind.MODIFY,
                              section_id=council.bouwen, headline="Meer woningen",
                              text=BOUWEN.replace("500", "800"), submit=True)
    gl.close()
    rp = open_workspace(str(council.parties["RP"]))
    with rp.action() as s:
        ops.endorse_section(s, ops.Actor.of_party(council.ids["RP"], "Ruud"), council.huur, Position.SUPPORT)
    rp.close()
    for short, name in (("GL", "gl1.rkpkg"), ("RP", "rp1.rkpkg"), ("GL", "gl2.rkpkg")):
        ok(capsys, "package", "export", council.parties[short], "--party", short, "-o", tmp_path / name)
        ok(capsys, "package", "import", council.griffie, tmp_path / name)

    box = _read(council.griffie)
    assert [(p.sender, p.kind, p.sequence, p.base_round) for p in box.received] == [
        ("GL", "party", 2, 1), ("RP", "party", 1, 1), ("GL", "party", 1, 1)]
    assert box.received[2].summary == "amendementen: 1 nieuw; nummers A1"
    assert box.received[1].summary == "standpunten: 1 nieuw"
    assert box.received[0].summary == "amendementen: 1 ongewijzigd"
    overview = {p.short_name: (p.packages, p.last.sequence if p.last else None) for p in box.parties}
    assert overview == {"GL": (2, 2), "RP": (1, 1), "BB": (0, None)}
    assert [p.short_name for p in box.parties] == ["GL", "RP", "BB"]  # largest first

    # A party's own workspace received the griffie's round package.
    [round_package] = _read(council.parties["BB"]).received
    assert (round_package.sender, round_package.kind, round_package.party_id) == ("de griffie", "round", None)


def test_summaries_of_older_or_damaged_records_stay_readable():
    assert summary_text("") == "niets nieuws"
    assert summary_text("{kapot") == ""
    assert summary_text('{"counts": {"amendments.new": 2, "endorsements.updated": 1}, "rebased": 1, '
                        '"needs_rework": 2, "kept": ["x"]}') == (
        "amendementen: 2 nieuw; standpunten: 1 bijgewerkt; 1 overgezet op de nieuwe tekst; "
        "2 botsen met de nieuwe tekst; 1 niet overschreven")
