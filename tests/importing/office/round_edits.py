"""A small agreement with one published round exported to Word, and a party's tracked edits of it."""

from __future__ import annotations

from raadsakkoord import operations as ops
from raadsakkoord.export.document import agreement_document
from raadsakkoord.export.word import write_docx
from tests.importing.office.word_edits import WordEdit

BOUWEN = ("We bouwen **500** woningen binnen *twee weken*.\n\n"
          "Zie [de site](https://example.nl) voor meer.\n\n"
          "- een rij\n- twee rijen\n\n"
          "De helft is `sociale` huur, zegt de raad.\n")
HUUR = "De huren stijgen niet harder dan de inflatie.\n\nHuurders krijgen een loket.\n"
BEGROTING = "De begroting is structureel sluitend.\n"
SPORT = "Elke wijk krijgt een sportveld.\n"


def export_round(workspace, tmp_path):
    """The workspace gets the agreement and round 1; returns the ids and the round's Word export."""
    griffie = ops.Actor.griffie("Griet Griffier")
    ids = {}
    with workspace.action() as s:
        ops.create_agreement(s, griffie, title="Raadsakkoord Testdorp 2026–2030", municipality="Testdorp",
                             council_seats=15, term="2026–2030")
        ids["gl"] = ops.add_party(s, griffie, name="Groene Lijst", short_name="GL", seats=7, colour="#2e7d32").id
        ids["rp"] = ops.add_party(s, griffie, name="Rode Partij", short_name="RP", seats=8, colour="#c62828").id
        wonen = ops.add_chapter(s, griffie, title="Wonen")
        ids["bouwen"] = ops.add_section(s, griffie, chapter_id=wonen.id, title="Bouwen", text=BOUWEN).id
        ids["huur"] = ops.add_section(s, griffie, chapter_id=wonen.id, title="Huur", text=HUUR).id
        geld = ops.add_chapter(s, griffie, title="Financiën")
        ids["geld"] = geld.id
        ids["begroting"] = ops.add_section(s, griffie, chapter_id=geld.id, title="Begroting", text=BEGROTING).id
        ops.publish_round(s, griffie)
        document = agreement_document(s, round_number=1)
    path = tmp_path / "ronde1.docx"
    write_docx(document, path)
    return ids, path


def party_edits(path, out):
    """Two authors of one party edit the round as Word records it."""
    edit = WordEdit(path)
    edit.replace("woningen binnen", "twee weken", "een week", "Anna de Vries", "2026-03-02T10:00:00Z")
    edit.insert_paragraph("voor meer", "Starters gaan voor.", "Anna de Vries")
    edit.comment("woningen binnen", "Sneller bouwen is nodig.", "Anna de Vries")
    edit.replace("zegt de raad", "zegt de raad", "zei de raad", "Anna de Vries")
    edit.delete_paragraph("Huurders krijgen", "Bert Jansen", "2026-03-03T09:30:00Z")
    edit.insert_text("De huren stijgen", "stijgen", " nooit", "Bert Jansen", "2026-03-03T09:00:00Z")
    edit.replace("De huren stijgen", "niet ", "", "Bert Jansen", "2026-03-03T09:00:00Z")
    edit.delete_section("2.1 Begroting", "Bert Jansen", "structureel sluitend")
    edit.comment("structureel sluitend", "Dit hoort in de begroting zelf.", "Bert Jansen")
    edit.insert_section("Bijlage. Uitwerkingsagenda", "Sport", SPORT.strip(), "Anna de Vries")
    edit.bold("Zie de site", "Anna de Vries")
    return edit.save(out)
