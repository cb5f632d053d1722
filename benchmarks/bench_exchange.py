"""Exporting and importing packages.

    .venv/bin/python benchmarks/bench_exchange.py [--no-ten-times] [--amendments N]

1. A party package of 1,000 amendments (plus positions): export in the
   party's workspace, import into the griffie's (target: under 3 s); median
   and max of 5 runs (5 exports; the first package imported into 5 copies
   of the griffie's workspace).
2. The round package of the ten-times dataset (1,000 sections, 20,000
   amendments, 40 parties; built as in bench_workspace.py, which takes
   about 75 s): export, size, and import into a new party workspace; one
   run each.

Each figure is a whole transaction: the session, the export or import, and
its commit (``workspace.action()`` from start to end).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("RAADSAKKOORD_DATA_DIR", tempfile.mkdtemp(prefix="raadsakkoord-bench-keys-"))
# Its signing keys go into passphrase-encrypted files in that throwaway folder, never into the user's keychain.
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
os.environ.setdefault("RAADSAKKOORD_KEY_PASSPHRASE", "wachtwoordzin van deze meting")

import dutchlike  # noqa: E402
from report import print_command_line, row  # noqa: E402

from raadsakkoord import operations as ops  # noqa: E402
from raadsakkoord.exchange import (  # noqa: E402
    export_party_package,
    export_round_package,
    import_package,
    keys,
)
from raadsakkoord.model import AmendmentKind, Position  # noqa: E402
from raadsakkoord.store.workspace import open_workspace  # noqa: E402

RUNS = 5
GRIFFIE = ops.Actor.griffie("Griffie")


@dataclass
class PartySetup:
    griffie_path: str  # closed, with the party's public key registered
    party_path: str
    member: ops.Actor
    party_id: object
    sections: int


def party_setup(folder: str, n_amendments: int, n_sections: int = 50) -> PartySetup:
    """A griffie workspace with a published round and a party workspace that read it and wrote amendments."""
    rng = random.Random(3)
    texts = dutchlike.agreement_texts(n_sections=n_sections, total_words=200 * n_sections, seed=3)
    griffie_path = os.path.join(folder, "griffie.raadsakkoord")
    griffie_ws = open_workspace(griffie_path, create=True)
    with griffie_ws.action() as s:
        ops.create_agreement(s, GRIFFIE, title="Benchmark", municipality="Benchmarkstad", council_seats=30)
        parties = [ops.add_party(s, GRIFFIE, name=f"Fractie {i}", short_name=f"F{i}", seats=3).id for i in range(10)]
        chapter = ops.add_chapter(s, GRIFFIE, title="Alles").id
        sections = [ops.add_section(s, GRIFFIE, chapter_id=chapter, title=f"Hoofdlijn {i}", text=t).id
                    for i, t in enumerate(texts)]
        ops.publish_round(s, GRIFFIE)
        keys.init_key(s, GRIFFIE, keys.resolve_identity(s, "griffie"))
        griffie_pub = keys.export_public_key(s, keys.resolve_identity(s, "griffie"))
        round_data = export_round_package(s, GRIFFIE)
    party_path = os.path.join(folder, "f0.raadsakkoord")
    party_ws = open_workspace(party_path, create=True)
    with party_ws.action() as s:
        keys.register_public_key(s, GRIFFIE, griffie_pub, "griffie.pub")
    with party_ws.action() as s:
        import_package(s, GRIFFIE, round_data, "ronde.rkpkg")
    member = ops.Actor.of_party(parties[0], "Lid")
    with party_ws.action() as s:
        keys.init_key(s, member, keys.resolve_identity(s, "F0"))
        party_pub = keys.export_public_key(s, keys.resolve_identity(s, "F0"))
        per_section = max(1, n_amendments // len(sections))
        for index, sid in enumerate(sections):
            for text in dutchlike.amendments_for(rng, texts[index], per_section + 2)[:per_section]:
                if text.strip() != texts[index].strip():
                    ops.propose_amendment(s, member, kind=AmendmentKind.MODIFY, section_id=sid,
                                          headline="Wijziging", text=text, submit=True)
            ops.endorse_section(s, member, sid, Position.SUPPORT)
    party_ws.close()
    with griffie_ws.action() as s:
        keys.register_public_key(s, GRIFFIE, party_pub, "f0.pub")
    griffie_ws.close()  # closed: its WAL is in the main file, so a file copy is a whole workspace
    return PartySetup(griffie_path, party_path, member, parties[0], len(sections))


def export_party(setup: PartySetup) -> tuple[bytes, float]:
    """One export, timed from opening the transaction to its commit."""
    workspace = open_workspace(setup.party_path)
    started = time.perf_counter()
    with workspace.action() as s:
        data = export_party_package(s, setup.member, setup.party_id)
    elapsed = time.perf_counter() - started
    workspace.close()
    return data, elapsed


def import_into_copy(setup: PartySetup, data: bytes, copy: str):
    """The package read into a fresh copy of the griffie's workspace, timed from the transaction's start to its commit."""
    shutil.copyfile(setup.griffie_path, copy)
    workspace = open_workspace(copy)
    started = time.perf_counter()
    with workspace.action() as s:
        report = import_package(s, GRIFFIE, data, "f0.rkpkg")
    elapsed = time.perf_counter() - started
    workspace.close()
    return report, elapsed


def spread(found: list[float]) -> str:
    return f"median {statistics.median(found):.2f} s, max {max(found):.2f} s"


def party_package(folder: str, n_amendments: int) -> None:
    setup = party_setup(folder, n_amendments)
    exports = [export_party(setup) for _ in range(RUNS)]
    data = exports[0][0]  # the first: the griffie expects the party's package number 1
    imports = [import_into_copy(setup, data, os.path.join(folder, f"griffie-{n}.raadsakkoord")) for n in range(RUNS)]
    amendments = imports[0][0].counts[("amendments", "new")]
    assert all(report.counts[("amendments", "new")] == amendments for report, _ in imports)
    what = f"party package of {amendments:,} amendments and {setup.sections} positions ({len(data) / 2**20:.1f} MiB)"
    row(f"{what}: export ({RUNS} runs)", spread([t for _, t in exports]))
    row(f"the same package: import into the griffie's workspace ({RUNS} runs; target: under 3 s)",
        spread([t for _, t in imports]))


def ten_times(folder: str) -> None:
    import bench_workspace

    target = os.path.join(folder, "tienvoud.raadsakkoord")
    print("  (building the ten-times workspace, about 75 s …)", flush=True)
    bench_workspace.build(target, 1000, 20_000, 40)
    ws = open_workspace(target)
    with ws.action() as s:
        keys.init_key(s, GRIFFIE, keys.resolve_identity(s, "griffie"))
        public = keys.export_public_key(s, keys.resolve_identity(s, "griffie"))
    started = time.perf_counter()
    with ws.action() as s:
        data = export_round_package(s, GRIFFIE)
    export_time = time.perf_counter() - started
    ws.close()
    party = open_workspace(os.path.join(folder, "fractie.raadsakkoord"), create=True)
    with party.action() as s:
        keys.register_public_key(s, GRIFFIE, public, "griffie.pub")
    started = time.perf_counter()
    with party.action() as s:
        report = import_package(s, GRIFFIE, data, "ronde.rkpkg")
    import_time = time.perf_counter() - started
    party.close()
    what = (f"round package of the ten-times workspace ({len(data) / 2**20:.0f} MiB: "
            f"{report.counts[('sections', 'new')]:,} sections, {report.counts[('amendments', 'new')]:,} amendments, "
            f"{report.counts[('endorsements', 'new')]:,} positions)")
    row(f"{what}: export (one run)", f"{export_time:.1f} s")
    row("the same round package: import into a new party workspace (one run)", f"{import_time:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-ten-times", action="store_true", help="skip the large round package")
    parser.add_argument("--amendments", type=int, default=1000)
    args = parser.parse_args()
    print_command_line()
    folder = tempfile.mkdtemp(prefix="raadsakkoord-bench-exchange-")
    party_package(folder, args.amendments)
    if not args.no_ten_times:
        ten_times(folder)


if __name__ == "__main__":
    main()
