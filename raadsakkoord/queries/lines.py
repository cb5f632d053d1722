"""Which lines of its base text an amendment changes: "hoofdlijn 8.4, regels 12–14"."""

from __future__ import annotations

from raadsakkoord.diffing.lines import line_reference, lines_changed, number_lines
from raadsakkoord.model import Amendment, AmendmentKind


def lines_of_amendment(amendment: Amendment) -> tuple[int, int] | None:
    """First and last line of the base revision the amendment changes; None for a new section or no change.

    The numbers are those of the text the amendment was written on, as the
    round that published it printed them.
    """
    base = amendment.base_revision
    if base is None or amendment.kind is AmendmentKind.NEW_SECTION:
        return None
    if amendment.kind is AmendmentKind.DELETE:
        lines = number_lines(base.text)
        return (1, len(lines)) if lines else None
    return lines_changed(base.text, amendment.proposed_text)


def amendment_lines(amendment: Amendment, *, translated: bool = True) -> str:
    """ "regels 12–14" for an amendment, or "" when it refers to no lines."""
    found = lines_of_amendment(amendment)
    return line_reference(*found, translated=translated) if found else ""
