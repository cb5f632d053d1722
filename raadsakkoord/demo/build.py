"""Building the demo workspace from ``content`` through the real operations.

Everything goes through ``raadsakkoord.operations``, as a user's actions
would, so the demo also shows that the operations carry the whole workflow:
setup, endorsing, round 1, amendments and decisions, round 2, new
amendments. A fixed clock and a seeded id generator make it deterministic.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from raadsakkoord import operations as ops
from raadsakkoord.demo import content
from raadsakkoord.base.errors import UserError
from raadsakkoord.model import AmendmentKind, AmendmentStatus, Position, Section
from raadsakkoord.store.workspace import Workspace, open_workspace

TZ = ZoneInfo("Europe/Amsterdam")
SETUP_DATE = dt.date(2026, 8, 24)
# Parties that have not yet confirmed their support for texts changed in round 2,
# so the demo shows stale support.
LATE_CONFIRMERS = ("SP", "50PLUS")


class DemoClock:
    """Office hours in Assen, advancing a few minutes per action."""

    def __init__(self, day: dt.date) -> None:
        self.set_day(day)

    def set_day(self, day: dt.date) -> None:
        self._moment = dt.datetime.combine(day, dt.time(9, 0), TZ)

    def __call__(self) -> dt.datetime:
        self._moment += dt.timedelta(minutes=3)
        if self._moment.hour >= 17:
            self._moment = dt.datetime.combine(self._moment.date() + dt.timedelta(days=1), dt.time(9, 0), TZ)
        return self._moment.astimezone(dt.timezone.utc)


def _id_factory(seed: int):
    rng = random.Random(seed)
    return lambda: uuid.UUID(int=rng.getrandbits(128), version=4)


def create_demo_workspace(target: str | Path) -> Workspace:
    """Create the demo in a new workspace; a failure leaves no half-made file behind."""
    workspace = open_workspace(target, create=True)
    try:
        with workspace.action() as session:
            build_demo(session)
    except BaseException:
        workspace.close()
        if "://" not in str(target):
            for suffix in ("", "-wal", "-shm"):
                Path(f"{target}{suffix}").unlink(missing_ok=True)
        raise
    return workspace


class _Builder:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.clock = DemoClock(SETUP_DATE)
        session.info["clock"] = self.clock
        session.info["new_id"] = _id_factory(2026)
        self.griffie = ops.Actor.griffie(content.CONTACT_NAME)
        self.parties: dict[str, uuid.UUID] = {}
        self.actors: dict[str, ops.Actor] = {}
        self.chapters: dict[str, uuid.UUID] = {}
        self.sections: dict[str, uuid.UUID] = {}

    def run(self) -> None:
        self.set_up()
        self.endorse_all()
        self.clock.set_day(dt.date.fromisoformat(content.ROUND_DATES[0]))
        ops.publish_round(self.session, self.griffie, note="Eerste concept, op basis van de inbreng van alle fracties.")
        self.clock.set_day(dt.date.fromisoformat(content.ROUND_DATES[0]) + dt.timedelta(days=3))
        self.amend(1)
        self.editorial_revisions()
        self.clock.set_day(dt.date.fromisoformat(content.ROUND_DATES[1]))
        ops.publish_round(self.session, self.griffie, note="Tweede concept, met de besluiten over de amendementen.")
        self.clock.set_day(dt.date.fromisoformat(content.ROUND_DATES[1]) + dt.timedelta(days=2))
        self.endorse_all(skip=LATE_CONFIRMERS)
        self.amend(2)
        self.add_tasks()

    def set_up(self) -> None:
        s, g = self.session, self.griffie
        ops.create_agreement(s, g, title=content.TITLE, municipality=content.MUNICIPALITY,
                             council_seats=content.SEATS, term=content.TERM, preamble=content.PREAMBLE,
                             contact_name=content.CONTACT_NAME, contact_phone=content.CONTACT_PHONE,
                             contact_email=content.CONTACT_EMAIL)
        for party in content.PARTIES:
            created = ops.add_party(s, g, name=party.name, short_name=party.short_name, seats=party.seats,
                                    colour=party.colour, leader=party.leader, contact=party.contact)
            self.parties[party.short_name] = created.id
            self.actors[party.short_name] = ops.Actor.of_party(created.id, party.leader)
            ops.set_members(s, g, created.id, list(content.MEMBERS[party.short_name]))
        for chapter in content.CHAPTERS:
            created = ops.add_chapter(s, g, title=chapter.title, intro=chapter.intro)
            self.chapters[chapter.title] = created.id
            for section in chapter.sections:
                proposer = self.parties[section.proposed_by] if section.proposed_by else None
                self.sections[section.key] = ops.add_section(
                    s, g, chapter_id=created.id, title=section.title, text=section.text,
                    proposing_party_id=proposer).id

    def endorse_all(self, skip: tuple[str, ...] = ()) -> None:
        """Every party's position on every section's current text (support unless stated)."""
        explicit = {(p.section_key, p.party): p for p in content.POSITIONS}
        for key, section_id in self.sections.items():
            for short_name, actor in self.actors.items():
                if short_name in skip:
                    continue
                position = explicit.get((key, short_name))
                ops.endorse_section(
                    self.session, actor, section_id,
                    Position(position.position) if position else Position.SUPPORT,
                    minority_position=position.minority_position if position else "")

    def _current_text(self, section_key: str) -> str:
        return self.session.get(Section, self.sections[section_key]).text

    def amend(self, round_number: int) -> None:
        amendments = [a for a in content.AMENDMENTS if a.round == round_number]
        created = {}
        for item in amendments:
            actor = self.actors[item.party]
            co = [self.parties[p] for p in item.co_parties]
            common = dict(headline=item.headline, explanation=item.explanation, co_party_ids=co,
                          submit=item.outcome != "draft")
            if item.kind == "new_section":
                amendment = ops.propose_amendment(
                    self.session, actor, kind=AmendmentKind.NEW_SECTION,
                    chapter_id=self.chapters[item.chapter_title], title=item.new_title, text=item.new_text, **common)
            elif item.kind == "delete":
                amendment = ops.propose_amendment(self.session, actor, kind=AmendmentKind.DELETE,
                                                  section_id=self.sections[item.section_key], **common)
            else:
                text = content.apply_edits(self._current_text(item.section_key), item.edits)
                amendment = ops.propose_amendment(self.session, actor, kind=AmendmentKind.MODIFY,
                                                  section_id=self.sections[item.section_key], text=text, **common)
            created[item.key] = amendment
            for short_name in item.co_parties:
                # Each co-submitter puts its own name under the amendment.
                ops.confirm_co_submission(self.session, self.actors[short_name], amendment.id)
            if item.outcome != "draft":
                self.endorse_amendment(amendment.id, item)
        self.clock.set_day(self.clock().date() + dt.timedelta(days=7))
        for item in amendments:
            self.decide(created[item.key], item)

    def endorse_amendment(self, amendment_id: uuid.UUID, item: content.DemoAmendment) -> None:
        """Submitters support; the others take a position that follows from the outcome."""
        rng = random.Random(item.key)
        for short_name, actor in self.actors.items():
            if short_name == item.party or short_name in item.co_parties:
                position = Position.SUPPORT
            elif item.outcome in ("accepted", "partly_accepted"):
                position = rng.choice([Position.SUPPORT, Position.SUPPORT, Position.ABSTAIN, Position.OPPOSE])
            elif item.outcome == "rejected":
                position = rng.choice([Position.OPPOSE, Position.OPPOSE, Position.ABSTAIN, Position.SUPPORT])
            else:
                position = rng.choice([Position.SUPPORT, Position.OPPOSE, Position.ABSTAIN])
            ops.endorse_amendment(self.session, actor, amendment_id, position)

    def decide(self, amendment, item: content.DemoAmendment) -> None:
        s, g = self.session, self.griffie
        if item.outcome in ("submitted", "draft"):
            return
        if item.outcome == "withdrawn":
            ops.withdraw_amendment(s, self.actors[item.party], amendment.id, reason=item.decision_note)
            return
        decision = AmendmentStatus(item.outcome)
        compromise = None
        if decision == AmendmentStatus.PARTLY_ACCEPTED:
            compromise = content.apply_edits(self._current_text(item.section_key), item.compromise_edits)
        ops.decide_amendment(s, g, amendment.id, decision, note=item.decision_note, compromise_text=compromise)

    def editorial_revisions(self) -> None:
        for revision in content.EDITORIAL_REVISIONS:
            text = content.apply_edits(self._current_text(revision.section_key), revision.edits)
            ops.revise_section(self.session, self.griffie, self.sections[revision.section_key], text,
                               reason=revision.reason)

    def add_tasks(self) -> None:
        for task in content.TASKS:
            ops.add_task(self.session, self.griffie, title=task.title, description=task.description,
                         participation_level=task.participation_level,
                         section_ids=[self.sections[k] for k in task.section_keys],
                         portfolio_holder=task.portfolio_holder, stakeholders=task.stakeholders,
                         due_date=dt.date.fromisoformat(task.due), budget_eur=task.budget_eur,
                         status=task.status)


def build_demo(session: Session) -> None:
    try:
        _Builder(session).run()
    except UserError as exc:  # the content is ours: a refusal here is a bug in the demo
        raise RuntimeError(f"demo content refused by the operations: {exc.message}") from exc
