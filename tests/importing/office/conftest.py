"""The round export that the tracked-changes tests edit."""

from __future__ import annotations

import pytest

from tests.importing.office.round_edits import export_round


@pytest.fixture
def round_docx(workspace, tmp_path):
    ids, path = export_round(workspace, tmp_path)
    return workspace, ids, path
