"""The support overview: the matrix of positions and the chart, under one filter bar.

Loading the whole matrix of the ten-times dataset (1,000 sections, 40
parties) takes half a second or more, so it is loaded off the GUI thread; a
position recorded on one section reloads only that row at once (about 20 ms
with the repaint; benchmarks/bench_supportmatrix.py).
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from raadsakkoord.base.errors import UserError
from raadsakkoord.base.i18n import tr
from raadsakkoord.queries.matrix import matrix_row, support_matrix
from ui.common import messages
from ui.common.context import Context
from ui.support.chart import SupportChartPanel, chapter_chart, section_chart
from ui.support.filter import MatrixFilterBar
from ui.support.matrix import MatrixFilter, PreparedMatrix, SupportMatrixModel, prepare
from ui.support.matrixtable import SupportMatrixTable, legend_html
from ui.common.background import TaskRunner

MATRIX, CHART = range(2)


def load_prepared(ctx: Context) -> PreparedMatrix:
    """Runs on a worker thread: its own session, and the per-cell work done there too."""
    with ctx.action() as session:
        matrix = support_matrix(session)
    return prepare(matrix)


class SupportView(QWidget):
    section_activated = Signal(object)  # section id: the window shows that section
    status = Signal(str)  # a short message for the status bar
    loaded = Signal()  # a new matrix is shown (tests and benchmarks wait for it)

    def __init__(self, parent: QWidget | None = None, *, runner: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.ctx: Context | None = None
        self.runner = runner or TaskRunner(self)
        self._generation = 0
        self._stale = False  # changed while hidden: reload when shown
        self.model = SupportMatrixModel(self)
        self.proxy = MatrixFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = SupportMatrixTable(self.model, self.proxy)
        self.table.section_activated.connect(self.section_activated)
        self.filter_bar = MatrixFilterBar(self.table)
        self.chart_panel = SupportChartPanel(runner=self.runner)
        self.chart_panel.mode_changed.connect(self._update_chart)
        self.chart_panel.exported.connect(
            lambda path: self.status.emit(tr("Grafiek bewaard als {path}").format(path=path)))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.legend = QLabel(legend_html())
        self.legend.setWordWrap(True)
        matrix_page = QWidget()
        matrix_layout = QVBoxLayout(matrix_page)
        matrix_layout.setContentsMargins(0, 4, 0, 0)
        matrix_layout.addWidget(self.table, 1)
        matrix_layout.addWidget(self.legend)
        self.tabs.addTab(matrix_page, tr("&Matrix"))
        self.tabs.addTab(self.chart_panel, tr("&Grafiek"))
        self.tabs.currentChanged.connect(self._update_chart)
        # The chart follows the matrix's filter and order, redrawn once per burst of changes.
        self._chart_timer = QTimer(self)
        self._chart_timer.setSingleShot(True)
        self._chart_timer.setInterval(0)
        self._chart_timer.timeout.connect(self._update_chart)
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                       self.proxy.layoutChanged, self.proxy.dataChanged):
            signal.connect(self._chart_timer.start)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.tabs, 1)

    # -- the workspace ---------------------------------------------------------------------

    def bind(self, ctx: Context | None) -> None:
        """Another workspace (or none): follow its changes, and load it."""
        if self.ctx is not None:
            try:
                self.ctx.changes.section.disconnect(self._section_changed)
                self.ctx.changes.outline.disconnect(self._outline_changed)
            except (RuntimeError, TypeError):
                pass  # the old workspace's notices are already gone
        self.ctx = ctx
        self._generation += 1  # whatever was loading belongs to the old workspace
        if ctx is None:
            self.model.clear()
            self._update_chart()
            return
        ctx.changes.section.connect(self._section_changed)
        ctx.changes.outline.connect(self._outline_changed)
        self.refresh()

    def refresh(self) -> None:
        """Load the whole matrix again, off the GUI thread; an older load still running is ignored."""
        ctx = self.ctx
        if ctx is None:
            return
        self._stale = False
        self._generation += 1
        generation = self._generation
        self.runner.run(lambda: load_prepared(ctx), lambda prepared: self._loaded(generation, prepared),
                        self._failed)

    def _loaded(self, generation: int, prepared: PreparedMatrix) -> None:
        if generation != self._generation:
            return
        self.model.set_matrix(prepared)
        self._update_chart()
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            messages.show_error(self, tr("Steunoverzicht laden"), error.message)
            return
        raise error

    def _section_changed(self, section_id: uuid.UUID | None) -> None:
        """One section's positions or text changed: its row again, at once (the outline notice follows)."""
        if section_id is None or self.ctx is None or self.model.source_row_of(section_id) is None:
            return
        try:
            with self.ctx.action() as session:
                row = matrix_row(session, section_id)
        except UserError as exc:
            self.status.emit(exc.message)
            return
        if row is None or not self.model.update_row(row):
            self._outline_changed()  # it left the agreement: the rows themselves change

    def _outline_changed(self) -> None:
        if self.isVisible():
            self._refresh_timer.start()  # several notices in one action: one reload
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    # -- the chart -------------------------------------------------------------------------

    def _update_chart(self, *_args) -> None:
        if self.tabs.currentIndex() != CHART:
            return  # drawn when its tab is opened
        matrix = self.model.matrix
        if matrix is None:
            self.chart_panel.show_data(None)
        elif self.chart_panel.chapter_mode:
            self.chart_panel.show_data(chapter_chart(matrix, self.model.chapters))
        else:
            rows = [self.model.row_at(self.proxy.source_row(n)) for n in range(self.proxy.rowCount())]
            self.chart_panel.show_data(section_chart(matrix, rows))
