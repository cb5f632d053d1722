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
# Word text or broken files, are invisible, and would garble exports. With
# them the two noncharacters XML 1.0 forbids and lone surrogates, which no
# UTF-8 file holds: a Word or OpenDocument file with one cannot be written.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_STORED_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_LINE_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_BLANK_RUN = re.compile(r"\n{3,}")
# Bidirectional overrides and isolates: on a terminal or in a message they can
# show the reader the characters of a name in another order than they are.
_BIDI_CONTROL = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
_LINE_BREAK = re.compile(r"\r\n?|\n")


def canonical_markdown(text: str, what: str | None = None) -> str:
    """Normalise line ends, Unicode form, trailing spaces and blank lines.

    Raises InputError for control characters, which no keyboard types;
    ``what`` names the field in the user's language (``tr("De toelichting")``).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = unicodedata.normalize("NFC", text)
    _refuse_control(text, what, _CONTROL)
    text = text.replace("\t", "    ")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = _BLANK_RUN.sub("\n\n", text)
    return text.strip("\n")


def check_stored_text(text: str, what: str) -> None:
    """Refuse a multi-line value that no typed text would have become: one with control characters.

    Typed text is stored as ``canonical_markdown`` makes it, so a carriage
    return (which it turns into a newline) counts as one too: a value read
    from elsewhere is stored as it came, and a lone carriage return would end
    a line in a calendar file or a terminal.
    """
    _refuse_control(text, what, _STORED_CONTROL)


def check_stored_line(value: str, what: str, *, max_length: int, required: bool) -> None:
    """Refuse a one-line value read from elsewhere that ``single_line`` would not have given.

    The value is stored as it came, so a control character that trimming
    would have removed from typed text (a trailing NEL, U+0085) counts too.
    """
    single_line(value, what, max_length=max_length, required=required)
    if _STORED_CONTROL.search(value) or "\n" in value:
        raise InputError(tr("{what} moet één regel tekst zijn, zonder regeleinden of stuurtekens.").format(what=what))


def _refuse_control(text: str, what: str | None, pattern: re.Pattern) -> None:
    bad = pattern.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise InputError(tr(
            "{what} bevat een onzichtbaar stuurteken ({character}) op regel {line}; "
            "verwijder het en probeer het opnieuw."
        ).format(what=what or tr("De tekst"), character=f"U+{ord(bad.group()):04X}", line=line))


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


def printable(text: str, *, multiline: bool = True) -> str:
    """A stored value as a document may carry it: no control characters, line ends as newlines.

    The operations and the package import refuse such characters, but a
    database written by an older version or edited by hand may still hold
    them, and one NUL makes a Word file unreadable. A one-line value (a
    title, a name) also loses its line breaks, so that it cannot start a new
    line, heading or calendar entry of its own.
    """
    if not (_STORED_CONTROL if multiline else _LINE_CONTROL).search(text):
        return text  # the usual case: the very same string, so callers can tell nothing changed
    text = _LINE_BREAK.sub("\n" if multiline else " ", text)
    if not multiline:
        text = text.replace("\t", " ")
    return _CONTROL.sub("", text)


def shown(text: str) -> str:
    """A value as the command line or a message may show it: nothing a terminal would obey.

    Escape sequences could clear the clerk's screen, retitle the window or
    hide a line; a carriage return could overwrite one. Each control
    character (C0 other than newline and tab, DEL, C1) and each bidirectional
    override becomes U+FFFD, so the reader sees that something was there and
    the readable rest is kept as it was.
    """
    text = _CONTROL.sub("\ufffd", text.replace("\r\n", "\n").replace("\r", "\ufffd"))
    return _BIDI_CONTROL.sub("\ufffd", text)


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
