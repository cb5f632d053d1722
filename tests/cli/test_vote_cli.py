"""``raadsakkoord vote``: the griffie records the council's vote from the command line, and lists the voting order."""

import os
import shutil
import subprocess
import sys

import pytest
import sqlalchemy as sa

from raadsakkoord.cli import main
from raadsakkoord.model import AmendmentStatus, Vote
from raadsakkoord.queries.lookup import amendment_by_label
from raadsakkoord.store.workspace import open_workspace

EVERYONE_ELSE_FOR = ["--for", "GL,PvdA,CU,AC,D66,SP", "--against", "VVD,PLOP,CDA,50PLUS"]


@pytest.fixture(scope="module")
def demo_original(tmp_path_factory):
    from raadsakkoord.demo import create_demo_workspace

    target = tmp_path_factory.mktemp("demo") / "assen.raadsakkoord"
    create_demo_workspace(str(target)).close()
    return target


@pytest.fixture
def demo(demo_original, tmp_path):
    target = tmp_path / "assen.raadsakkoord"
    shutil.copyfile(demo_original, target)
    return str(target)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_vote_prints_the_outcome_with_votes_seats_and_parties(capsys, demo):
    code, out, err = run(capsys, "vote", demo, "A24", *EVERYONE_ELSE_FOR, "--absent", "Wim Teunissen, Henk Wubs",
                         "--split", "Esther de Haan:voor", "--meeting", "2026-11-26")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == ("A24 Windmolens alleen met instemming van de omwonenden: "
                        "Aangenomen met 21 stemmen voor en 10 tegen (2 afwezig)")
    assert "  PLOP: 4 tegen, 1 voor; anders dan de fractie: Esther de Haan (voor)  (5 zetels)" in lines
    assert "  SP: 1 voor; afwezig: Henk Wubs  (2 zetels)" in lines
    assert lines[-1] == "A24 is aanvaard en in de tekst verwerkt."
    workspace = open_workspace(demo)
    with workspace.action() as s:
        assert amendment_by_label(s, "A24").status == AmendmentStatus.ACCEPTED
        assert s.scalars(sa.select(Vote)).one().meeting.isoformat() == "2026-11-26"
    workspace.close()


def test_a_tie_says_there_is_no_decision(capsys, demo):
    # 33 seats, one absent: 16 against 16.
    code, out, _ = run(capsys, "vote", demo, "A25", "--for", "AC,CU,D66,GL", "--against",
                       "PLOP,VVD,PvdA,50PLUS,CDA,SP", "--absent", "Yusuf Demir")
    assert code == 0
    assert out.splitlines()[0].endswith("Staking van stemmen: 16 voor en 16 tegen (1 afwezig)")
    assert "er is geen besluit" in out


@pytest.mark.parametrize("argv, message", [
    (["A99", "--for", "GL"], "Er is geen amendement A99."),
    (["8.9", "--for", "GL"], "Er is geen hoofdlijn 8.9."),
    (["A25", "--for", "XX"], "Onbekende fractie: XX."),
    (["A25", *EVERYONE_ELSE_FOR, "--for", "VVD"], "VVD staat zowel bij voor als bij tegen"),
    (["A25", *EVERYONE_ELSE_FOR, "--split", "x"], "Schrijf --split als \"Naam:voor\""),
    (["A25", *EVERYONE_ELSE_FOR, "--split", "Piet Puk:tegen"], "geen raadslid 'Piet Puk'"),
    (["A25", *EVERYONE_ELSE_FOR, "--split", "Henk Wubs:tegen", "--absent", "Henk Wubs"], "kies één van beide"),
    (["A25", *EVERYONE_ELSE_FOR, "--meeting", "3-12"], "--meeting is geen datum: 3-12"),
    (["A25"], "Geef met --for en --against aan"),
    ([], "Noem waarover de raad stemt"),
    (["A25", "--order"], "--order toont alleen de stemvolgorde"),
    (["7.2", *EVERYONE_ELSE_FOR], "Stem eerst over amendement A23 (er staan nog 2 open)."),
])
def test_bad_input_gets_one_dutch_line_on_stderr_and_nothing_is_recorded(capsys, demo, argv, message):
    code, out, err = run(capsys, "vote", demo, *argv)
    assert code != 0 and out == ""
    assert err.startswith("raadsakkoord: ") and err.count("\n") == 1 and message in err
    workspace = open_workspace(demo)
    with workspace.action() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(Vote)) == 0
    workspace.close()


def test_the_order_lists_what_is_open_with_the_agreement_last(capsys, demo):
    code, out, err = run(capsys, "vote", demo, "--order")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    labels = [line.split()[1] for line in lines]
    assert labels.index("A24") < labels.index("A23") < lines.index(next(l for l in lines if "hoofdlijn 7.2" in l))
    assert lines[-1].split(None, 1)[1].startswith("het raadsakkoord  ")


def test_the_real_command_records_a_vote_as_the_griffie(demo):
    env = {**os.environ, "RAADSAKKOORD_LANG": "nl"}
    done = subprocess.run([sys.executable, "-m", "raadsakkoord", "vote", demo, "A25",
                           "--for", "GL,PvdA,CU,AC,D66,SP,VVD,PLOP,CDA,50PLUS"],
                          capture_output=True, text=True, timeout=120, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert "Aangenomen met 33 stemmen voor en 0 tegen" in done.stdout
    workspace = open_workspace(demo)
    with workspace.action() as s:
        amendment = amendment_by_label(s, "A25")
        assert amendment.status == AmendmentStatus.ACCEPTED and amendment.decided_by
    workspace.close()
