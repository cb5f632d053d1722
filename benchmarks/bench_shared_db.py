"""Many people acting at once on one shared PostgreSQL database.

    .venv/bin/python benchmarks/bench_shared_db.py URL [--clients N] [--actions M] [--seed S]

URL names an empty PostgreSQL database (``postgresql://user@host/name``);
the benchmark first makes a small agreement in it (parties, twelve sections,
a published round, and signed party packages written in party workspaces of
their own). Then N processes, each with its own connection and acting as a
different person, do M actions each, all started at the same moment:

- party members (most clients) propose amendments and endorse sections;
- clerks (one in three clients, at least one) decide amendments, publish a
  round and import a party package.

It prints the throughput, the median and 95th percentile latency of every
kind of action (a whole transaction, from its start to its commit), how
many actions were refused with a message (someone else changed the same
thing first, nothing changed since the last round, …), and in its last
line ``lost updates: X, raw errors: Y, chain: ok|broken``. A lost update is
an action that reported success but whose effect is not in the database at
the end; a raw error is anything that is not a message for the user. The
exit status is 0 only when both are 0 and the audit chain verifies.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import re
import secrets
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("RAADSAKKOORD_DATA_DIR", tempfile.mkdtemp(prefix="raadsakkoord-bench-keys-"))
# Signing keys go into passphrase-encrypted files in that throwaway folder, never into the user's keychain.
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
os.environ.setdefault("RAADSAKKOORD_KEY_PASSPHRASE", "wachtwoordzin van deze meting")

import sqlalchemy as sa  # noqa: E402

import dutchlike  # noqa: E402
from report import ms, print_command_line, row  # noqa: E402

from raadsakkoord import operations as ops  # noqa: E402
from raadsakkoord.base.errors import UserError  # noqa: E402
from raadsakkoord.exchange import (  # noqa: E402
    export_party_package,
    export_round_package,
    import_package,
    keys,
    read_package,
)
from raadsakkoord.model import (  # noqa: E402
    Agreement,
    Amendment,
    AmendmentKind,
    AmendmentStatus,
    Endorsement,
    PackageRecord,
    Position,
    Round,
    Section,
)
from raadsakkoord.store.audit import verify_chain  # noqa: E402
from raadsakkoord.store.workspace import open_workspace  # noqa: E402

SECTIONS = 12
PACKAGE_PARTIES = 3
SETUP_CLERK = ops.Actor.griffie("Griffie (opzet)")


@dataclass
class Plan:
    """What the setup made, as plain values a client process receives."""

    url: str
    sections: list[str]
    parties: list[str]  # one per client that is a party member
    packages: list[bytes]
    logins: list[str]  # per client: the URL with which that person logs in


@dataclass
class ClientLog:
    """What one client did: every action's kind and time, and the effect of each success."""

    client: int
    timings: list[tuple[str, float, str]] = field(default_factory=list)  # kind, seconds, ok|refused|raw
    raw: list[str] = field(default_factory=list)
    refusals: Counter = field(default_factory=Counter)
    amendments: list[str] = field(default_factory=list)
    endorsements: dict[tuple[str, str], str] = field(default_factory=dict)  # (party, section) -> position
    decisions: dict[str, str] = field(default_factory=dict)  # amendment -> status
    rounds: list[str] = field(default_factory=list)
    packages: list[str] = field(default_factory=list)


def is_clerk(client: int) -> bool:
    return client % 3 == 0


def person(plan: Plan, client: int) -> tuple[str, ops.Actor]:
    """The login URL and the acting person of one client: each logs in as a person of their own.

    The database records the login as the actor of every event, and its
    row-level security keeps a member to their own party's rows.
    """
    if is_clerk(client):
        return plan.logins[client], ops.Actor.griffie(f"Griffier {client}")
    return (plan.logins[client],
            ops.Actor.of_party(uuid.UUID(plan.parties[member_index(client)]), f"Raadslid {client}"))


def add_logins(workspace, url: str, clients: int) -> list[str]:
    """A login per client in the right group, as ``raadsakkoord db add-user`` makes it; their URLs."""
    from raadsakkoord.model.login import GRIFFIE_GROUP, PARTY_GROUP
    from raadsakkoord.store.logins import add_person

    database = sa.make_url(url).database
    urls = []
    with workspace.engine.begin() as connection:
        for client in range(clients):
            name = f"{database}_{'griffier' if is_clerk(client) else 'lid'}_{client}"
            password = secrets.token_urlsafe(12)
            if is_clerk(client):
                add_person(connection, name, GRIFFIE_GROUP, password=password)
            else:
                add_person(connection, name, PARTY_GROUP, party_short_name=f"F{member_index(client)}",
                           password=password)
            urls.append(sa.make_url(url).set(username=name, password=password)
                        .render_as_string(hide_password=False))
    return urls


def member_index(client: int) -> int:
    return client - client // 3 - 1


def members(clients: int) -> int:
    return sum(1 for client in range(clients) if not is_clerk(client))


# --- setup ------------------------------------------------------------------------------------------


def set_up(url: str, clients: int, seed: int) -> Plan:
    """A fresh agreement in the (empty) database, a round, and signed packages from other parties."""
    texts = dutchlike.agreement_texts(n_sections=SECTIONS, total_words=150 * SECTIONS, seed=seed)
    workspace = open_workspace(url, create=True)
    with workspace.action() as s:
        if s.scalar(sa.select(sa.func.count()).select_from(Agreement)):
            sys.exit("De database bevat al een raadsakkoord; geef een lege database op.")
        ops.create_agreement(s, SETUP_CLERK, title="Meting gedeelde database", municipality="Meetstad",
                             council_seats=45)
        parties = [ops.add_party(s, SETUP_CLERK, name=f"Fractie {i}", short_name=f"F{i}", seats=2).id
                   for i in range(members(clients))]
        senders = [ops.add_party(s, SETUP_CLERK, name=f"Pakketfractie {i}", short_name=f"P{i}", seats=1).id
                   for i in range(PACKAGE_PARTIES)]
        chapter = ops.add_chapter(s, SETUP_CLERK, title="Alles").id
        sections = [ops.add_section(s, SETUP_CLERK, chapter_id=chapter, title=f"Hoofdlijn {i}", text=text).id
                    for i, text in enumerate(texts)]
        ops.publish_round(s, SETUP_CLERK)
        keys.init_key(s, SETUP_CLERK, keys.resolve_identity(s, "griffie"))
        griffie_key = keys.export_public_key(s, keys.resolve_identity(s, "griffie"))
        round_data = export_round_package(s, SETUP_CLERK)
    packages = []
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="raadsakkoord-bench-parties-") as folder:
        for index, party_id in enumerate(senders):
            party_ws = open_workspace(os.path.join(folder, f"p{index}.raadsakkoord"), create=True)
            member = ops.Actor.of_party(party_id, f"Indiener {index}")
            with party_ws.action() as s:
                keys.register_public_key(s, SETUP_CLERK, griffie_key, "griffie.pub")
            with party_ws.action() as s:
                import_package(s, SETUP_CLERK, round_data, "ronde.rkpkg")
            with party_ws.action() as s:
                keys.init_key(s, member, keys.resolve_identity(s, f"P{index}"))
                party_key = keys.export_public_key(s, keys.resolve_identity(s, f"P{index}"))
                for number, section_id in enumerate(sections[:5]):
                    text = texts[number] + f"\n\nToegevoegd door pakketfractie {index}: {dutchlike.paragraph_text(rng, 12)}"
                    ops.propose_amendment(s, member, kind=AmendmentKind.MODIFY, section_id=section_id,
                                          headline=f"Pakket {index}.{number}", text=text, submit=True)
            with party_ws.action() as s:
                packages.append(export_party_package(s, member, party_id))
            party_ws.close()
            with workspace.action() as s:
                keys.register_public_key(s, SETUP_CLERK, party_key, f"p{index}.pub")
    logins = add_logins(workspace, url, clients)
    workspace.close()
    return Plan(url, [str(i) for i in sections], [str(i) for i in parties], packages, logins)


# --- one client -------------------------------------------------------------------------------------


def _amend(session, actor, rng, plan, log: ClientLog, step: int):
    section_id = uuid.UUID(rng.choice(plan.sections))
    text = session.get(Section, section_id).current_revision.text
    amendment = ops.propose_amendment(
        session, actor, kind=AmendmentKind.MODIFY, section_id=section_id,
        headline=f"Wijziging {log.client}.{step}",
        text=f"{text}\n\nAanvulling {log.client}.{step}: {dutchlike.paragraph_text(rng, 12)}", submit=True)
    return lambda: log.amendments.append(str(amendment.id))


def _endorse(session, actor, rng, plan, log: ClientLog, step: int):
    section_id = rng.choice(plan.sections)
    position = rng.choice((Position.SUPPORT, Position.OPPOSE, Position.ABSTAIN))
    ops.endorse_section(session, actor, uuid.UUID(section_id), position)
    return lambda: log.endorsements.__setitem__((str(actor.party_id), section_id), position.value)


def _decide(session, actor, rng, plan, log: ClientLog, step: int):
    open_ids = session.scalars(sa.select(Amendment.id).where(Amendment.status == AmendmentStatus.SUBMITTED)
                               .order_by(Amendment.created_at.desc()).limit(20)).all()
    if not open_ids:
        return None
    decision = AmendmentStatus.ACCEPTED if rng.random() < 0.3 else AmendmentStatus.REJECTED
    amendment = ops.decide_amendment(session, actor, rng.choice(open_ids), decision,
                                     note=f"Besluit van griffier {log.client} in stap {step}.")
    return lambda: log.decisions.__setitem__(str(amendment.id), amendment.status.value)


def _publish(session, actor, rng, plan, log: ClientLog, step: int):
    published = ops.publish_round(session, actor)
    return lambda: log.rounds.append(str(published.id))


def _import(session, actor, rng, plan, log: ClientLog, step: int):
    index = rng.randrange(len(plan.packages))
    import_package(session, actor, plan.packages[index], f"pakket-{index}.rkpkg")
    package_id = str(read_package(plan.packages[index], "pakket").package_id)
    return lambda: log.packages.append(package_id)


MEMBER_ACTIONS = (("amend", _amend, 0.5), ("endorse", _endorse, 0.5))
CLERK_ACTIONS = (("decide", _decide, 0.6), ("publish", _publish, 0.1), ("import", _import, 0.3))


def _gist(message: str) -> str:
    """A refusal without its person and time, so that alike refusals are counted together."""
    message = re.sub(r"\b(Griffier \d+|Raadslid \d+|Griffie \(opzet\)|\w+_(griffier|lid)_\d+)", "X", message)
    return re.sub(r"\d\d:\d\d", "HH:MM", message)[:80]


def run_client(plan: Plan, client: int, actions: int, seed: int, start) -> ClientLog:
    url, actor = person(plan, client)
    workspace = open_workspace(url)
    rng = random.Random(seed * 1000 + client)
    menu = CLERK_ACTIONS if is_clerk(client) else MEMBER_ACTIONS
    log = ClientLog(client)
    start.wait()
    try:
        for step in range(actions):
            kind, action, _weight = rng.choices(menu, weights=[weight for *_, weight in menu])[0]
            began = time.perf_counter()
            try:
                with workspace.action() as session:
                    remember = action(session, actor, rng, plan, log, step)
                outcome = "ok"
                if remember is not None:
                    remember()  # only after the commit: a success is what the user was told
            except UserError as exc:
                outcome = "refused"
                log.refusals[f"{kind}: {_gist(exc.message)}"] += 1
            except Exception as exc:  # noqa: BLE001 - counted: what a user would see as a crash
                outcome = "raw"
                log.raw.append(f"{kind}: {type(exc).__name__}: {str(exc).splitlines()[0][:160]}")
            log.timings.append((kind, time.perf_counter() - began, outcome))
    finally:
        workspace.close()
    return log


# --- the check afterwards ---------------------------------------------------------------------------


def lost_updates(url: str, logs: list[ClientLog]) -> tuple[list[str], bool]:
    """Every success whose effect is missing from the database, and whether the audit chain verifies."""
    lost = []
    workspace = open_workspace(url)
    with workspace.action() as s:
        amendments = {str(a.id): a.status.value for a in s.scalars(sa.select(Amendment))}
        endorsements = {(str(e.party_id), str(e.section_id)): e.position.value
                        for e in s.scalars(sa.select(Endorsement))}
        rounds = {str(r) for r in s.scalars(sa.select(Round.id))}
        packages = {str(p) for p in s.scalars(sa.select(PackageRecord.package_id)
                                                .where(PackageRecord.direction == "in"))}
        for log in logs:
            lost += [f"amendment {a}" for a in log.amendments if a not in amendments]
            # Each party is one client's: its last success is what must be there.
            lost += [f"endorsement {key}" for key, position in log.endorsements.items()
                     if endorsements.get(key) != position]
            lost += [f"decision {a}" for a, status in log.decisions.items() if amendments.get(a) != status]
            lost += [f"round {r}" for r in log.rounds if r not in rounds]
            lost += [f"package {p}" for p in log.packages if p not in packages]
        chain_ok = verify_chain(s).ok
    workspace.close()
    return lost, chain_ok


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", help="an empty PostgreSQL database")
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--actions", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print_command_line()
    started = time.perf_counter()
    plan = set_up(args.url, args.clients, args.seed)
    row("setup (agreement, round, party packages)", f"{time.perf_counter() - started:.1f} s")

    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager:
        start = manager.Barrier(args.clients + 1)
        with context.Pool(args.clients) as pool:
            pending = pool.starmap_async(run_client, [(plan, client, args.actions, args.seed, start)
                                                      for client in range(args.clients)])
            start.wait()
            began = time.perf_counter()
            logs = pending.get()
            elapsed = time.perf_counter() - began

    timings = [timing for log in logs for timing in log.timings]
    done = sum(1 for *_, outcome in timings if outcome == "ok")
    refused = sum(1 for *_, outcome in timings if outcome == "refused")
    raw = [line for log in logs for line in log.raw]
    row(f"{args.clients} clients x {args.actions} actions, wall time", f"{elapsed:.1f} s")
    row("throughput (every action, applied or refused)", f"{len(timings) / elapsed:.1f} actions/s")
    row("applied / refused with a message", f"{done} / {refused}")
    by_kind = defaultdict(list)
    for kind, seconds, _outcome in timings:
        by_kind[kind].append(seconds)
    for kind in ("amend", "endorse", "decide", "publish", "import"):
        if by_kind[kind]:
            values = by_kind[kind]
            row(f"{kind} ({len(values)}x): p50 / p95",
                f"{ms(statistics.median(values))} / {ms(percentile(values, 0.95))}")
    refusals = sum((log.refusals for log in logs), Counter())
    for message, count in refusals.most_common(6):
        row(f"refused: {message}", str(count))
    for line in raw[:10]:
        print(f"  raw error: {line}")
    lost, chain_ok = lost_updates(args.url, logs)
    for line in lost[:10]:
        print(f"  lost: {line}")
    print(f"lost updates: {len(lost)}, raw errors: {len(raw)}, chain: {'ok' if chain_ok else 'broken'}")
    return 0 if not lost and not raw and chain_ok else 1


if __name__ == "__main__":
    sys.exit(main())
