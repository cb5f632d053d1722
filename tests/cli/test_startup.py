"""The command line starts at once: --help, --version, diff and merge load no database, keys or Qt.

Each command runs as ``python -m raadsakkoord`` would run it, in a fresh
interpreter, which then reports the modules it loaded.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import subprocess
import sys
import textwrap

import pytest

import raadsakkoord
from raadsakkoord.base import i18n
from raadsakkoord.cli import COMMANDS

HEAVY = ("sqlalchemy", "cryptography", "PySide6", "alembic", "markdown_it", "lxml", "docx")

RUN_AND_REPORT = textwrap.dedent("""
    import json, runpy, sys
    report = sys.argv.pop(1)
    sys.argv[0] = "raadsakkoord"
    try:
        runpy.run_module("raadsakkoord", run_name="__main__", alter_sys=True)
    except SystemExit as exc:
        code = exc.code
    with open(report, "w") as f:
        json.dump(sorted(sys.modules), f)
    sys.exit(code)
""")


def run(tmp_path, *argv, lang="nl"):
    """The exit status, stdout and loaded modules of one ``raadsakkoord`` run."""
    report = tmp_path / "modules.json"
    env = {**os.environ, "RAADSAKKOORD_LANG": lang, "RAADSAKKOORD_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-c", RUN_AND_REPORT, str(report), *argv], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60, env=env, check=False)
    return done.returncode, done.stdout, json.loads(report.read_text())


def heavy(modules):
    return [m for m in modules if m.split(".")[0] in HEAVY]


def command_modules(modules):
    # ``cli.common`` is no command: the output every command shares, as light as the table of commands.
    return {m for m in modules if m.startswith("raadsakkoord.cli.") and m != "raadsakkoord.cli.common"}


def flat(text):
    return " ".join(text.split())


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_help_lists_every_command_without_loading_one(tmp_path, lang):
    code, out, modules = run(tmp_path, "--help", lang=lang)
    assert code == 0
    # A command's line is indented by four spaces; its wrapped summary by more.
    listed = [line.split()[0] for line in out.splitlines() if line.startswith("    ") and line[4] != " "]
    assert listed == list(COMMANDS)
    i18n.set_language(lang)
    try:
        for info in COMMANDS.values():
            assert flat(i18n.tr(info.summary)) in flat(out)
    finally:
        i18n.set_language(i18n.SOURCE_LANGUAGE)
    assert ("COMMAND" if lang == "en" else "OPDRACHT") in out
    assert heavy(modules) == []
    assert command_modules(modules) == set()


def test_version(tmp_path):
    code, out, modules = run(tmp_path, "--version")
    assert (code, out) == (0, f"raadsakkoord {raadsakkoord.__version__}\n")
    assert out == "raadsakkoord 0.1.0\n"
    assert heavy(modules) == []
    assert command_modules(modules) == set()


def test_version_of_a_bundle_names_its_build(tmp_path, capsys, monkeypatch):
    from raadsakkoord.base import provenance
    from raadsakkoord.cli import main

    build = tmp_path / "_build.json"
    build.write_text('{"version": "0.1.0", "date": "2026-12-01", "commit": "954faa2"}', encoding="utf-8")
    monkeypatch.setattr(provenance, "_build_file", lambda: build)
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == "raadsakkoord 0.1.0\ngebouwd op 2026-12-01 uit commit 954faa2\n"
    # A damaged build file does not keep the version from being shown.
    build.write_text("{kapot", encoding="utf-8")
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out == "raadsakkoord 0.1.0\n"


def test_bundle_without_package_metadata_takes_the_version_from_its_build_file(tmp_path, monkeypatch):
    from importlib import metadata

    from raadsakkoord.base import provenance

    def not_installed(name):
        raise metadata.PackageNotFoundError(name)

    build = tmp_path / "_build.json"
    build.write_text('{"version": "0.2.0", "date": "2026-12-01", "commit": "abc1234"}', encoding="utf-8")
    monkeypatch.setattr(metadata, "version", not_installed)
    assert provenance.provenance(build) == provenance.Provenance("0.2.0", "2026-12-01", "abc1234")


def test_diff_loads_only_its_own_command(tmp_path):
    (tmp_path / "oud.md").write_text("De raad vergadert op dinsdag.\n", encoding="utf-8")
    (tmp_path / "nieuw.md").write_text("De raad vergadert op woensdag.\n", encoding="utf-8")
    code, out, modules = run(tmp_path, "diff", "oud.md", "nieuw.md")
    assert (code, out) == (0, "De raad vergadert op [-dinsdag-]{+woensdag+}.\n")
    assert heavy(modules) == []
    assert command_modules(modules) == {"raadsakkoord.cli.diffing"}


def test_merge_loads_only_its_own_command(tmp_path):
    (tmp_path / "basis.md").write_text("Wij bouwen 100 woningen.\n\nDe bus rijdt elk uur.\n", encoding="utf-8")
    (tmp_path / "onze.md").write_text("Wij bouwen 300 woningen.\n\nDe bus rijdt elk uur.\n", encoding="utf-8")
    (tmp_path / "hun.md").write_text("Wij bouwen 100 woningen.\n\nDe bus rijdt elk halfuur.\n", encoding="utf-8")
    code, out, modules = run(tmp_path, "merge", "basis.md", "onze.md", "hun.md")
    assert (code, out) == (0, "Wij bouwen 300 woningen.\n\nDe bus rijdt elk halfuur.\n")
    assert heavy(modules) == []
    assert command_modules(modules) == {"raadsakkoord.cli.diffing"}


def test_a_command_after_an_option_still_runs(tmp_path):
    """Only an option first sends main to the overview; the command is then parsed in full."""
    code, out, _ = run(tmp_path, "--help", "diff")
    assert code == 0 and "diff" in out and "OUD.md" not in out
    (tmp_path / "a.md").write_text("een\n", encoding="utf-8")
    code, _, _ = run(tmp_path, "--onbekend", "diff", "a.md", "a.md")
    assert code == 2


@pytest.mark.parametrize("module", sorted({info.module for info in COMMANDS.values()}))
def test_the_table_names_exactly_the_commands_each_module_builds(module):
    sub = argparse.ArgumentParser().add_subparsers()
    importlib.import_module(module).register(sub)
    assert set(sub.choices) == {name for name, info in COMMANDS.items() if info.module == module}
