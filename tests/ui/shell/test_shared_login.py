"""The window on a shared PostgreSQL database: the person is their login, the password asked and kept if wanted."""

from __future__ import annotations

import keyring
import pytest

from raadsakkoord.model import Position
from tests.shareddb import PASSWORD, shared_council, url
from tests.keychains import MemoryKeychain
from ui.shell import dbpassword, identity


@pytest.fixture
def council(postgres_server):
    return shared_council(postgres_server)


@pytest.fixture
def no_identity_dialog(monkeypatch):
    def refuse(dialog):
        raise AssertionError("a shared database never asks whom one works for")

    monkeypatch.setattr(identity, "_run_dialog", refuse)


class Typing:
    """Answers the password dialog as a person would, and keeps what it showed."""

    def __init__(self, monkeypatch, *answers: tuple[str, bool] | None) -> None:
        self.answers = list(answers)
        self.messages: list[str] = []
        self.keep_enabled: list[bool] = []
        monkeypatch.setattr(dbpassword, "_run_dialog", self.run)

    def run(self, dialog: dbpassword.PasswordDialog) -> bool:
        self.messages.append(dialog.message.text())
        self.keep_enabled.append(dialog.keep_box.isEnabled())
        answer = self.answers.pop(0)
        if answer is None:
            return False
        password, keep = answer
        dialog.password_edit.setText(password)
        dialog.keep_box.setChecked(keep)
        return True


def test_the_window_works_as_the_login_shown_read_only(window, council, no_identity_dialog, settings):
    assert window.open_workspace(url(council, council.gerda))
    assert window.ctx.actor.name == council.gerda and window.ctx.actor.party_id == council.gl
    assert window.identity_label.text() == f"Werkt als {council.gerda} (GL)"
    assert "uw aanmelding" in window.identity_label.toolTip()
    assert not window.switch_identity_action.isEnabled()
    window.grab().save("/tmp/h18a-window-login.png")
    from raadsakkoord import operations as ops

    with window.ctx.workspace.action() as session:
        ops.endorse_section(session, window.ctx.actor, council.section, Position.SUPPORT)


def test_an_identity_handed_in_does_not_override_the_login(window, council, no_identity_dialog, settings):
    from tests.ui.conftest import griffie_identity

    assert window.open_workspace(url(council, council.gerda), griffie_identity("Griet Griffier"))
    assert window.ctx.actor.name == council.gerda and window.ctx.actor.party_id == council.gl
    assert window.identity_label.text() == f"Werkt als {council.gerda} (GL)"


def test_a_reader_has_no_actions_that_write(window, council, no_identity_dialog, settings):
    assert window.open_workspace(url(council, council.lars))
    assert window.identity_label.text() == f"Werkt als {council.lars} (lezer)"
    assert window.ctx.actor.reader and not window.ctx.actor.is_griffie
    for name in ("publish", "save", "export_package", "import_package", "register_key", "confirm_all"):
        assert not getattr(window, f"{name}_action").isEnabled(), name
    assert window.audit_action.isEnabled() and window.export_action.isEnabled()


def test_a_sqlite_workspace_can_still_switch(window, setup, settings, monkeypatch):
    from tests.ui.conftest import griffie_identity

    assert window.open_workspace(setup.workspace.label, griffie_identity())
    assert window.switch_identity_action.isEnabled()


def test_a_url_without_password_asks_and_a_wrong_one_is_asked_again(window, council, no_identity_dialog,
                                                                      monkeypatch, settings, dialogs):
    typing = Typing(monkeypatch, ("fout", False), (PASSWORD, False))
    assert window.open_workspace(url(council, council.griet, None))
    assert window.ctx.actor.name == council.griet and window.ctx.actor.is_griffie
    assert f"vraagt het wachtwoord van {council.griet}" in typing.messages[0]
    assert "het wachtwoord klopt niet" in typing.messages[1]
    assert typing.keep_enabled == [False, False]  # no keychain on this system: nothing kept
    assert dialogs.shown == []


def test_cancelling_the_password_opens_nothing(window, council, monkeypatch, settings, dialogs):
    Typing(monkeypatch, None)
    assert not window.open_workspace(url(council, council.gerda, None))
    assert window.ctx is None and dialogs.shown == []


def test_a_password_kept_in_the_keychain_is_not_asked_again(window, make_window, council, no_identity_dialog,
                                                            monkeypatch, settings):
    chain = MemoryKeychain()
    keyring.set_keyring(chain)
    typing = Typing(monkeypatch, (PASSWORD, True))
    assert window.open_workspace(url(council, council.gerda, None))
    assert typing.keep_enabled == [True] and list(chain.secrets.values()) == [PASSWORD]
    window.grab().save("/tmp/h18a-window-kept.png")
    again = make_window()
    assert again.open_workspace(url(council, council.gerda, None))  # Typing has no answer left: not asked
    assert again.ctx.actor.name == council.gerda
    # Changed on the server: the kept one is dropped and the new one asked.
    import psycopg

    with psycopg.connect(host=str(council.server.root), port=council.server.port, dbname="postgres",
                         user="postgres", autocommit=True) as conn:
        conn.execute(f"ALTER ROLE \"{council.gerda}\" PASSWORD 'nieuw wachtwoord 2'")
    typing.answers.append(("nieuw wachtwoord 2", False))
    third = make_window()
    assert third.open_workspace(url(council, council.gerda, None))
    assert "het wachtwoord klopt niet" in typing.messages[-1] and chain.secrets == {}


def test_the_password_dialog_looks_right(qtbot, qapp):
    dialog = dbpassword.PasswordDialog("De database raad @ server vraagt het wachtwoord van gerda.")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.login_button.isEnabled()
    dialog.password_edit.setText("x")
    assert dialog.login_button.isEnabled()
    dialog.grab().save("/tmp/h18a-password.png")
