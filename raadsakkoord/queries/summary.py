"""A summary of a workspace: what `raadsakkoord info` prints."""

from __future__ import annotations

from collections import Counter

import sqlalchemy as sa
from sqlalchemy.orm import Session

from raadsakkoord.model import Amendment, AmendmentStatus, Chapter, Party, Revision, Round, Section, Task
from raadsakkoord.queries.lookup import the_agreement
from raadsakkoord.queries.support import section_support


def workspace_summary(session: Session) -> dict:
    """Everything as plain JSON-ready data, in a handful of bulk queries."""
    agreement = the_agreement(session)
    parties = session.scalars(sa.select(Party).order_by(Party.seats.desc(), Party.short_name)).all()
    sections = session.execute(
        sa.select(Section.id, Section.title, Section.status, Section.position,
                  Chapter.position.label("chapter_position"), Chapter.title.label("chapter_title"),
                  Revision.number.label("revision"))
        .join(Chapter, Section.chapter_id == Chapter.id)
        .outerjoin(Revision, Section.current_revision_id == Revision.id)
        .order_by(Chapter.position, Section.position)
    ).all()
    support = section_support(session)
    statuses = Counter(dict(session.execute(
        sa.select(Amendment.status, sa.func.count()).group_by(Amendment.status)
    ).all()))
    tasks = Counter(dict(session.execute(sa.select(Task.status, sa.func.count()).group_by(Task.status)).all()))
    rounds = session.scalars(sa.select(Round).order_by(Round.number)).all()
    return {
        "agreement": {
            "id": str(agreement.id),
            "title": agreement.title,
            "municipality": agreement.municipality,
            "term": agreement.term,
            "status": agreement.status.value,
            "council_seats": agreement.council_seats,
            "contact": {"name": agreement.contact_name, "phone": agreement.contact_phone,
                        "email": agreement.contact_email},
            "chapters": session.scalar(sa.select(sa.func.count()).select_from(Chapter)),
            "sections": len(sections),
            "revisions": session.scalar(sa.select(sa.func.count()).select_from(Revision)),
        },
        "parties": [
            {"id": str(p.id), "name": p.name, "short_name": p.short_name, "seats": p.seats,
             "colour": p.colour, "leader": p.leader}
            for p in parties
        ],
        "sections": [
            {"id": str(row.id), "number": f"{row.chapter_position}.{row.position}", "title": row.title,
             "chapter": row.chapter_title, "status": row.status.value, "revision": row.revision,
             "support": support[row.id].as_dict()}
            for row in sections
        ],
        "amendments": {
            "total": sum(statuses.values()),
            "by_status": {status.value: statuses.get(status, 0) for status in AmendmentStatus},
            "needs_rework": session.scalar(
                sa.select(sa.func.count()).select_from(Amendment).where(Amendment.needs_rework.is_(True))),
        },
        "tasks": {"total": sum(tasks.values()), "by_status": {s.value: n for s, n in sorted(tasks.items())}},
        "rounds": [
            {"number": r.number, "label": r.label, "final": r.is_final,
             "published_at": r.published_at.isoformat(timespec="seconds"), "published_by": r.published_by}
            for r in rounds
        ],
    }
