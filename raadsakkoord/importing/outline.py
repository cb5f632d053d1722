"""The proposed outline of an imported document: its chapters and sections, before anything is written.

When a document's headings were found some other way than by the styles
Kop 1 and Kop 2 (numbered bold paragraphs, one heading level, …), the clerk
sees this outline first and may correct it: promote a section to a chapter,
demote a chapter to a section, merge an entry with the one before it, or
split an entry at one of its paragraphs. Every edit is a pure function that
returns a new outline and keeps every word: a merged heading's title becomes
a bold paragraph, and splitting at that paragraph makes it a heading again.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from raadsakkoord.base.errors import InputError
from raadsakkoord.base.i18n import mark, tr, trn
from raadsakkoord.importing.office.inline import escape_text

CHAPTER = "chapter"
SECTION = "section"
MAX_TITLE = 200  # as parse_draft and the model allow

# How the headings were found, in the order they are tried; the phrase completes "koppen gevonden via: …".
RULES = {
    "styles": mark("de stijlen Kop 1 en Kop 2"),
    "outline": mark("overzichtsniveaus 1 en 2"),
    "levels": mark("twee kopniveaus (het hoogste wordt hoofdstuk, het volgende hoofdlijn)"),
    "one_level": mark("één kopniveau (elke kop een hoofdlijn in één hoofdstuk)"),
    "numbered": mark("genummerde vetgedrukte alinea's"),
    "numbered_large": mark("genummerde alinea's in grotere letters"),
    "bold": mark("korte vetgedrukte alinea's gevolgd door tekst"),
    "large": mark("korte alinea's in grotere letters gevolgd door tekst"),
    "large_bold": mark("alinea's in grotere letters (hoofdstukken) en korte vetgedrukte alinea's (hoofdlijnen)"),
    "markdown": mark("koppen met # en ##"),
}
# Found by the document's own heading styles, as the author meant them: imported without asking.
CERTAIN_RULES = {"styles", "outline", "markdown"}


@dataclass(frozen=True)
class Part:
    """One paragraph, list, table or sub-heading of a body: its Markdown and its words."""

    markdown: str
    plain: str

    @property
    def words(self) -> int:
        return len(self.plain.split())


@dataclass(frozen=True)
class Entry:
    kind: str  # CHAPTER or SECTION
    title: str
    body: tuple[Part, ...] = ()

    @property
    def words(self) -> int:
        return sum(part.words for part in self.body)


@dataclass(frozen=True)
class Outline:
    source: str  # the file's name, for messages
    rule: str  # a key of RULES
    preamble: tuple[Part, ...] = ()
    entries: tuple[Entry, ...] = ()
    # The first chapter is not in the document but named after it (its Title, or the file's
    # name): a document with one heading level gets one chapter holding every section.
    named_chapter: bool = False

    @property
    def certain(self) -> bool:
        """Whether the headings are the document's own heading styles, so no one need look first."""
        return self.rule in CERTAIN_RULES

    @property
    def explanation(self) -> str:
        return tr("koppen gevonden via: {rule}").format(rule=tr(RULES[self.rule]))

    def words(self) -> list[str]:
        """Every word in reading order, titles included: what no edit may lose or reorder."""
        words = [w for part in self.preamble for w in part.plain.split()]
        for entry in self.entries:
            words += entry.title.split()
            words += [w for part in entry.body for w in part.plain.split()]
        return words

    def numbers(self) -> list[str]:
        """Each entry's number as the agreement would give it: "2" for a chapter, "2.3" for a section."""
        numbers, chapter, section = [], 0, 0
        for entry in self.entries:
            if entry.kind == CHAPTER:
                chapter, section = chapter + 1, 0
                numbers.append(str(chapter))
            else:
                section += 1
                numbers.append(f"{chapter}.{section}" if chapter else f"?.{section}")
        return numbers

    def counts(self) -> tuple[int, int]:
        chapters = sum(1 for e in self.entries if e.kind == CHAPTER)
        return chapters, len(self.entries) - chapters

    def check(self) -> None:
        """Refuse an outline that would not make an agreement, in a word processor's terms."""
        if not self.entries:
            raise InputError(tr("{source}: de indeling heeft geen hoofdstukken en hoofdlijnen.").format(
                source=self.source))
        for index, entry in enumerate(self.entries):
            if len(entry.title) > MAX_TITLE:
                raise InputError(tr("{source}: de kop '{start}…' is langer dan {limit} tekens; "
                                    "maak hem korter.").format(source=self.source, start=entry.title[:40],
                                                                limit=MAX_TITLE))
            if entry.kind == SECTION and not any(e.kind == CHAPTER for e in self.entries[:index]):
                raise InputError(tr("{source}: de hoofdlijn '{title}' staat vóór het eerste hoofdstuk; "
                                    "maak er een hoofdstuk van of zet er een hoofdstuk boven.").format(
                                        source=self.source, title=entry.title))
            if entry.kind == SECTION and not entry.words:
                raise InputError(tr("{source}: de hoofdlijn '{title}' heeft geen tekst.").format(
                    source=self.source, title=entry.title))
        if not any(e.kind == SECTION for e in self.entries):
            raise InputError(tr("{source}: de indeling heeft geen hoofdlijnen, dus er is niets te "
                                "importeren.").format(source=self.source))

    def markdown(self) -> str:
        """The draft as Markdown: ``#`` per chapter, ``##`` per section (what parse_draft reads)."""
        blocks = [part.markdown for part in self.preamble]
        for entry in self.entries:
            blocks.append(("# " if entry.kind == CHAPTER else "## ") + entry.title)
            blocks += [part.markdown for part in entry.body]
        return "\n\n".join(blocks) + "\n"

    def lines(self) -> list[str]:
        """The outline as the CLI prints it: numbered, sections indented, with word counts and the rule."""
        lines = [tr("Voorgestelde indeling van {source} ({explanation}):").format(
            source=self.source, explanation=self.explanation)]
        preamble = sum(part.words for part in self.preamble)
        if preamble:
            lines.append(f"  {tr('Inleiding')} ({words_label(preamble)})")
        for number, entry in zip(self.numbers(), self.entries):
            indent = "    " if entry.kind == SECTION else "  "
            lines.append(f"{indent}{number}  {entry.title} ({words_label(entry.words)})")
        chapters, sections = self.counts()
        text = preamble + sum(entry.words for entry in self.entries)
        lines.append(tr("{chapters} hoofdstukken en {sections} hoofdlijnen, {words} tekst.").format(
            chapters=chapters, sections=sections, words=words_label(text)))
        return lines


def from_draft(draft, source: str) -> Outline:
    """The outline of a Markdown draft (``importing.markdown.Draft``): its own ``#`` and ``##`` headings."""
    def body(text: str) -> tuple[Part, ...]:
        return (Part(text, _markdown_words(text)),) if text else ()

    entries: list[Entry] = []
    for chapter in draft.chapters:
        entries.append(Entry(CHAPTER, chapter.title, body(chapter.intro)))
        entries += [Entry(SECTION, section.title, body(section.text)) for section in chapter.sections]
    return Outline(source, "markdown", body(draft.preamble), tuple(entries))


def _markdown_words(text: str) -> str:
    # Markers standing alone ("-", "|", "###") are no words; "**vet**" counts as the word it is.
    return " ".join(word for word in text.split() if any(c.isalnum() for c in word))


def words_label(count: int) -> str:
    return trn("{n} woord", "{n} woorden", count).format(n=count)


def _entry(outline: Outline, index: int) -> Entry:
    if not 0 <= index < len(outline.entries):
        raise IndexError(index)
    return outline.entries[index]


def _with(outline: Outline, index: int, *entries: Entry) -> Outline:
    return replace(outline, entries=outline.entries[:index] + entries + outline.entries[index + 1:])


def promote(outline: Outline, index: int) -> Outline:
    """Make a section a chapter: its text becomes the chapter's introduction."""
    entry = _entry(outline, index)
    if entry.kind == CHAPTER:
        raise InputError(tr("'{title}' is al een hoofdstuk.").format(title=entry.title))
    return _with(outline, index, replace(entry, kind=CHAPTER))


def demote(outline: Outline, index: int) -> Outline:
    """Make a chapter a section: its introduction becomes the section's text."""
    entry = _entry(outline, index)
    if entry.kind == SECTION:
        raise InputError(tr("'{title}' is al een hoofdlijn; voeg haar samen met de vorige om er tekst "
                            "van te maken.").format(title=entry.title))
    return _with(outline, index, replace(entry, kind=SECTION))


def merge(outline: Outline, index: int) -> Outline:
    """Join an entry to the one before it: its title becomes a bold paragraph there, then its text."""
    entry = _entry(outline, index)
    if index == 0:
        raise InputError(tr("'{title}' is de eerste kop; er is geen kop om mee samen te voegen.").format(
            title=entry.title))
    previous = outline.entries[index - 1]
    title = Part(f"**{escape_text(entry.title)}**", entry.title)
    joined = replace(previous, body=previous.body + (title,) + entry.body)
    entries = outline.entries[:index - 1] + (joined,) + outline.entries[index + 1:]
    return replace(outline, entries=entries)


def split(outline: Outline, index: int, part: int) -> Outline:
    """Start a new entry (of the same kind) at one paragraph of an entry's text; that paragraph is its title."""
    entry = _entry(outline, index)
    if not 0 <= part < len(entry.body):
        raise IndexError(part)
    title = " ".join(entry.body[part].plain.split())
    if not title:
        raise InputError(tr("Deze alinea heeft geen tekst om een kop van te maken."))
    if len(title) > MAX_TITLE:
        raise InputError(tr("Deze alinea is te lang voor een kop (meer dan {limit} tekens); kies een "
                            "kortere.").format(limit=MAX_TITLE))
    if "\n" in entry.body[part].markdown.strip():
        raise InputError(tr("Van een lijst of tabel kan geen kop worden gemaakt; kies een gewone alinea."))
    first = replace(entry, body=entry.body[:part])
    second = Entry(entry.kind, title, entry.body[part + 1:])
    return _with(outline, index, first, second)
