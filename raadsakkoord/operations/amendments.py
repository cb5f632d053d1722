"""Proposing, submitting, withdrawing and deciding amendments."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.orm import Session

from raadsakkoord.base.errors import DomainError, InputError, PermissionDenied
from raadsakkoord.base.i18n import tr
from raadsakkoord.importing.markdown import refuse_outline_headings
from raadsakkoord.model import (
    Amendment,
    AmendmentKind,
    AmendmentStatus,
    Chapter,
    Revision,
    Section,
    SectionStatus,
)
from raadsakkoord.base.actor import Actor
from raadsakkoord.queries.labels import STATUS_LABELS
from raadsakkoord.operations._common import (
    acting_party,
    check_actor,
    check_version,
    open_agreement,
    require_griffie,
)
from raadsakkoord.queries.identity import numbers_amendments
from raadsakkoord.queries.lookup import get
from raadsakkoord.store.audit import log, queue_for_append
from raadsakkoord.base.clock import new_id, now
from raadsakkoord.diffing import rebase
from raadsakkoord.operations.cosubmissions import Wording, lapse_if_reworded, set_requests
from raadsakkoord.operations.sections import add_section, new_revision
from raadsakkoord.operations.subamendments import (
    apply_subamendment,
    carry_subamendments,
    lapse_subamendments,
    refuse_while_subamendment_open,
)
from raadsakkoord.model import fields

def _active_section(session: Session, section_id: uuid.UUID | None) -> Section:
    if section_id is None:
        raise InputError(tr("Kies de hoofdlijn waarop het amendement betrekking heeft."))
    section = get(session, Section, section_id, tr("hoofdlijn"))
    if section.status in (SectionStatus.WITHDRAWN, SectionStatus.REJECTED):
        raise DomainError(tr("Hoofdlijn {number} is vervallen; amenderen kan niet meer.").format(number=section.number))
    return section


def _own(actor: Actor, amendment: Amendment) -> None:
    if actor.party_id is not None and actor.party_id != amendment.party_id:
        raise PermissionDenied(tr("Dit amendement is van een andere fractie."))


def propose_amendment(session: Session, actor: Actor, *, kind: AmendmentKind, headline: str,
                      explanation: str = "", section_id: uuid.UUID | None = None,
                      chapter_id: uuid.UUID | None = None, text: str = "", title: str = "",
                      co_party_ids: Iterable[uuid.UUID] = (), party_id: uuid.UUID | None = None,
                      submit: bool = False, base_revision_id: uuid.UUID | None = None) -> Amendment:
    """A party's amendment, saved as a draft or submitted at once.

    A change or deletion is written against the section's current text, or
    against ``base_revision_id``, an earlier text of it (a round's, read back
    from that round's Word export). A change may also propose a new title
    for the section (``title``; empty or the section's own title: none); one
    that only retitles the section gives the base text as its text.
    """
    check_actor(session, actor)
    agreement = open_agreement(session)
    party = acting_party(session, actor, party_id)
    kind = AmendmentKind(kind)
    amendment = Amendment(
        id=new_id(session), agreement_id=agreement.id, kind=kind,
        headline=fields.line("amendment.headline", headline),
        explanation=fields.text("amendment.explanation", explanation), party=party, author=actor.name,
        status=AmendmentStatus.DRAFT, created_at=now(session),
    )
    if kind == AmendmentKind.MODIFY:
        section = _active_section(session, section_id)
        amendment.section = section
        amendment.base_revision = _base(session, section, base_revision_id)
        amendment.proposed_title = _new_title(title, section)
        amendment.proposed_text = _changed_text(text, amendment.base_revision.text, section.number,
                                                retitled=bool(amendment.proposed_title))
    elif kind == AmendmentKind.DELETE:
        section = _active_section(session, section_id)
        amendment.section = section
        amendment.base_revision = _base(session, section, base_revision_id)
    else:
        if chapter_id is None:
            raise InputError(tr("Kies het hoofdstuk waarin de nieuwe hoofdlijn komt."))
        amendment.chapter = get(session, Chapter, chapter_id, tr("hoofdstuk"))
        amendment.proposed_title = fields.line("amendment.proposed_title", title, required=True)
        amendment.proposed_text = _nonempty_text(text)
    session.add(amendment)
    session.flush()
    log(session, actor, "propose_amendment", amendment=str(amendment.id), kind=kind.value,
        party=str(party.id), section=str(amendment.section_id) if amendment.section_id else None,
        base_revision=str(amendment.base_revision_id) if amendment.base_revision_id else None,
        headline=amendment.headline)
    set_requests(session, actor, amendment, co_party_ids)
    if submit:
        submit_amendment(session, actor, amendment.id)
    return amendment


def propose_subamendment(session: Session, actor: Actor, amendment_id: uuid.UUID, *, text: str,
                         headline: str, explanation: str = "", title: str | None = None,
                         co_party_ids: Iterable[uuid.UUID] = (), party_id: uuid.UUID | None = None,
                         submit: bool = False) -> Amendment:
    """Another party's proposed change to a submitted amendment's text (and title, for a new section).

    The submitting party cannot subamend its own amendment: it changes it by
    withdrawing it and submitting it anew, so that the council votes on what
    its submitters wrote. A subamendment of a subamendment does not exist in
    the council's procedure.
    """
    check_actor(session, actor)
    agreement = open_agreement(session)
    party = acting_party(session, actor, party_id)
    parent = get(session, Amendment, amendment_id, tr("amendement"))
    _check_subamendable(parent, party.id)
    amendment = Amendment(
        id=new_id(session), agreement_id=agreement.id, kind=parent.kind, parent_id=parent.id,
        section_id=parent.section_id, chapter_id=parent.chapter_id, base_revision_id=parent.base_revision_id,
        headline=fields.line("amendment.headline", headline),
        explanation=fields.text("amendment.explanation", explanation), party=party, author=actor.name,
        status=AmendmentStatus.DRAFT, created_at=now(session), proposed_title=parent.proposed_title,
    )
    _set_subamendment_wording(amendment, parent, text, title)
    session.add(amendment)
    session.flush()
    session.refresh(parent, ["subamendments"])
    log(session, actor, "propose_amendment", amendment=str(amendment.id), kind=amendment.kind.value,
        party=str(party.id), section=str(amendment.section_id) if amendment.section_id else None,
        parent=str(parent.id), headline=amendment.headline)
    set_requests(session, actor, amendment, co_party_ids)
    if submit:
        submit_amendment(session, actor, amendment.id)
    return amendment


def _check_subamendable(parent: Amendment, party_id: uuid.UUID) -> None:
    name = parent.label or parent.headline
    if parent.parent is not None:
        raise DomainError(tr("{label} is zelf een subamendement; een subamendement kan niet worden geamendeerd. "
                             "Dien een subamendement in op amendement {parent}.").format(
            label=name, parent=parent.parent.label))
    if parent.status != AmendmentStatus.SUBMITTED:
        raise DomainError(tr("Alleen een ingediend amendement kan worden geamendeerd; {label} is {status}.").format(
            label=name, status=tr(STATUS_LABELS[parent.status])))
    if parent.kind == AmendmentKind.DELETE:
        raise DomainError(tr("{label} schrapt een hoofdlijn en heeft geen tekst die een subamendement kan "
                             "wijzigen. Dien zo nodig een eigen amendement in.").format(label=name))
    if parent.party_id == party_id:
        raise DomainError(tr("{label} is een amendement van uw eigen fractie. Wijzig het door het in te trekken "
                             "en opnieuw in te dienen.").format(label=name))


def _set_subamendment_wording(amendment: Amendment, parent: Amendment, text: str, title: str | None) -> None:
    proposed_text = _nonempty_text(text)
    proposed_title = amendment.proposed_title
    if title is not None and amendment.kind == AmendmentKind.NEW_SECTION:
        proposed_title = fields.line("amendment.proposed_title", title, required=True)
    if proposed_text == parent.proposed_text and proposed_title == parent.proposed_title:
        raise DomainError(tr("De voorgestelde tekst is gelijk aan de tekst van amendement {label}.").format(
            label=parent.label or parent.headline))
    amendment.proposed_text = proposed_text
    amendment.proposed_title = proposed_title


def _base(session: Session, section: Section, revision_id: uuid.UUID | None) -> Revision:
    if revision_id is None:
        return section.current_revision
    revision = get(session, Revision, revision_id, tr("versie"))
    if revision.section_id != section.id:
        raise DomainError(tr("Deze versie hoort niet bij hoofdlijn {number}.").format(number=section.number))
    return revision


def _nonempty_text(text: str) -> str:
    text = refuse_outline_headings(fields.text("amendment.proposed_text", text), tr("De voorgestelde tekst"))
    if not text:
        raise InputError(tr("De voorgestelde tekst mag niet leeg zijn."))
    return text


def _new_title(title: str, section: Section) -> str:
    """The title a change proposes for its section: "" when it keeps the section's own."""
    title = fields.line("amendment.proposed_title", title)
    return "" if title == section.title else title


def _changed_text(text: str, base: str, number: str, *, retitled: bool = False) -> str:
    text = _nonempty_text(text)
    if text == base and not retitled:
        raise DomainError(tr("De voorgestelde tekst is gelijk aan de huidige tekst van hoofdlijn {number}.").format(
            number=number))
    return text


def update_draft(session: Session, actor: Actor, amendment_id: uuid.UUID, *,
                 headline: str | None = None, explanation: str | None = None,
                 text: str | None = None, title: str | None = None,
                 co_party_ids: Iterable[uuid.UUID] | None = None,
                 expected_version: int | None = None) -> Amendment:
    """Change an amendment that has not been submitted yet."""
    check_actor(session, actor)
    open_agreement(session)
    amendment = get(session, Amendment, amendment_id, tr("amendement"))
    _own(actor, amendment)
    check_version(amendment, expected_version, tr("Dit amendement"))
    if amendment.status != AmendmentStatus.DRAFT:
        raise DomainError(tr("Alleen een ontwerp-amendement kan nog worden gewijzigd; dit is al ingediend."))
    before = Wording.of(amendment)
    if headline is not None:
        amendment.headline = fields.line("amendment.headline", headline)
    if explanation is not None:
        amendment.explanation = fields.text("amendment.explanation", explanation)
    if amendment.parent is not None:
        if text is not None or title is not None:
            _set_subamendment_wording(amendment, amendment.parent,
                                      amendment.proposed_text if text is None else text, title)
    elif title is not None and amendment.kind == AmendmentKind.NEW_SECTION:
        amendment.proposed_title = fields.line("amendment.proposed_title", title, required=True)
    elif title is not None and amendment.kind == AmendmentKind.MODIFY:
        amendment.proposed_title = _new_title(title, amendment.section)
    # A subamendment's wording was checked against its amendment's text above.
    if amendment.parent is None:
        if amendment.kind == AmendmentKind.MODIFY and amendment.base_revision is not None:
            # A new title alone is a change too; without it the text must differ from the base.
            amendment.proposed_text = _changed_text(
                amendment.proposed_text if text is None else text, amendment.base_revision.text,
                amendment.section.number, retitled=bool(amendment.proposed_title))
        elif text is not None and amendment.kind != AmendmentKind.DELETE:
            amendment.proposed_text = _nonempty_text(text)
    log(session, actor, "update_draft", amendment=str(amendment.id))
    lapse_if_reworded(session, actor, amendment, before)
    if co_party_ids is not None:
        set_requests(session, actor, amendment, co_party_ids)
    return amendment


def submit_amendment(session: Session, actor: Actor, amendment_id: uuid.UUID) -> Amendment:
    check_actor(session, actor)
    open_agreement(session)
    amendment = get(session, Amendment, amendment_id, tr("amendement"))
    _own(actor, amendment)
    if amendment.status != AmendmentStatus.DRAFT:
        raise DomainError(tr("Dit amendement is al {status}.").format(status=tr(STATUS_LABELS[amendment.status])))
    parent = amendment.parent
    if parent is not None and parent.status != AmendmentStatus.SUBMITTED:
        raise DomainError(tr("Amendement {label} is {status}; een subamendement erop kan niet meer worden "
                             "ingediend.").format(label=parent.label, status=tr(STATUS_LABELS[parent.status])))
    amendment.status = AmendmentStatus.SUBMITTED
    amendment.submitted_at = now(session)
    if numbers_amendments(session):
        give_number(session, amendment)
    log(session, actor, "submit_amendment", amendment=str(amendment.id), number=amendment.label)
    return amendment


def give_number(session: Session, amendment: Amendment) -> None:
    """The next number in the agreement (or under its amendment, for a subamendment), if it has none.

    Numbers are given on submission: a draft is the party's own until then,
    and a number skipped by a draft that is never submitted would puzzle the
    council. A number is never given twice, even after a withdrawal.
    """
    if amendment.number is not None:
        return
    # Two parties submitting at the same moment on a shared database must not
    # both read the same highest number: wait for the other's commit first.
    queue_for_append(session)
    parent = amendment.parent
    siblings = Amendment.parent_id == parent.id if parent is not None else Amendment.parent_id.is_(None)
    highest = session.scalar(sa.select(sa.func.max(Amendment.number)).where(
        Amendment.agreement_id == amendment.agreement_id, siblings))
    amendment.number = (highest or 0) + 1


def withdraw_amendment(session: Session, actor: Actor, amendment_id: uuid.UUID, *,
                       reason: str = "") -> Amendment:
    """The submitting party takes its amendment back (the griffie may record this for it)."""
    check_actor(session, actor)
    open_agreement(session)
    amendment = get(session, Amendment, amendment_id, tr("amendement"))
    _own(actor, amendment)
    if not amendment.status.is_open:
        raise DomainError(tr("Dit amendement is al {status} en kan niet meer worden ingetrokken.").format(
            status=tr(STATUS_LABELS[amendment.status])))
    reason = fields.text("amendment.decision_note", reason)
    amendment.status = AmendmentStatus.WITHDRAWN
    amendment.decision_note = reason
    log(session, actor, "withdraw_amendment", amendment=str(amendment.id), reason=amendment.decision_note)
    lapse_subamendments(session, actor, amendment)
    return amendment


def decide_amendment(session: Session, actor: Actor, amendment_id: uuid.UUID,
                     decision: AmendmentStatus, *, note: str = "",
                     compromise_text: str | None = None) -> Amendment:
    """The griffie's decision, applied to the text at once.

    Accepting a change needs the section to still be at the amendment's base
    revision: accepting it over a newer text would silently undo that text.
    """
    require_griffie(actor, tr("over amendementen beslissen"))
    check_actor(session, actor)
    open_agreement(session)
    amendment = get(session, Amendment, amendment_id, tr("amendement"))
    decision = AmendmentStatus(decision)
    if not decision.is_decided:
        raise InputError(tr("Kies aanvaarden, gedeeltelijk overnemen, verwerpen of laten vervallen."))
    if amendment.status != AmendmentStatus.SUBMITTED:
        raise DomainError(tr("Alleen een ingediend amendement kan worden beoordeeld; dit is {status}.").format(
            status=tr(STATUS_LABELS[amendment.status])))
    refuse_while_subamendment_open(amendment)
    note = fields.text("amendment.decision_note", note)
    if decision == AmendmentStatus.REJECTED and not note:
        raise InputError(tr("Geef bij verwerpen een reden op; de fractie leest die terug."))
    if decision == AmendmentStatus.PARTLY_ACCEPTED:
        if amendment.kind == AmendmentKind.DELETE:
            raise DomainError(tr("Een schrappingsamendement kan alleen geheel worden aanvaard of verworpen."))
        if not compromise_text:
            raise InputError(tr("Geef de compromistekst die wordt overgenomen."))
        if not note:
            raise InputError(tr("Leg in een notitie uit wat er van het amendement is overgenomen."))
    if amendment.parent is not None:
        return _decide_subamendment(session, actor, amendment, decision, note, compromise_text)
    # What the decision replaces, in the audit event: undo_decision restores it.
    before = amendment.section
    previous_revision = before.current_revision_id if before is not None else None
    section_status = before.status.value if before is not None else None
    previous_title = before.title if before is not None else None
    if decision in (AmendmentStatus.ACCEPTED, AmendmentStatus.PARTLY_ACCEPTED):
        text = compromise_text if decision == AmendmentStatus.PARTLY_ACCEPTED else amendment.proposed_text
        _apply(session, actor, amendment, decision, text or "")
    amendment.status = decision
    amendment.decision_note = note
    amendment.decided_by = actor.name
    amendment.decided_at = now(session)
    session.flush()
    after = amendment.section.current_revision if amendment.section is not None else None
    made = after if after is not None and after.id != previous_revision else None
    log(session, actor, "decide_amendment", amendment=str(amendment.id), decision=decision.value,
        note=note, section=str(amendment.section_id) if amendment.section_id else None,
        previous_revision=str(previous_revision) if previous_revision else None,
        revision=str(made.id) if made else None, sha256=made.sha256 if made else None,
        section_status=section_status, previous_title=previous_title,
        title=amendment.section.title if amendment.section is not None else None)
    return amendment


def _decide_subamendment(session: Session, actor: Actor, sub: Amendment, decision: AmendmentStatus,
                         note: str, compromise_text: str | None) -> Amendment:
    """A subamendment's decision changes its amendment's text, never the section's: the amendment stays open."""
    replaced: dict[str, object] = {}
    if decision in (AmendmentStatus.ACCEPTED, AmendmentStatus.PARTLY_ACCEPTED):
        text = compromise_text if decision == AmendmentStatus.PARTLY_ACCEPTED else sub.proposed_text
        replaced = apply_subamendment(session, actor, sub, _nonempty_text(text or ""))
    sub.status = decision
    sub.decision_note = note
    sub.decided_by = actor.name
    sub.decided_at = now(session)
    session.flush()
    log(session, actor, "decide_amendment", amendment=str(sub.id), decision=decision.value, note=note,
        section=str(sub.section_id) if sub.section_id else None, **replaced)
    return sub


def _apply(session: Session, actor: Actor, amendment: Amendment, decision: AmendmentStatus,
           text: str) -> None:
    verb = "aanvaard" if decision == AmendmentStatus.ACCEPTED else "gedeeltelijk overgenomen"
    reason = f"Amendement {verb}: {amendment.headline} ({amendment.party.short_name})"
    if amendment.kind == AmendmentKind.NEW_SECTION:
        section = add_section(session, actor, chapter_id=amendment.chapter_id,
                              title=amendment.proposed_title, text=text,
                              proposing_party_id=amendment.party_id, reason=reason)
        amendment.section = section
        return
    section = _active_section(session, amendment.section_id)
    if decision == AmendmentStatus.PARTLY_ACCEPTED:
        # The compromise is the griffie's own text, written against the current one.
        new_revision(session, actor, section, text, reason=reason, party=amendment.party)
        return
    if amendment.kind == AmendmentKind.DELETE:
        # Deleting the section does not depend on which of its texts was read.
        section.status = SectionStatus.REJECTED
        return
    if section.current_revision_id != amendment.base_revision_id:
        # Written on an older text: carry the change over where nothing collides,
        # rather than accepting it over (and so undoing) the newer text.
        result = rebase(amendment.base_revision.text, text, section.text)
        if not result.clean:
            passages = "; ".join(f"«{_excerpt(c.base)}»" for c in result.conflicts)
            raise DomainError(tr(
                "Dit amendement is geschreven op versie {base} van hoofdlijn "
                "{number} en botst met de huidige versie {current} bij: "
                "{passages}. Laat de indiener het amendement eerst herzien."
            ).format(base=amendment.base_revision.number, number=section.number,
                     current=section.current_revision.number, passages=passages))
        text = result.text
    if amendment.proposed_title:
        section.title = amendment.proposed_title
    if text == section.text:
        # Already in the text (a compromise took it over, or it only retitles): the decision changes no words.
        return
    new_revision(session, actor, section, text, reason=reason, party=amendment.party)


def _excerpt(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def rework_amendment(session: Session, actor: Actor, amendment_id: uuid.UUID, text: str) -> Amendment:
    """The party's new text for its amendment, written against the section's current text.

    This is how an amendment that collided with a newer revision is brought
    up to date; it clears the mark that it needs rework.
    """
    check_actor(session, actor)
    open_agreement(session)
    amendment = get(session, Amendment, amendment_id, tr("amendement"))
    if actor.party_id is None:
        raise PermissionDenied(tr("Alleen de indienende fractie kan haar amendement herzien."))
    _own(actor, amendment)
    if amendment.parent is not None and amendment.status.is_open:
        return _rework_subamendment(session, actor, amendment, text)
    if not amendment.status.is_open or amendment.kind != AmendmentKind.MODIFY:
        raise DomainError(tr("Alleen een open wijzigingsamendement kan worden herzien."))
    section = _active_section(session, amendment.section_id)
    before = Wording.of(amendment)
    old_text = amendment.proposed_text
    amendment.proposed_text = _changed_text(text, section.text, section.number,
                                            retitled=bool(amendment.proposed_title))
    amendment.base_revision = section.current_revision
    amendment.needs_rework = False
    log(session, actor, "rework_amendment", amendment=str(amendment.id),
        base_revision=str(section.current_revision_id))
    lapse_if_reworded(session, actor, amendment, before)
    carry_subamendments(session, actor, amendment, old_text)
    return amendment


def _rework_subamendment(session: Session, actor: Actor, sub: Amendment, text: str) -> Amendment:
    """A subamendment brought onto its amendment's current text (which moved on since it was written)."""
    before = Wording.of(sub)
    _set_subamendment_wording(sub, sub.parent, text, None)
    sub.needs_rework = False
    log(session, actor, "rework_amendment", amendment=str(sub.id), parent=str(sub.parent_id))
    lapse_if_reworded(session, actor, sub, before)
    return sub
