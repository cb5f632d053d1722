"""A shared PostgreSQL workspace with people who log in: for the store's, the CLI's and the window's tests."""

from __future__ import annotations

import itertools
import os

from raadsakkoord import operations as ops
from raadsakkoord.model import AmendmentKind, Position
from raadsakkoord.store import logins
from raadsakkoord.store.workspace import open_workspace

_counter = itertools.count(1)
PASSWORD = "geheim wachtwoord 1"


class Council:
    """A shared workspace with three parties and four people, each with their own login."""


def shared_council(postgres_server) -> Council:
    """Made by its owner; then griet (griffie), gerda (GL), ruud (RP) and lars (reader) get logins."""
    c = Council()
    c.server = postgres_server
    c.database = f"gedeeld{os.getpid()}_{next(_counter)}"
    c.owner_url = postgres_server.create_database(c.database)
    ws = open_workspace(c.owner_url, create=True)
    owner = ops.Actor.griffie("Beheerder")
    with ws.action() as session:
        ops.create_agreement(session, owner, title="Raadsakkoord Testdorp", municipality="Testdorp",
                             council_seats=15, term="2026–2030")
        c.gl = ops.add_party(session, owner, name="Groene Lijst", short_name="GL", seats=7).id
        c.rp = ops.add_party(session, owner, name="Rode Partij", short_name="RP", seats=5).id
        chapter = ops.add_chapter(session, owner, title="Wonen")
        c.section = ops.add_section(session, owner, chapter_id=chapter.id, title="Bouwen",
                                    text="We bouwen 500 woningen.").id
        c.rp_amendment = ops.propose_amendment(
            session, ops.Actor.of_party(c.rp, "Ruud"), kind=AmendmentKind.MODIFY, headline="Meer",
            section_id=c.section, text="We bouwen 900 woningen.", submit=True).id
        ops.endorse_section(session, ops.Actor.of_party(c.rp, "Ruud"), c.section, Position.SUPPORT)
    with ws.engine.begin() as connection:
        # The people's names are unique on the whole server, as logins are.
        suffix = f"{os.getpid()}_{next(_counter)}"
        c.griet, c.gerda, c.ruud, c.lars = (f"{n}_{suffix}" for n in ("griet", "gerda", "ruud", "lars"))
        logins.add_person(connection, c.griet, "griffie", password=PASSWORD)
        logins.add_person(connection, c.gerda, "party", party_short_name="GL", password=PASSWORD)
        logins.add_person(connection, c.ruud, "party", party_short_name="rp", password=PASSWORD)
        logins.add_person(connection, c.lars, "reader", password=PASSWORD)
    ws.close()
    return c


def url(council: Council, person: str, password: str | None = PASSWORD) -> str:
    return council.server.login_url(council.database, person, password)


