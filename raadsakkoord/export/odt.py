"""OpenDocument text through Qt's own ODF writer: an open format beside any Word file.

The one module of the core that imports Qt, for as long as ODT has no
writer of its own; a QGuiApplication must exist (``ensure_gui_application``,
called at the edge). The PDF does not need Qt (see ``pdf``).

PySide6 6.12 on Python 3.11 drops a reference to None on every call that
returns None (setters, painter calls, null results): after a long document
the interpreter aborted at exit ("none_dealloc"), with the file written but
exit status 134. ``_keep_none_alive`` gives back what such calls took.
Python 3.12 made None immortal, so there nothing is needed.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
    QTextDocument,
    QTextDocumentWriter,
)

from raadsakkoord.base import paths
from raadsakkoord.base.errors import UserError
from raadsakkoord.base.files import atomic_path
from raadsakkoord.base.i18n import tr
from raadsakkoord.export import qt_html
from raadsakkoord.export.amendments import AmendmentBook
from raadsakkoord.export.document import AgreementDocument, TaskAgenda
from raadsakkoord.export.odt_outline import outline

FAMILY = "DejaVu Sans"
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf")
BODY_PT = 10

_registered = False


def register_fonts() -> None:
    """Use the shipped DejaVu Sans, so every machine makes the same document with every diacritic."""
    global _registered
    if _registered:
        return
    folder = paths.fonts_dir()
    for name in FONT_FILES:
        if QFontDatabase.addApplicationFont(str(folder / name)) < 0:
            raise UserError(tr("Het lettertype {font} ontbreekt in {folder}; installeer Raadsakkoord opnieuw.").format(
                font=name, folder=folder))
    _registered = True


def body_font() -> QFont:
    font = QFont(FAMILY)
    font.setPointSizeF(BODY_PT)
    # Ligatures would turn "griffie" into "gri\ufb03e" for search and copy.
    font.setFeature(QFont.Tag("liga"), 0)
    return font


def _html_for(data):
    if isinstance(data, AgreementDocument):
        return qt_html.agreement(data, {}), data.meta.title
    if isinstance(data, TaskAgenda):
        return qt_html.task_agenda(data, {}), f"Uitwerkingsagenda {data.meta.title}"
    if isinstance(data, AmendmentBook):
        return qt_html.amendment_book(data, {}), f"Amendementenboek {data.meta.title}"
    raise TypeError(type(data))


@contextlib.contextmanager
def _keep_none_alive() -> Iterator[None]:
    if sys.version_info >= (3, 12):
        yield
        return
    before = sys.getrefcount(None)
    try:
        yield
    finally:
        # Giving back a few too many (for references legitimately dropped
        # meanwhile) is harmless: None is never freed anyway.
        incref = ctypes.pythonapi.Py_IncRef
        incref.argtypes = [ctypes.py_object]
        for _ in range(max(0, before - sys.getrefcount(None))):
            incref(None)


def write_odt(data, output: str | Path) -> None:
    """The publication as OpenDocument text, written whole or not at all."""
    register_fonts()
    (html, _toc), title = _html_for(data)
    doc = QTextDocument()
    doc.setDefaultFont(body_font())
    doc.setDefaultStyleSheet(qt_html.style())
    doc.setHtml(html)
    doc.setMetaInformation(QTextDocument.DocumentTitle, title)
    with _keep_none_alive(), atomic_path(output) as temp:
        writer = QTextDocumentWriter(str(temp), b"odf")
        if not writer.write(doc):
            raise UserError(tr("{path} kon niet als ODT worden geschreven; er is niets geschreven.").format(
                path=output))
        del writer  # the file is closed before it is rewritten
        outline(Path(temp), _roles(doc))


def _roles(doc: QTextDocument) -> dict[str, str]:
    """What each of Qt's automatic paragraph styles ("p7", after the block format's index) is, for ``outline``."""
    roles: dict[str, str] = {}
    shared: set[str] = set()  # formats of support lines that other paragraphs use as well
    block = doc.begin()
    while block.isValid():
        name = f"p{block.blockFormatIndex()}"
        level = block.blockFormat().headingLevel()
        if level:
            roles[name] = {1: "title", 2: "1", 3: "2"}.get(level, "")
        elif block.text().startswith("Steun: "):  # the support line under every section (qt_html)
            roles.setdefault(name, "support")
        elif block.text().strip():
            shared.add(name)
        block = block.next()
    return {name: role for name, role in roles.items() if role and not (role == "support" and name in shared)}


_app = None


def ensure_gui_application() -> None:
    """Qt lays out text only with a GUI application; create one without a window if needed.

    Done at the edge (the ``export`` command), so the writer never looks up
    a global application. Without a display Qt's offscreen platform does the job.
    """
    global _app
    if QGuiApplication.instance() is None:
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = QGuiApplication(["raadsakkoord"])
