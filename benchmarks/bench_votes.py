"""Votes on the ten-times dataset: the voting order, changing it, recording a vote.

    .venv/bin/python benchmarks/bench_votes.py WORKSPACE

WORKSPACE is a copy of the file `bench_workspace.py --target WORKSPACE`
builds (1,000 sections, 20,000 amendments, 40 parties); the script changes
it (the first open migrates it to the votes' schema). It times, each on
its own transaction as the window and the command line run them:

- the voting order of every open item (``voting_order``: ranks every
  submitted amendment by its reach, then the sections and the agreement);
- the griffie moving one item (``set_voting_order``: the whole order kept);
- recording a vote on the first amendment in the order, rejected (the vote,
  its audit event and the decision), and reading its result back.

Budget: feels instant, below 300 ms each. Prints its command line, then
median and max of 5 runs for each of README's rows.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import print_command_line, row  # noqa: E402

RUNS = 5


def spread(found: list[float]) -> str:
    return f"median {statistics.median(found) * 1000:.1f} ms, max {max(found) * 1000:.1f} ms"


def main(target: str) -> None:
    from raadsakkoord import operations as ops
    from raadsakkoord.queries.ballot import council
    from raadsakkoord.queries.voting import vote_result, voting_order
    from raadsakkoord.store.workspace import open_workspace

    print_command_line()
    started = time.perf_counter()
    workspace = open_workspace(target)
    row("opening the workspace (the first time: migrating to the votes' schema)",
        f"{(time.perf_counter() - started) * 1000:.0f} ms")
    griffie = ops.Actor.griffie("Bench Griffier")
    orders, moves, votes, results = [], [], [], []
    for _ in range(RUNS):
        started = time.perf_counter()
        with workspace.action() as session:
            items = voting_order(session)
        orders.append(time.perf_counter() - started)
    amendments = sum(1 for item in items if item.kind == "amendment")
    row(f"voting order of {len(items):,} open items ({amendments:,} amendments)", spread(orders))
    for _ in range(RUNS):
        with workspace.action() as session:
            items = voting_order(session)
        items[0], items[1] = items[1], items[0]
        started = time.perf_counter()
        with workspace.action() as session:
            ops.set_voting_order(session, griffie, items)
        moves.append(time.perf_counter() - started)
    row("moving one item in the voting order (the whole order kept)", spread(moves))
    with workspace.action() as session:
        parties = [p.id for p in council(session)]
    for _ in range(RUNS):
        with workspace.action() as session:
            item = next(i for i in voting_order(session) if i.kind == "amendment")
        started = time.perf_counter()
        with workspace.action() as session:
            ops.record_vote(session, griffie, item, voting_for=parties[:1], voting_against=parties[1:])
        votes.append(time.perf_counter() - started)
        started = time.perf_counter()
        with workspace.action() as session:
            assert vote_result(session, item).outcome == "rejected"
        results.append(time.perf_counter() - started)
    row(f"recording a vote of {len(parties)} parties on an amendment (rejected)", spread(votes))
    row("reading a vote's result back", spread(results))
    workspace.close()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
