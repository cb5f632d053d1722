"""The amendment book in every format shows the griffie's numbers, each subamendment right after its amendment."""

import zipfile

import docx
import pypdf

from raadsakkoord import operations as ops
from raadsakkoord.export import html, odt, pdf
from raadsakkoord.export import markdown as md
from raadsakkoord.export.amendments import amendment_book
from raadsakkoord.export.word import write_docx
from raadsakkoord.model import AmendmentKind
from tests.export import pdfcheck
from tests.operations.test_amendment_ops import _propose

ORDER = ["A1. Meer woningen", "A1.1. Subamendement op A1: Ook middenhuur", "A2. Snel bouwen"]


def _book(setup):
    with setup.workspace.action() as s:
        first = _propose(s, setup)  # RP, A1
        ops.propose_amendment(s, setup.blauw_actor, kind=AmendmentKind.MODIFY, section_id=setup.bouwen,
                              headline="Snel bouwen", text="We bouwen snel 500 woningen.\n\nDe helft is sociale huur.",
                              submit=True)  # A2, submitted after the subamendment's amendment
        ops.propose_subamendment(s, setup.groen_actor, first.id, headline="Ook middenhuur", submit=True,
                                 text="We bouwen 800 woningen.\n\nDe helft is sociale huur, een kwart middenhuur.")
        return amendment_book(s)


def _in_order(text: str) -> bool:
    at = [text.find(title) for title in ORDER]
    return -1 not in at and at == sorted(at)


def test_the_book_lists_subamendments_right_after_their_amendment_with_their_own_changes(setup):
    book = _book(setup)
    [section] = book.sections
    assert [a.title for a in section.amendments] == ORDER
    sub = section.amendments[1]
    # Its tracked changes are against A1's text: only the words it adds.
    assert sub.diff.old_text().startswith("We bouwen 800 woningen.")
    assert sub.parent_label == "A1" and sub.conflicts_with == ()
    assert section.amendments[0].conflicts_with == ("A2",)


def test_every_format_shows_the_numbers_in_that_order(setup, tmp_path, qapp):
    book = _book(setup)
    markdown = md.amendment_book_markdown(book)
    assert _in_order(markdown) and "- Wijzigt de tekst van amendement A1" in markdown
    assert _in_order(html.amendment_book_html(book).replace("&#x27;", "'"))
    pdf.write_pdf(book, tmp_path / "boek.pdf")
    text = " ".join(pdfcheck.page_texts(pypdf.PdfReader(tmp_path / "boek.pdf")))
    assert _in_order(text), text[:2000]
    write_docx(book, tmp_path / "boek.docx")
    headings = [p.text for p in docx.Document(tmp_path / "boek.docx").paragraphs if p.style.name == "Heading 2"]
    assert headings == ORDER
    odt.write_odt(book, tmp_path / "boek.odt")
    with zipfile.ZipFile(tmp_path / "boek.odt") as archive:
        content = archive.read("content.xml").decode("utf-8")
    assert _in_order(content)
