"""Starting an agreement from an existing Markdown draft."""

from __future__ import annotations

from sqlalchemy.orm import Session

from raadsakkoord.importing.markdown import DEFAULT_SOURCE, parse_draft
from raadsakkoord.model import Agreement
from raadsakkoord.base.actor import Actor
from raadsakkoord.store.audit import log
from raadsakkoord.operations.agreement import create_agreement
from raadsakkoord.operations.sections import add_chapter, add_section


def import_markdown_draft(session: Session, actor: Actor, text: str, *, title: str,
                          municipality: str, council_seats: int, term: str = "",
                          source: str = DEFAULT_SOURCE) -> Agreement:
    """Create the agreement with a chapter per `#` and a section per `##` heading."""
    draft = parse_draft(text, source)
    agreement = create_agreement(session, actor, title=title, municipality=municipality,
                                 council_seats=council_seats, term=term, preamble=draft.preamble)
    for chapter_draft in draft.chapters:
        chapter = add_chapter(session, actor, title=chapter_draft.title, intro=chapter_draft.intro)
        for section_draft in chapter_draft.sections:
            add_section(session, actor, chapter_id=chapter.id, title=section_draft.title,
                        text=section_draft.text, reason="Geïmporteerd uit het concept")
    log(session, actor, "import_markdown_draft", source=source, chapters=len(draft.chapters),
        sections=draft.section_count)
    return agreement
