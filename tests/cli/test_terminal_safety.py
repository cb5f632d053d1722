"""No value from a workspace or a package can steer the clerk's terminal.

Escape sequences could clear the screen (ESC [2J), retitle the window
(ESC ]0;…BEL), hide text, or with a carriage return overwrite a line; the
8-bit CSI (U+009B) does the same on some terminals. Every command prints
them as U+FFFD and keeps the readable rest.
"""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from raadsakkoord import operations as ops
from raadsakkoord.cli import main
from raadsakkoord.exchange.envelope import canonical

ESCAPES = ("\x1b[2J", "\x1b]0;titel\x07", "\r", "\x9b", "\u202e")
RAW = ("\x1b", "\x07", "\r", "\x9b", "\u202e")


def _clean(text: str) -> str:
    for character in RAW:
        assert character not in text, (character, text)
    return text


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, _clean(out), _clean(err)


@pytest.fixture
def hostile(setup):
    """The small agreement, with names and titles that were given escape sequences past the operations."""
    with setup.workspace.action() as s:
        ops.publish_round(s, setup.griffie)
    with setup.workspace.engine.begin() as conn:
        conn.execute(sa.text("UPDATE agreement SET title = :t"), {"t": "Raadsakkoord\x1b[2J Testdorp"})
        conn.execute(sa.text("UPDATE party SET short_name = :s WHERE short_name = 'GL'"), {"s": "GL\x1b]0;titel\x07"})
        conn.execute(sa.text("UPDATE section SET title = :t WHERE title = 'Bouwen'"), {"t": "Bou\rwen\x9b2J"})
        conn.execute(sa.text("UPDATE chapter SET title = :t WHERE title = 'Wonen'"), {"t": "\u202eWonen"})
    return setup


def test_info_shows_names_harmlessly(hostile, capsys):
    code, out, err = run(capsys, "info", hostile.workspace.label)
    assert (code, err) == (0, "")
    assert "Raadsakkoord\ufffd[2J Testdorp" in out and "GL\ufffd]0;titel\ufffd 7" in out
    assert "Bou\ufffdwen\ufffd2J" in out


def test_info_as_json_keeps_every_value_exact_and_escaped(hostile, capsys):
    code, out, err = run(capsys, "info", hostile.workspace.label, "--json")
    assert (code, err) == (0, "")
    summary = json.loads(out)
    assert summary["agreement"]["title"] == "Raadsakkoord\x1b[2J Testdorp"
    assert "Bou\rwen\x9b2J" in [s["title"] for s in summary["sections"]]


def test_readability_shows_titles_harmlessly(hostile, capsys):
    code, out, err = run(capsys, "readability", hostile.workspace.label)
    assert (code, err) == (0, "") and "Bou\ufffdwen\ufffd2J" in out and "\ufffdWonen" in out
    code, out, err = run(capsys, "readability", hostile.workspace.label, "--json")
    assert code == 0 and "\u202eWonen" in [c["title"] for c in json.loads(out)["chapters"]]


@pytest.fixture
def hostile_package(setup, capsys, tmp_path):
    """A real round package whose sender name was given escape sequences after signing."""
    assert main(["keys", "init", setup.workspace.label, "--as", "griffie"]) == 0
    with setup.workspace.action() as s:
        ops.publish_round(s, setup.griffie)
    path = tmp_path / "ronde.rkpkg"
    assert main(["package", "export", setup.workspace.label, "--round", "-o", str(path)]) == 0
    document = json.loads(path.read_bytes())
    document["header"]["sender_name"] = "Griffie" + "".join(ESCAPES)
    path.write_bytes(canonical(document))
    capsys.readouterr()
    return path


def test_verify_shows_the_sender_harmlessly(hostile_package, capsys):
    code, out, err = run(capsys, "package", "verify", hostile_package)
    assert (code, err) == (0, "")
    assert "rondepakket van Griffie\ufffd[2J\ufffd]0;titel\ufffd\ufffd\ufffd\ufffd, nummer 1" in out


def test_refusing_a_package_of_an_unknown_sender_is_one_harmless_line(hostile_package, capsys, tmp_path):
    from raadsakkoord.store.workspace import open_workspace

    empty = tmp_path / "elders.raadsakkoord"
    open_workspace(str(empty), create=True).close()  # no key of the griffie registered here
    code, out, err = run(capsys, "package", "import", empty, hostile_package)
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1
    assert "ronde.rkpkg is niet ingelezen: de afzender" in err


def test_a_file_name_with_escapes_is_shown_harmlessly(capsys, tmp_path):
    code, _out, err = run(capsys, "package", "verify", tmp_path / "pakket\x1b[2J\r.rkpkg")
    assert code == 1 and err.startswith("raadsakkoord: ") and "pakket\ufffd[2J\ufffd.rkpkg" in err
