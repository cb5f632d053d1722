"""The support matrix on the ten-times dataset: loading, and redrawing after a filter or a position change.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_supportmatrix.py WORKSPACE

WORKSPACE is a copy of the file `bench_workspace.py --target WORKSPACE` builds
(1,000 sections, 40 parties: 40,000 cells); the script records positions in
it. The generated dataset's positions were all given on older texts; the
script first confirms four fifths of them (each party its own fifth left
stale), so the matrix has majorities, opposition and stale cells, as an
agreement in its second round would. Then it times, in a shown SupportView
of 1400 × 860, median and max over 10 runs each:

- a filter change, then the matrix view repainted (forced with repaint()),
  for seven filters (five kinds of section, a title search, the search
  cleared): the range of the seven medians, and the largest of all 70 runs;
- a position recorded on one section: its row read again, the model
  updated, the proxy re-sorting it (sorted on support seats), and the
  repaint; the recording itself is the endorsement panel's work, not timed.

Prints its command line, then README's two rows.
"""

from __future__ import annotations

import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from report import print_command_line, row  # noqa: E402

RUNS = 10


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main() -> None:
    if len(sys.argv) != 2 or not Path(sys.argv[1]).exists():
        sys.exit("gebruik: bench_supportmatrix.py WERKRUIMTE (een kopie van de tienvoudige werkruimte)")
    print_command_line()
    path = sys.argv[1]

    import sqlalchemy as sa
    from PySide6.QtCore import QElapsedTimer, Qt
    from PySide6.QtWidgets import QApplication

    from raadsakkoord import operations as ops
    from raadsakkoord.model import Party, Position
    from raadsakkoord.store.workspace import open_workspace
    from ui.common.background import TaskRunner
    from ui.common.context import Changes, Context
    from ui.shell.app import configure_application, make_none_immortal
    from ui.support.matrix import (
        FOR,
        NO_BROAD_SUPPORT,
        NO_MAJORITY,
        PARTY_AGAINST,
        SHOW_ALL,
        WITH_STALE,
    )
    from ui.support.view import SupportView, load_prepared

    make_none_immortal()
    app = QApplication([])
    configure_application(app)
    workspace = open_workspace(path)
    confirm_most(workspace)
    ctx = Context(workspace, ops.Actor.griffie("Benchmark"), "Benchmark (griffie)", Changes())

    def timer() -> QElapsedTimer:
        started = QElapsedTimer()
        started.start()
        return started

    view = SupportView(runner=TaskRunner(synchronous=True))  # loaded inline: the loading is not timed here
    view.resize(1400, 860)
    view.show()
    app.processEvents()
    view.bind(ctx)
    app.processEvents()
    prepared = load_prepared(ctx)
    matrix, rows = prepared.matrix, prepared.rows
    table = view.table
    bar = view.filter_bar

    against = next(n for n, p in enumerate(matrix.parties) if any(r.cells[n] & 7 == 2 for r in rows))
    changes = [
        lambda: view.proxy.set_filter(NO_MAJORITY),
        lambda: view.proxy.set_filter(SHOW_ALL),
        lambda: view.proxy.set_filter(WITH_STALE),
        lambda: view.proxy.set_filter(NO_BROAD_SUPPORT),
        lambda: view.proxy.set_filter(PARTY_AGAINST, against),
        lambda: bar.search.setText("12"),
        lambda: bar.search.setText(""),
    ]
    filtering = []
    for change in changes:
        found = []
        for _ in range(RUNS):
            view.proxy.set_filter(SHOW_ALL)
            bar.search.setText("")
            app.processEvents()
            started = timer()
            change()
            table.viewport().repaint()
            found.append(started.nsecsElapsed() / 1e9)
        filtering.append(found)

    view.proxy.set_filter(SHOW_ALL)
    table.sortByColumn(FOR, Qt.SortOrder.AscendingOrder)
    with workspace.action() as s:
        party_ids = s.scalars(sa.select(Party.id).order_by(Party.seats.desc())).all()
    changed = []
    for n in range(RUNS):
        section_id = matrix.rows[(n * 97) % len(matrix.rows)].id
        actor = ops.Actor.of_party(party_ids[n % len(party_ids)], "Benchmark")
        with workspace.action() as s:
            ops.endorse_section(s, actor, section_id, Position.OPPOSE if n % 2 else Position.SUPPORT)
        app.processEvents()
        started = timer()
        view._section_changed(section_id)  # what ctx.changes.section does
        table.viewport().repaint()
        changed.append(started.nsecsElapsed() / 1e9)

    medians = [statistics.median(found) for found in filtering]
    row(f"redraw the support matrix ({len(matrix.rows):,} sections × {len(matrix.parties)} parties) after a filter "
        f"change ({len(changes)} filters, {RUNS} runs each)",
        f"medians {ms(min(medians)).removesuffix(' ms')}–{ms(max(medians))}, "
        f"max {ms(max(max(found) for found in filtering))}")
    row(f"the same after one position changed (row read, re-sort, repaint; {RUNS} runs)",
        f"median {ms(statistics.median(changed))}, max {ms(max(changed))}")
    view.close()
    workspace.close()


def confirm_most(workspace) -> int:
    import sqlalchemy as sa

    from raadsakkoord import operations as ops
    from raadsakkoord.model import Chapter, Party, Section

    with workspace.action() as s:
        sections = s.scalars(sa.select(Section.id).join(Chapter, Section.chapter_id == Chapter.id)
                             .order_by(Chapter.position, Section.position)).all()
        parties = s.scalars(sa.select(Party.id).order_by(Party.seats.desc(), Party.short_name)).all()
        count = 0
        for n, party_id in enumerate(parties):
            actor = ops.Actor.of_party(party_id, "Benchmark")
            chosen = [sid for i, sid in enumerate(sections) if (i + n) % 5]
            count += ops.confirm_endorsements(s, actor, section_ids=chosen)
    return count


def support_matrix_from(ctx, load):
    with ctx.action() as session:
        return load(session)


if __name__ == "__main__":
    main()
