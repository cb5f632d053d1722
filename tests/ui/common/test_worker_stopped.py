"""Reading a package in and publishing a round, when the worker process dies under them.

A task queued behind one that ends the worker process (``dying.die_when``)
meets the dead process as a crash would leave it: its own work never ran.
Reading a package in runs again by itself; publishing does not, and says
whether the round was committed.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from raadsakkoord import operations as ops
from raadsakkoord.exchange import keys
from raadsakkoord.exchange.round_package import export_round_package
from raadsakkoord.model import Amendment, AmendmentKind, AmendmentStatus, Round, Section
from raadsakkoord.store.workspace import open_workspace
from tests.ui.common import dying
from tests.ui.conftest import griffie_identity
from ui.common.background import TaskRunner, WorkerStopped
from ui.common.context import Changes, Context
from ui.exchange import packages as exchangeui
from ui.griffie.publishdialog import PublishRoundDialog

LONG = 60_000


@pytest.fixture
def runner(qapp):
    runner = TaskRunner()
    yield runner
    assert runner.wait()


def _stop_worker_after_queueing(runner, tmp_path):
    """Occupy the worker process until the returned function is called; then it dies. Returns that and what it got."""
    go = tmp_path / "nu-stoppen"
    got: list = []
    runner.run_in_process(dying.die_when, (str(go),), got.append, got.append)
    return go.touch, got


def _party_with_round_package(setup, new_target, tmp_path):
    """GL's own, empty workspace that trusts the griffie's key, and the griffie's round 1 package as a file."""
    with setup.workspace.action() as s:
        ops.publish_round(s, setup.griffie)
        identity = keys.resolve_identity(s, "griffie")
        keys.init_key(s, setup.griffie, identity)
        public_key = keys.export_public_key(s, identity)
        data = export_round_package(s, setup.griffie)
    package = tmp_path / "ronde1.rkpkg"
    package.write_bytes(data)
    party_ws = open_workspace(new_target("gl"), create=True)
    with party_ws.action() as s:
        keys.register_public_key(s, setup.griffie, public_key, "griffie.pub")
    return party_ws, package


def test_a_package_is_read_in_after_the_worker_died_under_it(setup, new_target, tmp_path, runner, qtbot,
                                                            dialogs, monkeypatch):
    party_ws, package = _party_with_round_package(setup, new_target, tmp_path)
    reports, status = [], []
    monkeypatch.setattr(exchangeui, "show_import_report", lambda parent, outcomes: reports.append(outcomes))
    gl = Context(party_ws, setup.groen_actor, "Gerda Groen (GL)", Changes())
    try:
        stop, stopper_got = _stop_worker_after_queueing(runner, tmp_path)
        exchangeui.import_packages(None, gl, runner, [str(package)], status.append)
        stop()
        qtbot.waitUntil(lambda: bool(reports), timeout=LONG)
        assert status == ["Pakketten: 1 ingelezen."]
        assert [type(e) for e in stopper_got] == [WorkerStopped]
        assert [title for title, _text in dialogs.shown] == ["Hulpproces opnieuw gestart"]
        with party_ws.action() as s:
            assert s.get(Section, setup.bouwen).text.startswith("We bouwen 500 woningen.")
    finally:
        party_ws.close()


@pytest.fixture
def griffie_ctx(demo_path, settings):
    workspace = open_workspace(demo_path)
    actor, label = griffie_identity()
    yield Context(workspace, actor, label, Changes())
    workspace.close()


def _rounds(ctx) -> list[int]:
    with ctx.action() as s:
        return list(s.scalars(sa.select(Round.number).order_by(Round.number)))


def _accept_an_open_amendment(ctx) -> None:
    """A text changed since the last round, so a new concept round is not refused."""
    with ctx.action() as s:
        amendment = s.scalars(sa.select(Amendment).where(
            Amendment.status == AmendmentStatus.SUBMITTED, Amendment.kind == AmendmentKind.MODIFY)
            .order_by(Amendment.headline)).first()
        ops.decide_amendment(s, ctx.actor, amendment.id, AmendmentStatus.ACCEPTED, note="Overgenomen")


def _publish_dialog(qtbot, ctx, runner, status) -> PublishRoundDialog:
    dialog = PublishRoundDialog(ctx, runner, status.append)
    qtbot.addWidget(dialog)
    dialog.load()
    qtbot.waitUntil(lambda: dialog.readiness is not None, timeout=LONG)
    return dialog


def test_a_publication_the_worker_died_under_fails_clearly_and_can_be_done_again(griffie_ctx, tmp_path, runner,
                                                                                   qtbot, dialogs):
    status: list[str] = []
    _accept_an_open_amendment(griffie_ctx)
    before = _rounds(griffie_ctx)
    dialog = _publish_dialog(qtbot, griffie_ctx, runner, status)
    stop, _stopper_got = _stop_worker_after_queueing(runner, tmp_path)
    dialog.start(final=False, label="Na de storing", note="")
    stop()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=LONG)
    assert dialog.result is None and _rounds(griffie_ctx) == before
    assert dialog.status.text() == ("Er is geen ronde gepubliceerd: het hulpproces stopte voordat de ronde was "
                                    "vastgelegd. U kunt opnieuw publiceren.")
    [(title, text)] = dialogs.shown
    assert title == "Ronde publiceren" and text.startswith("Het hulpproces voor inlezen en publiceren is onverwacht")
    assert dialog.publish_button.isEnabled()

    dialog.start(final=False, label="Na de storing", note="")
    qtbot.waitUntil(lambda: not dialog.busy, timeout=LONG)
    assert dialogs.shown[1:] == [] and dialog.result is not None
    assert _rounds(griffie_ctx) == [*before, before[-1] + 1]
    assert status[-1].startswith(f"Na de storing is gepubliceerd (ronde {before[-1] + 1},")


def test_a_round_committed_before_the_worker_died_is_reported_as_published(griffie_ctx, qtbot, dialogs):
    status: list[str] = []
    runner = TaskRunner(synchronous=True)
    dialog = _publish_dialog(qtbot, griffie_ctx, runner, status)
    number = dialog.readiness.next_number
    # What the dead process did just before it died: the round is in the workspace.
    with griffie_ctx.action() as s:
        ops.publish_round(s, griffie_ctx.actor, label="Vlak voor de storing", final=True)
    dialog._publish_failed(WorkerStopped())
    assert dialog.status.text().startswith(f"Ronde {number} is toch gepubliceerd")
    assert status == [dialog.status.text()]
    assert [title for title, _text in dialogs.shown] == ["Ronde publiceren"]
    assert not dialog.package_button.isHidden()  # the round package is what the clerk does next
    assert not dialog.publish_button.isEnabled()  # the agreement is adopted now: nothing more to publish


def test_a_concept_round_committed_before_the_worker_died_cannot_be_published_twice(griffie_ctx, qtbot, dialogs):
    status: list[str] = []
    runner = TaskRunner(synchronous=True)
    with griffie_ctx.action() as s:  # something changed since the last round, so a concept round may follow
        amendment = s.scalars(sa.select(Amendment).where(
            Amendment.status == AmendmentStatus.SUBMITTED, Amendment.kind == AmendmentKind.MODIFY)
            .order_by(Amendment.headline)).first()
        ops.decide_amendment(s, griffie_ctx.actor, amendment.id, AmendmentStatus.ACCEPTED, note="Overgenomen")
    dialog = _publish_dialog(qtbot, griffie_ctx, runner, status)
    number = dialog.readiness.next_number
    with griffie_ctx.action() as s:
        ops.publish_round(s, griffie_ctx.actor, label="Vlak voor de storing")
    dialog._publish_failed(WorkerStopped())
    assert dialog.status.text().startswith(f"Ronde {number} is toch gepubliceerd")
    assert not dialog.publish_button.isEnabled() and not dialog.label.isEnabled()
    assert dialog.close_button.text() == "Sluiten"
    export = dialog.make_pdf()
    qtbot.addWidget(export)
    assert export.round.currentData() == number  # the PDF of that round, not the current texts as a concept
