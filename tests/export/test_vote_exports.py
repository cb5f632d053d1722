"""The amendment book shows each amendment's vote; the agreement's cover says when and how the council adopted it.

Read back from the files written: Markdown, HTML, Word and PDF.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil

import docx
import pypdf
import pytest
import sqlalchemy as sa

from raadsakkoord import operations as ops
from raadsakkoord.model import Round
from raadsakkoord.queries.identity import party_named
from raadsakkoord.queries.voting import item_by_label, voting_order
from raadsakkoord.store.workspace import open_workspace

MEETING = dt.date(2026, 11, 26)
FOR = ("GL", "PvdA", "CU", "AC", "D66", "SP")
AGAINST = ("VVD", "PLOP", "CDA", "50PLUS")


def _ids(session, names):
    return [party_named(session, name).id for name in names]


@pytest.fixture(scope="module")
def voted(tmp_path_factory, demo_path):
    """The demo after the meeting: A24 adopted (a split vote, two absent), A23 and the rest rejected, and
    the whole agreement adopted in its final vote."""
    target = tmp_path_factory.mktemp("voted") / "assen.raadsakkoord"
    shutil.copyfile(demo_path, target)
    workspace = open_workspace(str(target))
    griffie = ops.Actor.griffie("Marleen Hoekstra")
    with workspace.action() as s:
        ops.record_vote(s, griffie, item_by_label(s, "A24"), voting_for=_ids(s, FOR), voting_against=_ids(s, AGAINST),
                        absent=["Wim Teunissen", "Henk Wubs"], split=[("Esther de Haan", "for")], meeting=MEETING)
        ops.record_vote(s, griffie, item_by_label(s, "A23"), voting_for=_ids(s, ("GL",)),
                        voting_against=_ids(s, (*FOR[1:], *AGAINST)), meeting=MEETING)
        for item in voting_order(s):
            if item.kind == "amendment":
                ops.record_vote(s, griffie, item, voting_against=_ids(s, (*FOR, *AGAINST)), meeting=MEETING)
        ops.record_vote(s, griffie, item_by_label(s, "raadsakkoord"), voting_for=_ids(s, FOR),
                        voting_against=_ids(s, AGAINST), meeting=dt.date(2026, 12, 3))
    yield workspace
    workspace.close()


@pytest.fixture(scope="module")
def voted_book(voted):
    from raadsakkoord.export.amendments import amendment_book

    with voted.action() as session:
        return amendment_book(session, today=dt.date(2026, 12, 4))


@pytest.fixture(scope="module")
def final_agreement(voted):
    from raadsakkoord.export.document import agreement_document

    with voted.action() as session:
        final = session.scalars(sa.select(Round).where(Round.is_final)).one()
        return agreement_document(session, round_number=final.number)


A24_VOTE = "Aangenomen met 21 stemmen voor en 10 tegen (2 afwezig), in de raadsvergadering van 26 november 2026."
A24_PLOP = "PLOP: 4 tegen, 1 voor; anders dan de fractie: Esther de Haan (voor)"
A23_VOTE = "Verworpen met 3 stemmen voor en 30 tegen, in de raadsvergadering van 26 november 2026."
ADOPTION = "Vastgesteld in de raadsvergadering van 3 december 2026, met 21 stemmen voor en 12 tegen."


def _flat(text: str) -> str:
    """The text on one line, words Typst hyphenated at a line's end ("no- vember") whole again."""
    return re.sub(r"(\w)- (\w)", r"\1\2", " ".join(text.split()))


def test_the_book_in_markdown_and_html_shows_each_vote(voted_book, tmp_path):
    from raadsakkoord.export import html, markdown as md

    path = tmp_path / "boek.md"
    path.write_text(md.amendment_book_markdown(voted_book), encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    assert f"- Stemming: {A24_VOTE} Per fractie: AC: 5 voor; CU: 5 voor; {A24_PLOP};" in text
    assert f"- Stemming: {A23_VOTE}" in text
    # The decision the vote took is printed once, as the vote.
    assert "- Status: aanvaard\n" in text and "— Aangenomen met 21" not in text
    page = html.amendment_book_html(voted_book)
    assert f'<th scope="row">Stemming</th><td>{A24_VOTE}<br>' in page
    assert "SP: 1 voor; afwezig: Henk Wubs" in page


def test_the_book_in_word_and_pdf_shows_each_vote(voted_book, tmp_path):
    from raadsakkoord.export import pdf
    from raadsakkoord.export.word import write_docx

    write_docx(voted_book, tmp_path / "boek.docx")
    paragraphs = [p.text for p in docx.Document(str(tmp_path / "boek.docx")).paragraphs]
    assert any(p.startswith(f"Stemming: {A24_VOTE} Per fractie: ") and A24_PLOP in p for p in paragraphs)
    pdf.write_pdf(voted_book, tmp_path / "boek.pdf")
    text = _flat(" ".join(page.extract_text() for page in pypdf.PdfReader(tmp_path / "boek.pdf").pages))
    assert f"Stemming: {A24_VOTE}" in text and A24_PLOP in text and A23_VOTE in text


def test_the_final_vote_is_on_the_cover_of_every_format(final_agreement, tmp_path):
    from raadsakkoord.export import html, markdown as md, pdf
    from raadsakkoord.export.word import write_docx

    assert final_agreement.meta.adoption == ADOPTION
    assert f"**{ADOPTION}**" in md.agreement_markdown(final_agreement)
    assert f'<p class="adoption"><strong>{ADOPTION}</strong></p>' in html.agreement_html(final_agreement)
    write_docx(final_agreement, tmp_path / "akkoord.docx")
    assert ADOPTION in [p.text for p in docx.Document(str(tmp_path / "akkoord.docx")).paragraphs[:6]]
    pdf.write_pdf(final_agreement, tmp_path / "akkoord.pdf")
    assert ADOPTION in _flat(pypdf.PdfReader(tmp_path / "akkoord.pdf").pages[0].extract_text())


def test_an_earlier_rounds_cover_and_a_working_copy_do_not_claim_the_adoption(voted):
    from raadsakkoord.export.document import agreement_document

    with voted.action() as session:
        assert agreement_document(session, round_number=1).meta.adoption == ""
        assert agreement_document(session).meta.adoption == ""
