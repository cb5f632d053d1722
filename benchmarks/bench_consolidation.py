"""The griffie's consolidation view on the ten-times dataset: opening a section with 40 amendments, ticking one.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_consolidation.py WORKSPACE

WORKSPACE is a copy of the file `bench_workspace.py --target WORKSPACE`
builds (1,000 sections, 20,000 amendments, 40 parties); the script changes
it. It first tops up one section to 40 submitted amendments (proposed by
party members, one word each, so that some of them collide), then times:

- opening the consolidation view of that section: ``show_section`` (the
  query, conflict matrix, table, grid and the three panes) until painted;
- ticking one more amendment into the preview (two already ticked): the
  preview query and its tracked changes, until painted.

Budget: each below 100 ms. Prints its command line, then median and max of
10 runs for each of README's rows.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sqlalchemy as sa  # noqa: E402
from report import print_command_line, row  # noqa: E402

RUNS = 10
TARGET = 40


def spread(found: list[float]) -> str:
    return f"median {statistics.median(found) * 1000:.1f} ms, max {max(found) * 1000:.1f} ms"


def top_up(workspace, target: int = TARGET):
    """Give one section `target` submitted amendments; returns its id and how many it has."""
    from raadsakkoord import operations as ops
    from raadsakkoord.model import Amendment, AmendmentStatus, Chapter, Party, Section

    with workspace.action() as s:
        # Of the sections with the most amendments, the last in the agreement: the same one in every build.
        section_id, count = s.execute(
            sa.select(Amendment.section_id, sa.func.count()).join(Section, Amendment.section_id == Section.id)
            .join(Chapter, Section.chapter_id == Chapter.id).where(Amendment.status == AmendmentStatus.SUBMITTED)
            .group_by(Amendment.section_id, Chapter.position, Section.position)
            .order_by(sa.func.count().desc(), Chapter.position.desc(), Section.position.desc()).limit(1)).one()
        parties = s.scalars(sa.select(Party.id).order_by(Party.short_name)).all()
        text = s.get(Section, section_id).text
        words = text.split(" ")
        for n in range(count, target):
            actor = ops.Actor.of_party(parties[n % len(parties)], f"Lid {n}")
            changed = list(words)
            changed[(n * 7) % len(changed)] = f"aangepast{n}"
            ops.propose_amendment(s, actor, kind="modify", section_id=section_id, headline=f"Wijziging {n}",
                                  explanation=f"Toelichting bij wijziging {n}.", text=" ".join(changed),
                                  submit=True)
        total = s.scalar(sa.select(sa.func.count()).where(Amendment.section_id == section_id,
                                                          Amendment.status == AmendmentStatus.SUBMITTED))
        section_words = len(text.split())
    return section_id, total, section_words


def main() -> None:
    if len(sys.argv) != 2 or not Path(sys.argv[1]).exists():
        sys.exit("gebruik: bench_consolidation.py WERKRUIMTE (een kopie; het script voegt amendementen toe)")
    print_command_line()
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from raadsakkoord import operations as ops
    from raadsakkoord.store.workspace import open_workspace
    from ui.common.context import Changes, Context
    from ui.griffie.consolidation import ConsolidationView
    from ui.shell.app import configure_application

    workspace = open_workspace(sys.argv[1])
    section_id, total, section_words = top_up(workspace)
    app = QApplication([])
    configure_application(app)
    ctx = Context(workspace, ops.Actor.griffie("Benchmark"), "Benchmark (griffie)", Changes())
    view = ConsolidationView()
    view.bind(ctx, QUndoStack())
    view.resize(1100, 760)
    view.show()
    app.processEvents()

    def timed(action) -> float:
        started = time.perf_counter()
        action()
        app.processEvents()  # paint what changed
        return time.perf_counter() - started

    view.show_section(section_id)  # warm-up: first use of the query and the diff engine
    app.processEvents()
    detail = view.detail

    opening = []
    for _ in range(RUNS):
        view.detail = None  # as when coming from another section: nothing carried over
        opening.append(timed(lambda: view.show_section(section_id)))

    model = view.choice_model
    free = [i for i in range(len(detail.compared)) if model.blocked_by(i) is None]
    first, second = free[0], next(i for i in free if i not in detail.conflicts_of(free[0]) and i != free[0])
    model.toggle(first)
    model.toggle(second)
    candidates = [i for i in range(len(detail.compared))
                  if i not in (first, second) and model.blocked_by(i) is None]
    ticking = []
    for run in range(RUNS):
        index = candidates[run % len(candidates)]
        ticking.append(timed(lambda index=index: model.toggle(index)))
        model.toggle(index)  # untick again, untimed
        app.processEvents()
    assert len(model.ticked) == 2 and view.preview_text is not None

    row(f"open the consolidation of a section with {total} amendments ({detail.conflict_count} colliding pairs, "
        f"{section_words} words), until painted ({RUNS} runs)", spread(opening))
    row(f"tick one more amendment into the preview (2 ticked), until painted ({RUNS} runs)", spread(ticking))
    view.close()
    workspace.close()


if __name__ == "__main__":
    main()
