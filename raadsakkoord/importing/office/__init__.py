"""A first draft from a word processor: Word (.docx) or OpenDocument text (.odt) to a Markdown draft.

``read_outline(path)`` is what the CLI's ``import-docx`` (and ``import-md``
for such files) and the application's "new from document" action call: it
returns the proposed outline (``importing.outline``), whose Markdown
``operations.import_markdown_draft`` reads, so a Word draft and a Markdown
draft go through one code path, and a report of what the document held that
a draft cannot (comments, images, fields, …).

Heading 1 becomes a chapter and Heading 2 a section; without those, the
headings are found another way (``office.headings``) and the outline says
which. Paragraphs, bold, italic, links, bulleted and numbered lists and
simple tables become Markdown. A document with tracked changes is refused:
half-applied changes would put text in the agreement that nobody has accepted.

The file's kind is told by its bytes, not its name: an encrypted Word file
or an old .doc renamed to .docx gets the message that fits.
"""

from __future__ import annotations

import contextlib
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from raadsakkoord.base.archive import BoundedZip
from raadsakkoord.base.errors import InputError, os_reason
from raadsakkoord.base.i18n import tr
from raadsakkoord.importing.markdown import parse_draft
from raadsakkoord.importing.office.report import ImportReport
from raadsakkoord.importing.office.xmlguard import check_parts

if TYPE_CHECKING:
    from raadsakkoord.importing.outline import Outline

__all__ = ["ImportReport", "is_binary_document", "open_office_file", "read_document", "read_outline"]

MAX_FILE = 200 * 1024 * 1024  # photos make Word files big; the text of 1,000 sections is a few MB
# Unpacked, per part and for the whole file: a zip bomb is refused as soon as it passes either.
MAX_PART = 128 * 1024 * 1024
MAX_UNPACKED = 512 * 1024 * 1024
MAX_MIMETYPE = 1024  # "application/vnd.oasis.opendocument.text"
_ZIP = b"PK\x03\x04"
_OLE = bytes.fromhex("d0cf11e0a1b11ae1")
ODT_MIMETYPE = "application/vnd.oasis.opendocument.text"


def is_binary_document(path: str | Path) -> bool:
    """Whether the file is for ``read_document`` rather than Markdown text.

    Zip and OLE containers (Word, OpenDocument, old .doc, encrypted files)
    are read or refused there; so are PDF and RTF, to be told what to do.
    """
    try:
        with open(path, "rb") as file:
            head = file.read(8)
    except OSError:
        return False
    return head.startswith((_ZIP, b"%PDF", b"{\\rtf")) or head == _OLE


def read_document(path: str | Path) -> tuple[str, ImportReport]:
    """The Markdown draft of a .docx or .odt file's proposed outline, and what was left out.

    InputError if the file is unusable or its outline would not make an agreement.
    """
    outline, report = read_outline(path)
    outline.check()
    markdown = outline.markdown()
    parse_draft(markdown, outline.source)  # the draft reads back whole, or the clerk hears why now
    return markdown, report


def read_outline(path: str | Path) -> tuple[Outline, ImportReport]:
    """The proposed outline of a .docx or .odt file, and what was left out; InputError if unusable."""
    file = Path(path)
    report = ImportReport(file.name)
    # One open file for every read: what was checked is what is read, even if the file is replaced meanwhile.
    with _opened(file) as handle:
        with _unforeseen_refused(file.name):
            return _read(handle, file.name, report), report


def _read(handle: BinaryIO, source: str, report: ImportReport) -> Outline:
    from raadsakkoord.importing.office.headings import propose_outline

    kind, document = _document(handle, source)
    if kind == "docx":
        from raadsakkoord.importing.office.docx_reader import DocxReader

        blocks = DocxReader(document, report).read()
    else:
        from raadsakkoord.importing.office.odt_reader import OdtReader

        blocks = OdtReader(*document, report).read()
    return propose_outline(blocks, report)


def open_office_file(file: Path):
    """("docx", the python-docx document) or ("odt", (content, styles)), checked as ``read_document`` checks."""
    with _opened(file) as handle, _unforeseen_refused(file.name):
        return _document(handle, file.name)


def _document(handle: BinaryIO, source: str):
    archive = BoundedZip(handle, source, member_limit=MAX_PART, total_limit=MAX_UNPACKED)
    kind = _zip_kind(archive, source)
    check_parts(archive, source)
    if kind == "docx":
        return "docx", _open_docx(archive, handle, source)
    return "odt", _open_odt(archive, source)


@contextlib.contextmanager
def _opened(file: Path) -> Iterator[BinaryIO]:
    """The file opened for reading, after the checks its first bytes and size allow."""
    source = file.name
    data_head, size = _head(file)
    if size > MAX_FILE:
        raise InputError(tr("{source} is te groot om te importeren ({size} MB; hoogstens {limit} MB).").format(
            source=source, size=size // (1024 * 1024), limit=MAX_FILE // (1024 * 1024)))
    if data_head == _OLE:
        _refuse_ole(file, source)
    if not data_head.startswith(_ZIP):
        raise InputError(_not_a_document(source, data_head))
    try:
        handle = file.open("rb")
    except OSError as exc:
        raise InputError(tr("{path} kan niet worden gelezen: {reason}").format(
            path=file, reason=os_reason(exc))) from None
    with handle:
        yield handle


@contextlib.contextmanager
def _unforeseen_refused(source: str) -> Iterator[None]:
    """The checks and the readers cover every structure we know of; a file built in a way no one
    foresaw still gets a message, never a crash, and nothing is imported."""
    try:
        yield
    except InputError:
        raise
    except Exception as exc:
        raise InputError(tr("{source} is op een manier opgebouwd die Raadsakkoord niet kan lezen ({kind}); "
                            "er is niets geïmporteerd. Sla het opnieuw op in Word of LibreOffice en "
                            "probeer het nog eens.").format(source=source, kind=type(exc).__name__)) from exc


def _head(file: Path) -> tuple[bytes, int]:
    if not file.is_file():
        raise InputError(tr("bestand niet gevonden: {path}").format(path=file))
    try:
        with file.open("rb") as handle:
            return handle.read(8), file.stat().st_size
    except OSError as exc:
        raise InputError(tr("{path} kan niet worden gelezen: {reason}").format(
            path=file, reason=os_reason(exc))) from None


def _damaged(source: str) -> InputError:
    return InputError(tr("{source} is beschadigd of onvolledig en kan niet worden gelezen; "
                         "er is niets geïmporteerd.").format(source=source))


def _refuse_ole(file: Path, source: str) -> None:
    # Word and LibreOffice save a password-protected .docx as an OLE container
    # holding an "EncryptedPackage" stream; any other OLE file is the old .doc format.
    if "EncryptedPackage".encode("utf-16-le") in file.read_bytes():
        raise InputError(tr("{source} is met een wachtwoord beveiligd. Sla het zonder wachtwoord op "
                            "en probeer het opnieuw; er is niets geïmporteerd.").format(source=source))
    raise InputError(tr("{source} is een Word-document in het oude formaat (.doc). Sla het in Word op als "
                        "Word-document (.docx) en probeer het opnieuw.").format(source=source))


def _not_a_document(source: str, head: bytes) -> str:
    if head.startswith(b"{\\rtf"):
        return tr("{source} is een RTF-bestand. Sla het op als Word-document (.docx) en probeer het "
                  "opnieuw.").format(source=source)
    if head.startswith(b"%PDF"):
        return tr("{source} is een PDF; daaruit kan geen brondocument worden gelezen. Gebruik het Word- of "
                  "OpenDocument-bestand waar de PDF van is gemaakt.").format(source=source)
    return tr("{source} is geen Word-document (.docx) of OpenDocument-tekst (.odt); er is niets "
              "geïmporteerd.").format(source=source)


def _zip_kind(archive: BoundedZip, source: str) -> str:
    names = archive.names()
    if "word/document.xml" in names:
        return "docx"
    if "mimetype" in names:
        mimetype = archive.read("mimetype", limit=MAX_MIMETYPE).decode("ascii", "replace").strip()
        manifest = archive.read("META-INF/manifest.xml") if "META-INF/manifest.xml" in names else b""
        if b"encryption-data" in manifest:
            raise InputError(tr("{source} is met een wachtwoord beveiligd. Sla het zonder wachtwoord "
                                "op en probeer het opnieuw; er is niets geïmporteerd.").format(source=source))
        if mimetype == ODT_MIMETYPE:
            return "odt"
        if mimetype.startswith("application/vnd.oasis.opendocument."):
            raise InputError(tr("{source} is een OpenDocument-bestand, maar geen tekstdocument (.odt); "
                                "er is niets geïmporteerd.").format(source=source))
    raise InputError(_not_a_document(source, b""))


def _open_docx(archive: BoundedZip, handle: BinaryIO, source: str):
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    # python-docx reads each part whole, trusting the sizes the archive
    # states; after every part has been unpacked once within the limits,
    # those sizes are known to be true.
    archive.check_all()
    handle.seek(0)
    try:
        return docx.Document(handle)
    except ValueError:
        # python-docx names the content type of a .docm, .dotx or a renamed other file.
        raise InputError(tr("{source} is geen gewoon Word-document (.docx); sla het in Word op als "
                            "Word-document en probeer het opnieuw.").format(source=source)) from None
    except (PackageNotFoundError, KeyError, zipfile.BadZipFile, zlib.error, EOFError, etree.XMLSyntaxError,
            OSError, NotImplementedError):
        raise _damaged(source) from None


def _open_odt(archive: BoundedZip, source: str):
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    names = archive.names()
    try:
        content = etree.fromstring(archive.read("content.xml"), parser)
        styles = etree.fromstring(archive.read("styles.xml"), parser) if "styles.xml" in names else None
    except (KeyError, etree.XMLSyntaxError):
        raise _damaged(source) from None
    return content, styles
