"""Co-submission (mede-indienen): the submitting party asks, only the asked party answers.

A party that names other parties under its amendment makes a request to
each. A party's name goes under the amendment only when that party itself
confirms, acting as itself (here, or in its own signed package): neither
the submitting party nor the griffie can confirm for it.

An answer is given on a wording. When the submitting party changes the
headline, the explanation, the proposed title or the change the amendment
makes (in words, not merely white space), every answer lapses and the
request stands again: the co-submitter agreed to that text, not to what it
became. A decline lapses too, since the new text may meet the objection.
Carrying the same change over onto a newer text of the section (a clean
rebase) changes none of the amendment's own words and leaves answers as
they are.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from raadsakkoord.base.actor import Actor
from raadsakkoord.base.clock import now
from raadsakkoord.base.errors import DomainError, InputError, PermissionDenied
from raadsakkoord.base.i18n import tr
from raadsakkoord.diffing import rebase
from raadsakkoord.model import Amendment, CoSubmission, CoSubmissionState, Party
from raadsakkoord.operations._common import check_actor, open_agreement
from raadsakkoord.queries.lookup import get
from raadsakkoord.store.audit import log


@dataclass(frozen=True)
class Wording:
    """What an answer to a request is given on: the amendment's own words and the text it changes."""

    headline: str
    explanation: str
    title: str
    text: str
    base_text: str | None

    @classmethod
    def of(cls, amendment: Amendment) -> Wording:
        base = amendment.base_revision.text if amendment.base_revision is not None else None
        return cls(amendment.headline, amendment.explanation, amendment.proposed_title,
                   amendment.proposed_text, base)


def _words(text: str) -> str:
    return " ".join(text.split())


def wording_changed(before: Wording, after: Wording) -> bool:
    """True when the amendment says something else; a clean rebase onto a newer base says the same."""
    for old, new in ((before.headline, after.headline), (before.explanation, after.explanation),
                     (before.title, after.title)):
        if _words(old) != _words(new):
            return True
    if before.base_text is None or after.base_text is None or before.base_text == after.base_text:
        return _words(before.text) != _words(after.text)
    carried = rebase(before.base_text, before.text, after.base_text)
    return not carried.clean or _words(carried.text) != _words(after.text)


def _submitter_may_ask(actor: Actor, amendment: Amendment) -> None:
    # The griffie may record an amendment for a party (from a paper one), and
    # so its requests; a party member only for its own party.
    if actor.party_id is not None and actor.party_id != amendment.party_id:
        raise PermissionDenied(tr("Alleen de indienende fractie kan mede-indieners vragen of een verzoek intrekken."))


def _open(amendment: Amendment) -> None:
    if not amendment.status.is_open:
        raise DomainError(tr("Over dit amendement is al beslist of het is ingetrokken; "
                             "de mede-indieners liggen vast."))


def set_requests(session: Session, actor: Actor, amendment: Amendment, party_ids: Iterable[uuid.UUID]) -> None:
    """The submitting party's list of parties asked to co-submit: new ones asked, dropped ones withdrawn.

    A party that stays on the list keeps its answer.
    """
    wanted: list[Party] = []
    for ident in dict.fromkeys(party_ids):
        party = get(session, Party, ident, tr("fractie"))
        if party.id == amendment.party_id:
            raise InputError(tr("De indienende fractie kan niet ook mede-indiener zijn."))
        wanted.append(party)
    wanted_ids = {p.id for p in wanted}
    for request in list(amendment.co_submissions):
        if request.party_id not in wanted_ids:
            drop_request(session, actor, amendment, request)
    asked = {c.party_id for c in amendment.co_submissions}
    for party in wanted:
        if party.id not in asked:
            add_request(session, actor, amendment, party)


def add_request(session: Session, actor: Actor, amendment: Amendment, party: Party, *,
                requested_by: str | None = None, **noted) -> CoSubmission:
    """Ask ``party``; ``requested_by`` names the submitting party's person when a package brings the request."""
    request = CoSubmission(party_id=party.id, party=party, state=CoSubmissionState.REQUESTED,
                           requested_by=requested_by or actor.name, requested_at=now(session), answered_by="")
    amendment.co_submissions.append(request)
    log(session, actor, "request_co_submission", amendment=str(amendment.id), party=str(party.id), **noted)
    return request


def drop_request(session: Session, actor: Actor, amendment: Amendment, request: CoSubmission, **noted) -> None:
    amendment.co_submissions.remove(request)
    log(session, actor, "withdraw_co_submission_request", amendment=str(amendment.id),
        party=str(request.party_id), state=request.state.value, **noted)


def request_co_submission(session: Session, actor: Actor, amendment_id: uuid.UUID,
                          party_id: uuid.UUID) -> CoSubmission:
    """Ask one more party to co-submit an open amendment."""
    check_actor(session, actor)
    open_agreement(session)
    amendment = get(session, Amendment, amendment_id, tr("amendement"))
    _submitter_may_ask(actor, amendment)
    _open(amendment)
    party = get(session, Party, party_id, tr("fractie"))
    if party.id == amendment.party_id:
        raise InputError(tr("De indienende fractie kan niet ook mede-indiener zijn."))
    existing = request_of(amendment, party.id)
    if existing is not None:
        return existing
    return add_request(session, actor, amendment, party)


def withdraw_co_submission_request(session: Session, actor: Actor, amendment_id: uuid.UUID,
                                   party_id: uuid.UUID) -> None:
    """The submitting party no longer asks this party (whatever it answered)."""
    check_actor(session, actor)
    open_agreement(session)
    amendment = get(session, Amendment, amendment_id, tr("amendement"))
    _submitter_may_ask(actor, amendment)
    _open(amendment)
    request = request_of(amendment, party_id)
    if request is None:
        raise DomainError(tr("Deze fractie is niet gevraagd als mede-indiener van dit amendement."))
    drop_request(session, actor, amendment, request)


def request_of(amendment: Amendment, party_id: uuid.UUID) -> CoSubmission | None:
    return next((c for c in amendment.co_submissions if c.party_id == party_id), None)


def _own_request(session: Session, actor: Actor, amendment_id: uuid.UUID) -> tuple[Amendment, CoSubmission]:
    check_actor(session, actor)
    open_agreement(session)
    if actor.party_id is None:
        raise PermissionDenied(tr("Alleen de gevraagde fractie zelf kan mede-indienen bevestigen of afwijzen; "
                                  "de griffie kan dat niet namens haar."))
    amendment = get(session, Amendment, amendment_id, tr("amendement"))
    request = request_of(amendment, actor.party_id)
    if request is None:
        raise DomainError(tr("Uw fractie is niet gevraagd als mede-indiener van dit amendement."))
    _open(amendment)
    return amendment, request


def answer(session: Session, actor: Actor, amendment: Amendment, request: CoSubmission,
           state: CoSubmissionState, *, answered_by: str | None = None, answered_at=None, **noted) -> None:
    """Record the asked party's own answer.

    The caller has established that it comes from that party: the actor acts
    for it, or it is in that party's own signed package (which names the
    person who answered, and when).
    """
    request.state = state
    request.answered_by = answered_by or actor.name
    request.answered_at = answered_at or now(session)
    action = "confirm_co_submission" if state == CoSubmissionState.CONFIRMED else "decline_co_submission"
    log(session, actor, action, amendment=str(amendment.id), party=str(request.party_id),
        answered_by=request.answered_by, **noted)


def confirm_co_submission(session: Session, actor: Actor, amendment_id: uuid.UUID) -> CoSubmission:
    """The acting party agrees to have its name under this amendment, as worded now."""
    amendment, request = _own_request(session, actor, amendment_id)
    answer(session, actor, amendment, request, CoSubmissionState.CONFIRMED)
    return request


def decline_co_submission(session: Session, actor: Actor, amendment_id: uuid.UUID) -> CoSubmission:
    """The acting party does not put its name under this amendment."""
    amendment, request = _own_request(session, actor, amendment_id)
    answer(session, actor, amendment, request, CoSubmissionState.DECLINED)
    return request


def lapse_answers(session: Session, actor: Actor, amendment: Amendment, **noted) -> int:
    """After a change of wording: every answer becomes a request again, asked anew now."""
    lapsed = 0
    for request in amendment.co_submissions:
        if request.state == CoSubmissionState.REQUESTED:
            continue
        log(session, actor, "lapse_co_submission", amendment=str(amendment.id), party=str(request.party_id),
            state=request.state.value, **noted)
        request.state = CoSubmissionState.REQUESTED
        request.answered_by = ""
        request.answered_at = None
        request.requested_at = now(session)
        lapsed += 1
    return lapsed


def lapse_if_reworded(session: Session, actor: Actor, amendment: Amendment, before: Wording,
                      after: Wording | None = None, **noted) -> int:
    if not amendment.co_submissions or not wording_changed(before, after or Wording.of(amendment)):
        return 0
    return lapse_answers(session, actor, amendment, **noted)
