"""A round's Word export, edited with track changes on, read in as one party's amendments.

``plan_tracked_changes`` matches the file to a round of this workspace (its
cover's title and round, and every section's number, title and words) and
says what would be made: per changed section one amendment against the
round's revision of it (a change, with a new title for the section when
the title in its heading was changed, or a deletion when heading and text
are struck whole), per new heading a new section, and what cannot be placed.
``import_tracked_changes`` makes those amendments through
``propose_amendment``, as drafts the party can still edit and submit, so an
imported amendment is the same as one typed in the application.

The section's new text is the round's Markdown with the party's changes
merged into it: what the Word export cannot say in Markdown (inline code,
a soft line break, an escape) stays as it was in the round, and the
changes are applied as the party made them. Where a change touches such a
passage and cannot be merged exactly, the section is listed, not guessed.
Importing the same file twice makes nothing new.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from raadsakkoord.base.actor import Actor
from raadsakkoord.base.errors import InputError
from raadsakkoord.base.i18n import tr, trn
from raadsakkoord.diffing import Kind, diff, tokenize
from raadsakkoord.diffing.worddiff import EQUAL, token_diff
from raadsakkoord.export.safe_html import markdown_tokens
from raadsakkoord.importing.office.blocks import blocks_markdown
from raadsakkoord.importing.office.changes import (
    Item,
    TrackedDocument,
    blocks_of,
    comments_of,
    plain_of,
    refuse_unchanged,
)
from raadsakkoord.importing.office.report import ImportReport
from raadsakkoord.model import (
    AmendmentKind,
    Revision,
    Round,
    RoundSection,
    Section,
    SectionStatus,
    fields,
)
from raadsakkoord.operations._common import acting_party, check_actor, open_agreement
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

MAX_HEADLINE = 200
_QUOTE = 60  # characters of a changed passage quoted in a headline
_GONE = (SectionStatus.WITHDRAWN.value, SectionStatus.REJECTED.value)


@dataclass
class _RoundEntry:
    number: str
    title: str
    section_id: uuid.UUID
    chapter_id: uuid.UUID
    revision: Revision


def plan_tracked_changes(session: Session, document: TrackedDocument, *, round_number: int | None = None,
                         party_id: uuid.UUID | None = None) -> ChangesPlan:
    """What importing ``document`` would make; InputError if it is no export of a round of this agreement.

    Our own amendment book is read by ``book_changes``: ``party_id`` then picks that party's amendments.
    """
    if not isinstance(document, TrackedDocument):
        from raadsakkoord.operations.book_changes import plan_book_changes

        return plan_book_changes(session, document, party_id=party_id)
    agreement = the_agreement(session)
    source = document.source
    if document.title != agreement.title:
        raise InputError(tr(
            "{source} is geen Word-export van een ronde van dit raadsakkoord: het voorblad noemt "
            "'{title}', deze werkruimte is '{agreement}'. Er is niets ingelezen.").format(
                source=source, title=document.title or "—", agreement=agreement.title))
    round_ = _round(session, document, round_number)
    entries = _entries(session, round_)
    exported = _check_sections(document, entries, round_, source)
    refuse_unchanged(document)
    plan = ChangesPlan(source, round_.number, round_.label)
    plan.unplaced += [f"{u.where}: {u.text}" for u in document.unplaced]
    for edit in document.sections:
        entry = entries[edit.number]
        items = [edit.heading, *edit.items]
        if not edit.changed:
            for comment in comments_of(document, items):
                plan.unplaced.append(tr("hoofdlijn {number}: opmerking zonder wijziging: «{text}»").format(
                    number=edit.number, text=_short(comment)))
            continue
        where = tr("hoofdlijn {number}").format(number=edit.number)
        base = entry.revision.text
        authors, date = _who(items)
        explanation = "\n\n".join(comments_of(document, items))
        if edit.deleted:
            plan.amendments.append(PlannedAmendment(
                AmendmentKind.DELETE, edit.number, entry.title,
                tr("Hoofdlijn {number} '{title}' schrappen").format(number=edit.number, title=entry.title),
                explanation, "", base, authors, date, section_id=entry.section_id,
                base_revision_id=entry.revision.id))
            continue
        if edit.heading.after is None:
            plan.unplaced.append(tr("{where}: de kop is geschrapt maar de tekst niet; schrap beide om de "
                                    "hoofdlijn te schrappen").format(where=where))
            continue
        new_title = ""
        if edit.title_after != edit.title:
            new_title = _new_title(session, edit, entry, where, plan)
            if new_title is None:
                continue
        text = _new_text(edit.items, exported[edit.number], base)
        if text:
            text = fields.text("amendment.proposed_text", text)
        if text is None:
            plan.unplaced.append(tr("{where}: de wijziging raakt opmaak die Word niet als Markdown teruggeeft "
                                    "(bijvoorbeeld code of een tabel) en kan niet exact worden overgenomen")
                                 .format(where=where))
            continue
        if not text.strip():
            plan.unplaced.append(tr("{where}: alle tekst is geschrapt, de kop niet; schrap ook de kop om de "
                                    "hoofdlijn te schrappen").format(where=where))
            continue
        if text == base and not new_title:
            continue  # only formatting changed
        plan.amendments.append(PlannedAmendment(
            AmendmentKind.MODIFY, edit.number, entry.title, _modify_headline(base, text, new_title), explanation,
            text, base, authors, date, section_id=entry.section_id, base_revision_id=entry.revision.id,
            new_title=new_title))
    chapters = {e.number.split(".")[0]: e.chapter_id for e in entries.values()}
    for new in document.new_sections:
        text = blocks_markdown(blocks_of(new.items, "after"), ImportReport(source)).strip()
        where = tr("nieuwe hoofdlijn «{title}»").format(title=_short(new.title))
        if new.chapter not in chapters or not text or not new.title.strip():
            plan.unplaced.append(tr("{where}: zonder tekst of buiten een hoofdstuk van de ronde").format(where=where))
            continue
        authors, date = _who([new.heading, *new.items])
        plan.amendments.append(PlannedAmendment(
            AmendmentKind.NEW_SECTION, new.after_number or "", new.title,
            tr("Nieuwe hoofdlijn '{title}'").format(title=new.title),
            "\n\n".join(comments_of(document, [new.heading, *new.items])),
            fields.text("amendment.proposed_text", text), "", authors, date, chapter_id=chapters[new.chapter]))
    if document.formatting_changes:
        plan.notices.append(trn(
            "{n} opmaakwijziging (vet, cursief, stijl) is genegeerd: een amendement wijzigt tekst, geen opmaak.",
            "{n} opmaakwijzigingen (vet, cursief, stijl) zijn genegeerd: een amendement wijzigt tekst, geen opmaak.",
            document.formatting_changes).format(n=document.formatting_changes))
    if not plan.amendments and not plan.unplaced:
        raise InputError(tr("{source} wijzigt de tekst van geen enkele hoofdlijn (alleen de opmaak); er is niets "
                            "ingelezen.").format(source=source))
    if party_id is not None:
        for planned in plan.amendments:
            planned.existing = existing(session, party_id, planned)
    return plan


def import_tracked_changes(session: Session, actor: Actor, document: TrackedDocument, *, party_id: uuid.UUID | None,
                           round_number: int | None = None) -> ChangesPlan:
    """Make the party's amendments from the file, as drafts; the plan says what was made and what was not."""
    if not isinstance(document, TrackedDocument):
        from raadsakkoord.operations.book_changes import import_book_changes

        return import_book_changes(session, actor, document, party_id=party_id)
    check_actor(session, actor)
    open_agreement(session)
    party = acting_party(session, actor, party_id)
    plan = plan_tracked_changes(session, document, round_number=round_number, party_id=party.id)
    made = [str(make_planned(session, actor, planned, party.id).id) for planned in plan.new]
    log(session, actor, "import_tracked_changes", source=document.source, round=plan.round_number,
        party=str(party.id), amendments=made, unplaced=len(plan.unplaced))
    return plan


def _new_title(session: Session, edit, entry: _RoundEntry, where: str, plan: ChangesPlan) -> str | None:
    """The title the party gave the section in its heading ("" if the section has it already), or None,
    with the reason listed, when the heading's number was changed or the title emptied."""
    title = " ".join(edit.title_after.split())
    if not edit.number_kept or not title:
        plan.unplaced.append(tr("{where}: het nummer van de kop is gewijzigd of de titel is leeg («{heading}»); "
                                "alleen de titel achter het nummer kan worden gewijzigd").format(
            where=where, heading=_short(plain_of(edit.heading.after))))
        return None
    try:
        title = fields.line("amendment.proposed_title", title)
    except InputError as exc:
        plan.unplaced.append(f"{where}: {exc.message}")
        return None
    section = session.get(Section, entry.section_id)
    return "" if section is not None and section.title == title else title


def _modify_headline(base: str, text: str, new_title: str) -> str:
    retitle = tr("Titel wordt '{title}'").format(title=_short(new_title, _QUOTE)) if new_title else ""
    if text == base:
        return retitle[:MAX_HEADLINE]
    headline = headline_for(base, text)
    return (f"{retitle}; {headline}" if retitle else headline)[:MAX_HEADLINE]


def headline_for(base: str, text: str) -> str:
    """A headline from the change itself: "'twee weken' vervangen door 'een week'" (and how many more)."""
    hunks: list[tuple[str, str]] = []
    for paragraph in diff(base, text).paragraphs:
        if paragraph.kind == Kind.EQUAL:
            continue
        old, new = tokenize(paragraph.old or ""), tokenize(paragraph.new or "")
        deleted = inserted = ""
        for op, a0, a1, b0, b1 in token_diff(old, new):
            if op == EQUAL:
                if deleted or inserted:
                    hunks.append((deleted, inserted))
                deleted = inserted = ""
            else:
                deleted += "".join(old[a0:a1])
                inserted += "".join(new[b0:b1])
        if deleted or inserted:
            hunks.append((deleted, inserted))
    hunks = [(_plain_words(d), _plain_words(i)) for d, i in hunks]
    hunks = [(d, i) for d, i in hunks if d or i]
    if not hunks:
        return tr("Tekst gewijzigd")
    deleted, inserted = hunks[0]
    if deleted and inserted:
        first = tr("'{old}' vervangen door '{new}'").format(old=_short(deleted, _QUOTE), new=_short(inserted, _QUOTE))
    elif inserted:
        first = tr("'{new}' ingevoegd").format(new=_short(inserted, _QUOTE))
    else:
        first = tr("'{old}' geschrapt").format(old=_short(deleted, _QUOTE))
    more = len(hunks) - 1
    if more:
        first += " " + (tr("en 1 andere wijziging") if more == 1 else
                        tr("en {n} andere wijzigingen").format(n=more))
    return first[:MAX_HEADLINE]


def _plain_words(markdown: str) -> str:
    text = markdown.replace("**", "").replace("*", "").replace("\\", "")
    return " ".join(text.split()).strip(" -")


def _new_text(items: list[Item], before: str, base: str) -> str | None:
    """The round's text with the party's changes merged in; None if they cannot be merged exactly.

    ``before`` is the Markdown of the section as read from the file, ``base`` the round's own.
    """
    return merged_text(before, blocks_markdown(blocks_of(items, "after"), ImportReport("")).rstrip("\n"), base)


def _round(session: Session, document: TrackedDocument, number: int | None) -> Round:
    from raadsakkoord.export.document import find_round

    if number is not None:
        return find_round(session, number)
    rounds = list(session.scalars(sa.select(Round).order_by(Round.number.desc())))
    if not rounds:
        raise InputError(tr("Deze werkruimte heeft nog geen ronde gepubliceerd; {source} kan geen export van een "
                            "ronde zijn. Er is niets ingelezen.").format(source=document.source))
    status = document.status_line.strip().casefold()
    return next((r for r in rounds if r.label.casefold() == status), rounds[0])


def _entries(session: Session, round_: Round) -> dict[str, _RoundEntry]:
    rows = session.execute(
        sa.select(RoundSection, Section.chapter_id, Revision)
        .join(Section, RoundSection.section_id == Section.id)
        .join(Revision, RoundSection.revision_id == Revision.id)
        .where(RoundSection.round_id == round_.id)
    ).all()
    entries = {}
    for entry, chapter_id, revision in rows:
        if entry.status in _GONE:
            continue
        number = f"{entry.chapter_position}.{entry.section_position}"
        entries[number] = _RoundEntry(number, entry.title, entry.section_id, chapter_id, revision)
    return entries


def _check_sections(document: TrackedDocument, entries: dict[str, _RoundEntry], round_: Round,
                    source: str) -> dict[str, str]:
    """Every section of the round in the file, with the round's title and words: else it is no export of it.

    Returns each section's Markdown as read from the file (before the party's changes).
    """
    found = {s.number: s for s in document.sections}
    exported: dict[str, str] = {}

    def refuse(detail: str):
        raise InputError(tr(
            "{source} is geen Word-export van {round} van dit raadsakkoord ({detail}). Kies de ronde waarvan "
            "het document is gemaakt; er is niets ingelezen.").format(source=source, round=round_.label,
                                                                      detail=detail))

    if not found:
        refuse(tr("er staan geen genummerde hoofdlijnen in"))
    for number, entry in entries.items():
        edit = found.get(number)
        if edit is None:
            refuse(tr("hoofdlijn {number} ontbreekt").format(number=number))
        if edit.title != entry.title:
            refuse(tr("hoofdlijn {number} heet daar '{title}'").format(number=number, title=_short(edit.title)))
        before = blocks_markdown(blocks_of(edit.items, "before"), ImportReport(source)).rstrip("\n")
        if before != entry.revision.text.rstrip("\n") and _words(before) != _words(entry.revision.text):
            refuse(tr("de tekst van hoofdlijn {number} is een andere").format(number=number))
        exported[number] = before
    extra = sorted(set(found) - set(entries))
    if extra:
        refuse(tr("hoofdlijn {number} hoort niet bij deze ronde").format(number=extra[0]))
    return exported


def _words(markdown: str) -> list[str]:
    """The words a reader sees, as the export writes them: what a round trip through Word must keep."""
    words: list[str] = []
    for token in markdown_tokens(markdown):
        for child in token.children or []:
            if child.type in ("text", "code_inline"):
                words += child.content.split()
            elif child.type == "image":
                words += "".join(c.content for c in child.children or [] if c.type == "text").split()
        if token.type in ("fence", "code_block"):
            words += token.content.split()
    return words


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
