"""The main window: the navigator beside the work area, with menus, toolbar and status bar.

Opening a workspace and loading its outline run off the GUI thread; the
widgets only render what the core returns. The menus, the status bar, the
welcome page, the tools the menus open and dropped files each have a module
of their own; the window composes them and owns the open workspace.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QStackedWidget, QWidget

from raadsakkoord import operations as ops
from raadsakkoord.base.errors import UserError
from raadsakkoord.base.i18n import tr
from raadsakkoord.queries.drafting import section_badges
from raadsakkoord.queries.outline import agreement_outline
from raadsakkoord.queries.readability import report_of
from raadsakkoord.store.workspace import Workspace
from ui.common import messages
from ui.common.background import TaskRunner
from ui.common.context import Changes, Context
from ui.common.rowmenu import RowMenu, button_action
from ui.drafting.readabilityview import ReadabilityDialog
from ui.shell import dbpassword, dropping, identity, menus, opendialogs, recent, recovery, windowstate
from ui.shell.liveviews import LiveViews
from ui.shell.navigatorpane import NavigatorPane
from ui.shell.statusbar import StatusBar
from ui.shell.welcome import WelcomePage
from ui.shell.workarea import WorkArea

Identity = tuple[ops.Actor, str]  # who, and how to show it

# How long closing waits for work still running: enough for a short save or query to finish, not so
# long that the clerk thinks the program hangs. Unfinished work in the worker process is rolled back.
CLOSE_TIMEOUT_S = 3.0


def load_outline(ctx: Context):
    with ctx.action() as session:
        return agreement_outline(session), section_badges(session, ctx.party_id)


class MainWindow(QMainWindow):
    def __init__(self, *, runner: TaskRunner | None = None) -> None:
        super().__init__()
        self.runner = runner or TaskRunner(self)
        self.recent = recent.RecentWorkspaces()
        self.ctx: Context | None = None
        self.live: LiveViews | None = None
        self.outline = None
        self.readability_report = None
        self.chamber = None  # the controls of the screen in the council chamber, while it is open
        self.setWindowTitle("Raadsakkoord")
        self.setAcceptDrops(True)
        self.navigator = NavigatorPane()
        self.navigator.section_selected.connect(self._section_selected)
        self.navigator.chapter_selected.connect(self._chapter_selected)
        self.work = WorkArea(self.runner)
        self.work.status.connect(self.say)
        # A row of the navigator is the section shown beside it: its menu offers that section's buttons.
        views = self.work.section_view
        self.navigator_menu = RowMenu(self.navigator.tree, [
            button_action(b) for b in (views.write_button, views.delete_button, views.new_section_button)])
        self.welcome = WelcomePage()
        self.welcome.workspace_chosen.connect(self.open_workspace)
        self.right = QStackedWidget()
        self.right.addWidget(self.welcome)
        self.right.addWidget(self.work)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([560, 840])
        self.setCentralWidget(self.splitter)
        self.status_bar = StatusBar()
        self.setStatusBar(self.status_bar)
        self.identity_label = self.status_bar.identity_label
        menus.build_actions(self)
        menus.build_menus(self)
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self._show_welcome()
        windowstate.restore(self, self.splitter)

    def say(self, text: str) -> None:
        self.status_bar.say(text)

    # -- opening --------------------------------------------------------------------------

    def _show_welcome(self) -> None:
        self.right.setCurrentWidget(self.welcome)
        self.welcome.show_recent(self.recent)

    def choose_workspace(self) -> None:
        if not self._may_leave_workspace():
            return
        path = opendialogs.choose_workspace_file(self)
        if path:
            self.open_workspace(path)

    def choose_database(self) -> None:
        if not self._may_leave_workspace():
            return
        url = opendialogs.ask_database_url(self)
        if url:
            self.open_workspace(url)

    def new_from_markdown(self) -> None:
        if not self._may_leave_workspace():
            return  # before the new workspace is made, not after
        path = opendialogs.new_from_markdown(self, self.runner)
        if path:
            self.open_workspace(path)

    def open_demo(self) -> None:
        from raadsakkoord.demo import ensure_demo_workspace

        if not self._may_leave_workspace():
            return
        self.say(tr("Demo-werkruimte wordt klaargezet…"))
        self.runner.run(ensure_demo_workspace, self.open_workspace, self._failed(tr("Demo openen")))

    def choose_identity(self, workspace: Workspace) -> Identity | None:
        return identity.choose_identity(self, workspace)

    def switch_identity(self) -> None:
        if self.ctx is None or not self._may_leave_workspace():
            return  # a refused switch keeps the remembered identity too
        target = self.ctx.workspace.target
        identity.forget_identity(self.ctx.workspace)
        self.open_workspace(target)

    def import_packages(self, paths: list[str] | None = None) -> None:
        # The exchange pulls in cryptography and JSON Schema: imported when first used, not at start.
        from ui.exchange import packages as exchangeui

        paths = paths or exchangeui.choose_package_files(self)
        if not paths:
            return
        exchangeui.import_packages(self, self.ctx, self.runner, paths, self.say, on_progress=self.say)

    def _may_leave_workspace(self) -> bool:
        """False, after saying why, while a package is being read into the open workspace.

        The clerk waits for the import's report (what was read in, what was
        refused and why); leaving would lose it, and the import's result would
        reach the views of a workspace already closed. Stopping the import
        instead is no better: it is one transaction in the worker process,
        and a clerk who started it expects it to finish. It takes seconds.
        """
        # An import whose chain broke off on an unexpected error never reports back; once the
        # runner is idle it no longer holds the workspace.
        if self.ctx is not None and self.ctx.imports_running and self.runner.busy:
            messages.show_info(self, tr("Werkruimte openen"), tr(
                "Er wordt nog een pakket ingelezen. Wacht tot het verslag daarvan verschijnt; daarna kunt u "
                "een andere werkruimte openen of als iemand anders verder werken."))
            return False
        return True

    def open_workspace(self, target: str, who: Identity | None = None) -> bool:
        """Open a workspace as someone; on failure say why in Dutch and keep the current one."""
        if not self._may_leave_workspace():
            return False
        if self.ctx is not None and not self.work.close_editors():
            return False
        try:
            workspace = dbpassword.open_asking(self, target)
        except UserError as exc:
            messages.show_error(self, tr("Werkruimte openen"), exc.message)
            return False
        if workspace is None:
            return False
        if workspace.login is not None:  # a shared database: one is one's login, whatever was remembered
            who = identity.login_identity(workspace.login)
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
        self.live = LiveViews(self.ctx, self.runner, self.work, self.status_bar, self)
        self.right.setCurrentWidget(self.work)
        self.status_bar.show_workspace(workspace.label, label)
        menus.follow_actor(self, actor)
        # On a shared database one works as one's login: there is no one else to switch to.
        self.switch_identity_action.setEnabled(workspace.login is None)
        self.identity_label.setToolTip(tr(
            "Aangemeld bij de gedeelde werkruimte: wat u doet, staat op naam van uw aanmelding.")
            if workspace.login is not None else "")
        self.say(tr("Werkruimte geopend: {label}").format(label=workspace.label))
        self.reload_outline(first_load=True)
        return True

    def _close_workspace(self) -> None:
        if self.ctx is None:
            return
        if self.chamber is not None:
            self.chamber.close_screen()  # it shows this workspace's items
        self.live.stop()
        self.live.deleteLater()
        self.live = None
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
            recovery.offer_unsaved_drafts(self, ctx, self.work, self.say)

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

    # -- selection and commands -----------------------------------------------------------

    def _section_selected(self, section_id: uuid.UUID) -> None:
        # The navigator selects the shown section again after every reload (also for another's
        # change): that must not take the user away from the editor being typed in.
        shown = self.work.section_view.detail
        if shown is not None and shown.id == section_id:
            self.work.refresh(section_id)
            return
        self.work.setCurrentIndex(0)
        self.work.show_section(section_id)

    def _chapter_selected(self, chapter_id: uuid.UUID) -> None:
        shown = self.work.section_view.chapter
        if shown is None or shown.id != chapter_id:
            self.work.setCurrentIndex(0)
        self.work.show_chapter(chapter_id)

    def save_current(self) -> None:
        editor = self.work.current_editor()
        if editor is None:
            self.say(tr("Er is geen ontwerp-amendement open om op te slaan."))
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

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        # Leaving an editor (another field, another window) is a natural moment to keep its typing safe.
        for editor in self.work.editors:
            if old is not None and editor.isAncestorOf(old) and (new is None or not editor.isAncestorOf(new)):
                editor.autosave()

    # -- drag and drop --------------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:
        if dropping.accepts(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = dropping.dropped_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            dropping.open_dropped(self, paths)

    # -- closing --------------------------------------------------------------------------

    def closeEvent(self, event) -> None:
        # An import is one transaction the clerk is waiting for: closing would roll it back unseen.
        if not self._may_leave_workspace() or (self.ctx is not None and not self.work.close_editors()):
            event.ignore()
            return
        windowstate.save(self, self.splitter)
        if self.live is not None:
            self.live.stop()  # no other's change starts new work while the runner stops
        # Before the workspace closes: a worker process still writing to it is stopped first.
        self.runner.shutdown(CLOSE_TIMEOUT_S)
        self._close_workspace()
        QApplication.instance().focusChanged.disconnect(self._focus_changed)
        super().closeEvent(event)
