"""The most recently opened workspaces, kept in the application's settings.

Database URLs are stored without their password: the settings file is a
plain INI file in the user's data folder, and a password there would be
readable by anyone who copies that folder. Reopening such a URL asks for the
password again (``ui.shell.opendialogs.ask_database_url(parent, initial=url)``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from raadsakkoord.base.errors import UserError
from raadsakkoord.base.i18n import tr
from raadsakkoord.store.workspace import remembered_target, target_name
from ui.common import messages

MAX_ENTRIES = 8
SETTINGS_KEY = "recent/workspaces"


@dataclass(frozen=True)
class RecentEntry:
    target: str  # an absolute file path, or a database URL without password
    is_url: bool
    missing: bool  # a file that is no longer there

    @property
    def name(self) -> str:
        """Short text for a menu: the file name, or the database and its server."""
        return target_name(self.target)

    @property
    def label(self) -> str:
        if self.missing:
            return tr("{name} (niet gevonden)").format(name=self.name)
        return self.name


class RecentWorkspaces:
    """The last ``MAX_ENTRIES`` workspaces, most recent first, each once."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings if settings is not None else QSettings()

    def _targets(self) -> list[str]:
        value = self._settings.value(SETTINGS_KEY, [])
        if isinstance(value, str):  # an INI list of one comes back as a plain string
            value = [value]
        return [str(v) for v in value or [] if str(v).strip()]

    def _store(self, targets: list[str]) -> None:
        if targets:
            self._settings.setValue(SETTINGS_KEY, targets[:MAX_ENTRIES])
        else:
            self._settings.remove(SETTINGS_KEY)
        self._settings.sync()

    def entries(self) -> list[RecentEntry]:
        result = []
        for target in self._targets():
            is_url = "://" in target
            result.append(RecentEntry(target, is_url, missing=not is_url and not Path(target).is_file()))
        return result

    def add(self, target: str) -> None:
        """Put the workspace first (after it was opened); raises InputError for a non-target."""
        remembered = remembered_target(target)
        rest = [t for t in self._targets() if t != remembered]
        self._store([remembered, *rest])

    def remove(self, target: str) -> None:
        try:
            remembered = remembered_target(target)
        except UserError:  # an entry that no longer parses is removed as written
            remembered = target
        self._store([t for t in self._targets() if t not in (remembered, target)])

    def clear(self) -> None:
        self._store([])


def populate_menu(menu: QMenu, recent: RecentWorkspaces, open_target: Callable[[str], None],
                  parent: QWidget | None = None) -> None:
    """Fill a "Recent geopend" menu; call it again from ``menu.aboutToShow`` to refresh.

    A file that is gone stays listed, marked; choosing it offers to take it
    off the list instead of failing to open.
    """
    menu.clear()
    entries = recent.entries()
    for number, entry in enumerate(entries, start=1):
        action = QAction(f"&{number} {entry.label.replace('&', '&&')}", menu)
        action.setToolTip(entry.target)
        action.setStatusTip(entry.target)
        action.triggered.connect(lambda _checked=False, e=entry: _choose(e, recent, open_target, parent))
        menu.addAction(action)
    if entries:
        menu.addSeparator()
        clear = QAction(tr("Lijst &wissen"), menu)
        clear.triggered.connect(recent.clear)
        menu.addAction(clear)
    else:
        empty = QAction(tr("(nog geen werkruimten geopend)"), menu)
        empty.setEnabled(False)
        menu.addAction(empty)
    menu.setToolTipsVisible(True)


def _choose(entry: RecentEntry, recent: RecentWorkspaces, open_target: Callable[[str], None],
            parent: QWidget | None) -> None:
    if entry.missing and not Path(entry.target).is_file():
        if messages.ask(parent, tr("Werkruimte niet gevonden"),
                        tr("{path} bestaat niet meer (verplaatst, hernoemd of op een schijf die nu "
                           "niet is aangesloten).").format(path=entry.target),
                        yes=tr("Uit de lijst halen"), no=tr("Laten staan")):
            recent.remove(entry.target)
        return
    open_target(entry.target)
