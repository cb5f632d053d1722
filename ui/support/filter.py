"""The bar above the support matrix: which sections to show, a title search, and the order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from raadsakkoord.base.i18n import mark, tr
from ui.common.flowlayout import FlowLayout, labelled
from ui.support.matrix import AGAINST, FILTERS, FIRST_PARTY, FOR, NUMBER, PARTY_AGAINST, SILENT
from ui.support.matrixtable import SupportMatrixTable

_ASC, _DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
ORDERS = (
    (mark("op nummer"), NUMBER, _ASC),
    (mark("meeste steun eerst"), FOR, _DESC),
    (mark("minste steun eerst"), FOR, _ASC),
    (mark("meeste tegenstemmen eerst"), AGAINST, _DESC),
    (mark("meeste zetels zonder standpunt eerst"), SILENT, _DESC),
)


class MatrixFilterBar(QWidget):
    """Drives the matrix's filter proxy and its sorting; keeps the order list in step with header clicks."""

    def __init__(self, table: SupportMatrixTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self.proxy = table.proxy
        self.show_combo = QComboBox()
        for label in FILTERS:
            self.show_combo.addItem(tr(label))
        self.show_combo.setToolTip(tr("Welke hoofdlijnen de matrix toont"))
        self.party_combo = QComboBox()
        self.party_combo.setToolTip(tr("De fractie voor 'Waar een fractie tegen is'"))
        self.party_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("nummer of woord uit de titel"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(tr("Zoeken in de titels van de hoofdlijnen"))
        self.order_combo = QComboBox()
        self.order_combo.setPlaceholderText(tr("zoals de aangeklikte kolom"))
        self.order_combo.setToolTip(tr("Volgorde van de hoofdlijnen; u kunt ook op een kolomkop klikken"))
        self.count = QLabel()
        self.count.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Long choices shorten with "…" rather than widen the bar; the list shows them whole.
        for combo in (self.show_combo, self.order_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(16)
        self.search.setMinimumWidth(self.fontMetrics().averageCharWidth() * 16)
        layout = FlowLayout(self, spacing=12)
        for text, widget, stretch in ((tr("&Tonen:"), self.show_combo, False),
                                      (tr("&Fractie:"), self.party_combo, False),
                                      (tr("&Zoeken:"), self.search, True), (tr("&Volgorde:"), self.order_combo, False)):
            layout.addWidget(labelled(text, widget, stretch=stretch))
        layout.addWidget(self.count)
        self._orders: list[tuple[int, Qt.SortOrder]] = []
        self._fill_orders()
        self.show_combo.currentIndexChanged.connect(self._apply_filter)
        self.party_combo.currentIndexChanged.connect(self._apply_filter)
        self.search.textChanged.connect(self.proxy.set_text)
        self.order_combo.activated.connect(self._apply_order)
        table.horizontalHeader().sortIndicatorChanged.connect(self._follow_header)
        table.source.modelReset.connect(self.parties_changed)
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                       self.proxy.layoutChanged):
            signal.connect(self._count)
        self.parties_changed()

    def parties_changed(self) -> None:
        """New parties (another workspace): refill both lists, keeping the chosen party where it still is."""
        chosen = self.party_combo.currentData()
        self.party_combo.blockSignals(True)
        self.party_combo.clear()
        for n, party in enumerate(self.table.source.parties):
            self.party_combo.addItem(f"{party.short_name} ({party.seats})", party.id)
        found = self.party_combo.findData(chosen) if chosen is not None else -1
        self.party_combo.setCurrentIndex(max(found, 0) if self.party_combo.count() else -1)
        self.party_combo.blockSignals(False)
        self._fill_orders()
        self._apply_filter()

    def _fill_orders(self) -> None:
        self.order_combo.clear()
        self._orders = []
        for label, column, order in ORDERS:
            self.order_combo.addItem(tr(label))
            self._orders.append((column, order))
        for n, party in enumerate(self.table.source.parties):
            self.order_combo.addItem(tr("standpunt van {party}, steun eerst").format(party=party.short_name))
            self._orders.append((FIRST_PARTY + n, _ASC))
        header = self.table.horizontalHeader()
        self._follow_header(header.sortIndicatorSection(), header.sortIndicatorOrder())

    def _apply_filter(self, *_args) -> None:
        kind = self.show_combo.currentIndex()
        self.party_combo.setEnabled(kind == PARTY_AGAINST)
        party = self.party_combo.currentIndex()
        self.proxy.set_filter(kind, party if party >= 0 else None)

    def _apply_order(self, index: int) -> None:
        if 0 <= index < len(self._orders):
            column, order = self._orders[index]
            self.table.sortByColumn(column, order)

    def _follow_header(self, column: int, order: Qt.SortOrder) -> None:
        found = self._orders.index((column, order)) if (column, order) in self._orders else -1
        self.order_combo.setCurrentIndex(found)

    def _count(self, *_args) -> None:
        self.count.setText(tr("{shown} van {total} hoofdlijnen").format(
            shown=self.proxy.rowCount(), total=self.table.source.rowCount()))
