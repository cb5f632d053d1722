"""After a crash, reopening the workspace offers back what was typed but never saved.

The first window runs in its own process, types into the editor, lets the
autosave timer do its work, and is killed with SIGKILL: no close event, no
chance to save. The second window, in the test, opens the same workspace.
"""

import os
import signal
import subprocess
import sys
import textwrap

import sqlalchemy as sa

from raadsakkoord.model import Amendment, Autosave
from raadsakkoord.store.workspace import open_workspace

TYPED = " Ook komen er nestkasten voor gierzwaluwen."

WRITER = textwrap.dedent("""
    import sys, time
    from PySide6.QtWidgets import QApplication
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest
    from raadsakkoord import operations as ops
    from raadsakkoord.model import Party
    from raadsakkoord.store.workspace import open_workspace
    import sqlalchemy as sa
    from ui.shell.app import configure_application
    from ui.shell.mainwindow import MainWindow

    path, typed = sys.argv[1], sys.argv[2]
    app = QApplication([])
    configure_application(app)
    workspace = open_workspace(path)
    with workspace.action() as s:
        party = s.scalars(sa.select(Party).where(Party.short_name == "SP")).one()
        actor = ops.Actor.of_party(party.id, "Jannie Hadders")
    workspace.close()
    window = MainWindow()
    window.show()
    window.open_workspace(path, (actor, "Jannie Hadders (SP)"))
    # Generous limits, each its own: only a writer that never gets there says TIMEOUT.
    deadline = time.monotonic() + 120
    while window.work.section_view.detail is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    window.work.section_view.write_button.click()
    editor = window.work.current_editor()
    QTest.keyClicks(editor.headline_edit, "Gierzwaluwen")
    editor.text_edit.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor.text_edit, typed)
    # Wait for the autosave timer, as a person would simply keep working.
    deadline = time.monotonic() + 120
    while editor.autosaved_key is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    print("AUTOSAVED" if editor.autosaved_key else "TIMEOUT", flush=True)
    while True:
        app.processEvents()
        time.sleep(0.05)
""")


def test_a_killed_window_offers_the_unsaved_draft_back(demo_path, make_window, dialogs, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    writer = subprocess.Popen([sys.executable, "-c", WRITER, demo_path, TYPED], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = writer.stdout.readline().strip()
    finally:
        writer.send_signal(signal.SIGKILL)
        _out, errors = writer.communicate(timeout=10)
    assert writer.returncode == -signal.SIGKILL
    assert line == "AUTOSAVED", errors

    workspace = open_workspace(demo_path)
    with workspace.action() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(Autosave)) == 1
        assert s.scalar(sa.select(sa.func.count()).where(Amendment.headline == "Gierzwaluwen")) == 0
        from raadsakkoord.model import Party
        from raadsakkoord import operations as ops
        party = s.scalars(sa.select(Party).where(Party.short_name == "SP")).one()
        actor = ops.Actor.of_party(party.id, "Jannie Hadders")
    workspace.close()

    dialogs.answers = [True]  # "Terugzetten"
    window = make_window()
    assert window.open_workspace(demo_path, (actor, "Jannie Hadders (SP)"))
    offered = [text for title, text in dialogs.shown if title == "Niet-opgeslagen ontwerp"]
    assert offered and "Gierzwaluwen" in offered[0]
    editor = window.work.current_editor()
    assert editor is not None and editor.model.is_dirty
    assert editor.headline_edit.text() == "Gierzwaluwen"
    assert editor.text_edit.toPlainText().endswith(TYPED)
    # The recovered typing is one undo step away from the section's own text.
    window.undo_action.trigger()
    assert not editor.text_edit.toPlainText().endswith(TYPED)
    window.redo_action.trigger()
    window.save_action.trigger()
    workspace = open_workspace(demo_path)
    with workspace.action() as s:
        assert s.scalar(sa.select(sa.func.count()).where(Amendment.headline == "Gierzwaluwen")) == 1
        assert s.scalar(sa.select(sa.func.count()).select_from(Autosave)) == 0
    workspace.close()


def test_declining_the_offer_discards_the_buffer(demo_path, make_window, dialogs):
    from raadsakkoord import operations as ops
    from raadsakkoord.model import Party, Section

    workspace = open_workspace(demo_path)
    with workspace.action() as s:
        party = s.scalars(sa.select(Party).where(Party.short_name == "SP")).one()
        section = s.scalars(sa.select(Section)).first()
        actor = ops.Actor.of_party(party.id, "Jannie Hadders")
        ops.autosave_draft(s, actor, f"modify:{section.id}", {"headline": "Weg ermee", "text": "x"})
    workspace.close()
    dialogs.answers = [False]  # "Weggooien"
    window = make_window()
    window.open_workspace(demo_path, (actor, "Jannie Hadders (SP)"))
    assert window.work.current_editor() is None
    workspace = open_workspace(demo_path)
    with workspace.action() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(Autosave)) == 0
    workspace.close()
