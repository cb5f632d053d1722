"""Long work in the background, and what the window does meanwhile: while a package is read in, the
workspace stays open; closing the window does not wait for long work without end."""

import threading

import sqlalchemy as sa
from PySide6.QtWidgets import QApplication

from raadsakkoord import operations as ops
from raadsakkoord.model import AmendmentKind, Chapter, Party, Section
from raadsakkoord.queries.drafting import section_badges
from raadsakkoord.store.workspace import open_workspace
from tests.exchange.conftest import council, ok  # noqa: F401 - council is a fixture
from tests.ui.conftest import griffie_identity, party_identity
from tests.ui.shell import slowwork
from ui.exchange import packages as exchangeui

STILL_READING = ("Werkruimte openen", "Er wordt nog een pakket ingelezen. Wacht tot het verslag daarvan verschijnt; "
                 "daarna kunt u een andere werkruimte openen of als iemand anders verder werken.")


def _party_package(c, capsys, tmp_path) -> str:
    """GL proposes one amendment and sends its package."""
    workspace = open_workspace(str(c.parties["GL"]))
    with workspace.action() as s:
        text = s.get(Section, c.bouwen).text
        ops.propose_amendment(s, ops.Actor.of_party(c.ids["GL"], "Gerda Groen"), kind=AmendmentKind.MODIFY,
                              section_id=c.bouwen, headline="Meer woningen",
                              text=text.replace("500 woningen", "800 woningen"), submit=True)
    workspace.close()
    target = tmp_path / "GL-1.rkpkg"
    ok(capsys, "package", "export", c.parties["GL"], "--party", "GL", "-o", target)
    return str(target)


def test_the_workspace_stays_open_while_a_package_is_read_in(council, capsys, tmp_path, make_window, dialogs,
                                                             monkeypatch, qtbot):
    package = _party_package(council, capsys, tmp_path)
    reports = []
    monkeypatch.setattr(exchangeui, "show_import_report", lambda parent, outcomes: reports.append(outcomes))
    window = make_window(synchronous=False)  # the real thread pool and worker process
    assert window.open_workspace(str(council.griffie), griffie_identity())
    qtbot.waitUntil(lambda: window.outline is not None, timeout=20_000)
    asked = []
    monkeypatch.setattr(window, "choose_identity", lambda workspace: asked.append(workspace) or griffie_identity())

    window.import_packages([package])
    # The import's result comes back through the event loop, which has not turned yet: it is still running.
    assert not window.open_workspace(str(council.parties["RP"]), griffie_identity())
    window.switch_identity_action.trigger()
    assert dialogs.shown == [STILL_READING, STILL_READING]
    assert window.ctx.workspace.target == str(council.griffie) and asked == []

    qtbot.waitUntil(lambda: bool(reports), timeout=60_000)
    assert [o.report.counts[("amendments", "new")] for o in reports[0]] == [1]
    assert window.statusBar().currentMessage() == "Pakketten: 1 ingelezen."
    # Once the report is there, the clerk may go elsewhere.
    assert window.open_workspace(str(council.parties["RP"]), griffie_identity())
    assert window.ctx.workspace.target == str(council.parties["RP"])


def test_an_import_from_the_inbox_also_keeps_the_workspace_open_and_the_window_from_closing(
        council, capsys, tmp_path, make_window, dialogs, monkeypatch, qtbot):
    from ui.griffie.inbox import InboxView

    package = _party_package(council, capsys, tmp_path)
    reports = []
    monkeypatch.setattr(exchangeui, "show_import_report", lambda parent, outcomes: reports.append(outcomes))
    window = make_window(synchronous=False)
    assert window.open_workspace(str(council.griffie), griffie_identity())
    qtbot.waitUntil(lambda: window.outline is not None, timeout=20_000)
    inbox = InboxView(runner=window.runner)
    qtbot.addWidget(inbox)
    inbox.bind(window.ctx)

    inbox.import_files([package])
    assert not window.open_workspace(str(council.parties["RP"]), griffie_identity())
    assert not window.close()  # closing would roll the import back unseen
    assert dialogs.shown == [STILL_READING, STILL_READING]
    qtbot.waitUntil(lambda: bool(reports), timeout=60_000)
    assert [o.report.counts[("amendments", "new")] for o in reports[0]] == [1]
    assert window.open_workspace(str(council.parties["RP"]), griffie_identity())


def _open_as_sp(window, path):
    workspace = open_workspace(path)
    who = party_identity(workspace, "SP", "Jannie Hadders")
    workspace.close()
    assert window.open_workspace(path, who)


def test_closing_drops_work_not_started_and_delivers_no_more_results(demo_path, make_window, qtbot):
    window = make_window(synchronous=False)
    _open_as_sp(window, demo_path)
    qtbot.waitUntil(lambda: window.readability_report is not None and not window.runner.busy, timeout=60_000)
    gate = threading.Event()
    delivered, ran = [], []
    try:
        for _ in range(2):  # both threads of the pool busy, so that the third task has to wait
            window.runner.run(gate.wait, delivered.append, delivered.append)
        window.runner.run(lambda: ran.append("gestart"), delivered.append, delivered.append)
        assert window.close()  # returns although two tasks never end by themselves
    finally:
        gate.set()
    assert window.runner.wait()
    QApplication.processEvents()
    assert ran == [] and delivered == []


def test_closing_stops_unfinished_work_in_the_worker_process_and_keeps_what_was_committed(
        demo_path, make_window, qtbot, tmp_path):
    window = make_window(synchronous=False)
    _open_as_sp(window, demo_path)
    qtbot.waitUntil(lambda: window.readability_report is not None and not window.runner.busy, timeout=60_000)
    window.confirm_all_action.trigger()  # committed before closing: it must stay
    assert "bevestigd" in window.statusBar().currentMessage()
    started, release = tmp_path / "begonnen", tmp_path / "vrijgegeven"
    delivered = []
    window.runner.run_in_process(slowwork.write_and_hold, (demo_path, str(started), str(release)),
                                 delivered.append, delivered.append)
    qtbot.waitUntil(started.exists, timeout=60_000)  # the worker is inside its transaction

    assert window.close()  # does not wait for the worker, which would commit only when released
    release.touch()
    QApplication.processEvents()
    assert delivered == []

    workspace = open_workspace(demo_path)
    try:
        with workspace.action() as s:
            assert s.execute(sa.text("PRAGMA integrity_check")).scalar() == "ok"
            assert s.scalars(sa.select(Chapter.title).where(Chapter.title == slowwork.UNFINISHED_CHAPTER)).all() == []
            sp = s.scalars(sa.select(Party.id).where(Party.short_name == "SP")).one()
            assert not any(badge.own_stale for badge in section_badges(s, sp).values())
    finally:
        workspace.close()
