"""``raadsakkoord diff`` and ``raadsakkoord merge``; merge compared with ``git merge-file``."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from raadsakkoord.cli import main
from raadsakkoord.diffing import merge3, render_markers

GIT = shutil.which("git")
needs_git = pytest.mark.skipif(GIT is None, reason="git is not installed (scripts/dev test installs it)")


def git_merge_file(directory: Path, base: str, ours: str, theirs: str) -> tuple[str, int]:
    """``git merge-file -p ours base theirs`` (git's order: current, base, other)."""
    for name, text in (("base.md", base), ("ours.md", ours), ("theirs.md", theirs)):
        (directory / name).write_text(text, encoding="utf-8", newline="")
    done = subprocess.run(
        [GIT, "merge-file", "-p", "ours.md", "base.md", "theirs.md"],
        cwd=directory, capture_output=True, check=False,
    )
    assert 0 <= done.returncode < 128, done.stderr
    return done.stdout.decode("utf-8"), done.returncode


def write(directory: Path, **texts: str) -> None:
    for name, text in texts.items():
        (directory / f"{name}.md").write_text(text, encoding="utf-8", newline="")


def lines(*words: str) -> str:
    return "".join(f"{w}\n" for w in words)


@needs_git
def test_merge_matches_git_merge_file_on_a_clean_merge(tmp_path, capsys, monkeypatch):
    base = lines("wonen", "werk", "zorg", "sport", "cultuur", "groen", "verkeer")
    ours = lines("wonen", "bouwen", "werk", "zorg", "sport", "cultuur", "groen", "verkeer")
    theirs = lines("wonen", "werk", "zorg", "sport", "kunst", "groen")
    expected, status = git_merge_file(tmp_path, base, ours, theirs)
    assert status == 0
    monkeypatch.chdir(tmp_path)
    assert main(["merge", "base.md", "ours.md", "theirs.md"]) == 0
    assert capsys.readouterr().out == expected == lines("wonen", "bouwen", "werk", "zorg", "sport", "kunst", "groen")


@needs_git
def test_merge_reports_conflicts_like_git_merge_file(tmp_path, capsys, monkeypatch):
    base = lines(*(f"regel{i}" for i in range(12)))
    ours = base.replace("regel2\n", "onze2\n").replace("regel8\n", "onze8\n")
    theirs = base.replace("regel2\n", "hun2\n").replace("regel8\n", "hun8\n").replace("regel5\n", "hun5\n")
    expected, status = git_merge_file(tmp_path, base, ours, theirs)
    monkeypatch.chdir(tmp_path)
    assert main(["merge", "base.md", "ours.md", "theirs.md", "-o", "uit.md"]) == status == 2
    assert capsys.readouterr().out == ""
    assert (tmp_path / "uit.md").read_text(encoding="utf-8") == expected


def test_merge_exit_status_is_the_number_of_conflicts_capped_at_127(tmp_path, capsys, monkeypatch):
    base = lines(*(f"r{i}" for i in range(600)))
    ours = lines(*(f"o{i}" if i % 3 == 0 else f"r{i}" for i in range(600)))
    theirs = lines(*(f"t{i}" if i % 3 == 0 else f"r{i}" for i in range(600)))
    monkeypatch.chdir(tmp_path)
    write(tmp_path, base=base, ours=ours, theirs=theirs)
    assert main(["merge", "base.md", "ours.md", "theirs.md"]) == 127
    assert capsys.readouterr().out.count("<<<<<<< ours.md\n") == 200
    few = lines(*(f"o{i}" if i in (0, 300) else f"r{i}" for i in range(600)))
    write(tmp_path, ours=few)
    assert main(["merge", "base.md", "ours.md", "theirs.md"]) == 2


def test_merge_of_a_missing_or_non_utf8_file_is_one_line_and_255(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, base="a\n", ours="b\n")
    assert main(["merge", "base.md", "ours.md", "weg.md"]) == 255
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "raadsakkoord: bestand niet gevonden: weg.md\n"
    (tmp_path / "latin1.md").write_bytes("café\n".encode("latin-1"))
    assert main(["merge", "base.md", "ours.md", "latin1.md"]) == 255
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "latin1.md" in err and "UTF-8" in err


def test_diff_formats(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, old="## Wonen\n\nWij bouwen tweeduizend woningen.\n",
          new="## Wonen\n\nWij bouwen drieduizend <b>woningen</b>.\n")
    assert main(["diff", "old.md", "new.md"]) == 0
    assert capsys.readouterr().out == "## Wonen\n\nWij bouwen [-tweeduizend -]{+drieduizend <b>+}woningen{+</b>+}.\n"
    assert main(["diff", "old.md", "new.md", "--format", "html"]) == 0
    out = capsys.readouterr().out
    assert "<del class=\"rk-del\">tweeduizend </del>" in out and "&lt;b&gt;" in out and "<b>" not in out
    assert main(["diff", "old.md", "new.md", "--format", "critic"]) == 0
    assert "{~~tweeduizend ~>drieduizend &lt;b>~~}" in capsys.readouterr().out
    assert main(["diff", "old.md", "new.md", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["paragraphs"][1]["kind"] == "changed"


def test_diff_of_a_missing_file_is_one_line_without_traceback(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, old="tekst\n")
    assert main(["diff", "old.md", "weg.md"]) == 1
    assert capsys.readouterr().err == "raadsakkoord: bestand niet gevonden: weg.md\n"
    (tmp_path / "bad.md").write_bytes(b"\xff\xfe tekst")
    assert main(["diff", "old.md", "bad.md"]) == 1
    assert capsys.readouterr().err.count("\n") == 1


@st.composite
def line_edits(draw):
    """A base of distinct one-word lines and edits for both sides, each four lines from any other.

    Git calls changes on adjacent lines a conflict; the word merge folds two
    changes of one side into one when the unchanged text between them is no
    longer than the changes (semantic cleanup). Four unchanged lines between
    changes of at most two short lines keep both clear of either.
    """
    size = draw(st.integers(1, 30))
    base = [f"b{i}" for i in range(size)]
    sides: tuple[list[str], list[str]] = (list(base), list(base))
    position, counter = draw(st.integers(0, 3)), 0
    edits = []
    while position <= size:
        stop = min(size, position + draw(st.integers(0, 2)))
        side = draw(st.integers(0, 2))  # 2: both sides make the same change
        new = [f"n{counter}{k}" for k in range(draw(st.integers(0 if stop > position else 1, 2)))]
        counter += 1
        edits.append((position, stop, side, new))
        position = stop + 4 + draw(st.integers(0, 3))
    for start, stop, side, new in reversed(edits):
        for s in (0, 1):
            if side in (s, 2):
                sides[s][start:stop] = new
    return lines(*base), lines(*sides[0]), lines(*sides[1])


@needs_git
@settings(max_examples=60, deadline=None)
@given(line_edits())
def test_word_merge_equals_git_merge_file_on_one_token_per_line(case):
    base, ours, theirs = case
    with tempfile.TemporaryDirectory() as directory:
        expected, status = git_merge_file(Path(directory), base, ours, theirs)
    assert status == 0
    result = merge3(base, ours, theirs)
    assert result.clean
    assert render_markers(result, "ours.md", "theirs.md") == (expected, 0)
