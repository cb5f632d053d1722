"""A change that retitles its section travels in the party's package and, accepted, in the next round's."""

from raadsakkoord import operations as ops
from raadsakkoord.model import Amendment, AmendmentKind, AmendmentStatus, Section
from raadsakkoord.store.workspace import open_workspace
from tests.exchange.conftest import BOUWEN, ok


def test_a_new_title_goes_to_the_griffie_and_back_to_every_party(council, capsys, tmp_path):
    ws = open_workspace(str(council.parties["GL"]))
    with ws.action() as s:
        amendment = ops.propose_amendment(
            s, ops.Actor.of_party(council.ids["GL"], "Gerda Groen"), kind=AmendmentKind.MODIFY,
            section_id=council.bouwen, headline="Betere titel", title="Woningbouw", text=BOUWEN, submit=True).id
    ws.close()
    ok(capsys, "package", "export", council.parties["GL"], "--party", "GL", "-o", tmp_path / "GL.rkpkg")
    ok(capsys, "package", "import", council.griffie, tmp_path / "GL.rkpkg")
    ws = open_workspace(str(council.griffie))
    with ws.action() as s:
        received = s.get(Amendment, amendment)
        assert (received.proposed_title, received.proposed_text) == ("Woningbouw", BOUWEN)
        ops.decide_amendment(s, ops.Actor.griffie("Griet Griffier"), amendment, AmendmentStatus.ACCEPTED)
        ops.publish_round(s, ops.Actor.griffie("Griet Griffier"))
    ws.close()
    ok(capsys, "package", "export", council.griffie, "--round", "-o", tmp_path / "ronde2.rkpkg")
    ok(capsys, "package", "import", council.parties["RP"], tmp_path / "ronde2.rkpkg")
    ws = open_workspace(str(council.parties["RP"]))
    with ws.action() as s:
        assert s.get(Section, council.bouwen).title == "Woningbouw"
        assert s.get(Amendment, amendment).proposed_title == "Woningbouw"
    ws.close()
