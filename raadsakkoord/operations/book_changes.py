"""Our own amendment book in Word, read back as amendments: each attributed to the party the book names.

The book prints every amendment with its submitting party, the version of
the section it was written on and its change as tracked changes in a copy
of that version's text. Read back, each becomes a draft amendment of that
party (or, with ``party_id``, only that party's are read), against the same
version, with the text the change leaves: the version's Markdown with the
change merged in, as for a round's Word export. Decisions are not read
back: the book reports them, a decision is the griffie's to take here.
An amendment that is already here (the same party, section, version, text
and title) is not made again, so reading the same book twice makes nothing.
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from sqlalchemy.orm import Session

from raadsakkoord.base.actor import Actor
from raadsakkoord.base.errors import InputError
from raadsakkoord.base.i18n import tr
from raadsakkoord.importing.office.blocks import blocks_markdown
from raadsakkoord.importing.office.book import AmendmentBookDocument, BookEdit
from raadsakkoord.importing.office.changes import blocks_of
from raadsakkoord.importing.office.report import ImportReport
from raadsakkoord.model import AmendmentKind, Chapter, Party, Revision, Section, fields
from raadsakkoord.operations._common import check_actor, open_agreement
from raadsakkoord.operations.changes_plan import (
    ChangesPlan,
    PlannedAmendment,
    existing,
    make_planned,
    merged_text,
)
from raadsakkoord.operations.changes_plan import who as _who
from raadsakkoord.queries.lookup import the_agreement
from raadsakkoord.store.audit import log

_KINDS = {"wijziging": AmendmentKind.MODIFY, "schrappen": AmendmentKind.DELETE,
          "nieuwe hoofdlijn": AmendmentKind.NEW_SECTION}


def plan_book_changes(session: Session, book: AmendmentBookDocument, *,
                      party_id: uuid.UUID | None = None) -> ChangesPlan:
    """What reading the book would make; InputError if it is the book of another agreement."""
    agreement = the_agreement(session)
    if book.title != agreement.title:
        raise InputError(tr("{source} is het amendementenboek van '{title}', deze werkruimte is '{agreement}'. "
                            "Er is niets ingelezen.").format(source=book.source, title=book.title or "—",
                                                             agreement=agreement.title))
    parties = {p.short_name: p for p in session.scalars(sa.select(Party))}
    sections = {f"{c.position}.{s.position}": s for s, c in session.execute(
        sa.select(Section, Chapter).join(Chapter, Section.chapter_id == Chapter.id))}
    chapters = {str(c.position): c for c in session.scalars(sa.select(Chapter))}
    plan = ChangesPlan(book.source, 0, tr("het amendementenboek"))
    for edit in book.edits:
        where = f"{edit.label} ({edit.number or tr('nieuw')})"
        party = parties.get(edit.party)
        if party is None:
            plan.unplaced.append(tr("{where}: de fractie '{party}' is hier onbekend").format(
                where=where, party=edit.party))
            continue
        if party_id is not None and party.id != party_id:
            continue
        planned = _planned(session, edit, sections, chapters, book.source)
        if isinstance(planned, str):
            plan.unplaced.append(f"{where}: {planned}")
            continue
        planned.party_id, planned.party = party.id, party.short_name
        # Whatever became of it since, withdrawn too: the book is a record, not a new proposal.
        planned.existing = existing(session, party.id, planned, withdrawn_too=True)
        plan.amendments.append(planned)
    if not plan.amendments and not plan.unplaced:
        raise InputError(tr("{source} bevat geen amendementen om in te lezen.").format(source=book.source))
    return plan


def import_book_changes(session: Session, actor: Actor, book: AmendmentBookDocument, *,
                        party_id: uuid.UUID | None = None) -> ChangesPlan:
    """Make the book's amendments here as drafts of their parties; the plan says what was made and what not."""
    check_actor(session, actor)
    open_agreement(session)
    if actor.party_id is not None:
        party_id = actor.party_id  # a party reads in its own amendments only
    plan = plan_book_changes(session, book, party_id=party_id)
    made = [str(make_planned(session, actor, planned, planned.party_id).id) for planned in plan.new]
    log(session, actor, "import_amendment_book", source=book.source, amendments=made, unplaced=len(plan.unplaced))
    return plan


def _planned(session: Session, edit: BookEdit, sections: dict, chapters: dict, source: str) -> PlannedAmendment | str:
    """The amendment one entry of the book makes, or why it cannot be read."""
    kind = _KINDS.get(edit.kind)
    if kind is None or not edit.headline:
        return tr("de gegevens onder de kop zijn niet te lezen")
    explanation = blocks_markdown(blocks_of(edit.explanation, "after"), ImportReport(source)).strip()
    authors, date = _who(edit.items)
    headline = fields.line("amendment.headline", edit.headline)
    if kind == AmendmentKind.NEW_SECTION:
        chapter = chapters.get(edit.chapter)
        text = _unmarked(blocks_markdown(blocks_of(edit.items, "after"), ImportReport(source)).strip())
        if chapter is None or not text or not edit.new_title:
            return tr("zonder tekst, titel of hoofdstuk")
        return PlannedAmendment(kind, "", edit.new_title, headline, explanation,
                                fields.text("amendment.proposed_text", text), "", authors, date,
                                chapter_id=chapter.id)
    section = sections.get(edit.number)
    base = session.scalars(sa.select(Revision).where(
        Revision.section_id == section.id, Revision.number == edit.base_number)).first() if section else None
    if base is None:
        return tr("hoofdlijn {number} versie {version} is hier niet bekend").format(
            number=edit.number, version=edit.base_number or "—")
    if kind == AmendmentKind.DELETE:
        return PlannedAmendment(kind, edit.number, section.title, headline, explanation, "", base.text, authors,
                                date, section_id=section.id, base_revision_id=base.id)
    before, after = (_unmarked(blocks_markdown(blocks_of(edit.items, side), ImportReport(source)).rstrip("\n"))
                     for side in ("before", "after"))
    text = merged_text(before, after, base.text)
    if not text:
        return tr("de wijziging kan niet exact op versie {version} worden overgenomen").format(version=base.number)
    return PlannedAmendment(kind, edit.number, section.title, headline, explanation,
                            fields.text("amendment.proposed_text", text), base.text, authors, date,
                            section_id=section.id, base_revision_id=base.id,
                            new_title=edit.new_title if edit.new_title != section.title else "")


def _unmarked(markdown: str) -> str:
    """The book shows an emphasis marker inside a change as the marker itself: it is Markdown again."""
    return markdown.replace("\\*\\*", "**")
