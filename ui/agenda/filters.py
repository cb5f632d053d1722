"""The filters above the agenda: portfolio holder, participation level, status, quarter, and words."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from raadsakkoord.queries.agenda import TaskRow
from raadsakkoord.base.i18n import tr
from raadsakkoord.model import ParticipationLevel, TaskStatus
from ui.agenda.labels import holder_name, level_name, status_name
from ui.agenda.model import NO_DATE, TaskFilter
from ui.common.flowlayout import FlowLayout, labelled

ANY = object()  # the "all …" entry; None and "" are real choices here, so they cannot mean "any"


class _Choices:
    """A combo box and the values behind its entries (item data would turn enums into plain strings)."""

    def __init__(self, all_label: str) -> None:
        self.combo = QComboBox()
        self.all_label = all_label
        self.values: list = []
        self.fill([])

    def fill(self, entries: list[tuple[str, object]]) -> None:
        self.combo.clear()
        self.values = [ANY] + [value for _, value in entries]
        self.combo.addItems([self.all_label] + [label for label, _ in entries])

    def choose(self, value) -> None:
        self.combo.setCurrentIndex(next((i for i, v in enumerate(self.values) if v is not ANY and v == value), 0))

    def current(self):
        index = self.combo.currentIndex()
        value = self.values[index] if 0 <= index < len(self.values) else ANY
        return None if value is ANY else value


class TaskFilterBar(QWidget):
    changed = Signal(object)  # TaskFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLineEdit()
        self.text.setPlaceholderText(tr("titel, omschrijving, belanghebbende, hoofdlijn…"))
        self.text.setClearButtonEnabled(True)
        self.holders = _Choices(tr("alle portefeuillehouders"))
        self.levels = _Choices(tr("alle treden"))
        self.levels.fill([(level_name(level), level) for level in ParticipationLevel])
        self.statuses = _Choices(tr("elke status"))
        self.statuses.fill([(status_name(status), status) for status in TaskStatus])
        self.quarters = _Choices(tr("alle kwartalen"))
        self.holder, self.level, self.status, self.quarter = (
            c.combo for c in (self.holders, self.levels, self.statuses, self.quarters))
        self.holder.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.holder.setMinimumContentsLength(18)
        self.text.setMinimumWidth(self.fontMetrics().averageCharWidth() * 18)
        layout = FlowLayout(self, spacing=12)
        for text, widget, stretch in ((tr("&Zoeken"), self.text, True), (tr("Porte&feuillehouder"), self.holder, True),
                                      (tr("Participat&ieniveau"), self.level, False),
                                      (tr("&Met status"), self.status, False), (tr("&Kwartaal"), self.quarter, False)):
            layout.addWidget(labelled(text, widget, stretch=stretch))
        self.text.textChanged.connect(self._emit)
        for combo in (self.holder, self.level, self.status, self.quarter):
            combo.currentIndexChanged.connect(self._emit)

    def set_rows(self, rows: list[TaskRow]) -> None:
        """Offer the holders and quarters that occur, keeping what was chosen."""
        holders = sorted({r.portfolio_holder for r in rows}, key=lambda h: (h == "", h.casefold()))
        quarters = sorted({r.quarter for r in rows if r.quarter})
        undated = [(tr("zonder datum"), NO_DATE)] if any(r.due_date is None for r in rows) else []
        before = self.current()
        for combo in (self.holder, self.quarter):
            combo.blockSignals(True)
        self.holders.fill([(holder_name(h), h) for h in holders])
        self.quarters.fill([(q.label, q) for q in quarters] + undated)
        self.holders.choose(before.holder)
        self.quarters.choose(before.quarter)
        for combo in (self.holder, self.quarter):
            combo.blockSignals(False)
        self._emit()

    def choose(self, *, holder=ANY, level=ANY, status=ANY, quarter=ANY) -> None:
        """Set filters as a user would pick them (holder "" is "not yet assigned", ANY leaves one as it is)."""
        for choices, value in ((self.holders, holder), (self.levels, level), (self.statuses, status),
                               (self.quarters, quarter)):
            if value is not ANY:
                choices.choose(value)

    def current(self) -> TaskFilter:
        return TaskFilter(holder=self.holders.current(), level=self.levels.current(),
                          status=self.statuses.current(), quarter=self.quarters.current(), text=self.text.text())

    def _emit(self, *_args) -> None:
        self.changed.emit(self.current())
