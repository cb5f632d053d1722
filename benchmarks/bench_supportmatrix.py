"""The support matrix on the ten-times dataset: loading, and redrawing after a filter or a position change.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_supportmatrix.py WORKSPACE

WORKSPACE is a copy of the file `bench_workspace.py --target WORKSPACE` builds
(1,000 sections, 40 parties: 40,000 cells); the script records positions in
it. The generated dataset's positions were all given on older texts; the
script first confirms four fifths of them (each party its own fifth left
stale), so the matrix has majorities, opposition and stale cells, as an
agreement in its second round would. Then it times, in a shown SupportView
of 1400 × 860:

- loading the matrix (query and per-row preparation; runs on a worker thread);
- handing it to the model (GUI thread);
- a filter change, then the matrix view repainted (forced with repaint());
- a position recorded on one section: its row read again, the model
  updated, the proxy re-sorting it (sorted on support seats), and the
  repaint; the recording itself is the endorsement panel's work, not timed;
- the chart, per section (1,000 bars) and per chapter: preparing and painting
  what is visible, and the PNG export.

Median and maximum over 10 runs each.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

RUNS = 10


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def report(label: str, found: list[float]) -> None:
    print(f"  {label:<66} median {ms(statistics.median(found))}   max {ms(max(found))}")


def main() -> None:
    if len(sys.argv) != 2 or not Path(sys.argv[1]).exists():
        sys.exit("gebruik: bench_supportmatrix.py WERKRUIMTE (een kopie van de tienvoudige werkruimte)")
    path = sys.argv[1]

    import sqlalchemy as sa
    from PySide6.QtCore import QElapsedTimer, Qt
    from PySide6.QtWidgets import QApplication

    from raadsakkoord import operations as ops
    from raadsakkoord.queries.matrix import matrix_row, support_matrix
    from raadsakkoord.model import Party, Position
    from raadsakkoord.store.workspace import open_workspace
    from ui.shell.app import configure_application, make_none_immortal
    from ui.common.context import Changes, Context
    from ui.support.chart import save_png
    from ui.support.matrix import (
        FOR,
        NO_BROAD_SUPPORT,
        NO_MAJORITY,
        PARTY_AGAINST,
        SHOW_ALL,
        WITH_STALE,
        prepare,
    )
    from ui.support.view import CHART, SupportView, load_prepared
    from ui.common.background import TaskRunner

    make_none_immortal()
    app = QApplication([])
    configure_application(app)
    workspace = open_workspace(path)
    confirmed = confirm_most(workspace)
    if confirmed:
        print(f"confirmed {confirmed:,} stale positions first")
    ctx = Context(workspace, ops.Actor.griffie("Benchmark"), "Benchmark (griffie)", Changes())

    def timer() -> QElapsedTimer:
        started = QElapsedTimer()
        started.start()
        return started

    found = []
    for _ in range(5):
        started = timer()
        prepared = load_prepared(ctx)
        found.append(started.nsecsElapsed() / 1e9)
    matrix = prepared.matrix
    print(f"{len(matrix.rows):,} sections × {len(matrix.parties)} parties "
          f"({len(matrix.rows) * len(matrix.parties):,} cells); "
          f"{sum(r.majority for r in prepared.rows)} with a majority, "
          f"{sum(r.stale for r in prepared.rows)} with stale positions")
    print("loading:")
    report("query + preparation (worker thread), 5 runs", found)

    view = SupportView(runner=TaskRunner(synchronous=True))
    view.resize(1400, 860)
    view.show()
    QApplication.processEvents()
    started = timer()
    view.bind(ctx)
    report("bind: load + model + first layout (inline here)", [started.nsecsElapsed() / 1e9])
    found = []
    for _ in range(RUNS):
        again = prepare(support_matrix_from(ctx, support_matrix))
        started = timer()
        view.model.set_matrix(again)
        view.table.viewport().repaint()
        found.append(started.nsecsElapsed() / 1e9)
    report("a reloaded matrix handed to the model + repaint (GUI thread)", found)
    QApplication.processEvents()
    table = view.table
    bar = view.filter_bar

    print("redrawing the matrix after a filter change (filter + repaint):")
    against = next(n for n, p in enumerate(matrix.parties)
                   if any(r.cells[n] & 7 == 2 for r in prepared.rows))
    changes = [
        ("zonder meerderheid", lambda: view.proxy.set_filter(NO_MAJORITY)),
        ("alle hoofdlijnen", lambda: view.proxy.set_filter(SHOW_ALL)),
        ("met verouderde standpunten", lambda: view.proxy.set_filter(WITH_STALE)),
        ("zonder brede steun", lambda: view.proxy.set_filter(NO_BROAD_SUPPORT)),
        (f"waar {matrix.parties[against].short_name} tegen is",
         lambda: view.proxy.set_filter(PARTY_AGAINST, against)),
        ("title search '12'", lambda: bar.search.setText("12")),
        ("search cleared", lambda: bar.search.setText("")),
    ]
    for label, change in changes:
        found = []
        for _ in range(RUNS):
            view.proxy.set_filter(SHOW_ALL)
            bar.search.setText("")
            QApplication.processEvents()
            started = timer()
            change()
            table.viewport().repaint()
            found.append(started.nsecsElapsed() / 1e9)
        report(f"{label} ({view.proxy.rowCount():,} rows shown)", found)

    found = []
    for n in range(RUNS):
        started = timer()
        table.sortByColumn(FOR, Qt.SortOrder.DescendingOrder if n % 2 else Qt.SortOrder.AscendingOrder)
        table.viewport().repaint()
        found.append(started.nsecsElapsed() / 1e9)
    report("sort on support seats (alternating order) + repaint", found)

    print("redrawing after a position change (row read again + model + re-sort + repaint):")
    view.proxy.set_filter(SHOW_ALL)
    table.sortByColumn(FOR, Qt.SortOrder.AscendingOrder)
    with workspace.action() as s:
        parties = s.scalars(sa.select(Party).order_by(Party.seats.desc())).all()
        party_ids = [p.id for p in parties]
    found, model_only = [], []
    for n in range(RUNS):
        section_id = matrix.rows[(n * 97) % len(matrix.rows)].id
        actor = ops.Actor.of_party(party_ids[n % len(party_ids)], "Benchmark")
        with workspace.action() as s:
            ops.endorse_section(s, actor, section_id, Position.OPPOSE if n % 2 else Position.SUPPORT)
        QApplication.processEvents()
        started = timer()
        view._section_changed(section_id)  # what ctx.changes.section does
        table.viewport().repaint()
        found.append(started.nsecsElapsed() / 1e9)
        with workspace.action() as s:
            row = matrix_row(s, section_id)
        started = timer()
        view.model.update_row(row)
        table.viewport().repaint()
        model_only.append(started.nsecsElapsed() / 1e9)
    report("the section's row read from the database + model + repaint", found)
    report("model + re-sort + repaint only (row already read)", model_only)

    print("the chart:")
    view.tabs.setCurrentIndex(CHART)
    panel = view.chart_panel
    for label, button in (("per section (1,000 bars)", panel.per_section), ("per chapter", panel.per_chapter)):
        found = []
        for _ in range(RUNS):
            started = timer()
            button.setChecked(True)
            view._update_chart()
            panel.chart.repaint()
            found.append(started.nsecsElapsed() / 1e9)
            (panel.per_chapter if button is panel.per_section else panel.per_section).setChecked(True)
        report(f"{label}: data + paint of what is visible", found)
    with tempfile.TemporaryDirectory() as folder:
        for label, button in (("per chapter", panel.per_chapter), ("per section", panel.per_section)):
            button.setChecked(True)
            view._update_chart()
            from ui.support.chart import export_scale

            size = panel.chart.export_size()
            scale = export_scale(size)
            started = time.perf_counter()
            image = panel.chart.render_image(scale)
            save_png(image, os.path.join(folder, "grafiek.png"))
            elapsed = time.perf_counter() - started
            print(f"  PNG export {label}: {image.width()} × {image.height()} px (scale {scale:.2f}) in {ms(elapsed)}")
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
