"""The package file: canonical JSON, signed with Ed25519, checked before anything is read.

A package is one UTF-8 file holding the canonical serialisation (keys
sorted, no insignificant white space) of ``{format, version, header,
content, signature}``. The signature covers the canonical serialisation of
everything but itself. A file whose bytes are not exactly the canonical
serialisation of what it holds is refused too, so any altered byte, even
one that leaves valid JSON, is caught. The JSON Schema is
``resources/schemas/package-v1.schema.json``.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import hashlib
import json
import uuid
from dataclasses import dataclass

import fastjsonschema

from raadsakkoord.base import paths
from raadsakkoord.base.canonical import canonical_json
from raadsakkoord.base.errors import InputError
from raadsakkoord.base.i18n import tr
from raadsakkoord.exchange import keys

FORMAT = "raadsakkoord-package"
# The newest format this version reads and writes. Version 2 added the
# answers to co-submission requests (``co_submissions`` in the content) and
# the sender's audit head in the header. Every package this version writes
# carries the head, so it is version 2, which an older Raadsakkoord refuses
# as newer with a message to update; version 1 packages are still read.
VERSION = 3
# Ten times a real agreement makes a round package of a few tens of MiB; a
# file far beyond that is not a package and is refused before it is read.
MAX_PACKAGE_BYTES = 256 * 1024 * 1024


class PackageRefused(InputError):
    """A package that is not applied, with the reason in the user's language; nothing was written."""


def canonical(value) -> bytes:
    """The bytes that are signed and written: strict canonical JSON, so nothing is signed that reads back otherwise."""
    return canonical_json(value, strict=True).encode("utf-8")


def moment(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_moment(text: str | None) -> dt.datetime | None:
    if text is None:
        return None
    return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.timezone.utc)


@functools.cache
def _validator():
    # Compiled to Python once: a round package of a large agreement is tens
    # of MiB, which an interpreting validator takes many seconds over.
    schema = json.loads(paths.resource("schemas", "package-v1.schema.json").read_text("utf-8"))
    return fastjsonschema.compile(schema)


@dataclass(frozen=True)
class Package:
    header: dict
    content: dict
    signature: dict
    sha256: str  # of the file's bytes
    version: int = 1  # the format version it was written in, which its signature covers

    @property
    def kind(self) -> str:
        return self.header["kind"]

    @property
    def package_id(self) -> uuid.UUID:
        return uuid.UUID(self.header["package_id"])

    @property
    def agreement_id(self) -> uuid.UUID:
        return uuid.UUID(self.header["agreement"])

    @property
    def sender(self) -> str:
        return self.header["sender"]

    def signed_bytes(self) -> bytes:
        return canonical({"format": FORMAT, "version": self.version, "header": self.header, "content": self.content})

    def signature_valid(self, public_key_b64: str) -> bool:
        """Signed by this key, and the unsigned signature block names exactly this key.

        The block itself is not signed, so each of its bytes is checked
        another way: the fingerprint must be the key's, and the signature
        must be in canonical base64 (its last character has two spare bits
        a decoder would ignore).
        """
        value = base64.b64decode(self.signature["value"])
        if base64.b64encode(value).decode("ascii") != self.signature["value"]:
            return False
        if self.signature["fingerprint"] != keys.fingerprint(base64.b64decode(public_key_b64)):
            return False
        return keys.verify(public_key_b64, value, self.signed_bytes())


def seal(header: dict, content: dict, private_key, public_fingerprint: str) -> tuple[bytes, Package]:
    """The package file's bytes (header and content signed with the sender's key), and the package."""
    # The oldest version that holds the content, so a reader that knows no more can still read it.
    version = 3 if "support_requests" in content else 2 if "co_submissions" in content or "audit_head" in header else 1
    body = {"format": FORMAT, "version": version, "header": header, "content": content}
    signature = private_key.sign(canonical(body))
    body["signature"] = {"algorithm": "Ed25519", "fingerprint": public_fingerprint,
                         "value": base64.b64encode(signature).decode("ascii")}
    _validate(body, tr("het nieuwe pakket"))  # never write what we would refuse to read
    data = canonical(body)
    return data, Package(header, content, body["signature"], hashlib.sha256(data).hexdigest(), version)


def _no_duplicates(pairs):
    result = {}
    for key, value in pairs:
        if key in result:
            raise ValueError("duplicate key")
        result[key] = value
    return result


def _reject_constant(name):
    raise ValueError(name)


def _validate(document, source: str) -> None:
    try:
        _validator()(document)
    except fastjsonschema.JsonSchemaValueException as error:
        where = "/".join(str(p) for p in error.path[1:]) or tr("het geheel")
        raise PackageRefused(tr("{source} is beschadigd of onvolledig (bij {where}); het is niet ingelezen.").format(
            source=source, where=where)) from None


def read_package(data: bytes, source: str) -> Package:
    """Parse and check a package's form; the signature is checked by the importer, which knows the keys."""
    if len(data) > MAX_PACKAGE_BYTES:
        raise PackageRefused(tr(
            "{source} is te groot ({size} MiB; hoogstens {maximum} MiB) "
            "voor een pakket; het is niet ingelezen."
        ).format(source=source, size=len(data) // 2**20, maximum=MAX_PACKAGE_BYTES // 2**20))
    if not data:
        raise PackageRefused(tr("{source} is leeg; het is niet ingelezen.").format(source=source))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise PackageRefused(tr("{source} is geen geldige UTF-8-tekst en dus geen (heel) pakket; "
                                "het is niet ingelezen.").format(source=source)) from None
    try:
        document = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_reject_constant)
    except (json.JSONDecodeError, ValueError, RecursionError):
        raise PackageRefused(tr("{source} is geen pakket van Raadsakkoord of is beschadigd (afgebroken?); "
                                "het is niet ingelezen.").format(source=source)) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise PackageRefused(tr("{source} is geen pakket van Raadsakkoord; het is niet ingelezen.").format(
            source=source))
    version = document.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise PackageRefused(tr("{source} is gemaakt met een nieuwere versie van Raadsakkoord (pakketversie "
                                "{version}); werk Raadsakkoord bij om het in te lezen.").format(
                                    source=source, version=version))
    _validate(document, source)
    try:
        again = canonical(document)
    except UnicodeEncodeError:  # a lone surrogate escape (\ud800) is no text at all
        raise PackageRefused(tr("{source} bevat ongeldige tekens; het is niet ingelezen.").format(
            source=source)) from None
    if again != data:
        raise PackageRefused(tr("{source} is na het ondertekenen gewijzigd; het is niet ingelezen.").format(
            source=source))
    return Package(document["header"], document["content"], document["signature"],
                   hashlib.sha256(data).hexdigest(), document["version"])
