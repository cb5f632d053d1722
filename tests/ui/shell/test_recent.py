"""The recent-workspaces list: most recent first, each once, eight at most, no passwords kept."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu

from raadsakkoord.base.errors import InputError
from raadsakkoord.store.workspace import remembered_target
from ui.shell.recent import MAX_ENTRIES, RecentWorkspaces, populate_menu


def _file(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"SQLite format 3\x00")
    return str(path)


def test_most_recent_first_without_duplicates(settings, tmp_path):
    recent = RecentWorkspaces()
    a, b = _file(tmp_path, "a.raadsakkoord"), _file(tmp_path, "b.raadsakkoord")
    recent.add(a)
    recent.add(b)
    recent.add(a)
    assert [e.target for e in recent.entries()] == [a, b]


def test_a_relative_path_and_the_same_absolute_path_are_one_entry(settings, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    a = _file(tmp_path, "a.raadsakkoord")
    recent = RecentWorkspaces()
    recent.add("a.raadsakkoord")
    recent.add(a)
    assert [e.target for e in recent.entries()] == [a]


def test_keeps_the_last_eight(settings, tmp_path):
    recent = RecentWorkspaces()
    files = [_file(tmp_path, f"w{i}.raadsakkoord") for i in range(MAX_ENTRIES + 3)]
    for path in files:
        recent.add(path)
    assert [e.target for e in recent.entries()] == list(reversed(files))[:MAX_ENTRIES]


def test_survives_a_new_settings_object(settings, tmp_path):
    # One entry: INI gives a list of one back as a plain string.
    a = _file(tmp_path, "a.raadsakkoord")
    RecentWorkspaces().add(a)
    assert [e.target for e in RecentWorkspaces().entries()] == [a]


def test_database_urls_are_kept_without_password(settings):
    recent = RecentWorkspaces()
    recent.add("postgresql://griffie:geheim@db.gemeente.nl/raadsakkoord")
    # The workspace's own label (driver and hidden password) is the same workspace.
    recent.add("postgresql+psycopg://griffie:***@db.gemeente.nl/raadsakkoord")
    entries = recent.entries()
    assert [e.target for e in entries] == ["postgresql://griffie@db.gemeente.nl/raadsakkoord"]
    assert entries[0].is_url and not entries[0].missing
    assert entries[0].label == "raadsakkoord @ db.gemeente.nl"
    stored = Path(settings.fileName()).read_text(encoding="utf-8")
    assert "geheim" not in stored and "***" not in stored


def test_missing_files_are_listed_and_marked(settings, tmp_path):
    recent = RecentWorkspaces()
    a = _file(tmp_path, "weg.raadsakkoord")
    recent.add(a)
    Path(a).unlink()
    [entry] = recent.entries()
    assert entry.missing and entry.label == "weg.raadsakkoord (niet gevonden)"


def test_remove_and_clear(settings, tmp_path):
    recent = RecentWorkspaces()
    a, b = _file(tmp_path, "a.raadsakkoord"), _file(tmp_path, "b.raadsakkoord")
    recent.add(a)
    recent.add(b)
    recent.add("postgresql://griffie@db/raadsakkoord")
    recent.remove(a)
    recent.remove("postgresql://griffie:geheim@db/raadsakkoord")
    assert [e.target for e in recent.entries()] == [b]
    recent.clear()
    assert recent.entries() == []


def test_refuses_what_is_no_workspace_target(settings):
    with pytest.raises(InputError, match="niet ondersteund"):
        RecentWorkspaces().add("mysql://x@y/z")
    with pytest.raises(InputError):
        remembered_target("   ")


def test_menu_opens_entries_and_offers_to_drop_missing_ones(settings, tmp_path, said, qtbot):
    recent = RecentWorkspaces()
    gone, here = _file(tmp_path, "weg.raadsakkoord"), _file(tmp_path, "hier.raadsakkoord")
    recent.add(gone)
    recent.add(here)
    Path(gone).unlink()
    menu = QMenu()
    qtbot.addWidget(menu)
    opened = []
    populate_menu(menu, recent, opened.append)
    texts = [a.text() for a in menu.actions()]
    assert texts == ["&1 hier.raadsakkoord", "&2 weg.raadsakkoord (niet gevonden)", "", "Lijst &wissen"]
    menu.actions()[0].trigger()
    assert opened == [here]
    said.answer = True
    menu.actions()[1].trigger()
    assert opened == [here] and "bestaat niet meer" in said.questions[0]
    assert [e.target for e in recent.entries()] == [here]
    populate_menu(menu, recent, opened.append)
    menu.actions()[-1].trigger()
    assert recent.entries() == []
    populate_menu(menu, recent, opened.append)
    assert [(a.text(), a.isEnabled()) for a in menu.actions()] == [("(nog geen werkruimten geopend)", False)]
