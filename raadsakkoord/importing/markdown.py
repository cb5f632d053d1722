"""Reading a Markdown draft: `#` headings become chapters, `##` headings sections.

Text before the first chapter becomes the agreement's preamble, text between
a chapter heading and its first section the chapter's introduction. Deeper
headings (`###` …) stay inside the section text. Headings inside fenced code
blocks are text, as in every Markdown renderer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from raadsakkoord.base.errors import InputError
from raadsakkoord.base.i18n import mark, tr
from raadsakkoord.base.text import canonical_markdown

_HEADING = re.compile(r"^(#{1,2})(?:[ \t]+(.*?))?[ \t]*#*[ \t]*$")
_FENCE = re.compile(r"^(```|~~~)")


@dataclass
class DraftSection:
    title: str
    line: int
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return canonical_markdown("\n".join(self.lines))


@dataclass
class DraftChapter:
    title: str
    line: int
    intro_lines: list[str] = field(default_factory=list)
    sections: list[DraftSection] = field(default_factory=list)

    @property
    def intro(self) -> str:
        return canonical_markdown("\n".join(self.intro_lines))


@dataclass
class Draft:
    preamble: str
    chapters: list[DraftChapter]

    @property
    def section_count(self) -> int:
        return sum(len(c.sections) for c in self.chapters)


def outline_heading_line(text: str) -> int | None:
    """The first line with a `#` or `##` heading outside code, or None.

    Those headings are the agreement's own outline (chapters and sections);
    inside a section text they would make a new chapter or section of
    whatever reads the agreement's Markdown back.
    """
    fence: str | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        fence_match = _FENCE.match(line)
        if fence_match:
            fence = None if fence == fence_match.group(1) else (fence or fence_match.group(1))
            continue
        if not fence and _HEADING.match(line):
            return number
    return None


def refuse_outline_headings(text: str, what: str) -> str:
    """The text, unless it has a chapter or section heading; ``what`` names it in the user's language."""
    line = outline_heading_line(text)
    if line is not None:
        raise InputError(tr(
            "{what} bevat op regel {line} een kop met # of ##; die zijn voor hoofdstukken en hoofdlijnen. "
            "Gebruik ### voor een tussenkop."
        ).format(what=what, line=line))
    return text


DEFAULT_SOURCE = mark("Het brondocument")


def parse_draft(text: str, source: str = DEFAULT_SOURCE) -> Draft:
    """Split a Markdown draft into chapters and sections; refuse what cannot be placed.

    ``source`` names the draft in messages: a file name, or the default (translated here).
    """
    source = tr(source)
    text = canonical_markdown(text)
    preamble: list[str] = []
    chapters: list[DraftChapter] = []
    fence: str | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        fence_match = _FENCE.match(line)
        if fence_match:
            fence = None if fence == fence_match.group(1) else (fence or fence_match.group(1))
        heading = None if fence else _HEADING.match(line)
        if heading:
            level, title = len(heading.group(1)), (heading.group(2) or "").strip()
            if not title:
                raise InputError(tr("{source}: regel {line} is een kop zonder tekst.").format(
                    source=source, line=number))
            if len(title) > 200:
                raise InputError(tr("{source}: de kop op regel {line} is langer dan {maximum} tekens.").format(
                    source=source, line=number, maximum=200))
            if level == 1:
                chapters.append(DraftChapter(title, number))
                continue
            if not chapters:
                raise InputError(tr(
                    "{source}: de hoofdlijn '{title}' op regel {line} staat niet onder een "
                    "hoofdstuk; zet er een kop met één # boven."
                ).format(source=source, title=title, line=number))
            chapters[-1].sections.append(DraftSection(title, number))
            continue
        if not chapters:
            preamble.append(line)
        elif chapters[-1].sections:
            chapters[-1].sections[-1].lines.append(line)
        else:
            chapters[-1].intro_lines.append(line)
    if fence:
        raise InputError(tr("{source}: een codeblok ({fence}) wordt nergens gesloten.").format(
            source=source, fence=fence))
    draft = Draft(canonical_markdown("\n".join(preamble)), chapters)
    if draft.section_count == 0:
        raise InputError(tr(
            "{source} bevat geen hoofdlijnen: gebruik '# ' voor een hoofdstuk en '## ' voor een hoofdlijn."
        ).format(source=source))
    for chapter in chapters:
        for section in chapter.sections:
            if not section.text:
                raise InputError(tr("{source}: hoofdlijn '{title}' (regel {line}) heeft geen tekst.").format(
                    source=source, title=section.title, line=section.line))
    return draft
