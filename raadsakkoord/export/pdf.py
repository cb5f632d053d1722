"""PDF (PDF/A-1b) and ODT through Qt's text engine, with our own page furniture.

``QTextDocument.print_()`` adds a fixed margin and a bare page number, so the
pages are laid out here: the document gets
the size of the text area, each page is drawn with its header and a
"pagina X van Y" footer, and the table of contents is filled with the pages
the headings landed on, in a second pass.

The only module of the core that imports Qt; a QGuiApplication must exist
(the ``export`` command makes one without a window).

PySide6 6.12 on Python 3.11 drops a reference to None on every call that
returns None (setters, painter calls, null results): after a 600-page PDF
the interpreter aborted at exit ("none_dealloc"), with the file written but
exit status 134. The layout code avoids per-block calls that return None, and
``_keep_none_alive`` gives back what the rest took. Python 3.12 made None
immortal, so there nothing is needed.
"""

from __future__ import annotations

import bisect
import contextlib
import ctypes
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QPageLayout,
    QPageSize,
    QPagedPaintDevice,
    QPainter,
    QPdfWriter,
    QPen,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentWriter,
    QTextTable,
)

from raadsakkoord.base import paths
from raadsakkoord.base.errors import UserError
from raadsakkoord.export import qt_html
from raadsakkoord.export.amendments import AmendmentBook
from raadsakkoord.export.document import AgreementDocument, Meta, TaskAgenda, date_nl
from raadsakkoord.base.files import atomic_path
from raadsakkoord.export.progress import Step
from raadsakkoord.base.i18n import tr

FAMILY = "DejaVu Sans"
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf")
RESOLUTION = 300  # dots per inch of the PDF's coordinate space; text stays vector
MARGIN_MM = (22.0, 24.0, 22.0, 22.0)  # left, top, right, bottom: room for header and footer
BODY_PT = 10
_SLACK = 2.0  # device pixels
ROW_LINES = 12  # a data table row of up to this many lines is kept on one page
# Mending a cut row relayouts its whole table, once per cut: for the 1,000-row
# readability table of a ten-times agreement that doubled the PDF's time
# (25 s more), so rows stay as Qt cuts them in tables longer than this.
MENDED_ROWS = 250


def fonts_dir() -> Path:
    return paths.resource("fonts")


_registered = False


def register_fonts() -> None:
    """Use the shipped DejaVu Sans, so every machine makes the same PDF with every diacritic."""
    global _registered
    if _registered:
        return
    folder = fonts_dir()
    for name in FONT_FILES:
        if QFontDatabase.addApplicationFont(str(folder / name)) < 0:
            raise UserError(tr("Het lettertype {font} ontbreekt in {folder}; installeer Raadsakkoord opnieuw.").format(
                font=name, folder=folder))
    _registered = True


def body_font() -> QFont:
    font = QFont(FAMILY)
    font.setPointSizeF(BODY_PT)
    # Ligatures would turn "griffie" into "gri\ufb03e" for search and copy.
    font.setFeature(QFont.Tag("liga"), 0)
    return font


def _keeps_with_next(block) -> bool:
    # Headings, and the support line above its bar, belong with what follows.
    return bool(block.blockFormat().headingLevel()) or block.text().startswith(qt_html.SUPPORT_PREFIX)


class _Layout:
    """A QTextDocument laid out on A4 pages of a given device."""

    def __init__(self, device, html: str):
        register_fonts()
        self.device = device
        dpi = device.logicalDpiX()
        self.px = dpi / 25.4  # device units per millimetre
        left, top, right, bottom = (m * self.px for m in MARGIN_MM)
        page = QPageSize(QPageSize.A4).sizePoints()
        self.page_w, self.page_h = page.width() / 72 * dpi, page.height() / 72 * dpi
        self.body = QRectF(left, top, self.page_w - left - right, self.page_h - top - bottom)
        self.doc = QTextDocument()
        self.doc.documentLayout().setPaintDevice(device)
        self.doc.setDefaultFont(body_font())
        self.doc.setDocumentMargin(0)
        self.doc.setDefaultStyleSheet(qt_html.style())
        self.doc.setHtml(html)
        self.doc.setPageSize(QSizeF(self.body.width(), self.body.height()))
        self._keep_headings_with_next()

    def page_of(self, block) -> int:
        """The page of a block's first line (a block's box may start on the page before)."""
        top = self.doc.documentLayout().blockBoundingRect(block).top()
        layout = block.layout()
        if layout is not None and layout.lineCount():
            top += layout.lineAt(0).y()
        # A line pushed to a new page starts a hair above it (rounding): a
        # couple of device pixels of slack put it where the reader sees it.
        return int((top + _SLACK) // self.body.height()) + 1

    def _line_pages(self, block) -> list[int]:
        top = self.doc.documentLayout().blockBoundingRect(block).top() + _SLACK
        layout = block.layout()
        return [int((top + layout.lineAt(i).y()) // self.body.height()) + 1 for i in range(layout.lineCount())]

    def _keep_headings_with_next(self) -> None:
        """What Qt's layout lacks: keep-with-next for headings, and no widows or orphans.

        A heading (or the support line above its bar) stranded at a page
        foot moves to the next page; so does a paragraph that would leave a
        single line on either side of a page break; so does a row of a data
        table (see ``_torn_row``) that a page break would cut. Each change relayouts the
        rest of the document, so changes are made in rounds: per stretch
        between hard page breaks (chapters), the first fault only, since
        everything after it moves; all of a round in one edit, one relayout.
        """
        self.doc.pageCount()  # finishes the layout, which Qt otherwise does lazily
        # Table extents by position, read once: QTextCursor.currentTable() per
        # block would return None thousands of times (see the module docstring).
        self._tables = sorted((f.firstPosition(), f.lastPosition()) for f in self.doc.rootFrame().childFrames())
        self._table_starts = [first for first, _ in self._tables]
        self._data_tables = {f.firstPosition(): f for f in self.doc.rootFrame().childFrames()
                             if isinstance(f, QTextTable) and f.format().headerRowCount()
                             and f.rows() <= MENDED_ROWS}
        while True:
            faults, rows = [], []
            skipping = False
            block = self.doc.begin()
            while block.isValid():
                following = block.next()
                auto = block.blockFormat().pageBreakPolicy() == QTextBlockFormat.PageBreak_Auto
                if not auto:
                    skipping = False  # a fresh page: positions from here on are settled
                elif not skipping and (torn := self._torn_row(block)) is not None:
                    (rows if isinstance(torn, tuple) else faults).append(torn)
                    skipping = True
                elif not skipping and (self._stranded(block, following) or self._split_badly(block)):
                    faults.append(block)
                    skipping = True
                block = following
            if not faults and not rows:
                return
            cursor = QTextCursor(self.doc)
            cursor.beginEditBlock()
            for block in faults:
                cursor.setPosition(block.position())
                fmt = block.blockFormat()
                fmt.setPageBreakPolicy(QTextBlockFormat.PageBreak_AlwaysBefore)
                cursor.setBlockFormat(fmt)
            for table, row, extra in rows:
                for column in range(table.columns()):
                    cell = table.cellAt(row - 1, column)
                    fmt = cell.format().toTableCellFormat()
                    fmt.setBottomPadding(fmt.bottomPadding() + extra)
                    cell.setFormat(fmt)
            cursor.endEditBlock()
            self.doc.pageCount()

    def _stranded(self, block, following) -> bool:
        if not following.isValid():
            return False
        if _keeps_with_next(block):
            return self.page_of(block) != self.page_of(following)
        # A support line alone at a page top loses its section: take the
        # section's last (short) paragraph along.
        if following.text().startswith(qt_html.SUPPORT_PREFIX) and block.layout() is not None \
                and block.layout().lineCount() <= 8:
            return self._line_pages(block)[-1] != self.page_of(following)
        return False

    def _split_badly(self, block) -> bool:
        if block.layout() is None or not 2 <= block.layout().lineCount() <= 40:
            return False  # a giant paragraph may break where it must
        position = block.position()
        index = bisect.bisect_right(self._table_starts, position) - 1
        if index >= 0 and position <= self._tables[index][1]:
            return False  # a break inside a table cell would tear its row apart
        pages = self._line_pages(block)
        if pages[0] == pages[-1]:
            return False
        first_page_lines = pages.count(pages[0])
        return first_page_lines == 1 or pages.count(pages[-1]) == 1

    def _torn_row(self, block):
        """How to mend a data table row that a page break cuts, checked at the row's first block.

        A data table has a header row, which Qt repeats on every page. Qt
        moves a row to the next page only when none of its cells has begun
        on this one, so a cell of two lines may leave its second line alone
        on the next page. A page break before the cells would not do: Qt
        breaks again after moving the row, leaving an empty page. Instead
        the row above grows to the foot of the page, so that no cell of the
        cut row begins there: (table, row, extra CSS pixels of padding). The
        first row has only the header above it, which would grow on every
        page: then the heading above the table goes to the next page (that
        block is returned), taking the table along. None when the row is whole.
        """
        position = block.position()
        index = bisect.bisect_right(self._table_starts, position) - 1
        if index < 0 or position > self._tables[index][1]:
            return None
        table = self._data_tables.get(self._tables[index][0])
        if table is None:
            return None
        cell = table.cellAt(position)
        if cell.column() != 0 or cell.firstPosition() != position or cell.row() < table.format().headerRowCount():
            return None
        pages, lines, top = set(), 0, None
        for column in range(table.columns()):
            other = table.cellAt(cell.row(), column)
            current = self.doc.findBlock(other.firstPosition())
            first = True
            while current.isValid() and current.position() <= other.lastPosition():
                layout = current.layout()
                if layout is not None and layout.lineCount():
                    pages.update(self._line_pages(current))
                    lines += layout.lineCount()
                    if first:
                        y = self.doc.documentLayout().blockBoundingRect(current).top() + layout.lineAt(0).y()
                        top = y if top is None else min(top, y)
                first = False
                current = current.next()
        if top is None or len(pages) < 2 or lines > ROW_LINES:
            return None
        if cell.row() == table.format().headerRowCount():
            heading = self.doc.findBlock(self._tables[index][0] - 1)
            if heading.isValid() and heading.blockFormat().headingLevel() \
                    and heading.blockFormat().pageBreakPolicy() == QTextBlockFormat.PageBreak_Auto:
                return heading
            return None
        page_end = (int((top + _SLACK) // self.body.height()) + 1) * self.body.height()
        scale = self.device.logicalDpiY() / 96  # Qt reads cell padding in CSS pixels
        return table, cell.row(), (page_end - top + 2 * _SLACK) / scale

    def heading_pages(self) -> dict[str, int]:
        """The page of every heading the table of contents lists, as ``toc-N`` (see ``qt_html.toc_heading``)."""
        self.doc.pageCount()
        pages: dict[str, int] = {}
        block = self.doc.begin()
        while block.isValid():
            if block.userState() >= qt_html.TOC_STATE and block.blockFormat().headingLevel():
                pages.setdefault(f"toc-{block.userState() - qt_html.TOC_STATE}", self.page_of(block))
            block = block.next()
        return pages

    @property
    def page_count(self) -> int:
        return self.doc.pageCount()

    def paint(self, painter: QPainter, meta: Meta, title: str, new_page: Callable[[], None],
              progress: Callable[[str], None]) -> None:
        total = self.page_count
        small = QFont(FAMILY)
        small.setPointSizeF(7.5)
        for index in range(total):
            if index:
                new_page()
            if total > 40 and index % 25 == 0:
                progress(Step(tr("pagina {page} van {total}…").format(page=index + 1, total=total), index, total))
            painter.save()
            painter.translate(self.body.left(), self.body.top() - index * self.body.height())
            # The clip stops short of the page foot by the same slack, so a block
            # belonging to the next page is not also drawn here, invisibly, where
            # it would turn up in search and text extraction.
            self.doc.drawContents(painter, QRectF(0, index * self.body.height(), self.body.width(),
                                                  self.body.height() - _SLACK))
            painter.restore()
            self._furniture(painter, small, meta, title, index + 1, total)

    def _furniture(self, painter: QPainter, font: QFont, meta: Meta, title: str, page: int, total: int) -> None:
        painter.save()
        painter.setFont(font)
        painter.setPen(QColor("#333333"))
        left, width = self.body.left(), self.body.width()
        line_h = 5 * self.px
        if page > 1:  # the cover carries the title itself
            head = QRectF(left, self.body.top() - 12 * self.px, width, line_h)
            painter.drawText(head, Qt.AlignLeft | Qt.AlignBottom, title)
            painter.drawText(head, Qt.AlignRight | Qt.AlignBottom, meta.status)
            painter.setPen(QPen(QColor("#0b4f8a"), 0.25 * self.px))
            y = self.body.top() - 6 * self.px
            painter.drawLine(int(left), int(y), int(left + width), int(y))
            painter.setPen(QColor("#333333"))
        foot = QRectF(left, self.body.bottom() + 6 * self.px, width, line_h)
        painter.drawText(foot, Qt.AlignLeft | Qt.AlignTop, f"{meta.status} · {date_nl(meta.date)}")
        painter.drawText(foot, Qt.AlignRight | Qt.AlignTop, f"pagina {page} van {total}")
        painter.restore()


def _html_for(data, pages):
    if isinstance(data, AgreementDocument):
        return qt_html.agreement(data, pages), data.meta.title
    if isinstance(data, TaskAgenda):
        return qt_html.task_agenda(data, pages), f"Uitwerkingsagenda {data.meta.title}"
    if isinstance(data, AmendmentBook):
        return qt_html.amendment_book(data, pages), f"Amendementenboek {data.meta.title}"
    raise TypeError(type(data))


def _paginate(device, data, progress: Callable[[str], None] = lambda message: None) -> tuple[_Layout, str]:
    """Lay out twice (or more): the table of contents needs the pages of the headings it precedes."""
    (html, toc), title = _html_for(data, None)
    layout = _Layout(device, html)
    for _ in range(3):
        if layout.page_count > 40:  # each pass of a long document takes seconds: say so, and allow a stop
            progress(tr("paginanummers voor de inhoudsopgave bepalen ({pages} pagina's)…").format(
                pages=layout.page_count))
        pages = layout.heading_pages()
        (html, toc), title = _html_for(data, pages)
        filled = _Layout(device, html)
        if filled.heading_pages() == pages:
            return filled, title
        layout = filled
    return filled, title


@contextlib.contextmanager
def _keep_none_alive() -> Iterator[None]:
    if sys.version_info >= (3, 12):
        yield
        return
    before = sys.getrefcount(None)
    try:
        yield
    finally:
        # Giving back a few too many (for references legitimately dropped
        # meanwhile) is harmless: None is never freed anyway.
        incref = ctypes.pythonapi.Py_IncRef
        incref.argtypes = [ctypes.py_object]
        for _ in range(max(0, before - sys.getrefcount(None))):
            incref(None)


def write_pdf(data, output: str | Path, *, attach: bytes | None = None,
              progress: Callable[[str], None] = lambda message: None) -> int:
    """Write an archival PDF/A-1b (or PDF 1.6 with ``attach``: PDF/A-1 forbids attachments); returns the page count."""
    meta: Meta = data.meta
    with _keep_none_alive(), atomic_path(output) as temp:
        writer = QPdfWriter(str(temp))
        writer.setResolution(RESOLUTION)
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Portrait, QMarginsF(0, 0, 0, 0)))
        writer.setPdfVersion(QPagedPaintDevice.PdfVersion_1_6 if attach is not None
                             else QPagedPaintDevice.PdfVersion_A1b)
        writer.setCreator("Raadsakkoord")
        writer.setAuthor(f"Griffie van de gemeenteraad {meta.municipality}")
        layout, title = _paginate(writer, data, progress)
        writer.setTitle(title)
        if attach is not None:
            writer.addFileAttachment(Path(str(output)).with_suffix(".md").name, attach, "text/markdown")
        progress(tr("{pages} pagina's tekenen…").format(pages=layout.page_count))
        painter = QPainter()
        if not painter.begin(writer):
            raise UserError(tr("{path} kon niet als PDF worden geopend; er is niets geschreven.").format(path=output))
        try:
            layout.paint(painter, meta, title, writer.newPage, progress)
        finally:
            painter.end()
        pages = layout.page_count
        set_language(temp, "nl-NL")
    return pages


_CATALOG = re.compile(rb"\n(\d+) 0 obj\n<<\n/Type /Catalog\n(.*?)>>\nendobj\n", re.S)
_TRAILER = re.compile(rb"trailer\n<<(.*?)>>\nstartxref\n(\d+)\s*\n%%EOF\s*$", re.S)


def set_language(path: Path, language: str) -> None:
    """Declare the document language in the catalog (/Lang), which QPdfWriter cannot.

    Screen readers choose their voice by it. Done as an incremental update
    (a new catalog object, xref section and trailer appended), which PDF/A-1
    permits and which leaves everything Qt wrote untouched.
    """
    data = path.read_bytes()
    catalog, trailer = _CATALOG.search(data), _TRAILER.search(data)
    if catalog is None or trailer is None or b"/Lang" in catalog.group(2):
        raise UserError(tr("De PDF kon niet worden afgerond (onbekende opbouw); er is niets geschreven."))
    number = int(catalog.group(1))
    body = f"{number} 0 obj\n<<\n/Type /Catalog\n".encode() + catalog.group(2) + \
        f"/Lang ({language})\n>>\nendobj\n".encode()
    fields = re.sub(rb"/Prev \d+\s*", b"", trailer.group(1))
    start = len(data) + 1
    xref = len(data) + 1 + len(body)
    update = (b"\n" + body + b"xref\n0 1\n0000000000 65535 f \n" + f"{number} 1\n{start:010d} 00000 n \n".encode()
              + b"trailer\n<<" + fields.rstrip() + f"\n/Prev {int(trailer.group(2))}\n>>\nstartxref\n{xref}\n%%EOF\n".encode())
    with path.open("ab") as file:
        file.write(update)


def write_odt(data, output: str | Path) -> None:
    """OpenDocument text through Qt's own ODF writer (an open format beside any Word file)."""
    register_fonts()
    (html, _toc), title = _html_for(data, {})
    doc = QTextDocument()
    doc.setDefaultFont(body_font())
    doc.setDefaultStyleSheet(qt_html.style())
    doc.setHtml(html)
    doc.setMetaInformation(QTextDocument.DocumentTitle, title)
    with _keep_none_alive(), atomic_path(output) as temp:
        writer = QTextDocumentWriter(str(temp), b"odf")
        if not writer.write(doc):
            raise UserError(tr("{path} kon niet als ODT worden geschreven; er is niets geschreven.").format(
                path=output))
