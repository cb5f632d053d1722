"""Opens the main window on the demo, visits every view and tab, and prints how narrow each lets the window be.

    QT_QPA_PLATFORM=offscreen [QT_SCALE_FACTOR=2] python -m tests.ui.shell.widest [--font POINTS]

Run as its own process by tests/ui/shell/test_screens_at_scale.py, because a
scale factor holds for a whole process and a font for the whole application.
Prints one JSON object: per view the minimum width (device-independent
pixels) of the window and of its central widget, the window's minimum height, and what a user would see
at that width.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--font", type=float, default=0.0)
    args = parser.parse_args()
    os.environ.setdefault("RAADSAKKOORD_DATA_DIR", tempfile.mkdtemp(prefix="raadsakkoord-widest-"))

    import sqlalchemy as sa
    from PySide6.QtWidgets import QApplication

    from raadsakkoord import operations as ops
    from raadsakkoord.demo import create_demo_workspace
    from raadsakkoord.model import Party
    from raadsakkoord.store.workspace import open_workspace
    from ui.common.background import TaskRunner
    from ui.shell import tools
    from ui.shell.app import configure_application, make_none_immortal
    from ui.shell.mainwindow import MainWindow
    from ui.shell.navigator import TITLE

    make_none_immortal()
    app = QApplication([])
    configure_application(app)
    if args.font:
        font = app.font()
        font.setPointSizeF(args.font)
        app.setFont(font)
    path = os.path.join(os.environ["RAADSAKKOORD_DATA_DIR"], "demo.raadsakkoord")
    create_demo_workspace(path).close()
    ws = open_workspace(path)
    with ws.action() as s:
        sp = s.scalars(sa.select(Party.id).where(Party.short_name == "SP")).one()
    ws.close()
    window = MainWindow(runner=TaskRunner(synchronous=True))
    window.show()
    result: dict = {"views": {}, "screen_dip": app.primaryScreen().size().width()}

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    def measure(name: str) -> None:
        settle()
        hint = window.minimumSizeHint()
        result["views"][name] = {"window": hint.width(), "height": hint.height(),
                                 "central": window.centralWidget().minimumSizeHint().width()}

    def section(title: str):
        return next(s for c in window.outline.chapters for s in c.sections if s.title == title)

    window.open_workspace(path, (ops.Actor.griffie("Griet Griffier"), "Griet Griffier (griffie)"))
    window.navigator.select(section("Meedoen zonder geldzorgen").id)
    view = window.work.section_view
    for index in range(view.count()):
        if view.isTabVisible(index):
            view.setCurrentIndex(index)
            measure("hoofdlijn: " + view.tabText(index).replace("&", ""))
    for name, show in (("steunmatrix", tools.show_support), ("uitwerkingsagenda", tools.show_agenda),
                       ("ontvangen pakketten", tools.show_inbox), ("logboek", tools.show_audit)):
        show(window)
        measure(name)

    # At the narrowest the window allows: what is left of a title, of the preview, and the filter bars' rows.
    window.resize(window.minimumSizeHint().width(), 900)
    window.work.setCurrentIndex(0)
    view.setCurrentIndex(view.count() - 1)
    settle()
    consolidation = view.consolidation
    average = window.fontMetrics().averageCharWidth()
    tree = window.navigator.tree
    result["narrowest"] = {
        "title_characters": tree.header().sectionSize(TITLE) // average,
        "preview_characters": consolidation.preview_view.viewport().width() // average,
    }
    window.work.close_editors()
    window.open_workspace(path, (ops.Actor.of_party(sp, "Jannie Hadders"), "Jannie Hadders (SP)"))
    window.navigator.select(section("Meedoen zonder geldzorgen").id)
    view.write_button.click()
    measure("amendement schrijven")
    editor = window.work.current_editor()
    editor.model.saved_fields = editor.model.state.fields()  # nothing typed: no question on closing
    window.work.close_editors()
    print(json.dumps(result))
    window.close()
    for widget in app.topLevelWidgets():
        widget.deleteLater()
    settle()


if __name__ == "__main__":
    main()
