"""Opening workspaces: files, URLs, refusals, migrations, lost updates."""

import sqlite3

import pytest
import sqlalchemy as sa
from alembic import command

from raadsakkoord import operations as ops
from raadsakkoord.base.errors import ConcurrentEditError, InputError, WorkspaceError
from raadsakkoord.model import Party
from raadsakkoord.store.workspace import alembic_config, open_workspace


def test_new_sqlite_workspace_has_wal_and_foreign_keys(tmp_path):
    ws = open_workspace(tmp_path / "nieuw.raadsakkoord", create=True)
    with ws.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
    ws.close()


def test_missing_file_is_refused_without_creating_it(tmp_path):
    target = tmp_path / "bestaat-niet.raadsakkoord"
    with pytest.raises(WorkspaceError, match="Werkruimte niet gevonden"):
        open_workspace(target)
    assert not target.exists()


def test_text_file_is_not_a_workspace(tmp_path):
    target = tmp_path / "notities.txt"
    target.write_text("boodschappen\n", encoding="utf-8")
    with pytest.raises(WorkspaceError, match="geen Raadsakkoord-werkruimte"):
        open_workspace(target)
    assert target.read_text(encoding="utf-8") == "boodschappen\n"


def test_other_sqlite_database_is_not_a_workspace(tmp_path):
    target = tmp_path / "ander.db"
    with sqlite3.connect(target) as conn:
        conn.execute("CREATE TABLE adressen (naam TEXT)")
    with pytest.raises(WorkspaceError, match="geen Raadsakkoord-werkruimte"):
        open_workspace(target, create=True)


def test_directory_is_refused(tmp_path):
    with pytest.raises(WorkspaceError, match="is een map"):
        open_workspace(tmp_path)


@pytest.mark.parametrize(("url", "message"), [
    ("mysql://iemand@host/db", "wordt niet ondersteund"),
    ("postgresql://iemand:geheim@host", "noemt geen werkruimte"),
    ("sqlite://", "geheugen"),
    ("postgresql://a:geheim@host:geenpoort/db", "Ongeldig serveradres"),
    ("", "Geef een werkruimte op"),
])
def test_bad_urls_get_one_clear_message(url, message):
    with pytest.raises(InputError, match=message) as info:
        open_workspace(url)
    assert "geheim" not in info.value.message


def test_unreachable_postgres_is_a_clear_error():
    with pytest.raises(WorkspaceError, match="Geen verbinding met de gedeelde werkruimte") as info:
        open_workspace("postgresql://iemand:geheim@127.0.0.1:9/akkoord?connect_timeout=2")
    assert "geheim" not in info.value.message


def test_workspace_from_a_newer_version_is_refused(workspace_target):
    ws = open_workspace(workspace_target, create=True)
    with ws.engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999_toekomst'"))
    ws.close()
    with pytest.raises(WorkspaceError, match="nieuwere versie van Raadsakkoord"):
        open_workspace(workspace_target)


def test_empty_database_without_create_is_refused(new_target, backend):
    target = new_target()
    if backend == "sqlite":
        with pytest.raises(WorkspaceError, match="niet gevonden"):
            open_workspace(target)
    else:
        with pytest.raises(WorkspaceError, match="bevat nog geen"):
            open_workspace(target)


def test_old_workspace_is_migrated_on_open_and_keeps_its_data(workspace_target):
    # Build a workspace at the first schema version, as an older release left it.
    engine = sa.create_engine(open_workspace.__globals__["parse_target"](workspace_target))
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0001")
        conn.execute(sa.text(
            "INSERT INTO agreement (id, title, municipality, term, council_seats, status, preamble,"
            " contact_name, contact_phone, contact_email, broad_support_share, created_at, version)"
            " VALUES (:id, 'Oud akkoord', 'Oudorp', '2022–2026', 9, 'drafting', '', '', '', '', 0.6667,"
            " '2022-05-01 10:00:00', 1)"), {"id": "0b6f7a1e4c8d4e0f9a1b2c3d4e5f6a7b"
                                          if engine.dialect.name == "sqlite" else "0b6f7a1e-4c8d-4e0f-9a1b-2c3d4e5f6a7b"})
    engine.dispose()
    ws = open_workspace(workspace_target)
    with ws.engine.connect() as conn:
        heads = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalars().all()
    from alembic.script import ScriptDirectory
    with ws.engine.connect() as conn:
        assert heads == list(ScriptDirectory.from_config(alembic_config(conn)).get_heads())
    with ws.action() as session:
        agreement = ops._common.the_agreement(session)
        assert (agreement.title, agreement.council_seats) == ("Oud akkoord", 9)
        griffie = ops.Actor.griffie()
        party = ops.add_party(session, griffie, name="Nieuw", short_name="N", seats=9)
        chapter = ops.add_chapter(session, griffie, title="Wonen")
        section = ops.add_section(session, griffie, chapter_id=chapter.id, title="Bouwen", text="We bouwen.")
        amendment = ops.propose_amendment(session, ops.Actor.of_party(party.id, "Lid"), kind="modify",
                                          section_id=section.id, headline="Meer", text="We bouwen meer.")
        assert amendment.needs_rework is False  # the column added by migration 0002
    ws.close()


def test_migrated_schema_matches_the_model(workspace):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from raadsakkoord.model import Base

    with workspace.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == []


def test_lost_update_is_detected_by_the_version_counter(setup):
    """Two clerks load the same party; the second save must not overwrite the first."""
    from sqlalchemy.orm.exc import StaleDataError

    ws = setup.workspace
    with ws.Session() as first:
        party = first.get(Party, setup.blauw)  # the first clerk reads version 1
        with ws.action() as second:
            ops.update_party(second, setup.griffie, setup.blauw, leader="Door de tweede")
        party.leader = "Door de eerste"
        with pytest.raises(StaleDataError):
            first.commit()
    with ws.action() as session:
        assert session.get(Party, setup.blauw).leader == "Door de tweede"


def test_lost_update_through_operations_with_expected_version(setup):
    ws = setup.workspace
    with ws.action() as session:
        seen = session.get(Party, setup.blauw).version
    with ws.action() as session:
        ops.update_party(session, setup.griffie, setup.blauw, leader="Eerste", expected_version=seen)
    with pytest.raises(ConcurrentEditError, match="Fractie BB is intussen"), ws.action() as session:
        ops.update_party(session, setup.griffie, setup.blauw, leader="Tweede", expected_version=seen)
    with ws.action() as session:
        assert session.get(Party, setup.blauw).leader == "Eerste"


def test_concurrent_transactions_on_one_row_through_workspace_actions(setup):
    """Both writers inside workspace.action(): the later flush is refused, not applied."""
    ws = setup.workspace
    with pytest.raises(ConcurrentEditError):
        with ws.action() as first:
            party = first.get(Party, setup.rood)
            with ws.action() as second:
                second.get(Party, setup.rood).leader = "Tweede"
            party.leader = "Eerste"
    with ws.action() as session:
        assert session.get(Party, setup.rood).leader == "Tweede"


def _schema_version(path) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def test_a_full_workspace_migrates_from_the_first_schema(tmp_path):
    """The demo, taken back to schema 0001 (amendments, positions, rounds in it), opens again at head."""
    from alembic.command import downgrade

    from raadsakkoord.demo import create_demo_workspace
    from raadsakkoord.queries.summary import workspace_summary
    from raadsakkoord.store.workspace import migration_engine, parse_target

    path = tmp_path / "oud.raadsakkoord"
    ws = create_demo_workspace(str(path))
    with ws.action() as s:
        before = workspace_summary(s)
    ws.close()
    engine = migration_engine(parse_target(str(path)))
    with engine.begin() as conn:
        downgrade(alembic_config(conn), "0001")
    engine.dispose()
    assert _schema_version(path) == "0001"
    ws = open_workspace(str(path))
    with ws.action() as s:
        assert workspace_summary(s) == before
    ws.close()
    assert _schema_version(path) != "0001"


def test_a_failed_migration_leaves_the_workspace_as_it_was(tmp_path, monkeypatch):
    from alembic.command import downgrade

    from raadsakkoord.store import workspace as store
    from raadsakkoord.demo import create_demo_workspace

    path = tmp_path / "oud.raadsakkoord"
    create_demo_workspace(str(path)).close()
    engine = store.migration_engine(store.parse_target(str(path)))
    with engine.begin() as conn:
        downgrade(alembic_config(conn), "0001")
    engine.dispose()

    def broken(connection, label):
        raise WorkspaceError("kapot")

    monkeypatch.setattr(store, "check_foreign_keys", broken)
    with pytest.raises(WorkspaceError, match="kapot"):
        open_workspace(str(path))
    assert _schema_version(path) == "0001"
    with sqlite3.connect(path) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "needs_rework" not in {row[1] for row in sqlite3.connect(path).execute("PRAGMA table_info(amendment)")}
    assert not any(t.startswith("_alembic_tmp") for t in tables) and "trusted_key" not in tables


def test_the_schema_head_constant_is_the_newest_migration(workspace):
    from alembic.script import ScriptDirectory

    from raadsakkoord.store.workspace import SCHEMA_HEAD

    with workspace.engine.connect() as conn:
        assert ScriptDirectory.from_config(alembic_config(conn)).get_heads() == [SCHEMA_HEAD]
