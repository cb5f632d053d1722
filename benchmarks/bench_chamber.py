"""Showing an item on the chamber's screen: the voting order, then one item's text with changes and line numbers.

    .venv/bin/python benchmarks/bench_chamber.py [--workspace FILE]

Without ``--workspace`` the demo (Assen) is made in a temporary folder; the
ten-times workspace is made by ``benchmarks/bench_workspace.py --target FILE``
(work on a copy: nothing is written, but the file is opened). Timed as the
griffie's panel does it on Volgende: ``voting_order`` once, then
``chamber_item`` for an item, each in a session of its own; every amendment
in the order is shown once and the median and slowest are reported. The
clerk waits for this between pressing Volgende and the screen changing.
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
from raadsakkoord.queries.chamber import chamber_item  # noqa: E402
from raadsakkoord.queries.voting import voting_order  # noqa: E402
from raadsakkoord.store.workspace import open_workspace  # noqa: E402

LIMIT = 300  # amendments shown at most: enough for a median and a slowest


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workspace")
    args = parser.parse_args()
    print_command_line()
    if args.workspace:
        workspace = open_workspace(args.workspace)
    else:
        workspace = create_demo_workspace(Path(tempfile.mkdtemp(prefix="bench-chamber-")) / "demo.raadsakkoord")
    started = time.perf_counter()
    with workspace.action() as s:
        order = voting_order(s)
    ordering = time.perf_counter() - started
    amendments = [item for item in order if item.kind == "amendment"][:LIMIT]
    times, lines = [], 0
    for item in amendments:
        started = time.perf_counter()
        with workspace.action() as s:
            shown = chamber_item(s, item)
        times.append(time.perf_counter() - started)
        lines = max(lines, len(shown.lines))
    workspace.close()
    print(f"{len(order)} punten in de stemvolgorde, {len(amendments)} amendementen getoond, langste tekst {lines} regels")
    row(f"voting order ({len(order)} items)", ms(ordering))
    row("one amendment on the screen, median", ms(statistics.median(times)))
    row("one amendment on the screen, slowest", ms(max(times)))


if __name__ == "__main__":
    main()
