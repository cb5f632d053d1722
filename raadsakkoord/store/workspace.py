"""Opening a workspace: a SQLite file or a database URL, migrated on open.

One ``Workspace`` holds one engine and one ``sessionmaker``; each user action
runs in ``workspace.action()``: one session, one transaction, committed at the
end or rolled back whole. Operations take that session and never commit it.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from raadsakkoord.base.errors import ConcurrentEditError, InputError, WorkspaceError, os_reason
from raadsakkoord.base.i18n import mark, tr
from raadsakkoord.base.paths import migrations_dir
from raadsakkoord.store.sharing import journal_mode

if TYPE_CHECKING:
    from alembic.config import Config

# The newest migration. Opening a workspace that is already there needs no
# alembic at all (a tenth of a second to import, on every start); a test in
# tests/store checks this against the migration scripts.
SCHEMA_HEAD = "0004"

SQLITE_MAGIC = b"SQLite format 3\x00"
SUPPORTED_SCHEMES = ("sqlite", "postgresql")

CONCURRENT_EDIT_MESSAGE = mark(
    "Iemand anders heeft dit intussen gewijzigd. Er is niets overschreven; "
    "laad de gegevens opnieuw en probeer het nog eens."
)


@dataclass
class Workspace:
    url: sa.URL
    engine: sa.Engine
    Session: sessionmaker[Session]

    @property
    def label(self) -> str:
        """What to show the user: the file path, or the URL without password."""
        if self.url.get_backend_name() == "sqlite":
            return self.url.database or ""
        return self.url.render_as_string(hide_password=True)

    @property
    def target(self) -> str:
        """What open_workspace needs to open this workspace again (with the password: never show it)."""
        if self.is_sqlite:
            return self.url.database or ""
        return self.url.render_as_string(hide_password=False)

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @contextlib.contextmanager
    def action(self) -> Iterator[Session]:
        """One user action: a session in one transaction, committed on success."""
        with self.Session() as session:
            try:
                with session.begin():
                    yield session
            except StaleDataError as exc:
                raise ConcurrentEditError(tr(CONCURRENT_EDIT_MESSAGE)) from exc
            except IntegrityError as exc:
                # The unique constraints that guard concurrent appends (audit
                # chain, revision numbers) fire when another writer came first.
                if _is_concurrency_guard(exc):
                    raise ConcurrentEditError(tr(CONCURRENT_EDIT_MESSAGE)) from exc
                raise
            except OperationalError as exc:
                raise WorkspaceError(_describe_operational_error(exc, self.label)) from exc

    def close(self) -> None:
        self.engine.dispose()


def _is_concurrency_guard(exc: IntegrityError) -> bool:
    text = str(exc.orig).lower()
    return any(
        name in text
        for name in ("prev_hash", "uq_audit_event", "uq_revision_number", "audit_event.seq", "pk_audit_event")
    )


def _describe_operational_error(exc: DBAPIError, label: str) -> str:
    text = str(exc.orig).lower() if exc.orig else str(exc).lower()
    if "locked" in text or "busy" in text:
        return tr("De werkruimte {label} is bezet door een ander programma; probeer het zo nog eens.").format(
            label=label)
    if "disk" in text and ("full" in text or "i/o" in text):
        return tr("De werkruimte {label} kan niet worden geschreven: de schijf is vol of onbereikbaar.").format(
            label=label)
    if "readonly" in text or "read-only" in text:
        return tr("De werkruimte {label} is alleen-lezen; er kan niet in worden geschreven.").format(label=label)
    if any(word in text for word in ("could not connect", "connection", "password", "resolve", "timeout")):
        return tr("Geen verbinding met de database {label}: {reason}").format(
            label=label, reason=_first_line(exc.orig))
    return tr("De werkruimte {label} kan niet worden gebruikt: {reason}").format(
        label=label, reason=_first_line(exc.orig))


def _first_line(obj) -> str:
    return str(obj).strip().splitlines()[0] if str(obj).strip() else type(obj).__name__


def parse_target(target: str | Path) -> sa.URL:
    """A file path or a database URL, as an SQLAlchemy URL; refuses what we cannot open."""
    text = str(target).strip()
    if not text:
        raise InputError(tr("Geef een werkruimte op: een bestand of een database-URL."))
    if "://" not in text:
        return sa.URL.create("sqlite", database=str(Path(text).expanduser().resolve()))
    try:
        url = sa.make_url(text)
    except (ArgumentError, ValueError):
        raise InputError(tr("Ongeldige database-URL: {url}").format(url=_hide_password(text))) from None
    backend = url.get_backend_name()
    if backend not in SUPPORTED_SCHEMES:
        raise InputError(tr(
            "Database-soort '{backend}' wordt niet ondersteund; gebruik een bestand, "
            "sqlite:///pad of postgresql://gebruiker@host/database."
        ).format(backend=backend))
    if backend == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
        if not url.database:
            raise InputError(tr("De database-URL noemt geen database (…/naam aan het eind)."))
    elif backend == "sqlite":
        if not url.database or url.database == ":memory:":
            raise InputError(tr("Een werkruimte in het geheugen wordt niet bewaard; geef een bestand op."))
        url = url.set(drivername="sqlite", database=str(Path(url.database).expanduser().resolve()))
    return url


def remembered_target(target: str | Path) -> str:
    """The form in which a workspace is remembered: an absolute path, or a URL without password.

    Raises InputError for something that is no workspace target at all.
    """
    url = parse_target(target)
    if url.get_backend_name() == "sqlite":
        return url.database or ""
    # URL.set() ignores None, so the password is left out by making the URL anew; and
    # the scheme is what the user typed (postgresql://), not the driver the core picks.
    drivername = "postgresql" if url.drivername == "postgresql+psycopg" else url.drivername
    bare = sa.URL.create(drivername, username=url.username, host=url.host, port=url.port,
                         database=url.database, query=url.query)
    return bare.render_as_string(hide_password=False)


def target_name(target: str) -> str:
    """A short name for a workspace: the file's name, or the database and its server."""
    if "://" in target:
        url = sa.make_url(target)
        return f"{url.database} @ {url.host or 'localhost'}"
    return Path(target).name


def url_with_password(text: str, password: str) -> str:
    """A database URL as typed, with the password put in; InputError for a URL ``parse_target`` refuses."""
    text = text.strip()
    parse_target(text)  # unknown kind of database, no database name, …
    if not password:
        return text
    try:
        url = sa.make_url(text)
    except (ArgumentError, ValueError):  # parse_target accepted it, so this is not expected
        raise InputError(tr("Ongeldige database-URL.")) from None
    return url.set(password=password).render_as_string(hide_password=False)


def _hide_password(text: str) -> str:
    # user:secret@host -> user:***@host, without trusting the URL to parse.
    head, sep, tail = text.partition("://")
    if "@" in tail and ":" in tail.split("@", 1)[0]:
        user = tail.split("@", 1)[0].split(":", 1)[0]
        tail = f"{user}:***@{tail.split('@', 1)[1]}"
    return head + sep + tail


def _check_sqlite_file(path: Path, create: bool) -> None:
    if path.is_dir():
        raise WorkspaceError(tr("{path} is een map, geen werkruimte.").format(path=path))
    if not path.exists():
        if not create:
            raise WorkspaceError(tr("Werkruimte niet gevonden: {path}").format(path=path))
        if not path.parent.is_dir():
            raise WorkspaceError(tr("De map {folder} bestaat niet.").format(folder=path.parent))
        return
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise WorkspaceError(tr("{path} kan niet worden gelezen: {reason}").format(
            path=path, reason=os_reason(exc))) from None
    if head == b"" and create:
        return
    if head != SQLITE_MAGIC:
        raise WorkspaceError(tr("{path} is geen Raadsakkoord-werkruimte.").format(path=path))


def _on_sqlite_connect(dbapi_connection: sqlite3.Connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA journal_mode={journal_mode(dbapi_connection)}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _make_engine(url: sa.URL) -> sa.Engine:
    if url.get_backend_name() == "sqlite":
        engine = sa.create_engine(url, connect_args={"timeout": 15})
        event.listen(engine, "connect", _on_sqlite_connect)
        return engine
    try:
        return sa.create_engine(url, pool_pre_ping=True)
    except ModuleNotFoundError:
        raise WorkspaceError(tr(
            "Voor PostgreSQL is het pakket psycopg nodig: pip install 'raadsakkoord[postgres]'."
        )) from None


def migration_engine(url: sa.URL) -> sa.Engine:
    """An engine to change the schema with, in one transaction.

    PostgreSQL's DDL is transactional as it is. SQLite's is too, but the
    Python driver only opens transactions before data changes, and Alembic
    rebuilds a table to alter it (copy, drop, rename), which foreign keys
    would refuse. So: foreign keys off (checked afterwards with
    ``foreign_key_check``), and an explicit BEGIN around everything, so a
    failed or killed migration leaves the old workspace as it was.
    """
    if url.get_backend_name() != "sqlite":
        return _make_engine(url)
    engine = sa.create_engine(url, connect_args={"timeout": 15}, poolclass=sa.pool.NullPool)

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # we say BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=OFF")
        cursor.execute(f"PRAGMA journal_mode={journal_mode(dbapi_connection)}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection):
        connection.exec_driver_sql("BEGIN")

    return engine


def check_foreign_keys(connection: sa.Connection, label: str) -> None:
    if connection.dialect.name == "sqlite" and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
        raise WorkspaceError(tr("De gegevens in {label} kloppen na het bijwerken niet meer; er is niets gewijzigd.")
                             .format(label=label))


def alembic_config(connection: sa.Connection) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.attributes["connection"] = connection
    return config


def migrate(connection: sa.Connection, *, create: bool, label: str) -> None:
    """Bring the schema to the newest version, refusing workspaces we do not know."""
    if sa.inspect(connection).has_table("alembic_version"):
        current = set(connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalars())
        if current == {SCHEMA_HEAD}:
            return
    from alembic.command import upgrade
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(connection))
    context = MigrationContext.configure(connection)
    current = context.get_current_heads()
    if not current:
        tables = set(sa.inspect(connection).get_table_names())
        if tables and "alembic_version" not in tables:
            raise WorkspaceError(tr("{path} is geen Raadsakkoord-werkruimte.").format(path=label))
        if not create:
            raise WorkspaceError(tr("{label} bevat nog geen Raadsakkoord-werkruimte.").format(label=label))
    for head in current:
        try:
            known = script.get_revision(head)
        except Exception:  # alembic raises several types for an unknown id
            known = None
        if known is None:
            raise WorkspaceError(tr(
                "{label} is gemaakt met een nieuwere versie van Raadsakkoord "
                "(schema {schema}). Werk Raadsakkoord bij om deze werkruimte te openen."
            ).format(label=label, schema=head))
    if set(current) != set(script.get_heads()):
        upgrade(alembic_config(connection), "head")


def open_workspace(target: str | Path, *, create: bool = False) -> Workspace:
    """Open (and with ``create`` make) a workspace, migrating it to the current schema."""
    url = parse_target(target)
    if url.get_backend_name() == "sqlite":
        _check_sqlite_file(Path(url.database), create)
    engine = _make_engine(url)
    label = Workspace(url, engine, sessionmaker()).label
    migrator = migration_engine(url)
    try:
        with migrator.begin() as connection:
            migrate(connection, create=create, label=label)
            check_foreign_keys(connection, label)
    except WorkspaceError:
        engine.dispose()
        raise
    except DBAPIError as exc:
        engine.dispose()
        if url.get_backend_name() == "sqlite" and "not a database" in str(exc.orig):
            raise WorkspaceError(tr("{path} is geen Raadsakkoord-werkruimte.").format(path=label)) from None
        raise WorkspaceError(_describe_operational_error(exc, label)) from None
    finally:
        if migrator is not engine:
            migrator.dispose()
    return Workspace(url, engine, sessionmaker(engine, expire_on_commit=False))
