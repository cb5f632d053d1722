"""A griffie and three parties on one machine, each with its own workspace, talking through the CLI.

The parties' workspaces are files, as on their laptops. The griffie's is made
by ``new_target``: a file, or with ``--backend=postgresql`` a PostgreSQL
database, as a griffie may keep it on the municipality's server.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from raadsakkoord import operations as ops
from raadsakkoord.cli import main
from raadsakkoord.model import Base, PackageRecord
from raadsakkoord.store.workspace import open_workspace

BOUWEN = ("We bouwen 500 woningen in Noord.\n\nDe helft daarvan is sociale huur, de rest is voor starters.\n\n"
          "Het college zoekt ruimte in de dorpen.")
HUUR = "De huren stijgen niet harder dan de inflatie.\n\nHuurders krijgen een vast aanspreekpunt."


def cli(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def ok(capsys, *argv) -> str:
    code, out, err = cli(capsys, *argv)
    assert (code, err) == (0, ""), err
    return out


class Council:
    """The griffie's workspace target, the parties' workspace files, and the party ids."""

    def __init__(self, tmp_path, griffie: str):
        self.dir = tmp_path
        self.griffie = griffie
        self.parties = {short: tmp_path / f"{short.lower()}.raadsakkoord" for short in ("GL", "RP", "BB")}


def sent_packages(path) -> int:
    """How many packages the workspace at ``path`` records as sent."""
    ws = open_workspace(str(path))
    try:
        with ws.action() as s:
            return s.scalar(sa.select(sa.func.count()).select_from(PackageRecord)
                            .where(PackageRecord.direction == "out"))
    finally:
        ws.close()


def dump(target) -> dict:
    """Every row of every table, for comparing a workspace's content before and after."""
    ws = open_workspace(str(target))
    try:
        with ws.engine.connect() as conn:
            return {t.name: sorted(map(repr, conn.execute(sa.select(t)).all()))
                    for t in Base.metadata.sorted_tables}
    finally:
        ws.close()


@pytest.fixture
def council(tmp_path, capsys, new_target):
    """The griffie has published round 1; each party has imported it and has its own key, registered."""
    c = Council(tmp_path, new_target("griffie"))
    ws = open_workspace(c.griffie, create=True)
    griffie = ops.Actor.griffie("Griet Griffier")
    with ws.action() as s:
        ops.create_agreement(s, griffie, title="Raadsakkoord Testdorp", municipality="Testdorp", council_seats=15,
                             contact_name="Griet Griffier", contact_phone="0592-123456")
        c.ids = {}
        for name, short, seats in (("Groene Lijst", "GL", 7), ("Rode Partij", "RP", 5), ("Blauwe Beweging", "BB", 3)):
            c.ids[short] = ops.add_party(s, griffie, name=name, short_name=short, seats=seats).id
        chapter = ops.add_chapter(s, griffie, title="Wonen")
        c.bouwen = ops.add_section(s, griffie, chapter_id=chapter.id, title="Bouwen", text=BOUWEN).id
        c.huur = ops.add_section(s, griffie, chapter_id=chapter.id, title="Huur", text=HUUR).id
        ops.publish_round(s, griffie)
    ws.close()
    ok(capsys, "keys", "init", c.griffie, "--as", "griffie")
    ok(capsys, "keys", "export-public", c.griffie, "--as", "griffie", "-o", tmp_path / "griffie.pub")
    ok(capsys, "package", "export", c.griffie, "--round", "-o", tmp_path / "ronde1.rkpkg")
    for short, path in c.parties.items():
        ok(capsys, "keys", "register", path, tmp_path / "griffie.pub")
        ok(capsys, "package", "import", path, tmp_path / "ronde1.rkpkg")
        ok(capsys, "keys", "init", path, "--as", short)
        ok(capsys, "keys", "export-public", path, "--as", short, "-o", tmp_path / f"{short}.pub")
        ok(capsys, "keys", "register", c.griffie, tmp_path / f"{short}.pub")
    return c
