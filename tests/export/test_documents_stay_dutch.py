"""The published documents are Dutch public documents, whatever language the messages are in."""

from __future__ import annotations

import pytest

from raadsakkoord.base import i18n
from raadsakkoord.export import markdown as md


@pytest.fixture
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("nl")


def test_amendment_book_keeps_its_dutch_status_labels(book, english):
    text = md.amendment_book_markdown(book)
    assert "aanvaard" in text and "ingediend" in text
    assert "accepted" not in text and "submitted" not in text


def test_agreement_and_agenda_are_the_same_in_english(agreement, agenda, english):
    in_english = md.agreement_markdown(agreement), md.task_agenda_markdown(agenda)
    i18n.set_language("nl")
    assert in_english == (md.agreement_markdown(agreement), md.task_agenda_markdown(agenda))
