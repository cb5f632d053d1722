"""Counting a vote: who is in the council, how each party and member votes, and what the majority decides.

The counting needs no database, so the dialog shows the outcome while the
clerk clicks, and the operation records exactly what was shown.

Votes are per member. A party's seats are its members: the named ones, and
for a party with fewer names than seats the unnamed seats, which always vote
with the party. A named member may be absent or vote otherwise than the
party (a split vote). The majority of the votes cast (members present who
vote) decides; equal numbers are a tie (staking van stemmen), which decides
nothing.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from raadsakkoord.base.errors import InputError
from raadsakkoord.base.i18n import mark, tr
from raadsakkoord.model import Amendment, Endorsement, Party, Position, Section

FOR, AGAINST = "for", "against"
ADOPTED, REJECTED, TIED = "adopted", "rejected", "tied"

CHOICE_LABELS = {FOR: mark("voor"), AGAINST: mark("tegen")}


@dataclass(frozen=True)
class CouncilParty:
    id: uuid.UUID
    short_name: str
    name: str
    colour: str
    seats: int
    members: tuple[str, ...]


@dataclass(frozen=True)
class PartyCount:
    party: CouncilParty
    stance: str  # "for", "against", or "" when all its members were absent
    votes_for: int
    votes_against: int
    absent: tuple[str, ...]
    split: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Count:
    parties: tuple[PartyCount, ...]
    votes_for: int
    votes_against: int
    absent: int

    @property
    def outcome(self) -> str:
        if self.votes_for > self.votes_against:
            return ADOPTED
        if self.votes_against > self.votes_for:
            return REJECTED
        return TIED


def council(session: Session) -> tuple[CouncilParty, ...]:
    """The parties with seats, largest first, with their members by name."""
    parties = session.scalars(sa.select(Party).options(selectinload(Party.members))
                              .where(Party.seats > 0).order_by(Party.seats.desc(), Party.short_name)).all()
    return tuple(CouncilParty(p.id, p.short_name, p.name, p.colour, p.seats, tuple(m.name for m in p.members))
                 for p in parties)


def member_party(parties: Iterable[CouncilParty], name: str) -> CouncilParty:
    """The party of the council member called ``name``; InputError naming the problem if there is not exactly one."""
    wanted = " ".join(name.split()).casefold()
    found = [p for p in parties if any(m.casefold() == wanted for m in p.members)]
    if not found:
        raise InputError(tr("Er is geen raadslid '{name}' bij de fracties; voer de namen in bij de fractie.").format(
            name=name.strip()))
    if len(found) > 1:
        raise InputError(tr("Er zijn raadsleden met de naam '{name}' bij {parties}; de stemming kan ze niet "
                            "uit elkaar houden.").format(name=name.strip(),
                                                        parties=", ".join(p.short_name for p in found)))
    return found[0]


def _member_name(party: CouncilParty, name: str) -> str:
    wanted = " ".join(name.split()).casefold()
    return next(m for m in party.members if m.casefold() == wanted)


def count_votes(parties: tuple[CouncilParty, ...], stances: Mapping[uuid.UUID, str],
                absent: Iterable[str] = (), split: Iterable[tuple[str, str]] = ()) -> Count:
    """Count a vote; InputError with one clear sentence for anything that does not add up.

    ``stances`` gives each party's vote ("for"/"against") by party id; a
    party may be left out only when all its seats are named absent.
    ``absent`` names members; ``split`` gives (member, "for"/"against") for
    members voting otherwise than their party.
    """
    known = {p.id: p for p in parties}
    for party_id, stance in stances.items():
        if party_id not in known:
            raise InputError(tr("Onbekende fractie in de stemming: {party}").format(party=party_id))
        if stance not in (FOR, AGAINST):
            raise InputError(tr("Een fractie stemt voor of tegen, niet '{stance}'.").format(stance=stance))
    away: dict[uuid.UUID, list[str]] = {}
    for name in absent:
        party = member_party(parties, name)
        member = _member_name(party, name)
        if member in away.setdefault(party.id, []):
            raise InputError(tr("Raadslid {name} staat twee keer bij de afwezigen.").format(name=member))
        away[party.id].append(member)
    otherwise: dict[uuid.UUID, list[tuple[str, str]]] = {}
    for name, choice in split:
        party = member_party(parties, name)
        member = _member_name(party, name)
        if choice not in (FOR, AGAINST):
            raise InputError(tr("Geef bij raadslid {name} aan of het voor of tegen stemt (niet '{choice}').").format(
                name=member, choice=choice))
        if member in away.get(party.id, []):
            raise InputError(tr("Raadslid {name} staat bij de afwezigen én stemt anders dan de fractie; "
                                "kies één van beide.").format(name=member))
        if any(other == member for other, _ in otherwise.get(party.id, [])):
            raise InputError(tr("Raadslid {name} staat twee keer bij wie anders stemt.").format(name=member))
        if stances.get(party.id) == choice:
            raise InputError(tr("Raadslid {name} stemt {choice}, net als {party}; geef alleen wie anders stemt "
                                "dan de fractie.").format(name=member, choice=tr(CHOICE_LABELS[choice]),
                                                          party=party.short_name))
        otherwise.setdefault(party.id, []).append((member, choice))
    counts = []
    for party in parties:
        stance = stances.get(party.id, "")
        gone = tuple(away.get(party.id, ()))
        turned = tuple(otherwise.get(party.id, ()))
        with_party = party.seats - len(gone) - len(turned)
        if not stance and with_party > 0:
            raise InputError(tr("Geef aan of {party} voor of tegen stemt (of meld al haar leden afwezig).").format(
                party=party.short_name))
        votes_for = sum(1 for _, choice in turned if choice == FOR) + (with_party if stance == FOR else 0)
        votes_against = sum(1 for _, choice in turned if choice == AGAINST) + (
            with_party if stance == AGAINST else 0)
        counts.append(PartyCount(party, stance, votes_for, votes_against, gone, turned))
    total_for = sum(c.votes_for for c in counts)
    total_against = sum(c.votes_against for c in counts)
    if total_for + total_against == 0:
        raise InputError(tr("Er heeft niemand gestemd; geef per fractie aan of zij voor of tegen stemt."))
    return Count(tuple(counts), total_for, total_against, sum(len(c.absent) for c in counts))


def outcome_sentence(outcome: str, votes_for: int, votes_against: int, absent: int,
                     translate: Callable[[str], str] = tr) -> str:
    """"Aangenomen met 20 stemmen voor en 11 tegen (2 afwezig)"; exports pass ``str`` to keep it Dutch."""
    if outcome == TIED:
        text = translate(mark("Staking van stemmen: {votes_for} voor en {votes_against} tegen"))
    elif outcome == ADOPTED:
        text = translate(mark("Aangenomen met {votes_for} stemmen voor en {votes_against} tegen"))
    else:
        text = translate(mark("Verworpen met {votes_for} stemmen voor en {votes_against} tegen"))
    text = text.format(votes_for=votes_for, votes_against=votes_against)
    if absent:
        text += " " + translate(mark("({n} afwezig)")).format(n=absent)
    return text


def vote_note(outcome: str, votes_for: int, votes_against: int, absent: int, meeting: dt.date | None) -> str:
    """The vote in one Dutch sentence, as the decision's note and the book print it."""
    text = outcome_sentence(outcome, votes_for, votes_against, absent, str)
    if meeting is not None:
        text += f", in de raadsvergadering van {meeting_words(meeting, str)}"
    return text + "."


def adoption_sentence(votes_for: int, votes_against: int, meeting: dt.date | None) -> str:
    """The final vote on the cover, in Dutch as every export prints it."""
    counts = f"met {votes_for} {'stem' if votes_for == 1 else 'stemmen'} voor en {votes_against} tegen"
    if meeting is None:
        return f"Vastgesteld door de gemeenteraad {counts}."
    return f"Vastgesteld in de raadsvergadering van {meeting_words(meeting, str)}, {counts}."


def party_line(short_name: str, votes_for: int, votes_against: int, absent: tuple[str, ...],
               split: tuple[tuple[str, str], ...], translate: Callable[[str], str] = tr) -> str:
    """"GL: 7 voor" or "RP: 4 tegen, 1 voor (Piet de Vries); afwezig: Anna Jansen"."""
    parts = []
    if votes_for:
        parts.append(translate(mark("{n} voor")).format(n=votes_for))
    if votes_against:
        parts.append(translate(mark("{n} tegen")).format(n=votes_against))
    if votes_against > votes_for:
        parts.reverse()
    line = f"{short_name}: " + (", ".join(parts) or translate(mark("niet gestemd")))
    if split:
        line += "; " + translate(mark("anders dan de fractie: {names}")).format(
            names=", ".join(f"{name} ({translate(CHOICE_LABELS[choice])})" for name, choice in split))
    if absent:
        line += "; " + translate(mark("afwezig: {names}")).format(names=", ".join(absent))
    return line


def meeting_words(meeting: dt.date, translate: Callable[[str], str] = tr) -> str:
    """"4 december 2026": how a meeting date is written in a sentence."""
    months = (mark("januari"), mark("februari"), mark("maart"), mark("april"), mark("mei"), mark("juni"),
              mark("juli"), mark("augustus"), mark("september"), mark("oktober"), mark("november"),
              mark("december"))
    return f"{meeting.day} {translate(months[meeting.month - 1])} {meeting.year}"


def default_stances(session: Session, kind: str, amendment_id: uuid.UUID | None,
                    section_id: uuid.UUID | None) -> dict[uuid.UUID, str]:
    """Each party's vote as its recorded position suggests: supports → for, opposes → against.

    For an amendment, the position on the amendment; for a section, the
    position on its current text (an older one no longer counts). A party
    that abstains or gave none is left for the clerk to fill in.
    """
    if kind == "amendment" and amendment_id is not None:
        where = Endorsement.amendment_id == amendment_id
    elif kind == "section" and section_id is not None:
        current = sa.select(Section.current_revision_id).where(Section.id == section_id).scalar_subquery()
        where = sa.and_(Endorsement.section_id == section_id, Endorsement.revision_id == current)
    else:
        return {}
    rows = session.execute(sa.select(Endorsement.party_id, Endorsement.position).where(where)).all()
    votes = {Position.SUPPORT: FOR, Position.OPPOSE: AGAINST}
    stances = {party_id: votes[position] for party_id, position in rows if position in votes}
    if kind == "amendment":
        # The submitting party rarely records a position on its own amendment: it is for it.
        submitter = session.scalar(sa.select(Amendment.party_id).where(Amendment.id == amendment_id))
        if submitter is not None and not any(party_id == submitter for party_id, _ in rows):
            stances[submitter] = FOR
    return stances


def count_words(count: Count, translate: Callable[[str], str] = tr) -> str:
    """The count in one sentence, with a word for a tie: what the dialog shows while the clerk clicks."""
    text = outcome_sentence(count.outcome, count.votes_for, count.votes_against, count.absent, translate)
    if count.outcome == TIED:
        text += ". " + translate(mark("De voorzitter beslist hoe verder; er kan opnieuw worden gestemd."))
    return text
