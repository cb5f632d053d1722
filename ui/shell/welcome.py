"""The page the window shows before a workspace is open: how to begin, and the workspaces opened lately."""

from __future__ import annotations

import html

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser

from raadsakkoord.base.i18n import tr
from ui.common.render import page
from ui.shell.recent import RecentWorkspaces


class WelcomePage(QTextBrowser):
    workspace_chosen = Signal(str)  # a recent workspace's target, clicked

    def __init__(self) -> None:
        super().__init__()
        self.setOpenLinks(False)
        self.anchorClicked.connect(
            lambda url: self.workspace_chosen.emit(url.toString(QUrl.ComponentFormattingOption.FullyDecoded)))

    def show_recent(self, recent: RecentWorkspaces) -> None:
        entries = [e for e in recent.entries() if not e.missing]
        links = "".join(f'<li><a href="{html.escape(e.target)}">{html.escape(e.label)}</a></li>' for e in entries)
        recent_part = f"<h3>{html.escape(tr('Recent geopend'))}</h3><ul>{links}</ul>" if links else ""
        intro = tr("Open een werkruimte via Bestand → Openen… (Ctrl+O), of sleep een werkruimte in dit "
                   "venster. Via het menu Bestand kunt u ook een nieuwe werkruimte maken uit een "
                   "brondocument (Markdown, Word of OpenDocument), of de demo van de gemeente Assen openen.")
        self.setHtml(page(f"<h1>{html.escape(tr('Welkom bij Raadsakkoord'))}</h1>"
                          f"<p>{html.escape(intro)}</p>{recent_part}"))
