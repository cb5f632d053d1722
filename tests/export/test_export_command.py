"""``raadsakkoord export``: files appear whole or not at all, bad input is one Dutch line."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

import pypdf
import pytest

from raadsakkoord.base.errors import UserError
from raadsakkoord.cli import export as commands
from tests.export import pdfcheck


def run(capsys, *argv):
    # cli.main's contract, with only this module's sub-command registered.
    parser = argparse.ArgumentParser(prog="raadsakkoord")
    commands.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(list(argv))
    try:
        code = args.handler(args)
    except UserError as exc:
        print(f"raadsakkoord: {exc.message}", file=__import__("sys").stderr)
        code = exc.exit_code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("what,fmt", [
    (what, fmt) for what, formats in commands.FORMATS.items() for fmt in formats])
def test_every_format_is_written(request, capsys, tmp_path, demo_path, what, fmt):
    if fmt == "odt":
        request.getfixturevalue("qapp")
    target = tmp_path / f"uit.{fmt}"
    code, out, err = run(capsys, "export", demo_path, "--what", what, "--format", fmt, "-o", str(target))
    assert code == 0, err
    assert target.stat().st_size > 1000
    assert f"Geschreven: {target}" in out
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left
    if fmt == "pdf":
        title = {"agreement": "", "tasks": "Uitwerkingsagenda ", "amendments": "Amendementenboek "}[what]
        _, _, texts = pdfcheck.check(target, title + "Raadsakkoord Assen 2026–2030")
        assert f"({len(texts)} pagina's)" in out


def test_a_pdf_with_its_source_attached(capsys, tmp_path, demo_path):
    target = tmp_path / "akkoord.pdf"
    code, _, err = run(capsys, "export", demo_path, "--what", "agreement", "--format", "pdf",
                         "--attach-source", "-o", str(target))
    assert code == 0, err
    reader = pypdf.PdfReader(target)
    assert list(reader.attachments) == ["akkoord.md"]
    assert 'pdfaid:part="3"' in pdfcheck.xmp(reader) or "<pdfaid:part>3<" in pdfcheck.xmp(reader)


def test_line_numbers_can_be_left_out_of_the_agreement(capsys, tmp_path, demo_path):
    import zipfile

    pages = {}
    for name, extra in (("met", ()), ("zonder", ("--zonder-regelnummers",))):
        for fmt in ("html", "docx"):
            target = tmp_path / f"{name}.{fmt}"
            code, _, err = run(capsys, "export", demo_path, "--what", "agreement", "--format", fmt, *extra,
                               "-o", str(target))
            assert code == 0, err
            pages[name, fmt] = (target.read_text(encoding="utf-8") if fmt == "html"
                                else zipfile.ZipFile(target).read("word/document.xml").decode("utf-8"))
    assert 'class="line-number"' in pages["met", "html"] and "w:lnNumType" in pages["met", "docx"]
    assert 'class="line-number"' not in pages["zonder", "html"] and "w:lnNumType" not in pages["zonder", "docx"]


@pytest.mark.parametrize("folder", ["typst_dir", "fonts_dir"])
def test_a_pdf_without_its_templates_or_font_is_one_line_and_no_file(capsys, tmp_path, demo_path, monkeypatch,
                                                                      folder):
    from raadsakkoord.base import paths

    monkeypatch.setattr(paths, folder, lambda: tmp_path / "weg")
    target = tmp_path / "akkoord.pdf"
    code, _, err = run(capsys, "export", demo_path, "--what", "agreement", "--format", "pdf", "-o", str(target))
    assert code == 1 and "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith("raadsakkoord: De opmaak voor PDF ontbreekt in ")
    assert not target.exists()


def test_attach_source_only_for_pdf(capsys, tmp_path, demo_path):
    err = _refused(capsys, tmp_path, demo_path, "--what", "agreement", "--format", "md", "--attach-source")
    assert "alleen voor een PDF" in err


def _refused(capsys, tmp_path, *argv):
    target = tmp_path / "uit.bestand"
    code, out, err = run(capsys, "export", *argv, "-o", str(target))
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("raadsakkoord: ")
    assert not target.exists() and list(tmp_path.iterdir()) == []
    return err


def test_a_bad_combination_is_one_line(capsys, tmp_path, demo_path):
    err = _refused(capsys, tmp_path, demo_path, "--what", "amendments", "--format", "ics")
    assert "kan niet als ics" in err and "kies uit" in err


def test_an_unknown_round_is_one_line(capsys, tmp_path, demo_path):
    err = _refused(capsys, tmp_path, demo_path, "--what", "agreement", "--format", "md", "--round", "9")
    assert "Ronde 9 bestaat niet" in err and "1, 2" in err


def test_round_only_for_the_agreement(capsys, tmp_path, demo_path):
    _refused(capsys, tmp_path, demo_path, "--what", "tasks", "--format", "csv", "--round", "1")


def test_an_unwritable_folder_is_one_line(capsys, tmp_path, demo_path):
    code, out, err = run(capsys, "export", demo_path, "--what", "tasks", "--format", "csv",
                         "-o", str(tmp_path / "bestaat-niet" / "uit.csv"))
    assert code == 1 and "bestaat niet" in err and len(err.strip().splitlines()) == 1


def test_a_read_only_folder_is_one_line(tmp_path, demo_path):
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    folder.chmod(0o555)
    # Root may write in a read-only folder; run as root without that right,
    # as any other user is.
    without_override = (["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--"]
                         if hasattr(os, "geteuid") and os.geteuid() == 0 else [])
    try:
        done = subprocess.run([*without_override, sys.executable, "-m", "raadsakkoord", "export", demo_path,
                               "--what", "tasks", "--format", "csv", "-o", str(folder / "uit.csv")],
                              capture_output=True, text=True, timeout=120)
    finally:
        folder.chmod(0o755)
    assert (done.returncode, done.stdout) == (1, ""), done.stderr
    assert done.stderr == f"raadsakkoord: In de map {folder} mag niet worden geschreven; er is niets geschreven.\n"
    assert list(folder.iterdir()) == []


def test_a_failing_export_leaves_the_old_file_and_no_partial_one(tmp_path, demo, monkeypatch):
    from raadsakkoord.export import markdown as md

    target = tmp_path / "akkoord.md"
    target.write_text("vorige versie")

    def broken(doc):
        raise RuntimeError("schijf vol")

    monkeypatch.setattr(md, "agreement_markdown", broken)
    with pytest.raises(RuntimeError):
        commands.export(demo, "agreement", "md", str(target))
    assert target.read_text() == "vorige versie"
    assert [p.name for p in tmp_path.iterdir()] == ["akkoord.md"]


def test_a_round_export_is_marked_with_that_round(capsys, tmp_path, demo_path):
    target = tmp_path / "ronde1.md"
    code, _, err = run(capsys, "export", demo_path, "--what", "agreement", "--format", "md", "--round", "1",
                       "-o", str(target))
    assert code == 0, err
    text = target.read_text(encoding="utf-8")
    assert 'status: "Concept 1"' in text and "round: 1" in text and "date: 2026-09-18" in text


def test_a_missing_workspace_is_one_line(capsys, tmp_path):
    code, out, err = run(capsys, "export", str(tmp_path / "geen.raadsakkoord"), "--what", "tasks",
                         "--format", "csv", "-o", str(tmp_path / "uit.csv"))
    assert code != 0 and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "uit.csv").exists()
