"""Automatic saving never makes the window wait for the workspace's write lock.

Another connection holds SQLite's write lock (``BEGIN IMMEDIATE``), as an
import in the worker process does for as long as it runs. The editor's
automatic save used to wait for it on the GUI thread, up to the busy
timeout, and the window froze.
"""

from __future__ import annotations

import sqlite3
import threading

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor

from raadsakkoord import operations as ops
from raadsakkoord.model import Amendment, Autosave
from raadsakkoord.store.workspace import open_workspace
from tests.ui.conftest import party_identity

LONG = 30_000
TYPED = " Ook komen er nestkasten voor gierzwaluwen."


@pytest.fixture
def sp(demo_path):
    workspace = open_workspace(demo_path)
    identity = party_identity(workspace, "SP", "Jannie Hadders")
    workspace.close()
    return identity


@pytest.fixture
def editor(make_window, demo_path, sp, qtbot):
    window = make_window(synchronous=False)  # the real thread pool
    assert window.open_workspace(demo_path, sp)
    qtbot.waitUntil(lambda: window.work.section_view.detail is not None, timeout=LONG)
    window.work.section_view.write_button.click()
    editor = window.work.current_editor()
    qtbot.keyClicks(editor.headline_edit, "Gierzwaluwen")
    editor.text_edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor.text_edit, TYPED)
    editor.said = []
    editor.status.connect(editor.said.append)
    yield editor
    assert window.runner.wait()


@pytest.fixture
def lock(demo_path):
    """The workspace's write lock, held by another connection until released."""
    holder = sqlite3.connect(demo_path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    yield holder
    holder.close()


def _buffers(demo_path, actor) -> list[ops.UnsavedDraft]:
    workspace = open_workspace(demo_path)
    try:
        with workspace.action() as s:
            return ops.unsaved_drafts(s, actor)
    finally:
        workspace.close()


def test_the_window_keeps_working_while_an_autosave_waits_for_the_lock(editor, lock, demo_path, sp, qtbot):
    seen = []

    def meanwhile():  # the window's own timer: it fires only when the GUI thread is free
        seen.append((editor.autosaved_key, list(editor.said)))
        lock.rollback()  # the import is done

    QTimer.singleShot(50, meanwhile)
    editor.autosave()
    qtbot.waitUntil(lambda: bool(seen), timeout=LONG)
    # The timer fired while the write still waited for the lock: nothing written, nothing failed yet.
    assert seen == [(None, [])]
    qtbot.waitUntil(lambda: editor.autosaved_key is not None, timeout=LONG)
    assert editor.said == []
    [buffer] = _buffers(demo_path, sp[0])
    assert buffer.fields["headline"] == "Gierzwaluwen" and buffer.fields["text"].endswith(TYPED)


def test_only_the_newest_buffer_lands_last(editor, lock, demo_path, sp, qtbot):
    editor.autosave()
    for more in (" Een.", " Twee.", " Drie."):
        qtbot.keyClicks(editor.text_edit, more)
        editor.autosave()
    QTimer.singleShot(50, lock.rollback)
    qtbot.waitUntil(lambda: editor.autosaved_key is not None and not editor.autosaver.busy, timeout=LONG)
    [buffer] = _buffers(demo_path, sp[0])
    assert buffer.fields["text"].endswith(TYPED + " Een. Twee. Drie.")


def test_a_draft_thrown_away_while_its_autosave_waits_does_not_come_back(editor, lock, demo_path, sp, qtbot,
                                                                         dialogs):
    autosaver = editor.autosaver
    editor.autosave()
    dialogs.close_choice = "discard"
    assert editor.request_close()  # at once: throwing away waits for the lock off the GUI thread too
    QTimer.singleShot(50, lock.rollback)
    qtbot.waitUntil(lambda: not autosaver.busy, timeout=LONG)
    assert _buffers(demo_path, sp[0]) == []


def test_saving_while_an_autosave_waits_leaves_no_buffer_behind(editor, lock, demo_path, sp, qtbot):
    editor.autosave()
    # Saving is a deliberate click and waits for the lock itself; another thread ends the import.
    threading.Timer(0.2, lock.rollback).start()
    assert editor.save()
    qtbot.waitUntil(lambda: not editor.autosaver.busy, timeout=LONG)
    assert _buffers(demo_path, sp[0]) == []
    assert not editor.model.is_dirty
    workspace = open_workspace(demo_path)
    try:
        with workspace.action() as s:
            assert s.scalar(sa.select(sa.func.count()).where(Amendment.headline == "Gierzwaluwen")) == 1
            assert s.scalar(sa.select(sa.func.count()).select_from(Autosave)) == 0
    finally:
        workspace.close()
