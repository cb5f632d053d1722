"""Build a workspace ten times a real raadsakkoord and time it.

1,000 sections in 50 chapters (about 200,000 words), 40 parties, a position
of every party on every section (40,000), 20,000 submitted amendments each
supported by its party, one published round; then `info` on it, the
conflict matrix of every section through the operations, and a new round
after a revision of every section, which rebases all 20,000 amendments.

    .venv/bin/python benchmarks/bench_workspace.py [--target PATH_OR_URL] [--amendments N]

Everything goes through raadsakkoord.operations (validation, audit chain),
as the application does, in transactions of 500 actions.
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

import dutchlike  # noqa: E402
from report import print_command_line, row  # noqa: E402

from raadsakkoord import operations as ops  # noqa: E402
from raadsakkoord.base.text import canonical_markdown  # noqa: E402
from raadsakkoord.model import AmendmentKind, Position  # noqa: E402
from raadsakkoord.queries import conflicts  # noqa: E402
from raadsakkoord.queries.summary import workspace_summary  # noqa: E402
from raadsakkoord.store.workspace import open_workspace  # noqa: E402

BATCH = 500


def batched(workspace, items, action):
    for start in range(0, len(items), BATCH):
        with workspace.action() as session:
            for item in items[start:start + BATCH]:
                action(session, item)


def build(target: str, n_sections: int, n_amendments: int, n_parties: int) -> dict:
    rng = random.Random(7)
    texts = dutchlike.agreement_texts(n_sections=n_sections, total_words=200 * n_sections, seed=7)
    words = sum(len(t.split()) for t in texts)
    griffie = ops.Actor.griffie("Benchmark")
    figures = {}

    started = time.perf_counter()
    workspace = open_workspace(target, create=True)
    with workspace.action() as s:
        ops.create_agreement(s, griffie, title="Raadsakkoord Benchmarkstad", municipality="Benchmarkstad",
                             council_seats=2 * n_parties)
        parties = [ops.add_party(s, griffie, name=f"Fractie {i}", short_name=f"F{i}", seats=2,
                                 colour=f"#{rng.randrange(0x1000000):06X}").id for i in range(n_parties)]
        chapters = [ops.add_chapter(s, griffie, title=f"Thema {i + 1}").id for i in range(n_sections // 20)]
    section_ids = []
    t = time.perf_counter()

    def add(session, item):
        index, text = item
        section_ids.append(ops.add_section(session, griffie, chapter_id=chapters[index % len(chapters)],
                                           title=f"Hoofdlijn {index + 1}", text=text).id)

    batched(workspace, list(enumerate(texts)), add)
    figures["sections"] = time.perf_counter() - t

    t = time.perf_counter()
    actors = [ops.Actor.of_party(p, f"Lid {i}") for i, p in enumerate(parties)]
    pairs = [(actor, sid) for sid in section_ids for actor in actors]

    def endorse(session, item):
        actor, sid = item
        position = Position.SUPPORT if rng.random() < 0.8 else rng.choice([Position.OPPOSE, Position.ABSTAIN])
        ops.endorse_section(session, actor, sid, position)

    batched(workspace, pairs, endorse)
    figures["endorsements"] = time.perf_counter() - t

    t = time.perf_counter()
    with workspace.action() as s:
        ops.publish_round(s, griffie)
    figures["round"] = time.perf_counter() - t

    t = time.perf_counter()
    per_section = max(1, n_amendments // n_sections)
    work = []
    for index, sid in enumerate(section_ids):
        base = canonical_markdown(texts[index])
        # The generator may now and then produce a change that canonical form undoes.
        candidates = dutchlike.amendments_for(rng, texts[index], per_section + 3)
        real = [text for text in candidates if canonical_markdown(text) != base]
        work.extend((sid, text) for text in real[:per_section])
    work = work[:n_amendments]
    figures["generate"] = time.perf_counter() - t

    t = time.perf_counter()

    def amend(session, item):
        sid, text = item
        actor = actors[rng.randrange(len(actors))]
        amendment = ops.propose_amendment(session, actor, kind=AmendmentKind.MODIFY, section_id=sid,
                                          headline="Wijziging", text=text, submit=True)
        ops.endorse_amendment(session, actor, amendment.id, Position.SUPPORT)

    batched(workspace, work, amend)
    figures["amendments"] = time.perf_counter() - t
    # Everything from creating the file to the last amendment, but not making up the amendments' texts
    # (the sections' texts were made before the clock started).
    figures["build_total"] = time.perf_counter() - started - figures["generate"]
    workspace.close()

    t = time.perf_counter()
    workspace = open_workspace(target)
    with workspace.action() as s:
        summary = workspace_summary(s)
    workspace.close()
    figures["info"] = time.perf_counter() - t

    # The diff engine through the operations, on this database.
    workspace = open_workspace(target)
    t = time.perf_counter()
    pairs = 0
    with workspace.action() as s:
        for sid in section_ids:
            pairs += len(conflicts.section_conflicts(s, sid).conflicting_pairs())
    figures["conflicts"] = time.perf_counter() - t
    figures["conflicting_pairs"] = pairs

    def revise(session, item):
        index, sid = item
        ops.revise_section(session, griffie, sid, dutchlike.scattered_edits(rng, texts[index], 3), reason="Redactie")

    batched(workspace, list(enumerate(section_ids)), revise)
    t = time.perf_counter()
    with workspace.action() as s:
        report = ops.publish_round(s, griffie).rebase_report
    figures["publish_rebase"] = time.perf_counter() - t
    figures["rebase"] = (len(report.rebased), len(report.needs_rework), len(report.already_in_text))
    workspace.close()
    figures["words"] = words
    figures["counts"] = (len(summary["sections"]), summary["amendments"]["total"], len(summary["parties"]))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--target", help="file or database URL (default: a temporary file)")
    parser.add_argument("--sections", type=int, default=1000)
    parser.add_argument("--amendments", type=int, default=20_000)
    parser.add_argument("--parties", type=int, default=40)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="raadsakkoord-bench-")
    target = args.target or os.path.join(folder, "tienvoud.raadsakkoord")
    print_command_line()
    f = build(target, args.sections, args.amendments, args.parties)
    sections, amendments, parties = f["counts"]
    endorsements = sections * parties

    row(f"{sections:,} sections ({f['words']:,} words) with their first revisions", f"{f['sections']:.1f} s")
    row(f"{endorsements:,} section endorsements ({parties} parties × {sections:,} sections)",
        f"{f['endorsements']:.1f} s ({f['endorsements'] / endorsements * 1e3:.1f} ms each)")
    row(f"{amendments:,} submitted amendments, each with its party's endorsement",
        f"{f['amendments']:.1f} s ({f['amendments'] / amendments * 1e3:.1f} ms each)")
    row("creating the whole workspace (all of the above, the agreement, parties and first round)",
        f"{f['build_total']:.1f} s")
    row("info on it (open with the migration check, summary with support per section)", f"{f['info']:.2f} s")
    row("conflict matrix of every section, through the operations", f"{f['conflicts']:.1f} s")
    clean, rework, absorbed = f["rebase"]
    row(f"publishing a round after a revision of every section, rebasing all {amendments:,} amendments",
        f"{f['publish_rebase']:.1f} s: {clean:,} clean, {rework:,} need rework, {absorbed:,} already in the text")
    if "://" not in target:
        size = sum(os.path.getsize(target + s) for s in ("", "-wal") if os.path.exists(target + s))
        row("file size", f"{size / 2**20:.0f} MiB")


if __name__ == "__main__":
    main()
