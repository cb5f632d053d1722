"""The people of a shared PostgreSQL database (``db``), and who one is logged in as (``whoami``)."""

from __future__ import annotations

import argparse
import contextlib
import sys

from raadsakkoord.base.errors import InputError, PermissionDenied
from raadsakkoord.base.i18n import tr
from raadsakkoord.cli.common import ask_password, open_target, say, say_json

MIN_PASSWORD = 10


def register(sub: argparse._SubParsersAction) -> None:
    whoami = sub.add_parser("whoami")
    whoami.add_argument("workspace", metavar=tr("DATABASE-URL"), help=tr("postgresql://gebruiker@server/naam"))
    whoami.set_defaults(handler=run_whoami)

    db = sub.add_parser("db")
    actions = db.add_subparsers(dest="db_command", metavar=tr("ACTIE"), required=True)
    add = actions.add_parser("add-user", help=tr("geef iemand een eigen aanmelding, bij de griffie, een fractie of "
                                                 "als lezer"))
    add.add_argument("workspace", metavar=tr("DATABASE-URL"), help=tr("de gedeelde werkruimte, als haar eigenaar"))
    add.add_argument("name", metavar=tr("NAAM"), help=tr("de gebruikersnaam waarmee de persoon zich aanmeldt"))
    group = add.add_mutually_exclusive_group(required=True)
    group.add_argument("--griffie", action="store_true", help=tr("de persoon werkt voor de griffie"))
    group.add_argument("--party", metavar=tr("KORTE-NAAM"), help=tr("de persoon werkt voor deze fractie"))
    group.add_argument("--reader", action="store_true",
                       help=tr("de persoon leest alleen mee (college, ambtenaren)"))
    add.add_argument("--password-stdin", action="store_true",
                     help=tr("lees het wachtwoord van de eerste regel van stdin, in plaats van het te vragen"))
    add.set_defaults(handler=run_add_user)
    users = actions.add_parser("users", help=tr("toon wie zich bij de gedeelde werkruimte kan aanmelden, en voor wie"))
    users.add_argument("workspace", metavar=tr("DATABASE-URL"))
    users.add_argument("--json", action="store_true", help=tr("als JSON, voor scripts"))
    users.set_defaults(handler=run_users)
    remove = actions.add_parser("remove-user", help=tr("neem iemand de toegang tot de gedeelde werkruimte af"))
    remove.add_argument("workspace", metavar=tr("DATABASE-URL"))
    remove.add_argument("name", metavar=tr("NAAM"))
    remove.set_defaults(handler=run_remove_user)


def _shared(target: str):
    """The workspace on its database server; a workspace file has no logins."""
    if "://" not in target or target.strip().lower().startswith("sqlite"):
        raise InputError(tr("Aanmeldingen horen bij een gedeelde werkruimte op een PostgreSQL-server "
                            "(postgresql://gebruiker@server/naam); een werkruimtebestand heeft ze niet: "
                            "daar kiest u in het venster namens wie u werkt."))
    return open_target(target)


def _as_owner(target: str):
    from raadsakkoord.store.logins import OWNER

    workspace = _shared(target)
    if workspace.login.kind != OWNER:
        workspace.close()
        raise PermissionDenied(tr("Alleen de eigenaar van de gedeelde werkruimte beheert wie zich aanmeldt; u bent "
                                  "aangemeld als {login} ({group}).").format(login=workspace.login.name,
                                                                              group=workspace.login.group_label))
    return workspace


@contextlib.contextmanager
def _managing_roles():
    """Roles are the server's: an owner without the right to make them is told which right is missing."""
    from sqlalchemy.exc import DBAPIError

    try:
        yield
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) != "42501":
            raise
        raise PermissionDenied(tr("De databaseserver staat dit niet toe: de eigenaar van de gedeelde werkruimte heeft het "
                                  "recht CREATEROLE nodig om aanmeldingen te beheren. Er is niets gewijzigd."))\
            from None


def _new_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    elif sys.stdin is not None and sys.stdin.isatty():
        password = ask_password(tr("Wachtwoord voor {name}:").format(name=args.name))
        if ask_password(tr("Nog een keer:")) != password:
            raise InputError(tr("De twee wachtwoorden verschillen; er is niets gewijzigd."))
    else:
        raise InputError(tr("Typ het wachtwoord in een terminal, of geef het met --password-stdin; "
                            "nooit op de opdrachtregel."))
    if len(password) < MIN_PASSWORD:
        raise InputError(tr("Een wachtwoord heeft minstens {n} tekens.").format(n=MIN_PASSWORD))
    return password


def _group_of(args: argparse.Namespace) -> tuple[str, str | None]:
    from raadsakkoord.model.login import GRIFFIE_GROUP, PARTY_GROUP, READER_GROUP

    if args.griffie:
        return GRIFFIE_GROUP, None
    if args.reader:
        return READER_GROUP, None
    return PARTY_GROUP, args.party


def run_add_user(args: argparse.Namespace) -> int:
    from raadsakkoord.store.logins import add_person, check_login_name, check_new_person

    name = check_login_name(args.name)
    kind, party = _group_of(args)
    workspace = _as_owner(args.workspace)
    try:
        with workspace.engine.connect() as connection:
            check_new_person(connection, name, kind, party)  # before the password is typed for nothing
        password = _new_password(args)
        with _managing_roles(), workspace.engine.begin() as connection:
            made = add_person(connection, name, kind, party_short_name=party, password=password)
    finally:
        workspace.close()
    group = party if party else (tr("griffie") if args.griffie else tr("lezer"))
    if made:
        say(tr("{name} kan zich nu aanmelden ({group}).").format(name=name, group=group))
    else:
        say(tr("{name} bestond al op de databaseserver en hoort nu bij deze werkruimte ({group}); het "
               "wachtwoord is vervangen.").format(name=name, group=group))
    return 0


def _people(args: argparse.Namespace):
    from raadsakkoord.store.logins import people

    workspace = _as_owner(args.workspace)
    try:
        with workspace.engine.connect() as connection:
            return people(connection)
    finally:
        workspace.close()


def _group_label(kind: str, short: str) -> str:
    return {"griffie": tr("griffie"), "reader": tr("lezer")}.get(kind, short)


def run_users(args: argparse.Namespace) -> int:
    found = _people(args)
    if args.json:
        say_json([{"name": p.name, "group": p.kind, "party": p.party_short_name or None} for p in found])
        return 0
    if not found:
        say(tr("Nog niemand kan zich aanmelden; voeg mensen toe met raadsakkoord db add-user."))
        return 0
    width = max(len(p.name) for p in found)
    for person in found:
        say(f"{person.name.ljust(width)}  {_group_label(person.kind, person.party_short_name)}")
    return 0


def run_remove_user(args: argparse.Namespace) -> int:
    from raadsakkoord.store.logins import remove_person

    workspace = _as_owner(args.workspace)
    try:
        with _managing_roles(), workspace.engine.begin() as connection:
            dropped = remove_person(connection, args.name)
    finally:
        workspace.close()
    if dropped:
        say(tr("{name} kan zich niet meer aanmelden; wat die persoon schreef, blijft staan.").format(name=args.name))
    else:
        say(tr("{name} hoort niet meer bij deze werkruimte; de aanmelding zelf blijft op de databaseserver "
               "(voor een andere werkruimte).").format(name=args.name))
    return 0


def run_whoami(args: argparse.Namespace) -> int:
    workspace = _shared(args.workspace)
    try:
        login = workspace.login
    finally:
        workspace.close()
    say(f"{login.name} ({login.group_label})")
    return 0
