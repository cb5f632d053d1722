"""The screen in the council chamber, steered from the main window: next, previous, the result of a vote."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton

from raadsakkoord import operations as ops
from raadsakkoord.model import Amendment, AmendmentKind, Party, Section
from raadsakkoord.queries.chamber import ChamberItem
from raadsakkoord.queries.voting import VoteResult, voting_order
from raadsakkoord.store.workspace import open_workspace
from tests.ui.conftest import griffie_identity, party_identity
from ui.common.contrast import contrast
from ui.griffie import chamber


@pytest.fixture
def window(make_window, demo_path):
    win = make_window()
    assert win.open_workspace(demo_path, griffie_identity())
    return win


def _order(win):
    with win.ctx.action() as s:
        return voting_order(s)


def _press(win, key, modifier=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(win, key, modifier)


def test_the_clerk_walks_the_voting_order_and_shows_a_result(qtbot, window):
    order = _order(window)
    window.chamber_action.trigger()
    panel = window.chamber
    screen = panel.screen_window
    qtbot.waitExposed(screen)
    assert screen.isWindow() and not screen.findChildren(QAbstractButton)  # the audience sees no controls
    assert isinstance(screen.shown, ChamberItem) and screen.shown.item == order[0]
    assert panel.position_label.text() == f"{order[0].label} (1 van {len(order)})"
    # The label once, capitalised, before the title: "Hoofdlijn 1.1  Een akkoord van de hele raad".
    assert screen.page.toPlainText().startswith(f"H{order[0].label[1:]}  {order[0].title}\n")

    _press(window, Qt.Key.Key_F8)
    _press(window, Qt.Key.Key_F8)
    assert screen.shown.item == order[2]
    _press(window, Qt.Key.Key_F7)
    assert screen.shown.item == order[1]
    amendment = next(item for item in order if item.kind == "amendment")
    while screen.shown.item != amendment:
        _press(window, Qt.Key.Key_F8)
    assert amendment.label in screen.page.toPlainText() and amendment.title in screen.page.toPlainText()

    # Not voted on yet: the screen keeps the amendment, the clerk reads why in the status bar.
    _press(window, Qt.Key.Key_F9)
    assert screen.shown.item == amendment
    assert window.status_bar.currentMessage() == f"Over {amendment.label} is nog niet gestemd."

    with window.ctx.action() as s:
        parties = s.scalars(sa.select(Party).order_by(Party.seats.desc())).all()
        ops.record_vote(s, window.ctx.actor, amendment, voting_for=[p.id for p in parties[:3]],
                        voting_against=[p.id for p in parties[3:]])
    _press(window, Qt.Key.Key_F9)
    result = screen.shown
    assert isinstance(result, VoteResult) and result.item == amendment
    text = screen.page.toPlainText()
    words = {"adopted": "Aangenomen", "rejected": "Verworpen", "tied": "Staking van stemmen"}[result.outcome]
    assert words in text
    assert f"{result.votes_for} voor, {result.votes_against} tegen" in text
    assert all(party.short_name in text for party in result.parties)

    # Voted on, the amendment left the voting order; Volgende goes on, Vorige still reaches it.
    assert amendment not in _order(window)
    window.chamber.index = len(window.chamber.sequence) - 1  # the last item: the agreement, named once
    window.chamber.previous_action.trigger()
    window.chamber.next_action.trigger()
    assert screen.shown.item.kind == "agreement"
    assert screen.page.toPlainText().startswith(f"{screen.shown.headline}\n")
    while screen.shown.item != amendment:
        window.chamber.previous_action.trigger()
    _press(window, Qt.Key.Key_F8)
    assert isinstance(screen.shown, ChamberItem) and screen.shown.item != amendment
    _press(window, Qt.Key.Key_F7)
    assert screen.shown.item == amendment
    _press(window, Qt.Key.Key_F9)
    assert isinstance(screen.shown, VoteResult)

    _press(window, Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)
    assert not screen.isVisible() and window.chamber is None


def test_the_screen_follows_a_change_made_while_it_shows_an_item(qtbot, window):
    window.chamber_action.trigger()
    screen = window.chamber.screen_window
    with window.ctx.action() as s:
        item = next(i for i in voting_order(s) if i.kind == "amendment")
    while screen.shown.item != item:
        window.chamber.next_action.trigger()
    before = screen.shown.submitters
    with window.ctx.action() as s:
        amendment = s.get(Amendment, item.amendment_id)
        named = [amendment.party_id, *(p.id for p in amendment.confirmed_co_parties)]
        other = s.scalars(sa.select(Party).where(Party.id.not_in(named))).first()
        ops.request_co_submission(s, ops.Actor.of_party(amendment.party_id, "Indiener"), amendment.id, other.id)
        ops.confirm_co_submission(s, ops.Actor.of_party(other.id, "Mede-indiener"), amendment.id)
        other_name = other.name
    window.ctx.changes.section.emit(item.section_id)  # as after any action in the window, or another's heard live
    assert screen.shown.submitters == (*before, other_name)
    assert other_name in screen.page.toPlainText()


def test_a_party_has_no_chamber_screen(make_window, demo_path):
    win = make_window()
    ws = open_workspace(demo_path)
    who = party_identity(ws, "SP")
    ws.close()
    assert win.open_workspace(demo_path, who)
    assert not win.chamber_action.isVisible()


def test_the_type_is_large_and_black_on_white_at_1080_lines(qtbot, window):
    window.chamber_action.trigger()
    screen = window.chamber.screen_window
    screen.resize(1920, 1080)
    assert screen.sizes() == (48, 28)
    screen.resize(1280, 720)
    assert screen.sizes() == (32, 19)  # it scales with the window
    for ground in (chamber.PAPER, chamber.CHANGED_LINE):  # a changed line has a ground of its own
        for colour in (chamber.INK, chamber.ADDED, chamber.STRUCK, chamber.QUIET):
            assert contrast(QColor(colour), QColor(ground)) >= 7, (colour, ground)
    window.chamber.close_screen()


def test_closing_the_workspace_closes_the_screen(qtbot, window):
    window.chamber_action.trigger()
    screen = window.chamber.screen_window
    assert screen.isVisible()
    window._close_workspace()
    assert not screen.isVisible() and window.chamber is None


def test_with_one_screen_it_opens_as_a_window_and_a_cancelled_choice_opens_nothing(qtbot, window, monkeypatch):
    from PySide6.QtGui import QGuiApplication

    from ui.griffie import chamberpanel

    only = QGuiApplication.screens()
    assert len(only) == 1 and chamberpanel.ask_screen(window, only) is only[0]  # no question with one screen
    monkeypatch.setattr(chamberpanel, "ask_screen", lambda parent, screens: None)
    window.chamber_action.trigger()
    assert window.chamber is None


def test_on_the_projector_it_fills_the_chosen_screen(qtbot, window, monkeypatch):
    from PySide6.QtGui import QGuiApplication

    from ui.griffie import chamberpanel

    projector = QGuiApplication.primaryScreen()
    # Two screens, as in a council chamber: the clerk's and the projector (offscreen Qt has one to offer).
    monkeypatch.setattr(chamberpanel.QGuiApplication, "screens", staticmethod(lambda: [projector, projector]))
    monkeypatch.setattr(chamberpanel, "ask_screen", lambda parent, screens: screens[1])
    window.chamber_action.trigger()
    screen = window.chamber.screen_window
    qtbot.waitUntil(screen.isFullScreen)
    assert screen.screen() is projector
    assert QGuiApplication.focusWindow() is not screen.windowHandle()  # the clerk keeps the keyboard
    window.chamber.close_screen()


def test_the_explanation_shows_where_the_text_leaves_room_and_a_long_text_is_set_smaller(qtbot, window):
    window.chamber_action.trigger()
    panel = window.chamber
    screen = panel.screen_window
    while screen.shown.headline != "Inkomensgrens minimaregelingen naar 130 procent":  # A17 on 8.4 in the demo
        panel.next_action.trigger()
    screen.resize(1920, 1080)
    assert "Toelichting" in screen.page.toPlainText() and screen.body_px == 28
    screen.resize(700, 1080)  # a narrow window: the text needs more lines and goes first
    assert "Toelichting" not in screen.page.toPlainText()
    assert "14\n" in screen.page.toPlainText()  # every line of the text is still there
    assert screen.body_px < 28
    document = screen.page.document()
    assert document.size().height() <= screen.page.viewport().height() or screen.body_px == 20
    panel.close_screen()


def test_an_amendment_submitted_during_the_meeting_joins_the_order(qtbot, window):
    window.chamber_action.trigger()
    panel = window.chamber
    count = len(panel.sequence)
    with window.ctx.action() as s:
        section = s.scalars(sa.select(Section).where(Section.title == "Meedoen zonder geldzorgen")).one()
        party = s.scalars(sa.select(Party).where(Party.short_name == "SP")).one()
        late = ops.propose_amendment(s, ops.Actor.of_party(party.id, "Indiener"), kind=AmendmentKind.MODIFY,
                                     section_id=section.id, headline="Ook in de zomer",
                                     text=section.current_revision.text + "\n\nOok in de zomer.", submit=True)
        late_id = late.id
    panel.next_action.trigger()
    assert len(panel.sequence) == count + 1 and late_id in {item.amendment_id for item in panel.sequence}
    assert panel.position_label.text().endswith(f"(2 van {count + 1})")
    panel.close_screen()


def test_a_revote_recorded_by_another_clerk_reaches_the_screen_within_a_second(qtbot, window, demo_path):
    window.chamber_action.trigger()
    panel = window.chamber
    screen = panel.screen_window
    amendment = next(item for item in panel.sequence if item.kind == "amendment")
    while screen.shown.item != amendment:
        panel.next_action.trigger()
    with window.ctx.action() as s:
        parties = {p.short_name: p for p in s.scalars(sa.select(Party))}
        voting_for = [parties[name].id for name in ("AC", "CU", "D66", "GL")]  # 16 of 33 seats
        voting_against = [p.id for name, p in parties.items() if name not in ("AC", "CU", "D66", "GL")]
        absent = parties["SP"].members[0].name  # 16 against 16: a tie decides nothing
        ops.record_vote(s, window.ctx.actor, amendment, voting_for=voting_for, voting_against=voting_against,
                        absent=[absent])
    panel.result_action.trigger()
    assert screen.shown.outcome == "tied" and "Staking van stemmen" in screen.page.toPlainText()

    # Another clerk, at another computer, records the re-vote with everyone present.
    other = open_workspace(demo_path)
    try:
        with other.action() as s:
            ops.record_vote(s, ops.Actor.griffie("Tweede Griffier"), amendment, voting_for=voting_for + [
                parties["SP"].id], voting_against=[p for p in voting_against if p != parties["SP"].id])
    finally:
        other.close()
    qtbot.waitUntil(lambda: isinstance(screen.shown, VoteResult) and screen.shown.outcome == "adopted",
                    timeout=1000)
    assert "Aangenomen" in screen.page.toPlainText()
    panel.close_screen()
