"""The main window: the navigator beside the work area, with menus, toolbar and status bar.

Opening a workspace and loading its outline run off the GUI thread; the
widgets only render what the core returns.
"""

from __future__ import annotations

import html
import uuid
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QSplitter, QStackedWidget, QTextBrowser, QWidget

from raadsakkoord import operations as ops
from raadsakkoord.queries.drafting import section_badges
from raadsakkoord.base.errors import UserError
from raadsakkoord.base.i18n import tr
from raadsakkoord.queries.outline import agreement_outline
from raadsakkoord.queries.readability import report_of
from raadsakkoord.store.workspace import Workspace, open_workspace
from ui.shell import identity, opendialogs, recent
from ui.common import messages
from ui.common.context import Changes, Context
from ui.shell.navigatorpane import NavigatorPane
from ui.drafting.readabilityview import ReadabilityDialog
from ui.common.render import local_time, page
from ui.common.background import TaskRunner, shut_down_processes
from ui.shell.workarea import WorkArea

Identity = tuple[ops.Actor, str]  # who, and how to show it


def load_outline(ctx: Context):
    with ctx.action() as session:
        return agreement_outline(session), section_badges(session, ctx.party_id)


class MainWindow(QMainWindow):
    def __init__(self, *, runner: TaskRunner | None = None) -> None:
        super().__init__()
        self.runner = runner or TaskRunner(self)
        self.recent = recent.RecentWorkspaces()
        self.ctx: Context | None = None
        self.outline = None
        self.readability_report = None
        self.setWindowTitle("Raadsakkoord")
        self.setAcceptDrops(True)
        self.navigator = NavigatorPane()
        self.navigator.section_selected.connect(self._section_selected)
        self.navigator.chapter_selected.connect(self._chapter_selected)
        self.work = WorkArea(self.runner)
        self.work.status.connect(self.say)
        self.welcome = QTextBrowser()
        self.welcome.setOpenLinks(False)
        self.welcome.anchorClicked.connect(lambda url: self.open_workspace(url.toString(QUrl.ComponentFormattingOption.FullyDecoded)))
        self.right = QStackedWidget()
        self.right.addWidget(self.welcome)
        self.right.addWidget(self.work)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([560, 840])
        self.setCentralWidget(self.splitter)
        self.identity_label = QLabel()
        self.workspace_label = QLabel()
        self.statusBar().addPermanentWidget(self.identity_label)
        self.statusBar().addPermanentWidget(self.workspace_label)
        self._build_actions()
        self._build_menus()
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self._show_welcome()
        self._restore_geometry()

    # -- actions and menus ----------------------------------------------------------------

    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.open_action = self._action(tr("&Openen…"), self.choose_workspace, QKeySequence.StandardKey.Open,
                                        tr("Een werkruimte openen"))
        self.save_action = self._action(tr("Concept op&slaan"), self.save_current, QKeySequence.StandardKey.Save,
                                        tr("Het concept-amendement dat u schrijft opslaan"))
        self.quit_action = self._action(tr("&Afsluiten"), self.close, QKeySequence.StandardKey.Quit)
        self.undo_action = self.work.undo_group.createUndoAction(self, tr("&Ongedaan maken"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.work.undo_group.createRedoAction(self, tr("Opnieu&w"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.find_action = self._action(tr("&Zoeken"), self.focus_search, QKeySequence.StandardKey.Find,
                                        tr("Zoeken in titels en tekst van de hoofdlijnen"))
        self.confirm_all_action = self._action(tr("Alle verouderde standpunten &bevestigen"), self.confirm_all_stale,
                                               tip=tr("Bevestig de standpunten van uw fractie op de nieuwste teksten"))
        self.help_action = self._action(tr("&Hulp"), self.show_help, QKeySequence.StandardKey.HelpContents)
        self.about_action = self._action(tr("&Over Raadsakkoord"), self.show_about)
        self.database_action = self._action(tr("&Database openen…"), self.choose_database,
                                            tip=tr("Een werkruimte op een PostgreSQL-server openen"))
        self.new_markdown_action = self._action(tr("&Nieuw uit concept…"), self.new_from_markdown,
                                                tip=tr("Een nieuwe werkruimte maken uit een concept in Markdown, "
                                                       "Word (.docx) of OpenDocument (.odt)"))
        self.demo_action = self._action(tr("De&mo openen"), self.open_demo,
                                        tip=tr("De demo-werkruimte van de gemeente Assen openen"))
        self.export_package_action = self._action(tr("&Pakket versturen…"), self.export_package,
                                                  tip=tr("Het pakket voor de griffie (of de fracties) maken"))
        self.import_package_action = self._action(tr("Pakketten &inlezen…"), self.import_packages,
                                                  tip=tr("Pakketten van de griffie of de fracties inlezen"))
        self.register_key_action = self._action(tr("Openbare s&leutel vastleggen…"), self.register_key,
                                                tip=tr("De sleutel van de griffie of een fractie vertrouwen"))
        self.switch_identity_action = self._action(tr("Werken als &iemand anders…"), self.switch_identity)
        self.agenda_action = self._action(tr("&Uitwerkingsagenda"), self.show_agenda,
                                          tip=tr("De uitwerkingsopdrachten voor het college, per portefeuille"))
        self.support_action = self._action(tr("&Steunmatrix"), self.show_support,
                                           tip=tr("De standpunten van alle fracties over alle hoofdlijnen, met een grafiek"))
        self.export_action = self._action(tr("&Exporteren…"), self.show_export,
                                          tip=tr("Het raadsakkoord, het amendementenboek of de uitwerkingsagenda "
                                                 "als PDF, Word, Markdown, …"))
        self.publish_action = self._action(tr("Ronde &publiceren…"), self.publish_round,
                                           tip=tr("Wat nog openstaat bekijken en een nieuwe ronde vastzetten"))
        self.inbox_action = self._action(tr("&Inbox"), self.show_inbox,
                                         tip=tr("Welke fractie wat en wanneer heeft gestuurd"))
        self.audit_action = self._action(tr("&Logboek"), self.show_audit,
                                         tip=tr("Wie wat wanneer deed, en of het logboek ongeschonden is"))
        self.readability_action = self._action(tr("&Leesbaarheid…"), self.show_readability,
                                               tip=tr("De leesbaarheid van elke hoofdlijn en elk hoofdstuk"))
        self.settings_action = self._action(tr("&Instellingen…"), self.show_settings,
                                            QKeySequence.StandardKey.Preferences)
        self.workspace_actions = (self.save_action, self.find_action, self.confirm_all_action, self.readability_action,
                                  self.agenda_action, self.support_action, self.export_action, self.publish_action,
                                  self.inbox_action, self.audit_action,
                                  self.export_package_action, self.import_package_action,
                                  self.register_key_action, self.switch_identity_action)
        for action in self.workspace_actions:
            action.setEnabled(False)

    def _build_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu(tr("&Bestand"))
        self.file_menu.addAction(self.open_action)
        self.recent_menu = self.file_menu.addMenu(tr("&Recent geopend"))
        self.recent_menu.aboutToShow.connect(
            lambda: recent.populate_menu(self.recent_menu, self.recent, self.open_workspace, self))
        self.file_menu.addAction(self.database_action)
        self.file_menu.addAction(self.new_markdown_action)
        self.file_menu.addAction(self.demo_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.save_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.export_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.export_package_action)
        self.file_menu.addAction(self.import_package_action)
        self.file_menu.addAction(self.register_key_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.switch_identity_action)
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        edit = self.menuBar().addMenu(tr("Be&werken"))
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        edit.addAction(self.find_action)
        edit.addAction(self.confirm_all_action)
        view = self.menuBar().addMenu(tr("Beel&d"))
        view.addAction(self.readability_action)
        view.addAction(self.agenda_action)
        view.addAction(self.support_action)
        self.griffie_menu = self.menuBar().addMenu(tr("Griffi&e"))
        for action in (self.publish_action, self.inbox_action, self.audit_action):
            self.griffie_menu.addAction(action)
        self.help_menu = self.menuBar().addMenu(tr("&Help"))
        self.help_menu.addAction(self.help_action)
        self.help_menu.addAction(self.about_action)
        toolbar = self.addToolBar(tr("Werkbalk"))
        toolbar.setObjectName("werkbalk")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.open_action, self.save_action, self.undo_action, self.redo_action, None,
                       self.export_package_action, self.import_package_action):
            toolbar.addAction(action) if action else toolbar.addSeparator()
        self.toolbar = toolbar

    def say(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    # -- opening --------------------------------------------------------------------------

    def _show_welcome(self) -> None:
        self.right.setCurrentWidget(self.welcome)
        entries = [e for e in self.recent.entries() if not e.missing]
        links = "".join(f'<li><a href="{html.escape(e.target)}">{html.escape(e.label)}</a></li>' for e in entries)
        recent_part = f"<h3>{html.escape(tr('Recent geopend'))}</h3><ul>{links}</ul>" if links else ""
        intro = tr("Open een werkruimte via Bestand → Openen… (Ctrl+O), of sleep een werkruimte in dit "
                   "venster. Via het menu Bestand kunt u ook een nieuwe werkruimte maken uit een "
                   "concept (Markdown, Word of OpenDocument), of de demo van de gemeente Assen openen.")
        self.welcome.setHtml(page(f"<h1>{html.escape(tr('Welkom bij Raadsakkoord'))}</h1>"
                                  f"<p>{html.escape(intro)}</p>{recent_part}"))

    def choose_workspace(self) -> None:
        path = opendialogs.choose_workspace_file(self)
        if path:
            self.open_workspace(path)

    def choose_database(self) -> None:
        url = opendialogs.ask_database_url(self)
        if url:
            self.open_workspace(url)

    def new_from_markdown(self) -> None:
        path = opendialogs.new_from_markdown(self, self.runner)
        if path:
            self.open_workspace(path)

    def open_demo(self) -> None:
        from raadsakkoord.demo import ensure_demo_workspace

        self.say(tr("Demo-werkruimte wordt klaargezet…"))
        self.runner.run(ensure_demo_workspace, self.open_workspace, self._failed(tr("Demo openen")))

    def choose_identity(self, workspace: Workspace) -> Identity | None:
        return identity.choose_identity(self, workspace)

    def switch_identity(self) -> None:
        if self.ctx is None:
            return
        target = self.ctx.workspace.target
        identity.forget_identity(self.ctx.workspace)
        self.open_workspace(target)

    # The exchange pulls in cryptography and JSON Schema: imported when first used, not at start.
    def export_package(self) -> None:
        from ui.exchange import packages as exchangeui

        if self.ctx.party_id is None:
            exchangeui.export_round_package(self, self.ctx, self.runner, self.say)
        else:
            exchangeui.export_party_package(self, self.ctx, self.runner, self.say)

    def import_packages(self, paths: list[str] | None = None) -> None:
        from ui.exchange import packages as exchangeui

        paths = paths or exchangeui.choose_package_files(self)
        if paths:
            exchangeui.import_packages(self, self.ctx, self.runner, paths, self.say, on_progress=self.say)

    def register_key(self) -> None:
        from ui.exchange import packages as exchangeui

        path = exchangeui.choose_key_file(self)
        if path:
            exchangeui.register_key_file(self, self.ctx, self.runner, path, self.say)

    def open_workspace(self, target: str, who: Identity | None = None) -> bool:
        """Open a workspace as someone; on failure say why in Dutch and keep the current one."""
        if self.ctx is not None and not self.work.close_editors():
            return False
        try:
            workspace = open_workspace(target)
        except UserError as exc:
            messages.show_error(self, tr("Werkruimte openen"), exc.message)
            return False
        try:
            who = who or self.choose_identity(workspace)
        except UserError as exc:
            workspace.close()
            messages.show_error(self, tr("Werkruimte openen"), exc.message)
            return False
        if who is None:
            workspace.close()
            return False
        self.recent.add(target)
        self._close_workspace()
        actor, label = who
        changes = Changes(self)
        self.ctx = Context(workspace, actor, label, changes)
        changes.outline.connect(self.reload_outline)
        changes.section.connect(self.work.refresh)
        self.work.bind(self.ctx)
        self.right.setCurrentWidget(self.work)
        self.workspace_label.setText(workspace.label)
        self.identity_label.setText(tr("Werkt als {who}").format(who=label))
        for action in self.workspace_actions:
            action.setEnabled(True)
        self.confirm_all_action.setEnabled(actor.party_id is not None)
        # Publishing is the griffie's; a party keeps the inbox (its round packages) and the log.
        self.publish_action.setEnabled(actor.is_griffie)
        self.griffie_menu.setTitle(tr("Griffi&e") if actor.is_griffie else tr("&Uitwisseling"))
        self.export_package_action.setText(tr("Fractie&pakket versturen…") if actor.party_id
                                           else tr("Ronde&pakket versturen…"))
        self.say(tr("Werkruimte geopend: {label}").format(label=workspace.label))
        self.reload_outline(first_load=True)
        return True

    def _close_workspace(self) -> None:
        if self.ctx is None:
            return
        self.work.autosave_all()
        for editor in self.work.editors:
            self.work.remove_editor(editor)
        self.work.close_tools()
        self.work.bind(None)
        self.ctx.changes.deleteLater()
        self.ctx.workspace.close()
        self.ctx = None

    def reload_outline(self, first_load: bool = False) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        self.runner.run(lambda: load_outline(ctx),
                        lambda result: self._outline_loaded(ctx, result, first_load),
                        self._failed(tr("Werkruimte laden")))

    def _outline_loaded(self, ctx: Context, result, first_load: bool) -> None:
        if ctx is not self.ctx:
            return  # another workspace was opened meanwhile
        outline, badges = result
        self.setWindowTitle(f"{outline.title} — Raadsakkoord")
        self.navigator.set_outline(outline, badges, party_view=ctx.party_id is not None)
        self.outline = outline
        # Plain-language scores follow a moment later, so they never delay the window.
        self.runner.run(lambda: report_of(outline.chapters),
                        lambda report: self._readability_ready(ctx, outline, report), self._failed(tr("Leesbaarheid")))
        if first_load:
            self.offer_unsaved_drafts()

    def _readability_ready(self, ctx: Context, outline, report) -> None:
        if ctx is self.ctx and outline is self.outline:
            self.navigator.model.set_readability(report)
            self.readability_report = report

    def _failed(self, title: str):
        def show(error: BaseException) -> None:
            if isinstance(error, UserError):
                messages.show_error(self, title, error.message)
            else:
                raise error
        return show

    def offer_unsaved_drafts(self) -> None:
        """After a crash: offer back what was typed but never saved."""
        with self.ctx.action() as session:
            drafts = ops.unsaved_drafts(session, self.ctx.actor)
        for draft in drafts:
            when = local_time(draft.saved_at)
            what = draft.fields.get("headline") or draft.fields.get("target") or tr("zonder kop")
            if messages.ask(self, tr("Niet-opgeslagen concept"),
                            tr("Er is een concept-amendement dat niet was opgeslagen: „{what}” (automatisch "
                               "bewaard op {when}). Wilt u het terugzetten?").format(what=what, when=when),
                            yes=tr("Terugzetten"), no=tr("Weggooien")):
                if self.work.recover(draft):
                    self.say(tr("Niet-opgeslagen concept teruggezet."))
                    continue
                messages.show_info(self, tr("Niet-opgeslagen concept"),
                                   tr("Dit concept kan niet worden teruggezet: de hoofdlijn of het amendement "
                                      "bestaat niet meer of is al ingediend."))
            with self.ctx.action() as session:
                ops.discard_autosave(session, self.ctx.actor, draft.editor_key)

    # -- selection and commands -----------------------------------------------------------

    def _section_selected(self, section_id: uuid.UUID) -> None:
        self.work.setCurrentIndex(0)
        self.work.show_section(section_id)

    def _chapter_selected(self, chapter_id: uuid.UUID) -> None:
        self.work.setCurrentIndex(0)
        self.work.show_chapter(chapter_id)

    def save_current(self) -> None:
        editor = self.work.current_editor()
        if editor is None:
            self.say(tr("Er is geen concept open om op te slaan."))
            return
        editor.save()

    def focus_search(self) -> None:
        self.navigator.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.navigator.search.selectAll()

    def confirm_all_stale(self) -> None:
        from ui.drafting.endorsement import confirm_stale

        with self.ctx.action() as session:
            section_ids = [sid for sid, badge in section_badges(session, self.ctx.party_id).items() if badge.own_stale]
        if not section_ids:
            self.say(tr("Uw fractie heeft geen verouderde standpunten."))
            return
        count = confirm_stale(self.ctx, self.work.window_stack, section_ids)
        self.say(tr("{n} standpunt(en) bevestigd op de nieuwste tekst.").format(n=count))

    def show_agenda(self) -> None:
        def make():
            from ui.agenda.view import TaskAgendaView

            view = TaskAgendaView()
            view.bind(self.ctx, self.work.window_stack)
            view.section_activated.connect(self.go_to_section)
            return view

        self.work.open_tool("agenda", make, tr("Uitwerkingsagenda"))

    def show_support(self) -> None:
        def make():
            from ui.support.view import SupportView

            view = SupportView(runner=self.runner)
            view.bind(self.ctx)
            view.section_activated.connect(self.go_to_section)
            view.status.connect(self.say)
            return view

        self.work.open_tool("support", make, tr("Steunmatrix"))

    def show_export(self) -> None:
        from ui.exchange.exportdialog import show_export_dialog

        dialog = show_export_dialog(self, self.ctx, self.runner)
        dialog.exported.connect(self.say)

    def publish_round(self) -> None:
        from ui.griffie.publishdialog import publish_round_dialog

        publish_round_dialog(self, self.ctx, self.runner, self.say)

    def show_inbox(self) -> None:
        def make():
            from ui.griffie.inbox import InboxView

            view = InboxView(runner=self.runner)
            view.bind(self.ctx)
            view.status.connect(self.say)
            return view

        self.work.open_tool("inbox", make, tr("Inbox"))

    def show_audit(self) -> None:
        def make():
            from ui.griffie.auditview import AuditView

            view = AuditView(runner=self.runner)
            view.bind(self.ctx)
            return view

        self.work.open_tool("audit", make, tr("Logboek"))

    def go_to_section(self, section_id: uuid.UUID) -> None:
        self.navigator.search.clear()
        self.navigator.proxy.set_query("")
        self.navigator.select(section_id)
        self.work.setCurrentIndex(0)

    def show_readability(self) -> None:
        if self.readability_report is None:
            self.say(tr("De leesbaarheid wordt nog berekend; probeer het zo nog eens."))
            return
        dialog = ReadabilityDialog(self.readability_report, self.go_to_number, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.readability_dialog = dialog

    def go_to_number(self, number: str) -> None:
        for chapter in self.outline.chapters if self.outline else ():
            for section in chapter.sections:
                if section.number == number:
                    self.navigator.search.clear()
                    self.navigator.proxy.set_query("")
                    self.navigator.select(section.id)
                    self.activateWindow()
                    return

    def show_about(self) -> None:
        from ui.shell import aboutdialog

        aboutdialog.show_about(self)

    def show_settings(self) -> None:
        from ui.shell import settingsdialog

        settingsdialog.show_settings(self)

    def show_help(self) -> None:
        messages.show_info(self, tr("Hulp"), tr(
            "Kies links een hoofdlijn. Rechts ziet u de tekst, de wijzigingen sinds de vorige ronde, de "
            "geschiedenis en de amendementen.\n\n"
            "Amendement schrijven: kies „Amendement schrijven”, pas de tekst aan en zie rechts meteen wat er "
            "verandert. Uw werk wordt elke paar seconden automatisch bewaard; Ctrl+S slaat het concept op, "
            "„Indienen” maakt het klaar voor de griffie.\n\n"
            "Sneltoetsen: Ctrl+O openen, Ctrl+S opslaan, Ctrl+Z ongedaan maken, Ctrl+Shift+Z opnieuw, "
            "Ctrl+F zoeken, F1 deze hulp."))

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        # Leaving an editor (another field, another window) is a natural moment to keep its typing safe.
        for editor in self.work.editors:
            if old is not None and editor.isAncestorOf(old) and (new is None or not editor.isAncestorOf(new)):
                editor.autosave()

    # -- drag and drop --------------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and all(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls()]
        if paths:
            event.acceptProposedAction()
            self.open_dropped(paths)

    def open_dropped(self, paths: list[str]) -> None:
        """Packages are read into the open workspace; anything else is opened as a workspace."""
        from ui.exchange.packages import PACKAGE_SUFFIX

        packages = [p for p in paths if p.lower().endswith(PACKAGE_SUFFIX)]
        if packages:
            if self.ctx is None:
                messages.show_error(self, tr("Pakketten inlezen"),
                                    tr("Open eerst de werkruimte waarin de pakketten moeten worden ingelezen."))
                return
            self.import_packages(packages)
            return
        self.open_workspace(paths[0])

    # -- closing --------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        settings = QSettings()
        geometry = settings.value("mainwindow/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1300, 820)
        for key, splitter in (("mainwindow/splitter", self.splitter),):
            state = settings.value(key)
            if state is not None:
                splitter.restoreState(state)
        state = settings.value("mainwindow/state")
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event) -> None:
        if self.ctx is not None and not self.work.close_editors():
            event.ignore()
            return
        settings = QSettings()
        settings.setValue("mainwindow/geometry", self.saveGeometry())
        settings.setValue("mainwindow/splitter", self.splitter.saveState())
        settings.setValue("mainwindow/state", self.saveState())
        self.runner.wait()
        shut_down_processes()
        self._close_workspace()
        QApplication.instance().focusChanged.disconnect(self._focus_changed)
        super().closeEvent(event)

