"""The same tracked edits after LibreOffice saved them, as .docx and as its own .odt: the same amendments.

``scripts/dev test`` installs Debian's ``libreoffice-writer-nogui``; without
``soffice`` these tests are skipped with the reason (a failure in CI).
"""

from __future__ import annotations

import pytest

from raadsakkoord.importing.office.tracked import read_tracked
from raadsakkoord.operations.tracked_changes import plan_tracked_changes
from tests.export.test_word_in_libreoffice import convert, soffice  # noqa: F401 - the fixture
from tests.importing.office.round_edits import party_edits

pytestmark = pytest.mark.office


def _planned(workspace, path, party_id):
    with workspace.action() as s:
        plan = plan_tracked_changes(s, read_tracked(path), party_id=party_id)
    return plan.unplaced, [(a.kind, a.place, a.title, a.headline, a.explanation, a.text, a.base_revision_id,
                            a.authors, a.date) for a in plan.amendments]


@pytest.mark.parametrize("to", ["odt", "docx:MS Word 2007 XML"])
def test_saved_by_libreoffice_the_file_makes_the_same_amendments(soffice, round_docx, tmp_path, to):  # noqa: F811
    workspace, ids, path = round_docx
    edited = party_edits(path, tmp_path / "ronde1-GL.docx")
    expected = _planned(workspace, edited, ids["gl"])
    assert expected[0] == [] and len(expected[1]) == 4
    folder = tmp_path / "libreoffice"
    folder.mkdir()
    (saved,) = convert(soffice, [edited], to, folder)
    assert _planned(workspace, saved, ids["gl"]) == expected
