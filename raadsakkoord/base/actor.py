"""Who performs an action: a named person of the griffie, or of a party."""

from __future__ import annotations

import uuid
from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    """The acting person: every operation, package and audit entry names one."""

    name: str
    party_id: uuid.UUID | None = None
    # A reader of a shared database (college, civil servants): reads everything, writes nothing.
    reader: bool = False

    @classmethod
    def griffie(cls, name: str = "Griffie") -> Actor:
        return cls(name=name)

    @classmethod
    def of_party(cls, party_id: uuid.UUID, name: str) -> Actor:
        return cls(name=name, party_id=party_id)

    @property
    def is_griffie(self) -> bool:
        return self.party_id is None and not self.reader
