"""Typed-but-unsaved drafts survive in the workspace until saved or discarded."""

import pytest

from raadsakkoord import operations as ops
from raadsakkoord.base.errors import InputError
from raadsakkoord.model import AuditEvent, Autosave


def test_an_autosaved_draft_comes_back_for_its_owner_only(setup):
    key = f"modify:{setup.bouwen}"
    with setup.workspace.action() as s:
        ops.autosave_draft(s, setup.groen_actor, key, {"text": "We bouwen  meer\n", "headline": "Meer"})
    with setup.workspace.action() as s:
        mine = ops.unsaved_drafts(s, setup.groen_actor)
        assert [(d.editor_key, d.fields["text"], d.author) for d in mine] == [
            (key, "We bouwen  meer\n", setup.groen_actor.name)]  # kept exactly as typed
        assert ops.unsaved_drafts(s, setup.rood_actor) == []
        assert ops.unsaved_drafts(s, setup.griffie) == []


def test_autosaving_again_replaces_the_buffer_and_writes_no_audit_event(setup):
    key = f"modify:{setup.bouwen}"
    with setup.workspace.action() as s:
        events = s.query(AuditEvent).count()
        for text in ("a", "ab", "abc"):
            ops.autosave_draft(s, setup.groen_actor, key, {"text": text})
        assert s.query(Autosave).count() == 1
        assert s.query(AuditEvent).count() == events
        assert ops.unsaved_drafts(s, setup.groen_actor)[0].fields == {"text": "abc"}


def test_discarding_forgets_the_buffer(setup):
    key = f"new_section:{setup.wonen}"
    with setup.workspace.action() as s:
        ops.autosave_draft(s, setup.groen_actor, key, {"title": "Nieuw", "text": "Tekst"})
        ops.discard_autosave(s, setup.groen_actor, key)
        assert ops.unsaved_drafts(s, setup.groen_actor) == []


@pytest.mark.parametrize("key", ["", "modify:", "modify:not-a-uuid", "drop:00000000-0000-0000-0000-000000000000"])
def test_an_unknown_editor_key_is_refused(setup, key):
    with setup.workspace.action() as s, pytest.raises(InputError, match="Onbekende editor"):
        ops.autosave_draft(s, setup.groen_actor, key, {"text": "x"})


def test_non_text_fields_and_huge_buffers_are_refused(setup):
    key = f"modify:{setup.bouwen}"
    with setup.workspace.action() as s:
        with pytest.raises(InputError, match="alleen tekstvelden"):
            ops.autosave_draft(s, setup.groen_actor, key, {"text": 3})
        with pytest.raises(InputError, match="te groot"):
            ops.autosave_draft(s, setup.groen_actor, key, {"text": "x" * 2_000_001})
        assert s.query(Autosave).count() == 0
