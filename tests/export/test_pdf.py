"""The PDFs of the demo, read back with pypdf as a screen reader and an archive see them, and drawn by poppler."""

from __future__ import annotations

import html
import itertools
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pypdf
import pytest

from tests.export import pdfcheck


@pytest.fixture(scope="module")
def agreement_pdf(tmp_path_factory, agreement):
    from raadsakkoord.export import pdf
    from raadsakkoord.export.document import with_readability

    target = tmp_path_factory.mktemp("pdf") / "raadsakkoord.pdf"
    count = pdf.write_pdf(with_readability(agreement), target)
    reader, tree, texts = pdfcheck.check(target, "Raadsakkoord Assen 2026–2030")
    assert len(texts) == count > 10
    return target, reader, tree, texts


@pytest.fixture(scope="module")
def book_pdf(tmp_path_factory, book):
    from raadsakkoord.export import pdf

    target = tmp_path_factory.mktemp("pdf") / "amendementenboek.pdf"
    pdf.write_pdf(book, target)
    return (target, *pdfcheck.check(target, "Amendementenboek Raadsakkoord Assen 2026–2030"))


@pytest.fixture(scope="module")
def agenda_pdf(tmp_path_factory, agenda):
    from raadsakkoord.export import pdf

    target = tmp_path_factory.mktemp("pdf") / "uitwerkingsagenda.pdf"
    pdf.write_pdf(agenda, target)
    return (target, *pdfcheck.check(target, "Uitwerkingsagenda Raadsakkoord Assen 2026–2030"))


def test_the_agreement_reads_back_complete(agreement_pdf, agreement):
    _, _, _, texts = agreement_pdf
    text = " ".join(texts)
    squeezed = pdfcheck.squeezed(text)
    for section in agreement.sections:
        assert pdfcheck.squeezed(f"{section.number} {section.title}") in squeezed, section.number
    assert "Telefoon 0592-123456" in texts[0] and "griffie@example.nl" in texts[0] and "Marleen Hoekstra" in texts[0]
    for party in agreement.meta.parties:
        assert re.search(rf"{re.escape(party.short_name)} {party.seats}\b", texts[0]), party.short_name
    assert "Uitwerkingsagenda voor het college" in text and "Leesbaarheid" in text
    for portfolio in agreement.agenda:
        assert pdfcheck.squeezed(portfolio.holder) in squeezed
        for task in portfolio.tasks:
            assert pdfcheck.squeezed(task.title) in squeezed
    assert "energiecoöperaties" in text and "één" in text


def test_chapters_and_sections_are_headings_in_order_and_bookmarks(agreement_pdf, agreement):
    _, reader, tree, _ = agreement_pdf
    headings = [e.role for e in tree.walk() if re.fullmatch(r"/H\d", e.role)]
    # Never a level skipped on the way down: a screen reader's outline has no holes.
    for before, after in itertools.pairwise(headings):
        assert int(after[2]) <= int(before[2]) + 1, (before, after)
    assert headings.count("/H2") >= len(agreement.sections)
    marks = pdfcheck.bookmarks(reader)
    titles = [title for title, _ in marks]
    for chapter in agreement.chapters:
        entry = f"{chapter.number}. {chapter.title}"
        below = dict(marks)[entry]
        assert [t for t, _ in below] == [f"{s.number} {s.title}" for s in chapter.sections]
    assert titles[0] == "Voorwoord" and "Bijlage. Uitwerkingsagenda voor het college" in titles


def test_the_table_of_contents_links_to_the_right_pages(agreement_pdf, agreement):
    _, reader, _, texts = agreement_pdf
    contents = " ".join(t for t in texts[1:4] if "Inhoud" in t or "....." in t)
    for section in agreement.sections:
        title = f"{section.number} {section.title}"
        page = int(re.search(re.escape(title) + r"[ .]*(\d+)", contents).group(1))
        assert pdfcheck.squeezed(title) in pdfcheck.squeezed(texts[page - 1]), (title, page)
    links = [a.get_object() for p in reader.pages[1:3] for a in p.get("/Annots", [])]
    assert len([a for a in links if a.get("/Subtype") == "/Link"]) >= len(agreement.sections)


def test_support_is_a_table_and_the_bar_a_figure_that_says_the_numbers(agreement_pdf, agreement):
    _, _, tree, texts = agreement_pdf
    figures = [e.alt for e in tree.walk() if e.role == "/Figure"]
    assert len(figures) >= len(agreement.sections)
    first = agreement.sections[0].support
    assert figures[0].startswith(f"Steun: {first.support_seats} van {first.council_seats} zetels")
    tables = [e for e in tree.walk() if e.role == "/Table"]
    assert len(tables) >= len(agreement.sections)
    assert any(e.role == "/TH" for e in tables[1].walk())
    text = " ".join(texts)
    assert "Standpunt Zetels Fracties (zetels)" in text


def test_a_minority_position_has_its_own_heading_naming_the_party(agreement_pdf, agreement):
    _, _, _, texts = agreement_pdf
    parties = {p.short_name for s in agreement.sections for p in s.support.minority_positions}
    assert parties
    text = " ".join(texts)
    for party in parties:
        assert f"Minderheidsstandpunt {party}" in text


def test_the_amendment_book_reads_changes_aloud_apart(book_pdf, book):
    _, reader, tree, texts = book_pdf
    text = " ".join(texts)
    for a in (a for s in book.sections for a in s.amendments):
        assert f"{a.title.split('. ', 1)[0]}. " in text
    # What was struck out is read as such, and does not run into what replaced it.
    assert "geschrapt:" in text and "ingevoegd:" in text
    h1 = len([e for e in tree.walk() if e.role == "/H1"])
    assert h1 >= len(book.sections)
    assert len(pdfcheck.bookmarks(reader)) == len(book.sections)


def test_the_task_agenda(agenda_pdf, agenda):
    _, _, tree, texts = agenda_pdf
    squeezed = pdfcheck.squeezed(" ".join(texts))
    for portfolio in agenda.portfolios:
        for task in portfolio.tasks:
            assert pdfcheck.squeezed(task.title) in squeezed
    assert len([e for e in tree.walk() if e.role == "/Table"]) >= len(agenda.portfolios)


def test_attaching_the_source_makes_a_pdf_a_3a_with_the_markdown(tmp_path, agenda):
    from raadsakkoord.export import markdown as md
    from raadsakkoord.export import pdf

    target = tmp_path / "agenda.pdf"
    source = md.task_agenda_markdown(agenda).encode()
    pdf.write_pdf(agenda, target, attach=source)
    reader = pypdf.PdfReader(target)
    assert reader.attachments == {"agenda.md": [source]}
    metadata = pdfcheck.xmp(reader)
    assert re.search(r'pdfaid:part(="|>)3', metadata) and re.search(r'pdfuaid:part(="|>)1', metadata)


def test_the_odt_is_an_opendocument_with_every_section(qapp, tmp_path, agreement):
    from raadsakkoord.export import odt

    target = tmp_path / "raadsakkoord.odt"
    odt.write_odt(agreement, target)
    with zipfile.ZipFile(target) as package:
        assert package.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        content = package.read("content.xml").decode()
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


@pytest.mark.parametrize("page", [1, 2, 5])
def test_every_word_is_printed_where_the_text_says_and_the_margins_stay_clear(agreement_pdf, page):
    """The cover, the contents and a page of text, drawn by poppler: ink under every word, none beside the column."""
    path = agreement_pdf[0]
    image = _page_image(path, page)
    words = [w for w in _words(path, page) if w[0] not in ("geschrapt:", "ingevoegd:")]
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
