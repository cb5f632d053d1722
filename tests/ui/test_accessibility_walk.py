"""Every screen of the demo, walked as a keyboard and screen-reader user would meet it.

For each section tab, tool view and dialog the menus open, the walk checks
that every interactive widget and every table cell has a name a screen
reader can speak, that Tab leaves every table and list, that no mnemonic is
used twice in a window or menu, that text keeps a contrast of 4.5:1 and that
the support bars say their numbers in words.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QAccessible, QColor, QKeySequence, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from raadsakkoord import operations as ops
from raadsakkoord.model import Party, Section
from raadsakkoord.store.workspace import open_workspace
from tests.ui.conftest import griffie_identity, party_identity
from ui.common.contrast import contrast
from ui.shell import navigator

SECTION = "Meedoen zonder geldzorgen"  # 8.4: several open amendments, some colliding
CELL_ROWS = 60  # enough rows of each table to meet every kind of cell


# -- measures -------------------------------------------------------------------------------

def test_contrast_follows_wcag():
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast(QColor("#767676"), QColor("#ffffff")) == pytest.approx(4.54, abs=0.01)


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return (interface.text(QAccessible.Text.Name) or "").strip() if interface else ""


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).casefold() if found else None


_INTERACTIVE = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit, QTextEdit,
                QPlainTextEdit, QTabBar)


def interactive(widget: QWidget) -> bool:
    if not widget.isVisible() or not isinstance(widget, _INTERACTIVE) or isinstance(widget, QHeaderView):
        return False  # a header is spoken by the table's cells
    # A line edit inside a combo box or spin box is spoken as part of it.
    return not (isinstance(widget, QLineEdit) and isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)))


@dataclass
class Findings:
    unnamed: list[str] = field(default_factory=list)
    empty_cells: list[str] = field(default_factory=list)
    traps: list[str] = field(default_factory=list)
    mnemonics: list[str] = field(default_factory=list)
    contrast: list[str] = field(default_factory=list)
    bars: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {name: len(items) for name, items in vars(self).items()}


def describe(widget: QWidget) -> str:
    return f"{type(widget).__name__}({widget.objectName() or widget.text() if hasattr(widget, 'text') else ''})"


class Walk:
    def __init__(self) -> None:
        self.found = Findings()
        self.seen_screens: list[str] = []
        self._seen_views: set[int] = set()

    def screen(self, name: str, root: QWidget, *, menus: bool = False) -> None:
        QApplication.processEvents()
        self.seen_screens.append(name)
        widgets = [root, *root.findChildren(QWidget)]
        for widget in widgets:
            if interactive(widget) and not accessible_name(widget):
                self.found.unnamed.append(f"{name}: {describe(widget)}")
            if (isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView)
                    and widget.isVisible() and widget.model() is not None and id(widget) not in self._seen_views):
                self._seen_views.add(id(widget))
                self._cells(name, widget)
                self._trap(name, widget)
            if widget.isVisible():
                self._style_contrast(name, widget)
        self._mnemonics(name, root, menus)

    def _cells(self, name: str, view: QAbstractItemView) -> None:
        model = view.model()
        background = view.palette().color(QPalette.ColorRole.Base)
        text = view.palette().color(QPalette.ColorRole.Text)

        flat = isinstance(model, QAbstractListModel)  # whose columnCount and hasChildren PySide6 hides

        def walk(parent: QModelIndex) -> None:
            for row in range(min(model.rowCount(parent), CELL_ROWS)):
                for column in range(1 if flat else model.columnCount(parent)):
                    if hasattr(view, "isColumnHidden") and view.isColumnHidden(column):
                        continue
                    index = model.index(row, column, parent)
                    spoken = index.data(Qt.ItemDataRole.AccessibleTextRole) or index.data()
                    if not str(spoken or "").strip():
                        self.found.empty_cells.append(f"{name}: {type(view).__name__} cell {row},{column}")
                    fore = index.data(Qt.ItemDataRole.ForegroundRole)
                    back = index.data(Qt.ItemDataRole.BackgroundRole)
                    fore = QColor(fore.color() if hasattr(fore, "color") else fore) if fore is not None else text
                    back = QColor(back.color() if hasattr(back, "color") else back) if back is not None \
                        else background
                    if index.data() and contrast(fore, back) < 4.5:
                        self.found.contrast.append(
                            f"{name}: cell {row},{column} {fore.name()} on {back.name()} "
                            f"{contrast(fore, back):.2f}")
                index = model.index(row, 0, parent)
                if not flat and model.rowCount(index):
                    walk(index)

        walk(QModelIndex())

    def _trap(self, name: str, view: QAbstractItemView) -> None:
        if view.focusPolicy() == Qt.FocusPolicy.NoFocus or not view.isEnabled():
            return
        for key, modifier in ((Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier),
                              (Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)):
            view.setFocus(Qt.FocusReason.TabFocusReason)
            QApplication.processEvents()
            for _ in range(3):
                QTest.keyClick(QApplication.focusWidget() or view, key, modifier)
            focus = QApplication.focusWidget()
            if focus is view or (focus is not None and view.isAncestorOf(focus)):
                self.found.traps.append(f"{name}: {view.accessibleName() or type(view).__name__} ({key.name})")

    def _style_contrast(self, name: str, widget: QWidget) -> None:
        sheet = widget.styleSheet()
        fore = re.search(r"(?<![-\w])color:\s*([^;]+)", sheet)
        if not fore:
            return
        back = re.search(r"background(?:-color)?:\s*(#[0-9a-fA-F]{6})", sheet)
        value = fore.group(1).strip()
        colour = (widget.palette().color(QPalette.ColorRole.PlaceholderText) if "placeholder" in value
                  else QColor(value))
        behind = QColor(back.group(1)) if back else widget.palette().color(QPalette.ColorRole.Window)
        if contrast(colour, behind) < 4.5:
            self.found.contrast.append(f"{name}: {describe(widget)} {colour.name()} on {behind.name()}")

    def _mnemonics(self, name: str, root: QWidget, menus: bool) -> None:
        letters: list[str] = []
        for widget in root.findChildren(QWidget):
            if not widget.isVisible() or isinstance(widget, QMenu):
                continue
            if isinstance(widget, (QAbstractButton, QGroupBox)) or (isinstance(widget, QLabel) and widget.buddy()):
                text = widget.title() if isinstance(widget, QGroupBox) else widget.text()
                letters.append(mnemonic(text))
            if isinstance(widget, QTabBar):
                letters += [mnemonic(widget.tabText(i)) for i in range(widget.count()) if widget.isTabVisible(i)]
        if menus:
            bar = root.menuBar()
            letters += [mnemonic(action.text()) for action in bar.actions() if action.isVisible()]
            for action in bar.actions():
                if action.menu():
                    self._menu_mnemonics(f"{name} / {action.text()}", action.menu())
        for letter, count in Counter(filter(None, letters)).items():
            if count > 1:
                self.found.mnemonics.append(f"{name}: Alt+{letter.upper()} {count}×")

    def _menu_mnemonics(self, name: str, menu: QMenu) -> None:
        letters = [mnemonic(action.text()) for action in menu.actions() if action.isVisible()]
        for letter, count in Counter(filter(None, letters)).items():
            if count > 1:
                self.found.mnemonics.append(f"{name}: {letter.upper()} {count}×")
        for action in menu.actions():
            if action.menu():
                self._menu_mnemonics(f"{name} / {action.text()}", action.menu())


@pytest.fixture
def collisions(demo_path):
    """Three parties change the same sentence of 8.4, so the collision grid has something to show."""
    workspace = open_workspace(demo_path)
    with workspace.action() as s:
        section = s.scalars(sa.select(Section).where(Section.title == SECTION)).one()
        for short, new in (("VVD", "ligt op 125"), ("PvdA", "ligt op 140")):
            party = s.scalars(sa.select(Party).where(Party.short_name == short)).one()
            ops.propose_amendment(s, ops.Actor.of_party(party.id, "Lid"), kind="modify", section_id=section.id,
                                  headline=f"Inkomensgrens ({short})",
                                  text=section.text.replace("ligt op 120", new), submit=True)
        section_id = section.id
    workspace.close()
    return section_id


@pytest.fixture
def walked_dialogs(monkeypatch):
    """Modal dialogs are walked instead of waited on: shown, checked, and closed."""
    walk: list[Walk] = []

    def exec_(dialog: QDialog) -> int:
        dialog.show()
        QApplication.processEvents()
        if walk:
            walk[0].screen(f"dialoog {dialog.windowTitle()}", dialog)
        dialog.reject()
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(QDialog, "exec", exec_)
    return walk


def _walk_window(window, walk: Walk, section_id) -> None:
    window.resize(1400, 900)
    window.go_to_section(section_id)
    views = window.work.section_view
    for index in range(views.count()):
        if not views.isTabVisible(index):
            continue
        views.setCurrentIndex(index)
        walk.screen(f"tab {views.tabText(index)}", window, menus=True)
    for name in ("agenda", "support", "inbox", "audit"):
        getattr(window, f"{name}_action").trigger()
        walk.screen(f"gereedschap {name}", window, menus=True)
    if window.chamber_action.isVisible():
        window.chamber_action.trigger()
        walk.screen("bediening van de raadzaal", window, menus=True)
        walk.screen("scherm in de raadzaal", window.chamber.screen_window)
        window.chamber.close_screen()
    window.work.setCurrentIndex(0)
    for name in ("readability", "settings", "about", "help", "export", "publish", "votes", "switch_identity",
                 "database"):
        action = getattr(window, f"{name}_action")
        if not action.isEnabled():
            continue
        before = set(QApplication.topLevelWidgets())
        action.trigger()
        QApplication.processEvents()
        for widget in set(QApplication.topLevelWidgets()) - before:
            if isinstance(widget, QDialog) and widget.isVisible():
                walk.screen(f"dialoog {widget.windowTitle()}", widget)
                widget.close()


def test_every_screen_is_named_keyboard_usable_and_readable(window, demo_path, collisions, walked_dialogs):
    walk = Walk()
    walked_dialogs.append(walk)
    assert window.open_workspace(demo_path, griffie_identity())
    _walk_window(window, walk, collisions)
    assert len(walk.seen_screens) >= 14, walk.seen_screens
    assert {s for s in walk.seen_screens if s.startswith("dialoog")} == {
        "dialoog Leesbaarheid van het raadsakkoord", "dialoog Over Raadsakkoord", "dialoog Exporteren",
        "dialoog Ronde publiceren", "dialoog Stemmingen", "dialoog Instellingen", "dialoog Wie werkt er?",
        "dialoog Gedeelde werkruimte openen"}
    found = walk.found
    assert found.counts() == {name: 0 for name in found.counts()}, "\n".join(
        line for items in vars(found).values() for line in items)


def test_a_party_member_meets_no_unnamed_widgets_or_traps_either(window, demo_path, collisions, walked_dialogs):
    walk = Walk()
    walked_dialogs.append(walk)
    workspace = open_workspace(demo_path)
    identity = party_identity(workspace, "GL")
    workspace.close()
    assert window.open_workspace(demo_path, identity)
    _walk_window(window, walk, collisions)
    # Publishing is the griffie's: a party's window has no such dialog to open.
    assert {s for s in walk.seen_screens if s.startswith("dialoog")} == {
        "dialoog Leesbaarheid van het raadsakkoord", "dialoog Over Raadsakkoord", "dialoog Exporteren",
        "dialoog Instellingen", "dialoog Wie werkt er?", "dialoog Gedeelde werkruimte openen"}
    found = walk.found
    assert found.counts() == {name: 0 for name in found.counts()}, "\n".join(
        line for items in vars(found).values() for line in items)


def test_the_palette_keeps_text_and_hints_readable(window):
    palette = QApplication.palette()
    role = QPalette.ColorRole
    for fore, back in ((role.Text, role.Base), (role.WindowText, role.Window), (role.ButtonText, role.Button),
                       (role.HighlightedText, role.Highlight), (role.PlaceholderText, role.Base),
                       (role.ToolTipText, role.ToolTipBase)):
        assert contrast(palette.color(fore), palette.color(back)) >= 4.5, (fore, back)


def test_the_support_bar_says_every_number_in_words(window, demo_path):
    assert window.open_workspace(demo_path, griffie_identity())
    model = window.navigator.model
    chapter = model.index(0, 0)
    cell = model.index(0, navigator.SUPPORT, chapter)
    tally = cell.data(navigator.NavigatorModel.TallyRole)
    for role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
        words = cell.data(role)
        assert f"{tally.support_seats} zetels voor" in words
        assert f"{tally.oppose_seats} tegen" in words
        assert f"{tally.abstain_seats} onthouding" in words


def test_standard_keys_close_tabs_and_reach_quit_and_preferences(window, demo_path):
    assert window.open_workspace(demo_path, griffie_identity())
    for name in ("quit", "settings", "open", "export"):
        assert not getattr(window, f"{name}_action").shortcut().isEmpty(), name
    window.inbox_action.trigger()
    tabs = window.work.count()
    window.work.currentWidget().setFocus()
    QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Close))
    assert window.work.count() == tabs - 1
    window.audit_action.trigger()
    QTest.keyClick(window, Qt.Key.Key_F4, Qt.KeyboardModifier.ControlModifier)
    assert window.work.count() == tabs - 1


def test_return_on_a_row_does_what_a_double_click_does(window, demo_path, collisions):
    workspace = open_workspace(demo_path)
    actor, label = party_identity(workspace, "GL")
    with workspace.action() as s:
        section = s.get(Section, collisions)
        ops.propose_amendment(s, actor, kind="modify", section_id=collisions, headline="Een eigen concept",
                              text=section.text + " Nog een zin.", submit=False)
    workspace.close()
    assert window.open_workspace(demo_path, (actor, label))
    window.go_to_section(collisions)
    views = window.work.section_view
    views.setCurrentIndex(3)
    table = views.amendment_table
    model = table.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 2).data() == "Een eigen concept")
    table.setFocus()
    table.selectRow(row)
    assert views.open_amendment_action.isEnabled()
    editors = len(window.work.editors)
    QTest.keyClick(table, Qt.Key.Key_Return)
    assert len(window.work.editors) == editors + 1


def test_return_in_the_collision_grid_selects_that_amendment(window, demo_path, collisions):
    assert window.open_workspace(demo_path, griffie_identity())
    window.go_to_section(collisions)
    views = window.work.section_view
    views.setCurrentIndex(4)
    consolidation = views.consolidation
    grid = consolidation.grid
    grid.setFocus()
    last = grid.model().rowCount() - 1
    grid.setCurrentIndex(grid.model().index(last, 0))
    consolidation.table.selectRow(0)
    QTest.keyClick(grid, Qt.Key.Key_Return)
    chosen = grid.model().entry(last)
    assert consolidation.table.currentIndex().row() == consolidation.choice_model.row_of(chosen.id)


def test_opposing_and_abstaining_seats_differ_from_support_by_more_than_colour(qapp):
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QImage, QPainter

    from ui.common.supportbar import ABSTAIN_PATTERN, OPPOSE_PATTERN, paint_seat_bar

    image = QImage(120, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    paint_seat_bar(painter, QRect(0, 0, 120, 20), ((10, QColor("#2e7d32")), (10, QColor("#c62828"), OPPOSE_PATTERN),
                                                   (10, QColor("#9e9e9e"), ABSTAIN_PATTERN)), 30)
    painter.end()

    def colours(left: int) -> set[int]:
        return {image.pixel(x, y) for x in range(left + 3, left + 37) for y in range(3, 17)}

    assert len(colours(0)) == 1  # support: plain
    assert QColor("#ffffff").rgb() in colours(40) and QColor("#c62828").rgb() in colours(40)  # oppose: hatched
    assert QColor("#ffffff").rgb() in colours(80) and QColor("#9e9e9e").rgb() in colours(80)  # abstain: dotted
