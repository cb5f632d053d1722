"""The Dutch names of an amendment's status and of a party's position, one table each for every view, export and message.

The words are marked for translation but kept Dutch: the amendment book and
the other exports are Dutch public documents and print them as they are; a
view or a message shows them with ``tr()``.
"""

from __future__ import annotations

from raadsakkoord.base.i18n import mark
from raadsakkoord.model import AmendmentStatus, Position

STATUS_LABELS = {
    AmendmentStatus.DRAFT: mark("concept"),
    AmendmentStatus.SUBMITTED: mark("ingediend"),
    AmendmentStatus.ACCEPTED: mark("aanvaard"),
    AmendmentStatus.PARTLY_ACCEPTED: mark("gedeeltelijk overgenomen"),
    AmendmentStatus.REJECTED: mark("verworpen"),
    AmendmentStatus.WITHDRAWN: mark("ingetrokken"),
    AmendmentStatus.SUPERSEDED: mark("vervallen"),
}

POSITION_LABELS = {Position.SUPPORT: mark("steunt"), Position.OPPOSE: mark("steunt niet"),
                   Position.ABSTAIN: mark("onthoudt zich")}
