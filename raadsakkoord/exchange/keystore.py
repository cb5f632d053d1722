"""Where a private signing key is kept: the operating system's keychain, or a file locked with a passphrase.

Anyone who copies a laptop's home folder must not be able to sign as the
party. So a private key is never on disk unencrypted, not even for a moment:
it goes into the keychain (Windows Credential Manager, the macOS Keychain,
the Secret Service on Linux) when ``keyring`` finds one, and otherwise into a
PKCS#8 file encrypted with the user's passphrase and readable by the user
only. The key folder then holds, per holder, either a small marker that says
"in the keychain" (no secret) or the encrypted file. Keys written unencrypted
by earlier versions are moved on first use.

The passphrase comes from, in this order: what the window asked for earlier
in this run (``remember_passphrase``), ``RAADSAKKOORD_KEY_PASSPHRASE``, or the
prompt the program installed (``set_prompt``: the command line asks on the
terminal). Without any of them the user gets one clear sentence, never a
hanging program.
"""

from __future__ import annotations

import base64
import json
import os
import sys
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from raadsakkoord.base import paths
from raadsakkoord.base.errors import DomainError, InputError
from raadsakkoord.base.i18n import tr
from raadsakkoord.exchange import keychain

PASSPHRASE_ENV = "RAADSAKKOORD_KEY_PASSPHRASE"
MIN_PASSPHRASE = 8
MARKER_FORMAT = "raadsakkoord-key-location"
MAX_ATTEMPTS = 3

Place = Literal["keychain", "file", "unencrypted"]


class Holder(Protocol):
    """Whose key: ``keys.Identity``."""

    agreement_id: uuid.UUID
    holder: str
    name: str


@dataclass(frozen=True)
class PassphraseRequest:
    name: str          # whose key, for the question
    new: bool          # choosing a passphrase (asked twice) rather than unlocking with one
    problem: str = ""  # why the previous answer was not accepted


# Returns the passphrase, or None when the user cancelled.
PassphrasePrompt = Callable[[PassphraseRequest], "str | None"]

_prompt: PassphrasePrompt | None = None
_remembered: dict[tuple[str, str], str] = {}


def set_prompt(prompt: PassphrasePrompt | None) -> None:
    """How this program asks for a passphrase; None: it cannot ask (a window's worker, a script)."""
    global _prompt
    _prompt = prompt


def remember_passphrase(identity: Holder, passphrase: str) -> None:
    """Keep the passphrase in memory for the rest of this run (the window asks once, then signs off its GUI thread)."""
    _remembered[_slot(identity)] = passphrase


def forget_passphrases() -> None:
    _remembered.clear()


def _slot(identity: Holder) -> tuple[str, str]:
    return str(identity.agreement_id), identity.holder


# --- where ----------------------------------------------------------------------------------

def _folder(identity: Holder) -> Path:
    return paths.keys_dir() / str(identity.agreement_id)


def _stem(identity: Holder) -> str:
    return identity.holder.replace(":", "-")


def encrypted_path(identity: Holder) -> Path:
    return _folder(identity) / f"{_stem(identity)}.key"


def marker_path(identity: Holder) -> Path:
    return _folder(identity) / f"{_stem(identity)}.keychain"


def unencrypted_path(identity: Holder) -> Path:
    """Where versions before the keychain kept the key, unencrypted; only read, to move it."""
    return _folder(identity) / f"{_stem(identity)}.pem"


def place(identity: Holder) -> Place | None:
    """Where this computer keeps the holder's private key, or None."""
    if marker_path(identity).exists():
        return "keychain"
    if encrypted_path(identity).exists():
        return "file"
    if unencrypted_path(identity).exists():
        return "unencrypted"
    return None


def location_text(identity: Holder) -> str:
    """Where the key is, in words for the user."""
    if place(identity) == "keychain":
        return tr("in de sleutelbos van het besturingssysteem")
    return tr("versleuteld met uw wachtwoordzin in {path}").format(path=encrypted_path(identity))


# --- the keychain ---------------------------------------------------------------------------

def keychain_available() -> bool:
    return keychain.available()


def _account(identity: Holder) -> str:
    return f"{identity.agreement_id}/{identity.holder}"


def _raw(private: Ed25519PrivateKey) -> bytes:
    return private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                 serialization.NoEncryption())


def _into_keychain(identity: Holder, private: Ed25519PrivateKey) -> bool:
    """True when the keychain took the key and the marker says so; False to use the file instead."""
    if not keychain.put(_account(identity), "ed25519:" + base64.b64encode(_raw(private)).decode()):
        return False  # none, or a locked or refusing keychain: the passphrase file still protects the key
    marker = {"format": MARKER_FORMAT, "service": keychain.SERVICE, "account": _account(identity)}
    try:
        _write_private(marker_path(identity), (json.dumps(marker, indent=2) + "\n").encode())
    except OSError:
        keychain.delete(_account(identity))
        raise
    return True


def _from_keychain(identity: Holder) -> Ed25519PrivateKey:
    lost = tr("Bent u hem kwijt, maak dan een nieuwe sleutel ({command}) en laat de griffie de nieuwe "
              "openbare sleutel vastleggen.").format(command=_replace_command(identity))
    try:
        secret = keychain.get(_account(identity))
    except keychain.KeychainRefused as exc:
        if not str(exc):
            raise DomainError(tr("De sleutel van {name} staat in de sleutelbos van het besturingssysteem, maar "
                                 "die is nu niet bereikbaar. Meld u aan in uw gewone bureaubladsessie en probeer "
                                 "het opnieuw.").format(name=identity.name) + " " + lost) from None
        raise DomainError(tr("De sleutelbos van het besturingssysteem gaf de sleutel van {name} niet vrij "
                             "({error}).").format(name=identity.name, error=exc) + " " + lost) from None
    if not secret or not secret.startswith("ed25519:"):
        raise DomainError(tr("De sleutel van {name} is niet (meer) in de sleutelbos van deze computer te "
                             "vinden.").format(name=identity.name) + " " + lost)
    try:
        return Ed25519PrivateKey.from_private_bytes(base64.b64decode(secret.removeprefix("ed25519:")))
    except ValueError:
        raise DomainError(tr("De sleutel van {name} in de sleutelbos is beschadigd.").format(
            name=identity.name) + " " + lost) from None


# --- the passphrase -------------------------------------------------------------------------

def _replace_command(identity: Holder) -> str:
    who = "griffie" if identity.holder == "griffie" else identity.name
    return f"raadsakkoord keys init {tr('WERKRUIMTE')} --as {who} --replace"


def lost_passphrase_text(identity: Holder) -> str:
    """The way out for a forgotten passphrase, for both the terminal and the window."""
    return tr("Bent u de wachtwoordzin kwijt, dan is deze sleutel niet meer te gebruiken: maak een nieuwe "
              "({command}) en laat de griffie de nieuwe openbare sleutel vastleggen.").format(
        command=_replace_command(identity))


def passphrase_problem(passphrase: str) -> str:
    """Why a new passphrase is refused, or ""."""
    if len(passphrase) < MIN_PASSPHRASE:
        return tr("Kies een wachtwoordzin van minstens {n} tekens.").format(n=MIN_PASSPHRASE)
    return ""


def _no_passphrase(identity: Holder) -> DomainError:
    return DomainError(tr("Er is geen wachtwoordzin voor de sleutel van {name}: er is geen terminal om "
                          "ernaar te vragen en {variable} is niet gezet.").format(
        name=identity.name, variable=PASSPHRASE_ENV))


def _cancelled() -> DomainError:
    return DomainError(tr("Afgebroken: zonder wachtwoordzin kan de sleutel niet worden gebruikt."))


def _new_passphrase(identity: Holder) -> str:
    """A passphrase to lock a new (or moved) key with."""
    given = _remembered.get(_slot(identity)) or os.environ.get(PASSPHRASE_ENV)
    if given:
        problem = passphrase_problem(given)
        if problem:
            raise InputError(problem)
        return given
    if _prompt is None:
        raise _no_passphrase(identity)
    problem = ""
    for _ in range(MAX_ATTEMPTS):
        answer = _prompt(PassphraseRequest(identity.name, new=True, problem=problem))
        if answer is None:
            raise _cancelled()
        problem = passphrase_problem(answer)
        if not problem:
            return answer
    raise InputError(problem)


def _decrypt(data: bytes, passphrase: str) -> Ed25519PrivateKey | None:
    """The key, or None for a wrong passphrase."""
    try:
        key = serialization.load_pem_private_key(data, password=passphrase.encode("utf-8"))
    except (ValueError, TypeError):
        return None
    return key if isinstance(key, Ed25519PrivateKey) else None


def _from_file(identity: Holder) -> tuple[Ed25519PrivateKey, str]:
    """The key and the passphrase that opened it."""
    path = encrypted_path(identity)
    try:
        data = path.read_bytes()
    except OSError:
        data = b""
    if b"ENCRYPTED PRIVATE KEY" not in data:
        raise DomainError(tr("De sleutel van {name} in {path} is onleesbaar.").format(name=identity.name, path=path))
    given = _remembered.get(_slot(identity)) or os.environ.get(PASSPHRASE_ENV)
    if given:
        key = _decrypt(data, given)
        if key is None:
            raise DomainError(tr("De wachtwoordzin voor de sleutel van {name} klopt niet.").format(
                name=identity.name) + " " + lost_passphrase_text(identity))
        return key, given
    if _prompt is None:
        raise _no_passphrase(identity)
    problem = ""
    for _ in range(MAX_ATTEMPTS):
        answer = _prompt(PassphraseRequest(identity.name, new=False, problem=problem))
        if answer is None:
            raise _cancelled()
        key = _decrypt(data, answer)
        if key is not None:
            return key, answer
        problem = tr("Die wachtwoordzin klopt niet.")
    raise DomainError(tr("De wachtwoordzin voor de sleutel van {name} klopt niet.").format(
        name=identity.name) + " " + lost_passphrase_text(identity))


def check_passphrase(identity: Holder, passphrase: str) -> bool:
    """Whether the passphrase opens the holder's key file (the window checks before it remembers one)."""
    try:
        data = encrypted_path(identity).read_bytes()
    except OSError:
        return False
    return _decrypt(data, passphrase) is not None


def _into_file(identity: Holder, private: Ed25519PrivateKey, passphrase: str) -> None:
    data = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                 serialization.BestAvailableEncryption(passphrase.encode("utf-8")))
    _write_private(encrypted_path(identity), data)


def _write_private(path: Path, data: bytes) -> None:
    """Readable by the user only from the first byte on, and whole or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.nieuw")
    temp.unlink(missing_ok=True)  # a leftover of a crash may have other permissions: start afresh
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


# --- storing and loading --------------------------------------------------------------------

@dataclass
class Sealer:
    """Where a new key will go, decided (and the passphrase asked for) before anything is written."""

    identity: Holder
    passphrase: str | None  # None: the keychain

    def seal(self, private: Ed25519PrivateKey) -> Place:
        if self.passphrase is None and _into_keychain(self.identity, private):
            return "keychain"
        passphrase = self.passphrase if self.passphrase is not None else _new_passphrase(self.identity)
        _into_file(self.identity, private, passphrase)
        return "file"


def sealer_for(identity: Holder) -> Sealer:
    """Ask for a passphrase now if the key will need one, so nothing waits on the user mid-write."""
    return Sealer(identity, None if keychain_available() else _new_passphrase(identity))


def prepare_new(identity: Holder) -> None:
    """Before a key is made where nobody can be asked (a worker thread): ask for its passphrase now, if it needs one."""
    passphrase = sealer_for(identity).passphrase
    if passphrase is not None:
        remember_passphrase(identity, passphrase)


def unlock(identity: Holder, notice: Callable[[str], None] | None = None) -> None:
    """Open the key now, asking what must be asked, so that signing later needs no question."""
    _load(identity, notice, remember=True)


def load(identity: Holder, notice: Callable[[str], None] | None = None) -> Ed25519PrivateKey:
    """The holder's private key; an unencrypted one from an earlier version is moved first (``notice`` hears so)."""
    return _load(identity, notice, remember=False)


def _load(identity: Holder, notice: Callable[[str], None] | None, *, remember: bool) -> Ed25519PrivateKey:
    where = place(identity)
    if where == "unencrypted":
        message = move_unencrypted(identity)
        (notice or _tell)(message)
        where = place(identity)
    if where == "keychain":
        key = _from_keychain(identity)
    elif where == "file":
        key, passphrase = _from_file(identity)
        if remember:
            remember_passphrase(identity, passphrase)
    else:
        raise DomainError(tr(
            "Er is op deze computer geen sleutel voor {name}; maak die eerst met "
            "'raadsakkoord keys init … --as {name}'."
        ).format(name=identity.name))
    # A move that stopped after the new copy was safe leaves the old file: finish it.
    unencrypted_path(identity).unlink(missing_ok=True)
    return key


def _tell(message: str) -> None:
    print(f"raadsakkoord: {message}", file=sys.stderr)


def move_unencrypted(identity: Holder) -> str:
    """Put a key an earlier version wrote unencrypted into the keychain or an encrypted file; remove the old file.

    Returns the message for the user. The old file is unlinked, not
    overwritten first: on an SSD overwriting does not reach the old blocks,
    so the message says what that means instead of promising too much.
    """
    old = unencrypted_path(identity)
    try:
        key = serialization.load_pem_private_key(old.read_bytes(), password=None)
    except (ValueError, TypeError, OSError):
        raise DomainError(tr("De sleutel van {name} in {path} is onleesbaar.").format(
            name=identity.name, path=old)) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise DomainError(tr("{path} bevat geen Ed25519-sleutel.").format(path=old))
    sealer = sealer_for(identity)
    sealer.seal(key)
    if sealer.passphrase is not None:
        remember_passphrase(identity, sealer.passphrase)  # just chosen: opening the key now must not ask again
    old.unlink()
    return tr("De sleutel van {name} stond onversleuteld in {path}; hij staat nu {where} en het oude bestand "
              "is verwijderd. Op sommige schijven blijven resten van een verwijderd bestand nog een tijd "
              "leesbaar: heeft iemand anders deze computer of een kopie ervan gehad, maak dan een nieuwe "
              "sleutel.").format(name=identity.name, path=old, where=location_text(identity))


def remove(identity: Holder) -> None:
    """Forget the holder's private key on this computer (before a new one replaces it)."""
    if marker_path(identity).exists():
        keychain.delete(_account(identity))
        marker_path(identity).unlink()
    encrypted_path(identity).unlink(missing_ok=True)
    unencrypted_path(identity).unlink(missing_ok=True)
    _remembered.pop(_slot(identity), None)
