"""The task agenda for spreadsheets (CSV) and calendars (iCalendar)."""

from __future__ import annotations

import csv
import datetime as dt
import io

from raadsakkoord.base.text import printable
from raadsakkoord.export.document import TaskAgenda
from raadsakkoord.queries.labels import TASK_STATUS_LABELS

CSV_HEADER = ("Portefeuillehouder", "Opdracht", "Omschrijving", "Hoofdlijnen", "Participatietrede",
              "Belanghebbenden", "Uiterste datum", "Budget (euro)", "Status")


def agenda_csv(agenda: TaskAgenda) -> bytes:
    """UTF-8 with a byte-order mark and semicolons: what Dutch spreadsheet programs open as columns.

    Dates are ISO and budgets plain whole numbers so spreadsheets read them as
    dates and numbers, not text.
    """
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for portfolio in agenda.portfolios:
        for t in portfolio.tasks:
            writer.writerow((
                _cell(portfolio.holder), _cell(t.title), _cell(t.description), ", ".join(t.section_numbers),
                t.participation_level, _cell(", ".join(t.stakeholders)),
                t.due_date.isoformat() if t.due_date else "",
                "" if t.budget_eur is None else str(t.budget_eur), TASK_STATUS_LABELS.get(t.status, t.status),
            ))
    return out.getvalue().encode("utf-8-sig")


def _cell(text: str) -> str:
    """Text a spreadsheet will show, never run: a leading = + - @ (or tab, CR) would start a formula."""
    text = printable(text)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _ics_text(value: str) -> str:
    """A TEXT value (RFC 5545, 3.3.11): nothing in it can end the line and start a property or event.

    Every line end (CR LF, a lone CR or LF) becomes the escaped ``\\n``, and
    control characters, which the standard does not allow in TEXT, go.
    """
    return (printable(value).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def _fold(line: str) -> list[str]:
    """RFC 5545: lines of at most 75 octets, continued with a leading space, never inside a character."""
    data = line.encode("utf-8")
    parts, start, limit = [], 0, 75
    while len(data) - start > limit:
        end = start + limit
        while end > start and (data[end] & 0xC0) == 0x80:
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, limit = end, 74  # the continuation's leading space counts
    parts.append(data[start:].decode("utf-8"))
    return [parts[0]] + [" " + p for p in parts[1:]]


def agenda_ics(agenda: TaskAgenda, *, stamp: dt.datetime | None = None) -> bytes:
    """One all-day VEVENT per task on its due date, which every calendar shows.

    VTODO would be the purer choice, but most calendar programs ignore it, and
    the college needs to see the deadlines. Tasks without a due date are left
    out. UIDs are the task ids, so re-importing updates instead of duplicating.
    """
    stamp = (stamp or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc)
    meta = agenda.meta
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Raadsakkoord//Uitwerkingsagenda//NL",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             "X-WR-CALNAME:" + _ics_text(f"Uitwerkingsagenda {meta.title}")]
    for portfolio in agenda.portfolios:
        for t in portfolio.tasks:
            if t.due_date is None:
                continue
            description = [t.description, "",
                           f"Portefeuillehouder: {portfolio.holder}",
                           f"Volgt uit hoofdlijn(en): {', '.join(t.section_numbers) or '—'}",
                           f"Participatietrede: {t.participation_level}"]
            if t.stakeholders:
                description.append("Belanghebbenden: " + ", ".join(t.stakeholders))
            if t.budget_eur is not None:
                description.append("Budget (raming): € " + f"{t.budget_eur:,}".replace(",", "."))
            lines += [
                "BEGIN:VEVENT",
                f"UID:{t.id}@raadsakkoord",
                "DTSTAMP:" + stamp.strftime("%Y%m%dT%H%M%SZ"),
                "DTSTART;VALUE=DATE:" + t.due_date.strftime("%Y%m%d"),
                "DTEND;VALUE=DATE:" + (t.due_date + dt.timedelta(days=1)).strftime("%Y%m%d"),
                "SUMMARY:" + _ics_text(f"Gereed: {t.title}"),
                "DESCRIPTION:" + _ics_text("\n".join(description)),
                "CATEGORIES:" + _ics_text(portfolio.holder),
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
    lines.append("END:VCALENDAR")
    folded = [part for line in lines for part in _fold(line)]
    return ("\r\n".join(folded) + "\r\n").encode("utf-8")
