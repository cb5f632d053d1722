"""Our own amendment book in Word, read back: per amendment its section, party, base version and change.

The book (``export.word.amendments``) has a Heading 1 per section ("2.3
Titel", or "Nieuwe hoofdlijnen in hoofdstuk 2. …"), a Heading 2 per
amendment ("A7. headline"), a facts line in the style Klein ("Indiener: GL
met D66 · wijziging (nieuwe titel: … → …) · status: …"), the explanation
under the subhead "Toelichting", and under "Wijziging" the line "Geschreven
op versie N door …" followed by its own copy of the section text with the
change as real tracked changes, until the support block ("Steun: …").
Each amendment is read on both sides as ``changes`` reads a round's export;
``operations.book_changes`` turns that into amendments. The book is told by
its document title, which the export sets: "Amendementenboek …".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from raadsakkoord.importing.office.changes import (
    SUPPORT_START,
    DocxChanges,
    Item,
)

BOOK_TITLE = "Amendementenboek "
SUBHEAD = "Tussenkop"
# "A12. Kop" or, for one not yet numbered, "Ontwerp 3. Kop"; a subamendment ("A12.1. Subamendement op A12: …")
# changes its amendment's text, not the section's, and is not read back as an amendment of the section.
_LABEL = re.compile(r"^(?:A\d+|Ontwerp \d+)\.\s+(.+)$")
_FACTS = re.compile(r"^Indiener: (?P<party>.+?)(?: met .+?)? · (?P<kind>wijziging|nieuwe hoofdlijn|schrappen)"
                    r"(?: \((?P<note>.*)\))? · status: ")
_WRITTEN = re.compile(r"^Geschreven op versie (\d+) door ")
_SECTION = re.compile(r"^(\d+\.\d+) (.+)$")
_NEW_IN_CHAPTER = re.compile(r"^Nieuwe hoofdlijnen in hoofdstuk (\d+)\. ")
_RETITLED = re.compile(r"^nieuwe titel: (?:.* → )?(.+)$")


@dataclass
class BookEdit:
    """One amendment of the book, as printed."""

    label: str
    headline: str
    number: str  # the section's number ("2.3"); for a new section ""
    chapter: str  # a new section's chapter number
    party: str = ""  # the submitting party's short name
    kind: str = ""  # "wijziging", "nieuwe hoofdlijn", "schrappen"
    note: str = ""  # beside the kind: a new section's title, or "nieuwe titel: old → new"
    base_number: int | None = None
    explanation: list[Item] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)

    @property
    def new_title(self) -> str:
        if self.kind == "nieuwe hoofdlijn":
            return self.note
        found = _RETITLED.match(self.note)
        return found.group(1) if found else ""


@dataclass
class AmendmentBookDocument:
    source: str
    title: str  # the agreement's title, from the book's
    edits: list[BookEdit] = field(default_factory=list)


def is_amendment_book(document) -> bool:
    return (document.core_properties.title or "").startswith(BOOK_TITLE)


def read_book(document, source: str) -> AmendmentBookDocument:
    reader = DocxChanges(document, source)
    book = AmendmentBookDocument(source, (document.core_properties.title or "")[len(BOOK_TITLE):])
    number = chapter = ""
    edit: BookEdit | None = None
    part = ""  # "", "facts", "explanation", "change", "support"
    for child in reader.body_children():
        item = reader.item(child)
        text = item.text_before.strip()
        if item.style == "Heading1":
            section, new = _SECTION.match(text), _NEW_IN_CHAPTER.match(text)
            number, chapter = (section.group(1), "") if section else ("", new.group(1) if new else "")
            edit, part = None, ""
            continue
        if item.style == "Heading2":
            edit, part = None, ""  # what follows belongs to this heading, never to the amendment before it
            if (found := _LABEL.match(text)) and (number or chapter):
                edit = BookEdit(text.split(".", 1)[0], found.group(1).strip(), number, chapter)
                book.edits.append(edit)
                part = "facts"
            continue
        if edit is None:
            continue
        if part == "facts" and (facts := _FACTS.match(text)):
            edit.party, edit.kind, edit.note = facts.group("party"), facts.group("kind"), facts.group("note") or ""
        elif item.style == SUBHEAD and text in ("Toelichting", "Wijziging"):
            part = "explanation" if text == "Toelichting" else "written"
        elif part == "written" and (written := _WRITTEN.match(text)):
            edit.base_number = int(written.group(1))
            part = "change"
        elif part == "written" and text.startswith("Nieuwe tekst"):
            part = "change"
        elif text.startswith(SUPPORT_START) and item.style == "Klein":
            part = "support"
        elif part == "explanation":
            edit.explanation.append(item)
        elif part == "change":
            edit.items.append(item)
    return book
