"""Every XML part of a Word or OpenDocument file, checked before any reader sees it.

A part that declares a document type (DTD) can define entities: text that
expands a thousandfold, or that is fetched from elsewhere. The readers never
expand or fetch them, but a reference they do not expand takes the rest of
its paragraph with it, a word lost without a warning. So such a part is
refused as a whole, with its name. A part nested deeper than any real
document is refused too: the readers walk the tree recursively.
"""

from __future__ import annotations

import io

from lxml import etree

from raadsakkoord.base.archive import BoundedZip
from raadsakkoord.base.errors import InputError
from raadsakkoord.base.i18n import tr

MAX_DEPTH = 200  # Word nests a table in a table in a content control in a few dozen levels at most
_XML_SUFFIXES = (".xml", ".rels")


def check_parts(archive: BoundedZip, source: str) -> None:
    """Refuse the file if one of its XML parts has a document type, entities or too deep a nesting."""
    for name in sorted(archive.names()):
        if name.lower().endswith(_XML_SUFFIXES):
            check_part(archive.read(name), name, source)


def check_part(data: bytes, part: str, source: str) -> None:
    depth = 0
    events = etree.iterparse(io.BytesIO(data), events=("start", "end"), resolve_entities=False,
                             load_dtd=False, no_network=True, huge_tree=False)
    try:
        for event, _element in events:
            if event == "start":
                depth += 1
                if depth > MAX_DEPTH:
                    raise _too_deep(source, part)
            else:
                depth -= 1
        doctype = events.root.getroottree().docinfo.doctype if events.root is not None else ""
    except etree.XMLSyntaxError as exc:
        # The parser may stop before the events reach the element that says why.
        reason = str(exc).lower()
        if "depth" in reason:
            raise _too_deep(source, part) from None
        if "too long" in reason or "huge" in reason:
            raise InputError(tr("{source} bevat in het onderdeel {part} een tekst van meer dan 10 miljoen tekens "
                                "aan één stuk; zo'n document kan Raadsakkoord niet inlezen. Er is niets "
                                "geïmporteerd.").format(source=source, part=part)) from None
        if b"<!ENTITY" in data or b"<!DOCTYPE" in data or "entity" in reason:
            raise _declares(source, part) from None
        raise InputError(tr("{source} is beschadigd of onvolledig en kan niet worden gelezen; "
                            "er is niets geïmporteerd.").format(source=source)) from None
    if doctype:
        raise _declares(source, part)


def _declares(source: str, part: str) -> InputError:
    return InputError(tr("{source} bevat in het onderdeel {part} een documenttype of zelfgedefinieerde "
                         "tekens (entiteiten). Zulke verwijzingen kunnen tekst weglaten of van buiten halen; "
                         "het document is daarom niet ingelezen. Sla het opnieuw op in Word of LibreOffice "
                         "en probeer het nog eens.").format(source=source, part=part))


def _too_deep(source: str, part: str) -> InputError:
    return InputError(tr("{source} is in het onderdeel {part} dieper genest dan {limit} niveaus; zo'n document "
                         "kan Raadsakkoord niet inlezen. Er is niets geïmporteerd.").format(
        source=source, part=part, limit=MAX_DEPTH))
