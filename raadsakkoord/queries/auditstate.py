"""The values the audit log vouches for, as they stand and as the log tells them.

These are what a council member reads as fact: a party's seats and the
council's size, each amendment's status, each party's position (and the
text of its minority position, by hash) on a section or amendment, and the
hash of every revision's text. ``capture`` reads them from the workspace;
``replay`` follows the log's events to what they should be. An import
writes many of them at once, so its event carries ``changes`` between what
it found and what it left.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session

from raadsakkoord.base.text import sha256_hex
from raadsakkoord.model import (
    Agreement,
    Amendment,
    AuditEvent,
    Endorsement,
    Party,
    Revision,
)

# A value the event that set it did not record (written by an older version).
UNKNOWN = "?"
# A position that the log says was taken away.
GONE = "-"


def endorsement_key(party, target) -> str:
    """A position is one party's on one target (a section or an amendment)."""
    return f"{party}/{target}"


@dataclass
class State:
    council_seats: int | str | None = None
    parties: dict[str, int | str] = field(default_factory=dict)
    amendments: dict[str, str] = field(default_factory=dict)
    endorsements: dict[str, list | str] = field(default_factory=dict)  # [position, minority sha256]
    revisions: dict[str, str] = field(default_factory=dict)


def _raw(column):
    # Read as stored: a ten-times agreement has tens of thousands of
    # positions, and making a UUID object of every id costs more than the rest.
    return sa.type_coerce(column, sa.String)


def _id_text(value) -> str | None:
    """An id as the log writes it (``str(uuid)``), from SQLite's 32 hex digits or PostgreSQL's UUID."""
    if value is None:
        return None
    if isinstance(value, str) and len(value) == 32:
        return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"
    return str(value)


_NO_TEXT = sha256_hex("")


def capture(session: Session) -> State:
    """The values as the workspace holds them now (revisions: their stored hashes)."""
    state = State(council_seats=session.scalar(sa.select(Agreement.council_seats).limit(1)))
    state.parties = {_id_text(i): seats for i, seats in session.execute(sa.select(_raw(Party.id), Party.seats))}
    state.amendments = {_id_text(i): status for i, status in
                        session.execute(sa.select(_raw(Amendment.id), _raw(Amendment.status)))}
    rows = session.execute(sa.select(_raw(Endorsement.party_id), _raw(Endorsement.section_id),
                                     _raw(Endorsement.amendment_id), _raw(Endorsement.position),
                                     Endorsement.minority_position))
    state.endorsements = {
        endorsement_key(_id_text(party), _id_text(amendment or section)):
            [position, sha256_hex(minority) if minority else _NO_TEXT]
        for party, section, amendment, position, minority in rows}
    state.revisions = {_id_text(i): digest for i, digest in
                       session.execute(sa.select(_raw(Revision.id), Revision.sha256))}
    return state


def changes(before: State, after: State) -> dict:
    """What changed between two captures, for an import's audit event (empty parts left out)."""
    found: dict = {}
    if after.council_seats != before.council_seats:
        found["council_seats"] = after.council_seats
    for part in ("parties", "amendments", "endorsements", "revisions"):
        old, new = getattr(before, part), getattr(after, part)
        differ = {key: value for key, value in new.items() if old.get(key) != value}
        differ.update({key: GONE for key in old.keys() - new.keys()})
        if differ:
            found[part] = differ
    return found


# The status an amendment has after each action that sets one.
_STATUS_AFTER = {"propose_amendment": "draft", "submit_amendment": "submitted",
                 "withdraw_amendment": "withdrawn", "undo_decision": "submitted"}
_IMPORTS = ("import_round_package", "import_party_package")


class Replay:
    """Follows the log's events, oldest first, to the values they leave.

    Event kinds it does not know are passed over: they set none of these
    values (an action that does must log them, as ``state`` if need be).
    """

    # Only these events are parsed; a payload with "state" always is.
    ACTIONS = frozenset({"create_agreement", "update_agreement", "add_party", "update_party",
                         "endorse_section", "endorse_amendment", "restore_endorsement", "decide_amendment",
                         "add_section", "revise_section", *_STATUS_AFTER, *_IMPORTS})

    def __init__(self, verified_from: int = 1) -> None:
        self.state = State()
        # Events before this one were written by older versions.
        self.verified_from = verified_from
        # An import by an older version changed values without saying which:
        # from then on, a value the log does not name cannot be checked.
        self.blind = False

    def __call__(self, event: AuditEvent) -> None:
        if event.action not in self.ACTIONS and '"state":' not in event.payload:
            return
        payload = json.loads(event.payload)
        if not isinstance(payload, dict):
            return
        self.apply(event.action, payload, old=event.seq < self.verified_from)

    def apply(self, action: str, p: dict, *, old: bool = False) -> None:
        state = self.state
        if action in _IMPORTS and "state" not in p:
            if not old:
                return  # this version always says what an import set: its values are checked as they stand
            state.council_seats = None
            state.parties.clear()
            state.amendments.clear()
            state.endorsements.clear()
            self.blind = True
            return
        if action in ("create_agreement", "update_agreement") and "council_seats" in p:
            state.council_seats = p["council_seats"]
        elif action == "add_party":
            state.parties[p.get("party")] = p.get("seats", UNKNOWN)
        elif action == "update_party" and "seats" in p:
            state.parties[p.get("party")] = p["seats"]
        elif action in ("endorse_section", "endorse_amendment", "restore_endorsement"):
            target = p.get("amendment") if action == "endorse_amendment" else (p.get("section") or p.get("amendment"))
            key = endorsement_key(p.get("party"), target)
            if action == "restore_endorsement" and p.get("position") is None:
                state.endorsements[key] = GONE
            else:
                state.endorsements[key] = [p.get("position"), p.get("minority_sha256") or UNKNOWN]
        elif action in ("add_section", "revise_section"):
            state.revisions[p.get("revision")] = p.get("sha256") or UNKNOWN
        if action in _STATUS_AFTER:
            state.amendments[p.get("amendment")] = _STATUS_AFTER[action]
        elif action == "decide_amendment":
            state.amendments[p.get("amendment")] = p.get("decision", UNKNOWN)
        if action in ("decide_amendment", "undo_decision") and p.get("revision"):
            state.revisions[p["revision"]] = p.get("sha256") or UNKNOWN
        vouched = p.get("state")
        if isinstance(vouched, dict):
            self._apply_state(vouched)

    def _apply_state(self, vouched: dict) -> None:
        state = self.state
        if "council_seats" in vouched:
            state.council_seats = vouched["council_seats"]
        for part in ("parties", "amendments", "endorsements", "revisions"):
            values = vouched.get(part)
            if isinstance(values, dict):
                getattr(state, part).update(values)
