"""``raadsakkoord audit WORKSPACE --verify``: the whole report on stdout, exit 1 when it does not hold."""

import json
import shutil
import sqlite3
import subprocess
import sys

import pytest

from raadsakkoord.cli import main


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def demo_master(tmp_path_factory):
    from raadsakkoord.demo import create_demo_workspace

    target = tmp_path_factory.mktemp("demo") / "assen.raadsakkoord"
    create_demo_workspace(str(target)).close()
    return target


@pytest.fixture
def demo(demo_master, tmp_path):
    return shutil.copyfile(demo_master, tmp_path / "assen.raadsakkoord")


def test_an_untouched_workspace_verifies(capsys, demo):
    assert run(capsys, "audit", demo, "--verify") == (0, "Het logboek is intact (1000 gebeurtenissen).\n", "")


def test_a_tampered_workspace_is_reported_line_by_line(capsys, demo):
    with sqlite3.connect(demo) as conn:
        conn.execute("DELETE FROM audit_event WHERE seq > 999")
        conn.execute("UPDATE amendment SET status = 'accepted' WHERE headline LIKE 'Budget jongerenraad%'")
    code, out, err = run(capsys, "audit", demo, "--verify")
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        ("Het logboek eindigt bij gebeurtenis 999, maar de kop van het logboek noemt gebeurtenis 1000: "
         "de nieuwste gebeurtenis is weggehaald."),
        ("Amendement 'Budget jongerenraad via het wijk- en dorpsbudget' is aanvaard, maar volgens het logboek "
         "ingetrokken."),
    ]


def test_a_broken_chain_is_named_first(capsys, demo):
    with sqlite3.connect(demo) as conn:
        conn.execute("UPDATE audit_event SET actor = 'Iemand Anders' WHERE seq = 20")
    code, out, _ = run(capsys, "audit", demo, "--verify")
    assert code == 1 and out.splitlines()[0] == "Gebeurtenis 20 in het logboek is gewijzigd of verplaatst."


def test_bad_input_gets_one_clear_line(capsys, tmp_path):
    code, out, err = run(capsys, "audit", tmp_path / "er-niet.raadsakkoord", "--verify")
    assert code != 0 and out == "" and err.count("\n") == 1 and err.startswith("raadsakkoord: ")
    (tmp_path / "tekst.raadsakkoord").write_text("Geen werkruimte", encoding="utf-8")
    code, out, err = run(capsys, "audit", tmp_path / "tekst.raadsakkoord", "--verify")
    assert code != 0 and out == "" and err.count("\n") == 1 and "geen Raadsakkoord-werkruimte" in err


def test_the_command_runs_as_a_program(demo, tmp_path):
    done = subprocess.run([sys.executable, "-m", "raadsakkoord", "audit", str(demo), "--verify"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert (done.returncode, done.stderr) == (0, "") and "intact" in done.stdout
    done = subprocess.run([sys.executable, "-m", "raadsakkoord", "audit", str(demo), "--since", "2000-01-01"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert (done.returncode, done.stderr, len(done.stdout.splitlines())) == (0, "", 1000)


def test_the_trail_is_listed_oldest_first_and_from_a_date(capsys, demo):
    code, out, err = run(capsys, "audit", demo, "--json")
    events = json.loads(out)
    assert (code, err) == (0, "") and len(events) == 1000
    assert [e["seq"] for e in events] == list(range(1, 1001))
    assert {"seq", "at", "person", "party", "action", "description", "details"} == set(events[0])
    day = events[500]["at"][:10]
    code, out, _ = run(capsys, "audit", demo, "--since", day, "--json")
    later = json.loads(out)
    assert code == 0 and later and all(e["at"][:10] >= day for e in later) and len(later) < 1000
    code, out, _ = run(capsys, "audit", demo)
    assert code == 0 and len(out.splitlines()) == 1000


def test_a_listing_of_a_broken_trail_ends_with_the_first_broken_event_and_status_1(capsys, demo):
    with sqlite3.connect(demo) as conn:
        conn.execute("UPDATE audit_event SET actor = 'Iemand Anders' WHERE seq = 20")
    code, out, err = run(capsys, "audit", demo)
    assert code == 1 and len(out.splitlines()) == 1000
    assert err == "raadsakkoord: Gebeurtenis 20 in het logboek is gewijzigd of verplaatst.\n"
    code, out, _ = run(capsys, "audit", demo, "--verify", "--json")
    report = json.loads(out)
    assert code == 1 and report["ok"] is False and report["broken_at"] == 20
    assert report["findings"][0] == "Gebeurtenis 20 in het logboek is gewijzigd of verplaatst."


def test_a_date_that_is_no_date_is_one_clear_line(capsys, demo):
    with pytest.raises(SystemExit) as stopped:
        main(["audit", str(demo), "--since", "gisteren"])
    _, err = capsys.readouterr()
    assert stopped.value.code == 2 and "geen datum: gisteren (schrijf JJJJ-MM-DD)" in err
