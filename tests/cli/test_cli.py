"""The raadsakkoord command: demo, import-md, info, and one clear line for bad input."""

import json
import os
import subprocess
import sys

import pytest

from raadsakkoord.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    from raadsakkoord.demo import create_demo_workspace

    target = tmp_path_factory.mktemp("demo") / "assen.raadsakkoord"
    create_demo_workspace(str(target)).close()
    return str(target)


def test_info_json_of_the_demo(capsys, demo_file):
    code, out, err = run(capsys, "info", demo_file, "--json")
    assert code == 0 and err == ""
    info = json.loads(out)
    assert set(info) >= {"agreement", "parties", "sections", "amendments", "tasks", "rounds"}
    assert len(info["parties"]) == 10
    assert sum(p["seats"] for p in info["parties"]) == 33 == info["agreement"]["council_seats"]
    assert len(info["sections"]) >= 30
    assert len(info["rounds"]) >= 2
    assert sum(1 for n in info["amendments"]["by_status"].values() if n) >= 4
    assert info["tasks"]["total"] >= 10
    assert info["agreement"]["contact"]["phone"]
    supported = [s for s in info["sections"] if s["support"]["majority"]]
    assert supported, "the demo has sections with a majority"
    assert any(s["support"]["stale"] for s in info["sections"]), "the demo shows stale support"


def test_info_text_of_the_demo(capsys, demo_file):
    code, out, _ = run(capsys, "info", demo_file)
    assert code == 0
    assert "Fracties (10, samen 33 zetels)" in out
    assert "Concept 2" in out
    assert "Steun per hoofdlijn" in out


def test_demo_refuses_to_overwrite(capsys, demo_file):
    code, _, err = run(capsys, "demo", demo_file)
    assert code == 1
    assert err.strip().count("\n") == 0 and "bestaat al" in err


def test_import_md_creates_a_workspace(capsys, tmp_path):
    draft = tmp_path / "concept.md"
    draft.write_text("# Wonen\n\n## Bouwen\n\nWe bouwen.\n\n## Huur\n\nBetaalbaar.\n", encoding="utf-8")
    target = tmp_path / "nieuw.raadsakkoord"
    code, out, err = run(capsys, "import-md", str(target), str(draft), "--title", "Akkoord",
                         "--municipality", "Testdorp", "--seats", "19")
    assert (code, err) == (0, "")
    assert "1 hoofdstukken en 2 hoofdlijnen" in out
    code, out, _ = run(capsys, "info", str(target), "--json")
    assert [s["number"] for s in json.loads(out)["sections"]] == ["1.1", "1.2"]


@pytest.mark.parametrize("content", [b"# Wonen\n\n## Bouwen\n\nW\xe9 bouwen.\n", b"Geen koppen\n"])
def test_bad_drafts_leave_no_workspace_behind(capsys, tmp_path, content):
    draft = tmp_path / "concept.md"
    draft.write_bytes(content)
    target = tmp_path / "nieuw.raadsakkoord"
    code, out, err = run(capsys, "import-md", str(target), str(draft), "--title", "A",
                         "--municipality", "B", "--seats", "9")
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert not target.exists()


def test_seats_too_small_for_nothing_but_valid_import(capsys, tmp_path):
    draft = tmp_path / "concept.md"
    draft.write_text("# A\n\n## B\n\nTekst.\n", encoding="utf-8")
    code, _, err = run(capsys, "import-md", str(tmp_path / "x.raadsakkoord"), str(draft),
                       "--title", "A", "--municipality", "B", "--seats", "0")
    assert code == 1 and "minstens 1" in err


@pytest.mark.parametrize(("argv", "message"), [
    (["info", "/nergens/akkoord.raadsakkoord"], "Werkruimte niet gevonden"),
    (["info", "mysql://x@y/z"], "wordt niet ondersteund"),
    (["import-md", "/tmp/x.raadsakkoord", "/nergens/concept.md", "--title", "A", "--municipality", "B", "--seats", "9"],
     "bestand niet gevonden"),
])
def test_bad_input_is_one_line_on_stderr(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code != 0 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err
    assert "Traceback" not in err


def test_info_on_a_non_workspace_file_through_the_real_entry_point(tmp_path):
    bogus = tmp_path / "boodschappen.txt"
    bogus.write_text("melk\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "raadsakkoord", "info", str(bogus)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip() == f"raadsakkoord: {bogus} is geen Raadsakkoord-werkruimte."


def test_messages_follow_raadsakkoord_lang(capsys, monkeypatch):
    monkeypatch.setenv("RAADSAKKOORD_LANG", "en")
    code, out, err = run(capsys, "info", "/nergens/akkoord.raadsakkoord")
    assert code == 1 and out == ""
    assert err == "raadsakkoord: Workspace not found: /nergens/akkoord.raadsakkoord\n"


def test_messages_are_dutch_by_default(capsys):
    code, out, err = run(capsys, "info", "/nergens/akkoord.raadsakkoord")
    assert code == 1 and out == ""
    assert err == "raadsakkoord: Werkruimte niet gevonden: /nergens/akkoord.raadsakkoord\n"


def test_english_through_the_real_entry_point(tmp_path):
    bogus = tmp_path / "boodschappen.txt"
    bogus.write_text("melk\n", encoding="utf-8")
    env = dict(os.environ, RAADSAKKOORD_LANG="en")
    result = subprocess.run([sys.executable, "-m", "raadsakkoord", "info", str(bogus)],
                            capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 1
    assert result.stderr.strip() == f"raadsakkoord: {bogus} is not a Raadsakkoord workspace."
