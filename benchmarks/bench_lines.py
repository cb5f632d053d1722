"""Numbering the lines of every section text of a workspace (``diffing.number_lines``).

    .venv/bin/python benchmarks/bench_lines.py [--workspace FILE]

Without ``--workspace`` the demo (Assen) is made in a temporary folder; the
ten-times workspace is made by ``benchmarks/bench_workspace.py --target FILE``.
The current texts of all sections are read first (not timed); then every
text is numbered, without the cache (each run numbers the texts afresh, as
after opening the workspace) and once more with it (as the window does on
every redraw). Median of 5 runs. Budget: under 1 s for the ten-times workspace.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import ms, print_command_line, row  # noqa: E402

from raadsakkoord.demo import create_demo_workspace  # noqa: E402
from raadsakkoord.diffing import lines  # noqa: E402
from raadsakkoord.model import Revision, Section  # noqa: E402
from raadsakkoord.store.workspace import open_workspace  # noqa: E402

RUNS = 5


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workspace")
    args = parser.parse_args()
    print_command_line()
    if args.workspace:
        workspace = open_workspace(args.workspace)
    else:
        workspace = create_demo_workspace(Path(tempfile.mkdtemp(prefix="bench-lines-")) / "demo.raadsakkoord")
    with workspace.action() as s:
        texts = [text for (text,) in s.query(Revision.text).join(Section, Section.current_revision_id == Revision.id)]
    characters = sum(len(text) for text in texts)

    def number_all(fresh: bool) -> int:
        if fresh:
            lines._layout.cache_clear()
            lines._numbered.cache_clear()
        return sum(len(lines.number_lines(text)) for text in texts)

    times, count = [], 0
    for _ in range(RUNS):
        started = time.perf_counter()
        count = number_all(True)
        times.append(time.perf_counter() - started)
    cached = []
    for _ in range(RUNS):
        started = time.perf_counter()
        number_all(False)
        cached.append(time.perf_counter() - started)
    print(f"{len(texts)} hoofdlijnen, {characters} tekens, {count} regels")
    row(f"numbering every section text ({len(texts)} sections, {count} lines), fresh", ms(statistics.median(times)))
    row("the same again, from the cache", ms(statistics.median(cached)))


if __name__ == "__main__":
    main()
