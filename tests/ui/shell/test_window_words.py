"""The window speaks the glossary's words, shows each role only its own actions, and F1 explains that role's work."""

from __future__ import annotations

import json
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from raadsakkoord.base import paths
from raadsakkoord.store.workspace import open_workspace
from tests.ui.conftest import griffie_identity, party_identity
from ui.shell import aboutdialog


def _menu_paths(window) -> dict[str, set[str]]:
    """Each menu of the menu bar with the texts of its visible actions, without mnemonics and dots."""
    def plain(text: str) -> str:
        return text.replace("&", "").rstrip("…").strip()

    paths = {}
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            paths[plain(menu.title())] = {plain(a.text()) for a in menu.actions() if a.isVisible() and a.text()}
    return paths


def _open(window, demo_path, who):
    ws = open_workspace(demo_path)
    identity = who(ws)
    ws.close()
    assert window.open_workspace(demo_path, identity)


@pytest.mark.parametrize("role", ["griffie", "party"])
def test_help_names_only_menus_that_exist_for_that_role(window, demo_path, dialogs, role):
    _open(window, demo_path, (lambda ws: griffie_identity()) if role == "griffie" else
          (lambda ws: party_identity(ws, "SP")))
    window.help_action.trigger()
    title, text = dialogs.shown[-1]
    assert title == "Hulp" and text == aboutdialog.help_text(role == "griffie")
    menus = _menu_paths(window)
    named = re.findall(r"(\w+) → ([^.,;(]+?)(?:…|\s(?:legt|toont|en|geven|maakt|\()|[.,;])", text)
    for menu, item in named:
        assert item.strip() in menus.get(menu, set()), (menu, item, menus.get(menu))
    if role == "griffie":
        assert {("Griffie", "Ronde publiceren"), ("Griffie", "Ontvangen pakketten"), ("Griffie", "Logboek"),
                ("Beeld", "Steunmatrix"), ("Bestand", "Exporteren")} <= {(m, i.strip()) for m, i in named}
        assert "Consolidatie" in text and "Ctrl+S opslaan" not in text
    else:
        assert "Amendement schrijven" in text and "Ctrl+S opslaan" in text


def test_the_griffie_is_not_offered_to_save_an_amendment(window, demo_path):
    _open(window, demo_path, lambda ws: griffie_identity())
    assert not window.save_action.isVisible()
    assert "Ontwerp opslaan" not in _menu_paths(window)["Bestand"]
    assert all(a is not window.save_action or not a.isVisible() for a in window.toolbar.actions())
    _open(window, demo_path, lambda ws: party_identity(ws, "SP"))
    assert window.save_action.isVisible() and "Ontwerp opslaan" in _menu_paths(window)["Bestand"]


def test_the_visible_words_of_the_window_follow_the_glossary(window, demo_path):
    glossary = json.loads(paths.resource("i18n", "glossary.json").read_text(encoding="utf-8"))
    _open(window, demo_path, lambda ws: griffie_identity())
    shown = [a.text() for a in window.findChildren(QAction) if a.isVisible()]
    model = window.navigator.model
    shown += [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    text = "\n".join(t.replace("&", "") for t in shown if t)
    for entry in glossary["forbidden"]:
        assert entry["word"].replace("&", "") not in text, entry
    assert "Ontvangen pakketten" in text and "Leesbaar" in text


@pytest.mark.parametrize("role", ["griffie", "fractie"])
def test_the_menu_bar_speaks_dutch_with_one_letter_per_menu(window, demo_path, role):
    if role == "griffie":
        identity = griffie_identity()
    else:
        workspace = open_workspace(demo_path)
        identity = party_identity(workspace, "GL")
        workspace.close()
    assert window.open_workspace(demo_path, identity)
    titles = [a.text() for a in window.menuBar().actions() if a.isVisible()]
    assert titles == ["&Bestand", "Be&werken", "Beel&d", "Griffi&e" if role == "griffie" else "&Uitwisseling",
                      "&Hulp"]
    letters = [re.search(r"&(\w)", title).group(1).casefold() for title in titles]
    assert len(set(letters)) == len(letters)
    assert [a.text() for a in window.help_menu.actions()] == ["&Hulp bij Raadsakkoord", "&Over Raadsakkoord"]
