"""One function per user action.

Each takes a Session (and the Actor who acts), validates its input with a
clear domain error in Dutch, writes, and appends an audit event. None of them
commits or closes the session it was handed: the caller's
``workspace.action()`` makes the whole action permanent, or nothing of it.
"""

from raadsakkoord.base.actor import Actor
from raadsakkoord.operations.agreement import (
    add_party,
    create_agreement,
    set_members,
    update_agreement,
    update_party,
)
from raadsakkoord.operations.amendments import (
    decide_amendment,
    propose_amendment,
    propose_subamendment,
    rework_amendment,
    give_number,
    submit_amendment,
    update_draft,
    withdraw_amendment,
)
from raadsakkoord.operations.autosave import UnsavedDraft, autosave_draft, discard_autosave, unsaved_drafts
from raadsakkoord.operations.consolidation import RebaseReport, rebase_open_amendments
from raadsakkoord.operations.cosubmissions import (
    confirm_co_submission,
    decline_co_submission,
    request_co_submission,
    withdraw_co_submission_request,
)
from raadsakkoord.operations.decisions import (
    DecisionRecord,
    decision_record,
    undo_decision,
    undoable_decision,
)
from raadsakkoord.operations.drafts import import_markdown_draft
from raadsakkoord.operations.endorsements import (
    EndorsementSnapshot,
    endorsement_snapshot,
    restore_endorsement,
    confirm_endorsements,
    endorse_amendment,
    endorse_section,
)
from raadsakkoord.operations.rounds import publish_round
from raadsakkoord.operations.support_requests import ask_support_again
from raadsakkoord.operations.sections import (
    add_chapter,
    add_section,
    move_section,
    rename_section,
    revise_section,
    set_section_status,
    update_chapter,
)
from raadsakkoord.operations.tasks import add_task, edit_task
from raadsakkoord.operations.votes import record_vote, set_voting_order

__all__ = [
    "Actor",
    "DecisionRecord",
    "EndorsementSnapshot",
    "endorsement_snapshot",
    "restore_endorsement",
    "RebaseReport",
    "UnsavedDraft",
    "autosave_draft",
    "discard_autosave",
    "unsaved_drafts",
    "rebase_open_amendments",
    "set_members",
    "propose_subamendment",
    "rework_amendment",
    "add_chapter",
    "add_party",
    "add_section",
    "add_task",
    "confirm_co_submission",
    "confirm_endorsements",
    "ask_support_again",
    "create_agreement",
    "decide_amendment",
    "decision_record",
    "decline_co_submission",
    "edit_task",
    "endorse_amendment",
    "endorse_section",
    "import_markdown_draft",
    "move_section",
    "propose_amendment",
    "publish_round",
    "record_vote",
    "request_co_submission",
    "rename_section",
    "revise_section",
    "set_section_status",
    "set_voting_order",
    "give_number",
    "submit_amendment",
    "update_agreement",
    "update_chapter",
    "update_draft",
    "update_party",
    "undo_decision",
    "undoable_decision",
    "withdraw_amendment",
    "withdraw_co_submission_request",
]
