"""The inbox: which party sent which package and when, and who has sent nothing yet.

Two thin table models over the core's ``inbox.inbox`` read model. Reading
packages in is ``exchangeui.import_packages`` (with its report per package);
this view only offers it, by button or by dropping .rkpkg files on it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from raadsakkoord.base.errors import UserError
from raadsakkoord.base.i18n import tr, trn
from raadsakkoord.queries.inbox import Inbox, PartyInbox, ReceivedPackage, inbox
from ui.exchange import packages as exchangeui
from ui.common import messages
from ui.common.context import Context
from ui.common.background import TaskRunner
from ui.common.render import local_time
from ui.common.rowsmodel import RowsTableModel
from ui.common.rowmenu import RowMenu, button_action, copy_action

_Index = QModelIndex | QPersistentModelIndex
NOTHING_YET = QColor("#a15c00")


def package_paths(paths: Sequence[str]) -> list[str]:
    return [p for p in paths if p.lower().endswith(exchangeui.PACKAGE_SUFFIX)]


class PartyInboxModel(RowsTableModel):
    """Per party: how many packages, and the last one; "nog niets ontvangen" when none came."""

    COLUMNS = 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (tr("Fractie"), tr("Zetels"), tr("Pakketten"), tr("Laatste pakket gemaakt op"),
                    tr("Ingelezen op"))[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        party: PartyInbox = self.row(index.row())
        column = index.column()
        last = party.last
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return party.short_name
            if column == 1:
                return str(party.seats)
            if column == 2:
                return str(party.packages)
            if column == 3:
                return tr("{when} (nr. {sequence})").format(when=local_time(last.created_at),
                                                           sequence=last.sequence) if last else tr("nog niets ontvangen")
            return local_time(last.recorded_at) if last else ""
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return party.name
        if role == Qt.ItemDataRole.AccessibleTextRole and column == 4 and last is None:
            return tr("nog niets ingelezen")  # an empty cell reads as nothing at all
        if role == Qt.ItemDataRole.ForegroundRole and last is None and column == 3:
            return NOTHING_YET
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (1, 2):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ReceivedModel(RowsTableModel):
    """Every package read in, newest first."""

    COLUMNS = 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (tr("Van"), tr("Nr."), tr("Gemaakt op"), tr("Ingelezen op"), tr("Op ronde"), tr("Inhoud"))[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return (None, tr("Het volgnummer van het pakket bij de afzender"), None, None,
                    tr("De ronde waarop de afzender werkte"), None)[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        package: ReceivedPackage = self.row(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (package.sender, str(package.sequence), local_time(package.created_at),
                    local_time(package.recorded_at),
                    str(package.base_round) if package.base_round is not None else "—", package.summary)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 5:
            return package.summary
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (1, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _table(model: QAbstractTableModel, name: str, stretch: int) -> QTableView:
    view = QTableView()
    view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move within it
    view.setModel(model)
    view.setAccessibleName(name)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    header = view.horizontalHeader()
    for column in range(model.columnCount()):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


class InboxView(QWidget):
    """``bind(ctx)`` to a workspace, ``refresh()`` after changes; ``status`` carries one line for the status bar."""

    status = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, runner: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.ctx: Context | None = None
        self.runner = runner or TaskRunner(self)
        self.data: Inbox | None = None
        self.setAcceptDrops(True)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.import_button = QPushButton(tr("Pakketten &inlezen…"))
        self.import_button.setToolTip(tr("Pakketten van de fracties (of de griffie) inlezen; u kunt ze ook "
                                         "hierheen slepen"))
        self.import_button.clicked.connect(self.choose_and_import)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignTop)

        self.parties = PartyInboxModel(self)
        self.received = ReceivedModel(self)
        self.party_table = _table(self.parties, tr("Pakketten per fractie"), 3)
        self.received_table = _table(self.received, tr("Ontvangen pakketten"), 5)
        self.party_heading = QLabel(tr("Per fractie:"))
        self.received_heading = QLabel(tr("Ontvangen pakketten, nieuwste eerst:"))
        self.row_menus = [RowMenu(table, [button_action(self.import_button), None, copy_action(table)])
                          for table in (self.party_table, self.received_table)]
        hint = QLabel(tr("Sleep pakketbestanden (.rkpkg) op dit venster om ze in te lezen."))
        hint.setStyleSheet("color: #555555;")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.party_heading)
        layout.addWidget(self.party_table, 2)
        layout.addWidget(self.received_heading)
        layout.addWidget(self.received_table, 3)
        layout.addWidget(hint)

    # -- loading -----------------------------------------------------------------------------

    def bind(self, ctx: Context | None) -> None:
        if self.ctx is not None:
            self.ctx.changes.outline.disconnect(self.refresh)
        self.ctx = ctx
        self.import_button.setEnabled(ctx is not None)
        if ctx is None:
            self.data = None
            self.parties.set_rows(())
            self.received.set_rows(())
            self.summary.clear()
            return
        griffie = ctx.party_id is None
        # A party receives only the griffie's round packages: the overview per party is the griffie's.
        self.party_heading.setVisible(griffie)
        self.party_table.setVisible(griffie)
        ctx.changes.outline.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return

        def load() -> Inbox:
            with ctx.action() as session:
                return inbox(session)

        self.runner.run(load, lambda data: self._loaded(ctx, data), self._failed)

    def _loaded(self, ctx: Context, data: Inbox) -> None:
        if ctx is not self.ctx:
            return
        self.data = data
        self.parties.set_rows(data.parties)
        self.received.set_rows(data.received)
        if ctx.party_id is not None:
            self.summary.setText(trn("{n} rondepakket van de griffie ingelezen.",
                                     "{n} rondepakketten van de griffie ingelezen.", len(data.received)).format(
                n=len(data.received)))
            return
        waiting = [p.short_name for p in data.parties if p.last is None]
        line = trn("{n} pakket ontvangen.", "{n} pakketten ontvangen.", len(data.received)).format(
            n=len(data.received))
        if waiting:
            line += " " + tr("Nog niets ontvangen van: {parties}.").format(parties=", ".join(waiting))
        elif data.parties:
            line += " " + tr("Van elke fractie is een pakket binnen.")
        self.summary.setText(line)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            messages.show_error(self, tr("Postvak"), error.message)
        else:
            raise error

    # -- reading packages in -----------------------------------------------------------------

    def choose_and_import(self) -> None:
        paths = exchangeui.choose_package_files(self)
        if paths:
            self.import_files(paths)

    def import_files(self, paths: Sequence[str]) -> None:
        if self.ctx is None:
            return

        def done(line: str) -> None:
            self.status.emit(line)
            self.refresh()

        exchangeui.import_packages(self, self.ctx, self.runner, list(paths), done)

    def dragEnterEvent(self, event) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if self.ctx is not None and package_paths([u.toLocalFile() for u in urls if u.isLocalFile()]):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = package_paths([u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()])
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)
