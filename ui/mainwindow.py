"""The main window: the navigator beside the text of the chosen section."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QSplitter,
    QTextBrowser,
    QTreeView,
)

from raadsakkoord.errors import UserError
from raadsakkoord.model import Position
from raadsakkoord.outline import agreement_outline
from raadsakkoord.store import Workspace, open_workspace
from raadsakkoord.support import Tally
from ui import messages
from ui.navigator import NavigatorModel

WORKSPACE_FILTER = "Raadsakkoord-werkruimte (*.raadsakkoord *.db *.sqlite);;Alle bestanden (*)"


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.workspace: Workspace | None = None
        self.setWindowTitle("Raadsakkoord")
        self.model = NavigatorModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setAccessibleName("Hoofdstukken en hoofdlijnen")
        self.tree.selectionModel().currentChanged.connect(self._show_current)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(False)
        self.text.setAccessibleName("Tekst van de hoofdlijn")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.text)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([460, 740])
        self.setCentralWidget(self.splitter)
        self.workspace_label = QLabel()
        self.statusBar().addPermanentWidget(self.workspace_label)
        self._build_menu()
        self._show_placeholder()
        self._restore_geometry()

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu("&Bestand")
        self.open_action = QAction("&Openen…", self, shortcut=QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.choose_workspace)
        menu.addAction(self.open_action)
        menu.addSeparator()
        quit_action = QAction("&Afsluiten", self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)

    def _show_placeholder(self) -> None:
        self.text.setMarkdown(
            "# Welkom bij Raadsakkoord\n\nOpen een werkruimte via **Bestand → Openen…** (Ctrl+O)."
        )

    def choose_workspace(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Werkruimte openen", str(Path.home()), WORKSPACE_FILTER)
        if path:
            self.open_workspace(path)

    def open_workspace(self, target: str) -> bool:
        """Open a workspace; on failure say why in Dutch and keep the current one."""
        try:
            workspace = open_workspace(target)
            with workspace.action() as session:
                outline = agreement_outline(session)
        except UserError as exc:
            messages.show_error(self, "Werkruimte openen", exc.message)
            return False
        if self.workspace is not None:
            self.workspace.close()
        self.workspace = workspace
        self.setWindowTitle(f"{outline.title} — Raadsakkoord")
        self.workspace_label.setText(workspace.label)
        self.model.set_outline(outline.chapters, outline.council_seats)
        self.tree.expandAll()
        first = self.model.index(0, 0, self.model.index(0, 0))
        if first.isValid():
            self.tree.setCurrentIndex(first)
        return True

    def _show_current(self, current, _previous) -> None:
        section = self.model.section_at(current)
        if section is None:
            return
        # Raw HTML inside a section is shown as text, never interpreted.
        self.text.document().setMarkdown(
            f"## {section.number} {_escape_heading(section.title)}\n\n{section.text}\n\n"
            f"{support_markdown(section.support)}",
            QTextDocument.MarkdownFeature.MarkdownDialectGitHub | QTextDocument.MarkdownFeature.MarkdownNoHTML,
        )

    def _restore_geometry(self) -> None:
        settings = QSettings()
        geometry = settings.value("mainwindow/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1100, 720)
        state = settings.value("mainwindow/splitter")
        if state is not None:
            self.splitter.restoreState(state)

    def closeEvent(self, event) -> None:
        settings = QSettings()
        settings.setValue("mainwindow/geometry", self.saveGeometry())
        settings.setValue("mainwindow/splitter", self.splitter.saveState())
        if self.workspace is not None:
            self.workspace.close()
            self.workspace = None
        super().closeEvent(event)


def support_markdown(tally: Tally) -> str:
    """The section's support in words, under its text."""
    share = f"{tally.support_seats} van {tally.council_seats} zetels ({tally.support_share:.0%})"
    verdict = ("brede steun" if tally.has_broad_support
               else "een meerderheid" if tally.has_majority else "geen meerderheid")
    lines = [f"---\n\n**Steun:** {share}: {verdict}."]
    for position, label in ((Position.SUPPORT, "Steunen"), (Position.OPPOSE, "Steunen niet"),
                            (Position.ABSTAIN, "Onthouden zich")):
        parties = tally.parties(position)
        if parties:
            lines.append(f"{label}: " + ", ".join(f"{p.short_name} ({p.seats})" for p in parties) + ".")
    if tally.stale:
        lines.append("Nog te bevestigen na de laatste wijziging: "
                     + ", ".join(p.short_name for p in tally.stale) + ".")
    for party in tally.minority_positions:
        lines.append(f"> **Minderheidsstandpunt {party.short_name}:** {_escape_heading(party.minority_position)}")
    return "\n\n".join(lines)


def _escape_heading(title: str) -> str:
    return "".join("\\" + ch if ch in "\\`*_[]#<>" else ch for ch in title)
