"""Choosing who works: griffie or a party, with a name; remembered per workspace."""

import getpass

from PySide6.QtCore import Qt

from raadsakkoord import operations as ops
from raadsakkoord.model import Party
from raadsakkoord.store.workspace import open_workspace
from ui.shell import identity
from ui.shell.identity import IdentityDialog, choose_identity, forget_identity, load_roles


class FakeDialog:
    """Answers the identity dialog as a user would: pick a row by its text, type a name."""

    def __init__(self, monkeypatch, row_text: str | None = None, name: str | None = None, accept: bool = True):
        self.shown: list[IdentityDialog] = []
        self.row_text, self.name, self.accept = row_text, name, accept
        monkeypatch.setattr(identity, "_run_dialog", self.run)

    def run(self, dialog: IdentityDialog) -> bool:
        self.shown.append(dialog)
        self.texts = [dialog.role_list.item(i).text() for i in range(dialog.role_list.count())]
        self.offered_name = dialog.name_edit.text()
        self.preselected = dialog.role_list.currentItem().text() if dialog.role_list.currentItem() else None
        if self.row_text is not None:
            dialog.role_list.setCurrentRow(self.texts.index(self.row_text))
        if self.name is not None:
            dialog.name_edit.setText(self.name)
        return self.accept


def test_the_dialog_lists_the_griffie_and_every_party(qtbot, settings, setup):
    roles, _ = load_roles(setup.workspace)
    dialog = IdentityDialog(roles, person="Gerda Groen")
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [dialog.role_list.item(i).text() for i in range(dialog.role_list.count())]
    assert texts == ["Griffie", "GL — Groene Lijst (7 zetels)", "RP — Rode Partij (5 zetels)",
                     "BB — Blauwe Beweging (3 zetels)"]
    # Nothing chosen yet: the button says so and cannot be pressed.
    assert not dialog.accept_button.isEnabled()
    assert dialog.accept_button.text() == "Kies eerst griffie of fractie"
    dialog.role_list.setCurrentRow(1)
    assert dialog.accept_button.isEnabled() and dialog.accept_button.text() == "Werken als GL"
    dialog.name_edit.clear()
    assert not dialog.accept_button.isEnabled()  # a name is needed for the audit trail
    qtbot.keyClicks(dialog.name_edit, "  Gerda   Groen ")
    assert dialog.person() == "Gerda Groen"
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.selected_role().short_name == "GL"


def test_choosing_a_party_gives_its_actor_and_label(settings, setup, monkeypatch):
    FakeDialog(monkeypatch, "GL — Groene Lijst (7 zetels)", "Gerda Groen")
    actor, label = choose_identity(None, setup.workspace)
    assert actor == ops.Actor.of_party(setup.groen, "Gerda Groen")
    assert label == "Gerda Groen (GL)"


def test_choosing_the_griffie(settings, setup, monkeypatch):
    FakeDialog(monkeypatch, "Griffie", "Griet Griffier")
    actor, label = choose_identity(None, setup.workspace)
    assert actor.is_griffie and actor.name == "Griet Griffier"
    assert label == "Griet Griffier (griffie)"


def test_reopening_the_same_workspace_does_not_ask_again(settings, setup, monkeypatch):
    fake = FakeDialog(monkeypatch, "RP — Rode Partij (5 zetels)", "Ruud Rood")
    first = choose_identity(None, setup.workspace)
    again = open_workspace(setup.workspace.label)
    try:
        assert choose_identity(None, again) == first
        assert choose_identity(None, again, remembered_only=True) == first
    finally:
        again.close()
    assert len(fake.shown) == 1


def test_another_workspace_asks_and_offers_the_last_name(settings, setup, new_target, monkeypatch):
    FakeDialog(monkeypatch, "Griffie", "Griet Griffier")
    choose_identity(None, setup.workspace)
    other = open_workspace(new_target(), create=True)
    try:
        assert choose_identity(None, other, remembered_only=True) is None
        fake = FakeDialog(monkeypatch, accept=False)
        assert choose_identity(None, other) is None  # cancelled
        assert fake.offered_name == "Griet Griffier"
        assert fake.texts == ["Griffie"]  # an empty workspace: only the griffie
    finally:
        other.close()


def test_the_login_name_is_offered_the_first_time(settings, setup, monkeypatch):
    monkeypatch.setattr(getpass, "getuser", lambda: "ggroen")
    fake = FakeDialog(monkeypatch, accept=False)
    assert choose_identity(None, setup.workspace) is None
    assert fake.offered_name == "ggroen"


def test_forget_identity_asks_again_with_the_old_choice_selected(settings, setup, monkeypatch):
    FakeDialog(monkeypatch, "BB — Blauwe Beweging (3 zetels)", "Bram Blauw")
    choose_identity(None, setup.workspace)
    forget_identity(setup.workspace)
    fake = FakeDialog(monkeypatch, "GL — Groene Lijst (7 zetels)", "Gerda Groen")
    assert choose_identity(None, setup.workspace)[1] == "Gerda Groen (GL)"
    assert len(fake.shown) == 1 and fake.offered_name == "Bram Blauw"


def test_a_party_that_is_gone_is_asked_again(settings, setup, monkeypatch):
    FakeDialog(monkeypatch, "BB — Blauwe Beweging (3 zetels)", "Bram Blauw")
    choose_identity(None, setup.workspace)
    with setup.workspace.action() as s:
        s.delete(s.get(Party, setup.blauw))
    assert choose_identity(None, setup.workspace, remembered_only=True) is None
    fake = FakeDialog(monkeypatch, accept=False)
    assert choose_identity(None, setup.workspace) is None
    assert "BB — Blauwe Beweging (3 zetels)" not in fake.texts


def test_a_party_workspace_preselects_its_own_party(settings, setup, monkeypatch):
    from raadsakkoord.exchange import keys

    with setup.workspace.action() as s:
        keys.init_key(s, setup.rood_actor, keys.resolve_identity(s, "RP"))
    fake = FakeDialog(monkeypatch, name="Ruud Rood")
    _actor, label = choose_identity(None, setup.workspace)
    assert fake.preselected == "RP — Rode Partij (5 zetels)"
    assert label == "Ruud Rood (RP)"
