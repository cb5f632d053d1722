"""The round's own ODT export, edited with track changes on, read back as the party's amendments.

Once as LibreOffice records the changes, once more after LibreOffice itself
opened and saved the file (``soffice --headless``; ``scripts/dev test``
installs it).
"""

from __future__ import annotations

import pytest

from raadsakkoord.export.document import agreement_document
from raadsakkoord.export.odt import ensure_gui_application, write_odt
from raadsakkoord.importing.office.tracked import read_tracked
from raadsakkoord.model import AmendmentKind, Section
from raadsakkoord.operations.tracked_changes import plan_tracked_changes
from tests.export.test_word_in_libreoffice import convert, soffice  # noqa: F401 - the fixture
from tests.importing.office.odt_edits import OdtEdit
from tests.importing.office.round_edits import HUUR


@pytest.fixture
def round_odt(round_docx, tmp_path):
    workspace, ids, _docx = round_docx
    ensure_gui_application()
    with workspace.action() as s:
        document = agreement_document(s, round_number=1)
    path = tmp_path / "ronde1.odt"
    write_odt(document, path)
    return workspace, ids, path


def _edited(path, out):
    edit = OdtEdit(path)
    edit.replace("De huren stijgen", "niet harder", "nooit harder", "Bert Jansen", "2026-03-03T09:00:00")
    edit.replace("1.1 Bouwen", "Bouwen", "Woningbouw", "Anna de Vries", heading=True)
    return edit.save(out)


def _planned(workspace, path, party_id):
    with workspace.action() as s:
        plan = plan_tracked_changes(s, read_tracked(path), party_id=party_id)
        revisions = {a.section_id: s.get(Section, a.section_id).current_revision_id for a in plan.amendments}
    return plan, revisions


def test_the_round_odt_edited_with_tracked_changes_makes_the_partys_amendments(round_odt, tmp_path):
    workspace, ids, path = round_odt
    plan, revisions = _planned(workspace, _edited(path, tmp_path / "ronde1-GL.odt"), ids["gl"])
    assert plan.unplaced == []
    found = {a.section_id: a for a in plan.amendments}
    huur, bouwen = found[ids["huur"]], found[ids["bouwen"]]
    assert (huur.kind, huur.text) == (AmendmentKind.MODIFY, HUUR.replace("niet harder", "nooit harder").strip())
    assert huur.base_revision_id == revisions[ids["huur"]]
    assert (huur.authors, huur.date.isoformat()) == ("Bert Jansen", "2026-03-03T09:00:00+00:00")
    assert (bouwen.new_title, bouwen.text) == ("Woningbouw", bouwen.base_text)


def test_the_round_odt_as_libreoffice_saved_it_makes_the_same_amendments(soffice, round_odt,  # noqa: F811
                                                                          tmp_path):
    workspace, ids, path = round_odt
    edited = _edited(path, tmp_path / "ronde1-GL.odt")
    expected, _ = _planned(workspace, edited, ids["gl"])
    folder = tmp_path / "libreoffice"
    folder.mkdir()
    (saved,) = convert(soffice, [edited], "odt", folder)
    plan, _ = _planned(workspace, saved, ids["gl"])
    assert plan.unplaced == []
    assert [(a.section_id, a.new_title, a.text, a.authors) for a in plan.amendments] == [
        (a.section_id, a.new_title, a.text, a.authors) for a in expected.amendments]
