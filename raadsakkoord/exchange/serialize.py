"""Records as package data and back: one function per entity, both ways.

Ids travel unchanged (every record that crosses machines has a UUID), so a
record imported twice is found again and updated, never duplicated.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from raadsakkoord.base.errors import DomainError, InputError
from raadsakkoord.exchange.envelope import Package, PackageRefused, moment, parse_moment
from raadsakkoord.base.i18n import tr
from raadsakkoord.model import (
    Agreement,
    AgreementStatus,
    Amendment,
    AmendmentKind,
    AmendmentStatus,
    CoSubmission,
    Endorsement,
    ParticipationLevel,
    Party,
    Position,
    Revision,
    Round,
    RoundSection,
    SectionStatus,
    Task,
    TaskStatus,
    fields,
)
from raadsakkoord.importing.markdown import outline_heading_line
from raadsakkoord.base.text import sha256_hex


def _id(value) -> str | None:
    return str(value) if value is not None else None


def _uuid(value: str | None) -> uuid.UUID | None:
    return uuid.UUID(value) if value is not None else None


def agreement_data(a: Agreement) -> dict:
    return {"id": str(a.id), "title": a.title, "municipality": a.municipality, "term": a.term,
            "council_seats": a.council_seats, "status": a.status.value, "preamble": a.preamble,
            "contact_name": a.contact_name, "contact_phone": a.contact_phone, "contact_email": a.contact_email,
            "broad_support_share": a.broad_support_share, "created_at": moment(a.created_at)}


def party_data(p: Party) -> dict:
    return {"id": str(p.id), "name": p.name, "short_name": p.short_name, "seats": p.seats,
            "colour": p.colour, "leader": p.leader, "contact": p.contact}


def revision_data(r: Revision) -> dict:
    return {"id": str(r.id), "number": r.number, "text": r.text, "sha256": r.sha256, "parent": _id(r.parent_id),
            "author": r.author, "party": _id(r.party_id), "reason": r.reason, "created_at": moment(r.created_at),
            "round": _id(r.round_id)}


def round_data(r: Round, entries: list[RoundSection]) -> dict:
    return {"id": str(r.id), "number": r.number, "label": r.label, "is_final": r.is_final,
            "published_at": moment(r.published_at), "published_by": r.published_by, "note": r.note,
            "entries": [{"section": str(e.section_id), "revision": str(e.revision_id),
                         "chapter_position": e.chapter_position, "section_position": e.section_position,
                         "chapter_title": e.chapter_title, "title": e.title, "status": e.status} for e in entries]}


def amendment_data(a: Amendment, co_parties: Iterable[uuid.UUID]) -> dict:
    """``co_parties``: in a party package the parties the sender asks, in a round package those who confirmed.

    A number and a parent are written only where there is one, so that a
    package without subamendments or numbers stays in the format an older
    version reads. A subamendment carries its amendment's text as it was
    written on: the receiver's amendment may have moved on since.
    """
    data = _amendment_fields(a, co_parties)
    if a.number is not None:
        data["number"] = a.number
    if a.parent_id is not None:
        data["parent"] = str(a.parent_id)
        data["parent_text"] = a.parent.proposed_text
    return data


def _amendment_fields(a: Amendment, co_parties: Iterable[uuid.UUID]) -> dict:
    return {"id": str(a.id), "kind": a.kind.value, "section": _id(a.section_id), "chapter": _id(a.chapter_id),
            "base_revision": _id(a.base_revision_id), "proposed_title": a.proposed_title,
            "proposed_text": a.proposed_text, "headline": a.headline, "explanation": a.explanation,
            "party": str(a.party_id), "co_parties": sorted(str(p) for p in co_parties), "author": a.author,
            "status": a.status.value, "decision_note": a.decision_note, "decided_by": a.decided_by,
            "decided_at": moment(a.decided_at), "created_at": moment(a.created_at),
            "submitted_at": moment(a.submitted_at)}


def co_submission_data(c: CoSubmission) -> dict:
    return {"amendment": str(c.amendment_id), "party": str(c.party_id), "state": c.state.value,
            "requested_by": c.requested_by, "requested_at": moment(c.requested_at),
            "answered_by": c.answered_by, "answered_at": moment(c.answered_at)}


def endorsement_data(e: Endorsement) -> dict:
    return {"party": str(e.party_id), "section": _id(e.section_id), "revision": _id(e.revision_id),
            "amendment": _id(e.amendment_id), "position": e.position.value,
            "minority_position": e.minority_position, "author": e.author, "given_at": moment(e.given_at)}


def task_data(t: Task, section_ids: set[uuid.UUID] | None = None) -> dict:
    sections = [s.id for s in t.sections if section_ids is None or s.id in section_ids]
    return {"id": str(t.id), "title": t.title, "description": t.description,
            "portfolio_holder": t.portfolio_holder, "participation_level": t.participation_level.value,
            "stakeholders": list(t.stakeholders), "due_date": t.due_date.isoformat() if t.due_date else None,
            "budget_eur": t.budget_eur, "status": t.status.value, "proposed_by": _id(t.proposed_by_party_id),
            "created_at": moment(t.created_at), "sections": sorted(str(s) for s in sections)}


# --- back into a workspace -------------------------------------------------------------------


def _set(obj, values: dict) -> bool:
    """Assign the values that differ; True when something changed."""
    changed = False
    for key, value in values.items():
        if getattr(obj, key) != value:
            setattr(obj, key, value)
            changed = True
    return changed


def upsert(session: Session, cls, ident: uuid.UUID, values: dict, known: dict | None = None):
    """Insert or update one record by id: returns ('new'|'updated'|'unchanged', record).

    ``known`` maps ids to records loaded beforehand in one query; without it
    each call asks the database, which a package of thousands cannot afford.
    """
    obj = known.get(ident) if known is not None else session.get(cls, ident)
    if obj is None:
        obj = cls(id=ident, **values)
        session.add(obj)
        if known is not None:
            known[ident] = obj
        return "new", obj
    return ("updated" if _set(obj, values) else "unchanged"), obj


def load_all(session: Session, cls, *options) -> dict:
    return {obj.id: obj for obj in session.scalars(select(cls).options(*options))}


def agreement_values(d: dict) -> dict:
    return {"title": d["title"], "municipality": d["municipality"], "term": d["term"],
            "council_seats": d["council_seats"], "status": AgreementStatus(d["status"]), "preamble": d["preamble"],
            "contact_name": d["contact_name"], "contact_phone": d["contact_phone"],
            "contact_email": d["contact_email"], "broad_support_share": d["broad_support_share"],
            "created_at": parse_moment(d["created_at"])}


def party_values(d: dict, agreement_id: uuid.UUID) -> dict:
    return {"agreement_id": agreement_id, "name": d["name"], "short_name": d["short_name"], "seats": d["seats"],
            "colour": d["colour"], "leader": d["leader"], "contact": d["contact"]}


def put_revision(session: Session, section_id: uuid.UUID, d: dict, source: str, known: dict) -> str:
    """Revisions are immutable: a known id with other content is a refusal, not an update."""
    if outline_heading_line(d["text"]) is not None:
        raise PackageRefused(tr("{source}: versie {number} bevat een kop met # of ##; "
                                "het pakket is niet ingelezen.").format(source=source, number=d["number"]))
    if sha256_hex(d["text"]) != d["sha256"]:
        raise PackageRefused(tr("{source}: de tekst van versie {number} klopt niet met haar vingerafdruk; "
                                "het pakket is niet ingelezen.").format(source=source, number=d["number"]))
    ident = uuid.UUID(d["id"])
    existing = known.get(ident)
    if existing is not None:
        if existing.sha256 != d["sha256"] or existing.section_id != section_id:
            raise PackageRefused(tr("{source} bevat een andere tekst voor een versie die deze werkruimte al heeft; "
                                    "het pakket is niet ingelezen.").format(source=source))
        return "unchanged"
    known[ident] = revision = Revision(
        id=ident, section_id=section_id, number=d["number"], text=d["text"], sha256=d["sha256"],
        parent_id=_uuid(d["parent"]), author=d["author"], party_id=_uuid(d["party"]), reason=d["reason"],
        created_at=parse_moment(d["created_at"]), round_id=_uuid(d["round"]))
    session.add(revision)
    return "new"


def amendment_values(d: dict) -> dict:
    return {"kind": AmendmentKind(d["kind"]), "section_id": _uuid(d["section"]), "chapter_id": _uuid(d["chapter"]),
            "base_revision_id": _uuid(d["base_revision"]), "proposed_title": d["proposed_title"],
            "proposed_text": d["proposed_text"], "headline": d["headline"], "explanation": d["explanation"],
            "party_id": uuid.UUID(d["party"]), "author": d["author"], "status": AmendmentStatus(d["status"]),
            "decision_note": d["decision_note"], "decided_by": d["decided_by"],
            "decided_at": parse_moment(d["decided_at"]), "created_at": parse_moment(d["created_at"]),
            "submitted_at": parse_moment(d["submitted_at"]), "parent_id": _uuid(d.get("parent")),
            "number": d.get("number")}


def endorsement_index(session: Session) -> dict:
    """Every position, by (party, target): the key ``put_endorsement`` looks up."""
    index = {}
    for e in session.scalars(select(Endorsement)):
        index[(e.party_id, e.amendment_id or e.section_id)] = e
    return index


def put_endorsement(session: Session, d: dict, new_id, index: dict) -> str:
    """One current position per party and target: insert or replace."""
    party_id = uuid.UUID(d["party"])
    if d["amendment"] is not None:
        where = {"party_id": party_id, "amendment_id": uuid.UUID(d["amendment"])}
        key = (party_id, where["amendment_id"])
    else:
        where = {"party_id": party_id, "section_id": uuid.UUID(d["section"])}
        key = (party_id, where["section_id"])
    values = {"revision_id": _uuid(d["revision"]), "position": Position(d["position"]),
              "minority_position": d["minority_position"], "author": d["author"],
              "given_at": parse_moment(d["given_at"])}
    existing = index.get(key)
    if existing is None:
        index[key] = endorsement = Endorsement(id=new_id(), **where, **values)
        session.add(endorsement)
        return "new"
    return "updated" if _set(existing, values) else "unchanged"


def task_values(d: dict, agreement_id: uuid.UUID) -> dict:
    return {"agreement_id": agreement_id, "title": d["title"], "description": d["description"],
            "portfolio_holder": d["portfolio_holder"],
            "participation_level": ParticipationLevel(d["participation_level"]),
            "stakeholders": list(d["stakeholders"]),
            "due_date": dt.date.fromisoformat(d["due_date"]) if d["due_date"] else None,
            "budget_eur": d["budget_eur"], "status": TaskStatus(d["status"]),
            "proposed_by_party_id": _uuid(d["proposed_by"]), "created_at": parse_moment(d["created_at"])}


def set_task_sections(task: Task, ids: list[str], sections: dict) -> None:
    wanted = [sections[uuid.UUID(i)] for i in ids if uuid.UUID(i) in sections]
    if {s.id for s in task.sections} != {s.id for s in wanted}:
        task.sections = wanted


def section_values(d: dict) -> dict:
    return {"chapter_id": uuid.UUID(d["chapter"]), "position": d["position"], "title": d["title"],
            "status": SectionStatus(d["status"]), "proposing_party_id": _uuid(d["proposing_party"]),
            "created_at": parse_moment(d["created_at"])}


def chapter_values(d: dict, agreement_id: uuid.UUID) -> dict:
    return {"agreement_id": agreement_id, "position": d["position"], "title": d["title"], "intro": d["intro"]}



# --- checking what a package holds ----------------------------------------------------------

# The text fields of each kind of record, by their key in the package and the
# column that keeps them: checked by the rules typed input obeys (fields).
_LINES = {
    "agreement": {"title": "agreement.title", "municipality": "agreement.municipality", "term": "agreement.term",
                  "contact_name": "agreement.contact_name", "contact_phone": "agreement.contact_phone",
                  "contact_email": "agreement.contact_email"},
    "party": {"name": "party.name", "short_name": "party.short_name", "leader": "party.leader",
              "contact": "party.contact"},
    "chapter": {"title": "chapter.title"},
    "section": {"title": "section.title"},
    "revision": {"author": "revision.author"},
    "round": {"label": "round.label", "published_by": "round.published_by"},
    "entry": {"chapter_title": "round_section.chapter_title", "title": "round_section.title"},
    "amendment": {"headline": "amendment.headline", "proposed_title": "amendment.proposed_title",
                  "author": "amendment.author", "decided_by": "amendment.decided_by"},
    "endorsement": {"author": "endorsement.author"},
    "co_submission": {"requested_by": "co_submission.requested_by", "answered_by": "co_submission.answered_by"},
    "task": {"title": "task.title", "portfolio_holder": "task.portfolio_holder"},
    "sender": {"sender_name": "trusted_key.name"},
}
_TEXTS = {
    "agreement": {"preamble": "agreement.preamble"},
    "chapter": {"intro": "chapter.intro"},
    "revision": {"text": "revision.text", "reason": "revision.reason"},
    "round": {"note": "round.note"},
    "amendment": {"proposed_text": "amendment.proposed_text", "explanation": "amendment.explanation",
                  "decision_note": "amendment.decision_note"},
    "endorsement": {"minority_position": "endorsement.minority_position"},
    "task": {"description": "task.description"},
}
_MOMENTS = ("created_at", "submitted_at", "decided_at", "given_at", "published_at", "requested_at", "answered_at")


class _BadValue(Exception):
    def __init__(self, item: str, reason: str):
        super().__init__(reason)
        self.item, self.reason = item, reason


def _check_record(kind: str, data: dict, item: str) -> None:
    """Raise _BadValue when one value of this record could not have been typed in here.

    ``item`` names the record in the user's language ("amendement 2"); the
    reason names the field, so the sender knows what to correct.
    """
    try:
        for key, column in _LINES.get(kind, {}).items():
            fields.check_line(column, data[key])
        for key, column in _TEXTS.get(kind, {}).items():
            fields.check_text(column, data[key])
        for name in data.get("stakeholders", ()):
            fields.check_stakeholder(name)
        for key in _MOMENTS:
            if data.get(key) is not None:
                _moment(data[key])
        if data.get("due_date"):
            _date(data["due_date"])
    except InputError as error:
        raise _BadValue(item, error.message) from None


def _moment(text: str) -> None:
    try:
        parse_moment(text)
    except ValueError:
        raise InputError(tr("het tijdstip {value} bestaat niet.").format(value=text)) from None


def _date(text: str) -> None:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(tr("de datum {value} bestaat niet.").format(value=text)) from None


def _check_all(kind: str, header: dict, content: dict) -> None:
    _check_record("sender", {"sender_name": header["sender_name"]}, tr("de afzender"))
    if kind == "round":
        _check_record("agreement", content["agreement"], tr("het raadsakkoord"))
        for n, data in enumerate(content["parties"], 1):
            _check_record("party", data, tr("fractie {n}").format(n=n))
        for n, data in enumerate(content["chapters"], 1):
            _check_record("chapter", data, tr("hoofdstuk {n}").format(n=n))
        for n, data in enumerate(content["sections"], 1):
            _check_record("section", data, tr("hoofdlijn {n}").format(n=n))
            for revision in data["revisions"]:
                _check_record("revision", revision, tr("hoofdlijn {n}, versie {number}").format(
                    n=n, number=revision["number"]))
        for data in content["rounds"]:
            item = tr("ronde {number}").format(number=data["number"])
            _check_record("round", data, item)
            for entry in data["entries"]:
                _check_record("entry", entry, item)
    for n, data in enumerate(content["amendments"], 1):
        _check_record("amendment", data, tr("amendement {n}").format(n=n))
    for n, data in enumerate(content["endorsements"], 1):
        _check_record("endorsement", data, tr("standpunt {n}").format(n=n))
    for n, data in enumerate(content["tasks"], 1):
        _check_record("task", data, tr("opdracht {n}").format(n=n))
    for n, data in enumerate(content.get("co_submissions", ()), 1):
        _check_record("co_submission", data, tr("mede-indiening {n}").format(n=n))


def check_values(package: Package, source: str) -> None:
    """Every value of a package by the rules of typed input, before anything is read in or shown.

    The first value that breaks one refuses the whole package, so nothing
    of it is written, and no name from it reaches a message unchecked.
    """
    try:
        _check_all(package.kind, package.header, package.content)
    except _BadValue as bad:
        raise PackageRefused(tr("{source} is niet ingelezen: {item}: {reason}").format(
            source=source, item=bad.item, reason=bad.reason)) from None


def check_outgoing(kind: str, header: dict, content: dict) -> None:
    """The same rules for a package about to be made: never send what the receiver will refuse.

    Only a workspace written by an older version or edited by hand can hold
    such a value; the griffie or the party corrects it here, once.
    """
    try:
        _check_all(kind, header, content)
    except _BadValue as bad:
        raise DomainError(tr("Het pakket is niet gemaakt, want de ontvanger zou het weigeren: {item}: {reason}")
                          .format(item=bad.item, reason=bad.reason)) from None
