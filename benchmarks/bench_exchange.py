"""Exporting and importing packages.

    .venv/bin/python benchmarks/bench_exchange.py [--no-ten-times]

1. A party package of 1,000 amendments (plus positions): export in the
   party's workspace, import into the griffie's (target: under 3 s).
2. The round package of the ten-times dataset (1,000 sections, 20,000
   amendments, 40 parties; built as in bench_workspace.py, which takes
   about 75 s): export, size, and import into a new party workspace.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("RAADSAKKOORD_DATA_DIR", tempfile.mkdtemp(prefix="raadsakkoord-bench-keys-"))

import dutchlike  # noqa: E402

from raadsakkoord import operations as ops  # noqa: E402
from raadsakkoord.exchange import export_party_package, export_round_package, import_package, keys  # noqa: E402
from raadsakkoord.model import AmendmentKind, Position  # noqa: E402
from raadsakkoord.store.workspace import open_workspace  # noqa: E402


def timed(fn):
    started = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - started


def party_package(folder: str, n_amendments: int) -> None:
    rng = random.Random(3)
    texts = dutchlike.agreement_texts(n_sections=50, total_words=10_000, seed=3)
    griffie_ws = open_workspace(os.path.join(folder, "griffie.raadsakkoord"), create=True)
    griffie = ops.Actor.griffie("Griffie")
    with griffie_ws.action() as s:
        ops.create_agreement(s, griffie, title="Benchmark", municipality="Benchmarkstad", council_seats=30)
        parties = [ops.add_party(s, griffie, name=f"Fractie {i}", short_name=f"F{i}", seats=3).id for i in range(10)]
        chapter = ops.add_chapter(s, griffie, title="Alles").id
        sections = [ops.add_section(s, griffie, chapter_id=chapter, title=f"Hoofdlijn {i}", text=t).id
                    for i, t in enumerate(texts)]
        ops.publish_round(s, griffie)
        keys.init_key(s, griffie, keys.resolve_identity(s, "griffie"))
        griffie_pub = keys.export_public_key(s, keys.resolve_identity(s, "griffie"))
        round_data = export_round_package(s, griffie)
    party_ws = open_workspace(os.path.join(folder, "f0.raadsakkoord"), create=True)
    with party_ws.action() as s:
        keys.register_public_key(s, griffie, griffie_pub, "griffie.pub")
    with party_ws.action() as s:
        import_package(s, griffie, round_data, "ronde.rkpkg")
    member = ops.Actor.of_party(parties[0], "Lid")
    with party_ws.action() as s:
        keys.init_key(s, member, keys.resolve_identity(s, "F0"))
        party_pub = keys.export_public_key(s, keys.resolve_identity(s, "F0"))
        per_section = n_amendments // len(sections)
        for index, sid in enumerate(sections):
            for text in dutchlike.amendments_for(rng, texts[index], per_section + 2)[:per_section]:
                if text.strip() != texts[index].strip():
                    ops.propose_amendment(s, member, kind=AmendmentKind.MODIFY, section_id=sid,
                                          headline="Wijziging", text=text, submit=True)
            ops.endorse_section(s, member, sid, Position.SUPPORT)
    with party_ws.action() as s:
        data, export_time = timed(lambda: export_party_package(s, member, parties[0]))
    with griffie_ws.action() as s:
        keys.register_public_key(s, griffie, party_pub, "f0.pub")
    with griffie_ws.action() as s:
        report, import_time = timed(lambda: import_package(s, griffie, data, "f0.rkpkg"))
    amendments = report.counts[("amendments", "new")]
    print(f"party package, {amendments:,} amendments + {len(sections)} positions ({len(data) / 2**20:.1f} MiB):")
    print(f"  export {export_time:6.2f} s   import {import_time:6.2f} s (target < 3 s)")
    griffie_ws.close()
    party_ws.close()


def ten_times(folder: str) -> None:
    import bench_workspace

    target = os.path.join(folder, "tienvoud.raadsakkoord")
    print("building the ten-times workspace (about 75 s) …", flush=True)
    bench_workspace.build(target, 1000, 20_000, 40)
    ws = open_workspace(target)
    griffie = ops.Actor.griffie("Griffie")
    with ws.action() as s:
        keys.init_key(s, griffie, keys.resolve_identity(s, "griffie"))
        public = keys.export_public_key(s, keys.resolve_identity(s, "griffie"))
    with ws.action() as s:
        data, export_time = timed(lambda: export_round_package(s, griffie))
    ws.close()
    party = open_workspace(os.path.join(folder, "fractie.raadsakkoord"), create=True)
    with party.action() as s:
        keys.register_public_key(s, griffie, public, "griffie.pub")
    with party.action() as s:
        report, import_time = timed(lambda: import_package(s, griffie, data, "ronde.rkpkg"))
    party.close()
    print(f"round package of the ten-times dataset ({len(data) / 2**20:.1f} MiB; "
          f"{report.counts[('sections', 'new')]:,} sections, {report.counts[('amendments', 'new')]:,} amendments, "
          f"{report.counts[('endorsements', 'new')]:,} positions):")
    print(f"  export {export_time:6.2f} s   import into a new party workspace {import_time:6.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-ten-times", action="store_true", help="skip the large round package")
    parser.add_argument("--amendments", type=int, default=1000)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="raadsakkoord-bench-exchange-")
    party_package(folder, args.amendments)
    if not args.no_ten_times:
        ten_times(folder)


if __name__ == "__main__":
    main()
