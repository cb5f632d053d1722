"""Stemmingen: the voting order the clerk can change, and recording the council's vote on each item.

Left, what is still open in the order the council votes (subamendments
first, the agreement last), moved with Omhoog/Omlaag; right, the vote on the
chosen item, with the outcome in words as the clerk clicks. Loading the
order and recording run off the GUI thread: on a big agreement the order
ranks thousands of amendments, and the final vote publishes the final round.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from raadsakkoord import operations as ops
from raadsakkoord.base.errors import UserError
from raadsakkoord.base.i18n import tr
from raadsakkoord.queries.ballot import CouncilParty, count_words, council, default_stances, outcome_sentence
from raadsakkoord.queries.voting import VoteItem, result_of, voting_order
from ui.common import messages
from ui.common.background import TaskRunner
from ui.common.context import Context
from ui.griffie.voteform import VoteForm

_GOOD, _BAD, _TIE = "color: #1b5e20;", "color: #b71c1c;", "color: #8a4b00;"


def _load(ctx: Context) -> tuple[list[VoteItem], tuple[CouncilParty, ...]]:
    with ctx.action() as session:
        return voting_order(session), council(session)


class VotingDialog(QDialog):
    """``load(select=item)``, then the clerk picks, votes and records; ``recorded`` carries the result line."""

    recorded = Signal(str)

    def __init__(self, ctx: Context, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.items: list[VoteItem] = []
        self.busy = False
        self._select = None
        self.setWindowTitle(tr("Stemmingen"))

        self.order = QListWidget()
        self.order.setAccessibleName(tr("Stemvolgorde: wat nog open staat"))
        order_label = QLabel(tr("&Stemvolgorde:"))
        order_label.setBuddy(self.order)
        self.up_button = QPushButton(tr("Om&hoog"))
        self.up_button.setToolTip(tr("Het gekozen onderwerp eerder in stemming brengen"))
        self.down_button = QPushButton(tr("Om&laag"))
        self.down_button.setToolTip(tr("Het gekozen onderwerp later in stemming brengen"))
        moves = QHBoxLayout()
        moves.addWidget(self.up_button)
        moves.addWidget(self.down_button)
        moves.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(order_label)
        left_layout.addWidget(self.order, 1)
        left_layout.addLayout(moves)

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        self.meeting = QDateEdit()
        self.meeting.setCalendarPopup(True)
        self.meeting.setDisplayFormat("d-M-yyyy")
        self.meeting.setDate(QDate.currentDate())
        self.meeting.setMaximumDate(QDate.currentDate())
        meeting_label = QLabel(tr("&Datum raadsvergadering:"))
        meeting_label.setBuddy(self.meeting)
        meeting_row = QHBoxLayout()
        meeting_row.addWidget(meeting_label)
        meeting_row.addWidget(self.meeting)
        meeting_row.addStretch(1)
        self.form = VoteForm()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setAccessibleName(tr("Uitslag"))
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                             | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.record_button = QPushButton(tr("&Vastleggen"))
        self.record_button.setDefault(True)
        self.close_button = QPushButton(tr("Sluiten"))
        self.close_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.close_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.hint)
        right_layout.addLayout(meeting_row)
        right_layout.addWidget(scroll, 1)
        right_layout.addWidget(self.outcome)
        right_layout.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([330, 570])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.order.currentRowChanged.connect(self._show_item)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.form.changed.connect(self._recount)
        self.record_button.clicked.connect(self.record)
        self.close_button.clicked.connect(self.reject)
        self.resize(960, 720)

    # -- loading ---------------------------------------------------------------------------

    def load(self, select: VoteItem | None = None) -> None:
        self._select = select
        self._set_busy(True, tr("De stemvolgorde wordt opgehaald…"))
        ctx = self.ctx
        self.runner.run(lambda: _load(ctx), self._loaded, self._failed)

    def _loaded(self, loaded) -> None:
        items, parties = loaded
        if not self.form.parties:
            self.form.set_council(parties)
        self._set_busy(False, "")
        self._show_order(items)

    def _show_order(self, items: list[VoteItem], *, next_after: int | None = None) -> None:
        """Show the order, on the item asked for, else the one shown; after a vote, the next one."""
        wanted = self._select.key if self._select is not None else None
        current = self.current_item()
        keep = wanted or (current.key if current is not None and next_after is None else None)
        self.items = items
        self.order.blockSignals(True)
        self.order.clear()
        for index, item in enumerate(items, 1):
            entry = QListWidgetItem(f"{index}. {item.label}  {item.title}")
            entry.setToolTip(item.title)
            self.order.addItem(entry)
        self.order.blockSignals(False)
        keys = [item.key for item in items]
        if keep in keys:
            row = keys.index(keep)
        else:  # the item voted on has left the list (or stays, after a tie: then it is shown again)
            row = min(next_after or 0, len(items) - 1)
        self.order.setCurrentRow(row)
        self._select = None
        if not items:
            self._show_item(-1)

    def current_item(self) -> VoteItem | None:
        row = self.order.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _show_item(self, row: int) -> None:
        item = self.current_item()
        self.up_button.setEnabled(item is not None and row > 0 and not self.busy)
        self.down_button.setEnabled(item is not None and row < len(self.items) - 1 and not self.busy)
        if item is None:
            self.heading.setText(tr("Er staat niets meer open voor stemming."))
            self.hint.setText("")
            self.form.setEnabled(False)
            self.record_button.setEnabled(False)
            return
        self.form.setEnabled(True)
        self.heading.setText(f"<b>{html.escape(item.label)}</b> {html.escape(item.title)}")
        with self.ctx.action() as session:
            stances = default_stances(session, item.kind, item.amendment_id, item.section_id)
        if item.kind == "amendment":
            self.hint.setText(tr("Vooraf ingevuld volgens het standpunt van elke fractie over dit amendement "
                                 "(steunt: voor, steunt niet: tegen; de indiener: voor). Vul in wat de raad "
                                 "werkelijk stemt."))
        elif item.kind == "section":
            self.hint.setText(tr("Vooraf ingevuld volgens het standpunt van elke fractie over de huidige tekst. "
                                 "Vul in wat de raad werkelijk stemt."))
        else:
            self.hint.setText(tr("De slotstemming over het hele raadsakkoord. Aangenomen: de definitieve ronde "
                                 "wordt gepubliceerd en het raadsakkoord is vastgesteld."))
        self.form.set_stances(stances)

    def _recount(self) -> None:
        try:
            count = self.form.count()
        except UserError as exc:
            self.outcome.setStyleSheet(_BAD)
            self.outcome.setText(exc.message)
            self.record_button.setEnabled(False)
            return
        self.outcome.setStyleSheet({"adopted": _GOOD, "rejected": _BAD}.get(count.outcome, _TIE))
        self.outcome.setText(count_words(count))
        self.record_button.setEnabled(not self.busy and self.current_item() is not None)

    # -- the order -------------------------------------------------------------------------

    def move(self, step: int) -> None:
        row = self.order.currentRow()
        target = row + step
        if self.busy or not (0 <= row < len(self.items)) or not (0 <= target < len(self.items)):
            return
        order = list(self.items)
        order[row], order[target] = order[target], order[row]
        self._select = order[target]
        self._set_busy(True, tr("De stemvolgorde wordt bewaard…"))
        ctx = self.ctx

        def save():
            with ctx.action() as session:
                return ops.set_voting_order(session, ctx.actor, order)

        self.runner.run(save, self._moved, self._failed)

    def _moved(self, items: list[VoteItem]) -> None:
        self._set_busy(False, "")
        self._show_order(items)
        self.order.setFocus()

    # -- recording -------------------------------------------------------------------------

    def record(self) -> None:
        item = self.current_item()
        if item is None or self.busy:
            return
        form = self.form
        voting_for = [p for p, stance in form.stances().items() if stance == "for"]
        voting_against = [p for p, stance in form.stances().items() if stance == "against"]
        absent, split = form.absent(), form.split()
        meeting = self.meeting.date().toPython()
        ctx = self.ctx
        self._set_busy(True, tr("De stemming wordt vastgelegd…"))

        def work():
            with ctx.action() as session:
                vote = ops.record_vote(session, ctx.actor, item, voting_for=voting_for,
                                       voting_against=voting_against, absent=absent, split=split,
                                       meeting=meeting)
                result = result_of(session, vote, item)
            with ctx.action() as session:
                return result, voting_order(session)

        self.runner.run(work, self._recorded, self._failed)

    def _recorded(self, done) -> None:
        result, items = done
        row = self.order.currentRow()
        line = f"{result.item.label}: " + outcome_sentence(result.outcome, result.votes_for, result.votes_against,
                                                             result.absent)
        self._set_busy(False, "")
        self.ctx.changes.outline.emit()
        if result.item.section_id is not None:
            self.ctx.changes.section.emit(result.item.section_id)
        self.recorded.emit(line)
        self._show_order(items, next_after=row)
        # Showing the next item counted its defaults; what the clerk needs to read is what was recorded.
        self.outcome.setStyleSheet("font-weight: bold;")
        self.outcome.setText(tr("Vastgelegd: {line}").format(line=line))

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False, "")
        self._recount()
        messages.show_failure(self, tr("Stemmingen"), error)

    def _set_busy(self, busy: bool, text: str) -> None:
        self.busy = busy
        if text:
            self.outcome.setStyleSheet("")
            self.outcome.setText(text)
        for widget in (self.order, self.form, self.meeting):
            widget.setEnabled(not busy)
        self.record_button.setEnabled(not busy and self.current_item() is not None)
        self.up_button.setEnabled(not busy and self.order.currentRow() > 0)
        self.down_button.setEnabled(not busy and 0 <= self.order.currentRow() < len(self.items) - 1)

    def reject(self) -> None:
        if self.busy:
            return  # a vote being recorded is one action, done soon
        super().reject()


def voting_dialog(parent: QWidget | None, ctx: Context, runner: TaskRunner, on_done,
                  select: VoteItem | None = None) -> VotingDialog | None:
    """"Stemmen…": only the griffie records votes. Returns the dialog, shown window-modal."""
    if not ctx.actor.is_griffie:
        messages.show_error(parent, tr("Stemmingen"), tr("Alleen de griffie legt een stemming vast."))
        return None
    dialog = VotingDialog(ctx, runner, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.recorded.connect(on_done)
    dialog.show()
    dialog.load(select)
    return dialog
