"""Who is working: the griffie or one party, and the person's name.

Remembered per workspace in the settings, so reopening the same workspace
does not ask again. The settings key is a hash of the workspace's label
(its path or password-less URL): the key stays short and valid whatever
characters the path holds.
"""

from __future__ import annotations

import getpass
import hashlib

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from raadsakkoord.base.i18n import tr, trn
from raadsakkoord.operations import Actor
from raadsakkoord.queries.identity import Role, roles, signing_role_key
from raadsakkoord.store.logins import Login
from raadsakkoord.store.workspace import Workspace

LAST_NAME_KEY = "identity/last_name"
MAX_NAME = 120


def _settings_group(workspace: Workspace) -> str:
    digest = hashlib.sha256(workspace.label.encode("utf-8")).hexdigest()[:20]
    return f"identity/{digest}"


def default_person_name(settings: QSettings | None = None) -> str:
    """The last name typed in this application, else the computer's login name."""
    settings = settings if settings is not None else QSettings()
    name = str(settings.value(LAST_NAME_KEY, "") or "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def load_roles(workspace: Workspace) -> tuple[list[Role], str | None]:
    """The griffie and every party of the agreement, and the role this workspace signs as (if any)."""
    with workspace.action() as session:
        return roles(session), signing_role_key(session)


def role_text(role: Role) -> str:
    """"GL — Groene Lijst (7 zetels)"; "VVD (3 zetels)" when the name says no more than the short name."""
    if role.party_id is None:
        return tr("Griffie")
    seats = trn("{n} zetel", "{n} zetels", role.seats).format(n=role.seats)
    if role.name.strip().casefold() in ("", role.short_name.casefold()):
        return f"{role.short_name} ({seats})"
    return f"{role.short_name} — {role.name} ({seats})"


def actor_label(role: Role, person: str) -> str:
    """"Gerda Groen (GL)" or "Griet Griffier (griffie)"."""
    if role.party_id is None:
        return tr("{person} (griffie)").format(person=person)
    return f"{person} ({role.short_name})"


def actor_for(role: Role, person: str) -> Actor:
    return Actor.griffie(person) if role.party_id is None else Actor.of_party(role.party_id, person)


def login_identity(login: Login) -> tuple[Actor, str]:
    """"gerda (GL)", "griet (griffie)", "lars (lezer)": the actor is the login, read-only."""
    return login.actor, f"{login.name} ({login.group_label})"


class IdentityDialog(QDialog):
    """Choose the role (griffie or a party) and type one's name."""

    def __init__(self, roles: list[Role], *, person: str = "", selected: str | None = None,
                 workspace_label: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Wie werkt er?"))
        self._roles = roles
        intro = QLabel(tr("Kies of u namens de griffie of namens een fractie werkt. Wat u doet, wordt "
                          "onder deze naam vastgelegd."))
        intro.setWordWrap(True)
        self.role_list = QListWidget()
        self.role_list.setAccessibleName(tr("Griffie of fractie"))
        for role in roles:
            item = QListWidgetItem(role_text(role))
            item.setData(Qt.ItemDataRole.UserRole, role.key)
            if role.party_id is None:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.role_list.addItem(item)
        self.role_list.setSpacing(2)
        row_height = self.role_list.sizeHintForRow(0) + 2 * self.role_list.spacing() if roles else 24
        self.role_list.setMinimumHeight(min(len(roles), 12) * row_height + 2 * self.role_list.frameWidth() + 4)
        roles_label = QLabel(tr("&Werken namens:"))
        roles_label.setBuddy(self.role_list)
        self.name_edit = QLineEdit(person)
        self.name_edit.setMaxLength(MAX_NAME)
        self.name_edit.setPlaceholderText(tr("Voornaam en achternaam"))
        self.name_edit.setToolTip(tr("Uw naam komt bij elke wijziging, elk amendement en elk standpunt "
                                     "dat u vastlegt."))
        form = QFormLayout()
        form.addRow(tr("Uw &naam:"), self.name_edit)
        self.buttons = QDialogButtonBox()
        self.accept_button = self.buttons.addButton(tr("Werken als griffie"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.accept_button.setDefault(True)
        self.buttons.addButton(tr("Annuleren"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        if workspace_label:
            where = QLabel(tr("Werkruimte: {label}").format(label=workspace_label))
            where.setWordWrap(True)
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(where)
        layout.addWidget(roles_label)
        layout.addWidget(self.role_list, 1)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.role_list, self.name_edit)
        self.setTabOrder(self.name_edit, self.accept_button)
        self.role_list.currentRowChanged.connect(self._update)
        self.role_list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.name_edit.textChanged.connect(self._update)
        self._select(selected)
        self._update()
        self.resize(480, self.sizeHint().height())

    def _select(self, key: str | None) -> None:
        for row, role in enumerate(self._roles):
            if role.key == key:
                self.role_list.setCurrentRow(row)
                return
        self.role_list.setCurrentRow(-1)

    def selected_role(self) -> Role | None:
        row = self.role_list.currentRow()
        return self._roles[row] if 0 <= row < len(self._roles) else None

    def person(self) -> str:
        return " ".join(self.name_edit.text().split())

    def _update(self, *_args) -> None:
        role = self.selected_role()
        if role is None:
            self.accept_button.setText(tr("Kies eerst griffie of fractie"))
        elif role.party_id is None:
            self.accept_button.setText(tr("Werken als griffie"))
        else:
            self.accept_button.setText(tr("Werken als {short}").format(short=role.short_name))
        self.accept_button.setEnabled(role is not None and bool(self.person()))

    def accept(self) -> None:
        if self.selected_role() is None or not self.person():
            return
        super().accept()


def _run_dialog(dialog: IdentityDialog) -> bool:
    """Shown modally; tests replace this (pytest-qt's advice on dialogs)."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def remembered_identity(workspace: Workspace, roles: list[Role],
                        settings: QSettings | None = None) -> tuple[Role, str] | None:
    settings = settings if settings is not None else QSettings()
    group = _settings_group(workspace)
    key = str(settings.value(f"{group}/role", "") or "")
    person = str(settings.value(f"{group}/person", "") or "").strip()
    role = next((r for r in roles if r.key == key), None)
    if role is None or not person:
        return None  # never chosen, or the party is no longer in the workspace
    return role, person


def remember_identity(workspace: Workspace, role: Role, person: str, settings: QSettings | None = None) -> None:
    settings = settings if settings is not None else QSettings()
    group = _settings_group(workspace)
    settings.setValue(f"{group}/role", role.key)
    settings.setValue(f"{group}/person", person)
    settings.setValue(LAST_NAME_KEY, person)
    settings.sync()


def forget_identity(workspace: Workspace) -> None:
    """For "Andere gebruiker…": the next ``choose_identity`` asks again."""
    settings = QSettings()
    settings.remove(_settings_group(workspace))
    settings.sync()


def choose_identity(parent: QWidget | None, workspace: Workspace, *,
                    remembered_only: bool = False) -> tuple[Actor, str] | None:
    """The (Actor, label) to work as in this workspace; asks unless remembered.

    With ``remembered_only`` it never asks: None means nothing valid is remembered.
    Raises UserError when the workspace cannot be read. On a shared database
    the person is their login, mapped to its group by the database: nothing
    to choose, nothing to remember.
    """
    if workspace.login is not None:
        return login_identity(workspace.login)
    roles, own_key = load_roles(workspace)
    remembered = remembered_identity(workspace, roles)
    if remembered is not None:
        role, person = remembered
        return actor_for(role, person), actor_label(role, person)
    if remembered_only:
        return None
    settings = QSettings()
    previous_key = str(settings.value(f"{_settings_group(workspace)}/role", "") or "") or None
    dialog = IdentityDialog(roles, person=default_person_name(settings), selected=previous_key or own_key,
                            workspace_label=workspace.label, parent=parent)
    try:
        if not _run_dialog(dialog):
            return None
        role, person = dialog.selected_role(), dialog.person()
    finally:
        dialog.deleteLater()
    remember_identity(workspace, role, person, settings)
    return actor_for(role, person), actor_label(role, person)
