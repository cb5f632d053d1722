"""Drafts from Word and OpenDocument files: the same chapters and sections as the Markdown they stand for."""

from __future__ import annotations

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from raadsakkoord.importing.markdown import parse_draft
from raadsakkoord.importing.office import read_document
from tests.importing.office.builders import (
    EXPECTED,
    EXPECTED_PREAMBLE,
    add_hyperlink,
    draft_docx,
    draft_odt,
    tiny_png,
)


def sections_of(markdown: str) -> dict:
    draft = parse_draft(markdown)
    return {c.title: {"intro": c.intro, "sections": {s.title: s.text for s in c.sections}}
            for c in draft.chapters}


@pytest.mark.parametrize("build", [draft_docx, draft_odt], ids=["docx", "odt"])
def test_headings_lists_emphasis_links_and_a_table_become_the_sections(tmp_path, build):
    path = tmp_path / f"concept.{build.__name__[-4:]}"
    build(path)
    markdown, report = read_document(path)
    assert sections_of(markdown) == EXPECTED
    assert parse_draft(markdown).preamble == EXPECTED_PREAMBLE
    # The document's title is not text of the agreement: left out, and said so.
    assert report.items() == ["1 titel of ondertitel (de titel van het raadsakkoord geeft u zelf op)"]


def test_word_and_opendocument_give_the_same_draft(tmp_path):
    draft_docx(tmp_path / "a.docx")
    draft_odt(tmp_path / "a.odt")
    assert read_document(tmp_path / "a.docx")[0] == read_document(tmp_path / "a.odt")[0]


def _minimal_docx(path, fill) -> None:
    d = docx.Document()
    d.add_heading("Wonen", level=1)
    d.add_heading("Bouwen", level=2)
    fill(d)
    d.save(path)


def _field(instr: str, shown: str) -> str:
    return (f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>',
            f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>',
            f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>',
            f'<w:r {nsdecls("w")}><w:t>{shown}</w:t></w:r>',
            f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>')


def test_comments_images_fields_notes_and_headers_are_dropped_and_reported(tmp_path):
    def fill(d):
        p = d.add_paragraph("We bouwen ")
        commented = p.add_run("500")
        p.add_run(" woningen (zie ")
        for xml in _field("REF _Ref1 \\h", "hoofdstuk 3"):
            p._p.append(parse_xml(xml))
        p.add_run(").")
        d.add_comment(commented, text="Is dat genoeg?", author="Gerda Groen")
        d.add_comment(p.runs[0], text="Nog een opmerking", author="Ruud Rood")
        png = tmp_path / "logo.png"
        png.write_bytes(tiny_png())
        d.add_picture(str(png))
        note = d.add_paragraph("Zie de bijlage")
        note._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:footnoteReference w:id="1"/></w:r>'))
        toc = d.add_paragraph()
        for xml in _field('TOC \\o "1-3" \\h', "Wonen 1"):
            toc._p.append(parse_xml(xml))
        d.sections[0].header.paragraphs[0].text = "Concept raadsakkoord"

    _minimal_docx(tmp_path / "c.docx", fill)
    markdown, report = read_document(tmp_path / "c.docx")
    # The shown text of a cross-reference stays; the table of contents does not repeat the headings.
    assert sections_of(markdown)["Wonen"]["sections"]["Bouwen"] == (
        "We bouwen 500 woningen (zie hoofdstuk 3).\n\nZie de bijlage")
    assert report.items() == [
        "2 opmerkingen", "1 afbeelding of tekening", "1 voetnoot", "1 inhoudsopgave of index",
        "1 kop- of voettekst", "1 veld (alleen de getoonde tekst is overgenomen)"]
    assert report.lines()[0] == "Niet overgenomen uit c.docx:"


def test_opendocument_comments_notes_frames_and_fields_are_reported(tmp_path):
    from odf.draw import Frame, TextBox
    from odf.office import Annotation
    from odf.text import H, Note, NoteBody, NoteCitation, P, PageNumber, TableOfContent

    def extra(doc):
        p = P(text="Tekst met ")
        comment = Annotation()
        comment.addElement(P(text="Klopt dit?"))
        p.addElement(comment)
        note = Note(noteclass="footnote", id="ftn1")
        note.addElement(NoteCitation(text="1"))
        body = NoteBody()
        body.addElement(P(text="Bron: CBS"))
        note.addElement(body)
        p.addElement(note)
        p.addText(" en pagina ")
        p.addElement(PageNumber(selectpage="current", text="4"))
        frame = Frame(width="3cm", height="2cm", anchortype="as-char")
        box = TextBox()
        box.addElement(P(text="Kader"))
        frame.addElement(box)
        p.addElement(frame)
        doc.text.addElement(H(outlinelevel=2, text="Extra"))
        doc.text.addElement(p)
        doc.text.addElement(TableOfContent(name="Inhoud"))

    draft_odt(tmp_path / "c.odt", extra=extra)
    markdown, report = read_document(tmp_path / "c.odt")
    assert sections_of(markdown)["Financiën"]["sections"]["Extra"] == "Tekst met en pagina 4"
    assert report.items() == [
        "1 opmerking", "1 tekstvak", "1 voetnoot", "1 inhoudsopgave of index",
        "1 titel of ondertitel (de titel van het raadsakkoord geeft u zelf op)",
        "1 veld (alleen de getoonde tekst is overgenomen)"]


def test_emphasis_markdown_cannot_express_is_dropped_for_that_paragraph_and_reported(tmp_path):
    def fill(d):
        p = d.add_paragraph()
        p.add_run("Let op:").bold = True
        p.add_run("nu.")
        add_hyperlink(d.add_paragraph("Een "), "veilige link", "https://example.nl")
        add_hyperlink(d.add_paragraph("Een "), "onveilige link", "javascript:alert(1)")

    _minimal_docx(tmp_path / "e.docx", fill)
    markdown, report = read_document(tmp_path / "e.docx")
    text = sections_of(markdown)["Wonen"]["sections"]["Bouwen"]
    # No stray asterisks: the text is kept, the bold is not, and the clerk is told.
    assert text == "Let op:nu.\n\nEen [veilige link](https://example.nl)\n\nEen onveilige link"
    assert report.items() == [
        "vet of cursief in 1 alinea die Markdown niet kan weergeven (de tekst is overgenomen)"]


def test_numbered_list_keeps_counting_after_a_paragraph_and_breaks_stay_in_the_item(tmp_path):
    def fill(d):
        d.add_paragraph("een", style="List Number")
        item = d.add_paragraph("twee", style="List Number")
        item.add_run().add_break()
        item.add_run("- met een tweede regel")
        d.add_paragraph("Tussendoor.")
        d.add_paragraph("drie", style="List Number")

    _minimal_docx(tmp_path / "n.docx", fill)
    text = sections_of(read_document(tmp_path / "n.docx")[0])["Wonen"]["sections"]["Bouwen"]
    assert text == "1. een\n2. twee\\\n   \\- met een tweede regel\n\nTussendoor.\n\n3. drie"


def test_what_the_word_export_writes_reads_back_as_the_same_markdown(tmp_path):
    """The export's Markdown-to-Word writer and this reader agree: lists, emphasis, links and tables."""
    import datetime as dt
    import uuid

    from raadsakkoord.export.document import Meta
    from raadsakkoord.export.word.base import new_document
    from raadsakkoord.export.word.markdown import MarkdownWriter
    from raadsakkoord.export.word.numbering import Lists

    meta = Meta("Raadsakkoord", "Testdorp", "2026–2030", 19, "Concept 1", dt.date(2026, 11, 2), 1,
                "", "", "", (), uuid.uuid4())
    document = new_document(meta, meta.title)
    document.add_paragraph("Inhoud", style="TOC Heading")  # based on Heading 1, but no heading itself
    lists = Lists(document)
    for chapter, content in EXPECTED.items():
        document.add_heading(chapter, level=1)
        if content["intro"]:
            MarkdownWriter(document, lists).write(document, content["intro"])
        for title, text in content["sections"].items():
            document.add_heading(title, level=2)
            MarkdownWriter(document, lists).write(document, text)
    document.save(tmp_path / "export.docx")
    markdown, report = read_document(tmp_path / "export.docx")
    assert sections_of(markdown) == EXPECTED
    assert parse_draft(markdown).preamble == "Inhoud"
    assert report.items() == ["3 kop- en voetteksten"]  # the page header and footers
