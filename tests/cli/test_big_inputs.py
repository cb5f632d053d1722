"""Text files a user names are read within a limit, and ``merge -o`` never writes over a workspace."""

from __future__ import annotations

import hashlib
import os
import tracemalloc
from pathlib import Path

from raadsakkoord.cli import main
from raadsakkoord.store.workspace import open_workspace

HUGE = 256 * 1024 * 1024  # a sparse file: it takes no disk space, but reads as this many bytes
MEMORY = 48 * 1024 * 1024  # the limit of a text (32 MiB) and some room; far below the file


def _huge(path: Path) -> Path:
    with path.open("wb") as handle:
        handle.write(b"# Wonen\n\n## Bouwen\n\n")
        handle.truncate(HUGE)
    return path


def _run_within_memory(capsys, *argv) -> tuple[int, str, str]:
    tracemalloc.start()
    try:
        code = main([str(a) for a in argv])
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    out, err = capsys.readouterr()
    assert peak < MEMORY, f"{peak // 2**20} MiB"
    return code, out, err


def test_a_huge_draft_is_refused_without_reading_it_whole(capsys, tmp_path):
    draft = _huge(tmp_path / "concept.md")
    target = tmp_path / "akkoord.raadsakkoord"
    code, out, err = _run_within_memory(capsys, "import-md", target, draft, "--title", "Akkoord",
                                        "--municipality", "Assen", "--seats", "33")
    assert (code, out) == (1, "")
    assert err == f"raadsakkoord: {draft} is te groot (256 MiB); het is niet ingelezen.\n"
    assert not target.exists()


def test_a_huge_text_to_compare_is_refused_without_reading_it_whole(capsys, tmp_path):
    small = tmp_path / "oud.md"
    small.write_text("Wij bouwen.\n", encoding="utf-8")
    huge = _huge(tmp_path / "nieuw.md")
    code, out, err = _run_within_memory(capsys, "diff", small, huge)
    assert (code, out) == (1, "") and err == f"raadsakkoord: {huge} is te groot (256 MiB); het is niet ingelezen.\n"
    code, out, err = _run_within_memory(capsys, "merge", small, small, huge)
    assert (code, out) == (255, "") and err.count("\n") == 1 and "te groot" in err


def test_merge_never_writes_over_a_workspace(capsys, tmp_path):
    workspace = tmp_path / "akkoord.raadsakkoord"
    open_workspace(workspace, create=True).close()
    before = hashlib.sha256(workspace.read_bytes()).hexdigest()
    for name, text in (("basis.md", "a\n"), ("onze.md", "b\n"), ("hun.md", "a\n")):
        (tmp_path / name).write_text(text, encoding="utf-8")
    for force in ((), ("--force",)):
        code = main(["merge", str(tmp_path / "basis.md"), str(tmp_path / "onze.md"), str(tmp_path / "hun.md"),
                     "-o", str(workspace), *force])
        out, err = capsys.readouterr()
        assert (code, out) == (255, "") and "die wordt nooit overschreven" in err and err.count("\n") == 1
        assert hashlib.sha256(workspace.read_bytes()).hexdigest() == before
    assert sorted(os.listdir(tmp_path)) == ["akkoord.raadsakkoord", "basis.md", "hun.md", "onze.md"]


def test_merge_still_writes_over_one_of_its_own_texts(capsys, tmp_path):
    for name, text in (("basis.md", "a\n"), ("onze.md", "b\n"), ("hun.md", "a\n")):
        (tmp_path / name).write_text(text, encoding="utf-8")
    ours = tmp_path / "onze.md"
    assert main(["merge", str(tmp_path / "basis.md"), str(ours), str(tmp_path / "hun.md"), "-o", str(ours)]) == 0
    assert ours.read_text(encoding="utf-8") == "b\n"
