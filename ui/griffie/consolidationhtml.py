"""HTML for the consolidation view's panes: one amendment, the preview of the ticked ones, the current text."""

from __future__ import annotations

import html

from raadsakkoord.queries.consolidation import ConsolidationDetail, OpenAmendment
from raadsakkoord.base.i18n import tr
from raadsakkoord.queries.labels import KIND_LABELS
from ui.griffie.consolidationmodels import amendment_label, shown_number
from ui.common.render import (
    legend,
    local_date,
    markdown_html,
    page,
    support_html,
    text_change_html,
    title_change_html,
    tracked_changes_html,
)


def _meta(text: str) -> str:
    return f"<p class='meta'>{html.escape(text)}</p>"


def _warning(text: str) -> str:
    return f"<p style='color: #8a4b00;'><b>{html.escape(text)}</b></p>"


def amendment_page(detail: ConsolidationDetail, entry: OpenAmendment) -> str:
    index = detail.index_of(entry.id)
    parties = entry.party + (tr(", mede-indieners: {parties}").format(parties=", ".join(entry.co_parties))
                             if entry.co_parties else "")
    when = local_date(entry.submitted_at)
    meta = tr("{parties} · {kind} · ingediend door {author} op {when}").format(
        parties=parties, kind=tr(KIND_LABELS[entry.kind]), author=entry.author, when=when)
    body = f"<h2>{html.escape(shown_number(entry))}. {html.escape(entry.headline)}</h2>{_meta(meta)}"
    others = [detail.amendments[j] for j in detail.conflicts_of(index)] if index >= 0 else []
    pending = detail.subamendments_of(entry.id)
    if entry.parent_id is not None:
        body += _meta(tr("Subamendement op amendement {label}: de wijzigingen staan tegenover de tekst van dat "
                         "amendement. Aanvaarden past die tekst aan; over het amendement wordt daarna beslist."
                         ).format(label=entry.parent_label))
        if not entry.on_current:
            body += _warning(tr("De tekst van amendement {label} is veranderd op de plaats die dit subamendement "
                                "wijzigt; de indiener moet het eerst herzien.").format(label=entry.parent_label))
        elif entry.conflicts_with:
            body += _warning(tr("Botst met {others}: die wijzigen dezelfde passage.").format(
                others=", ".join(entry.conflicts_with)))
    elif pending:
        body += _warning(tr("Beslis eerst over subamendement {labels}; daarna over dit amendement.").format(
            labels=", ".join(shown_number(s) for s in pending)))
    elif not entry.on_current:
        body += _warning(tr("Dit amendement botst met de huidige tekst: de indiener moet het eerst herzien. "
                            "Hieronder staat het tegenover de tekst waarop het is geschreven."))
    elif entry.already_in_text:
        body += _warning(tr("De wijziging van dit amendement staat al in de huidige tekst, bijvoorbeeld via een "
                            "compromis. Aanvaarden legt alleen het besluit vast; de tekst verandert niet."))
    elif others:
        body += _warning(tr("Botst met {others}: die wijzigen dezelfde passage.").format(
            others="; ".join(amendment_label(o) for o in others)))
    else:
        body += _meta(tr("Botst met geen van de andere open amendementen."))
    title = title_change_html(detail.title, entry.new_title)
    body += legend() + title + text_change_html(entry.base_text, entry.text, title)
    if entry.explanation:
        body += f"<h3>{html.escape(tr('Toelichting'))}</h3>{markdown_html(entry.explanation)}"
    return page(body + "<hr>" + support_html(entry.support))


def no_amendments_page(detail: ConsolidationDetail) -> str:
    return page(_meta(tr("Er zijn geen open amendementen op hoofdlijn {number}.").format(number=detail.number)))


def preview_page(detail: ConsolidationDetail, chosen: list[OpenAmendment], text: str | None) -> str:
    """The section with the chosen amendments applied, as tracked changes against the current text."""
    if not chosen:
        return page(_meta(tr("Vink amendementen aan (spatiebalk) om te zien hoe de tekst wordt als ze samen "
                             "worden aanvaard. Amendementen die met een aangevinkt amendement botsen, zijn grijs."))
                    + f"<h2>{html.escape(detail.number)} {html.escape(detail.title)}</h2>"
                    + markdown_html(detail.text))
    names = "; ".join(amendment_label(e) for e in chosen)
    heading = tr("Voorbeeld met {n} amendement(en)").format(n=len(chosen))
    title = next((e.new_title for e in chosen if e.new_title), "")
    return page(f"<h2>{html.escape(heading)}</h2>{_meta(names)}{legend()}{title_change_html(detail.title, title)}"
                f"{tracked_changes_html(detail.text, text or '')}")


def current_page(detail: ConsolidationDetail, before: str | None) -> str:
    """The current text; right after a decision that changed it, what the decision changed."""
    title = f"<h2>{html.escape(detail.number)} {html.escape(detail.title)}</h2>"
    if before is not None and before != detail.text:
        return page(title + _meta(tr("Wat het laatste besluit veranderde:")) + legend()
                    + tracked_changes_html(before, detail.text))
    return page(title + markdown_html(detail.text))
