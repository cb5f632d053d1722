"""Opening a workspace: a SQLite file or a database URL, migrated on open.

One ``Workspace`` holds one engine and one ``sessionmaker``; each user action
runs in ``workspace.action()``: one session, one transaction, committed at the
end or rolled back whole. Operations take that session and never commit it.
"""

from __future__ import annotations

import contextlib
import functools
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from raadsakkoord.base.errors import ConcurrentEditError, InputError, PermissionDenied, WorkspaceError, os_reason
from raadsakkoord.base.i18n import mark, tr
from raadsakkoord.base.paths import migrations_dir
from raadsakkoord.store.changefeed import ORIGIN_KEY, Origin
from raadsakkoord.store.logins import OWNER, Login, current_login
from raadsakkoord.store.sharing import journal_mode

if TYPE_CHECKING:
    from alembic.config import Config

# The newest migration. Opening a workspace that is already there needs no
# alembic at all (a tenth of a second to import, on every start); a test in
# tests/store checks this against the migration scripts.
SCHEMA_HEAD = "0010"

SQLITE_MAGIC = b"SQLite format 3\x00"
SUPPORTED_SCHEMES = ("sqlite", "postgresql")

CONCURRENT_EDIT_MESSAGE = mark(
    "Iemand anders heeft dit intussen gewijzigd. Er is niets overschreven; "
    "laad de gegevens opnieuw en probeer het nog eens."
)
CONCURRENT_EDIT_BY_MESSAGE = mark(
    "{who} heeft dit om {time} gewijzigd. Er is niets overschreven; "
    "laad de gegevens opnieuw en probeer het nog eens."
)

# PostgreSQL's words for two transactions in each other's way: a deadlock,
# and a serialization failure. Both mean the same thing to the user as a
# version counter that moved: someone else changed this at the same moment.
_COLLISION_STATES = ("40P01", "40001")


class PasswordNeeded(WorkspaceError):
    """The database server asks a password the URL did not give: the CLI or the window asks the person."""


class WrongPassword(WorkspaceError):
    """The database server refused the login: a wrong password, or no such user."""


# PostgreSQL's SQLSTATE for a refused privilege or a row its row-level security does not let through.
INSUFFICIENT_PRIVILEGE = "42501"


@dataclass
class Workspace:
    url: sa.URL
    engine: sa.Engine
    Session: sessionmaker[Session]
    # Tells this workspace's own commits from the others' (raadsakkoord.store.changefeed).
    origin: Origin = field(default_factory=Origin)
    # On a shared database: the person the server logged in (None for a SQLite file).
    login: Login | None = None

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

    @property
    def files(self) -> tuple[str, ...]:
        """The workspace's own file (none on a database server): what no export may overwrite."""
        return (self.url.database,) if self.is_sqlite and self.url.database else ()

    @contextlib.contextmanager
    def action(self) -> Iterator[Session]:
        """One user action: a session in one transaction, committed on success."""
        with self.Session() as session:
            try:
                with session.begin():
                    yield session
            except StaleDataError as exc:
                raise ConcurrentEditError(self._changed_by_message()) from exc
            except IntegrityError as exc:
                # A unique key (the next revision or round number, see
                # guarded_keys) refuses the row when another writer came first.
                if is_concurrency_guard(exc):
                    raise ConcurrentEditError(self._changed_by_message()) from exc
                raise
            except OperationalError as exc:
                if getattr(exc.orig, "sqlstate", None) in _COLLISION_STATES:
                    raise ConcurrentEditError(self._changed_by_message()) from exc
                raise WorkspaceError(_describe_operational_error(exc, self.label)) from exc
            except DBAPIError as exc:
                if getattr(exc.orig, "sqlstate", None) == INSUFFICIENT_PRIVILEGE:
                    raise PermissionDenied(self._refusal()) from exc
                raise

    def _refusal(self) -> str:
        who = self.login
        if who is None:
            return tr("De gedeelde werkruimte staat deze wijziging niet toe.")
        return tr("De gedeelde werkruimte staat deze wijziging niet toe: u bent aangemeld als {login} ({group}), en "
                  "dat mag dit niet. Er is niets gewijzigd.").format(login=who.name, group=who.group_label)

    def _changed_by_message(self) -> str:
        """Who changed what this action collided with, and when, as far as the audit log tells.

        The other writer committed before this action failed, so its event
        is the newest in the log (or one of the newest, on a busy database).
        """
        from raadsakkoord.model import AuditEvent

        try:
            with self.Session() as session:
                latest = session.execute(sa.select(AuditEvent.actor, AuditEvent.at)
                                         .order_by(AuditEvent.seq.desc()).limit(1)).first()
        except DBAPIError:  # the server went away meanwhile: the plain message still holds
            latest = None
        if latest is None:
            return tr(CONCURRENT_EDIT_MESSAGE)
        return tr(CONCURRENT_EDIT_BY_MESSAGE).format(who=latest.actor,
                                                     time=latest.at.astimezone().strftime("%H:%M"))

    def close(self) -> None:
        self.engine.dispose()


def is_concurrency_guard(exc: IntegrityError) -> bool:
    """Whether a unique key refused a row because another writer appended first.

    PostgreSQL names the constraint; SQLite names its columns instead
    (``UNIQUE constraint failed: revision.section_id, revision.number``), so
    both forms are recognised, for every key in ``guarded_keys``.
    """
    orig = exc.orig
    name = getattr(getattr(orig, "diag", None), "constraint_name", None)
    text = str(orig)
    if name is None:
        quoted = re.search(r'constraint "([^"]+)"', text)
        name = quoted.group(1) if quoted else None
    keys = guarded_keys()
    if name is not None:
        return name in keys
    failed = re.search(r"UNIQUE constraint failed: (.+)", text)
    if failed is None:
        return False
    columns = frozenset(column.strip() for column in failed.group(1).split(","))
    return columns in keys.values()


# Keys that are not a unique constraint but are taken from what was read:
# the audit event's sequence number, and a package's own id.
_GUARDED_PRIMARY_KEYS = ("audit_event", "package_record")


@functools.cache
def guarded_keys() -> dict[str, frozenset[str]]:
    """The unique keys a second writer runs into, by constraint name, with their ``table.column`` names.

    Each operation looks first (the next revision, round or audit number;
    whether the endorsement, key or autosave is already there) and then
    writes; another writer in between makes the write hit one of these.
    Every unique constraint of the model is such a guard, since the
    operations check them all before they write.
    """
    from raadsakkoord.model import Base

    keys = {}
    for table in Base.metadata.sorted_tables:
        for constraint in table.constraints:
            guarded = isinstance(constraint, sa.UniqueConstraint) or (
                isinstance(constraint, sa.PrimaryKeyConstraint) and table.name in _GUARDED_PRIMARY_KEYS)
            if guarded and constraint.name:
                keys[str(constraint.name)] = frozenset(f"{table.name}.{column.name}" for column in constraint.columns)
    return keys


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
    if "password authentication failed" in text:
        user = exc.orig and re.search(r'for user "([^"]+)"', str(exc.orig))
        return tr("Aanmelden bij {label} is mislukt: het wachtwoord klopt niet, of de gebruiker {user} bestaat "
                  "niet op deze databaseserver.").format(label=label, user=user.group(1) if user else "?")
    if any(word in text for word in ("could not connect", "connection", "password", "resolve", "timeout")):
        return tr("Geen verbinding met de gedeelde werkruimte {label}: {reason}").format(
            label=label, reason=_first_line(exc.orig))
    return tr("De werkruimte {label} kan niet worden gebruikt: {reason}").format(
        label=label, reason=_first_line(exc.orig))


def _first_line(obj) -> str:
    return str(obj).strip().splitlines()[0] if str(obj).strip() else type(obj).__name__


def parse_target(target: str | Path) -> sa.URL:
    """A file path or a database URL, as an SQLAlchemy URL; refuses what we cannot open."""
    text = str(target).strip()
    if not text:
        raise InputError(tr("Geef een werkruimte op: een bestand of een serveradres."))
    if "://" not in text:
        return sa.URL.create("sqlite", database=str(Path(text).expanduser().resolve()))
    try:
        url = sa.make_url(text)
    except (ArgumentError, ValueError):
        raise InputError(tr("Ongeldig serveradres: {url}").format(url=_hide_password(text))) from None
    backend = url.get_backend_name()
    if backend not in SUPPORTED_SCHEMES:
        raise InputError(tr(
            "Soort serveradres '{backend}' wordt niet ondersteund; gebruik een bestand, "
            "sqlite:///pad of postgresql://gebruiker@server/naam."
        ).format(backend=backend))
    if backend == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
        if not url.database:
            raise InputError(tr("Het serveradres noemt geen werkruimte (…/naam aan het eind)."))
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
        raise InputError(tr("Ongeldig serveradres.")) from None
    return url.set(password=password).render_as_string(hide_password=False)


def _hide_password(text: str) -> str:
    # user:secret@host -> user:***@host, without trusting the URL to parse.
    head, sep, tail = text.partition("://")
    if "@" in tail and ":" in tail.split("@", 1)[0]:
        user = tail.split("@", 1)[0].split(":", 1)[0]
        tail = f"{user}:***@{tail.split('@', 1)[1]}"
    return head + sep + tail


def _check_sqlite_file(path: Path, create: bool) -> None:
    """Refuse a file that is not a workspace before anything opens it for writing.

    The engine's connections switch a database to WAL on connect, which
    rewrites its header; so a file is first read as it is (the header
    itself, then the schema through a read-only connection), and another
    program's database, a damaged file or a stray text file is refused with
    every byte unchanged.
    """
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
            head = handle.read(SQLITE_HEADER_SIZE)
        size = path.stat().st_size
    except OSError as exc:
        raise WorkspaceError(tr("{path} kan niet worden gelezen: {reason}").format(
            path=path, reason=os_reason(exc))) from None
    if head == b"" and create:
        return
    if not head.startswith(SQLITE_MAGIC):
        raise WorkspaceError(tr("{path} is geen Raadsakkoord-werkruimte.").format(path=path))
    if _is_truncated(head, size):
        raise WorkspaceError(_damaged_message(path))
    tables = _tables_read_only(path, wal=head[18] == 2)
    if tables and "alembic_version" not in tables:
        raise WorkspaceError(tr("{path} is geen Raadsakkoord-werkruimte.").format(path=path))
    if not tables and not create:
        raise WorkspaceError(tr("{label} bevat nog geen Raadsakkoord-werkruimte.").format(label=path))


SQLITE_HEADER_SIZE = 100


def _is_truncated(head: bytes, size: int) -> bool:
    """Whether a SQLite file is shorter than its own header says (a copy or download cut off)."""
    if len(head) < SQLITE_HEADER_SIZE:
        return True
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1) or size % page_size:
        return True
    pages = int.from_bytes(head[28:32], "big")
    # The page count is only kept up to date by SQLite versions that also
    # copy the change counter to offset 92; older writers leave it stale.
    counted = pages and head[24:28] == head[92:96]
    return bool(counted and size < pages * page_size)


def _damaged_message(path: Path) -> str:
    return tr("{path} is beschadigd of onvolledig (bijvoorbeeld een afgebroken kopie) en is niet geopend; "
              "het bestand is niet gewijzigd. Gebruik een reservekopie.").format(path=path)


def _tables_read_only(path: Path, *, wal: bool) -> set[str]:
    """The names of the tables in a SQLite file, read without any right to write it.

    A read-only connection to a database in WAL mode still creates its -wal
    and -shm files, and leaves them behind. When there is no -wal file, all
    of the database is in the file itself, so it is read as an unchanging
    file, which creates nothing; otherwise the -wal file may hold the schema,
    and is already there.
    """
    pending = wal and Path(f"{path}-wal").exists()
    uri = f"{path.as_uri()}?mode=ro" + ("&immutable=1" if wal and not pending else "")
    try:
        connection = sqlite3.connect(uri, uri=True, timeout=15)
    except sqlite3.Error as exc:
        raise WorkspaceError(_describe_sqlite_refusal(exc, path)) from None
    try:
        return {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.Error as exc:
        raise WorkspaceError(_describe_sqlite_refusal(exc, path)) from None
    finally:
        connection.close()


def _describe_sqlite_refusal(exc: sqlite3.Error, path: Path) -> str:
    text = str(exc).lower()
    if "not a database" in text:
        return tr("{path} is geen Raadsakkoord-werkruimte.").format(path=path)
    if "malformed" in text or "corrupt" in text:
        return _damaged_message(path)
    if "locked" in text or "busy" in text:
        return tr("De werkruimte {label} is bezet door een ander programma; probeer het zo nog eens.").format(
            label=path)
    return tr("{path} kan niet worden gelezen: {reason}").format(path=path, reason=_first_line(exc))


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
        if "no password supplied" in str(exc.orig):
            raise PasswordNeeded(tr("De gedeelde werkruimte {label} vraagt het wachtwoord van {user}.").format(
                label=label, user=url.username or "?")) from None
        if "password authentication failed" in str(exc.orig):
            raise WrongPassword(_describe_operational_error(exc, label)) from None
        raise WorkspaceError(_describe_operational_error(exc, label)) from None
    finally:
        if migrator is not engine:
            migrator.dispose()
    login = None
    if url.get_backend_name() == "postgresql":
        try:
            with engine.connect() as connection:
                login = current_login(connection, label)
        except WorkspaceError:
            engine.dispose()
            raise
        except DBAPIError as exc:
            engine.dispose()
            raise WorkspaceError(_describe_operational_error(exc, label)) from None
    # The login is the actor of every audit event (store.audit.log); the
    # owner, who keeps the database, acts as the operation names.
    origin = Origin()
    info = {ORIGIN_KEY: origin}
    if login is not None and login.kind != OWNER:
        info["authenticated"] = login.actor
    return Workspace(url, engine, sessionmaker(engine, expire_on_commit=False, info=info), origin, login)
