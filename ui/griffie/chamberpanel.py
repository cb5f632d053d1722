"""The griffie's controls for the screen in the council chamber, a toolbar in the main window.

Volgende and Vorige walk the voting order (``queries.voting``); items voted
on stay reachable with Vorige. Uitslag tonen reads the latest vote from the
workspace at the moment it is pressed, so a vote just recorded shows. The
screen follows others' and one's own changes (the window's "what changed"
notices) while it is open. Every read runs off the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QScreen
from PySide6.QtWidgets import QInputDialog, QLabel, QToolBar, QWidget

from raadsakkoord.base.errors import UserError
from raadsakkoord.base.i18n import tr
from raadsakkoord.queries.chamber import chamber_item, following
from raadsakkoord.queries.voting import VoteItem, vote_result, voting_order
from ui.common import messages
from ui.common.background import TaskRunner
from ui.common.context import Context
from ui.griffie.chamber import ChamberScreen


def ask_screen(parent: QWidget, screens: list[QScreen]) -> QScreen | None:
    """The screen (projector) to show on, asked only when there are several; None when the clerk cancels."""
    if len(screens) == 1:
        return screens[0]
    names = [tr("{name} ({width} × {height})").format(name=screen.name(), width=screen.geometry().width(),
                                                      height=screen.geometry().height())
             for screen in screens]
    # The screen that is not the main window's is most likely the projector.
    own = parent.screen()
    first = next((index for index, screen in enumerate(screens) if screen is not own), 0)
    name, ok = QInputDialog.getItem(parent, tr("Scherm in de raadzaal"), tr("Op welk scherm (de beamer)?"),
                                    names, first, False)
    return screens[names.index(name)] if ok else None


def _order(ctx: Context) -> list[VoteItem]:
    with ctx.action() as session:
        return voting_order(session)


def _item(ctx: Context, item: VoteItem):
    with ctx.action() as session:
        return chamber_item(session, item)


def _result(ctx: Context, item: VoteItem):
    with ctx.action() as session:
        return vote_result(session, item)


class ChamberPanel(QToolBar):
    def __init__(self, ctx: Context, runner: TaskRunner, say, parent: QWidget | None = None) -> None:
        super().__init__(tr("Scherm in de raadzaal"), parent)
        self.setObjectName("raadzaal")
        self.setAccessibleName(tr("Bediening van het scherm in de raadzaal"))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.ctx = ctx
        self.runner = runner
        self.say = say
        self.sequence: list[VoteItem] = []
        self.index = -1
        self.showing_result = False
        self.screen_window = ChamberScreen()
        self.screen_window.closed.connect(self._screen_closed)
        # Function keys (a toolbar shows no Alt-letters): free in every part of the main window, and on
        # every keyboard layout.
        self.previous_action = self._add(tr("Vorige"), self.previous, "F7", tr("Het vorige punt tonen"))
        self.next_action = self._add(tr("Volgende"), self.next, "F8", tr("Het volgende punt van de stemming tonen"))
        self.result_action = self._add(tr("Uitslag tonen"), self.show_result, "F9",
                                       tr("De uitslag van de stemming over dit punt tonen"))
        self.close_action = self._add(tr("Scherm sluiten"), self.close_screen, "Shift+F9",
                                      tr("Het scherm in de raadzaal sluiten"))
        # The keys work in the projected window too, should it get the focus (a click on it).
        self.screen_window.addActions([self.previous_action, self.next_action, self.result_action,
                                       self.close_action])
        self.position_label = QLabel()
        self.position_label.setAccessibleName(tr("Punt op het scherm"))
        self.addWidget(self.position_label)
        ctx.changes.section.connect(self._changed)
        ctx.changes.outline.connect(self._changed)

    def _add(self, text: str, slot, key: str, tip: str) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(f"{tip} ({key})")
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        self.widgetForAction(action).setAccessibleName(text)
        return action

    # -- showing ---------------------------------------------------------------------------

    def open_on(self, screen: QScreen | None) -> None:
        """Show the screen: full-screen on ``screen``, or as a normal window when there is only one screen."""
        window = self.screen_window
        if screen is not None and len(QGuiApplication.screens()) > 1:
            window.setScreen(screen)
            window.setGeometry(screen.geometry())
            window.showFullScreen()
        else:
            window.show()
        # The clerk goes on typing in the main window: the projector never takes the keyboard.
        if self.parent() is not None:
            self.parent().activateWindow()
        self.start()

    def start(self) -> None:
        ctx = self.ctx
        self.runner.run(lambda: _order(ctx), self._started, self._failed)

    def _started(self, order: list[VoteItem]) -> None:
        self.sequence = order
        self.index = 0 if order else -1
        self._show_current()

    def next(self) -> None:
        ctx = self.ctx
        if self.index + 1 < len(self.sequence):
            # Shown at once; the order is read again behind it (on a large agreement that takes seconds)
            # for what changed meanwhile: a new amendment, or one withdrawn.
            self.index += 1
            self._show_current()
            self.runner.run(lambda: _order(ctx), self._order_in, self._failed)
        else:
            self.runner.run(lambda: _order(ctx), self._next_in, self._failed)

    def _order_in(self, order: list[VoteItem]) -> None:
        self.sequence = following(self.sequence[:self.index + 1], order)
        self._show_position()

    def _next_in(self, order: list[VoteItem]) -> None:
        self._order_in(order)
        if self.index + 1 >= len(self.sequence):
            self.say(tr("Er is geen volgend punt: alles is in stemming gebracht."))
            return
        self.index += 1
        self._show_current()

    def previous(self) -> None:
        if self.index <= 0:
            self.say(tr("Er is geen vorig punt."))
            return
        self.index -= 1
        self._show_current()

    def show_result(self) -> None:
        item = self.current
        if item is None:
            return
        ctx = self.ctx
        self.runner.run(lambda: _result(ctx, item), lambda result: self._result_in(item, result), self._failed)

    @property
    def current(self) -> VoteItem | None:
        return self.sequence[self.index] if 0 <= self.index < len(self.sequence) else None

    def _show_position(self) -> None:
        item = self.current
        self.position_label.setText(
            tr("{label} ({position} van {count})").format(label=item.label, position=self.index + 1,
                                                          count=len(self.sequence)) if item else "")

    def _show_current(self) -> None:
        self.showing_result = False
        self._show_position()
        item = self.current
        if item is None:
            self.screen_window.show_message(tr("Er staat niets ter stemming."))
            return
        ctx = self.ctx
        self.runner.run(lambda: _item(ctx, item), lambda shown: self._item_in(item, shown), self._failed)

    def _item_in(self, item: VoteItem, shown) -> None:
        if item == self.current and not self.showing_result:  # the clerk may have moved on meanwhile
            self.screen_window.show_item(shown)

    def _result_in(self, item: VoteItem, result) -> None:
        if item != self.current:
            return
        if result is None:
            self.say(tr("Over {label} is nog niet gestemd.").format(label=item.label))
            return
        self.showing_result = True
        self.screen_window.show_result(result)

    def _changed(self, *_args) -> None:
        if self.current is None or not self.screen_window.isVisible():
            return
        if self.showing_result:
            self.show_result()
        else:
            self._show_current()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            messages.show_error(self, tr("Scherm in de raadzaal"), error.message)
        else:
            raise error

    # -- closing ---------------------------------------------------------------------------

    def close_screen(self) -> None:
        self.screen_window.close()  # and _screen_closed takes the panel away

    def _screen_closed(self) -> None:
        self.ctx.changes.section.disconnect(self._changed)
        self.ctx.changes.outline.disconnect(self._changed)
        self.hide()
        self.screen_window.deleteLater()
        self.deleteLater()
        parent = self.parent()
        if parent is not None and getattr(parent, "chamber", None) is self:
            parent.chamber = None


def open_chamber(window) -> None:
    """Griffie → Scherm in de raadzaal…: the screen on the chosen projector, the controls in ``window``."""
    if window.chamber is not None:
        window.chamber.screen_window.raise_()
        return
    screen = ask_screen(window, QGuiApplication.screens())
    if screen is None:
        return
    panel = ChamberPanel(window.ctx, window.runner, window.say, window)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, panel)
    panel.show()  # a toolbar added to a window already shown stays hidden otherwise
    window.chamber = panel
    panel.open_on(screen)
