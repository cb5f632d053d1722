"""CLI: `raadsakkoord keys …` and `raadsakkoord package …`."""

from __future__ import annotations

import argparse
import getpass
import sys
import uuid
from pathlib import Path

import sqlalchemy as sa

from raadsakkoord.base.files import check_target, read_file_limited, write_atomic
from raadsakkoord.cli.common import in_workspace, open_target, say
from raadsakkoord.base.errors import InputError
from raadsakkoord.exchange import keys, keystore
from raadsakkoord.exchange.envelope import MAX_PACKAGE_BYTES, read_package
from raadsakkoord.base.i18n import mark, tr
from raadsakkoord.model import TrustedKey
from raadsakkoord.base.actor import Actor


FORCE_HELP = mark("vervang een bestaand bestand ook als het geen bestand van deze soort is "
                  "(een werkruimte of geheime sleutel wordt nooit overschreven)")


def register(sub: argparse._SubParsersAction) -> None:
    keys_parser = sub.add_parser("keys")
    keys_sub = keys_parser.add_subparsers(dest="keys_command", metavar=tr("OPDRACHT"), required=True)
    init = keys_sub.add_parser("init", help=tr("maak het sleutelpaar van de griffie of van een fractie"))
    init.add_argument("workspace", metavar=tr("WERKRUIMTE"))
    init.add_argument("--as", dest="as_who", required=True, metavar=tr("griffie|FRACTIE"))
    init.add_argument("--replace", action="store_true",
                      help=tr("vervang een verloren of gelekte sleutel door een nieuwe"))
    init.set_defaults(handler=run_keys_init)
    export = keys_sub.add_parser("export-public", help=tr("schrijf de openbare sleutel naar een bestand"))
    export.add_argument("workspace", metavar=tr("WERKRUIMTE"))
    export.add_argument("--as", dest="as_who", required=True, metavar=tr("griffie|FRACTIE"))
    export.add_argument("-o", "--output", required=True, metavar=tr("BESTAND"))
    export.add_argument("--force", action="store_true", help=tr(FORCE_HELP))
    export.set_defaults(handler=run_keys_export)
    reg = keys_sub.add_parser("register", help=tr("leg de openbare sleutel van de griffie of een fractie vast"))
    reg.add_argument("workspace", metavar=tr("WERKRUIMTE"))
    reg.add_argument("keyfile", metavar=tr("SLEUTELBESTAND"))
    reg.add_argument("--replace", action="store_true",
                     help=tr("vervang de eerder vastgelegde sleutel van deze afzender (na telefonische controle)"))
    reg.set_defaults(handler=run_keys_register)
    lst = keys_sub.add_parser("list", help=tr("toon de vastgelegde sleutels en hun vingerafdrukken"))
    lst.add_argument("workspace", metavar=tr("WERKRUIMTE"))
    lst.set_defaults(handler=run_keys_list)

    pkg = sub.add_parser("package")
    pkg_sub = pkg.add_subparsers(dest="package_command", metavar=tr("OPDRACHT"), required=True)
    exp = pkg_sub.add_parser("export", help=tr("schrijf een ondertekend pakket"))
    exp.add_argument("workspace", metavar=tr("WERKRUIMTE"))
    which = exp.add_mutually_exclusive_group(required=True)
    which.add_argument("--round", nargs="?", const=0, type=int, metavar="N",
                       help=tr("rondepakket van de griffie (standaard de laatste ronde)"))
    which.add_argument("--party", metavar=tr("FRACTIE"), help=tr("pakket van deze fractie"))
    exp.add_argument("-o", "--output", required=True, metavar=tr("BESTAND"))
    exp.add_argument("--force", action="store_true", help=tr(FORCE_HELP))
    exp.set_defaults(handler=run_package_export)
    imp = pkg_sub.add_parser("import", help=tr("lees een pakket in (alles of niets)"))
    imp.add_argument("workspace", metavar=tr("WERKRUIMTE"),
                     help=tr("bestaande werkruimte; een fractie mag een nieuwe noemen"))
    imp.add_argument("file", metavar=tr("PAKKET"))
    imp.set_defaults(handler=run_package_import)
    ver = pkg_sub.add_parser("verify", help=tr("controleer een pakket zonder het in te lezen"))
    ver.add_argument("file", metavar=tr("PAKKET"))
    ver.add_argument("--key", metavar=tr("SLEUTELBESTAND"), help=tr("controleer ook de handtekening met deze sleutel"))
    ver.set_defaults(handler=run_package_verify)


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "onbekende gebruiker"


def _actor(session) -> Actor:
    if "authenticated" in session.info:  # a shared database: the person who logged in
        return session.info["authenticated"]
    own = session.scalars(sa.select(TrustedKey).where(TrustedKey.own.is_(True))).first()
    if own is not None and own.holder.startswith("party:"):
        return Actor(name=f"{_user()} ({own.name})", party_id=uuid.UUID(own.holder.split(":", 1)[1]))
    return Actor(name=_user())


def ask_on_terminal(request: keystore.PassphraseRequest) -> str | None:
    """The passphrase from the terminal, without echo; a new one is typed twice."""
    if request.problem:
        print(f"raadsakkoord: {request.problem}", file=sys.stderr)
    try:
        if not request.new:
            return getpass.getpass(tr("Wachtwoordzin voor de sleutel van {name}: ").format(name=request.name))
        print(tr("Er is geen sleutelbos van het besturingssysteem beschikbaar; de sleutel van {name} wordt "
                 "versleuteld met een wachtwoordzin die u nu kiest. Onthoud die goed: zonder wachtwoordzin "
                 "is de sleutel niet te gebruiken.").format(name=request.name), file=sys.stderr)
        while True:
            first = getpass.getpass(tr("Nieuwe wachtwoordzin (minstens {n} tekens): ").format(
                n=keystore.MIN_PASSPHRASE))
            if getpass.getpass(tr("Nogmaals: ")) == first:
                return first
            print(f"raadsakkoord: {tr('De twee wachtwoordzinnen verschillen; probeer het opnieuw.')}",
                  file=sys.stderr)
    except EOFError:
        return None


def _terminal_for_passphrases() -> None:
    # Only an interactive terminal can be asked; elsewhere RAADSAKKOORD_KEY_PASSPHRASE must say it.
    keystore.set_prompt(ask_on_terminal if sys.stdin is not None and sys.stdin.isatty() else None)


def run_keys_init(args) -> int:
    _terminal_for_passphrases()

    def make(session):
        identity = keys.resolve_identity(session, args.as_who)
        create = keys.replace_key if args.replace else keys.init_key
        return identity, create(session, _actor(session), identity)

    identity, trusted = in_workspace(args.workspace, make)
    # Printed only after the commit: the key is really recorded.
    say(tr("Sleutel gemaakt voor {name}. Vingerafdruk: {fingerprint}").format(
        name=identity.name, fingerprint=trusted.fingerprint))
    say(tr("De geheime sleutel staat {where}; deel die met niemand.").format(
        where=keystore.location_text(identity)))
    if args.replace:
        say(tr("Stuur de nieuwe openbare sleutel ('keys export-public') naar de griffie; die legt hem vast met "
               "'keys register --replace' na telefonische controle van de vingerafdruk."))
    return 0


def run_keys_export(args) -> int:
    def export(session):
        identity = keys.resolve_identity(session, args.as_who)
        return identity, keys.export_public_key(session, identity)

    protect = () if "://" in args.workspace else (args.workspace,)
    check_target(args.output, kind="key", force=args.force, protect=protect)  # before the workspace is opened
    identity, data = in_workspace(args.workspace, export)
    write_atomic(args.output, data, kind="key", force=args.force, protect=protect)
    say(tr("Openbare sleutel van {name} geschreven naar {path}").format(name=identity.name, path=args.output))
    return 0


def run_keys_register(args) -> int:
    data = read_file_limited(args.keyfile, keys.MAX_KEY_FILE)
    keys.read_public_key_file(data, args.keyfile)  # refuse a bad file before creating a workspace
    trusted = in_workspace(args.workspace,
                           lambda session: keys.register_public_key(session, _actor(session), data, args.keyfile,
                                                                    replace=args.replace),
                           create=True)
    say(tr("Sleutel van {name} vastgelegd. Vingerafdruk: {fingerprint}").format(
        name=trusted.name, fingerprint=trusted.fingerprint))
    say(tr("Controleer deze vingerafdruk telefonisch bij de afzender."))
    return 0


def run_keys_list(args) -> int:
    rows = in_workspace(args.workspace, lambda session: [
        (key.name, key.fingerprint, key.own)
        for key in session.scalars(sa.select(TrustedKey).order_by(TrustedKey.name))])
    for name, fingerprint, own in rows:
        say(f"{name:<16} {fingerprint}" + ("  " + tr("(eigen sleutel)") if own else ""))
    if not rows:
        say(tr("Er zijn nog geen sleutels vastgelegd."))
    return 0


def run_package_export(args) -> int:
    from raadsakkoord.exchange.packagefile import write_package_file

    _terminal_for_passphrases()

    def sender(session):
        if args.party is None:
            return _actor(session), None
        identity = keys.resolve_identity(session, args.party)
        if identity.party_id is None:
            raise InputError(tr("Gebruik --round voor een pakket van de griffie."))
        return _actor(session), identity.party_id

    check_target(args.output, kind="rkpkg", force=args.force,
                 protect=() if "://" in args.workspace else (args.workspace,))  # before the workspace is opened
    workspace = open_target(args.workspace)
    try:
        with workspace.action() as session:
            actor, party_id = sender(session)
            identity = keys.identity_for(session, party_id)
        # Asked before the export's transaction, so no write waits on the user's typing.
        keystore.unlock(identity)
        written = write_package_file(workspace, actor, party_id, args.output, round_number=args.round or None,
                                     force=args.force)
    finally:
        workspace.close()
    say(written.status_line())
    return 0


def run_package_import(args) -> int:
    from raadsakkoord.exchange import import_package

    data = read_file_limited(args.file, MAX_PACKAGE_BYTES)
    package = read_package(data, args.file)  # a malformed package is refused before any workspace is touched
    if "://" not in args.workspace and not Path(args.workspace).exists() and package.kind == "round":
        raise InputError(tr(
            "Werkruimte {workspace} bestaat nog niet. Leg eerst de sleutel van de griffie vast met "
            "'raadsakkoord keys register {workspace} {keyfile}'; daarna kan dit rondepakket erin."
        ).format(workspace=args.workspace, keyfile=tr("SLEUTELBESTAND")))
    report = in_workspace(args.workspace,
                          lambda session: import_package(session, _actor(session), data, args.file))
    say("\n".join(report.lines()))
    return 0


def run_package_verify(args) -> int:
    data = read_file_limited(args.file, MAX_PACKAGE_BYTES)
    package = read_package(data, args.file)
    header = package.header
    kind = tr("rondepakket") if package.kind == "round" else tr("fractiepakket")
    say(tr("{file}: {kind} van {sender}, nummer {sequence}, ronde {round}, gemaakt {created}").format(
        file=args.file, kind=kind, sender=header["sender_name"], sequence=header["sequence"],
        round=header["base_round"], created=header["created_at"]))
    say("  " + tr("raadsakkoord {agreement}; ondertekend met sleutel {fingerprint}").format(
        agreement=header["agreement"], fingerprint=package.signature["fingerprint"]))
    if args.key:
        document = keys.read_public_key_file(read_file_limited(args.key, keys.MAX_KEY_FILE), args.key)
        if document["holder"] != package.sender or document["agreement"] != package.agreement_id:
            raise InputError(tr("{path} is niet de sleutel van de afzender van dit pakket.").format(path=args.key))
        if not package.signature_valid(document["public_key"]):
            raise InputError(tr("{path} heeft een ongeldige handtekening: het is gewijzigd of vervalst.").format(
                path=args.file))
        say("  " + tr("handtekening klopt (sleutel {fingerprint})").format(fingerprint=document["fingerprint"]))
    else:
        say("  " + tr("vorm in orde; geef --key om ook de handtekening te controleren"))
    return 0
