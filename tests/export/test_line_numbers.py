"""The same numbered lines of every section text in the PDF, the HTML and the Word file of the demo."""

from __future__ import annotations

import html
import re
import shutil
import subprocess

import pytest

from raadsakkoord.diffing import number_lines

_MARKER = re.compile(r"^(?:[•‣◦–-]|\d{1,3}[.)])$")


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _same_line(shown: str, expected: str) -> bool:
    """The printed line is the expected text, after a list marker the renderer drew in front of it."""
    shown, expected = _squeezed(shown), _squeezed(expected)
    if shown == expected:
        return True
    if not shown.endswith(expected):
        return False
    return bool(_MARKER.match(shown[:len(shown) - len(expected)]))


def _expected(doc) -> list[tuple[str, list[str]]]:
    return [(s.number, [line.text for line in number_lines(s.text)]) for s in doc.sections if number_lines(s.text)]


def _compare(found: list[list[str]], expected: list[tuple[str, list[str]]]) -> None:
    assert len(found) == len(expected), ([len(x) for x in found], [len(x[1]) for x in expected])
    for shown, (number, lines) in zip(found, expected, strict=True):
        assert len(shown) == len(lines), number
        wrong = [(n, a, b) for n, (a, b) in enumerate(zip(shown, lines, strict=True), start=1) if not _same_line(a, b)]
        assert wrong == [], number


@pytest.fixture(scope="module")
def numbered_pdf(tmp_path_factory, agreement):
    from raadsakkoord.export import pdf

    target = tmp_path_factory.mktemp("lines") / "raadsakkoord.pdf"
    pdf.write_pdf(agreement, target)
    return target


def _printed_lines(pdf) -> list[list[str]]:
    """The numbered lines of a PDF's body as poppler lays them out: per section text, the lines after their number."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True,
                          text=True, timeout=60).stdout
    # The body ends where the appendix starts (the contents list it too, with dots).
    body = text[:text.rindex("Bijlage. Uitwerkingsagenda voor het college\n")]
    found: list[list[str]] = []
    for row in body.splitlines():
        match = re.match(r"^\s*(\d{1,4})\s{2,}(\S.*)$", row)
        if match is None:
            continue
        number, shown = int(match.group(1)), match.group(2)
        if number == 1:
            found.append([])
        assert number == len(found[-1]) + 1, row
        found[-1].append(shown)
    return found


def test_the_pdf_prints_every_numbered_line_where_the_core_breaks_it(numbered_pdf, agreement):
    _compare(_printed_lines(numbered_pdf), _expected(agreement))


def test_the_numbers_in_the_pdf_are_artifacts_outside_the_text(numbered_pdf, agreement):
    """A screen reader and a copied text get the words, not the numbers glued to them."""
    from tests.export import pdfcheck

    reader, _, _ = pdfcheck.check(numbered_pdf, "Raadsakkoord Assen 2026–2030")
    first = agreement.sections[0]
    lines = number_lines(first.text)
    page = next(p for p in reader.pages if lines[0].text in p.extract_text())
    artifacts, content = pdfcheck.artifacts_and_content(page)
    numbers = [int(n) for n in re.findall(r"(?m)^(\d+)$", artifacts)]
    assert numbers[:len(lines)] == list(range(1, len(lines) + 1))
    # The words of the section, one after the other, with no number between them.
    assert _squeezed(" ".join(line.text for line in lines)) in _squeezed(content)


def test_the_html_breaks_at_the_same_lines_and_keeps_numbers_out_of_the_text(agreement):
    from raadsakkoord.export.html import agreement_html

    page = agreement_html(agreement)
    found = []
    for block in re.findall(r'<div class="numbered">(.*?)</div>', page, flags=re.S):
        parts = re.split(r'<span class="line-number" data-line="(\d+)" aria-hidden="true"></span>', block)
        numbers = [int(n) for n in parts[1::2]]
        assert numbers == list(range(1, len(numbers) + 1))
        found.append([html.unescape(re.sub(r"<[^>]+>", "", chunk)) for chunk in parts[2::2]])
    _compare(found, _expected(agreement))
    # The number is drawn by the style sheet: the page's text holds no digits before the first word.
    assert 'content: attr(data-line)' in page


def test_without_line_numbers_the_exports_are_as_before(agreement, tmp_path):
    import dataclasses

    from raadsakkoord.export.html import agreement_html

    plain = dataclasses.replace(agreement, line_numbers=False)
    assert 'class="line-number"' not in agreement_html(plain)


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _word_sections(path) -> list[tuple[bool, list]]:
    """The Word file's sections in order: whether Word numbers their lines, and their paragraphs."""
    import zipfile

    from lxml import etree

    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    sections: list[tuple[bool, list]] = []
    paragraphs: list = []
    for element in root.find(f"{W}body"):
        if element.tag == f"{W}p":
            paragraphs.append(element)
            properties = element.find(f"{W}pPr/{W}sectPr")
        elif element.tag == f"{W}sectPr":
            properties = element
        else:
            paragraphs.append(element)
            continue
        if properties is not None:
            numbering = properties.find(f"{W}lnNumType")
            if numbering is not None:
                assert numbering.get(f"{W}restart") == "newSection" and numbering.get(f"{W}countBy") == "1"
            sections.append((numbering is not None, paragraphs))
            paragraphs = []
    return sections


def _word_lines(paragraph) -> list[str]:
    """A paragraph's text cut at its line breaks, as Word lays out a line that fits the column."""
    suppressed = paragraph.find(f"{W}pPr/{W}suppressLineNumbers")
    if suppressed is not None and suppressed.get(f"{W}val") not in ("0", "false"):
        return []
    text = []
    for node in paragraph.iter(f"{W}t", f"{W}br"):
        text.append("\n" if node.tag == f"{W}br" else node.text or "")
    return "".join(text).split("\n")


def test_word_numbers_the_lines_of_each_section_text_from_one_at_the_same_breaks(agreement, tmp_path):
    from raadsakkoord.export import word

    target = tmp_path / "raadsakkoord.docx"
    word.write_docx(agreement, target)
    numbered = [[line for p in paragraphs for line in _word_lines(p)]
                for is_numbered, paragraphs in _word_sections(target) if is_numbered]
    _compare(numbered, _expected(agreement))


def test_libreoffice_lays_out_the_word_file_with_the_same_numbered_lines(agreement, tmp_path):
    from raadsakkoord.export import word
    from tests.export.test_word_in_libreoffice import convert

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed; scripts/dev test installs libreoffice-writer-nogui")
    source = tmp_path / "raadsakkoord.docx"
    word.write_docx(agreement, source)
    (printed,) = convert(soffice, [source], "pdf", tmp_path)
    _compare(_printed_lines(printed), _expected(agreement))


def test_the_amendment_book_names_the_lines_each_amendment_changes(book, demo, tmp_path):
    from raadsakkoord.export import pdf
    from raadsakkoord.export.html import amendment_book_html
    from raadsakkoord.model import Amendment
    from raadsakkoord.queries.lines import amendment_lines

    with demo.action() as session:
        expected = {a.id: amendment_lines(a, translated=False) for a in session.query(Amendment)}
    items = [(section, a) for section in book.sections for a in section.amendments]
    referred = [(section, a) for section, a in items if a.lines]
    assert len(referred) >= 5
    assert all(a.lines == expected[a.id] for _, a in items)
    assert all(re.fullmatch(r"regels? \d+(–\d+)?", a.lines) for _, a in referred)
    page = amendment_book_html(book)
    target = tmp_path / "boek.pdf"
    pdf.write_pdf(book, target)
    text = " ".join(subprocess.run(["pdftotext", str(target), "-"], capture_output=True, check=True, text=True,
                                   timeout=60).stdout.split())
    for section, a in referred:
        reference = f"hoofdlijn {section.number}, {a.lines}"
        assert f"<th scope=\"row\">Regels</th><td>{reference}</td>" in page
        assert reference in text, reference
