"""``raadsakkoord amendment-form WORKSPACE A3``: the formal document, or one clear line on stderr."""

from __future__ import annotations

import os
import shutil

import pytest

from raadsakkoord.cli import main


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def demo_master(tmp_path_factory):
    from raadsakkoord.demo import create_demo_workspace

    target = tmp_path_factory.mktemp("demo") / "assen.raadsakkoord"
    create_demo_workspace(str(target)).close()
    return target


@pytest.fixture
def demo(demo_master, tmp_path):
    return shutil.copyfile(demo_master, tmp_path / "assen.raadsakkoord")


def test_one_amendment_as_markdown_with_the_meeting_date(capsys, demo, tmp_path):
    target = tmp_path / "a3.md"
    code, out, err = run(capsys, "amendment-form", demo, "a3", "--format", "md", "-o", target,
                         "--meeting", "2026-12-10")
    assert (code, out, err) == (0, f"Geschreven: {target}\n", "")
    text = target.read_text(encoding="utf-8")
    assert "# Amendement A3" in text and "in vergadering bijeen op 10 december 2026;" in text
    assert text.count("# Amendement ") == 1


def test_all_as_pdf_with_a_page_per_amendment(capsys, demo, tmp_path):
    target = tmp_path / "alle.pdf"
    code, out, _ = run(capsys, "amendment-form", demo, "--all", "-o", target)
    assert code == 0 and out.startswith(f"Geschreven: {target} (") and target.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(("args", "message"), [
    (["A99"], "Er is geen amendement A99."),
    (["B3"], "'B3' is geen amendementnummer; een nummer ziet eruit als A3 of A3.1."),
    (["A3", "--meeting", "12-10-2026"], "'12-10-2026' is geen datum"),
    (["A3", "--all"], "Noem één amendement (bijvoorbeeld A3) of geef --all"),
    ([], "Noem één amendement (bijvoorbeeld A3) of geef --all"),
])
def test_bad_input_is_one_dutch_line_and_no_file(capsys, demo, tmp_path, args, message):
    target = tmp_path / "uit.pdf"
    code, out, err = run(capsys, "amendment-form", demo, *args, "-o", target)
    assert code != 0 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err
    assert not target.exists()


def test_an_unwritable_output_is_refused_and_the_workspace_never_overwritten(capsys, demo, tmp_path):
    code, _, err = run(capsys, "amendment-form", demo, "A3", "-o", tmp_path / "geen-map" / "a3.pdf")
    assert code != 0 and "bestaat niet; er is niets geschreven" in err and len(err.strip().splitlines()) == 1
    before = demo.read_bytes()
    code, _, err = run(capsys, "amendment-form", demo, "A3", "--format", "md", "-o", demo, "--force")
    assert code != 0 and len(err.strip().splitlines()) == 1 and demo.read_bytes() == before
    if hasattr(os, "geteuid") and os.geteuid() != 0:  # root may write anywhere; Windows has no such test
        locked = tmp_path / "dicht"
        locked.mkdir(mode=0o500)
        code, _, err = run(capsys, "amendment-form", demo, "A3", "-o", locked / "a3.pdf")
        assert code != 0 and "mag niet worden geschreven" in err
