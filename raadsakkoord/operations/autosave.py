"""Keeping what someone typed safe until they save it (crash recovery).

The editor calls ``autosave_draft`` every few seconds and when it loses
focus; after a crash the window asks ``unsaved_drafts`` and offers them back.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from raadsakkoord.base.errors import InputError
from raadsakkoord.base.i18n import tr
from raadsakkoord.model import Autosave
from raadsakkoord.base.actor import Actor
from raadsakkoord.operations._common import check_actor
from raadsakkoord.base.clock import new_id, now

EDITOR_KEY = re.compile(
    r"^(amendment|subamendment|modify|delete|new_section):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
)
# Far above any real section (the longest in the ten-times dataset is ~2,000
# words); a larger buffer is a pasted accident, not a draft.
MAX_CONTENT = 2_000_000


@dataclass(frozen=True)
class UnsavedDraft:
    editor_key: str
    author: str
    fields: dict[str, str]
    saved_at: dt.datetime


def owner_of(actor: Actor) -> str:
    return "griffie" if actor.is_griffie else f"party:{actor.party_id}"


def _check_key(editor_key: str) -> str:
    if not EDITOR_KEY.match(editor_key or ""):
        raise InputError(tr("Onbekende editor voor automatisch bewaren: {key}").format(key=editor_key))
    return editor_key


def autosave_draft(session: Session, actor: Actor, editor_key: str, fields: dict[str, str]) -> None:
    """Write the editor's fields as typed (not canonicalised: it is what the person sees)."""
    check_actor(session, actor)
    _check_key(editor_key)
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in fields.items()):
        raise InputError(tr("Een automatisch bewaard ontwerp bevat alleen tekstvelden."))
    content = json.dumps(fields, ensure_ascii=False, sort_keys=True)
    if len(content) > MAX_CONTENT:
        raise InputError(tr("Dit ontwerp is te groot om automatisch te bewaren."))
    owner = owner_of(actor)
    row = session.scalars(
        sa.select(Autosave).where(Autosave.owner == owner, Autosave.editor_key == editor_key)
    ).first()
    if row is None:
        row = Autosave(id=new_id(session), owner=owner, editor_key=editor_key)
        session.add(row)
    row.author = actor.name
    row.content = content
    row.saved_at = now(session)


def unsaved_drafts(session: Session, actor: Actor) -> list[UnsavedDraft]:
    """The actor's drafts that were typed but never saved, newest first."""
    rows = session.scalars(
        sa.select(Autosave).where(Autosave.owner == owner_of(actor)).order_by(Autosave.saved_at.desc())
    )
    drafts = []
    for row in rows:
        try:
            fields = json.loads(row.content)
        except ValueError:  # written by this module, so only a damaged file gets here
            continue
        drafts.append(UnsavedDraft(row.editor_key, row.author, fields, row.saved_at))
    return drafts


def discard_autosave(session: Session, actor: Actor, editor_key: str) -> None:
    """Forget the buffer once the draft is saved, sent or thrown away on purpose."""
    session.execute(
        sa.delete(Autosave).where(Autosave.owner == owner_of(actor), Autosave.editor_key == _check_key(editor_key))
    )
