"""Figures for the diff and merge engine on generated Dutch-like texts.

Run from the repository root: ``.venv/bin/python benchmarks/bench_diffing.py``
(``--quick`` for a tenth of the sections and amendments). Prints its command
line, then README's rows in README's order; nothing is timed as a test.
Targets, so that the window keeps up as one types: a 20,000-word diff well under 100 ms; 20,000 amendments over 1,000
sections diffed and conflict-checked in under 10 s.
"""

from __future__ import annotations

import difflib
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import dutchlike
from report import print_command_line, row

from raadsakkoord.diffing import BaseText, Kind, diff, matrix_of, rebase_all, tokenize
from raadsakkoord.diffing.worddiff import token_diff


def median_time(fn, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def big_diff() -> None:
    rng = random.Random(20_000)
    old = dutchlike.document_text(rng, 20_000, sections=50)
    new = dutchlike.scattered_edits(rng, old, 200)
    result = diff(old, new)
    assert result.new_text() == new and result.old_text() == old
    changed = sum(p.kind is Kind.CHANGED for p in result.paragraphs)
    words = len(old.split())
    row(f"diff of a {words:,}-word text with 200 scattered edits ({changed} paragraphs changed; median of 7)",
        ms(median_time(lambda: diff(old, new))))
    a, b = tokenize(old), tokenize(new)
    ours = median_time(lambda: token_diff(a, b), runs=5)
    row(f"word diff of the whole text as one token list ({len(a):,} tokens; median of 5)", ms(ours))
    # difflib's default autojunk treats frequent tokens (spaces, "de") as
    # junk; without it, it takes minutes on this text (about 160 s measured).
    theirs = median_time(lambda: difflib.SequenceMatcher(None, a, b).get_opcodes(), runs=3)
    row("difflib.SequenceMatcher on the same tokens (median of 3)",
        f"{theirs * 1000:,.0f} ms ({theirs / ours:.0f}× slower)")


def amendments(quick: bool) -> None:
    n_sections = 100 if quick else 1000
    sections = dutchlike.agreement_texts(n_sections, 200 * n_sections, seed=1)
    rng = random.Random(2)
    proposals = [dutchlike.amendments_for(rng, text, 20) for text in sections]
    revisions = [dutchlike.scattered_edits(rng, text, 3) for text in sections]
    count = sum(map(len, proposals))
    words = sum(len(t.split()) for t in sections)

    start = time.perf_counter()
    for base, texts in zip(sections, proposals, strict=True):
        for text in texts:
            diff(base, text)
    shown = time.perf_counter() - start
    row(f"diff of {count:,} amendments over {n_sections:,} sections ({words:,} words; one run)",
        f"{shown:.2f} s ({shown / count * 1e3:.2f} ms each)")

    matrices = []
    start = time.perf_counter()
    for base, texts in zip(sections, proposals, strict=True):
        base_text = BaseText(base)
        matrices.append(matrix_of([base_text.changes(t) for t in texts]))
    checked = time.perf_counter() - start
    pairs = sum(sum(map(sum, matrix)) for matrix in matrices) // 2
    row(f"conflict matrices of all {n_sections:,} sections ({pairs:,} conflicting pairs; one run)",
        f"{checked:.2f} s")
    row("diff and conflict matrices together (target: under 10 s)", f"{shown + checked:.2f} s")

    clean = conflicting = 0
    start = time.perf_counter()
    for base, texts, revision in zip(sections, proposals, revisions, strict=True):
        for result in rebase_all(base, texts, revision):
            if result.clean:
                clean += 1
            else:
                conflicting += 1
    rebased = time.perf_counter() - start
    row(f"rebase all {count:,} onto a new revision of every section (3 edits each; one run)",
        f"{rebased:.2f} s: {clean:,} clean, {conflicting:,} conflicting")


def main() -> None:
    quick = "--quick" in sys.argv
    print_command_line()
    big_diff()
    amendments(quick)


if __name__ == "__main__":
    main()
