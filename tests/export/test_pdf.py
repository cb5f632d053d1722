"""PDF and ODT through Qt, read back with pypdf, and pages drawn by a real PDF renderer (poppler)."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pypdf
import pytest

def _text(reader: pypdf.PdfReader, page: int | None = None) -> str:
    pages = reader.pages if page is None else [reader.pages[page]]
    return " ".join(" ".join(p.extract_text().split()) for p in pages)


@pytest.fixture(scope="module")
def agreement_pdf(qapp, tmp_path_factory, agreement):
    from raadsakkoord.export import pdf

    target = tmp_path_factory.mktemp("pdf") / "raadsakkoord.pdf"
    count = pdf.write_pdf(agreement, target)
    return target, count


@pytest.fixture(scope="module")
def page_texts(agreement_pdf):
    # Extraction is the slow part; do it once for the module.
    reader = pypdf.PdfReader(agreement_pdf[0])
    return [_text(reader, i) for i in range(len(reader.pages))]


def test_the_agreement_pdf_reads_back_complete(agreement_pdf, page_texts, agreement):
    path, count = agreement_pdf
    reader = pypdf.PdfReader(path, strict=True)
    assert len(reader.pages) == count > 10
    text = " ".join(page_texts)
    for section in agreement.sections:
        assert f"{section.number} {section.title}" in text, section.number
    assert "0592-123456" in text and "griffie@example.nl" in text and "Marleen Hoekstra" in text
    for number in range(1, count + 1):
        assert f"pagina {number} van {count}" in page_texts[number - 1]
    cover = page_texts[0]
    for party in agreement.meta.parties:
        assert re.search(rf"{re.escape(party.short_name)} {party.seats}\b", cover), party.short_name
    assert "Uitwerkingsagenda voor het college" in text
    # Narrow table cells wrap titles anywhere (after a dash too): compare without spaces.
    squeezed = "".join(text.split())
    for portfolio in agreement.agenda:
        assert "".join(portfolio.holder.split()) in squeezed
        for task in portfolio.tasks:
            assert "".join(task.title.split()) in squeezed


def test_the_table_of_contents_gives_the_right_pages(page_texts, agreement):
    toc = page_texts[1]
    assert "Inhoud" in toc
    for section in agreement.sections:
        title = f"{section.number} {section.title}"
        page = int(re.search(re.escape(title) + r" (\d+)", toc).group(1))
        assert title in page_texts[page - 1], (title, page)


def test_the_pdf_is_declared_pdfa_1b_with_title_author_language_and_fonts(agreement_pdf):
    path, _ = agreement_pdf
    reader = pypdf.PdfReader(path)
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    assert b'pdfaid:part="1"' in xmp and b'pdfaid:conformance="B"' in xmp
    assert reader.metadata.title == "Raadsakkoord Assen 2026–2030"
    assert reader.metadata.author == "Griffie van de gemeenteraad Assen"
    assert reader.trailer["/Root"]["/Lang"] == "nl-NL"
    assert "/EmbeddedFiles" not in reader.trailer["/Root"].get("/Names", {})  # PDF/A-1 forbids them
    fonts = reader.pages[3]["/Resources"]["/Font"]
    for ref in fonts.values():
        descendant = ref.get_object()["/DescendantFonts"][0].get_object()
        assert "DejaVuSans" in descendant["/BaseFont"]
        assert "/FontFile2" in descendant["/FontDescriptor"]  # embedded


def test_diacritics_come_through(page_texts):
    text = " ".join(page_texts)
    assert "energiecoöperaties" in text and "één" in text


def test_attaching_the_source_makes_a_plain_pdf_with_the_markdown(qapp, tmp_path, agenda):
    from raadsakkoord.export import markdown as md, pdf

    target = tmp_path / "agenda.pdf"
    source = md.task_agenda_markdown(agenda).encode()
    pdf.write_pdf(agenda, target, attach=source)
    reader = pypdf.PdfReader(target)
    assert reader.pdf_header == "%PDF-1.6"
    assert reader.attachments == {"agenda.md": [source]}
    assert b"pdfaid:part" not in reader.trailer["/Root"]["/Metadata"].get_object().get_data()


def test_the_amendment_book_pdf(qapp, tmp_path, book):
    from raadsakkoord.export import pdf

    count = pdf.write_pdf(book, tmp_path / "boek.pdf")
    text = _text(pypdf.PdfReader(tmp_path / "boek.pdf"))
    for a in (a for s in book.sections for a in s.amendments):
        assert f"{a.label}. " in text
    assert f"pagina {count} van {count}" in text


def test_the_odt_is_an_opendocument_with_every_section(qapp, tmp_path, agreement):
    from raadsakkoord.export import pdf

    target = tmp_path / "raadsakkoord.odt"
    pdf.write_odt(agreement, target)
    with zipfile.ZipFile(target) as odt:
        assert odt.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        content = odt.read("content.xml").decode()
    plain = " ".join(re.sub(r"<[^>]+>", " ", content).split())
    for section in agreement.sections:
        assert section.title.replace("&", "&amp;") in plain


DPI = 100
INKED = bytes(1 if value < 160 else 0 for value in range(256))  # darker than paper: ink
MARKED = bytes(1 if value < 250 else 0 for value in range(256))  # anything at all


def _page_image(pdf: Path, page: int) -> tuple[int, int, bytes]:
    """The page as a real PDF renderer draws it: width, height and one grey byte per pixel."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed; scripts/dev test installs it")
    image = subprocess.run(["pdftoppm", "-gray", "-r", str(DPI), "-f", str(page), "-l", str(page), str(pdf)],
                           capture_output=True, check=True, timeout=60).stdout
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", image)
    width, height = int(header[1]), int(header[2])
    return width, height, image[header.end():]


def _words(pdf: Path, page: int) -> list[tuple[str, float, float, float, float]]:
    """Each word on the page with its box in points, as the renderer's own text extraction places it."""
    layout = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                            capture_output=True, check=True, text=True, timeout=60).stdout
    return [(html.unescape(word), float(x0), float(y0), float(x1), float(y1)) for x0, y0, x1, y1, word in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', layout)]


def _count(image: tuple[int, int, bytes], table: bytes, x0: float, y0: float, x1: float, y1: float) -> int:
    """Pixels of the class ``table`` marks inside a box given in points."""
    width, height, pixels = image
    scale = DPI / 72
    left, right = max(0, int(x0 * scale)), min(width, int(x1 * scale) + 1)
    rows = range(max(0, int(y0 * scale)), min(height, int(y1 * scale) + 1))
    return sum(pixels[row * width + left:row * width + right].translate(table).count(1) for row in rows)


@pytest.mark.parametrize("page", [1, 2, 4])
def test_every_word_is_printed_where_the_text_says_and_the_margins_stay_clear(agreement_pdf, page):
    """The cover, the contents and a page of text, drawn by poppler: ink under every word, none beside the column."""
    path, _ = agreement_pdf
    image = _page_image(path, page)
    words = _words(path, page)
    assert len(words) > 50
    unprinted = [word for word, *box in words
                 if _count(image, INKED, *box) < (10 if any(c.isalnum() for c in word) else 1)]
    assert unprinted == []
    if page == 1:  # the title stands out: "Assen" in it carries several times the ink of the line below
        title, below = [_count(image, INKED, *box) for word, *box in words if word == "Assen"][:2]
        assert title > 4 * below, (title, below)
    width, height, _ = image
    column = (min(box[0] for _, *box in words), max(box[2] for _, *box in words))
    page_width = width * 72 / DPI
    assert _count(image, MARKED, 0, 0, column[0] - 8, height) == 0
    assert _count(image, MARKED, column[1] + 8, 0, page_width, height) == 0
