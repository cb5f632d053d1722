"""What a person's own login and row-level security cost on a shared PostgreSQL database.

A throw-away PostgreSQL server (as the tests start one: SCRAM for every
login but the owner's), one agreement with N sections and two parties. Timed:
opening the workspace as a party member (SCRAM login, migration check, the
login's group), and that member recording a position on every section in
one transaction, through the operations, with the party's row-level security
checked on every row, against the database's owner doing the same for the
other party, to whom no policy applies.

    .venv/bin/python benchmarks/bench_logins.py [--sections N]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import ms, print_command_line, row  # noqa: E402

from raadsakkoord import operations as ops  # noqa: E402
from raadsakkoord.model import Position  # noqa: E402
from raadsakkoord.store import logins  # noqa: E402
from raadsakkoord.store.workspace import open_workspace  # noqa: E402
from tests.pgserver import PostgresServer  # noqa: E402

PASSWORD = "wachtwoord van de meting"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sections", type=int, default=1000)
    args = parser.parse_args()
    print_command_line()
    server = PostgresServer()
    server.start()
    try:
        measure(server, args.sections)
    finally:
        server.stop()


def measure(server: PostgresServer, count: int) -> None:
    database = f"meting{os.getpid()}"
    owner_url = server.create_database(database)
    ws = open_workspace(owner_url, create=True)
    owner = ops.Actor.griffie("Beheerder")
    with ws.action() as session:
        ops.create_agreement(session, owner, title="Meting", municipality="Meetdorp", council_seats=45,
                             term="2026–2030")
        ops.add_party(session, owner, name="Groene Lijst", short_name="GL", seats=20).id
        rp = ops.add_party(session, owner, name="Rode Partij", short_name="RP", seats=25).id
        chapter = ops.add_chapter(session, owner, title="Alles")
        sections = [ops.add_section(session, owner, chapter_id=chapter.id, title=f"Hoofdlijn {n}",
                                    text=f"Tekst van hoofdlijn {n}.").id for n in range(count)]
    with ws.engine.begin() as connection:
        logins.add_person(connection, "meter", "party", party_short_name="GL", password=PASSWORD)

    start = time.perf_counter()
    member = open_workspace(server.login_url(database, "meter", PASSWORD))
    opened = time.perf_counter() - start

    start = time.perf_counter()
    with member.action() as session:
        for section in sections:
            ops.endorse_section(session, member.login.actor, section, Position.SUPPORT)
    as_member = time.perf_counter() - start

    start = time.perf_counter()
    with ws.action() as session:
        for section in sections:
            ops.endorse_section(session, ops.Actor.of_party(rp, "Beheerder"), section, Position.SUPPORT)
    as_owner = time.perf_counter() - start
    member.close()
    ws.close()
    row("open a shared workspace as a party member (SCRAM login, schema check, the login's group)", ms(opened))
    row(f"{count} positions by a party member, row-level security on every row (one transaction)", ms(as_member))
    row(f"{count} positions by the database's owner, no policy applies (one transaction)", ms(as_owner))


if __name__ == "__main__":
    main()
