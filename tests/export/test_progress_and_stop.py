"""Long exports report how far they are, and stop when the progress callback says so, leaving no file."""

import pytest

from raadsakkoord import operations as ops
from raadsakkoord.export.writer import export
from raadsakkoord.export.progress import Step
from raadsakkoord.model import AmendmentKind

PARAGRAPH = ("De gemeente werkt samen met inwoners, verenigingen en ondernemers aan een wijk waar het prettig "
             "wonen is. Zij luistert eerst, besluit daarna en legt uit waarom. ") * 6


class Stop(Exception):
    pass


def _big_agreement(setup, sections: int, amendments: bool = False) -> None:
    with setup.workspace.action() as s:
        chapter = ops.add_chapter(s, setup.griffie, title="Veel")
        for number in range(sections):
            section = ops.add_section(s, setup.griffie, chapter_id=chapter.id, title=f"Onderwerp {number}",
                                      text="\n\n".join([PARAGRAPH] * 4))
            if amendments:
                ops.propose_amendment(s, setup.groen_actor, kind=AmendmentKind.MODIFY, section_id=section.id,
                                      headline=f"Wijziging {number}", text=PARAGRAPH, submit=True)


def _listing(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_long_pdf_reports_sections_as_steps_and_stops_midway_without_a_file(setup, tmp_path):
    _big_agreement(setup, 120)
    out = tmp_path / "uit"
    out.mkdir()
    heard: list[str] = []

    def progress(message: str) -> None:
        heard.append(message)
        if isinstance(message, Step) and message.done >= 50:
            raise Stop

    with pytest.raises(Stop):
        export(setup.workspace, "agreement", "pdf", str(out / "akkoord.pdf"), progress=progress)
    assert _listing(out) == []  # no PDF, and no temporary file beside it
    steps = [m for m in heard if isinstance(m, Step)]
    assert [s.done for s in steps] == [0, 50] and steps[0].total == steps[1].total == 123
    assert steps[1] == "hoofdlijn 51 van 123 voorbereiden…"  # still a plain message for the CLI


def test_a_pdf_stopped_after_typesetting_leaves_no_file(setup, tmp_path):
    out = tmp_path / "uit"
    out.mkdir()
    heard: list[str] = []

    def progress(message: str) -> None:
        heard.append(message)
        if "pagina's schrijven" in message:
            raise Stop

    with pytest.raises(Stop):
        export(setup.workspace, "agreement", "pdf", str(out / "akkoord.pdf"), progress=progress)
    assert _listing(out) == []
    assert "de PDF zetten…" in heard
    export(setup.workspace, "agreement", "pdf", str(out / "akkoord.pdf"))
    assert _listing(out) == ["akkoord.pdf"]


def test_a_big_amendment_book_can_be_stopped_while_comparing(setup, tmp_path):
    _big_agreement(setup, 101, amendments=True)
    out = tmp_path / "uit"
    out.mkdir()
    heard: list[Step] = []

    def progress(message: str) -> None:
        if isinstance(message, Step):
            heard.append(message)
            if message.done >= 50:
                raise Stop

    with pytest.raises(Stop):
        export(setup.workspace, "amendments", "md", str(out / "boek.md"), progress=progress)
    assert [(s.done, s.total) for s in heard] == [(0, 101), (50, 101)]
    assert heard[0] == "amendementen vergelijken: hoofdlijn 1 van 101…"
    assert _listing(out) == []
