"""The publications as data for the Typst templates in ``resources/typst``.

Everything a reader sees that came from a user (titles, names, texts) is
turned into content nodes by ``pdf_content``; the figures and fixed words
are ours. The result is plain JSON, handed to Typst as one input.
"""

from __future__ import annotations

from collections.abc import Callable

from raadsakkoord import diffing
from raadsakkoord.base.i18n import tr
from raadsakkoord.diffing.model import Kind, Op
from raadsakkoord.export import plain_language as plain
from raadsakkoord.export.amendments import AmendmentBook
from raadsakkoord.export.document import (
    AgreementDocument,
    Meta,
    Portfolio,
    TaskAgenda,
    date_nl,
    euro_nl,
)
from raadsakkoord.export.labels import (
    KIND_NL,
    percent,
    segments,
    support_rows,
    support_sentence,
    verdict,
)
from raadsakkoord.export.pdf_content import blocks, lines, printable
from raadsakkoord.export.pdf_content import plain as one_line
from raadsakkoord.export.progress import Step
from raadsakkoord.export.word.tracked import emphasis
from raadsakkoord.queries.readability import Readability, ReadabilityReport
from raadsakkoord.queries.support import Tally

LANGUAGE = ("nl", "NL")  # the publications are Dutch public documents, whatever language the window speaks
KEEP_WHOLE = 900  # characters of a task's description up to which its row is kept on one page
PROGRESS_EVERY = 50  # sections or amendments between two progress steps


def title_of(data) -> str:
    """The document's title: in its metadata, shown as the PDF viewer's window title."""
    if isinstance(data, AgreementDocument):
        return data.meta.title
    if isinstance(data, TaskAgenda):
        return f"Uitwerkingsagenda {data.meta.title}"
    if isinstance(data, AmendmentBook):
        return f"Amendementenboek {data.meta.title}"
    raise TypeError(type(data))


def _metadata_text(text: str) -> str:
    # The document title lives in the metadata, where no font is needed, but
    # PDF/A still refuses private-use characters anywhere: those are spelled out.
    return "".join(part if isinstance(part, str) else f"[{part[1]}]" for part in printable(" ".join(text.split())))


def meta(meta: Meta, heading: str) -> dict:
    contact = None
    if meta.contact_name:
        contact = {"name": one_line(meta.contact_name), "phone": one_line(meta.contact_phone),
                   "email": one_line(meta.contact_email)}
    return {
        "document-title": _metadata_text(heading),
        "heading": one_line(heading),
        "running-title": one_line(heading),
        "author": _metadata_text(f"Griffie van de gemeenteraad {meta.municipality}"),
        "lang": LANGUAGE[0], "region": LANGUAGE[1],
        "municipality": one_line(meta.municipality),
        "term": one_line(meta.term),
        "status": one_line(meta.status),
        "date": date_nl(meta.date),
        "day": [meta.date.year, meta.date.month, meta.date.day],
        "parties": [{"name": one_line(p.name), "short": one_line(p.short_name), "seats": p.seats,
                     "colour": _colour(p.colour)} for p in meta.parties],
        "seats": sum(p.seats for p in meta.parties),
        "council-seats": meta.council_seats,
        "contact": contact,
        "adoption": one_line(meta.adoption) if meta.adoption else [],
    }


def _colour(value: str) -> str:
    """A party colour as #rrggbb; anything else (it comes from a package) is drawn grey."""
    text = (value or "").strip()
    if len(text) == 7 and text[0] == "#" and all(c in "0123456789abcdefABCDEF" for c in text[1:]):
        return text
    return "#777777"


def support(tally: Tally, colours: dict[str, str]) -> dict:
    rows = []
    seats = {p.short_name: p.seats for p in tally.positions}
    for row in support_rows(tally):
        if not row.seats and row.key != "support":
            continue
        names = ", ".join(f"{name} ({seats.get(name.removesuffix(' (verouderd)'), 0)})" for name in row.parties)
        rows.append({"label": row.label, "seats": row.seats, "parties": one_line(names or "—")})
    return {
        "seats": tally.support_seats,
        "council-seats": tally.council_seats,
        "percent": percent(tally.support_seats, tally.council_seats),
        "verdict": verdict(tally),
        "sentence": _metadata_text(support_sentence(tally)),
        "bar": [[name, seats_, _colour(colour)] for name, seats_, colour in segments(tally, colours) if seats_],
        "rows": rows,
        "minority": [{"party": one_line(p.short_name), "text": blocks(p.minority_position, heading=4)}
                     for p in tally.minority_positions],
    }


def _day(day) -> str:
    return day.strftime("%d-%m-%Y") if day else "—"


def portfolios(items: tuple[Portfolio, ...]) -> list[dict]:
    return [{
        "holder": one_line(p.holder),
        "count": f"{len(p.tasks)} opdracht{'en' if len(p.tasks) != 1 else ''}",
        "budget": euro_nl(p.budget_eur),
        "tasks": [{
            "title": one_line(t.title),
            "description": lines(t.description),
            "keep": len(t.description) < KEEP_WHOLE and t.description.count("\n") < 12,
            "sections": ", ".join(t.section_numbers) or "—",
            "participation": one_line(t.participation_level),
            "stakeholders": one_line(", ".join(t.stakeholders) or "—"),
            "due": _day(t.due_date),
            "budget": euro_nl(t.budget_eur) if t.budget_eur is not None else "—",
        } for t in p.tasks],
    } for p in items]


def _figures(r: Readability) -> list:
    found = [str(len(r.officialese))] + plain.frequent_officialese(r) if r.officialese else ["geen"]
    officialese: list = []
    for number, line in enumerate(found):
        if number:
            officialese.append(["br"])
        officialese.extend(printable(line))
    return [plain.score(r), r.band, plain.long_sentences(r), officialese]


def readability(report: ReadabilityReport | None) -> dict | None:
    if report is None:
        return None
    chapters = [[one_line(f"{c.number}. {c.title}"), str(c.sections)] + _figures(c.readability)
                for c in report.chapters]
    chapters.append([[["b", printable(plain.TOTAL)]], str(len(report.sections))] + _figures(report.total))
    sections = [[r.number, one_line(r.title)] + _figures(r.readability) for r in report.sections]
    return {
        "title": plain.TITLE,
        "intro": plain.INTRO,
        "tables": [
            {"heading": plain.CHAPTERS_HEADING, "columns": list(plain.CHAPTER_COLUMNS),
             "widths": [25, 13, 7, 14, 17, 24], "numeric": [1, 2], "rows": chapters},
            {"heading": plain.SECTIONS_HEADING, "columns": list(plain.SECTION_COLUMNS),
             "widths": [6, 30, 7, 14, 17, 26], "numeric": [2], "rows": sections},
        ],
    }


def agreement(doc: AgreementDocument, progress: Callable[[str], None]) -> dict:
    colours = {p.short_name: p.colour for p in doc.meta.parties}
    total = len(doc.sections)
    done = 0
    chapters = []
    for chapter in doc.chapters:
        sections = []
        for s in chapter.sections:
            if total > PROGRESS_EVERY and done % PROGRESS_EVERY == 0:
                progress(Step(tr("hoofdlijn {done} van {total} voorbereiden…").format(done=done + 1, total=total),
                              done, total))
            done += 1
            sections.append({"title": one_line(f"{s.number} {s.title}"), "text": blocks(s.text, heading=3, numbered=doc.line_numbers),
                             "support": support(s.support, colours)})
        chapters.append({"title": one_line(f"{chapter.number}. {chapter.title}"),
                         "intro": blocks(chapter.intro, heading=2) if chapter.intro else [],
                         "sections": sections})
    return {
        "meta": meta(doc.meta, doc.meta.title),
        "preamble": blocks(doc.preamble, heading=2) if doc.preamble else [],
        "chapters": chapters,
        "agenda": portfolios(doc.agenda),
        "readability": readability(doc.readability),
    }


def task_agenda(agenda: TaskAgenda, progress: Callable[[str], None]) -> dict:
    return {
        "meta": meta(agenda.meta, title_of(agenda)),
        "count": sum(len(p.tasks) for p in agenda.portfolios),
        "budget": euro_nl(sum(p.budget_eur for p in agenda.portfolios)),
        "portfolios": portfolios(agenda.portfolios),
    }


_OPS = {Op.EQUAL: "=", Op.INSERT: "+", Op.DELETE: "-"}


def changes(diff: diffing.TextDiff) -> list:
    """Per changed paragraph the pieces of its tracked changes: [op, "b"/"i" flags, inlines].

    Unchanged paragraphs are left out, each run of them standing as one
    ``None`` (printed as an ellipsis): the agreement holds the whole text,
    and a book of twenty thousand amendments that repeated every section
    each time would run to tens of thousands of pages.
    """
    out: list = []
    for paragraph in diff.paragraphs:
        if paragraph.kind is Kind.EQUAL:
            if out[-1:] != [None]:
                out.append(None)
            continue
        pieces = []
        for piece in emphasis(paragraph.spans):
            flags = ("b" if piece.bold else "") + ("i" if piece.italic else "")
            pieces.append([_OPS[piece.op], flags, lines(piece.text)])
        if pieces:
            out.append(pieces)
    return out


def amendment_book(book: AmendmentBook, progress: Callable[[str], None]) -> dict:
    colours = {p.short_name: p.colour for p in book.meta.parties}
    total = book.count
    done = 0
    sections = []
    chapter = None
    for section in book.sections:
        new_chapter = section.number.split(".")[0] != chapter
        chapter = section.number.split(".")[0]
        title = f"{section.number} {section.title}" if "." in section.number else section.title
        amendments = []
        for a in section.amendments:
            if total > PROGRESS_EVERY and done % PROGRESS_EVERY == 0:
                progress(Step(tr("amendement {done} van {total} voorbereiden…").format(done=done + 1, total=total),
                              done, total))
            done += 1
            amendments.append({
                "heading": one_line(a.title),
                "by": one_line(a.party + (" met " + ", ".join(a.co_parties) if a.co_parties else "")),
                "kind": KIND_NL[a.kind],
                # "hoofdlijn 8.4, regels 12–14": the lines as the agreement numbers them.
                "lines": f"hoofdlijn {section.number}, {a.lines}" if a.lines and "." in section.number else "",
                "new-title": one_line(a.title_note) if a.title_note else [],
                "status": one_line(a.status),
                "conflicts": ", ".join(a.conflicts_with),
                "decision": one_line(a.decision_note) if a.decision_note else [],
                "vote": one_line(a.vote.sentence) if a.vote else [],
                "vote-parties": [one_line(line) for line in a.vote.parties] if a.vote else [],
                "explanation": blocks(a.explanation, heading=4) if a.explanation else [],
                "changes": changes(a.diff),
                "support": support(a.support, colours),
            })
        sections.append({"title": one_line(title), "new-chapter": new_chapter, "amendments": amendments})
    return {"meta": meta(book.meta, title_of(book)), "sections": sections}
