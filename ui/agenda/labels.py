"""How the task agenda names and colours things: levels, statuses, dates, euros.

A task's status is named from the table the export prints from
(raadsakkoord.queries.labels), so the window and the published agenda say
the same thing, but through ``tr`` so the window follows the user's language.
"""

from __future__ import annotations

import datetime as dt

from raadsakkoord.base.i18n import mark, tr
from raadsakkoord.model import ParticipationLevel, TaskStatus
from raadsakkoord.queries.labels import TASK_STATUS_LABELS

LEVEL_NAMES = {
    ParticipationLevel.INFORMEREN: mark("informeren"),
    ParticipationLevel.RAADPLEGEN: mark("raadplegen"),
    ParticipationLevel.ADVISEREN: mark("adviseren"),
    ParticipationLevel.COPRODUCEREN: mark("coproduceren"),
    ParticipationLevel.MEEBESLISSEN: mark("meebeslissen"),
}
# Distinct in hue and in lightness, so they also read for the colour-blind and in grey print; each keeps 3:1
# against the white of the timeline it marks.
STATUS_COLOURS = {
    TaskStatus.PROPOSED: "#8e5db5",
    TaskStatus.PLANNED: "#1f6fb2",
    TaskStatus.IN_PROGRESS: "#b36b00",
    TaskStatus.DONE: "#2e7d32",
    TaskStatus.DROPPED: "#767676",
}
MONTHS = (mark("januari"), mark("februari"), mark("maart"), mark("april"), mark("mei"), mark("juni"),
          mark("juli"), mark("augustus"), mark("september"), mark("oktober"), mark("november"),
          mark("december"))
NO_HOLDER = mark("Nog niet toegewezen")  # the export's heading for tasks without a portfolio holder


def level_name(level: ParticipationLevel) -> str:
    return tr(LEVEL_NAMES[level])


def status_name(status: TaskStatus) -> str:
    return tr(TASK_STATUS_LABELS[status])


def holder_name(holder: str) -> str:
    return holder or tr(NO_HOLDER)


def date_text(day: dt.date | None) -> str:
    """"31 maart 2027"; an empty string when there is no date."""
    if day is None:
        return ""
    return f"{day.day} {tr(MONTHS[day.month - 1])} {day.year}"


def euro_text(amount: int | None) -> str:
    """"€ 250.000" (a no-break space keeps the sign with the number); empty when there is no amount."""
    if amount is None:
        return ""
    return "€\u00a0" + f"{amount:,}".replace(",", ".")


def amount_text(amount: int | None) -> str:
    """The amount as typed in the budget field: "250.000", without the sign the field shows beside it."""
    return "" if amount is None else f"{amount:,}".replace(",", ".")
