"""The vote form: per party For or Against, per named member "with the party", "otherwise" or "absent".

The form only collects the clerk's choices and counts them with the core's
``count_votes`` as the clerk clicks; recording is the dialog's business.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QWidget,
)

from raadsakkoord.base.i18n import tr
from raadsakkoord.queries.ballot import AGAINST, FOR, CouncilParty, Count, count_votes

WITH_PARTY, OTHERWISE, ABSENT = range(3)


class VoteForm(QWidget):
    """``set_council(parties)`` once, ``set_stances(defaults)`` per item; ``changed`` after every click."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parties: tuple[CouncilParty, ...] = ()
        self.grid = QGridLayout(self)
        self.grid.setColumnStretch(3, 1)
        self.choices: dict[uuid.UUID, tuple[QRadioButton, QRadioButton, QButtonGroup]] = {}
        self.members: dict[uuid.UUID, list[tuple[str, QComboBox]]] = {}

    def set_council(self, parties: tuple[CouncilParty, ...]) -> None:
        self.parties = parties
        row = 0
        for party in parties:
            name = QLabel(f"<b>{party.short_name}</b> ({tr('{seats} zetels').format(seats=party.seats)})")
            name.setToolTip(party.name)
            voor, tegen = QRadioButton(tr("voor")), QRadioButton(tr("tegen"))
            voor.setAccessibleName(tr("{party} stemt voor").format(party=party.short_name))
            tegen.setAccessibleName(tr("{party} stemt tegen").format(party=party.short_name))
            group = QButtonGroup(self)
            group.addButton(voor)
            group.addButton(tegen)
            group.buttonToggled.connect(lambda *_: self.changed.emit())
            self.grid.addWidget(name, row, 0)
            self.grid.addWidget(voor, row, 1)
            self.grid.addWidget(tegen, row, 2)
            self.choices[party.id] = (voor, tegen, group)
            row += 1
            self.members[party.id] = []
            for member in party.members:
                label = QLabel("    " + member)
                combo = QComboBox()
                combo.addItems([tr("stemt met de fractie"), tr("stemt anders dan de fractie"), tr("afwezig")])
                combo.setAccessibleName(tr("{member} ({party})").format(member=member, party=party.short_name))
                label.setBuddy(combo)
                combo.currentIndexChanged.connect(lambda *_: self.changed.emit())
                self.grid.addWidget(label, row, 0)
                self.grid.addWidget(combo, row, 1, 1, 2)
                self.members[party.id].append((member, combo))
                row += 1

    def set_stances(self, stances: dict[uuid.UUID, str]) -> None:
        """Each party's choice as given (the rest empty), every member back with the party."""
        self.blockSignals(True)
        for party_id, (voor, tegen, group) in self.choices.items():
            group.setExclusive(False)
            voor.setChecked(stances.get(party_id) == FOR)
            tegen.setChecked(stances.get(party_id) == AGAINST)
            group.setExclusive(True)
            for _, combo in self.members[party_id]:
                combo.setCurrentIndex(WITH_PARTY)
        self.blockSignals(False)
        self.changed.emit()

    def stances(self) -> dict[uuid.UUID, str]:
        found = {}
        for party_id, (voor, tegen, _) in self.choices.items():
            if voor.isChecked():
                found[party_id] = FOR
            elif tegen.isChecked():
                found[party_id] = AGAINST
        return found

    def absent(self) -> list[str]:
        return [member for members in self.members.values() for member, combo in members
                if combo.currentIndex() == ABSENT]

    def split(self) -> list[tuple[str, str]]:
        """Members voting otherwise than their party; with no choice for the party yet, none (the count says so)."""
        stances = self.stances()
        return [(member, AGAINST if stances[party_id] == FOR else FOR)
                for party_id, members in self.members.items() if party_id in stances
                for member, combo in members if combo.currentIndex() == OTHERWISE]

    def count(self) -> Count:
        """The count as it stands; InputError naming what is missing or wrong."""
        return count_votes(self.parties, self.stances(), self.absent(), self.split())
