"""The window asks for a key's passphrase in a dialog (typed unseen) before it signs a package."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives import serialization
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLineEdit

from raadsakkoord.base import paths
from raadsakkoord.exchange import keys, keystore
from raadsakkoord.exchange.envelope import read_package
from raadsakkoord.store.workspace import open_workspace
from tests.ui.conftest import party_identity
from ui.exchange import passphrase
from ui.exchange.passphrase import PassphraseDialog

CHOSEN = "onze fractie tekent"


@pytest.fixture
def no_passphrase_given(monkeypatch):
    monkeypatch.delenv(keystore.PASSPHRASE_ENV)


class Asked(list):
    """The questions the window asked; each answered with the next of ``answers`` (none left: cancelled)."""

    def __init__(self) -> None:
        super().__init__()
        self.answers: list[str] = []

    def __call__(self, parent, request):
        self.append(request)
        return self.answers.pop(0) if self.answers else None


@pytest.fixture
def asked(monkeypatch) -> Asked:
    questions = Asked()
    monkeypatch.setattr(passphrase, "ask_passphrase", questions)
    return questions


def _open_as_party(window, path):
    workspace = open_workspace(path)
    who = party_identity(workspace, "SP", "Jannie Hadders")
    workspace.close()
    assert window.open_workspace(path, who)
    with window.ctx.action() as session:
        return keys.identity_for(session, window.ctx.party_id)


def _export(window, target, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.export_package_action.trigger()


def test_the_dialog_hides_what_is_typed_and_wants_the_new_passphrase_twice(qtbot):
    dialog = PassphraseDialog(keystore.PassphraseRequest("SP", new=True))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.first.echoMode() == QLineEdit.EchoMode.Password == dialog.second.echoMode()
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.first, "kort")
    assert "minstens 8 tekens" in dialog.problem.text() and not dialog.ok_button.isEnabled()
    dialog.first.clear()
    qtbot.keyClicks(dialog.first, CHOSEN)
    qtbot.keyClicks(dialog.second, CHOSEN + "!")
    assert dialog.problem.text() == "De twee wachtwoordzinnen verschillen." and not dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog.second, Qt.Key.Key_Backspace)
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == PassphraseDialog.DialogCode.Accepted and dialog.passphrase() == CHOSEN


def test_unlocking_asks_once_and_says_why_the_last_try_failed(qtbot):
    dialog = PassphraseDialog(keystore.PassphraseRequest("SP", new=False, problem="Die wachtwoordzin klopt niet."))
    qtbot.addWidget(dialog)
    assert dialog.second.isHidden() and dialog.problem.text() == "Die wachtwoordzin klopt niet."
    qtbot.keyClicks(dialog.first, "x")
    assert dialog.ok_button.isEnabled()


def test_a_new_key_is_locked_with_the_passphrase_chosen_in_the_window(window, demo_path, tmp_path, monkeypatch,
                                                                       qtbot, asked, no_passphrase_given, dialogs):
    identity = _open_as_party(window, demo_path)
    asked.answers.append(CHOSEN)
    target = tmp_path / "SP.rkpkg"
    _export(window, target, monkeypatch)
    qtbot.waitUntil(target.exists)
    assert [(r.name, r.new) for r in asked] == [("SP", True)]
    assert read_package(target.read_bytes(), target.name).kind == "party"
    assert keystore.place(identity) == "file" and keystore.check_passphrase(identity, CHOSEN)
    # Asked once per run: the next package is signed without a question.
    second = tmp_path / "SP-2.rkpkg"
    _export(window, second, monkeypatch)
    qtbot.waitUntil(second.exists)
    assert len(asked) == 1
    for path in paths.data_dir().rglob("*"):
        if path.is_file():
            assert b"BEGIN PRIVATE KEY" not in path.read_bytes(), path


def test_a_wrong_passphrase_three_times_gives_the_way_out_and_writes_nothing(
        window, demo_path, tmp_path, monkeypatch, qtbot, asked, no_passphrase_given, dialogs):
    identity = _open_as_party(window, demo_path)
    asked.answers.append(CHOSEN)
    _export(window, tmp_path / "eerste.rkpkg", monkeypatch)
    qtbot.waitUntil((tmp_path / "eerste.rkpkg").exists)
    keystore.forget_passphrases()  # the program was closed and opened again
    asked.answers.extend(["fout een", "fout twee", "fout drie"])
    target = tmp_path / "SP.rkpkg"
    _export(window, target, monkeypatch)
    assert [r.problem for r in asked[1:]] == ["", "Die wachtwoordzin klopt niet.", "Die wachtwoordzin klopt niet."]
    ((_, text),) = dialogs.shown
    assert "De wachtwoordzin voor de sleutel van SP klopt niet." in text and "--as SP --replace" in text
    assert not target.exists() and keystore.place(identity) == "file"


def test_cancelling_the_question_signs_nothing(window, demo_path, tmp_path, monkeypatch, qtbot, asked,
                                               no_passphrase_given, dialogs):
    _open_as_party(window, demo_path)
    target = tmp_path / "SP.rkpkg"
    _export(window, target, monkeypatch)  # no answer: cancelled
    assert dialogs.shown == [("Pakket voor de griffie maken",
                              "Afgebroken: zonder wachtwoordzin kan de sleutel niet worden gebruikt.")]
    assert not target.exists()


def test_an_unencrypted_key_from_an_earlier_version_is_moved_with_a_message(
        window, demo_path, tmp_path, monkeypatch, qtbot, asked, no_passphrase_given, dialogs):
    identity = _open_as_party(window, demo_path)
    asked.answers.append(CHOSEN)
    _export(window, tmp_path / "eerste.rkpkg", monkeypatch)
    qtbot.waitUntil((tmp_path / "eerste.rkpkg").exists)
    private = keys.load_private_key(identity)
    keystore.remove(identity)
    keystore.unencrypted_path(identity).write_bytes(private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    asked.answers.append("een nieuwe zin voor SP")
    target = tmp_path / "SP.rkpkg"
    _export(window, target, monkeypatch)
    qtbot.waitUntil(target.exists)
    assert [(r.name, r.new) for r in asked[1:]] == [("SP", True)]
    ((title, text),) = dialogs.shown
    assert title == "Sleutel beveiligd" and "stond onversleuteld in" in text
    assert not keystore.unencrypted_path(identity).exists()
    assert keystore.check_passphrase(identity, "een nieuwe zin voor SP")
