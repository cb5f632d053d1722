"""Party packages: a party sends its amendments, positions and task proposals to the griffie.

A package holds the party's whole current contribution (every submitted or
withdrawn amendment, every position, every task it proposed), each naming
the revision it was written on. Sending the whole state rather than the
changes since the last package means a package lost in the mail costs
nothing: the next one brings everything. Packages from one party are
numbered; an older one than the griffie already has is refused, so it can
never overwrite newer positions.
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from raadsakkoord.base.errors import DomainError
from raadsakkoord.exchange import cosubmissions, keys, serialize
from raadsakkoord.exchange.common import (
    ImportReport,
    already_imported,
    audit_head,
    check_agreement,
    check_signature,
    last_sequence,
    record,
    signing_key,
)
from raadsakkoord.base.i18n import mark, tr
from raadsakkoord.importing.markdown import outline_heading_line
from raadsakkoord.exchange.envelope import Package, PackageRefused, moment, seal
from raadsakkoord.model import (
    AgreementStatus,
    Amendment,
    AmendmentKind,
    AmendmentStatus,
    Chapter,
    Endorsement,
    Party,
    Revision,
    Round,
    Section,
    Task,
    TaskStatus,
)
from raadsakkoord.base.actor import Actor
from raadsakkoord.queries import auditstate
from raadsakkoord.queries.labels import STATUS_LABELS
from raadsakkoord.queries.lookup import get, the_agreement
from raadsakkoord.store.audit import log
from raadsakkoord.base.clock import new_id, now
from raadsakkoord.diffing import rebase
from raadsakkoord.operations.amendments import give_number
from raadsakkoord.operations.consolidation import rebase_open_amendments

SENT_STATUSES = (AmendmentStatus.SUBMITTED, AmendmentStatus.WITHDRAWN)


def export_party_package(session: Session, actor: Actor, party_id: uuid.UUID) -> bytes:
    agreement = the_agreement(session)
    party = get(session, Party, party_id, tr("fractie"))
    identity = keys.Identity(agreement.id, keys.party_holder(party.id), party.short_name)
    private, own = signing_key(session, identity)
    base_round = session.scalar(sa.select(sa.func.max(Round.number)))
    if base_round is None:
        raise DomainError(tr("Deze werkruimte heeft nog geen ronde van de griffie; lees eerst een rondepakket in."))
    amendments = session.scalars(sa.select(Amendment).where(
        Amendment.party_id == party.id, Amendment.status.in_(SENT_STATUSES))
        .options(selectinload(Amendment.co_submissions)).order_by(Amendment.created_at)).all()
    content = {
        "party": str(party.id),
        "amendments": [serialize.amendment_data(a, cosubmissions.asked_parties(a)) for a in amendments],
        "endorsements": [serialize.endorsement_data(e) for e in session.scalars(
            sa.select(Endorsement).where(Endorsement.party_id == party.id).order_by(Endorsement.given_at))],
        "tasks": [serialize.task_data(t) for t in session.scalars(
            sa.select(Task).where(Task.proposed_by_party_id == party.id).order_by(Task.created_at))],
    }
    answers = cosubmissions.own_answers(session, party.id)
    if answers:  # without them the package stays in the format an older version reads
        content["co_submissions"] = answers
    header = {"kind": "party", "package_id": str(new_id(session)), "agreement": str(agreement.id),
              "sender": identity.holder, "sender_name": party.short_name,
              "sequence": last_sequence(session, identity.holder, "out") + 1, "base_round": base_round,
              "created_at": moment(now(session)), "audit_head": audit_head(session)}
    serialize.check_outgoing("party", header, content)
    data, package = seal(header, content, private, own.fingerprint)
    record(session, package, "out")
    log(session, actor, "export_party_package", party=str(party.id), package=header["package_id"],
        amendments=len(content["amendments"]), endorsements=len(content["endorsements"]))
    return data


def import_party_package(session: Session, actor: Actor, package: Package, source: str) -> ImportReport:
    if package.kind != "party" or not package.sender.startswith("party:"):
        raise PackageRefused(tr("{source} is geen pakket van een fractie.").format(source=source))
    serialize.check_values(package, source)
    agreement = check_agreement(session, package, source)
    if agreement is None:
        raise PackageRefused(tr("Deze werkruimte bevat nog geen raadsakkoord; een fractiepakket kan er niet in."))
    sender_name = check_signature(session, package, source)
    report = ImportReport("party", sender_name)
    if already_imported(session, package):
        report.already_imported = True
        return report
    if agreement.status == AgreementStatus.ADOPTED:
        raise PackageRefused(tr("Het raadsakkoord is definitief vastgesteld; {source} is niet meer ingelezen.").format(
            source=source))
    party_id = uuid.UUID(package.sender.split(":", 1)[1])
    party = session.get(Party, party_id)
    if party is None or package.content["party"] != str(party_id):
        raise PackageRefused(tr("{source} is van een fractie die dit raadsakkoord niet kent; het is niet ingelezen.")
                             .format(source=source))
    previous = last_sequence(session, package.sender, "in")
    if package.header["sequence"] <= previous:
        raise PackageRefused(tr(
            "{source} is pakket {sequence} van {party}, maar pakket {previous} is al "
            "ingelezen; een ouder pakket overschrijft geen nieuwere standpunten en is niet ingelezen."
        ).format(source=source, sequence=package.header["sequence"], party=party.short_name, previous=previous))
    base_round = package.header["base_round"]
    if base_round is None or session.scalar(sa.select(Round.id).where(Round.number == base_round)) is None:
        raise PackageRefused(tr("{source} is gemaakt op ronde {round}, die deze werkruimte niet kent; "
                                "het is niet ingelezen.").format(source=source, round=base_round))
    content = package.content
    before = auditstate.capture(session)
    here = _Here(session)
    _check_references(here, content, party_id, source)
    for data in content["amendments"]:
        _apply_amendment(session, actor, agreement.id, data, here, report, str(package.package_id))
    _give_numbers(session, [here.amendments[uuid.UUID(d["id"])] for d in content["amendments"]], report)
    cosubmissions.apply_answers(session, actor, content, here.amendments, report, str(package.package_id))
    index = serialize.endorsement_index(session)
    for data in content["endorsements"]:
        report.count("endorsements", serialize.put_endorsement(session, data, lambda: new_id(session), index))
    for data in content["tasks"]:
        _apply_task(session, agreement.id, data, here.tasks, here.sections, report)
    session.flush()
    rebase = rebase_open_amendments(session, actor, party_id=party_id)
    report.rebased, report.needs_rework = rebase.rebased + rebase.already_in_text, rebase.needs_rework
    record(session, package, "in", report)
    # The values the import set, so that the log vouches for them as for those set by hand.
    log(session, actor, "import_party_package", package=str(package.package_id), party=str(party_id),
        **report.as_dict(), state=auditstate.changes(before, auditstate.capture(session)))
    return report


class _Here:
    """What the workspace holds, loaded once: every check and update looks things up here."""

    def __init__(self, session: Session) -> None:
        self.amendments = serialize.load_all(session, Amendment, selectinload(Amendment.co_submissions))
        self.parties = serialize.load_all(session, Party)
        self.sections = serialize.load_all(session, Section)
        self.chapters = serialize.load_all(session, Chapter)
        self.tasks = serialize.load_all(session, Task, selectinload(Task.sections))
        self.revision_section = dict(session.execute(sa.select(Revision.id, Revision.section_id)).all())


def _uuid(value: str | None) -> uuid.UUID | None:
    return uuid.UUID(value) if value is not None else None


def _check_references(here: _Here, content: dict, party_id: uuid.UUID, source: str) -> None:
    """Everything the package points at must exist here, and everything in it must be the sender's.

    A party may only add and change its own records, and only submit or
    withdraw: every other status is the griffie's to give.
    """
    def refuse(what: str):
        # ``what`` continues the sentence, in the user's language.
        raise PackageRefused(tr("{source} {what}; het is niet ingelezen.").format(source=source, what=what))

    own = str(party_id)
    sent = {s.value for s in SENT_STATUSES}
    in_package = set()
    for data in content["amendments"]:
        ident = uuid.UUID(data["id"])
        in_package.add(ident)
        existing = here.amendments.get(ident)
        if data["party"] != own or (existing is not None and existing.party_id != party_id):
            refuse(tr("bevat een amendement namens een andere fractie"))
        if data["status"] not in sent:
            refuse(tr("bevat een amendement met een status die alleen de griffie kan geven"))
        for co in data["co_parties"]:  # requests to these parties, never their consent
            if uuid.UUID(co) not in here.parties:
                refuse(tr("noemt een onbekende mede-indiener"))
        if outline_heading_line(data["proposed_text"]) is not None:
            refuse(tr("bevat een tekst met een kop met # of ## (alleen voor hoofdstukken en hoofdlijnen)"))
        if data.get("parent") is not None or (existing is not None and existing.parent_id is not None):
            _check_parent(here, data, existing, party_id, refuse)
            continue
        kind = AmendmentKind(data["kind"])
        if kind == AmendmentKind.NEW_SECTION:
            if (data["chapter"] is None or uuid.UUID(data["chapter"]) not in here.chapters
                    or data["section"] is not None or data["base_revision"] is not None):
                refuse(tr("bevat een nieuwe hoofdlijn in een onbekend hoofdstuk"))
            continue
        section_id, base = _uuid(data["section"]), _uuid(data["base_revision"])
        if (section_id not in here.sections or base is None or here.revision_section.get(base) != section_id
                or data["chapter"] is not None):
            refuse(tr("bevat een amendement op een onbekende hoofdlijn of versie"))
    for data in content["endorsements"]:
        if data["party"] != own:
            refuse(tr("bevat een standpunt namens een andere fractie"))
        if data["amendment"] is not None:
            if data["section"] is not None or data["revision"] is not None:
                refuse(tr("bevat een standpunt met twee doelen"))
            target = uuid.UUID(data["amendment"])
            if target not in here.amendments and target not in in_package:
                refuse(tr("bevat een standpunt over een onbekend amendement"))
        else:
            section_id, revision = _uuid(data["section"]), _uuid(data["revision"])
            if section_id is None or revision is None or here.revision_section.get(revision) != section_id:
                refuse(tr("bevat een standpunt over een onbekende hoofdlijn of versie"))
    cosubmissions.check_answers(content, party_id, refuse)
    for data in content["tasks"]:
        existing = here.tasks.get(uuid.UUID(data["id"]))
        if data["proposed_by"] != own or (existing is not None and existing.proposed_by_party_id != party_id):
            refuse(tr("bevat een opdracht die niet door deze fractie is voorgesteld"))
        for section_id in data["sections"]:
            if uuid.UUID(section_id) not in here.sections:
                refuse(tr("bevat een opdracht bij een onbekende hoofdlijn"))


def _check_parent(here: _Here, data: dict, existing: Amendment | None, party_id: uuid.UUID, refuse) -> None:
    """A subamendment names an amendment of another party that the griffie has, and matches it."""
    parent = here.amendments.get(_uuid(data.get("parent")))
    if parent is None:
        refuse(tr("bevat een subamendement op een amendement dat de griffie niet kent"))
    if existing is not None and existing.parent_id != parent.id:
        refuse(tr("verhangt een subamendement naar een ander amendement"))
    if parent.parent_id is not None or parent.party_id == party_id or parent.kind == AmendmentKind.DELETE:
        refuse(tr("bevat een subamendement op een subamendement, een eigen amendement of een schrapping"))
    if (data["kind"] != parent.kind.value or _uuid(data["section"]) != parent.section_id
            or _uuid(data["chapter"]) != parent.chapter_id or "parent_text" not in data):
        refuse(tr("bevat een subamendement dat niet bij zijn amendement past"))


def _apply_amendment(session: Session, actor: Actor, agreement_id: uuid.UUID, data: dict, here: _Here,
                     report: ImportReport, package: str) -> None:
    ident = uuid.UUID(data["id"])
    known = here.amendments
    existing = known.get(ident)
    values = serialize.amendment_values(data)
    if existing is not None and not existing.status.is_open:
        # The griffie decided (or the party withdrew) already: that stands.
        report.count("amendments", "unchanged")
        if existing.status.is_decided and values["status"] == AmendmentStatus.WITHDRAWN:
            report.keep(mark("'{headline}' was al beoordeeld; intrekken kan niet meer."), headline=existing.headline)
        return
    # Decision fields and numbers are the griffie's: never taken from a party.
    for key in ("decision_note", "decided_by", "decided_at", "number"):
        values.pop(key)
    if values["parent_id"] is not None:
        _onto_parent_text(values, data, known[values["parent_id"]])
    if values["status"] == AmendmentStatus.WITHDRAWN:
        values["decision_note"] = data["decision_note"]
    before = cosubmissions.wording_of(session, existing) if existing is not None else None
    values = {"needs_rework": False, **values}
    outcome, amendment = serialize.upsert(session, Amendment, ident, dict(values, agreement_id=agreement_id), known)
    cosubmissions.apply_requests(session, actor, amendment, data, here.parties, before, package)
    report.count("amendments", outcome)
    parent = known.get(values["parent_id"]) if values["parent_id"] is not None else None
    if parent is not None and parent.status != AmendmentStatus.SUBMITTED and amendment.status.is_open:
        # Written offline on an amendment that was withdrawn or decided meanwhile: nothing left to change.
        amendment.status = AmendmentStatus.SUPERSEDED
        amendment.decision_note = f"Vervallen: amendement {parent.label} is {STATUS_LABELS[parent.status]}."
        report.keep(mark("'{headline}' is vervallen: het amendement waarop het is geschreven, is al {status}."),
                    headline=amendment.headline, status=STATUS_LABELS[parent.status])


def _onto_parent_text(values: dict, data: dict, parent: Amendment) -> None:
    """A subamendment written on an older text of its amendment: carried over, or marked for rework."""
    values["base_revision_id"] = parent.base_revision_id
    if data["parent_text"] == parent.proposed_text:
        return
    result = rebase(data["parent_text"], data["proposed_text"], parent.proposed_text)
    if result.clean:
        values["proposed_text"] = result.text
    else:
        values["needs_rework"] = True


def _give_numbers(session: Session, amendments: list[Amendment], report: ImportReport) -> None:
    """The griffie's numbers for what a party submitted offline: amendments first, then subamendments."""
    session.flush()
    waiting = [a for a in amendments if a.number is None and a.status != AmendmentStatus.DRAFT]
    for amendment in sorted(waiting, key=lambda a: (a.parent_id is not None, a.submitted_at or a.created_at)):
        session.expire(amendment, ["parent"])
        give_number(session, amendment)
        report.numbered.append(amendment.label)


def _apply_task(session: Session, agreement_id: uuid.UUID, data: dict, known: dict, sections: dict,
                report: ImportReport) -> None:
    ident = uuid.UUID(data["id"])
    existing = known.get(ident)
    if existing is not None and existing.status != TaskStatus.PROPOSED:
        report.count("tasks", "unchanged")  # the griffie took it up; its version stands
        return
    values = serialize.task_values(data, agreement_id)
    values["status"] = TaskStatus.PROPOSED
    outcome, task = serialize.upsert(session, Task, ident, values, known)
    serialize.set_task_sections(task, data["sections"], sections)
    report.count("tasks", outcome)
