"""Loading a record by id with a message that names it, and the workspace's one agreement."""

from __future__ import annotations

import re
import uuid
from typing import TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session

from raadsakkoord.base.errors import DomainError, NotFound
from raadsakkoord.base.i18n import tr
from raadsakkoord.model import Agreement, Amendment

T = TypeVar("T")


def get(session: Session, cls: type[T], ident: uuid.UUID | str, what: str) -> T:
    """Load by id, or raise NotFound naming the thing (``what``, in the user's language: ``tr("fractie")``)."""
    try:
        key = ident if isinstance(ident, uuid.UUID) else uuid.UUID(str(ident))
    except ValueError:
        raise NotFound(tr("Onbekende {what}: {ident}").format(what=what, ident=ident)) from None
    obj = session.get(cls, key)
    if obj is None:
        raise NotFound(tr("Onbekende {what}: {ident}").format(what=what, ident=ident))
    _pin(session, obj)
    return obj


def _pin(session: Session, obj) -> None:
    # The identity map holds objects weakly, so a batch of actions in one
    # session would load the same party or agreement again every time. One
    # session is one user action: holding them for its lifetime is cheap.
    session.info.setdefault("pinned", set()).add(obj)


def the_agreement(session: Session) -> Agreement:
    agreement_id = session.info.get("agreement_id")
    agreement = session.get(Agreement, agreement_id) if agreement_id else None
    if agreement is None:
        agreement = session.scalars(sa.select(Agreement).limit(1)).first()
        if agreement is None:
            raise DomainError(tr("Deze werkruimte bevat nog geen raadsakkoord."))
        session.info["agreement_id"] = agreement.id
        _pin(session, agreement)
    return agreement


_LABEL = re.compile(r"\s*[Aa]\s*(\d{1,6})(?:\.(\d{1,4}))?\s*")


def amendment_by_label(session: Session, label: str) -> Amendment:
    """The amendment people call "A3" (or "a3", "A 3"), or the subamendment "A3.1"; NotFound if none."""
    match = _LABEL.fullmatch(label or "")
    if match is None:
        raise NotFound(tr("'{label}' is geen amendementnummer; een nummer ziet eruit als A3 of A3.1.").format(
            label=label))
    number, sub = int(match[1]), match[2]
    parent = session.scalars(sa.select(Amendment).where(
        Amendment.number == number, Amendment.parent_id.is_(None))).first()
    found = parent
    if parent is not None and sub is not None:
        found = session.scalars(sa.select(Amendment).where(
            Amendment.parent_id == parent.id, Amendment.number == int(sub))).first()
    if found is None:
        raise NotFound(tr("Er is geen amendement {label}.").format(label=f"A{number}" + (f".{sub}" if sub else "")))
    _pin(session, found)
    return found
