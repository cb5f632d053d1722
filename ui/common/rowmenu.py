"""The context menu of a row: the actions the view's buttons offer for it, by mouse or keyboard.

A right-click makes the row under the pointer the current one first, so the
menu acts on the row it was opened on; the menu key and Shift+F10 open it
under the current row; Return (the view's ``activated``) does the default.
An entry backed by a button is enabled exactly when that button is, so the
menu never offers what the button would refuse.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QMenu

from raadsakkoord.base.i18n import tr


def button_action(button: QAbstractButton, text: str | None = None) -> QAction:
    """An entry that does what ``button`` does, enabled and shown as the button is."""
    action = QAction(text or button.text(), button)
    action.triggered.connect(lambda _checked=False: button.click())
    action.setProperty("button", button)
    return action


def row_text(view: QAbstractItemView) -> str:
    """The current row as its shown columns, tab-separated: pasted into a mail or a spreadsheet it stays a row."""
    current = view.currentIndex()
    if not current.isValid():
        return ""
    model = view.model()
    hidden = getattr(view, "isColumnHidden", lambda _column: False)
    cells = (model.index(current.row(), column, current.parent()).data()
             for column in range(model.columnCount(current.parent())) if not hidden(column))
    return "\t".join(str(cell) for cell in cells if cell not in (None, ""))


def copy_action(view: QAbstractItemView) -> QAction:
    """"Kopiëren" (Ctrl+C): the current row to the clipboard."""
    action = QAction(tr("&Kopiëren"), view)
    action.setShortcut(QKeySequence.StandardKey.Copy)
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(lambda _checked=False: QApplication.clipboard().setText(row_text(view)))
    view.addAction(action)  # so Ctrl+C works without the menu
    return action


class RowMenu(QObject):
    """``actions`` in order (None for a separator); ``default`` runs on Return or a double-click."""

    def __init__(self, view: QAbstractItemView, actions: list[QAction | None], *,
                 default: QAction | None = None) -> None:
        super().__init__(view)
        self.view = view
        self.actions = actions
        self.menu: QMenu | None = None  # the menu last opened, for tests to read
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._at_pointer)
        shortcut = QShortcut(QKeySequence("Shift+F10"), view)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)  # each view its own: the window has several
        shortcut.activated.connect(self.open_at_current)
        view.installEventFilter(self)  # the menu key, which an item view would otherwise swallow
        if default is not None:
            view.activated.connect(lambda index: self._activate(index, default))

    def _activate(self, index, default: QAction) -> None:
        # The actions read the current row: make it the activated one, which
        # the view does not guarantee (an item can be activated without focus).
        if index.isValid() and index != self.view.currentIndex():
            self.view.setCurrentIndex(index)
        default.trigger()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Menu:
            self.open_at_current()
            return True
        return False

    def _at_pointer(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        if index.isValid():
            self.view.setCurrentIndex(index)
        self.open(self.view.viewport().mapToGlobal(position))

    def open_at_current(self) -> None:
        rect = self.view.visualRect(self.view.currentIndex())
        where = rect.bottomLeft() if rect.isValid() else self.view.viewport().rect().center()
        self.open(self.view.viewport().mapToGlobal(where))

    def open(self, where: QPoint) -> QMenu:
        menu = QMenu(self.view)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for action in self.actions:
            if action is None:
                menu.addSeparator()
                continue
            button = action.property("button")
            if button is not None:
                action.setEnabled(button.isEnabled())
                action.setVisible(button.isVisibleTo(button.window()))
            menu.addAction(action)
        self.menu = menu
        if any(action.isVisible() for action in menu.actions() if not action.isSeparator()):
            menu.popup(where)  # a row with nothing to do gets no empty menu
        return menu
