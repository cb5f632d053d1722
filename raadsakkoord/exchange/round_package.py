"""Round packages: the griffie sends a published round to every party.

The package holds the agreement, the parties, the chapters and sections
with every revision up to the round, all published rounds, the amendments
with the griffie's decisions, everyone's positions and the tasks. Imported
into a party's workspace it creates or updates that workspace; the party's
own unsent work is never overwritten, and its open amendments are rebased
onto the new texts.
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
from raadsakkoord.exchange.envelope import Package, PackageRefused, moment, seal
from raadsakkoord.base.i18n import tr
from raadsakkoord.model import (
    Agreement,
    Amendment,
    AmendmentStatus,
    Chapter,
    Endorsement,
    Party,
    Revision,
    Round,
    RoundSection,
    Section,
    Task,
    TrustedKey,
)
from raadsakkoord.base.actor import Actor
from raadsakkoord.store.audit import log
from raadsakkoord.base.clock import new_id, now
from raadsakkoord.queries.support_requests import ASK_SUPPORT_AGAIN, asked_revisions
from raadsakkoord.queries import auditstate
from raadsakkoord.queries.lookup import the_agreement
from raadsakkoord.operations.consolidation import rebase_open_amendments
from raadsakkoord.operations.cosubmissions import Wording, wording_changed


def export_round_package(session: Session, actor: Actor, *, round_number: int | None = None) -> bytes:
    """The signed package of a published round (the latest when no number is given)."""
    agreement = the_agreement(session)
    identity = keys.Identity(agreement.id, keys.GRIFFIE, "Griffie")
    private, own = signing_key(session, identity)
    query = sa.select(Round).order_by(Round.number.desc())
    if round_number is not None:
        query = query.where(Round.number == round_number)
    published = session.scalars(query.limit(1)).first()
    if published is None:
        raise DomainError(tr("Ronde {number} bestaat niet.").format(number=round_number) if round_number else
                          tr("Er is nog geen ronde gepubliceerd; publiceer eerst een conceptronde."))
    content = round_content(session, agreement, published)
    # Numbered by export, not by round: a second export of one round must
    # supersede the first (it carries later decisions), never the reverse.
    header = {"kind": "round", "package_id": str(new_id(session)), "agreement": str(agreement.id),
              "sender": keys.GRIFFIE, "sender_name": "Griffie",
              "sequence": last_sequence(session, keys.GRIFFIE, "out") + 1,
              "base_round": published.number, "created_at": moment(now(session)),
              "audit_head": audit_head(session)}
    serialize.check_outgoing("round", header, content)
    data, package = seal(header, content, private, own.fingerprint)
    record(session, package, "out")
    log(session, actor, "export_round_package", round=published.number, package=header["package_id"])
    return data


def round_content(session: Session, agreement: Agreement, published: Round) -> dict:
    entries = session.scalars(sa.select(RoundSection).where(RoundSection.round_id == published.id)
                              .order_by(RoundSection.chapter_position, RoundSection.section_position)).all()
    sections, revisions_of, chapters = [], {}, {}
    all_revisions = {r.id: r for r in session.scalars(sa.select(Revision))}
    all_sections = serialize.load_all(session, Section)
    all_chapters = serialize.load_all(session, Chapter)
    for entry in entries:
        section = all_sections[entry.section_id]
        chain, revision = [], all_revisions[entry.revision_id]
        while revision is not None:  # the round's text and everything before it
            chain.append(revision)
            revision = all_revisions.get(revision.parent_id)
        revisions_of[section.id] = {r.id for r in chain}
        chapter = all_chapters[section.chapter_id]
        chapters.setdefault(entry.chapter_position, {"id": str(chapter.id), "position": entry.chapter_position,
                                                     "title": entry.chapter_title, "intro": chapter.intro})
        sections.append({"id": str(section.id), "chapter": str(chapter.id), "position": entry.section_position,
                         "title": entry.title, "status": entry.status,
                         "proposing_party": serialize._id(section.proposing_party_id),
                         "created_at": moment(section.created_at), "revision": str(entry.revision_id),
                         "revisions": [serialize.revision_data(r) for r in reversed(chain)]})
    known_revisions = set().union(*revisions_of.values()) if revisions_of else set()
    rounds = session.scalars(sa.select(Round).where(Round.number <= published.number).order_by(Round.number)).all()
    round_entries = [serialize.round_data(r, [e for e in r.entries if e.revision_id in known_revisions]) for r in rounds]
    amendments, requests = [], []
    for amendment in session.scalars(sa.select(Amendment).where(Amendment.status != AmendmentStatus.DRAFT)
                                     .options(selectinload(Amendment.co_submissions))
                                     .order_by(Amendment.created_at)):
        if amendment.base_revision_id is not None and amendment.base_revision_id not in known_revisions:
            continue  # written on a text this round does not contain yet
        requests.extend(serialize.co_submission_data(c) for c in amendment.co_submissions)
        data = serialize.amendment_data(amendment, cosubmissions.confirmed_parties(amendment))
        if amendment.section_id is not None and amendment.section_id not in revisions_of:
            data["section"] = None  # a new section made after this round
        amendments.append(data)
    amendment_ids = {a["id"] for a in amendments}
    endorsements = [
        serialize.endorsement_data(e) for e in session.scalars(sa.select(Endorsement))
        if (e.revision_id in known_revisions) or (e.amendment_id is not None and str(e.amendment_id) in amendment_ids)
    ]
    section_ids = set(revisions_of)
    tasks = [serialize.task_data(t, section_ids) for t in session.scalars(
        sa.select(Task).options(selectinload(Task.sections)).order_by(Task.created_at))]
    content = {
        "agreement": serialize.agreement_data(agreement),
        "parties": [serialize.party_data(p) for p in session.scalars(sa.select(Party).order_by(Party.short_name))],
        "chapters": [chapters[k] for k in sorted(chapters)],
        "sections": sections,
        "rounds": round_entries,
        "amendments": amendments,
        "endorsements": endorsements,
        "tasks": tasks,
    }
    if requests:  # without them the package stays in the format an older version reads
        content["co_submissions"] = requests
    # The griffie's requests to support a text again, for the texts this round carries (stale support itself
    # travels already: each endorsement names the revision it was given on).
    support_requests = [{"section": str(section_id), "revision": str(revision_id)}
                        for section_id, revision_id in asked_revisions(session).items()
                        if revision_id in revisions_of.get(section_id, ())]
    if support_requests:
        content["support_requests"] = support_requests
    return content


def _own_party(session: Session, agreement_id: uuid.UUID) -> uuid.UUID | None:
    """The party this workspace works for: the holder of its own signing key, if any."""
    own = session.scalars(sa.select(TrustedKey).where(TrustedKey.agreement_id == agreement_id,
                                                      TrustedKey.own.is_(True))).first()
    if own is None or not own.holder.startswith("party:"):
        return None
    return uuid.UUID(own.holder.split(":", 1)[1])


def import_round_package(session: Session, actor: Actor, package: Package, source: str) -> ImportReport:
    if package.kind != "round" or package.sender != keys.GRIFFIE:
        raise PackageRefused(tr("{source} is geen rondepakket van de griffie.").format(source=source))
    serialize.check_values(package, source)
    check_agreement(session, package, source)
    sender = check_signature(session, package, source)
    report = ImportReport("round", sender)
    if already_imported(session, package):
        report.already_imported = True
        return report
    content = package.content
    newest = max(r["number"] for r in content["rounds"])
    latest_here = session.scalar(sa.select(sa.func.max(Round.number))) or 0
    if newest < latest_here:
        raise PackageRefused(tr("{source} bevat ronde {newest}, maar deze werkruimte heeft al ronde {latest}; "
                                "een ouder pakket wordt niet ingelezen.").format(
                                    source=source, newest=newest, latest=latest_here))
    previous = last_sequence(session, keys.GRIFFIE, "in")
    if package.header["sequence"] <= previous:
        raise PackageRefused(tr("{source} is ouder dan het rondepakket dat al is ingelezen (nummer {previous}); "
                                "het is niet ingelezen.").format(source=source, previous=previous))
    agreement_id = package.agreement_id
    own_party = _own_party(session, agreement_id)
    before = auditstate.capture(session)
    serialize.upsert(session, Agreement, agreement_id, serialize.agreement_values(content["agreement"]))
    session.flush()
    parties = serialize.load_all(session, Party)
    for party in content["parties"]:
        outcome, _ = serialize.upsert(session, Party, uuid.UUID(party["id"]),
                                      serialize.party_values(party, agreement_id), parties)
        report.count("parties", outcome)
    chapters = serialize.load_all(session, Chapter)
    for chapter in content["chapters"]:
        serialize.upsert(session, Chapter, uuid.UUID(chapter["id"]), serialize.chapter_values(chapter, agreement_id),
                         chapters)
    session.flush()
    new_rounds = _apply_rounds(session, content, agreement_id, report)
    sections = _apply_sections(session, content, report, source)
    _apply_round_entries(session, new_rounds)
    _apply_amendments(session, content, own_party, parties, report)
    session.flush()
    _apply_endorsements(session, content, own_party, report)
    _apply_tasks(session, content, agreement_id, sections, own_party, report)
    session.flush()
    _apply_support_requests(session, content, sender)
    if own_party is not None:
        rebase = rebase_open_amendments(session, actor, party_id=own_party)
        report.rebased, report.needs_rework = rebase.rebased + rebase.already_in_text, rebase.needs_rework
    record(session, package, "in", report)
    # The values the import set, so that the log vouches for them as for those set by hand.
    log(session, actor, "import_round_package", package=str(package.package_id), round=newest, **report.as_dict(),
        state=auditstate.changes(before, auditstate.capture(session)))
    return report


def _apply_support_requests(session: Session, content: dict, sender: str) -> None:
    """The griffie's requests, in this workspace's log as the griffie's, each once."""
    known = asked_revisions(session)
    for request in content.get("support_requests", ()):
        section_id, revision_id = uuid.UUID(request["section"]), uuid.UUID(request["revision"])
        if known.get(section_id) != revision_id and session.get(Section, section_id) is not None:
            log(session, Actor.griffie(sender), ASK_SUPPORT_AGAIN, section=str(section_id), revision=str(revision_id))


def _apply_sections(session: Session, content: dict, report: ImportReport, source: str) -> dict:
    sections = serialize.load_all(session, Section)
    revisions = {r.id: r for r in session.scalars(sa.select(Revision))}
    pointers = []
    for data in content["sections"]:
        section_id = uuid.UUID(data["id"])
        outcome, section = serialize.upsert(session, Section, section_id, serialize.section_values(data), sections)
        report.count("sections", outcome)
        numbers = {r["id"]: r["number"] for r in data["revisions"]}
        if data["revision"] not in numbers:
            raise PackageRefused(tr("{source} is onvolledig: de versie van een hoofdlijn ontbreekt.").format(
                source=source))
        for revision in data["revisions"]:
            report.count("revisions", serialize.put_revision(session, section_id, revision, source, revisions))
        pointers.append((section, uuid.UUID(data["revision"]), numbers[data["revision"]]))
    session.flush()
    for section, round_revision, number in pointers:
        # The party's workspace follows the round, but never moves a section
        # back to an older text than one it already has.
        current = revisions.get(section.current_revision_id)
        if current is None or current.number <= number:
            section.current_revision_id = round_revision
    return sections


def _apply_rounds(session: Session, content: dict, agreement_id: uuid.UUID, report: ImportReport) -> list:
    """New rounds, without their entries yet: revisions name their round, entries their revision."""
    new_rounds = []
    for data in content["rounds"]:
        ident = uuid.UUID(data["id"])
        if session.get(Round, ident) is not None:
            report.count("rounds", "unchanged")
            continue
        published = Round(id=ident, agreement_id=agreement_id, number=data["number"], label=data["label"],
                          is_final=data["is_final"], published_at=serialize.parse_moment(data["published_at"]),
                          published_by=data["published_by"], note=data["note"])
        session.add(published)
        new_rounds.append((published, data["entries"]))
        report.count("rounds", "new")
    session.flush()
    return new_rounds


def _apply_round_entries(session: Session, new_rounds: list) -> None:
    for published, entries in new_rounds:
        for entry in entries:
            session.add(RoundSection(round=published, section_id=uuid.UUID(entry["section"]),
                                     revision_id=uuid.UUID(entry["revision"]),
                                     chapter_position=entry["chapter_position"],
                                     section_position=entry["section_position"],
                                     chapter_title=entry["chapter_title"], title=entry["title"],
                                     status=entry["status"]))


def _apply_amendments(session: Session, content: dict, own_party: uuid.UUID | None, parties: dict,
                      report: ImportReport) -> None:
    known = serialize.load_all(session, Amendment, selectinload(Amendment.co_submissions))
    agreement_id = content_agreement(content)
    requests = cosubmissions.published_requests(content)
    # Our amendments that the council amended by accepting a subamendment: their text is now the griffie's.
    amended = {d["parent"] for d in content["amendments"] if d.get("parent")
               and d["status"] in (AmendmentStatus.ACCEPTED.value, AmendmentStatus.PARTLY_ACCEPTED.value)}
    for data in content["amendments"]:
        ident = uuid.UUID(data["id"])
        values = serialize.amendment_values(data)
        existing = known.get(ident)
        if existing is not None and existing.party_id == own_party:
            # Our own amendment: take the griffie's decision and number, keep our own text.
            if values["number"] is not None and existing.number != values["number"]:
                existing.number = values["number"]
            if data["id"] in amended and existing.status.is_open:
                existing.proposed_text, existing.proposed_title = data["proposed_text"], data["proposed_title"]
            if values["status"].is_decided and existing.status != values["status"]:
                for key in ("status", "decision_note", "decided_by", "decided_at"):
                    setattr(existing, key, values[key])
                report.count("amendments", "updated")
            else:
                report.count("amendments", "unchanged")
            theirs = Wording(data["headline"], data["explanation"], data["proposed_title"],
                             data["proposed_text"], _text_of(session, values["base_revision_id"]))
            differs = wording_changed(theirs, cosubmissions.wording_of(session, existing))
            cosubmissions.follow_round(session, existing, requests.get(ident, []), own_party, parties, differs)
            continue
        outcome, amendment = serialize.upsert(session, Amendment, ident, dict(values, agreement_id=agreement_id), known)
        cosubmissions.follow_round(session, amendment, requests.get(ident, []), own_party, parties, False)
        report.count("amendments", outcome)


def _text_of(session: Session, revision_id: uuid.UUID | None) -> str | None:
    revision = session.get(Revision, revision_id) if revision_id is not None else None
    return revision.text if revision is not None else None


def content_agreement(content: dict) -> uuid.UUID:
    return uuid.UUID(content["agreement"]["id"])


def _apply_endorsements(session: Session, content: dict, own_party: uuid.UUID | None, report: ImportReport) -> None:
    index = serialize.endorsement_index(session)
    for data in content["endorsements"]:
        if own_party is not None and data["party"] == str(own_party):
            target = uuid.UUID(data["amendment"] or data["section"])
            if (own_party, target) in index:  # our own position here is the newer one
                report.count("endorsements", "unchanged")
                continue
        report.count("endorsements", serialize.put_endorsement(session, data, lambda: new_id(session), index))


def _apply_tasks(session: Session, content: dict, agreement_id: uuid.UUID, sections: dict,
                 own_party: uuid.UUID | None, report: ImportReport) -> None:
    known = serialize.load_all(session, Task, selectinload(Task.sections))
    for data in content["tasks"]:
        ident = uuid.UUID(data["id"])
        mine = known.get(ident)
        if (mine is not None and own_party is not None and mine.proposed_by_party_id == own_party
                and data["status"] == "proposed"):
            report.count("tasks", "unchanged")  # our own proposal, perhaps edited since we sent it
            continue
        outcome, task = serialize.upsert(session, Task, ident, serialize.task_values(data, agreement_id), known)
        serialize.set_task_sections(task, data["sections"], sections)
        report.count("tasks", outcome)
