"""A real office suite opens the Word files: LibreOffice converts them to PDF, and the text is all there.

``scripts/dev test`` installs Debian's ``libreoffice-writer-nogui``. Without
``soffice`` these tests are skipped with the reason (a failure in CI, as every
skip is there: see tests/conftest.py).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx.oxml import parse_xml
from pypdf import PdfReader

from raadsakkoord.base.errors import InputError
from raadsakkoord.export.word import write_docx
from raadsakkoord.importing.office import read_document
from tests.importing.office.builders import TRACKED_INSERTION, draft_docx, draft_odt

pytestmark = pytest.mark.office


@pytest.fixture(scope="module")
def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        pytest.skip("LibreOffice (soffice) is not installed; scripts/dev test installs libreoffice-writer-nogui")
    return found


def convert(soffice: str, files: list[Path], to: str, folder: Path) -> list[Path]:
    # A profile of its own: no clash with a running LibreOffice or another test run.
    profile = folder / "lo-profile"
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", to, "--outdir", str(folder), *map(str, files)],
        capture_output=True, text=True, timeout=300, env={**os.environ, "HOME": str(folder)})
    made = [folder / f"{f.stem}.{to.split(':')[0]}" for f in files]
    missing = [m.name for m in made if not m.is_file()]
    assert not missing, f"soffice made no {missing}: {result.stdout} {result.stderr}"
    return made


def _text(pdf: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in PdfReader(pdf).pages))


@pytest.fixture(scope="module")
def pdfs(soffice, agreement, book, tmp_path_factory):
    folder = tmp_path_factory.mktemp("office")
    write_docx(agreement, folder / "raadsakkoord.docx")
    write_docx(book, folder / "amendementenboek.docx")
    return convert(soffice, [folder / "raadsakkoord.docx", folder / "amendementenboek.docx"], "pdf", folder)


def test_libreoffice_prints_the_whole_agreement(pdfs, agreement):
    pdf = pdfs[0]
    text = _text(pdf)
    pages = len(PdfReader(pdf).pages)
    assert pages > 10
    assert agreement.meta.title in text and agreement.meta.contact_name in text
    for chapter in agreement.chapters:
        assert f"{chapter.number}. {chapter.title}" in text
        for section in chapter.sections:
            assert f"{section.number} {section.title}" in text
            # The first sentence of every section, as a reader sees it.
            first = re.sub(r"[*_#>`\\]|^\s*(?:[-+]|\d+[.)])\s+", "", section.text.split("\n")[0]).strip()
            assert re.sub(r"\s+", " ", first)[:60] in text, section.number
    assert text.count("Steun: ") == len(agreement.sections)
    for section in agreement.sections:
        for position in section.support.minority_positions:
            assert f"Minderheidsstandpunt {position.short_name}" in text
    for portfolio in agreement.agenda:
        assert portfolio.holder in text
    # Word's page fields, filled in by the office suite.
    assert f"pagina 2 van {pages}" in text


def test_libreoffice_shows_every_amendment_with_its_changes(pdfs, book):
    text = _text(pdfs[1])
    for section in book.sections:
        for amendment in section.amendments:
            assert amendment.title in text
            changed = [s.text for p in amendment.diff.paragraphs for s in p.spans if s.op != "equal"]
            words = [w for chunk in changed for w in re.findall(r"[^\W\d_]{6,}", chunk)]
            # Inserted and deleted words are both printed, as tracked changes are shown.
            assert all(w in text for w in words[:5]), (amendment.label, [w for w in words[:5] if w not in text])


def test_drafts_saved_by_libreoffice_import_like_the_originals(soffice, tmp_path):
    draft_docx(tmp_path / "word.docx")
    draft_odt(tmp_path / "open.odt")
    made = convert(soffice, [tmp_path / "word.docx"], "odt", tmp_path)
    made += convert(soffice, [tmp_path / "open.odt"], "docx:MS Word 2007 XML", tmp_path)
    expected = read_document(tmp_path / "word.docx")[0]
    for path in made:
        assert read_document(path)[0] == expected, path.name


def test_tracked_changes_survive_libreoffice_and_are_still_refused(soffice, tmp_path):
    document = draft_docx(tmp_path / "wijzigingen.docx")
    document.paragraphs[-1]._p.append(parse_xml(TRACKED_INSERTION))
    document.save(tmp_path / "wijzigingen.docx")
    made = convert(soffice, [tmp_path / "wijzigingen.docx"], "odt", tmp_path)[0]
    with pytest.raises(InputError, match="bevat bijgehouden wijzigingen. Zijn het amendementen van een fractie"):
        read_document(made)
