"""A request to co-submit another party's amendment: the asked party confirms or declines it here."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from raadsakkoord import operations as ops
from raadsakkoord.base.errors import UserError
from raadsakkoord.base.i18n import tr
from raadsakkoord.model import CoSubmissionState
from raadsakkoord.queries.drafting import AmendmentEntry
from raadsakkoord.queries.labels import CO_SUBMISSION_LABELS
from ui.common import messages
from ui.common.context import Context


def co_submitters_html(entry: AmendmentEntry) -> str:
    """The co-submitters with where each request stands, as one line for the amendment view."""
    if not entry.co_submitters:
        return ""
    names = ", ".join(f"{html.escape(c.party)} ({html.escape(tr(CO_SUBMISSION_LABELS[c.state]))})"
                      for c in entry.co_submitters)
    return f"<p class='meta'>{html.escape(tr('Mede-indieners'))}: {names}</p>"


class CoSubmissionPanel(QWidget):
    """Shown to a party asked to co-submit an open amendment; hidden otherwise."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx: Context | None = None
        self.entry: AmendmentEntry | None = None
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.confirm_button = QPushButton(tr("Mede-indienen be&vestigen"))
        self.confirm_button.setToolTip(tr("Zet de naam van uw fractie onder dit amendement, zoals het nu luidt"))
        self.confirm_button.clicked.connect(lambda: self._answer(CoSubmissionState.CONFIRMED))
        self.decline_button = QPushButton(tr("Mede-indienen a&fwijzen"))
        self.decline_button.clicked.connect(lambda: self._answer(CoSubmissionState.DECLINED))
        row = QHBoxLayout()
        row.addWidget(self.label, 1)
        row.addWidget(self.confirm_button)
        row.addWidget(self.decline_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(row)
        self.setVisible(False)

    def show_entry(self, ctx: Context | None, entry: AmendmentEntry | None) -> None:
        self.ctx, self.entry = ctx, entry
        asked = entry is not None and entry.asked is not None and entry.is_open and ctx is not None
        self.setVisible(asked)
        if not asked:
            return
        text = {
            CoSubmissionState.REQUESTED: tr("{party} vraagt uw fractie om dit amendement mee in te dienen. "
                                            "Uw naam komt er pas onder als u dat bevestigt."),
            CoSubmissionState.CONFIRMED: tr("Uw fractie heeft bevestigd dat zij dit amendement mee indient. "
                                            "Wijzigt {party} de tekst, dan wordt het u opnieuw gevraagd."),
            CoSubmissionState.DECLINED: tr("Uw fractie heeft het verzoek van {party} om dit amendement mee in "
                                           "te dienen afgewezen."),
        }[entry.asked]
        self.label.setText(text.format(party=entry.party))
        self.confirm_button.setEnabled(entry.asked != CoSubmissionState.CONFIRMED)
        self.decline_button.setEnabled(entry.asked != CoSubmissionState.DECLINED)

    def _answer(self, state: CoSubmissionState) -> None:
        entry, ctx = self.entry, self.ctx
        if entry is None or ctx is None:
            return
        title = tr("Mede-indienen bevestigen") if state == CoSubmissionState.CONFIRMED else tr("Mede-indienen afwijzen")
        try:
            with ctx.action() as session:
                if state == CoSubmissionState.CONFIRMED:
                    ops.confirm_co_submission(session, ctx.actor, entry.id)
                else:
                    ops.decline_co_submission(session, ctx.actor, entry.id)
        except UserError as exc:
            messages.show_error(self, title, exc.message)
            return
        ctx.changes.section.emit(entry.section_id)
        ctx.changes.outline.emit()
