"""The readability appendix ("Bijlage: leesbaarheid"): read back from every format, only when asked."""

from __future__ import annotations

import dataclasses
import re
import zipfile
from html.parser import HTMLParser

import pypdf
import pytest
from markdown_it import MarkdownIt

from raadsakkoord.cli import export as commands
from raadsakkoord.export import document, html, markdown as md
from raadsakkoord.export.document import DocChapter

# Texts whose counts are worked out by hand in tests/queries/test_readability.py.
EASY = "De raad komt naar u toe."                      # 6 words, 6 syllables: 124.255
HARD = "Wij beëindigen de coördinatie."                # 4 words, 11 syllables: -8.635
OFFICIAL = "Teneinde de huur te verlagen, informeren wij u middels een brief. Wij schrijven u middels een brief."
LONG = " ".join(["woord"] * 21) + "."                 # 21 words, 21 syllables: 110.305, one long sentence
HOSTILE = "<b>Taal</b> *en* [opmaak](javascript:x)"

# What the appendix must say about them. Scores are rounded down, as the bands count.
CHAPTER_ROWS = [
    # chapter, sections, score, band, long sentences, officialese
    ("1. Wonen", "2", "71", "vrij makkelijk", "0 van 2 (0%)", "geen"),          # 2 sentences, 10 words, 17 syllables
    (f"2. {HOSTILE}", "2", "97", "zeer makkelijk", "1 van 3 (33%)",            # 3 sentences, 38 words, 48 syllables
     "3 (middels 2× → met, door; teneinde → om)"),
]
TOTAL_ROW = ("Het hele raadsakkoord", "4", "93", "zeer makkelijk", "1 van 5 (20%)",  # 5, 48, 65: 93.64
             "3 (middels 2× → met, door; teneinde → om)")
SECTION_ROWS = [  # hardest first
    ("1.2", "Moeilijk", "-9", "zeer moeilijk", "0 van 1 (0%)", "geen"),
    ("2.1", "Ambtelijk", "76", "vrij makkelijk", "0 van 2 (0%)", "3 (middels 2× → met, door; teneinde → om)"),
    ("2.2", "Lang", "110", "zeer makkelijk", "1 van 1 (100%)", "geen"),
    ("1.1", "Makkelijk", "124", "zeer makkelijk", "0 van 1 (0%)", "geen"),
]


@pytest.fixture(scope="module")
def small(agreement):
    """The demo's cover and agenda with two hand-counted chapters, without and with the appendix."""
    template = agreement.chapters[0].sections[0]

    def section(number, title, text):
        return dataclasses.replace(template, number=number, title=title, text=text)

    chapters = (
        DocChapter("1", "Wonen", "", (section("1.1", "Makkelijk", EASY), section("1.2", "Moeilijk", HARD))),
        DocChapter("2", HOSTILE, "", (section("2.1", "Ambtelijk", OFFICIAL), section("2.2", "Lang", LONG))),
    )
    plain = dataclasses.replace(agreement, chapters=chapters)
    return plain, document.with_readability(plain)


def _squeeze(text: str) -> str:
    return " ".join(text.split())


# --- Markdown ---------------------------------------------------------------

def test_markdown_appendix_lists_chapters_then_sections_hardest_first(small):
    plain, asked = small
    text = md.agreement_markdown(asked)
    assert "Leesbaarheid" not in md.agreement_markdown(plain)
    appendix = text[text.index("# Bijlage C. Leesbaarheid"):]
    assert text.index("# Bijlage B. Uitwerkingsagenda") < text.index("# Bijlage C. Leesbaarheid")
    chapters = appendix[appendix.index("## Per hoofdstuk"):appendix.index("## Per hoofdlijn")].strip().splitlines()[2:]
    assert chapters == [
        (r"- **1. Wonen** (2 hoofdlijnen): score 71, vrij makkelijk; lange zinnen: 0 van 2 (0%); "
         "ambtelijke woorden: geen"),
        # The chapter title is another party's text: its markup is escaped, not rendered.
        (r"- **2. \<b\>Taal\</b\> \*en\* \[opmaak\](javascript:x)** (2 hoofdlijnen): score 97, zeer makkelijk; "
         "lange zinnen: 1 van 3 (33%); ambtelijke woorden: 3 (middels 2× → met, door; teneinde → om)"),
        ("- **Het hele raadsakkoord** (4 hoofdlijnen): score 93, zeer makkelijk; lange zinnen: 1 van 5 (20%); "
         "ambtelijke woorden: 3 (middels 2× → met, door; teneinde → om)"),
    ]
    sections = appendix[appendix.index("## Per hoofdlijn, moeilijkste eerst"):].strip().splitlines()[2:]
    assert sections == [f"- **{n} {t}**: score {s}, {b}; lange zinnen: {long}; ambtelijke woorden: {o}"
                        for n, t, s, b, long, o in SECTION_ROWS]
    rendered = MarkdownIt("commonmark").render(appendix)
    assert "<b>" not in rendered and "href" not in rendered


def test_markdown_appendix_keeps_the_section_texts_importable(small):
    from raadsakkoord.importing.markdown import parse_draft

    draft = parse_draft(md.agreement_markdown(small[1]))
    assert [c.title for c in draft.chapters][-3:] == [
        "Bijlage A. Steun per hoofdlijn", "Bijlage B. Uitwerkingsagenda voor het college", "Bijlage C. Leesbaarheid"]
    assert draft.chapters[1].sections[0].text == OFFICIAL


# --- HTML -------------------------------------------------------------------

class _Tables(HTMLParser):
    """Every table in the appendix: caption, header cells (with scope) and rows of cell texts."""

    def __init__(self):
        super().__init__()
        self.inside = False
        self.tables: list[dict] = []
        self.cell: list[str] | None = None
        self.in_caption = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and attrs.get("aria-labelledby") == "leesbaarheid":
            self.inside = True
        if not self.inside:
            return
        if tag == "table":
            self.tables.append({"caption": "", "cols": [], "rows": [], "row_headers": []})
        elif tag == "caption":
            self.in_caption = True
        elif tag == "tr":
            self.tables[-1]["rows"].append([])
        elif tag in ("th", "td"):
            self.cell = []
            if tag == "th":
                self.tables[-1]["cols" if attrs.get("scope") == "col" else "row_headers"].append(attrs.get("scope"))
        elif tag == "br" and self.cell is not None:
            self.cell.append("\n")

    def handle_endtag(self, tag):
        if tag == "section":
            self.inside = False
        elif tag == "caption":
            self.in_caption = False
        elif tag in ("th", "td") and self.cell is not None:
            self.tables[-1]["rows"][-1].append("".join(self.cell).strip())
            self.cell = None

    def handle_data(self, data):
        if self.in_caption:
            self.tables[-1]["caption"] += data
        elif self.cell is not None:
            self.cell.append(data)


def _officialese_lines(cell: str) -> str:
    # The HTML shows the count and one phrase a line; compare with the one-line form.
    lines = cell.split("\n")
    return lines[0] if len(lines) == 1 else f"{lines[0]} ({'; '.join(lines[1:])})"


def test_html_appendix_tables_have_captions_header_cells_and_the_figures(small):
    plain, asked = small
    assert 'id="leesbaarheid"' not in html.agreement_html(plain)
    page = html.agreement_html(asked)
    assert '<a href="#leesbaarheid">Bijlage. Leesbaarheid</a>' in page  # in the table of contents
    parser = _Tables()
    parser.feed(page)
    chapters, sections = parser.tables
    assert chapters["caption"].startswith("Leesbaarheid per hoofdstuk")
    assert sections["caption"] == "Leesbaarheid per hoofdlijn, moeilijkste eerst"
    assert len(chapters["cols"]) == len(sections["cols"]) == 6
    # Every body row is named by a row header cell.
    assert chapters["row_headers"] == ["row"] * 3 and sections["row_headers"] == ["row"] * 4
    body = [row[:5] + [_officialese_lines(row[5])] for row in chapters["rows"][1:]]
    assert body == [list(r) for r in CHAPTER_ROWS] + [list(TOTAL_ROW)]
    body = [row[:5] + [_officialese_lines(row[5])] for row in sections["rows"][1:]]
    assert body == [list(r) for r in SECTION_ROWS]
    assert "<b>Taal</b>" not in page and "&lt;b&gt;Taal&lt;/b&gt;" in page
    assert '<a href="#s1.2">1.2</a>' in page and '<a href="#h2">' in page


# --- PDF and ODT -------------------------------------------------------------

def _page_texts(path) -> list[str]:
    return [_squeeze(p.extract_text()) for p in pypdf.PdfReader(path).pages]


def test_pdf_appendix_has_the_figures_row_by_row(tmp_path, small):
    from raadsakkoord.export import pdf

    plain, asked = small
    pdf.write_pdf(plain, tmp_path / "zonder.pdf")
    assert "Leesbaarheid" not in " ".join(_page_texts(tmp_path / "zonder.pdf"))
    pdf.write_pdf(asked, tmp_path / "met.pdf")
    pages = _page_texts(tmp_path / "met.pdf")
    start = next(i for i, text in enumerate(pages) if "Bijlage. Leesbaarheid Deze bijlage" in text)
    assert re.search(r"Bijlage\. Leesbaarheid[ .]*(\d+)", pages[1]).group(1) == str(start + 1)  # contents
    appendix = " ".join(pages[start:])
    assert "1. Wonen 2 71 vrij makkelijk 0 van 2 (0%) geen" in appendix
    assert f"2. {HOSTILE} 2 97 zeer makkelijk 1 van 3 (33%) 3 middels 2× → met, door teneinde → om" in appendix
    assert "Het hele raadsakkoord 4 93 zeer makkelijk 1 van 5 (20%) 3 middels 2× → met, door teneinde → om" \
        in appendix
    rows = [f"{n} {t} {s} {b} {long}" for n, t, s, b, long, _ in SECTION_ROWS]
    positions = [appendix.index(row) for row in rows]
    assert positions == sorted(positions)  # hardest first


def test_pdf_keeps_every_appendix_row_on_one_page(tmp_path, agreement):
    """Long titles and many officialese lines: the table runs over pages, and no row is cut in two."""
    from raadsakkoord.export import pdf

    heavy = "Teneinde de huur te verlagen, informeren wij u middels een brief met betrekking tot de OZB. " * 2
    chapters = tuple(dataclasses.replace(c, sections=tuple(
        dataclasses.replace(s, title=s.title + " en wat de raad daarover verder nog wil zeggen",
                            text=s.text + "\n\n" + heavy * (int(s.number.split(".")[1]) % 2))
        for s in c.sections)) for c in agreement.chapters)
    doc = document.with_readability(dataclasses.replace(agreement, chapters=chapters))
    pdf.write_pdf(doc, tmp_path / "zwaar.pdf")
    pages = _page_texts(tmp_path / "zwaar.pdf")
    start = next(i for i, text in enumerate(pages) if "Per hoofdlijn, moeilijkste eerst Nr." in text)
    assert len(pages) - start >= 2, "the table should run over more than one page"
    squeezed = ["".join(text.split()) for text in pages[start:]]
    for r in doc.readability.sections:
        a = r.readability
        row = "".join(f"{r.number} {r.title} {int(a.flesch_douma // 1)} {a.band}".split())
        assert any(row in page for page in squeezed), f"row {r.number} is cut by a page break"


def test_odt_has_the_appendix(qapp, tmp_path, small):
    from raadsakkoord.export import odt as odt_writer

    odt_writer.write_odt(small[1], tmp_path / "met.odt")
    with zipfile.ZipFile(tmp_path / "met.odt") as odt:
        content = _squeeze(re.sub(r"<[^>]+>", " ", odt.read("content.xml").decode()))
    assert "Bijlage. Leesbaarheid" in content and "Het hele raadsakkoord" in content


# --- The command and the function for the UI ---------------------------------

def test_the_command_adds_the_appendix_only_when_asked(capsys, tmp_path, demo_path):
    from tests.export.test_export_command import run

    with_appendix, without = tmp_path / "met.md", tmp_path / "zonder.md"
    code, _, err = run(capsys, "export", demo_path, "--what", "agreement", "--format", "md",
                       "--leesbaarheid", "-o", str(with_appendix))
    assert code == 0, err
    assert run(capsys, "export", demo_path, "--what", "agreement", "--format", "md", "-o", str(without))[0] == 0
    assert "# Bijlage C. Leesbaarheid" in with_appendix.read_text(encoding="utf-8")
    assert "Leesbaarheid" not in without.read_text(encoding="utf-8")


def test_the_appendix_describes_the_texts_of_the_exported_round(tmp_path, demo):
    """Through the function the UI calls: a round's export measures that round's texts."""
    from raadsakkoord.queries.readability import report_of

    target = tmp_path / "ronde1.html"
    commands.export(demo, "agreement", "html", str(target), round_number=1, readability=True)
    with demo.action() as session:
        expected = report_of(document.agreement_document(session, round_number=1).chapters)
    parser = _Tables()
    parser.feed(target.read_text(encoding="utf-8"))
    sections = parser.tables[1]["rows"][1:]
    assert [row[0] for row in sections] == [r.number for r in expected.sections]
    assert parser.tables[0]["rows"][-1][0] == "Het hele raadsakkoord"
    assert parser.tables[0]["rows"][-1][1] == str(len(expected.sections))


def test_the_appendix_is_only_for_the_agreement(capsys, tmp_path, demo_path):
    from tests.export.test_export_command import _refused

    err = _refused(capsys, tmp_path, demo_path, "--what", "tasks", "--format", "md", "--leesbaarheid")
    assert "--leesbaarheid geldt alleen voor het raadsakkoord" in err
