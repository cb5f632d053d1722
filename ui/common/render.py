"""HTML for the text panes: Markdown as safe HTML, and tracked changes in Qt's rich-text subset."""

from __future__ import annotations

import datetime as dt
import html

from raadsakkoord import diffing
from raadsakkoord.export.safe_html import line_fragments, render_markdown
from raadsakkoord.base.i18n import tr
from raadsakkoord.model import Position
from raadsakkoord.queries.support import Tally
from ui.common.badges import verdict

# Qt's rich text reads a little CSS: colours, decoration, margins.
STYLE = """
<style>
body { font-size: 11pt; }
ins, .rk-ins { color: #0d4d1a; background-color: #d9f2dd; text-decoration: underline; }
del, .rk-del { color: #7a0e0e; background-color: #fbe1e1; text-decoration: line-through; }
p { margin-top: 0px; margin-bottom: 8px; }
.meta { color: #555555; }
.legend { color: #555555; font-size: 9pt; }
h2 { color: #0b4f8a; }
td.line-number { color: #595959; font-size: 8pt; text-align: right; padding-right: 10px; }
</style>
"""


def local_date(moment: dt.datetime | None) -> str:
    """A stored (UTC) moment as the user's own date, Dutch style: 29-11-2026."""
    return moment.astimezone().strftime("%d-%m-%Y") if moment else ""


def local_time(moment: dt.datetime | None, *, seconds: bool = False) -> str:
    """The same with the time of day: 29-11-2026 14:05 (or 14:05:09)."""
    return moment.astimezone().strftime("%d-%m-%Y %H:%M:%S" if seconds else "%d-%m-%Y %H:%M") if moment else ""


def page(body: str) -> str:
    return f"<html><head>{STYLE}</head><body>{body}</body></html>"


def markdown_html(text: str) -> str:
    """A section or explanation as HTML: raw HTML in it is shown as text (the exporters' safe renderer)."""
    return render_markdown(text)


def numbered_html(text: str) -> str:
    """A section text in its numbered lines, each beside its number, as the exports print it.

    One table row per line (Qt's rich text has no margin to place numbers
    in): the number in a narrow grey column, the line with its emphasis and
    links; a new paragraph starts a little lower, a list item with its
    marker, nested ones further in.
    """
    rows = []
    previous = None
    for line, block, fragment in line_fragments(text):
        first = block.index != previous
        top = 6 if first and previous is not None else 0
        left = 18 * block.depth
        marker = f"{html.escape(block.marker)}&nbsp;" if first and block.marker else ""
        if block.marker and not first:
            left += 12  # under the text of the item, not under its marker
        if block.kind == "h":
            fragment = f"<b>{fragment}</b>"
        rows.append(f'<tr><td class="line-number" style="padding-top:{top + 3}px">{line.number}</td>'
                    f'<td style="padding-left:{left}px; padding-top:{top}px">{marker}{fragment}</td></tr>')
        previous = block.index
    if not rows:
        return ""
    return f'<table class="numbered" cellspacing="0" cellpadding="1">{"".join(rows)}</table>'


def tracked_changes_html(old: str, new: str) -> str:
    """Old against new as tracked changes; ``<ins>``/``<del>`` around whole words."""
    if old == new:
        return f"<p class='meta'>{html.escape(tr('Geen wijzigingen.'))}</p>"
    return diffing.to_html(diffing.diff(old, new))


def numbered_changes_html(old: str, new: str) -> str:
    """Old against new as tracked changes on the numbered lines of ``old``, each number in the margin.

    The numbers are those of the text being amended, as every export prints
    them, so a writer sees which "regel 12" a council member will point at;
    a paragraph only the new text has follows its line, without a number.
    """
    from raadsakkoord.queries.chamber import DELETE, INSERT, tracked_lines

    if old == new:
        return f"<p class='meta'>{html.escape(tr('Geen wijzigingen.'))}</p>"
    rows = []
    for line in tracked_lines(old, new):
        cells = []
        for index, piece in enumerate(line.pieces):
            if index and {piece.op, line.pieces[index - 1].op} == {INSERT, DELETE} and not (
                    piece.text[:1].isspace() or line.pieces[index - 1].text[-1:].isspace()):
                cells.append(" ")  # "120 130", never "120130", where a deletion meets an insertion
            text = html.escape(piece.text)
            cells.append(f'<ins class="rk-ins">{text}</ins>' if piece.op == INSERT
                         else f'<del class="rk-del">{text}</del>' if piece.op == DELETE
                         else text)
        number = "" if line.number is None else str(line.number)
        rows.append(f'<tr><td class="line-number">{number}</td><td>{"".join(cells)}</td></tr>')
    return f'<table class="numbered" cellspacing="0" cellpadding="1">{"".join(rows)}</table>'


def title_change_html(old: str, new: str) -> str:
    """A section's title as an amendment would change it, old against new; "" when it proposes none.

    Once accepted, the section has the new title already: it is named alone.
    """
    if not new:
        return ""
    label = f"<b>{html.escape(tr('Nieuwe titel'))}:</b> "
    if new == old:
        return f"<p>{label}{html.escape(new)}</p>"
    return f"<p>{label}<del>{html.escape(old)}</del> <ins>{html.escape(new)}</ins></p>"


def text_change_html(old: str, new: str, title_change: str) -> str:
    """The text's tracked changes beneath a title change: one that only retitles says the text stays."""
    if title_change and old == new:
        return f"<p class='meta'>{html.escape(tr('De tekst blijft zoals hij is.'))}</p>"
    return tracked_changes_html(old, new)


def legend() -> str:
    return (f"<p class='legend'><ins>{html.escape(tr('toegevoegd'))}</ins> · "
            f"<del>{html.escape(tr('geschrapt'))}</del></p>")


def support_html(tally: Tally) -> str:
    """The seat-weighted support in one sentence, with the parties per position."""
    parts = [html.escape(tr("{seats} van {total} zetels steunen dit ({share:.0%}): {verdict}.").format(
        seats=tally.support_seats, total=tally.council_seats, share=tally.support_share, verdict=verdict(tally)))]
    for position, label in ((Position.SUPPORT, tr("Steunen")), (Position.OPPOSE, tr("Steunen niet")),
                            (Position.ABSTAIN, tr("Onthouden zich"))):
        parties = tally.parties(position)
        if parties:
            names = ", ".join(f"{p.short_name} ({p.seats})" for p in parties)
            parts.append(f"{html.escape(label)}: {html.escape(names)}.")
    if tally.stale:
        parts.append(html.escape(tr("Nog te bevestigen na de laatste wijziging: {parties}.").format(
            parties=", ".join(p.short_name for p in tally.stale))))
    body = "<br>".join(parts)
    for party in tally.minority_positions:
        body += (f"<p><b>{html.escape(tr('Minderheidsstandpunt {party}').format(party=party.short_name))}:</b> "
                 f"{html.escape(party.minority_position)}</p>")
    return f"<p class='meta'>{body}</p>"
