"""The griffie records the council's vote (stemming), and the order the council votes in.

A vote is the council's decision, so its outcome is applied at once: an
adopted amendment is accepted into the text (``decide_amendment``), a
rejected one is marked rejected with the vote as its note; an adopted
section is adopted (vastgesteld), a rejected one lapses; the final vote on
the whole agreement publishes the final round, which adopts the agreement
and every section still proposed. A tie (staking van stemmen) decides
nothing: the item stays open and may be voted on again.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.orm import Session

from raadsakkoord.base.actor import Actor
from raadsakkoord.base.clock import new_id, now
from raadsakkoord.base.errors import DomainError, InputError
from raadsakkoord.base.i18n import mark, tr, trn
from raadsakkoord.model import (
    Amendment,
    AmendmentStatus,
    Section,
    SectionStatus,
    Vote,
    VoteOrderEntry,
    VoteOutcome,
    VoteParty,
    VoteSubject,
)
from raadsakkoord.operations._common import check_actor, open_agreement, require_griffie
from raadsakkoord.operations.amendments import decide_amendment
from raadsakkoord.operations.rounds import publish_round
from raadsakkoord.operations.sections import set_section_status
from raadsakkoord.queries.ballot import (
    ADOPTED,
    AGAINST,
    FOR,
    REJECTED,
    Count,
    council,
    count_votes,
    meeting_words,
    vote_note,
)
from raadsakkoord.queries.labels import STATUS_LABELS
from raadsakkoord.queries.lookup import get
from raadsakkoord.queries.voting import (
    AGREEMENT,
    AMENDMENT,
    SECTION,
    VoteItem,
    arranged,
    placed_items,
    suggested_order,
)
from raadsakkoord.store.audit import log, queue_for_append

_SECTION_STATUS_WORDS = {SectionStatus.ADOPTED: mark("vastgesteld"), SectionStatus.REJECTED: mark("vervallen"),
                         SectionStatus.WITHDRAWN: mark("ingetrokken")}


def _open_amendments(session: Session, where) -> list[Amendment]:
    return session.scalars(sa.select(Amendment).where(Amendment.status == AmendmentStatus.SUBMITTED, where)
                           .order_by(Amendment.number)).all()


def _first_open(amendments: list[Amendment]) -> str:
    """"Stem eerst over amendement A3", or "…subamendement A3.1" when a subamendment is open."""
    first = next((a for a in amendments if a.parent_id is not None), amendments[0])
    what = tr("subamendement") if first.parent_id is not None else tr("amendement")
    text = tr("Stem eerst over {what} {label}").format(what=what, label=first.label or first.headline)
    if len(amendments) > 1:
        text += " " + trn("(er staat nog {n} open).", "(er staan nog {n} open).", len(amendments)).format(
            n=len(amendments))
    else:
        text += "."
    return text


def _check_item(session: Session, item: VoteItem) -> Amendment | Section | None:
    if item.kind == AMENDMENT:
        amendment = get(session, Amendment, item.amendment_id, tr("amendement"))
        label = amendment.label or amendment.headline
        if amendment.status == AmendmentStatus.DRAFT:
            raise DomainError(tr("Amendement {label} is nog niet ingediend; over een ontwerp wordt niet "
                                 "gestemd.").format(label=label))
        if amendment.status == AmendmentStatus.WITHDRAWN:
            raise DomainError(tr("Amendement {label} is ingetrokken; er valt niet over te stemmen.").format(
                label=label))
        if amendment.status != AmendmentStatus.SUBMITTED:
            raise DomainError(tr("Over amendement {label} is al besloten: het is {status}.").format(
                label=label, status=tr(STATUS_LABELS[amendment.status])))
        subamendments = _open_amendments(session, Amendment.parent_id == amendment.id)
        if subamendments:
            raise DomainError(_first_open(subamendments))
        return amendment
    if item.kind == SECTION:
        section = get(session, Section, item.section_id, tr("hoofdlijn"))
        if section.status != SectionStatus.PROPOSED:
            raise DomainError(tr("Over hoofdlijn {number} is al besloten: zij is {status}.").format(
                number=section.number, status=tr(_SECTION_STATUS_WORDS[section.status])))
        on_section = sa.select(Amendment.id).where(Amendment.section_id == section.id).scalar_subquery()
        amendments = _open_amendments(session, sa.or_(Amendment.section_id == section.id,
                                                      Amendment.parent_id.in_(on_section)))
        if amendments:
            raise DomainError(_first_open(amendments))
        return section
    if item.kind == AGREEMENT:
        amendments = _open_amendments(session, sa.true())
        if amendments:
            raise DomainError(_first_open(amendments))
        return None
    raise InputError(tr("Kies een amendement, een hoofdlijn of het raadsakkoord om over te stemmen."))


def _meeting(session: Session, meeting: dt.date | None) -> dt.date | None:
    if meeting is None:
        return None
    if isinstance(meeting, dt.datetime) or not isinstance(meeting, dt.date):
        raise InputError(tr("De datum van de raadsvergadering moet een datum zijn."))
    if meeting > now(session).astimezone().date():
        raise InputError(tr("De raadsvergadering van {date} is nog niet geweest; een stemming wordt "
                            "vastgelegd na de vergadering.").format(date=meeting_words(meeting)))
    return meeting


def record_vote(session: Session, actor: Actor, item: VoteItem, *, voting_for: Iterable[uuid.UUID] = (),
                voting_against: Iterable[uuid.UUID] = (), absent: Iterable[str] = (),
                split: Iterable[tuple[str, str]] = (), meeting: dt.date | None = None) -> Vote:
    """Record the council's vote on ``item`` and apply its outcome (see the module's description).

    ``voting_for`` and ``voting_against`` are party ids; ``absent`` names
    members; ``split`` gives (member, "for"/"against") for those who voted
    otherwise than their party.
    """
    require_griffie(actor, tr("een stemming vastleggen"))
    # Two clerks recording a vote on the same item at once: the second waits
    # and then finds it decided.
    queue_for_append(session)
    check_actor(session, actor)
    agreement = open_agreement(session)
    target = _check_item(session, item)
    voting_for, voting_against = list(voting_for), list(voting_against)
    parties = council(session)
    names = {p.id: p.short_name for p in parties}
    for party_id in (*voting_for, *voting_against):
        if party_id not in names:
            raise InputError(tr("Onbekende fractie in de stemming: {party}").format(party=party_id))
    both = [names[p] for p in voting_for if p in set(voting_against)]
    if both:
        raise InputError(tr("{party} staat zowel bij voor als bij tegen; een fractie stemt één kant op "
                            "(wie anders stemt, geeft u per raadslid op).").format(party=both[0]))
    stances = {**{p: FOR for p in voting_for}, **{p: AGAINST for p in voting_against}}
    count = count_votes(parties, stances, absent, split)
    meeting = _meeting(session, meeting)
    vote = Vote(id=new_id(session), agreement_id=agreement.id, subject=VoteSubject(item.kind),
                amendment_id=item.amendment_id if item.kind == AMENDMENT else None,
                section_id=item.section_id if item.kind == SECTION else None,
                outcome=VoteOutcome(count.outcome), votes_for=count.votes_for,
                votes_against=count.votes_against, absent=count.absent, meeting=meeting,
                held_at=now(session), recorded_by=actor.name)
    vote.parties = [
        VoteParty(party_id=c.party.id, position=position, stance=c.stance, seats=c.party.seats,
                  votes_for=c.votes_for, votes_against=c.votes_against,
                  absent_members=_json(list(c.absent)), split_members=_json([list(s) for s in c.split]))
        for position, c in enumerate(count.parties)]
    session.add(vote)
    session.flush()
    log(session, actor, "record_vote", vote=str(vote.id), subject=item.kind,
        amendment=str(item.amendment_id) if item.kind == AMENDMENT else None,
        section=str(item.section_id) if item.kind == SECTION else None, label=_label(target, item),
        outcome=count.outcome, votes_for=count.votes_for, votes_against=count.votes_against,
        absent=count.absent, meeting=meeting.isoformat() if meeting else None,
        # A list, not a mapping: the log's canonical JSON would sort the parties by name.
        parties=[{"party": c.party.short_name, "for": c.votes_for, "against": c.votes_against,
                  "absent": list(c.absent), "split": [list(s) for s in c.split]} for c in count.parties])
    _apply(session, actor, item, target, count, meeting)
    return vote


def _label(target: Amendment | Section | None, item: VoteItem) -> str:
    if isinstance(target, Amendment):
        return target.label
    if isinstance(target, Section):
        return target.number
    return item.label


def _apply(session: Session, actor: Actor, item: VoteItem, target: Amendment | Section | None,
           count: Count, meeting: dt.date | None) -> None:
    outcome = count.outcome
    if outcome not in (ADOPTED, REJECTED):
        return
    note = vote_note(outcome, count.votes_for, count.votes_against, count.absent, meeting)
    if isinstance(target, Amendment):
        decision = AmendmentStatus.ACCEPTED if outcome == ADOPTED else AmendmentStatus.REJECTED
        decide_amendment(session, actor, target.id, decision, note=note)
    elif isinstance(target, Section):
        status = SectionStatus.ADOPTED if outcome == ADOPTED else SectionStatus.REJECTED
        set_section_status(session, actor, target.id, status, reason=note)
    elif outcome == ADOPTED:
        publish_round(session, actor, final=True, note=note)


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def set_voting_order(session: Session, actor: Actor, order: list[VoteItem]) -> list[VoteItem]:
    """The griffie's order for the open items: kept until it is changed again.

    Refused: an item twice or one that is not open, a subamendment after its
    amendment, and anything after the whole agreement, which is voted on last.
    """
    require_griffie(actor, tr("de stemvolgorde wijzigen"))
    check_actor(session, actor)
    open_agreement(session)
    suggested = suggested_order(session)
    previous = arranged(suggested, placed_items(session))
    open_items = {item.key for item in suggested}
    seen: dict[str, int] = {}
    for index, item in enumerate(order):
        if item.key not in open_items:
            raise DomainError(tr("{label} staat niet (meer) open voor stemming.").format(label=item.label))
        if item.key in seen:
            raise InputError(tr("{label} staat twee keer in de stemvolgorde.").format(label=item.label))
        seen[item.key] = index
    if AGREEMENT in seen and seen[AGREEMENT] != len(order) - 1:
        raise InputError(tr("Over het raadsakkoord als geheel wordt als laatste gestemd."))
    parents = dict(session.execute(sa.select(Amendment.id, Amendment.parent_id).where(
        Amendment.parent_id.is_not(None), Amendment.status == AmendmentStatus.SUBMITTED)).all())
    for item in order:
        parent = parents.get(item.amendment_id) if item.kind == AMENDMENT else None
        parent_key = f"{AMENDMENT}:{parent}"
        if parent is not None and parent_key in seen and seen[parent_key] < seen[item.key]:
            raise InputError(tr("Subamendement {label} komt vóór zijn amendement {parent} in stemming.").format(
                label=item.label, parent=order[seen[parent_key]].label))
    # The open items the order leaves out keep their suggested places after the ones it names.
    given = {item.key for item in order}
    whole = [*order, *(item for item in suggested if item.key not in given)]
    # Only what stands elsewhere than suggested is kept: a move is a row or two, not the whole list.
    suggested_at = {item.key: index for index, item in enumerate(suggested)}
    moved = {item.key: index for index, item in enumerate(whole) if suggested_at[item.key] != index}
    session.execute(sa.delete(VoteOrderEntry))
    if moved:
        session.execute(sa.insert(VoteOrderEntry), [{"item": key, "position": index} for key, index in moved.items()])
    before = {item.key: index for index, item in enumerate(previous)}
    changed = [item.label for index, item in enumerate(whole) if before.get(item.key) != index]
    log(session, actor, "set_voting_order", items=len(whole), moved=changed[:50])
    return arranged(suggested, moved)
