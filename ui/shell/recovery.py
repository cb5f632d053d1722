"""After a crash: offer back what was typed but never saved, one draft at a time."""

from __future__ import annotations

from raadsakkoord import operations as ops
from raadsakkoord.base.i18n import tr
from ui.common import messages
from ui.common.context import Context
from ui.common.render import local_time
from ui.shell.workarea import WorkArea


def offer_unsaved_drafts(parent, ctx: Context, work: WorkArea, say) -> None:
    """Ask about each autosaved draft: put it back in an editor, or throw it away."""
    with ctx.action() as session:
        drafts = ops.unsaved_drafts(session, ctx.actor)
    for draft in drafts:
        when = local_time(draft.saved_at)
        what = draft.fields.get("headline") or draft.fields.get("target") or tr("zonder kop")
        if messages.ask(parent, tr("Niet-opgeslagen ontwerp"),
                        tr("Er is een ontwerp-amendement dat niet was opgeslagen: „{what}” (automatisch "
                           "bewaard op {when}). Wilt u het terugzetten?").format(what=what, when=when),
                        yes=tr("Terugzetten"), no=tr("Weggooien")):
            if work.recover(draft):
                say(tr("Niet-opgeslagen ontwerp teruggezet."))
                continue
            messages.show_info(parent, tr("Niet-opgeslagen ontwerp"),
                               tr("Dit ontwerp kan niet worden teruggezet: de hoofdlijn of het amendement "
                                  "bestaat niet meer of is al ingediend."))
        with ctx.action() as session:
            ops.discard_autosave(session, ctx.actor, draft.editor_key)
