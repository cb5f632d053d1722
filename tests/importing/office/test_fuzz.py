"""A fixed run of mutated documents: every one is imported or refused with the application's own message."""

from __future__ import annotations

import random

import pytest

from raadsakkoord.export import document, word
from tests.importing.office.builders import draft_docx, draft_odt
from tests.importing.office.fuzzing import Tally, run_case, with_content_controls

CASES = 120
SEED = 20261204


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    from raadsakkoord.demo import create_demo_workspace

    folder = tmp_path_factory.mktemp("zaden")
    workspace = create_demo_workspace(folder / "demo.raadsakkoord")
    with workspace.action() as session:
        word.write_docx(document.agreement_document(session), folder / "akkoord.docx")
    workspace.close()
    draft_docx(folder / "concept.docx")
    draft_odt(folder / "concept.odt")
    with_content_controls(folder / "concept.docx", folder / "velden.docx")
    return [folder / "akkoord.docx", folder / "concept.docx", folder / "concept.odt", folder / "velden.docx"]


def test_every_mutated_document_is_imported_or_refused(seeds, tmp_path):
    rng = random.Random(SEED)
    tally = Tally()
    for case in range(CASES):
        run_case(seeds[case % len(seeds)], rng, tmp_path, tally)
    assert tally.escapes == []
    assert tally.cases == CASES
    # Both outcomes occur, so the mutations reach the readers and not only the zip check.
    assert tally.imported > 0 and tally.refused > 0
    assert tally.slowest < 10, f"one document took {tally.slowest:.1f} s"
