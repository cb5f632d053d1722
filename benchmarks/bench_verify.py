"""Verifying the whole audit trail against checking the chain alone, on a big workspace.

    .venv/bin/python benchmarks/bench_verify.py WORKSPACE

WORKSPACE is a copy of the ten-times dataset (bench_workspace.py; about
120,000 audit events, 60,000 positions, 20,000 amendments); the script only
reads it. Each run reads the chain alone (``verify_chain``, what the log
view did before the head, the anchors and the vouched values were checked),
then the whole verification (``verify``), each in its own transaction, in
this process. Their ratio is what the extra checks cost, whatever the
machine's load.

Prints its command line, then README's row: median and max over 5 runs.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import print_command_line, row

RUNS = 5


def main(path: str) -> None:
    print_command_line()
    from raadsakkoord.queries.verification import verify
    from raadsakkoord.store.audit import verify_chain
    from raadsakkoord.store.workspace import open_workspace

    workspace = open_workspace(path)
    chains, wholes = [], []
    for _ in range(RUNS):
        with workspace.action() as session:
            started = time.perf_counter()
            events = verify_chain(session).events
            chains.append(time.perf_counter() - started)
        with workspace.action() as session:
            started = time.perf_counter()
            report = verify(session)
            wholes.append(time.perf_counter() - started)
        if not report.ok:
            raise SystemExit("\n".join(report.lines()))
    workspace.close()
    ratio = statistics.median(w / c for w, c in zip(wholes, chains, strict=True))
    row(f"verifying {events:,} events: the chain alone / the whole trail ({RUNS} runs)",
        f"median {statistics.median(chains):.1f} s / {statistics.median(wholes):.1f} s (×{ratio:.2f}), "
        f"max {max(chains):.1f} s / {max(wholes):.1f} s")


if __name__ == "__main__":
    if len(sys.argv) != 2 or not Path(sys.argv[1]).exists():
        sys.exit("gebruik: bench_verify.py WERKRUIMTE (een kopie van de tienvoudige werkruimte)")
    main(sys.argv[1])
