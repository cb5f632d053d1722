"""The griffie records the council's vote in the window: the voting order, the live outcome, Vastleggen."""

from __future__ import annotations

import sqlalchemy as sa
from PySide6.QtCore import Qt

from raadsakkoord.model import AmendmentStatus, Section, Vote
from raadsakkoord.queries.lookup import amendment_by_label
from raadsakkoord.store.workspace import open_workspace
from tests.ui.conftest import griffie_identity, party_identity
from ui.griffie.votedialog import VotingDialog
from ui.griffie.voteform import ABSENT, OTHERWISE

FOR = ("GL", "PvdA", "CU", "AC", "D66", "SP")
AGAINST = ("VVD", "PLOP", "CDA", "50PLUS")


def _dialog(window) -> VotingDialog:
    found = [w for w in window.findChildren(VotingDialog) if w.isVisible()]
    assert len(found) == 1
    return found[0]


def _choose(dialog: VotingDialog, qtbot, label: str) -> None:
    row = next(i for i, item in enumerate(dialog.items) if item.label == label)
    dialog.order.setCurrentRow(row)


def _party(dialog, short):
    return next(p for p in dialog.form.parties if p.short_name == short)


def _vote(dialog, qtbot, parties, choice):
    for short in parties:
        voor, tegen, _ = dialog.form.choices[_party(dialog, short).id]
        # click(): the form scrolls, and a click with the mouse needs the button in view.
        (voor if choice == "for" else tegen).click()


def _member(dialog, short, name):
    return dict(dialog.form.members[_party(dialog, short).id])[name]


def test_the_clerk_records_a_split_vote_and_sees_the_outcome_while_clicking(window, demo_path, qtbot):
    assert window.open_workspace(demo_path, griffie_identity())
    window.votes_action.trigger()
    dialog = _dialog(window)
    labels = [item.label for item in dialog.items]
    assert labels[-1] == "het raadsakkoord" and labels.index("A24") < labels.index("A23")
    _choose(dialog, qtbot, "A24")
    assert "standpunt van elke fractie" in dialog.hint.text()
    # Filled in from the positions on A24 (50PLUS submitted it); D66, PLOP, VVD and CDA gave none.
    assert {p.short_name: dialog.form.stances().get(p.id) for p in dialog.form.parties} == {
        "AC": "for", "CU": "against", "PLOP": None, "D66": None, "GL": "against", "PvdA": "against",
        "VVD": None, "50PLUS": "for", "CDA": None, "SP": "for"}
    assert dialog.outcome.text() == "Geef aan of PLOP voor of tegen stemt (of meld al haar leden afwezig)."
    assert not dialog.record_button.isEnabled()
    _vote(dialog, qtbot, FOR, "for")
    _vote(dialog, qtbot, AGAINST, "against")
    assert dialog.outcome.text() == "Aangenomen met 21 stemmen voor en 12 tegen"
    _member(dialog, "PLOP", "Esther de Haan").setCurrentIndex(OTHERWISE)
    _member(dialog, "50PLUS", "Wim Teunissen").setCurrentIndex(ABSENT)
    _member(dialog, "SP", "Henk Wubs").setCurrentIndex(ABSENT)
    assert dialog.outcome.text() == "Aangenomen met 21 stemmen voor en 10 tegen (2 afwezig)"
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    assert "Vastgelegd: A24: Aangenomen met 21 stemmen voor en 10 tegen (2 afwezig)" == dialog.outcome.text()
    assert "A24" not in [item.label for item in dialog.items]
    assert dialog.current_item().label == "A23"  # the next item in the order
    workspace = open_workspace(demo_path)
    with workspace.action() as s:
        assert amendment_by_label(s, "A24").status == AmendmentStatus.ACCEPTED
        vote = s.scalars(sa.select(Vote)).one()
        assert (vote.votes_for, vote.votes_against, vote.absent) == (21, 10, 2)
    workspace.close()
    qtbot.wait(50)  # the window turns, as it does for the clerk, before it is looked at
    dialog.grab().save("/tmp/h19vote-dialog.png")


def test_a_tie_is_said_and_the_item_stays_to_vote_again(window, demo_path, qtbot):
    assert window.open_workspace(demo_path, griffie_identity())
    window.votes_action.trigger()
    dialog = _dialog(window)
    _choose(dialog, qtbot, "A25")
    _vote(dialog, qtbot, ("AC", "CU", "D66", "GL"), "for")
    _vote(dialog, qtbot, ("PLOP", "VVD", "PvdA", "50PLUS", "CDA", "SP"), "against")
    _member(dialog, "PvdA", "Yusuf Demir").setCurrentIndex(ABSENT)
    assert dialog.outcome.text().startswith("Staking van stemmen: 16 voor en 16 tegen (1 afwezig). "
                                            "De voorzitter beslist hoe verder")
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    assert dialog.current_item().label == "A25"  # a tie decides nothing: it is voted on again


def test_the_order_moves_and_stays_moved(window, demo_path, qtbot):
    assert window.open_workspace(demo_path, griffie_identity())
    window.votes_action.trigger()
    dialog = _dialog(window)
    first, second = dialog.items[0], dialog.items[1]
    dialog.order.setCurrentRow(0)
    dialog.order.setFocus()
    qtbot.mouseClick(dialog.down_button, Qt.MouseButton.LeftButton)
    assert dialog.items[:2] == [second, first] and dialog.current_item() == first
    dialog.reject()
    window.votes_action.trigger()
    assert _dialog(window).items[:2] == [second, first]


def test_the_consolidation_opens_the_vote_on_the_chosen_amendment(window, demo_path, qtbot):
    assert window.open_workspace(demo_path, griffie_identity())
    workspace = open_workspace(demo_path)
    with workspace.action() as s:
        section_id = amendment_by_label(s, "A23").section_id
        assert s.get(Section, section_id) is not None
    workspace.close()
    window.go_to_section(section_id)
    consolidation = window.work.section_view.consolidation
    window.work.section_view.setCurrentWidget(consolidation)
    consolidation.table.selectRow(0)
    chosen = consolidation._selected()
    qtbot.mouseClick(consolidation.vote_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(window)
    assert dialog.current_item().amendment_id == chosen.id


def test_a_party_has_no_votes_to_record(window, demo_path):
    workspace = open_workspace(demo_path)
    identity = party_identity(workspace, "GL")
    workspace.close()
    assert window.open_workspace(demo_path, identity)
    assert not window.votes_action.isVisible() and not window.votes_action.isEnabled()
