"""The tools the menus open beside the sections: agenda, support matrix, inbox and log in tabs of the
work area; export and publishing in dialogs.

Each tool's module is imported when it is first opened, so start-up does not
pay for views a session may never show.
"""

from __future__ import annotations

from raadsakkoord.base.i18n import tr


def show_agenda(window) -> None:
    def make():
        from ui.agenda.view import TaskAgendaView

        view = TaskAgendaView()
        view.bind(window.ctx, window.work.window_stack)
        view.section_activated.connect(window.go_to_section)
        return view

    window.work.open_tool("agenda", make, tr("Uitwerkingsagenda"))


def show_support(window) -> None:
    def make():
        from ui.support.view import SupportView

        view = SupportView(runner=window.runner)
        view.bind(window.ctx)
        view.section_activated.connect(window.go_to_section)
        view.status.connect(window.say)
        return view

    window.work.open_tool("support", make, tr("Steunmatrix"))


def show_inbox(window) -> None:
    def make():
        from ui.griffie.inbox import InboxView

        view = InboxView(runner=window.runner)
        view.bind(window.ctx)
        view.status.connect(window.say)
        return view

    window.work.open_tool("inbox", make, tr("Ontvangen pakketten"))


def show_audit(window) -> None:
    def make():
        from ui.griffie.auditview import AuditView

        view = AuditView(runner=window.runner)
        view.bind(window.ctx)
        return view

    window.work.open_tool("audit", make, tr("Logboek"))


def show_export(window) -> None:
    from ui.exchange.exportdialog import show_export_dialog

    dialog = show_export_dialog(window, window.ctx, window.runner)
    dialog.exported.connect(window.say)


def publish_round(window) -> None:
    from ui.griffie.publishdialog import publish_round_dialog

    publish_round_dialog(window, window.ctx, window.runner, window.say)


def open_chamber(window) -> None:
    from ui.griffie.chamberpanel import open_chamber

    open_chamber(window)


def show_votes(window, amendment_id=None) -> None:
    """The voting order and the vote; from the consolidation, on that amendment."""
    from raadsakkoord.queries.voting import amendment_item
    from ui.griffie.votedialog import voting_dialog

    select = None
    if amendment_id is not None:
        with window.ctx.action() as session:
            select = amendment_item(session, amendment_id)
    voting_dialog(window, window.ctx, window.runner, window.say, select)
