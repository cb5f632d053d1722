"""The main window's actions, menus and toolbar, and which of them a workspace and its user allow.

Each action becomes an attribute ``<name>_action`` of the window (other
places and tests trigger them by that name). Most menu entries open a view
or dialog of their own module; the window keeps what changes its own state.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from raadsakkoord.base.actor import Actor
from raadsakkoord.base.i18n import tr
from ui.shell import recent, tools
from ui.shell.packageactions import export_package, register_key

# The actions that need an open workspace; the rest work from the welcome page.
_WORKSPACE_ACTIONS = ("save", "close_tab", "find", "confirm_all", "readability", "agenda", "support", "export",
                      "publish", "chamber", "votes", "inbox", "audit", "export_package", "import_package",
                      "import_changes", "register_key",
                      "switch_identity")


def _action(window, text: str, slot, shortcut=None, tip: str = "") -> QAction:
    action = QAction(text, window)
    if isinstance(shortcut, list):
        action.setShortcuts(shortcut)
    elif shortcut is not None:
        action.setShortcut(shortcut)
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def _standard(key: QKeySequence.StandardKey, fallback: str) -> list[QKeySequence]:
    """The platform's own keys, or the common ones where the platform has none (Quit and Preferences on Linux)."""
    return QKeySequence.keyBindings(key) or [QKeySequence(fallback)]


def _with(key: QKeySequence.StandardKey, *common: str) -> list[QKeySequence]:
    """The platform's own keys and the keys users know from other programs, each once."""
    bindings = list(QKeySequence.keyBindings(key))
    return bindings + [QKeySequence(k) for k in common if QKeySequence(k) not in bindings]


def build_actions(window) -> None:
    """Make every action as ``window.<name>_action``, all workspace actions disabled until one opens."""
    keys = QKeySequence.StandardKey
    actions = {
        "open": _action(window, tr("&Openen…"), window.choose_workspace, keys.Open, tr("Een werkruimte openen")),
        "save": _action(window, tr("Ontwerp op&slaan"), window.save_current, keys.Save,
                        tr("Het ontwerp-amendement dat u schrijft opslaan")),
        "quit": _action(window, tr("&Afsluiten"), window.close, _standard(keys.Quit, "Ctrl+Q")),
        "find": _action(window, tr("&Zoeken"), window.focus_search, keys.Find,
                        tr("Zoeken in titels en tekst van de hoofdlijnen")),
        "confirm_all": _action(window, tr("Alle verouderde standpunten &bevestigen"), window.confirm_all_stale,
                               tip=tr("Bevestig de standpunten van uw fractie op de nieuwste teksten")),
        "help": _action(window, tr("&Hulp bij Raadsakkoord"), partial(_show_help, window), keys.HelpContents),
        "about": _action(window, tr("&Over Raadsakkoord"), partial(_show_about, window)),
        "database": _action(window, tr("&Gedeelde werkruimte openen…"), window.choose_database,
                            tip=tr("Een werkruimte op een PostgreSQL-server openen")),
        "new_markdown": _action(window, tr("&Nieuw uit brondocument…"), window.new_from_markdown,
                                tip=tr("Een nieuwe werkruimte maken uit een brondocument in Markdown, "
                                       "Word (.docx) of OpenDocument (.odt)")),
        "demo": _action(window, tr("De&mo openen"), window.open_demo,
                        tip=tr("De demo-werkruimte van de gemeente Assen openen")),
        "export_package": _action(window, tr("&Pakket versturen…"), partial(export_package, window),
                                  tip=tr("Het pakket voor de griffie (of de fracties) maken")),
        "import_package": _action(window, tr("Pakketten &inlezen…"), window.import_packages,
                                  tip=tr("Pakketten van de griffie of de fracties inlezen")),
        "import_changes": _action(window, tr("Wijzigingen &uit Word inlezen…"), partial(_import_changes, window),
                                  tip=tr("Een Word-export van een ronde, bewerkt met Wijzigingen bijhouden, "
                                         "inlezen als amendementen van een fractie")),
        "register_key": _action(window, tr("Openbare s&leutel vastleggen…"), partial(register_key, window),
                                tip=tr("De sleutel van de griffie of een fractie vertrouwen")),
        "switch_identity": _action(window, tr("&Werken als iemand anders…"), window.switch_identity),
        "agenda": _action(window, tr("&Uitwerkingsagenda"), partial(tools.show_agenda, window),
                          tip=tr("De uitwerkingsopdrachten voor het college, per portefeuille")),
        "support": _action(window, tr("&Steunmatrix"), partial(tools.show_support, window),
                           tip=tr("De standpunten van alle fracties over alle hoofdlijnen, met een grafiek")),
        "export": _action(window, tr("&Exporteren…"), partial(tools.show_export, window), keys.Print,
                          tip=tr("Het raadsakkoord, het amendementenboek of de uitwerkingsagenda "
                                 "als PDF, Word, Markdown, …")),
        "publish": _action(window, tr("Ronde &publiceren…"), partial(tools.publish_round, window),
                           tip=tr("Wat nog openstaat bekijken en een nieuwe ronde vastzetten")),
        "chamber": _action(window, tr("Scherm in de &raadzaal…"), partial(tools.open_chamber, window),
                           tip=tr("Het punt dat in stemming is en de uitslag tonen op de beamer in de raadzaal")),
        "votes": _action(window, tr("&Stemmen…"), partial(tools.show_votes, window),
                         tip=tr("De stemvolgorde, en de stemming van de raad vastleggen")),
        "inbox": _action(window, tr("&Ontvangen pakketten"), partial(tools.show_inbox, window),
                         tip=tr("Welke fractie wat en wanneer heeft gestuurd")),
        "audit": _action(window, tr("&Logboek"), partial(tools.show_audit, window),
                         tip=tr("Wie wat wanneer deed, en of het logboek ongeschonden is")),
        "readability": _action(window, tr("&Leesbaarheid…"), window.show_readability,
                               tip=tr("De leesbaarheid van elke hoofdlijn en elk hoofdstuk")),
        "settings": _action(window, tr("Ins&tellingen…"), partial(_show_settings, window),
                            _standard(keys.Preferences, "Ctrl+,")),
        "close_tab": _action(window, tr("Ta&bblad sluiten"), window.work.close_current_tab,
                             _with(keys.Close, "Ctrl+W", "Ctrl+F4")),
    }
    undo_group = window.work.undo_group
    actions["undo"] = undo_group.createUndoAction(window, tr("&Ongedaan maken"))
    actions["undo"].setShortcut(keys.Undo)
    actions["redo"] = undo_group.createRedoAction(window, tr("Opnieu&w"))
    actions["redo"].setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    for name, action in actions.items():
        setattr(window, f"{name}_action", action)
    window.workspace_actions = tuple(actions[name] for name in _WORKSPACE_ACTIONS)
    for action in window.workspace_actions:
        action.setEnabled(False)
    # "Stemming vastleggen…" under the consolidation's amendments opens the same dialog on that amendment.
    window.work.section_view.consolidation.vote_requested.connect(partial(tools.show_votes, window))


# Dialogs seldom opened are imported when first asked for, not at start.
def _show_settings(window) -> None:
    from ui.shell import settingsdialog

    settingsdialog.show_settings(window)


def _show_about(window) -> None:
    from ui.shell import aboutdialog

    aboutdialog.show_about(window)


def _import_changes(window) -> None:
    from ui.exchange import trackedchanges

    if window.ctx is not None:
        trackedchanges.import_changes(window, window.ctx, window.runner, window.say)


def _show_help(window) -> None:
    from ui.shell import aboutdialog

    aboutdialog.show_help(window, griffie=window.ctx is not None and window.ctx.actor.is_griffie)


def build_menus(window) -> None:
    """The menu bar (Bestand, Bewerken, Beeld, Griffie, Hulp) and the toolbar."""
    bar = window.menuBar()
    window.file_menu = bar.addMenu(tr("&Bestand"))
    window.file_menu.addAction(window.open_action)
    window.recent_menu = window.file_menu.addMenu(tr("&Recent geopend"))
    window.recent_menu.aboutToShow.connect(
        lambda: recent.populate_menu(window.recent_menu, window.recent, window.open_workspace, window))
    _add(window.file_menu, window.database_action, window.new_markdown_action, window.demo_action, None,
         window.save_action, window.close_tab_action, None, window.export_action, None,
         window.export_package_action, window.import_package_action, window.import_changes_action,
         window.register_key_action, None,
         window.switch_identity_action, window.settings_action, None, window.quit_action)
    _add(bar.addMenu(tr("Be&werken")), window.undo_action, window.redo_action, None,
         window.find_action, window.confirm_all_action)
    _add(bar.addMenu(tr("Beel&d")), window.readability_action, window.agenda_action, window.support_action)
    window.griffie_menu = bar.addMenu(tr("Griffi&e"))
    _add(window.griffie_menu, window.publish_action, window.votes_action, window.chamber_action,
         window.inbox_action, window.audit_action)
    window.help_menu = bar.addMenu(tr("&Hulp"))
    _add(window.help_menu, window.help_action, window.about_action)
    window.toolbar = window.addToolBar(tr("Werkbalk"))
    window.toolbar.setObjectName("werkbalk")
    window.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    _add(window.toolbar, window.open_action, window.save_action, window.undo_action, window.redo_action, None,
         window.export_package_action, window.import_package_action)


def _add(menu, *actions: QAction | None) -> None:
    for action in actions:
        if action is None:
            menu.addSeparator()
        else:
            menu.addAction(action)


def follow_actor(window, actor: Actor) -> None:
    """A workspace is open: its actions are on, as far as this person may use them."""
    for action in window.workspace_actions:
        action.setEnabled(True)
    window.confirm_all_action.setEnabled(actor.party_id is not None)
    # The griffie writes no amendments: saving one is no action of its window.
    window.save_action.setVisible(not actor.is_griffie)
    # Publishing is the griffie's; a party keeps the inbox (its round packages) and the log.
    window.publish_action.setEnabled(actor.is_griffie)
    # The chamber's screen is the griffie's during the meeting; a party has no place for it.
    window.chamber_action.setVisible(actor.is_griffie)
    window.votes_action.setEnabled(actor.is_griffie)
    window.votes_action.setVisible(actor.is_griffie)
    window.griffie_menu.setTitle(tr("Griffi&e") if actor.is_griffie else tr("&Uitwisseling"))
    window.export_package_action.setText(tr("Fractie&pakket versturen…") if actor.party_id
                                         else tr("Ronde&pakket versturen…"))
    # A reader of a shared database reads, searches, exports and checks the log; the rest would be refused.
    for action in (window.save_action, window.export_package_action, window.import_package_action,
                   window.register_key_action):
        action.setEnabled(action.isEnabled() and not actor.reader)
