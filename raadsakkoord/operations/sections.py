"""Chapters, sections and their revisions."""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from sqlalchemy.orm import Session

from raadsakkoord.base.errors import ConcurrentEditError, DomainError, InputError
from raadsakkoord.base.i18n import tr
from raadsakkoord.importing.markdown import refuse_outline_headings
from raadsakkoord.model import Chapter, Party, Revision, Round, Section, SectionStatus
from raadsakkoord.base.actor import Actor
from raadsakkoord.operations._common import check_actor, check_version, open_agreement, require_griffie
from raadsakkoord.queries.lookup import get
from raadsakkoord.store.audit import log
from raadsakkoord.base.clock import new_id, now
from raadsakkoord.base.text import sha256_hex, single_line
from raadsakkoord.model import fields


def latest_round(session: Session) -> Round | None:
    return session.scalars(sa.select(Round).order_by(Round.number.desc()).limit(1)).first()


def add_chapter(session: Session, actor: Actor, *, title: str, intro: str = "",
                position: int | None = None) -> Chapter:
    require_griffie(actor, tr("hoofdstukken toevoegen"))
    check_actor(session, actor)
    agreement = open_agreement(session)
    chapters = list(agreement.chapters)
    position = _insertion_point(position, len(chapters))
    for chapter in chapters[position - 1:]:
        chapter.position += 1
    chapter = Chapter(id=new_id(session), agreement=agreement, position=position,
                      title=fields.line("chapter.title", title),
                      intro=refuse_outline_headings(fields.text("chapter.intro", intro), tr("De inleiding van het hoofdstuk")))
    session.add(chapter)
    session.flush()
    log(session, actor, "add_chapter", chapter=str(chapter.id), title=chapter.title, position=position)
    return chapter


def update_chapter(session: Session, actor: Actor, chapter_id: uuid.UUID, *,
                   title: str | None = None, intro: str | None = None,
                   expected_version: int | None = None) -> Chapter:
    require_griffie(actor, tr("hoofdstukken wijzigen"))
    check_actor(session, actor)
    open_agreement(session)
    chapter = get(session, Chapter, chapter_id, tr("hoofdstuk"))
    check_version(chapter, expected_version, tr("Hoofdstuk {number}").format(number=chapter.position))
    if title is not None:
        chapter.title = fields.line("chapter.title", title)
    if intro is not None:
        chapter.intro = refuse_outline_headings(fields.text("chapter.intro", intro), tr("De inleiding van het hoofdstuk"))
    log(session, actor, "update_chapter", chapter=str(chapter.id), title=chapter.title)
    return chapter


def _insertion_point(position: int | None, count: int) -> int:
    """A 1-based position among ``count`` items, or the end when None."""
    if position is None:
        return count + 1
    if not 1 <= position <= count + 1:
        raise InputError(tr("Positie {position} bestaat niet; kies 1 tot en met {last}.").format(
            position=position, last=count + 1))
    return position


def new_revision(session: Session, actor: Actor, section: Section, text: str, *,
                 reason: str, party: Party | None = None) -> Revision:
    """Append an immutable revision and make it the section's current text."""
    text = refuse_outline_headings(fields.text("revision.text", text), tr("De tekst van een hoofdlijn"))
    if not text:
        raise InputError(tr("De tekst van een hoofdlijn mag niet leeg zijn."))
    current = section.current_revision
    if current is not None and current.text == text:
        raise DomainError(tr("De tekst van hoofdlijn {number} is niet gewijzigd.").format(number=section.number))
    published = latest_round(session)
    revision = Revision(
        id=new_id(session), section=section,
        number=(current.number + 1) if current else 1,
        text=text, sha256=sha256_hex(text), parent=current,
        author=actor.name, party=party, reason=reason.strip(), created_at=now(session),
        round_id=published.id if published else None,
    )
    session.add(revision)
    section.current_revision = revision
    return revision


def add_section(session: Session, actor: Actor, *, chapter_id: uuid.UUID, title: str, text: str,
                position: int | None = None, proposing_party_id: uuid.UUID | None = None,
                reason: str = "") -> Section:
    require_griffie(actor, tr("hoofdlijnen toevoegen"))
    check_actor(session, actor)
    open_agreement(session)
    chapter = get(session, Chapter, chapter_id, tr("hoofdstuk"))
    party = get(session, Party, proposing_party_id, tr("fractie")) if proposing_party_id else None
    sections = list(chapter.sections)
    position = _insertion_point(position, len(sections))
    for other in sections[position - 1:]:
        other.position += 1
    section = Section(id=new_id(session), chapter=chapter, position=position,
                      title=fields.line("section.title", title),
                      proposing_party=party, created_at=now(session))
    session.add(section)
    revision = new_revision(session, actor, section, text, reason=reason or "Eerste versie", party=party)
    session.flush()
    log(session, actor, "add_section", section=str(section.id), chapter=str(chapter.id),
        title=section.title, revision=str(revision.id), sha256=revision.sha256)
    return section


def revise_section(session: Session, actor: Actor, section_id: uuid.UUID, text: str, *,
                   reason: str, expected_revision_id: uuid.UUID | None = None) -> Revision:
    """A new text for a section by the griffie (editorial, or processing a decision).

    ``expected_revision_id`` is the revision the editor started from; if the
    section moved on since, the edit is refused instead of overwriting it.
    """
    require_griffie(actor, tr("de tekst van een hoofdlijn wijzigen"))
    check_actor(session, actor)
    open_agreement(session)
    section = get(session, Section, section_id, tr("hoofdlijn"))
    if expected_revision_id is not None and section.current_revision_id != expected_revision_id:
        raise ConcurrentEditError(tr(
            "Hoofdlijn {number} is intussen gewijzigd; uw tekst is niet opgeslagen "
            "over de nieuwe versie heen. Vergelijk en probeer het opnieuw."
        ).format(number=section.number))
    reason = single_line(reason, tr("De reden van de wijziging"), max_length=500)
    revision = new_revision(session, actor, section, text, reason=reason)
    session.flush()
    log(session, actor, "revise_section", section=str(section.id), revision=str(revision.id),
        number=revision.number, sha256=revision.sha256, reason=reason)
    return revision


def rename_section(session: Session, actor: Actor, section_id: uuid.UUID, title: str, *,
                   expected_version: int | None = None) -> Section:
    require_griffie(actor, tr("hoofdlijnen hernoemen"))
    check_actor(session, actor)
    open_agreement(session)
    section = get(session, Section, section_id, tr("hoofdlijn"))
    check_version(section, expected_version, tr("Hoofdlijn {number}").format(number=section.number))
    section.title = fields.line("section.title", title)
    log(session, actor, "rename_section", section=str(section.id), title=section.title)
    return section


def move_section(session: Session, actor: Actor, section_id: uuid.UUID, *,
                 chapter_id: uuid.UUID | None = None, position: int | None = None) -> Section:
    """Move a section within its chapter or to another one; numbers follow the order."""
    require_griffie(actor, tr("hoofdlijnen verplaatsen"))
    check_actor(session, actor)
    open_agreement(session)
    section = get(session, Section, section_id, tr("hoofdlijn"))
    source = section.chapter
    target = get(session, Chapter, chapter_id, tr("hoofdstuk")) if chapter_id else source
    remaining = [s for s in source.sections if s is not section]
    for index, other in enumerate(remaining, start=1):
        other.position = index
    siblings = remaining if target is source else list(target.sections)
    position = _insertion_point(position, len(siblings))
    siblings.insert(position - 1, section)
    section.chapter = target
    for index, other in enumerate(siblings, start=1):
        other.position = index
    session.flush()
    session.expire(source, ["sections"])
    session.expire(target, ["sections"])
    log(session, actor, "move_section", section=str(section.id), chapter=str(target.id), position=position)
    return section


def set_section_status(session: Session, actor: Actor, section_id: uuid.UUID,
                       status: SectionStatus, *, reason: str) -> Section:
    require_griffie(actor, tr("de status van een hoofdlijn wijzigen"))
    check_actor(session, actor)
    open_agreement(session)
    section = get(session, Section, section_id, tr("hoofdlijn"))
    status = SectionStatus(status)
    if section.status == status:
        raise DomainError(tr("Hoofdlijn {number} heeft die status al.").format(number=section.number))
    section.status = status
    log(session, actor, "set_section_status", section=str(section.id), status=status.value,
        reason=single_line(reason, tr("De reden"), max_length=500))
    return section
