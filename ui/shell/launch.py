"""The application's windows, and the files it is asked to open: by its command line or a later launch.

One window per workspace: a workspace that is open already comes to the
front instead of opening twice. A package (``.rkpkg``) opens its preview in
the workspace worked in last: the window that was active, or else the last
workspace used, or else the clerk is asked to choose one.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from raadsakkoord.base.errors import UserError
from raadsakkoord.base.i18n import tr
from raadsakkoord.store.workspace import remembered_target
from ui.common import messages
from ui.shell import packageactions
from ui.shell.mainwindow import MainWindow

PACKAGE_SUFFIX = ".rkpkg"


def is_package(target: str) -> bool:
    return "://" not in target and target.lower().endswith(PACKAGE_SUFFIX)


def _same_workspace(a: str, b: str) -> bool:
    try:
        return remembered_target(a) == remembered_target(b)
    except UserError:
        return False


class Launcher:
    def __init__(self, make_window: Callable[[], MainWindow] = MainWindow) -> None:
        self._make_window = make_window
        self.windows: list[MainWindow] = []
        self.server = None  # the InstanceServer that hands this application files, kept alive with it

    def new_window(self) -> MainWindow:
        window = self._make_window()
        self.windows.append(window)
        window.show()
        return window

    def open(self, target: str) -> None:
        """Open a workspace or a package; "" brings the application to the front."""
        if not target:
            self._present(self._window_without_workspace() or self._last_window() or self.new_window())
        elif is_package(target):
            self.open_package(target)
        else:
            self.open_workspace(target)

    def open_workspace(self, target: str) -> None:
        for window in self._open_windows():
            if window.ctx is not None and _same_workspace(window.ctx.workspace.target, target):
                self._present(window)
                return
        window = self._window_without_workspace()
        if window is None:
            window = self.new_window()
        self._present(window)
        window.open_workspace(target)

    def open_package(self, path: str) -> None:
        window = self._last_window(with_workspace=True)
        if window is not None:
            self._present(window)
            packageactions.open_package_file(window, path)
            return
        window = self._window_without_workspace() or self.new_window()
        self._present(window)
        last = next((entry.target for entry in window.recent.entries() if not entry.missing), None)
        if last is not None and window.open_workspace(last):
            packageactions.open_package_file(window, path)
            return
        if messages.ask(window, tr("Pakket inlezen"), tr(
                "In welke werkruimte moet {name} worden ingelezen? Er is nog geen werkruimte geopend; kies de "
                "werkruimte van de griffie of van uw fractie.").format(name=Path(path).name),
                yes=tr("Werkruimte kiezen…"), no=tr("Annuleren")):
            window.choose_workspace()
            if window.ctx is not None:
                packageactions.open_package_file(window, path)

    def _open_windows(self) -> list[MainWindow]:
        self.windows = [w for w in self.windows if w.isVisible()]  # a closed window has closed its workspace
        return self.windows

    def _window_without_workspace(self) -> MainWindow | None:
        return next((w for w in self._open_windows() if w.ctx is None), None)

    def _last_window(self, *, with_workspace: bool = False) -> MainWindow | None:
        windows = [w for w in self._open_windows() if w.ctx is not None or not with_workspace]
        active = QApplication.activeWindow()
        if active in windows:
            return active
        return windows[-1] if windows else None

    @staticmethod
    def _present(window: MainWindow) -> None:
        window.show()
        window.raise_()
        window.activateWindow()


class FileOpenEvents(QObject):
    """macOS hands a file double-clicked in the Finder to the application as an event, not as an argument."""

    def __init__(self, open_file: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._open_file = open_file

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and event.file():
            self._open_file(event.file())
            return True
        return False
