"""Word exports of the demo, read back with python-docx and as raw WordprocessingML."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from markdown_it import MarkdownIt

from raadsakkoord import diffing
from raadsakkoord.export import qt_html
from raadsakkoord.export.document import Meta
from raadsakkoord.export.word import write_docx
from raadsakkoord.export.word.base import MINORITY, new_document
from raadsakkoord.export.word.markdown import MarkdownWriter
from raadsakkoord.export.word.numbering import Lists
from raadsakkoord.export.word.tracked import Revision, write_diff

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def agreement_file(agreement, tmp_path_factory):
    path = tmp_path_factory.mktemp("word") / "akkoord.docx"
    write_docx(agreement, path)
    return path


@pytest.fixture(scope="module")
def book_file(book, tmp_path_factory):
    path = tmp_path_factory.mktemp("word") / "amendementen.docx"
    write_docx(book, path)
    return path


def _headings(document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def _plain_blocks(markdown: str) -> list[str]:
    """What a reader sees of Markdown, block by block (list items one by one), without markers."""
    blocks = []
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        if token.type == "inline":
            blocks.append("".join(c.content if c.type != "softbreak" else " " for c in token.children
                                  if c.type in ("text", "code_inline", "softbreak")))
    return blocks


# --- the agreement ---------------------------------------------------------------------------

def test_chapters_and_sections_are_word_headings_in_the_order_of_the_pdf(agreement, agreement_file):
    document = docx.Document(agreement_file)
    _, pdf_toc = qt_html.agreement(agreement, None)
    word_toc = [(1 if p.style.name == "Heading 1" else 2, p.text) for p in document.paragraphs
                if p.style.name in ("Heading 1", "Heading 2")]
    appendix = next(i for i, (_, text) in enumerate(word_toc) if text.startswith("Bijlage"))
    # The PDF's contents: chapters at level 2, sections at 3; the portfolio holders follow the appendix.
    assert word_toc[:appendix + 1] == [(level - 1, text) for level, text in pdf_toc]
    assert [text for _, text in word_toc[appendix + 1:]] == [p.holder for p in agreement.agenda]


def test_the_heading_styles_are_words_own(agreement_file):
    with zipfile.ZipFile(agreement_file) as archive:
        styles = archive.read("word/styles.xml").decode()
        body = archive.read("word/document.xml").decode()
    # Built-in names and outline levels: what Word's navigation pane and table of contents read.
    for level in (1, 2, 3):
        style = re.search(rf'<w:style [^>]*w:styleId="Heading{level}".*?</w:style>', styles, re.DOTALL).group()
        assert f'<w:name w:val="heading {level}"/>' in style
        assert f'<w:outlineLvl w:val="{level - 1}"/>' in style
    assert '<w:lang w:val="nl-NL"' in styles
    assert 'TOC \\o "1-2" \\h \\z \\u' in body and 'w:dirty="true"' in body


def test_every_section_text_is_there_in_full(agreement, agreement_file):
    document = docx.Document(agreement_file)
    paragraphs = document.paragraphs
    index = {p.text: i for i, p in enumerate(paragraphs) if p.style.name == "Heading 2"}
    for section in agreement.sections:
        start = index[f"{section.number} {section.title}"] + 1
        end = next(i for i in range(start, len(paragraphs)) if paragraphs[i].text.startswith("Steun: "))
        # Broken into its numbered lines where the text had a space between two words.
        shown = [p.text.replace("\n", " ") for p in paragraphs[start:end] if p.text.strip()]
        assert shown == _plain_blocks(section.text), section.number
        assert paragraphs[end].text.startswith(
            f"Steun: {section.support.support_seats} van {section.support.council_seats} zetels")


def test_lists_are_real_word_lists_and_numbers_restart(agreement, agreement_file):
    document = docx.Document(agreement_file)
    items = [p for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    bulleted = sum(len(re.findall(r"^\s*[-*+] ", s.text, re.MULTILINE)) for s in agreement.sections)
    numbered = sum(len(re.findall(r"^\s*\d+[.)] ", s.text, re.MULTILINE)) for s in agreement.sections)
    assert bulleted + numbered and len(items) == bulleted + numbered
    numbering = document.part.numbering_part.element
    ordered_ids = {p._p.pPr.numPr.numId.val for p in items
                   if "decimal" in _level_format(numbering, p._p.pPr.numPr.numId.val)}
    # Each numbered list counts from its own start instead of going on from the one before.
    assert len(ordered_ids) == sum(len(re.findall(r"(?:^|\n\n)\s*1[.)] ", s.text)) for s in agreement.sections)


def _level_format(numbering, num_id: int) -> str:
    num = numbering.xpath(f'./w:num[@w:numId="{num_id}"]')[0]
    abstract = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    level = numbering.xpath(f'./w:abstractNum[@w:abstractNumId="{abstract}"]/w:lvl[@w:ilvl="0"]/w:numFmt')[0]
    return level.get(qn("w:val"))


def test_cover_contact_support_minorities_and_task_agenda(agreement, agreement_file):
    document = docx.Document(agreement_file)
    text = "\n".join(p.text for p in document.paragraphs)
    meta = agreement.meta
    assert document.paragraphs[1].text == meta.title and document.paragraphs[1].style.name == "Title"
    assert meta.contact_name in text and meta.contact_phone in text and meta.contact_email in text
    parties = document.tables[0]
    assert [row.cells[2].text for row in parties.rows[1:-1]] == [p.short_name for p in meta.parties]
    assert parties.rows[-1].cells[3].text == f"33 van {meta.council_seats}"
    minorities = [p.text for p in document.paragraphs if p.style.name == MINORITY]
    for section in agreement.sections:
        for position in section.support.minority_positions:
            assert f"Minderheidsstandpunt {position.short_name}" in minorities
    tasks = [t for p in agreement.agenda for t in p.tasks]
    cells = {cell.text.split("\n")[0] for table in document.tables for row in table.rows for cell in row.cells}
    assert {t.title for t in tasks} <= cells
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert document.core_properties.language == "nl-NL" and document.core_properties.title == meta.title


# --- tracked changes, precisely ------------------------------------------------------------------

def _write(old: str, new: str, tmp_path, when=dt.datetime(2026, 10, 1, 8, 30, tzinfo=dt.timezone.utc)):
    document = docx.Document()
    write_diff(document, diffing.diff(old, new), Revision("Groene Lijst", when, itertools.count(1)),
               Lists(document))
    path = tmp_path / "wijziging.docx"
    document.save(path)
    return docx.Document(path).element.body


def _text(element) -> str:
    # lxml's itertext() repeats the text of python-docx's run elements; read the text elements.
    return "".join(t.text or "" for t in element.iter(f"{W}t", f"{W}delText"))


def _resolve(body, accept: bool) -> list[str]:
    """The paragraphs after Accept All (or Reject All), as Word would leave them."""
    gone = "del" if accept else "ins"
    paragraphs, current = [], ""
    for p in body.iter(f"{W}p"):
        for element in p.iter(f"{W}t", f"{W}delText", f"{W}br"):
            if any(a.tag == f"{W}{gone}" for a in element.iterancestors()):
                continue
            current += "\n" if element.tag == f"{W}br" else element.text
        mark = p.find(f"{W}pPr/{W}rPr/{W}{gone}")
        if mark is None:  # a paragraph mark that stays ends the paragraph
            paragraphs.append(current)
            current = ""
    return paragraphs


def test_a_changed_word_is_one_deletion_and_one_insertion_with_author_and_date(tmp_path):
    body = _write("We bouwen 500 woningen in de stad.", "We bouwen 800 woningen in de stad.", tmp_path)
    deletions, insertions = body.findall(f".//{W}del"), body.findall(f".//{W}ins")
    assert [_text(d) for d in deletions] == ["500"]
    assert [_text(i) for i in insertions] == ["800"]
    for change in deletions + insertions:
        assert change.get(f"{W}author") == "Groene Lijst"
        assert change.get(f"{W}date") == "2026-10-01T08:30:00Z"
    assert len({c.get(f"{W}id") for c in deletions + insertions}) == 2
    assert _resolve(body, accept=True) == ["We bouwen 800 woningen in de stad."]
    assert _resolve(body, accept=False) == ["We bouwen 500 woningen in de stad."]


def test_an_added_list_item_and_a_deleted_paragraph_accept_and_reject_cleanly(tmp_path):
    old = "Wij bouwen:\n\n- in het centrum\n\nDit is de **oude** zin.\n\nSlot."
    new = "Wij bouwen:\n\n- in het centrum\n- in de dorpen\n\nSlot."
    body = _write(old, new, tmp_path)
    assert _resolve(body, accept=True) == ["Wij bouwen:", "in het centrum", "in de dorpen", "Slot."]
    assert _resolve(body, accept=False) == ["Wij bouwen:", "in het centrum", "Dit is de oude zin.", "Slot."]
    # The new item is a real list paragraph; the old sentence keeps its bold where it is deleted.
    items = [p for p in body.iter(f"{W}p") if p.find(f"{W}pPr/{W}numPr") is not None]
    assert ["".join(t.text for t in p.iter(f"{W}t", f"{W}delText")) for p in items] == [
        "in het centrum", "in de dorpen"]
    bold = [d for d in body.iter(f"{W}delText") if d.getparent().find(f"{W}rPr/{W}b") is not None]
    assert [b.text for b in bold] == ["oude"]


def test_a_change_of_emphasis_alone_is_visible(tmp_path):
    body = _write("Wij bouwen snel.", "Wij bouwen **snel**.", tmp_path)
    assert [_text(i) for i in body.iter(f"{W}ins")] == ["**", "**"]


# --- the amendment book ------------------------------------------------------------------------------

def test_every_amendment_is_a_heading_under_its_section(book, book_file):
    document = docx.Document(book_file)
    assert _headings(document, 2) == [a.title for s in book.sections for a in s.amendments]
    assert _headings(document, 1) == [f"{s.number} {s.title}" if "." in s.number else s.title
                                      for s in book.sections]


def _changes_of(document) -> dict[str, list]:
    """Per amendment heading: the paragraphs of its change (after the note, before the support)."""
    found, current = {}, None
    for p in document.element.body.findall(f"{W}p"):
        text = _text(p)
        style = p.find(f"{W}pPr/{W}pStyle")
        if style is not None and style.get(f"{W}val") == "Heading2":
            current, collecting = text, False
            found[current] = []
        elif current and text.startswith(("Geschreven op versie", "Nieuwe tekst door")):
            collecting = True
        elif current and text.startswith("Steun: "):
            collecting = False
        elif current and collecting:
            found[current].append(p)
    return found


def test_tracked_changes_carry_party_and_date_and_resolve_to_both_texts(book, book_file):
    document = docx.Document(book_file)
    changes_of = _changes_of(document)
    checked = 0
    for amendment in (a for s in book.sections for a in s.amendments):
        paragraphs = changes_of[amendment.title]
        changes = [e for p in paragraphs for e in p.iter(f"{W}ins", f"{W}del")]
        assert bool(changes) == amendment.diff.changed, amendment.label
        date = amendment.submitted_at.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        for change in changes:
            assert (change.get(f"{W}author"), change.get(f"{W}date")) == (amendment.party_name, date)
        holder = document.element.body.makeelement(f"{W}body")
        holder.extend(paragraphs)
        # Accept All gives the amendment's text, Reject All the text it was written on.
        for accept, text in ((True, amendment.diff.new_text()), (False, amendment.diff.old_text())):
            shown = " ".join(_resolve(holder, accept))
            assert _words(shown) == _words(" ".join(_plain_blocks(text))), (amendment.label, accept)
        checked += 1
    assert checked == book.count and book.count >= 20


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text)


def test_insertions_and_deletions_hold_whole_words(book_file):
    body = docx.Document(book_file).element.body
    changes = 0
    for p in body.iter(f"{W}p"):
        segments = []  # (kind, text) in document order
        for element in p.iter(f"{W}t", f"{W}delText"):
            kind = next((a.tag[len(W):] for a in element.iterancestors() if a.tag in (f"{W}ins", f"{W}del")), "eq")
            segments.append((kind, element.text or ""))
        for index, (kind, text) in enumerate(segments):
            if kind == "eq" or not text:
                continue
            changes += 1
            other = "del" if kind == "ins" else "ins"
            # Neighbours in the same text (the other kind of change is not in it) must not run into it.
            before = [t for k, t in segments[:index] if k != other and t]
            after = [t for k, t in segments[index + 1:] if k != other and t]
            if before and segments[index - 1][0] != kind:
                assert not (before[-1][-1].isalnum() and text[0].isalnum()), (before[-1], text)
            if after and index + 1 < len(segments) and segments[index + 1][0] != kind:
                assert not (text[-1].isalnum() and after[0][0].isalnum()), (text, after[0])
    assert changes > 50


def test_hostile_texts_stay_text_in_word(tmp_path):
    document = new_document(Meta("R", "T", "x", 9, "C", dt.date(2026, 1, 1), None, "", "", "", (), None), "R")
    MarkdownWriter(document, Lists(document)).write(
        document, '<script>alert(1)</script>\n\n[klik](javascript:alert(1)) en [site](https://example.nl) '
                  'en ![foto](https://example.nl/x.png)')
    path = tmp_path / "h.docx"
    document.save(path)
    with zipfile.ZipFile(path) as archive:
        relations = archive.read("word/_rels/document.xml.rels").decode()
        body = archive.read("word/document.xml").decode()
    assert "javascript" not in relations and "x.png" not in relations and "https://example.nl" in relations
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert [p.text for p in docx.Document(path).paragraphs[-2:]] == [
        "<script>alert(1)</script>", "[klik](javascript:alert(1)) en site en foto"]
