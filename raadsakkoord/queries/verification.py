"""Verifying the audit trail: the chain, its head, its anchors, and the values it vouches for.

One function for the window's log view (through the worker), and the
command line. The chain alone shows that no event was changed or removed in
its middle; the head shows that none was removed at its end; the anchors
(events named in published rounds and in sent packages, which others hold)
show that the chain was not rewritten before them. The values that people
read as fact (texts, positions, statuses, seats) must be what the newest
event about each says, so a change made to them outside Raadsakkoord is
found even when the chain itself is left alone.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from raadsakkoord.base.i18n import tr, trn
from raadsakkoord.base.text import sha256_hex
from raadsakkoord.model import (
    Agreement,
    Amendment,
    AmendmentStatus,
    AuditAnchor,
    AuditEvent,
    AuditHead,
    Chapter,
    Party,
    Position,
    Revision,
    Round,
    Section,
)
from raadsakkoord.queries.auditstate import GONE, UNKNOWN, Replay, State, capture
from raadsakkoord.queries.labels import POSITION_LABELS, STATUS_LABELS
from raadsakkoord.store.audit import ChainReport, read_head, verify_chain


@dataclass(frozen=True)
class AuditReport:
    """The outcome, each problem one sentence in the user's language naming what differs."""

    chain: ChainReport
    problems: tuple[str, ...] = ()
    # Values that older versions did not log, so they cannot be checked.
    unverifiable: int = 0

    @property
    def ok(self) -> bool:
        return self.chain.ok and not self.problems

    @property
    def events(self) -> int:
        return self.chain.events

    @property
    def broken_at(self) -> int | None:
        return self.chain.broken_at

    @property
    def message(self) -> str:
        return self.chain.message

    def lines(self) -> list[str]:
        """The whole report as sentences, for the command line and the log view."""
        lines = [] if self.chain.ok else [self.chain.message]
        lines.extend(self.problems)
        if self.unverifiable:
            lines.append(trn(
                "{count} gegeven kon niet worden nagegaan: een oudere versie van Raadsakkoord legde het "
                "niet vast in het logboek.",
                "{count} gegevens konden niet worden nagegaan: een oudere versie van Raadsakkoord legde ze "
                "niet vast in het logboek.", self.unverifiable).format(count=self.unverifiable))
        if self.ok:
            lines.insert(0, self.chain.message)
        return lines


def verify(session: Session) -> AuditReport:
    """Check the chain, its head and anchors, every revision's text, and the values the log vouches for.

    The log is read once; what follows the events is compared with the
    workspace as it stands, so a large workspace takes little more than its chain.
    """
    head = read_head(session)
    replay = Replay(head.verified_from if head is not None else 1)
    chain = verify_chain(session, each=replay)
    problems: list[str] = []
    problems.extend(_head_problems(session, head))
    problems.extend(_anchor_problems(session))
    names = _Names(session)
    problems.extend(_seat_total(session, names))
    if not chain.ok:
        # Past a break the log cannot be followed: only what needs no log is checked.
        problems.extend(_revision_problems(session, names, None, blind=True)[0])
        return AuditReport(chain, tuple(problems))
    found, unverifiable = _revision_problems(session, names, replay.state.revisions, blind=replay.blind)
    problems.extend(found)
    found, more = _state_problems(capture(session), replay, names)
    problems.extend(found)
    return AuditReport(chain, tuple(problems), unverifiable + more)


def _newest(session: Session):
    return session.execute(sa.select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)).first()


def _head_problems(session: Session, head: AuditHead | None) -> list[str]:
    newest = _newest(session)
    if head is None:
        if newest is None and session.scalar(sa.select(Agreement.id).limit(1)) is None:
            return []  # an empty workspace
        return [tr("De kop van het logboek ontbreekt: er is buiten Raadsakkoord om in de werkruimte geschreven.")]
    if newest is None:
        return [trn("Het logboek is leeg, maar de kop van het logboek noemt {count} gebeurtenis: "
                    "alle gebeurtenissen zijn weggehaald.",
                    "Het logboek is leeg, maar de kop van het logboek noemt {count} gebeurtenissen: "
                    "alle gebeurtenissen zijn weggehaald.", head.seq).format(count=head.seq)]
    if newest.seq < head.seq:
        missing = head.seq - newest.seq
        return [trn("Het logboek eindigt bij gebeurtenis {seq}, maar de kop van het logboek noemt gebeurtenis "
                    "{head}: de nieuwste gebeurtenis is weggehaald.",
                    "Het logboek eindigt bij gebeurtenis {seq}, maar de kop van het logboek noemt gebeurtenis "
                    "{head}: de nieuwste {count} gebeurtenissen zijn weggehaald.", missing).format(
                        seq=newest.seq, head=head.seq, count=missing)]
    if newest.seq > head.seq:
        return [tr("Het logboek loopt door tot gebeurtenis {seq}, maar de kop van het logboek noemt gebeurtenis "
                   "{head}: er zijn gebeurtenissen buiten Raadsakkoord om toegevoegd.").format(
                       seq=newest.seq, head=head.seq)]
    if newest.hash != head.hash:
        return [tr("De nieuwste gebeurtenis ({seq}) is niet de gebeurtenis die de kop van het logboek noemt: "
                   "zij is vervangen.").format(seq=newest.seq)]
    return []


def _anchor_problems(session: Session) -> list[str]:
    """Every point of our chain that went out must still be in it, with the same hash."""
    rounds = {f"round:{r.id}": r for r in session.scalars(sa.select(Round))}
    issued = {a.subject: a for a in session.scalars(sa.select(AuditAnchor).where(AuditAnchor.issued.is_(True)))}
    points: dict[str, tuple[int, str]] = {subject: (a.seq, a.hash) for subject, a in issued.items()}
    problems = []
    for subject, published in rounds.items():
        if published.audit_seq is None:
            continue  # published by an older version, or received from the griffie
        point = (published.audit_seq, published.audit_hash)
        if subject in points and points[subject] != point:
            problems.append(tr("Ronde '{round}' noemt een ander anker in het logboek dan de werkruimte bij het "
                               "publiceren vastlegde.").format(round=published.label))
        points.setdefault(subject, point)
    if not points:
        return problems
    wanted = {seq for seq, _ in points.values()}
    in_chain = {seq: digest for seq, digest in session.execute(
        sa.select(AuditEvent.seq, AuditEvent.hash).where(AuditEvent.seq.in_(wanted)))}
    for subject, (seq, digest) in sorted(points.items(), key=lambda item: item[1][0]):
        what = _subject_label(subject, rounds, issued.get(subject))
        if seq not in in_chain:
            problems.append(tr("{what} verwijst naar gebeurtenis {seq} van het logboek, maar die gebeurtenis "
                               "is weggehaald.").format(what=what, seq=seq))
        elif in_chain[seq] != digest:
            problems.append(tr("{what} verwijst naar gebeurtenis {seq} van het logboek, maar die gebeurtenis is "
                               "een andere geworden: het logboek is herschreven.").format(what=what, seq=seq))
    return problems


def _subject_label(subject: str, rounds: dict, anchor: AuditAnchor | None) -> str:
    if subject in rounds:
        return tr("Ronde '{round}'").format(round=rounds[subject].label)
    if subject.startswith("round:"):
        return tr("Een gepubliceerde ronde")
    when = anchor.recorded_at.astimezone().strftime("%d-%m-%Y %H:%M") if anchor is not None else "?"
    return tr("Het pakket verzonden op {when}").format(when=when)


class _Names:
    """How a user knows each thing: a section by number and title, a party by short name."""

    def __init__(self, session: Session) -> None:
        self.parties = {str(i): (short, seats) for i, short, seats in
                        session.execute(sa.select(Party.id, Party.short_name, Party.seats))}
        self.sections = {
            str(i): tr("hoofdlijn {number} ({title})").format(number=f"{chapter}.{position}", title=title)
            for i, chapter, position, title in session.execute(
                sa.select(Section.id, Chapter.position, Section.position, Section.title).join(Section.chapter))}
        self.amendments = {str(i): headline for i, headline in
                           session.execute(sa.select(Amendment.id, Amendment.headline))}

    def party(self, ident: str) -> str:
        return self.parties[ident][0] if ident in self.parties else tr("een onbekende fractie")

    def amendment(self, ident: str) -> str:
        return tr("amendement '{headline}'").format(headline=self.amendments.get(ident, "?"))

    def target(self, ident: str) -> str:
        return self.sections[ident] if ident in self.sections else self.amendment(ident)

    def section(self, ident: uuid.UUID) -> str:
        return self.sections.get(str(ident), tr("een onbekende hoofdlijn"))


def _seat_total(session: Session, names: _Names) -> list[str]:
    council = session.scalar(sa.select(Agreement.council_seats).limit(1))
    total = sum(seats for _, seats in names.parties.values())
    if council is not None and total > council:
        return [tr("De fracties hebben samen {total} zetels, meer dan de {council} zetels van de raad.").format(
            total=total, council=council)]
    return []


def _revision_problems(session: Session, names: _Names, logged: dict | None, *,
                       blind: bool) -> tuple[list[str], int]:
    problems, unverifiable = [], 0
    query = sa.select(Revision.id, Revision.section_id, Revision.number, Revision.text, Revision.sha256).order_by(
        Revision.section_id, Revision.number)
    for ident, section_id, number, text, stored in session.execute(query):
        where = tr("De tekst van {section}, versie {number},").format(section=names.section(section_id),
                                                                     number=number)
        if sha256_hex(text) != stored:
            problems.append(tr("{where} klopt niet met zijn vingerafdruk: de tekst is achteraf gewijzigd.").format(
                where=where))
            continue
        if logged is None:
            continue
        expected = logged.get(str(ident))
        if expected is None:
            if blind:
                unverifiable += 1
            else:
                problems.append(tr("{where} staat niet in het logboek: de versie is buiten Raadsakkoord om "
                                   "toegevoegd.").format(where=where))
        elif expected == UNKNOWN:
            unverifiable += 1
        elif expected != stored:
            problems.append(tr("{where} is een andere dan het logboek vastlegde toen de versie werd gemaakt: "
                               "de tekst en zijn vingerafdruk zijn achteraf gewijzigd.").format(where=where))
    return problems, unverifiable


def _position(value: str) -> str:
    try:
        return tr(POSITION_LABELS[Position(value)])
    except ValueError:
        return value


def _status(value: str) -> str:
    try:
        return tr(STATUS_LABELS[AmendmentStatus(value)])
    except ValueError:
        return value


def _state_problems(now: State, replay: Replay, names: _Names) -> tuple[list[str], int]:
    logged, blind = replay.state, replay.blind
    problems: list[str] = []
    unverifiable = 0

    def absent(message: str) -> None:
        nonlocal unverifiable
        if blind:
            unverifiable += 1
        else:
            problems.append(message)

    if now.council_seats is not None:
        if logged.council_seats is None:
            absent(tr("Het aantal zetels van de raad staat niet in het logboek."))
        elif logged.council_seats == UNKNOWN:
            unverifiable += 1
        elif logged.council_seats != now.council_seats:
            problems.append(tr("De raad heeft {now} zetels, maar volgens het logboek {logged}.").format(
                now=now.council_seats, logged=logged.council_seats))
    for ident, seats in now.parties.items():
        expected = logged.parties.get(ident)
        if expected is None:
            absent(tr("Fractie {party} staat niet in het logboek.").format(party=names.party(ident)))
        elif expected == UNKNOWN:
            unverifiable += 1
        elif expected != seats:
            problems.append(trn("Fractie {party} heeft {now} zetels, maar volgens het logboek {logged} zetel.",
                                "Fractie {party} heeft {now} zetels, maar volgens het logboek {logged} zetels.",
                                expected).format(party=names.party(ident), now=seats, logged=expected))
    for ident, status in now.amendments.items():
        expected = logged.amendments.get(ident)
        what = names.amendment(ident)
        if expected is None:
            absent(tr("{Amendment} staat niet in het logboek.").format(Amendment=_capital(what)))
        elif expected == UNKNOWN:
            unverifiable += 1
        elif expected != status:
            problems.append(tr("{Amendment} is {now}, maar volgens het logboek {logged}.").format(
                Amendment=_capital(what), now=_status(status), logged=_status(expected)))
    for key, value in now.endorsements.items():
        party, target = key.split("/", 1)
        who, what = names.party(party), names.target(target)
        expected = logged.endorsements.get(key)
        if expected is None or expected == GONE:
            absent(tr("Het standpunt van {party} over {target} staat niet in het logboek.").format(
                party=who, target=what))
            continue
        position, minority = value
        if expected[0] != position:
            problems.append(tr("Het standpunt van {party} over {target} is '{now}', maar volgens het logboek "
                               "'{logged}'.").format(party=who, target=what, now=_position(position),
                                                     logged=_position(expected[0])))
        elif expected[1] == UNKNOWN:
            unverifiable += 1
        elif expected[1] != minority:
            problems.append(tr("De minderheidspositie van {party} over {target} is een andere dan het logboek "
                               "vastlegde.").format(party=who, target=what))
    for key, expected in logged.endorsements.items():
        if expected != GONE and key not in now.endorsements:
            party, target = key.split("/", 1)
            problems.append(tr("Het standpunt van {party} over {target} is weggehaald; het logboek noemt het "
                               "wel.").format(party=names.party(party), target=names.target(target)))
    return problems, unverifiable


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
