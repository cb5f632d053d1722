"""Canonical Markdown: the one form in which section texts are stored and hashed.

Two texts that look the same to a reader must be the same bytes, or hashes,
diffs and stale-support checks would report changes nobody made.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from raadsakkoord.base.errors import InputError
from raadsakkoord.base.i18n import tr

# C0/C1 control characters other than newline and tab: they come from pasted
# Word text or broken files, are invisible, and would garble exports.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BLANK_RUN = re.compile(r"\n{3,}")


def canonical_markdown(text: str) -> str:
    """Normalise line ends, Unicode form, trailing spaces and blank lines.

    Raises InputError for control characters, which no keyboard types.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = unicodedata.normalize("NFC", text)
    bad = _CONTROL.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise InputError(tr(
            "De tekst bevat een onzichtbaar stuurteken ({character}) op regel {line}; "
            "verwijder het en probeer het opnieuw."
        ).format(character=f"U+{ord(bad.group()):04X}", line=line))
    text = text.replace("\t", "    ")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = _BLANK_RUN.sub("\n\n", text)
    return text.strip("\n")


def single_line(value: str, what: str, *, max_length: int = 200, required: bool = True) -> str:
    """A title, name or headline: one line, trimmed, not empty when required.

    ``what`` names the field in the user's language (``tr("De titel")``).
    """
    value = unicodedata.normalize("NFC", (value or "")).strip()
    if _CONTROL.search(value) or "\n" in value or "\r" in value:
        raise InputError(tr("{what} moet één regel tekst zijn, zonder regeleinden of stuurtekens.").format(what=what))
    if required and not value:
        raise InputError(tr("{what} mag niet leeg zijn.").format(what=what))
    if len(value) > max_length:
        raise InputError(tr("{what} is te lang ({length} tekens; maximaal {maximum}).").format(
            what=what, length=len(value), maximum=max_length))
    return value


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def decode_utf8(data: bytes, source: str) -> str:
    """Text from a file, refusing anything that is not UTF-8 (with or without BOM)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(tr(
            "{source} is geen UTF-8-tekst (onleesbaar teken op regel {line}); "
            "sla het bestand op als UTF-8 en probeer het opnieuw."
        ).format(source=source, line=line)) from None
