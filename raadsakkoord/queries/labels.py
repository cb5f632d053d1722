"""The Dutch names of statuses, kinds, positions and support, one table each for every view, export and message.

The words are marked for translation but kept Dutch: the amendment book and
the other exports are Dutch public documents and print them as they are; a
view, a message or the command line shows them with ``tr()``.
"""

from __future__ import annotations

from raadsakkoord.base.i18n import mark
from raadsakkoord.model import (
    AgreementStatus,
    AmendmentKind,
    AmendmentStatus,
    CoSubmissionState,
    Position,
    TaskStatus,
)


def submitters(party: str, co_parties: tuple[str, ...]) -> str:
    """The submitting party, then the parties that confirmed as co-submitters: "SP, PvdA", in every list alike."""
    return ", ".join((party, *co_parties))


# What a party's own workspace shows until the griffie's round package brings the amendment's number.
NO_NUMBER = mark("nog geen nummer")

STATUS_LABELS = {
    AmendmentStatus.DRAFT: mark("ontwerp"),
    AmendmentStatus.SUBMITTED: mark("ingediend"),
    AmendmentStatus.ACCEPTED: mark("aanvaard"),
    AmendmentStatus.PARTLY_ACCEPTED: mark("gedeeltelijk overgenomen"),
    AmendmentStatus.REJECTED: mark("verworpen"),
    AmendmentStatus.WITHDRAWN: mark("ingetrokken"),
    AmendmentStatus.SUPERSEDED: mark("vervallen"),
}

POSITION_LABELS = {Position.SUPPORT: mark("steunt"), Position.OPPOSE: mark("steunt niet"),
                   Position.ABSTAIN: mark("onthoudt zich")}

AGREEMENT_STATUS_LABELS = {AgreementStatus.DRAFTING: mark("in voorbereiding"),
                           AgreementStatus.ADOPTED: mark("vastgesteld")}

# Where a request to a party to co-submit (mede-indienen) stands.
CO_SUBMISSION_LABELS = {CoSubmissionState.REQUESTED: mark("gevraagd"),
                        CoSubmissionState.CONFIRMED: mark("bevestigd"),
                        CoSubmissionState.DECLINED: mark("afgewezen")}

KIND_LABELS = {AmendmentKind.MODIFY: mark("wijziging"), AmendmentKind.DELETE: mark("schrapping"),
               AmendmentKind.NEW_SECTION: mark("nieuwe hoofdlijn")}

TASK_STATUS_LABELS = {
    TaskStatus.PROPOSED: mark("voorgesteld"),
    TaskStatus.PLANNED: mark("gepland"),
    TaskStatus.IN_PROGRESS: mark("in uitvoering"),
    TaskStatus.DONE: mark("afgerond"),
    TaskStatus.DROPPED: mark("vervallen"),
}


def verdict_label(broad_support: bool, majority: bool) -> str:
    """How much support a text has, in one word group: brede steun, meerderheid or geen meerderheid."""
    if broad_support:
        return mark("brede steun")
    return mark("meerderheid") if majority else mark("geen meerderheid")
