"""The amendment as a formal document (amendement als formeel stuk), as data for the renderers.

The form councils use under their rules of order: number and subject, "De
raad van de gemeente …, in vergadering bijeen op …; gelezen het voorstel
…; besluit het ontwerp-raadsakkoord als volgt te wijzigen:", the change
instruction in words (``wording``), the explanation, and the submitters
with a signature line for each of their members. The meeting date is
never invented: without one the form leaves a line to fill in.

Only a submitted amendment has a number and goes to the council; a draft
can be previewed as a form, marked as a draft without a number.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from raadsakkoord.base.errors import InputError
from raadsakkoord.base.i18n import language, tr
from raadsakkoord.diffing import instructions as found
from raadsakkoord.diffing.instructions import Change, Instruction
from raadsakkoord.diffing.lines import line_range, number_lines
from raadsakkoord.export.document import Meta, _meta, date_nl
from raadsakkoord.export.wording import Lines, InstructionSentence, quoted, word
from raadsakkoord.model import (
    Amendment,
    AmendmentKind,
    AmendmentStatus,
    CoSubmission,
    Party,
    Round,
    Section,
)
from raadsakkoord.queries.lookup import amendment_by_label, get

FORMAT_VERSION = 1


@dataclass(frozen=True)
class Signer:
    party: str
    names: tuple[str, ...]  # one signature line each; empty: one line for the party


@dataclass(frozen=True)
class AmendmentForm:
    id: uuid.UUID
    label: str  # "A3", "A3.1"; empty for a draft
    headline: str
    draft: bool
    where: str  # "hoofdlijn 8.4", "amendement A3" for a subamendment, "hoofdstuk 6" for a new section
    section_title: str
    municipality: str
    meeting: dt.date | None
    proposal: str  # what the council has before it: the agreement's title and the round
    instructions: tuple[Instruction, ...]
    wordings: tuple[InstructionSentence, ...]
    explanation: str
    submitters: tuple[Signer, ...]

    def to_data(self) -> dict:
        """The structured form stored in every exported file, from which the instructions are read back."""
        return {"format": FORMAT_VERSION, "amendment": str(self.id), "label": self.label, "where": self.where,
                "instructions": [i.to_data() for i in self.instructions]}


def read_structure(items: list[dict]) -> list[tuple[str, tuple[Instruction, ...]]]:
    """(label, instructions) per amendment, from the structured form an export stored."""
    return [(item["label"], tuple(Instruction.from_data(i) for i in item["instructions"])) for item in items]


@dataclass(frozen=True)
class AmendmentForms:
    meta: Meta
    forms: tuple[AmendmentForm, ...]


def parse_meeting(value: str | None) -> dt.date | None:
    """The meeting date from ``YYYY-MM-DD``; None for none given."""
    if value is None or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(tr("'{value}' is geen datum; schrijf de vergaderdatum als JJJJ-MM-DD, "
                            "bijvoorbeeld 2026-03-12.").format(value=value)) from None


def find_amendment(session: Session, which: str) -> Amendment:
    """An amendment by the number people use (A3, A3.1) or by its id (a draft has no number yet)."""
    try:
        uuid.UUID(which.strip())
    except ValueError:
        return amendment_by_label(session, which)
    return get(session, Amendment, which.strip(), tr("amendement"))


def numbered(session: Session, limit: int | None = None) -> list[Amendment]:
    """Every amendment that went to the council (it has a number), in the order of their numbers.

    The numbers are read first and only the amendments asked for are
    loaded whole: the first thousand of twenty thousand are quick.
    """
    parent = sa.orm.aliased(Amendment)
    rows = session.execute(sa.select(Amendment.id, Amendment.number, parent.number)
                           .outerjoin(parent, Amendment.parent_id == parent.id)
                           .where(Amendment.number.is_not(None))).all()
    order = sorted(rows, key=lambda r: (r[1], 0) if r[2] is None else (r[2], r[1]))
    ids = [r[0] for r in order[:limit]]
    loaded: dict = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        loaded.update((a.id, a) for a in session.scalars(
            sa.select(Amendment).where(Amendment.id.in_(chunk)).options(*_LOADS)))
    return [loaded[i] for i in ids]


_LOADS = (selectinload(Amendment.co_submissions).selectinload(CoSubmission.party)
          .selectinload(Party.members),
          selectinload(Amendment.party).selectinload(Party.members),
          selectinload(Amendment.base_revision), selectinload(Amendment.parent),
          selectinload(Amendment.section).selectinload(Section.chapter), selectinload(Amendment.chapter))


def amendment_forms(session: Session, amendments: list[Amendment], *, meeting: dt.date | None = None,
                    today: dt.date | None = None) -> AmendmentForms:
    """The formal documents of these amendments, in this order."""
    meta = _meta(session, None, today)
    latest = session.scalars(sa.select(Round).order_by(Round.number.desc()).limit(1)).first()
    proposal = meta.title if latest is None else f"{meta.title} ({latest.label})"
    return AmendmentForms(meta, tuple(_form(a, meta, proposal, meeting) for a in amendments))


def _form(a: Amendment, meta: Meta, proposal: str, meeting) -> AmendmentForm:
    section: Section | None = a.section
    number = section.number if section is not None else ""
    base = a.base_revision.text if a.base_revision is not None else ""
    title = section.title if section is not None else ""
    if a.parent is not None:
        where = tr("amendement {label}").format(label=a.parent.label)
        base = a.parent.proposed_text
        steps = found.instructions(base, a.proposed_text)
    elif a.kind == AmendmentKind.DELETE:
        where = tr("hoofdlijn {number}").format(number=number)
        steps = (Instruction(Change.DELETE_SECTION, old=base, end=len(base)),)
    elif a.kind == AmendmentKind.NEW_SECTION:
        chapter = a.chapter.position if a.chapter is not None else ""
        where = tr("hoofdstuk {number}").format(number=chapter)
        title = a.proposed_title
        base = ""
        steps = (Instruction(Change.INSERT_SECTION, new=a.proposed_text, title=a.proposed_title),)
    else:
        where = tr("hoofdlijn {number}").format(number=number)
        steps = found.instructions(base, a.proposed_text)
        if a.proposed_title.strip() and section is not None and a.proposed_title.strip() != section.title:
            steps = (Instruction(Change.RETITLE, title=a.proposed_title.strip()), *steps)
    numbering = _numbering(base)
    paragraphs = len(base.split("\n\n")) if base else 0
    wordings = tuple(word(step, where, lines=numbering, paragraphs=paragraphs) for step in steps)
    parties = [a.party, *a.confirmed_co_parties]
    return AmendmentForm(
        id=a.id, label=a.label, headline=a.headline, draft=a.status == AmendmentStatus.DRAFT,
        where=where, section_title=title, municipality=meta.municipality, meeting=meeting,
        proposal=proposal, instructions=steps, wordings=wordings,
        explanation=a.explanation, submitters=tuple(_signer(p) for p in parties))


def _numbering(base: str) -> Lines | None:
    """Offsets of the base text to its line numbers: the ones beside the text in every export of the round."""
    lines = number_lines(base)
    if not lines:
        return None
    return lambda start, end: line_range(lines, start, end)


def _signer(party: Party) -> Signer:
    names = tuple(m.name for m in party.members if m.name.strip())
    if not names and party.leader.strip():
        names = (party.leader.strip(),)
    return Signer(party.name, names)


def forms_for(session: Session, which: str | None, *, meeting: dt.date | None = None,
              today: dt.date | None = None) -> AmendmentForms:
    """One amendment's form (``which``: "A3" or an id), or with ``which`` None every numbered amendment's."""
    if which is None:
        chosen = numbered(session)
        if not chosen:
            raise InputError(tr("Er zijn nog geen ingediende amendementen; een amendement krijgt zijn "
                                "nummer als het wordt ingediend."))
    else:
        chosen = [find_amendment(session, which)]
    return amendment_forms(session, chosen, meeting=meeting, today=today)


# -- the fixed words of the form, in the user's language, shared by every renderer -----------

_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")
BLANK_DATE = "……………………… 20……"


def day_text(day: dt.date) -> str:
    if language() == "en":
        return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"
    return date_nl(day)


def roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


@dataclass(frozen=True)
class FormText:
    title: str
    draft_note: str
    subject: str
    about: str
    council: str
    proposal: str
    decides: str
    explanation_heading: str
    submitters_heading: str


def form_text(form: AmendmentForm) -> FormText:
    if form.draft or not form.label:
        title = tr("Amendement (concept)")
        note = tr("Concept: dit amendement is nog niet ingediend en heeft nog geen nummer.")
    else:
        title = tr("Amendement {label}").format(label=form.label)
        note = ""
    about = form.where + (f", {quoted(form.section_title)}" if form.section_title else "")
    return FormText(
        title=title, draft_note=note,
        subject=tr("Onderwerp: {headline}").format(headline=form.headline),
        about=tr("Betreft: {about}").format(about=about),
        council=tr("De raad van de gemeente {municipality}, in vergadering bijeen op {day};").format(
            municipality=form.municipality, day=day_text(form.meeting) if form.meeting else BLANK_DATE),
        proposal=tr("gelezen het voorstel {proposal};").format(proposal=quoted(form.proposal)),
        decides=tr("besluit het ontwerp-raadsakkoord als volgt te wijzigen:"),
        explanation_heading=tr("Toelichting"),
        submitters_heading=tr("Ingediend door"),
    )
