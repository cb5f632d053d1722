"""The time and the new ids of one user action.

Both read the session's ``info`` first, so the demo and the tests can fix
dates and ids without patching anything.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def now(session: Session) -> dt.datetime:
    """The current time; the demo and tests set ``session.info['clock']`` for fixed dates."""
    clock = session.info.get("clock")
    return clock() if clock else dt.datetime.now(dt.timezone.utc)


def new_id(session: Session) -> uuid.UUID:
    factory = session.info.get("new_id")
    return factory() if factory else uuid.uuid4()
