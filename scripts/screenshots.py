"""Screenshots of the main screens on the demo workspace, for looking at (and for the README).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [FOLDER]

Writes PNGs into FOLDER (default: screenshots/, which git ignores). Runs the
real window on a fresh copy of the demo, as a member of the SP.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("RAADSAKKOORD_DATA_DIR", tempfile.mkdtemp(prefix="raadsakkoord-shots-"))

import sqlalchemy as sa  # noqa: E402
from PySide6.QtGui import QTextCursor  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from raadsakkoord import operations as ops  # noqa: E402
from raadsakkoord.demo import create_demo_workspace  # noqa: E402
from raadsakkoord.model import Party  # noqa: E402
from ui.shell.app import configure_application, make_none_immortal  # noqa: E402
from ui.shell.mainwindow import MainWindow  # noqa: E402
from ui.shell.sectionview import AMENDMENTS  # noqa: E402
from ui.common.background import TaskRunner  # noqa: E402


def settle(app: QApplication, rounds: int = 30) -> None:
    for _ in range(rounds):
        app.processEvents()
        QTest.qWait(10)


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    make_none_immortal()
    app = QApplication([])
    configure_application(app)
    path = Path(os.environ["RAADSAKKOORD_DATA_DIR"]) / "demo.raadsakkoord"
    create_demo_workspace(str(path)).close()
    window = MainWindow(runner=TaskRunner(synchronous=True))
    window.resize(1400, 860)
    window.show()
    from raadsakkoord.store.workspace import open_workspace

    ws = open_workspace(str(path))
    with ws.action() as s:
        party = s.scalars(sa.select(Party).where(Party.short_name == "SP")).one()
        actor = ops.Actor.of_party(party.id, "Jannie Hadders")
    ws.close()
    window.open_workspace(str(path), (actor, "Jannie Hadders (SP)"))
    settle(app)

    def shot(name: str, widget=None) -> None:
        settle(app)
        (widget or window).grab().save(str(folder / name))
        print(folder / name)

    # A section with amendments from several parties.
    busiest = max((s for c in window.outline.chapters for s in c.sections),
                  key=lambda s: window.navigator.model.find_section(s.id).siblingAtColumn(2).data() or "0")
    window.navigator.select(busiest.id)
    shot("hoofdvenster.png")
    window.work.section_view.setCurrentIndex(AMENDMENTS)
    shot("amendementen.png")
    window.work.section_view.setCurrentIndex(1)
    shot("wijzigingen.png")
    window.work.section_view.setCurrentIndex(2)
    shot("geschiedenis.png")
    window.work.section_view.setCurrentIndex(0)

    window.work.section_view.write_button.click()
    editor = window.work.current_editor()
    QTest.keyClicks(editor.headline_edit, "Nestkasten ook voor gierzwaluwen")
    editor.text_edit.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor.text_edit, " Teneinde de gierzwaluw te beschermen hangen we in elke nieuwe wijk "
                                      "nestkasten op, in overleg met de vogelwerkgroep en de bewoners van de wijk.")
    editor.text_edit.moveCursor(QTextCursor.MoveOperation.Start)
    QTest.qWait(400)
    shot("amendement-schrijven.png")

    window.show_readability()
    settle(app)
    shot("leesbaarheid.png", window.readability_dialog)
    window.readability_dialog.close()
    editor.model.saved_fields = editor.model.state.fields()  # no "unsaved" question on quit
    window.work.close_editors()
    window.close()


if __name__ == "__main__":
    main()
