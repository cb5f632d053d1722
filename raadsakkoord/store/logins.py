"""People on a shared PostgreSQL database: their own logins, the group each is in, and who is logged in.

PostgreSQL authenticates the person (SCRAM, or whatever the server's
``pg_hba.conf`` says); the workspace only asks the server who that is
(``session_user``) and which of the workspace's groups the login is in (see
migration 0007). That login, not a choice in a dialog, is the acting person
of every operation and audit event.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import uuid
from dataclasses import dataclass

import sqlalchemy as sa

from raadsakkoord.base.actor import Actor
from raadsakkoord.base.errors import InputError, WorkspaceError
from raadsakkoord.base.i18n import tr
from raadsakkoord.model.login import GRIFFIE_GROUP, PARTIES_GROUP, PARTY_GROUP, READER_GROUP

OWNER = "owner"
MAX_LOGIN = 63  # PostgreSQL's longest name

# The groups of this workspace that one login is directly in; a superuser is
# a member of every role as far as pg_has_role is concerned, so the
# membership table itself is read.
_GROUPS_OF = sa.text("""
    SELECT g.kind, g.party_id
      FROM login_group g
      JOIN pg_roles r ON r.rolname = g.role_name
      JOIN pg_auth_members m ON m.roleid = r.oid
     WHERE m.member = (SELECT oid FROM pg_roles WHERE rolname = :login) AND g.kind <> :parties
     ORDER BY g.kind, g.role_name
""")


@dataclass(frozen=True)
class Login:
    """A person logged in to a shared database: their login, and griffie, a party, reader or owner."""

    name: str
    kind: str
    party_id: uuid.UUID | None = None
    party_short_name: str = ""

    @property
    def actor(self) -> Actor:
        return Actor(name=self.name, party_id=self.party_id, reader=self.kind == READER_GROUP)

    @property
    def group_label(self) -> str:
        """"griffie", the party's short name, "lezer", or "eigenaar" (the database's owner)."""
        if self.kind == PARTY_GROUP:
            return self.party_short_name
        return {GRIFFIE_GROUP: tr("griffie"), READER_GROUP: tr("lezer"), OWNER: tr("eigenaar")}[self.kind]


def is_owner(connection: sa.Connection, login: str) -> bool:
    """The database's owner, or a superuser: who makes and migrates the workspace and adds people."""
    return bool(connection.execute(sa.text(
        "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :login AND rolsuper) OR "
        "(SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()) = :login"),
        {"login": login}).scalar_one())


def current_login(connection: sa.Connection, label: str) -> Login:
    """Who the server says is logged in, with their group; WorkspaceError for a login in none."""
    name = connection.execute(sa.text("SELECT session_user")).scalar_one()
    groups = connection.execute(_GROUPS_OF, {"login": name, "parties": PARTIES_GROUP}).all()
    if len(groups) == 1:
        kind, party_id = groups[0]
        short = connection.execute(sa.text("SELECT short_name FROM party WHERE id = :id"),
                                   {"id": party_id}).scalar() if party_id else ""
        return Login(name, kind, party_id, short or "")
    if not groups and is_owner(connection, name):
        return Login(name, OWNER)
    if not groups:
        raise WorkspaceError(tr(
            "U bent aangemeld als {login}, maar die gebruiker hoort niet bij de griffie, een fractie of de "
            "lezers van {label}. Vraag de beheerder van de gedeelde werkruimte om u toe te voegen "
            "(raadsakkoord db add-user).").format(login=name, label=label))
    raise WorkspaceError(tr(
        "De gebruiker {login} hoort bij meer dan één groep van {label}; de beheerder van de gedeelde werkruimte moet "
        "er één overhouden (raadsakkoord db remove-user en db add-user).").format(login=name, label=label))


@dataclass(frozen=True)
class Person:
    """One login in one of the workspace's groups, for ``raadsakkoord db users``."""

    name: str
    kind: str
    party_short_name: str = ""


def people(connection: sa.Connection) -> list[Person]:
    rows = connection.execute(sa.text("""
        SELECT u.rolname, g.kind, coalesce(p.short_name, '')
          FROM login_group g
          JOIN pg_roles r ON r.rolname = g.role_name
          JOIN pg_auth_members m ON m.roleid = r.oid
          JOIN pg_roles u ON u.oid = m.member
          LEFT JOIN party p ON p.id = g.party_id
         WHERE g.kind <> :parties AND u.rolcanlogin
         ORDER BY g.kind, 3, u.rolname
    """), {"parties": PARTIES_GROUP}).all()
    return [Person(*row) for row in rows]


def group_role(connection: sa.Connection, kind: str, party_short_name: str | None = None) -> str:
    """The role name of the workspace's griffie, readers, or one party (by its short name)."""
    if kind == PARTY_GROUP:
        row = connection.execute(sa.text(
            "SELECT g.role_name FROM login_group g JOIN party p ON p.id = g.party_id "
            "WHERE lower(p.short_name) = lower(:short)"), {"short": party_short_name or ""}).first()
        if row is None:
            known = ", ".join(connection.execute(sa.text("SELECT short_name FROM party ORDER BY short_name"))
                              .scalars()) or tr("geen")
            raise InputError(tr("Er is geen fractie {short} in deze werkruimte (wel: {known}).").format(
                short=party_short_name, known=known))
        return row[0]
    row = connection.execute(sa.text("SELECT role_name FROM login_group WHERE kind = :kind"), {"kind": kind}).first()
    if row is None:
        raise WorkspaceError(tr("Deze gedeelde werkruimte heeft nog geen groepen voor gebruikers; open haar eerst als "
                                "eigenaar met deze versie van Raadsakkoord, die ze maakt."))
    return row[0]


def check_login_name(name: str) -> str:
    name = name.strip()
    if not name or len(name.encode("utf-8")) > MAX_LOGIN or any(ord(c) < 32 or c == '"' for c in name):
        raise InputError(tr("Een gebruikersnaam is 1 tot {n} tekens lang, zonder aanhalingstekens of "
                            "stuurtekens.").format(n=MAX_LOGIN))
    return name


def scram_verifier(password: str, *, salt: bytes | None = None, iterations: int = 4096) -> str:
    """The SCRAM-SHA-256 verifier PostgreSQL stores, made here (RFC 5802/7677).

    So the password itself never reaches the server, nor a server log of
    ``ALTER ROLE`` statements; it is checked with any client's SCRAM login.
    """
    salt = salt if salt is not None else os.urandom(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()
    b64 = lambda data: base64.b64encode(data).decode("ascii")  # noqa: E731
    return f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


def _quote(connection: sa.Connection, name: str) -> str:
    return connection.dialect.identifier_preparer.quote_identifier(name)


def check_new_person(connection: sa.Connection, name: str, kind: str, party_short_name: str | None = None) -> str:
    """The group role ``name`` would go into; InputError for a group or person that cannot be."""
    group = group_role(connection, kind, party_short_name)
    existing = connection.execute(sa.text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :n"), {"n": name}).first()
    if existing is not None and not existing[0]:
        raise InputError(tr("{login} is een groep op de databaseserver, geen gebruiker.").format(login=name))
    if existing is not None and connection.execute(_GROUPS_OF, {"login": name, "parties": PARTIES_GROUP}).first():
        raise InputError(tr("{login} hoort al bij deze werkruimte; haal de gebruiker eerst weg "
                            "(raadsakkoord db remove-user) om de groep te veranderen.").format(login=name))
    return group


def add_person(connection: sa.Connection, name: str, kind: str, *, party_short_name: str | None = None,
               password: str | None = None) -> bool:
    """Put a login into one group of this workspace, making the login when the server lacks it.

    Returns whether the login was made. A login the server already has (a
    clerk of two agreements) keeps its password unless one is given.
    """
    name = check_login_name(name)
    group = check_new_person(connection, name, kind, party_short_name)
    existing = connection.execute(sa.text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first()
    if existing is None and not password:
        raise InputError(tr("Een nieuwe gebruiker heeft een wachtwoord nodig."))
    secret = f" PASSWORD '{scram_verifier(password)}'" if password else ""
    if existing is None:
        connection.exec_driver_sql(f"CREATE ROLE {_quote(connection, name)} LOGIN{secret}")
    elif secret:
        connection.exec_driver_sql(f"ALTER ROLE {_quote(connection, name)}{secret}")
    connection.exec_driver_sql(f"GRANT {_quote(connection, group)} TO {_quote(connection, name)}")
    return existing is None


def remove_person(connection: sa.Connection, name: str) -> bool:
    """Take a login out of this workspace's groups; the login itself goes when it is in no other group.

    Returns whether the login was removed from the server too. What the
    person wrote stays, with their name in the audit log.
    """
    name = check_login_name(name)
    groups = connection.execute(sa.text("""
        SELECT g.role_name FROM login_group g
          JOIN pg_roles r ON r.rolname = g.role_name
          JOIN pg_auth_members m ON m.roleid = r.oid
         WHERE m.member = (SELECT oid FROM pg_roles WHERE rolname = :n)"""), {"n": name}).scalars().all()
    if not groups:
        raise InputError(tr("{login} hoort niet bij deze werkruimte.").format(login=name))
    for group in groups:
        connection.exec_driver_sql(f"REVOKE {_quote(connection, group)} FROM {_quote(connection, name)}")
    others = connection.execute(sa.text(
        "SELECT count(*) FROM pg_auth_members WHERE member = (SELECT oid FROM pg_roles WHERE rolname = :n)"),
        {"n": name}).scalar_one()
    if others:
        return False
    try:
        with connection.begin_nested():
            connection.exec_driver_sql(f"DROP ROLE {_quote(connection, name)}")
    except sa.exc.DBAPIError:
        return False  # it still owns something or holds rights elsewhere on the server: left there
    return True
