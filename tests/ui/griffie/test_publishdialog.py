"""Publishing a round from the window: what is open, the refusal, round 3, and a window that keeps turning."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog

from raadsakkoord import operations as ops
from raadsakkoord.model import (
    Agreement,
    AgreementStatus,
    Amendment,
    AmendmentKind,
    AmendmentStatus,
    AuditEvent,
    Round,
)
from raadsakkoord.store.workspace import open_workspace
from tests.largework import six_hundred_to_rebase
from tests.ui.conftest import griffie_identity, party_identity
from ui.common.context import Changes, Context
from ui.exchange.exportdialog import ExportDialog
from ui.griffie.publishdialog import PublishRoundDialog, publish_round_dialog
from ui.common.background import TaskRunner


@pytest.fixture
def ctx(demo_path, settings):
    workspace = open_workspace(demo_path)
    actor, label = griffie_identity()
    yield Context(workspace, actor, label, Changes())
    workspace.close()


class Status(list):
    pass


@pytest.fixture
def status() -> Status:
    return Status()


def _dialog(qtbot, ctx, runner, status) -> PublishRoundDialog:
    from PySide6.QtCore import Qt

    dialog = publish_round_dialog(None, ctx, runner, status.append)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # the test reads it after closing
    qtbot.addWidget(dialog)
    return dialog


def _rounds(ctx) -> list[tuple[int, str, str]]:
    with ctx.action() as s:
        return [(r.number, r.label, r.note) for r in s.scalars(sa.select(Round).order_by(Round.number))]


def _accept_an_open_amendment(ctx) -> str:
    with ctx.action() as s:
        amendment = s.scalars(sa.select(Amendment).where(
            Amendment.status == AmendmentStatus.SUBMITTED, Amendment.kind == AmendmentKind.MODIFY)
            .order_by(Amendment.headline)).first()
        ops.decide_amendment(s, ctx.actor, amendment.id, AmendmentStatus.ACCEPTED, note="Overgenomen")
        return amendment.headline


def test_the_open_items_are_listed(qtbot, ctx, runner, status):
    dialog = _dialog(qtbot, ctx, runner, status)
    shown = dialog.overview.toPlainText()
    for expected in (
            "Laatste ronde: Concept 2, gepubliceerd op 30-10-2026 door Marleen Hoekstra.",
            "Sinds Concept 2 is er geen tekst gewijzigd.",
            "9 ingediende amendementen waarover nog niet is besloten",
            "Hoofdlijn 2.1 Meedoen volgens de participatieladder: ‘Terugkoppeling binnen drie maanden’ (D66)",
            "Nieuwe hoofdlijnen in hoofdstuk 6 Wonen, centrum en dorpen: ‘Nieuwe hoofdlijn: de TT en evenementen’ (VVD)",
            "Hoofdlijn 8.4 Meedoen zonder geldzorgen: ‘Inkomensgrens minimaregelingen naar 130 procent’ (SP); "
            "‘Een zachte overgang boven de inkomensgrens’ (CU); ‘Inkomensgrens naar 125 procent’ (VVD); "
            "‘Contact binnen een week’ (D66); ‘Inkomensgrens naar 140 procent’ (GL)",
            "26 standpunten over een oudere tekst",
            "50PLUS: hoofdlijn 1.2, 2.1, 3.1"):
        assert expected in shown, expected
    assert "zonder meerderheid" not in shown  # every section of the demo has one
    assert dialog.label.text() == "Concept 3"  # a real name the clerk sees, keeps or changes
    dialog.final.setChecked(True)
    assert dialog.label.text() == "Definitief"
    assert "daarna kan niemand het raadsakkoord nog wijzigen. Over 9 open amendementen wordt dan niet meer " \
           "besloten." in dialog.consequences.text()
    assert dialog.publish_button.isEnabled()


def test_a_round_that_would_be_refused_cannot_be_started_and_says_why(qtbot, ctx, runner, status, dialogs):
    dialog = _dialog(qtbot, ctx, runner, status)
    why = "Er is niets gewijzigd sinds Concept 2; een nieuwe conceptronde is niet nodig."
    assert not dialog.publish_button.isEnabled() and dialog.publish_button.toolTip().startswith(why)
    assert dialog.consequences.text().startswith("<b style='color:#b71c1c'>Publiceren kan nu niet:</b> " + why)
    dialog.final.setChecked(True)  # a final round is allowed
    assert dialog.publish_button.isEnabled() and dialog.consequences.text().startswith("<b>Wat er gebeurt:</b>")
    dialog.concept.setChecked(True)
    assert not dialog.publish_button.isEnabled()


def test_the_cores_refusal_is_shown_and_no_round_is_written(qtbot, ctx, runner, status, dialogs):
    """When another clerk published after the dialog looked, the core still refuses, and says so."""
    _accept_an_open_amendment(ctx)
    dialog = _dialog(qtbot, ctx, runner, status)
    with ctx.action() as s:
        ops.publish_round(s, dataclasses.replace(ctx.actor, name="Marleen Hoekstra"))
        events = s.scalar(sa.select(sa.func.count()).select_from(AuditEvent))
    dialogs.answers = [True]
    dialog.publish_button.click()
    # Concept 3 was published by another clerk: the refusal says who, and when.
    title, message = dialogs.shown[-1]
    assert title == "Ronde publiceren"
    assert re.fullmatch(r"Marleen Hoekstra heeft Concept 3 op \d\d-\d\d-\d{4} om \d\d:\d\d gepubliceerd; sindsdien is "
                        r"er niets gewijzigd, dus een nieuwe ronde is niet nodig\.", message), message
    assert dialog.status.text() == "Er is geen ronde gepubliceerd."
    assert [n for n, _, _ in _rounds(ctx)] == [1, 2, 3]
    with ctx.action() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(AuditEvent)) == events
    assert status == [] and dialog.publish_button.isEnabled() and dialog.label.isEnabled()


def test_declining_the_confirmation_publishes_nothing(qtbot, ctx, runner, status, dialogs):
    _accept_an_open_amendment(ctx)
    dialog = _dialog(qtbot, ctx, runner, status)
    dialogs.answers = [False]
    dialog.publish_button.click()
    title, question = dialogs.shown[-1]
    assert title == "Ronde publiceren" and question.endswith("Wilt u deze ronde nu publiceren?")
    assert [n for n, _, _ in _rounds(ctx)] == [1, 2] and status == []


def test_publishing_round_3_then_the_package_and_the_pdf(qtbot, ctx, runner, status, dialogs, monkeypatch, tmp_path):
    headline = _accept_an_open_amendment(ctx)
    notices = []
    ctx.changes.outline.connect(lambda: notices.append(1))
    dialog = _dialog(qtbot, ctx, runner, status)
    assert "Sinds Concept 2" not in dialog.overview.toPlainText()
    assert f"‘{headline}’" not in dialog.overview.toPlainText()  # decided: no longer open
    dialog.label.setText("Concept 3 (na de commissie)")
    dialog.note.setPlainText("Het amendement over de participatie is overgenomen.")
    dialogs.answers = [True]
    dialog.publish_button.click()
    assert _rounds(ctx)[-1] == (3, "Concept 3 (na de commissie)", "Het amendement over de participatie is overgenomen.")
    assert status[-1].startswith("Concept 3 (na de commissie) is gepubliceerd (ronde 3, 31 hoofdlijnen).")
    assert dialog.status.text() == status[-1] and notices == [1]
    assert dialog.package_button.isVisible() and dialog.pdf_button.isVisible()
    assert not dialog.publish_button.isEnabled() and dialog.close_button.text() == "Sluiten"
    assert "Laatste ronde: Concept 3 (na de commissie)" in dialog.overview.toPlainText()  # read again
    assert "geen tekst gewijzigd" not in dialog.overview.toPlainText()  # of course not: it was just published

    target = tmp_path / "ronde-3.rkpkg"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    dialog.package_button.click()
    assert target.is_file() and f"Pakket geschreven naar {target}" in status[-1]
    assert dialogs.shown[1:] == []

    export = dialog.make_pdf()
    qtbot.addWidget(export)
    assert isinstance(export, ExportDialog)
    assert export.round.currentData() == 3 and export.chosen_format == "pdf"
    assert Path(export.target.text()).name == "raadsakkoord-assen-ronde-3.pdf"


def test_a_final_round_locks_the_agreement(qtbot, ctx, runner, status, dialogs):
    dialog = _dialog(qtbot, ctx, runner, status)
    dialog.final.setChecked(True)
    dialogs.answers = [True]
    dialog.publish_button.click()
    assert dialogs.shown[-1][1].endswith("Dit kan niet ongedaan worden gemaakt.")
    assert _rounds(ctx)[-1][:2] == (3, "Definitief")
    with ctx.action() as s:
        assert s.scalars(sa.select(Agreement.status)).one() == AgreementStatus.ADOPTED
    again = _dialog(qtbot, ctx, runner, status)
    assert again.status.text().startswith("Het raadsakkoord is al definitief vastgesteld")
    assert not again.publish_button.isEnabled()


def test_only_the_griffie_publishes(qtbot, ctx, runner, status, dialogs):
    actor, label = party_identity(ctx.workspace, "CDA")
    party = Context(ctx.workspace, actor, label, ctx.changes)
    assert publish_round_dialog(None, party, runner, status.append) is None
    assert dialogs.shown == [("Ronde publiceren", "Alleen de griffie publiceert een ronde.")]


def test_the_window_keeps_turning_while_a_long_publish_runs(qtbot, new_target, settings, status, dialogs):
    target = new_target("groot")
    six_hundred_to_rebase(target)
    workspace = open_workspace(target)
    try:
        actor, label = griffie_identity()
        ctx = Context(workspace, actor, label, Changes())
        runner = TaskRunner()
        dialog = _dialog(qtbot, ctx, runner, status)
        qtbot.waitUntil(lambda: dialog.readiness is not None, timeout=10_000)
        # What a timer on the window's event loop sees while the publish runs:
        # whether the busy bar is shown. A frozen window would see nothing.
        seen: list[bool] = []
        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(lambda: seen.append(dialog.progress.isVisible()))
        timer.start()
        dialog.start(final=False, label="", note="")
        assert dialog.progress.isVisible() and not dialog.close_button.isEnabled()
        qtbot.waitUntil(lambda: dialog.result is not None, timeout=120_000)
        timer.stop()
        assert runner.wait()
        assert dialog.result.rebased + dialog.result.needs_rework == 600
        assert seen.count(True) >= 10, seen  # the loop turned, with the bar shown, while 600 were rebased
        assert not dialog.progress.isVisible() and dialog.close_button.isEnabled()
        assert status[-1].startswith("Concept 2 is gepubliceerd (ronde 2, 20 hoofdlijnen).")
    finally:
        workspace.close()


def test_closing_right_after_publishing_while_the_overview_is_read_again(qtbot, ctx, status, dialogs, monkeypatch):
    # The dialog reads what is open after the round on a thread; the clerk may
    # close it (and so delete it) before that read comes back.
    import threading

    from ui.griffie import publishdialog

    _accept_an_open_amendment(ctx)
    released, holding = threading.Event(), threading.Event()
    hold = []
    real_load = publishdialog.load_readiness

    def load_readiness(c):
        if hold:
            holding.set()
            released.wait(60)
        return real_load(c)

    monkeypatch.setattr(publishdialog, "load_readiness", load_readiness)
    runner = TaskRunner()
    dialog = publish_round_dialog(None, ctx, runner, status.append)
    qtbot.waitUntil(lambda: dialog.readiness is not None, timeout=10_000)
    hold.append(True)
    dialogs.answers = [True]
    dialog.publish_button.click()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=120_000)
    assert holding.wait(60)  # the overview is being read again
    with qtbot.waitSignal(dialog.destroyed, timeout=10_000):
        dialog.close()
    released.set()
    assert runner.wait()
    qtbot.wait(100)  # the read's result reaches the GUI thread and finds no dialog: nothing is raised
    assert _rounds(ctx)[-1][0] == 3 and status[-1].startswith("Concept 3 is gepubliceerd")
    runner.shutdown(5)


def test_a_name_typed_by_the_clerk_stays_when_the_kind_changes(qtbot, ctx, runner, status):
    _accept_an_open_amendment(ctx)
    dialog = _dialog(qtbot, ctx, runner, status)
    dialog.label.setText("Concept na de hoorzitting")
    dialog.final.setChecked(True)
    dialog.concept.setChecked(True)
    assert dialog.label.text() == "Concept na de hoorzitting"
    assert "‘Concept na de hoorzitting’" in dialog.consequences.text()


def test_another_clerk_publishing_meanwhile_turns_the_button_off_with_the_reason(qtbot, ctx, runner, status):
    _accept_an_open_amendment(ctx)
    dialog = _dialog(qtbot, ctx, runner, status)
    assert dialog.publish_button.isEnabled()
    with ctx.action() as s:
        ops.publish_round(s, ops.Actor.griffie("Karin Klerk"))
    ctx.changes.outline.emit()  # as the live window does when another clerk's change arrives
    assert not dialog.publish_button.isEnabled()
    assert dialog.publish_button.toolTip().startswith("Er is niets gewijzigd sinds Concept 3")
    assert "Publiceren kan nu niet:" in dialog.consequences.text()
