"""The main window's size, place, splitter and toolbar, kept in the settings from one session to the next."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

DEFAULT_SIZE = (1300, 820)


def restore(window: QMainWindow, splitter: QSplitter) -> None:
    settings = QSettings()
    geometry = settings.value("mainwindow/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    else:
        window.resize(*DEFAULT_SIZE)
    state = settings.value("mainwindow/splitter")
    if state is not None:
        splitter.restoreState(state)
    state = settings.value("mainwindow/state")
    if state is not None:
        window.restoreState(state)


def save(window: QMainWindow, splitter: QSplitter) -> None:
    settings = QSettings()
    settings.setValue("mainwindow/geometry", window.saveGeometry())
    settings.setValue("mainwindow/splitter", splitter.saveState())
    settings.setValue("mainwindow/state", window.saveState())
