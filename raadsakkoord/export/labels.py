"""Dutch words and figures shared by every format, so they say the same thing."""

from __future__ import annotations

from dataclasses import dataclass

from raadsakkoord.model import AmendmentKind, Position
from raadsakkoord.queries.labels import KIND_LABELS, verdict_label
from raadsakkoord.queries.support import Tally

# The printed documents have always said "schrappen" where the window says
# "schrapping"; kept, so that a reprint reads like the copies already sent out.
KIND_NL = {**KIND_LABELS, AmendmentKind.DELETE: "schrappen"}


@dataclass(frozen=True)
class SupportRow:
    key: str  # css class: support, oppose, abstain, silent
    label: str
    parties: tuple[str, ...]
    seats: int


def percent(seats: int, total: int) -> str:
    return f"{round(100 * seats / total) if total else 0}%"


def support_rows(tally: Tally) -> list[SupportRow]:
    """Voor, tegen, onthouding, geen standpunt: always in that order, with seats."""
    # Stale positions count as silent (support.py); the reader is told why.
    silent = [p.short_name + (" (verouderd)" if p.stale else "") for p in tally.parties(None)]
    return [
        SupportRow("support", "Voor", tuple(p.short_name for p in tally.parties(Position.SUPPORT)),
                   tally.support_seats),
        SupportRow("oppose", "Tegen", tuple(p.short_name for p in tally.parties(Position.OPPOSE)),
                   tally.oppose_seats),
        SupportRow("abstain", "Onthouding", tuple(p.short_name for p in tally.parties(Position.ABSTAIN)),
                   tally.abstain_seats),
        SupportRow("silent", "Geen (geldig) standpunt", tuple(silent), tally.silent_seats),
    ]


def verdict(tally: Tally) -> str:
    """The support in words as printed: always Dutch, the exports being Dutch public documents."""
    return verdict_label(tally.has_broad_support, tally.has_majority)


def support_sentence(tally: Tally) -> str:
    """One line for a screen reader or a plain-text reader: the bar in words."""
    parts = [f"{row.label.lower()} {row.seats} van {tally.council_seats} zetels"
             for row in support_rows(tally) if row.seats]
    return (f"Steun: {tally.support_seats} van {tally.council_seats} zetels "
            f"({percent(tally.support_seats, tally.council_seats)}, {verdict(tally)}); " + ", ".join(parts) + ".")


def segments(tally: Tally, colours: dict[str, str]) -> list[tuple[str, int, str]]:
    """The bar: (party, seats, colour) for supporters in their colours, then the rest in greys.

    Opposition, abstention and silence are drawn in neutral tones so that the
    bar shows at a glance how much of the council supports, and who.
    """
    bar = [(p.short_name, p.seats, colours.get(p.short_name, "#777777"))
           for p in tally.parties(Position.SUPPORT)]
    if tally.abstain_seats:
        bar.append(("onthouding", tally.abstain_seats, "#b0b0b0"))
    if tally.oppose_seats:
        bar.append(("tegen", tally.oppose_seats, "#5a5a5a"))
    if tally.silent_seats:
        bar.append(("geen standpunt", tally.silent_seats, "#e4e4e4"))
    return bar
