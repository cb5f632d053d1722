"""In English the messages change language; stored data and the Dutch labels behind them do not."""

from __future__ import annotations

import errno

import pytest

from raadsakkoord.base import i18n
from raadsakkoord import operations as ops
from raadsakkoord.queries import labels
from raadsakkoord.base.errors import DomainError, InputError, os_reason
from raadsakkoord.exchange.common import ImportReport
from raadsakkoord.model import AmendmentKind, AmendmentStatus
from raadsakkoord.queries.readability import BANDS, analyse


@pytest.fixture
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("nl")


def test_os_reasons_in_english(english):
    assert os_reason(OSError(errno.ENOENT, "No such file or directory")) == "it does not exist"
    assert os_reason(OSError(errno.EXDEV, "Invalid cross-device link")) == "system error EXDEV"


def test_a_refusal_names_the_status_in_english_but_the_label_stays_dutch(setup, english):
    with setup.workspace.action() as s:
        amendment = ops.propose_amendment(s, setup.rood_actor, kind=AmendmentKind.MODIFY,
                                          section_id=setup.bouwen, headline="Meer woningen",
                                          text="We bouwen 900 woningen.", submit=True)
        with pytest.raises(DomainError) as caught:
            ops.submit_amendment(s, setup.rood_actor, amendment.id)
    assert caught.value.message == "This amendment is already submitted."
    # The amendment book prints the label as it is: a Dutch public document.
    assert labels.STATUS_LABELS[AmendmentStatus.SUBMITTED] == "ingediend"


def test_field_names_inside_a_message_are_translated_too(setup, english):
    with pytest.raises(InputError) as caught, setup.workspace.action() as s:
        ops.add_party(s, setup.griffie, name="Oranje", short_name="OR", seats=999)
    assert caught.value.message.startswith("The number of seats of OR must be between 0 and ")


def test_import_report_records_dutch_and_shows_english(english):
    report = ImportReport("party", "GL")
    report.keep(i18n.mark("'{headline}' was al beoordeeld; intrekken kan niet meer."), headline="Meer bomen")
    assert report.as_dict()["kept"] == ["'Meer bomen' was al beoordeeld; intrekken kan niet meer."]
    assert report.lines()[-1] == "  'Meer bomen' had already been decided on; it can no longer be withdrawn."


def test_readability_band_stays_dutch_data(english):
    band = analyse("Wij gaan naar huis. Het is mooi weer.").band
    assert band in {label for _, label in BANDS}
    assert i18n.tr(band) != band
