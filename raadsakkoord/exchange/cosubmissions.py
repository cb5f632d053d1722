"""Co-submission in packages: requests travel with the asking party, answers only with the asked one.

A party package carries, for each of the sender's amendments, the parties it
asks (``co_parties``): at the griffie these are requests and never more,
whatever else the package claims. Its ``co_submissions`` carry the sender's
own answers to requests on other parties' amendments, each naming the
request it answers (by when that request was made), so an answer given on
a wording that has since changed, or to a request since withdrawn, confirms
nothing. An answer in the name of any other party refuses the package.

A round package carries every request with its state, so each party sees
the requests addressed to it and the answers to its own; its ``co_parties``
name the confirmed co-submitters only, which is all an older version, which
knows no requests, would show.
"""

from __future__ import annotations

import uuid
from collections import defaultdict

import sqlalchemy as sa
from sqlalchemy.orm import Session

from raadsakkoord.base.actor import Actor
from raadsakkoord.base.i18n import mark, tr
from raadsakkoord.exchange import serialize
from raadsakkoord.exchange.common import ImportReport
from raadsakkoord.exchange.envelope import moment, parse_moment
from raadsakkoord.model import (
    Amendment,
    AmendmentStatus,
    CoSubmission,
    CoSubmissionState,
    Revision,
)
from raadsakkoord.operations.cosubmissions import (
    Wording,
    add_request,
    answer,
    drop_request,
    lapse_if_reworded,
    request_of,
)

ANSWERS = (CoSubmissionState.CONFIRMED.value, CoSubmissionState.DECLINED.value)


def asked_parties(amendment: Amendment) -> list[uuid.UUID]:
    """What a party package says the sender asks: every party it named, whatever they answered."""
    return [c.party_id for c in amendment.co_submissions]


def confirmed_parties(amendment: Amendment) -> list[uuid.UUID]:
    return [c.party_id for c in amendment.co_submissions if c.state == CoSubmissionState.CONFIRMED]


def own_answers(session: Session, party_id: uuid.UUID) -> list[dict]:
    """The party's answers to requests on other parties' submitted amendments, for its package.

    A draft never reached the griffie, so an answer on one has no request there to answer.
    """
    return [serialize.co_submission_data(c) for c in session.scalars(
        sa.select(CoSubmission).join(Amendment)
        .where(CoSubmission.party_id == party_id, CoSubmission.state != CoSubmissionState.REQUESTED,
               Amendment.status != AmendmentStatus.DRAFT)
        .order_by(CoSubmission.amendment_id))]


# --- at the griffie: a party's package ---------------------------------------------------------


def check_answers(content: dict, party_id: uuid.UUID, refuse) -> None:
    """Every answer in a party's package must be that party's own confirmation or decline."""
    own = str(party_id)
    for data in content.get("co_submissions", ()):
        if data["party"] != own:
            refuse(tr("bevat een bevestiging van mede-indienen namens een andere fractie"))
        if data["state"] not in ANSWERS:
            refuse(tr("bevat bij mede-indienen een antwoord dat geen bevestiging of afwijzing is"))


def wording_of(session: Session, amendment: Amendment) -> Wording:
    base = session.get(Revision, amendment.base_revision_id) if amendment.base_revision_id else None
    return Wording(amendment.headline, amendment.explanation, amendment.proposed_title,
                   amendment.proposed_text, base.text if base is not None else None)


def apply_requests(session: Session, actor: Actor, amendment: Amendment, data: dict, parties: dict,
                   before: Wording | None, package: str) -> None:
    """The sender's own amendment: the parties it names are asked, those it no longer names are not.

    A party already asked keeps its answer, unless the amendment now says something else.
    """
    if before is not None:
        lapse_if_reworded(session, actor, amendment, before, wording_of(session, amendment), package=package)
    wanted = [uuid.UUID(i) for i in data["co_parties"]]
    for request in list(amendment.co_submissions):
        if request.party_id not in wanted:
            drop_request(session, actor, amendment, request, package=package)
    for ident in wanted:
        if request_of(amendment, ident) is None and ident != amendment.party_id and ident in parties:
            add_request(session, actor, amendment, parties[ident], requested_by=data["author"], package=package)


def apply_answers(session: Session, actor: Actor, content: dict, amendments: dict, report: ImportReport,
                  package: str) -> None:
    """The sender's answers: each confirms or declines exactly the request it was given on, if that still stands."""
    for data in content.get("co_submissions", ()):
        amendment = amendments.get(uuid.UUID(data["amendment"]))
        if amendment is None:
            # Not sent to the griffie (yet): there is no request here to answer.
            report.keep(mark("Een antwoord op een verzoek om mede-indienen geldt een amendement dat hier "
                             "niet bekend is; het is niet overgenomen."))
            report.count("co_submissions", "unchanged")
            continue
        request = request_of(amendment, uuid.UUID(data["party"]))
        state = CoSubmissionState(data["state"])
        if request is None or moment(request.requested_at) != data["requested_at"] or not amendment.status.is_open:
            report.keep(mark("Het antwoord op het verzoek om mede-indiener te zijn van '{headline}' is niet "
                             "overgenomen: het verzoek is ingetrokken of gewijzigd, of over het amendement is "
                             "al beslist."), headline=amendment.headline)
            report.count("co_submissions", "unchanged")
            continue
        if request.state == state and moment(request.answered_at) == data["answered_at"]:
            report.count("co_submissions", "unchanged")
            continue
        answer(session, actor, amendment, request, state, answered_by=data["answered_by"],
               answered_at=parse_moment(data["answered_at"]), package=package)
        report.count("co_submissions", "updated")


# --- at a party: the griffie's round package -----------------------------------------------------


def published_requests(content: dict) -> dict[uuid.UUID, list[dict]]:
    """Every request in a round package, by amendment.

    A package from a version that knew no requests names its co-submitters
    only in ``co_parties``; nobody confirmed those, so they arrive as requests.
    """
    found: dict[uuid.UUID, list[dict]] = defaultdict(list)
    if "co_submissions" in content:
        for data in content["co_submissions"]:
            found[uuid.UUID(data["amendment"])].append(data)
        return found
    for a in content["amendments"]:
        for party in a["co_parties"]:
            found[uuid.UUID(a["id"])].append({
                "amendment": a["id"], "party": party, "state": CoSubmissionState.REQUESTED.value,
                "requested_by": a["author"], "requested_at": a["submitted_at"] or a["created_at"],
                "answered_by": "", "answered_at": None})
    return found


def follow_round(session: Session, amendment: Amendment, published: list[dict], own_party: uuid.UUID | None,
                 parties: dict, ours_differs: bool) -> None:
    """Take the griffie's requests and answers for one amendment, keeping this party's unsent work.

    On its own amendment the party's list of asked parties stands (it may
    have asked or withdrawn since it sent it), and the griffie's answers are
    taken only while the griffie holds the same wording. On another party's
    amendment its own answer, not yet sent, stands while the griffie still
    shows the request it answered.
    """
    by_party = {uuid.UUID(d["party"]): d for d in published if uuid.UUID(d["party"]) in parties}
    if amendment.party_id == own_party:
        if ours_differs:
            return
        for request in amendment.co_submissions:
            data = by_party.get(request.party_id)
            if data is not None:
                _take(request, data)
        return
    for request in list(amendment.co_submissions):
        data = by_party.get(request.party_id)
        if data is None:
            amendment.co_submissions.remove(request)
        elif not (request.party_id == own_party and request.state != CoSubmissionState.REQUESTED
                  and data["state"] == CoSubmissionState.REQUESTED.value
                  and moment(request.requested_at) == data["requested_at"]):
            _take(request, data)
    for ident, data in by_party.items():
        if request_of(amendment, ident) is None and ident != amendment.party_id:
            request = CoSubmission(party_id=ident, party=parties[ident], requested_by=data["requested_by"],
                                   requested_at=parse_moment(data["requested_at"]))
            _take(request, data)
            amendment.co_submissions.append(request)


def _take(request: CoSubmission, data: dict) -> None:
    request.state = CoSubmissionState(data["state"])
    request.requested_by = data["requested_by"]
    request.requested_at = parse_moment(data["requested_at"])
    request.answered_by = data["answered_by"]
    request.answered_at = parse_moment(data["answered_at"])

