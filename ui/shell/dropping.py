"""Files dropped on the main window: packages are read into the open workspace; anything else is
opened as a workspace."""

from __future__ import annotations

from PySide6.QtCore import QMimeData

from raadsakkoord.base.i18n import tr
from ui.common import messages


def accepts(mime: QMimeData) -> bool:
    return mime.hasUrls() and all(url.isLocalFile() for url in mime.urls())


def dropped_paths(mime: QMimeData) -> list[str]:
    return [url.toLocalFile() for url in mime.urls()]


def open_dropped(window, paths: list[str]) -> None:
    from ui.exchange.packages import PACKAGE_SUFFIX

    packages = [p for p in paths if p.lower().endswith(PACKAGE_SUFFIX)]
    if packages:
        if window.ctx is None:
            messages.show_error(window, tr("Pakketten inlezen"),
                                tr("Open eerst de werkruimte waarin de pakketten moeten worden ingelezen."))
            return
        window.import_packages(packages)
        return
    window.open_workspace(paths[0])
