"""The amendment book names a co-submitter only once that party confirmed, in every format, read back."""

from __future__ import annotations

import re

import docx
import pypdf
import pytest

from raadsakkoord import operations as ops
from raadsakkoord.export import writer
from raadsakkoord.model import AmendmentKind


@pytest.fixture
def asked(setup):
    """RP's amendment asks GL and BB; GL confirmed, BB did not answer. RP also asks BB on another, which BB declines."""
    with setup.workspace.action() as s:
        first = ops.propose_amendment(s, setup.rood_actor, kind=AmendmentKind.MODIFY, section_id=setup.bouwen,
                                      headline="Meer woningen", text="We bouwen 800 woningen.\n\nDe helft is "
                                      "sociale huur.", co_party_ids=[setup.groen, setup.blauw], submit=True)
        ops.confirm_co_submission(s, setup.groen_actor, first.id)
        second = ops.propose_amendment(s, setup.rood_actor, kind=AmendmentKind.MODIFY, section_id=setup.huur,
                                       headline="Huurbevriezing", text="De huren stijgen niet.",
                                       co_party_ids=[setup.blauw], submit=True)
        ops.decline_co_submission(s, setup.blauw_actor, second.id)
    return setup


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def _read(fmt: str, path) -> str:
    if fmt == "md":
        return path.read_text("utf-8")
    if fmt == "html":
        return _squeeze(re.sub(r"<[^>]+>", " ", path.read_text("utf-8")))
    if fmt == "docx":
        return "\n".join(p.text for p in docx.Document(path).paragraphs)
    return " ".join(_squeeze(page.extract_text()) for page in pypdf.PdfReader(path).pages)


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "pdf"])
def test_only_confirmed_co_submitters_are_named(asked, fmt, tmp_path, request):
    if fmt == "pdf":
        request.getfixturevalue("qapp")  # laid out with Qt
    target = tmp_path / f"amendementen.{fmt}"
    writer.export(asked.workspace, "amendments", fmt, str(target))
    # The HTML edition puts the submitters in a table: "Indiener" is its row header.
    submitters = re.findall(r"Indiener:? (RP(?: met [A-Z, ]+?)?)(?= ·|\n| Soort|$)", _read(fmt, target))
    # GL confirmed; BB was asked on the first and declined the second.
    assert sorted(submitters) == ["RP", "RP met GL"]
