"""Starting the application: QApplication, settings location, icon, crash dialog, first window.

A launch with a file while the application already runs hands the file over
(``instance``) and ends; otherwise this launch becomes the application and
opens the file (``launch``): a workspace in its window, a package in its
preview.
"""

from __future__ import annotations

import ctypes
import os
import sys
import traceback

from PySide6.QtCore import QLibraryInfo, QSettings, QSize, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from raadsakkoord import __version__
from raadsakkoord.base import i18n, paths
from raadsakkoord.base.errors import UserError
from raadsakkoord.base.i18n import tr


def make_none_immortal() -> None:
    """Work around a PySide6 reference-count bug on Python 3.11.

    Some PySide6 6.x calls that return None drop a reference to None they
    never took (see raadsakkoord/export/odt.py, whose Qt writer met it first). In a
    long working day of typing, each keystroke's signal handling can do that,
    and when None's count reaches zero the interpreter aborts ("none_dealloc")
    — at exit, or in the middle of writing. Python 3.12 made None immortal;
    here we do the same by hand, once, by raising its count far beyond reach.
    """
    if sys.version_info >= (3, 12):
        return
    # True and False have met the same fate ("bool_dealloc", once, at the end of a test run).
    for constant in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(constant))  # ob_refcnt, the first field of every object
        if count.value < 1 << 40:
            count.value += 1 << 40


DESKTOP_ID = "nl.raadsakkoord.Raadsakkoord"  # the freedesktop entry in resources/desktop/
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def application_icon() -> QIcon:
    icon = QIcon()
    folder = paths.resources_dir() / "icons" / "png"
    for size in ICON_SIZES:
        icon.addFile(str(folder / f"raadsakkoord-{size}.png"), QSize(size, size))
    return icon


def configure_application(app: QApplication) -> None:
    app.setApplicationName("Raadsakkoord")
    app.setOrganizationName("Raadsakkoord")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(application_icon())
    # Wayland and the task bar match the window to its desktop entry (and its icon) by this name.
    app.setDesktopFileName(DESKTOP_ID)
    # Hints such as the default round name carry information, and selected rows are read all day:
    # both keep the 4.5:1 contrast of ordinary text.
    from ui.common.contrast import readable_palette
    from ui.common.focusring import FocusRingStyle

    if not isinstance(app.style(), FocusRingStyle):  # before the palette: a new style brings its own
        app.setStyle(FocusRingStyle(app.style().name()))
    app.setPalette(readable_palette(app.palette()))
    # Settings live beside the user's other data (one module owns paths), as INI.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(paths.data_dir()))


def apply_language(app: QApplication) -> QTranslator | None:
    """The language chosen in the settings, for our texts and for Qt's own dialogs and buttons.

    Returns Qt's translator when one was installed (tests remove it again).
    """
    from ui.shell.settingsdialog import current_language_setting

    language = i18n.set_language(current_language_setting())
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{language}", folder):
        app.installTranslator(translator)
        return translator
    return None


def _install_excepthook(window) -> None:
    from ui.common import messages

    def hook(kind, value, tb):
        text = "".join(traceback.format_exception(kind, value, tb))
        print(text, file=sys.stderr)
        # The application keeps running: the dialog offers the details to copy for the helpdesk.
        messages.show_bug(window, f"{kind.__name__}: {value}", text)

    sys.excepthook = hook


def _check_display() -> None:
    # Without a display Qt aborts the process; say why in one line instead.
    if (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
        raise UserError(tr(
            "Geen beeldscherm gevonden (DISPLAY en WAYLAND_DISPLAY zijn niet gezet); "
            "start de applicatie in een grafische sessie."))


def start(target: str | None = None, *, demo: bool = False):
    """Everything before the event loop: the Launcher of this application, or None when a running one took over."""
    _check_display()
    if demo:
        if target:
            raise UserError(tr("Geef een werkruimte óf --demo, niet allebei."))
        from raadsakkoord.demo import ensure_demo_workspace  # the demo texts only when asked for

        target = ensure_demo_workspace()
    make_none_immortal()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    configure_application(app)
    from ui.common.collector import collect_on_gui_thread

    collect_on_gui_thread(app)
    from ui.shell import instance

    if instance.hand_over(target):
        return None
    apply_language(app)
    from ui.shell.launch import FileOpenEvents, Launcher

    launcher = Launcher()
    app.installEventFilter(FileOpenEvents(launcher.open, app))
    launcher.server = instance.InstanceServer(app)
    launcher.server.listen()  # without it (no socket allowed) the application still works, alone
    launcher.server.received.connect(launcher.open)
    window = launcher.new_window()
    _install_excepthook(window)
    from ui.shell import startprobe

    startprobe.install(app, window)
    if target:
        launcher.open(target)
    return launcher


def event_loop(launcher) -> int:
    """Until the last window closes."""
    return QApplication.instance().exec()


def run(target: str | None = None, *, demo: bool = False) -> int:
    launcher = start(target, demo=demo)
    if launcher is None:
        return 0
    return event_loop(launcher)
