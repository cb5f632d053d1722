"""Opening files from outside: ``raadsakkoord FILE``, a double-click, and a second launch.

A package opens its preview in the workspace used last, and is read in
when the clerk agrees; a second launch hands its file to the application
that runs already and ends; one window per workspace.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDir, QTranslator
from PySide6.QtGui import QFileOpenEvent

import raadsakkoord.__main__ as entry
from raadsakkoord.store.workspace import open_workspace
from tests.exchange.conftest import ok
from tests.ui.conftest import griffie_identity, party_identity
from ui.exchange import packagepreview
from ui.exchange import packages as exchangeui
from ui.shell import app as shellapp
from ui.shell import instance, opendialogs
from ui.shell.launch import FileOpenEvents, Launcher
from ui.shell.mainwindow import MainWindow
from ui.shell.recent import RecentWorkspaces

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def party_package(council, capsys, tmp_path) -> Path:
    """What arrives by e-mail at the griffie: GL's signed package."""
    path = tmp_path / "post" / "GL-2026-03-01.rkpkg"
    path.parent.mkdir()
    ok(capsys, "package", "export", council.parties["GL"], "--party", "GL", "-o", path)
    return path


@pytest.fixture
def reports(monkeypatch) -> list:
    seen = []
    monkeypatch.setattr(exchangeui, "show_import_report", lambda parent, outcomes: seen.append(outcomes))
    return seen


@pytest.fixture
def previews(monkeypatch, reports) -> list:
    """The previews shown, and the clerk's answer to each (read it in)."""
    shown = []

    def ask(parent, preview, workspace):
        shown.append((preview, workspace, parent))
        return packagepreview.CANCEL if preview.problem else packagepreview.IMPORT

    monkeypatch.setattr(packagepreview, "ask", ask)
    return shown


@pytest.fixture
def as_griffie(monkeypatch):
    monkeypatch.setattr(MainWindow, "choose_identity", lambda self, workspace: griffie_identity())


@pytest.fixture
def started(qapp, monkeypatch):
    """The launchers ``raadsakkoord`` started in this process; closed again afterwards, as on quitting."""
    launchers = []
    monkeypatch.setattr(shellapp, "event_loop", lambda launcher: launchers.append(launcher) or 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    yield launchers
    for launcher in launchers:
        launcher.server.close()
        for window in launcher.windows:
            window.close()
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)


def test_raadsakkoord_with_a_package_opens_its_preview_in_the_last_workspace(
        council, party_package, settings, started, previews, reports, as_griffie, qtbot):
    RecentWorkspaces(settings).add(council.griffie)
    # What the desktop entry runs for a double-clicked package: `raadsakkoord %f`.
    assert entry.main([str(party_package)]) == 0
    (launcher,) = started
    (window,) = launcher.windows
    qtbot.waitUntil(lambda: bool(previews), timeout=20000)
    (preview, workspace, parent), = previews
    assert parent is window and window.ctx.workspace.label == workspace
    assert Path(window.ctx.workspace.target).resolve() == Path(council.griffie).resolve()
    assert (preview.source, preview.kind_text, preview.problem) == (party_package.name, "fractiepakket van GL", "")
    # The clerk chose "Inlezen": the package is read in, with its report.
    qtbot.waitUntil(lambda: bool(reports), timeout=60000)
    (outcome,), = reports
    assert outcome.report is not None and outcome.report.sender == "GL" and outcome.changed


def test_a_file_the_finder_hands_over_as_an_event_is_opened_too(party_package, council, settings, make_window,
                                                                previews, as_griffie, qapp):
    RecentWorkspaces(settings).add(council.griffie)
    launcher = Launcher(make_window)
    events = FileOpenEvents(launcher.open)
    qapp.installEventFilter(events)
    try:
        QCoreApplication.sendEvent(qapp, QFileOpenEvent(str(party_package)))
    finally:
        qapp.removeEventFilter(events)
    assert [p.source for p, _, _ in previews] == [party_package.name]


def test_without_a_workspace_used_before_the_clerk_is_asked_which(party_package, council, make_window, dialogs,
                                                                   previews, monkeypatch, as_griffie):
    launcher = Launcher(make_window)
    dialogs.answers = [False]
    launcher.open(str(party_package))
    assert dialogs.shown == [("Pakket inlezen", (
        "In welke werkruimte moet GL-2026-03-01.rkpkg worden ingelezen? Er is nog geen werkruimte geopend; kies "
        "de werkruimte van de griffie of van uw fractie."))]
    assert launcher.windows[0].ctx is None and previews == []
    # Choosing one: the preview follows in it.
    monkeypatch.setattr(opendialogs, "choose_workspace_file", lambda parent: str(council.griffie))
    dialogs.answers = [True]
    launcher.open(str(party_package))
    assert len(previews) == 1 and previews[0][0].problem == ""
    assert len(launcher.windows) == 1


def test_a_package_the_workspace_cannot_check_says_why_in_its_preview(party_package, council, make_window,
                                                                      previews, monkeypatch):
    # RP's workspace trusts the griffie's key, not GL's: the preview says why it would refuse the package.
    rp = str(council.parties["RP"])
    workspace = open_workspace(rp)
    who = party_identity(workspace, "RP")
    workspace.close()
    monkeypatch.setattr(MainWindow, "choose_identity", lambda self, ws: who)
    launcher = Launcher(make_window)
    launcher.open(rp)
    launcher.open(str(party_package))
    (preview, _, _), = previews
    assert "sleutel is in deze werkruimte niet geregistreerd" in preview.problem
    dialog = packagepreview.PackagePreviewDialog(preview, "rp.raadsakkoord")
    assert not dialog.import_button.isEnabled() and dialog.other_button.isDefault()
    assert preview.problem in dialog.text.text()


def test_one_window_per_workspace(council, make_window, monkeypatch, as_griffie):
    launcher = Launcher(make_window)
    launcher.open(council.griffie)
    launcher.open(council.griffie)
    assert len(launcher.windows) == 1
    launcher.open(str(council.parties["GL"]))
    assert len(launcher.windows) == 2
    assert [Path(w.ctx.workspace.target).name for w in launcher.windows] == [
        Path(council.griffie).name, "gl.raadsakkoord"]
    launcher.open(str(Path(council.parties["GL"]).parent / "." / "gl.raadsakkoord"))
    assert len(launcher.windows) == 2


def _second_launch(*argv: str, cwd: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen([sys.executable, "-m", "raadsakkoord", *argv], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_a_second_launch_hands_its_file_to_the_running_application(
        council, party_package, make_window, previews, reports, as_griffie, qtbot):
    launcher = Launcher(make_window)
    server = instance.InstanceServer()
    assert server.listen()
    server.received.connect(launcher.open)
    launcher.open(council.griffie)
    try:
        # A relative path, from another folder: the running application must still find the file.
        second = _second_launch(party_package.name, cwd=party_package.parent)
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=60000)
        out, err = second.communicate()
        assert (second.returncode, out, err) == (0, "", "")
        qtbot.waitUntil(lambda: bool(reports), timeout=20000)
    finally:
        server.close()
    assert len(launcher.windows) == 1  # no second window, no second program
    assert previews[0][0].source == party_package.name and previews[0][2] is launcher.windows[0]


def test_a_socket_left_by_a_crashed_application_is_taken_over(make_window, qtbot):
    # As a crash leaves it: the socket file is there, nobody listens on it.
    path = Path(QDir.tempPath()) / instance.server_name()
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(str(path))
    stale.close()
    assert path.exists()
    assert instance.hand_over("iets.rkpkg") is False
    launcher = Launcher(make_window)
    server = instance.InstanceServer()
    try:
        assert server.listen()
        server.received.connect(launcher.open)
        # A plain second launch brings the running application to the front and ends.
        second = _second_launch(cwd=ROOT)
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=60000)
        assert second.communicate() == ("", "") and second.returncode == 0
    finally:
        server.close()
    assert len(launcher.windows) == 1


def test_a_stranger_on_the_socket_is_answered_no_and_opens_nothing(make_window, qtbot):
    launcher = Launcher(make_window)
    server = instance.InstanceServer()
    assert server.listen()
    opened = []
    server.received.connect(opened.append)
    client = socket.socket(socket.AF_UNIX)
    try:
        client.connect(server.server.fullServerName())
        client.sendall(b"GET / HTTP/1.0\n")
        answer = b""
        client.setblocking(False)

        def answered() -> bool:
            nonlocal answer
            try:
                answer += client.recv(100)
            except BlockingIOError:
                pass
            return answer.endswith(b"\n")

        qtbot.waitUntil(answered, timeout=10000)
    finally:
        client.close()
        server.close()
    assert answer == b"error\n" and opened == [] and launcher.windows == []
