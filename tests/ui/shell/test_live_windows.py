"""Two windows on one workspace, as two people: each sees the other's change within a second.

On a SQLite file (two windows of one computer) and on a PostgreSQL database
(two clerks or members, each with their own window). The window that sees
the change keeps its selection, and its editor keeps what was typed; when
the section being amended gets a new text, the editor says who changed it
and when.
"""

from __future__ import annotations

import time

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt

from raadsakkoord import operations as ops
from raadsakkoord.model import AmendmentKind, Position
from raadsakkoord.store.workspace import open_workspace
from ui.shell.navigator import AMENDMENTS, SUPPORT
from ui.shell.sectionview import AMENDMENTS as AMENDMENTS_TAB

WITHIN_MS = 1000  # "within a second"
TYPED = "We bouwen 500 woningen, en de helft is voor starters."
PASSWORD = "geheim-voor-de-test"


class Council:
    """Three parties (7 + 5 + 3 of 15 seats) and one chapter with two sections; Bouwen has two amendments."""


@pytest.fixture(params=["sqlite", "postgresql"])
def council(request, tmp_path):
    target = (str(tmp_path / "gedeeld.raadsakkoord") if request.param == "sqlite"
              else request.getfixturevalue("postgres_target")())
    griffie = ops.Actor.griffie("Griet Griffier")
    c = Council()
    c.target, c.griffie = target, griffie
    workspace = open_workspace(target, create=True)
    try:
        with workspace.action() as s:
            ops.create_agreement(s, griffie, title="Raadsakkoord Testdorp", municipality="Testdorp", council_seats=15)
            c.groen = ops.add_party(s, griffie, name="Groene Lijst", short_name="GL", seats=7).id
            c.rood = ops.add_party(s, griffie, name="Rode Partij", short_name="RP", seats=5).id
            c.blauw = ops.add_party(s, griffie, name="Blauwe Beweging", short_name="BB", seats=3).id
            chapter = ops.add_chapter(s, griffie, title="Wonen").id
            c.bouwen = ops.add_section(s, griffie, chapter_id=chapter, title="Bouwen",
                                       text="We bouwen 500 woningen.").id
            c.huur = ops.add_section(s, griffie, chapter_id=chapter, title="Huur", text="De huren dalen.").id
            blauw = ops.Actor.of_party(c.blauw, "Bram Blauw")
            c.first = ops.propose_amendment(s, blauw, kind="modify", section_id=c.bouwen, headline="Eerste",
                                            text="We bouwen 600 woningen.", submit=True).id
            c.second = ops.propose_amendment(s, blauw, kind="modify", section_id=c.bouwen, headline="Tweede",
                                             text="We bouwen 700 woningen.", submit=True).id
        if request.param == "postgresql":
            # On a shared database each person logs in as themselves; the login is who acts.
            from raadsakkoord.store import logins

            server = request.getfixturevalue("postgres_server")
            database = sa.make_url(target).database
            with workspace.engine.begin() as connection:
                for name, short in (("ruud", "RP"), ("gerda", "GL")):
                    logins.add_person(connection, f"{name}_{database}", "party", party_short_name=short,
                                      password=PASSWORD)
            c.rood_target = server.login_url(database, f"ruud_{database}", PASSWORD)
            c.groen_target = server.login_url(database, f"gerda_{database}", PASSWORD)
        else:
            c.rood_target = c.groen_target = target
    finally:
        workspace.close()
    c.rood_identity = (ops.Actor.of_party(c.rood, "Ruud Rood"), "Ruud Rood (RP)")
    c.groen_identity = (ops.Actor.of_party(c.groen, "Gerda Groen"), "Gerda Groen (GL)")
    c.backend = request.param
    return c


def _amendment_count(window, section_id) -> str:
    return window.navigator.model.find_section(section_id).siblingAtColumn(AMENDMENTS).data()


def _support(window, section_id) -> str:
    return window.navigator.model.find_section(section_id).siblingAtColumn(SUPPORT).data()


def _headlines(window) -> list[str]:
    model = window.work.section_view.amendment_model
    return [model.entry(row).headline for row in range(model.rowCount())]


def test_each_window_shows_the_others_change_keeping_selection_and_typing(make_window, council, qtbot, dialogs):
    a, b = make_window(), make_window()
    assert a.open_workspace(council.rood_target, council.rood_identity)
    assert b.open_workspace(council.groen_target, council.groen_identity)

    # B reads the second amendment on Bouwen and is writing an amendment of its own, unsaved.
    b.navigator.select(council.bouwen)
    view = b.work.section_view
    view.setCurrentIndex(AMENDMENTS_TAB)
    view.amendment_table.selectRow(_headlines(b).index("Tweede"))
    mine = b.work.write_amendment(AmendmentKind.MODIFY, council.bouwen)
    qtbot.keyClicks(mine.headline_edit, "Starters")
    mine.text_edit.selectAll()
    qtbot.keyClicks(mine.text_edit, TYPED)
    steps = mine.undo_stack.count()
    b.work.setCurrentIndex(0)
    assert _amendment_count(b, council.bouwen) == "2"

    # A writes and submits an amendment to Bouwen, through its editor.
    editor = a.work.write_amendment(AmendmentKind.MODIFY, council.bouwen)
    qtbot.keyClicks(editor.headline_edit, "Meer huizen")
    editor.text_edit.selectAll()
    qtbot.keyClicks(editor.text_edit, "We bouwen 900 woningen.")
    dialogs.answers = [True]
    editor.submit()
    committed = time.monotonic()

    # Within a second B's navigator counts it, and its list shows it; the rest of B stays as it was.
    qtbot.waitUntil(lambda: _amendment_count(b, council.bouwen) == "3", timeout=WITHIN_MS)
    qtbot.waitUntil(lambda: "Meer huizen" in _headlines(b), timeout=max(1, int(
        WITHIN_MS - (time.monotonic() - committed) * 1000)))
    assert b.navigator.current_id() == council.bouwen
    assert view.currentIndex() == AMENDMENTS_TAB
    assert view._selected_entry().id == council.second
    assert view.tabText(AMENDMENTS_TAB) == "&Amendementen (3)"
    assert mine.text_edit.toPlainText() == TYPED and mine.headline_edit.text() == "Starters"
    assert mine.undo_stack.count() == steps and mine.model.is_dirty
    assert not mine.moved_label.isVisible()  # an amendment is no new text of the section

    # And B's position reaches A: Gerda's seven seats in A's support bar.
    assert _support(a, council.bouwen) == "0/15"
    b.navigator.select(council.huur)
    view.setCurrentIndex(0)
    view.section_panel.buttons[Position.SUPPORT].setChecked(True)
    qtbot.mouseClick(view.section_panel.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _support(a, council.huur) == "7/15", timeout=WITHIN_MS)
    assert a.navigator.current_id() == council.bouwen  # A's selection stays where A left it


def test_an_editor_is_told_who_changed_its_section_and_keeps_the_typing(make_window, council, qtbot):
    b = make_window()
    assert b.open_workspace(council.groen_target, council.groen_identity)
    mine = b.work.write_amendment(AmendmentKind.MODIFY, council.bouwen)
    mine.text_edit.selectAll()
    qtbot.keyClicks(mine.text_edit, TYPED)

    # The griffie, elsewhere, gives Bouwen a new text.
    griffie = open_workspace(council.target)
    try:
        with griffie.action() as s:
            ops.revise_section(s, council.griffie, council.bouwen, "We bouwen 800 woningen.", reason="akkoord")
    finally:
        griffie.close()

    qtbot.waitUntil(mine.moved_label.isVisible, timeout=WITHIN_MS)
    notice = mine.moved_label.text()
    assert notice.startswith("Griet Griffier heeft de tekst van deze hoofdlijn op ")
    assert "wat u typte is niet veranderd" in notice
    assert mine.text_edit.toPlainText() == TYPED
    assert mine.model.state.base_text == "We bouwen 500 woningen."  # still written against the text it started on
    # The live view now compares the typing with the new text (800 struck out, not 500).
    qtbot.waitUntil(lambda: mine.live.last is not None and "800" in mine.live.last.html, timeout=WITHIN_MS)
    assert "500" not in mine.live.last.html.split("<del")[1].split("</del>")[0]
    assert "nieuwe tekst" in mine.live_heading.text()


def test_the_status_bar_names_who_else_is_working(make_window, council, qtbot):
    a, b = make_window(), make_window()
    assert a.open_workspace(council.rood_target, council.rood_identity)
    assert b.open_workspace(council.groen_target, council.groen_identity)
    others = b.status_bar.others_label
    if council.backend == "sqlite":
        # Only a database server knows who is connected; a file says nothing, so nothing is shown.
        qtbot.wait(500)
        assert others.isHidden()
        return
    # The person is the login Ruud works under, with his party.
    qtbot.waitUntil(lambda: others.text().startswith("Ook aan het werk: ruud_") and others.text().endswith("(RP)"),
                    timeout=3000)
    assert not others.isHidden()
    a.close()
    qtbot.waitUntil(others.isHidden, timeout=8000)


def _elsewhere(council, act) -> None:
    """Another person, on another computer, commits one action."""
    workspace = open_workspace(council.target)
    try:
        with workspace.action() as s:
            act(s)
    finally:
        workspace.close()


def test_an_unrecorded_position_and_the_compared_versions_survive_anothers_change(make_window, council, qtbot):
    for text in ("We bouwen 600 woningen.", "We bouwen 650 woningen."):
        _elsewhere(council, lambda s, text=text: ops.revise_section(s, council.griffie, council.bouwen, text,
                                                                    reason="overleg"))
    b = make_window()
    assert b.open_workspace(council.groen_target, council.groen_identity)
    b.navigator.select(council.bouwen)
    view = b.work.section_view
    panel = view.section_panel
    panel.buttons[Position.OPPOSE].setChecked(True)
    qtbot.keyClicks(panel.minority, "Te weinig sociale huur.")

    rood = ops.Actor.of_party(council.rood, "Ruud Rood")
    _elsewhere(council, lambda s: ops.endorse_section(s, rood, council.bouwen, Position.SUPPORT))
    qtbot.waitUntil(lambda: view.detail.support.support_seats == 5, timeout=WITHIN_MS)
    assert panel.buttons[Position.OPPOSE].isChecked()
    assert panel.minority.toPlainText() == "Te weinig sociale huur."

    # The history tab: the reader compares the first version with the newest, not the default pair.
    view.setCurrentIndex(2)
    view.history_from.setCurrentIndex(view.history_from.count() - 1)
    chosen = (view.history_from.currentText(), view.history_to.currentText())
    assert chosen[0].startswith("versie 1,") and chosen[1].startswith("versie 3,")
    blauw = ops.Actor.of_party(council.blauw, "Bram Blauw")
    _elsewhere(council, lambda s: ops.endorse_section(s, blauw, council.bouwen, Position.SUPPORT))
    qtbot.waitUntil(lambda: view.detail.support.support_seats == 8, timeout=WITHIN_MS)
    assert (view.history_from.currentText(), view.history_to.currentText()) == chosen
