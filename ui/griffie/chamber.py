"""The screen in the council chamber (het scherm in de raadzaal): the item being voted on, for the projector.

A top-level window of its own, without a single button: the audience sees
it. The griffie steers it from the main window (``chamberpanel``). Black on
white, type sized from the window's height (a 48 px headline and 28 px body
at 1080 lines) so the back row reads it on any projector; insertions are
underlined and deletions struck through, so the changes read without colour.
The window renders only what the panel hands it: it reads no workspace.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QTextBrowser, QVBoxLayout, QWidget

from raadsakkoord.base.i18n import mark, tr
from raadsakkoord.queries.chamber import DELETE, INSERT, ChamberItem
from raadsakkoord.queries.voting import AGREEMENT, VoteResult

# Black on white, and every other colour at least 7:1 on white (WCAG AAA for any size).
INK, PAPER = "#000000", "#ffffff"
ADDED = "#0a3d12"  # dark green: 12:1
STRUCK = "#6e0000"  # dark red: 12:1
QUIET = "#333333"  # line numbers and captions: 12.6:1
CHANGED_LINE = "#fff4c2"  # the ground of a changed line, so the eye finds it; every text on it stays above 7:1
# Sizes as a share of the window's height: 48 and 28 px at 1080.
HEADLINE_SHARE, BODY_SHARE = 48 / 1080, 28 / 1080
SMALLEST_BODY_SHARE = 20 / 1080  # a long text is made smaller down to this, never unreadable

OUTCOMES = {"adopted": mark("Aangenomen"), "rejected": mark("Verworpen"), "tied": mark("Staking van stemmen")}


def _text(value: str) -> str:
    return html.escape(value, quote=False)


def _title(kind: str, label: str, headline: str) -> str:
    """"A3  Meer woningen", "Hoofdlijn 8.4  Betaalbaar wonen"; the agreement by its title alone."""
    if kind == AGREEMENT or not label:
        return _text(headline)
    return f"{_text(label[:1].upper() + label[1:])}&nbsp;&nbsp;{_text(headline)}"


def item_html(item: ChamberItem, headline_px: int, body_px: int, *, explanation: bool = True) -> str:
    quiet = f"color:{QUIET}; font-size:{body_px}px;"
    title = _title(item.item.kind, item.label, item.headline)
    parts = [f"<p style='font-size:{headline_px}px; font-weight:bold; margin:0 0 {body_px // 3}px 0;'>{title}</p>",
             f"<p style='{quiet} margin:0;'>{_text(item.caption)}</p>"]
    if item.submitters:
        parts.append(f"<p style='{quiet} margin:0 0 {body_px // 2}px 0;'>"
                     f"{_text(tr('Ingediend door {parties}').format(parties=', '.join(item.submitters)))}</p>")
    if item.lines:
        rows = []
        for line in item.lines:
            number = str(line.number) if line.number is not None else ""
            cells = []
            for index, piece in enumerate(line.pieces):
                if index and {piece.op, line.pieces[index - 1].op} == {INSERT, DELETE} and not (
                        piece.text[:1].isspace() or line.pieces[index - 1].text[-1:].isspace()):
                    cells.append(" ")  # "120 130", never "120130", where a deletion meets an insertion
                if piece.op == INSERT:
                    cells.append(f"<u style='color:{ADDED}; font-weight:bold;'>{_text(piece.text)}</u>")
                elif piece.op == DELETE:
                    cells.append(f"<s style='color:{STRUCK};'>{_text(piece.text)}</s>")
                else:
                    cells.append(_text(piece.text))
            ground = f" bgcolor='{CHANGED_LINE}'" if line.changed else ""
            weight = "font-weight:bold; " if line.changed else ""
            rows.append(f"<tr><td align='right'{ground} style='{weight}color:{QUIET}; padding-right:{body_px // 2}px;'>"
                        f"{number}</td><td{ground}>{''.join(cells)}</td></tr>")
        parts.append(f"<table cellspacing='0' cellpadding='1' style='font-size:{body_px}px;'>{''.join(rows)}</table>")
        if any(line.changed for line in item.lines):
            parts.append(f"<p style='{quiet} margin-top:{body_px // 2}px;'>"
                         f"<u style='color:{ADDED}; font-weight:bold;'>{_text(tr('onderstreept: toegevoegd'))}</u>"
                         f"&nbsp;&nbsp;&nbsp;<s style='color:{STRUCK};'>{_text(tr('doorgestreept: geschrapt'))}</s>"
                         f"</p>")
    if explanation and item.explanation:
        parts.append(f"<p style='font-size:{body_px}px; font-weight:bold; margin-top:{body_px}px;'>"
                     f"{_text(tr('Toelichting'))}</p>")
        parts.extend(f"<p style='font-size:{body_px}px;'>{_text(paragraph)}</p>"
                     for paragraph in item.explanation.split("\n\n") if paragraph.strip())
    for sentence in item.summary:
        parts.append(f"<p style='font-size:{body_px}px;'>{_text(sentence)}</p>")
    return "".join(parts)


def result_html(result: VoteResult, headline_px: int, body_px: int) -> str:
    item = result.item
    outcome = tr(OUTCOMES[result.outcome])
    title = _title(item.kind, item.label, item.title)
    outcome_px = round(headline_px * 1.6)  # the outcome is what the room waits for
    votes = tr("{votes_for} voor, {votes_against} tegen").format(
        votes_for=result.votes_for, votes_against=result.votes_against)
    absent = (f"<span style='color:{QUIET}; font-size:{body_px}px;'>&nbsp;&nbsp;"
              f"{_text(tr('{absent} afwezig').format(absent=result.absent))}</span>") if result.absent else ""
    parts = [f"<p style='font-size:{headline_px}px; font-weight:bold; margin:0;'>{title}</p>",
             f"<p style='font-size:{outcome_px}px; font-weight:bold; margin:{body_px // 3}px 0;'>{_text(outcome)}</p>",
             f"<p style='font-size:{headline_px}px; margin:0 0 {body_px // 2}px 0;'>{_text(votes)}{absent}</p>"]
    head = "".join(f"<th align='{align}' style='padding:0 {body_px}px 0 0;'>{_text(text)}</th>"
                   for align, text in (("left", tr("Fractie")), ("right", tr("Zetels")),
                                       ("right", tr("Voor")), ("right", tr("Tegen")), ("left", "")))
    rows = []
    for party in result.parties:
        notes = []
        if party.absent:
            notes.append(tr("afwezig: {names}").format(names=", ".join(party.absent)))
        if party.split:
            notes.extend((tr("{member} stemde voor") if choice == "for" else tr("{member} stemde tegen")).format(
                member=member) for member, choice in party.split)
        cells = [("left", party.short_name), ("right", str(party.seats)), ("right", str(party.votes_for)),
                 ("right", str(party.votes_against))]
        row = "".join(f"<td align='{align}' style='padding:0 {body_px}px 0 0;'>{_text(text)}</td>"
                      for align, text in cells)
        rows.append(f"<tr>{row}<td style='color:{QUIET}; font-size:{round(body_px * 0.8)}px;'>"
                    f"{'<br>'.join(_text(note) for note in notes)}</td></tr>")
    parts.append(f"<table cellspacing='0' cellpadding='2' style='font-size:{body_px}px;'>"
                 f"<tr>{head}</tr>{''.join(rows)}</table>")
    return "".join(parts)


class ChamberScreen(QWidget):
    """The projected window; ``show_item``, ``show_result`` and ``show_message`` say what it shows."""

    closed = Signal()

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setWindowTitle(tr("Scherm in de raadzaal"))
        self.setAccessibleName(tr("Scherm in de raadzaal"))
        self.setObjectName("chamber-screen")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.page = QTextBrowser()
        self.page.setFrameShape(QFrame.Shape.NoFrame)
        self.page.setOpenLinks(False)
        self.page.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.page.setAccessibleName(tr("Wat de raadzaal ziet"))
        # No scroll bars before the audience: a long text is set smaller to fit instead.
        self.page.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.page.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        palette = self.page.palette()
        for role, colour in ((QPalette.ColorRole.Base, PAPER), (QPalette.ColorRole.Window, PAPER),
                             (QPalette.ColorRole.Text, INK), (QPalette.ColorRole.WindowText, INK)):
            palette.setColor(role, QColor(colour))
        self.page.setPalette(palette)
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page)
        self._render = None  # how to make the page at given sizes
        self._roomy = None  # a richer page, shown instead where it fits
        self.shown = None  # the ChamberItem or VoteResult on the screen, for the panel and tests
        self.resize(1280, 720)

    def show_item(self, item: ChamberItem) -> None:
        self.shown = item
        # The explanation only where it fits beside the text at full size: the text goes first.
        self._render = lambda headline, body: item_html(item, headline, body, explanation=False)
        self._lay_out(lambda headline, body: item_html(item, headline, body))

    def show_result(self, result: VoteResult) -> None:
        self.shown = result
        # The parties' votes are few lines: as large as the headline where they fit.
        self._render = lambda headline, body: result_html(result, headline, body)
        self._lay_out(lambda headline, body: result_html(result, headline, headline))

    def show_message(self, text: str) -> None:
        self.shown = text
        self._roomy = None
        self._render = lambda headline, body: f"<p style='font-size:{headline}px;'>{_text(text)}</p>"
        self._lay_out()

    def sizes(self) -> tuple[int, int]:
        """The headline's and the body's size in pixels for this window's height."""
        height = max(self.height(), 200)
        return round(height * HEADLINE_SHARE), round(height * BODY_SHARE)

    def _fits(self, html_text: str) -> bool:
        self.page.setHtml(html_text)
        document = self.page.document()
        document.setTextWidth(self.page.viewport().width())
        return document.size().height() <= self.page.viewport().height()

    def _lay_out(self, roomy=None) -> None:
        """Render at the sizes for this height; ``roomy`` first (a richer page), if it fits as it is."""
        if roomy is not None:
            self._roomy = roomy
        if self._render is None:
            return
        headline, body = self.sizes()
        margin = max(body, 12)
        self.layout().setContentsMargins(margin * 2, margin, margin * 2, margin)
        self.layout().activate()
        if self._roomy is not None and self._fits(self._roomy(headline, body)):
            self.body_px = body
            return
        smallest = max(round(self.height() * SMALLEST_BODY_SHARE), 10)
        while not self._fits(self._render(headline, body)) and body > smallest:
            headline, body = max(round(headline * 0.92), smallest), max(round(body * 0.92), smallest)
        self.body_px = body

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._lay_out()

    def closeEvent(self, event) -> None:
        super().closeEvent(event)
        self.closed.emit()
