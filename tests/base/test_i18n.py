"""Every translatable text has an English entry, and the catalogues hold nothing stale."""

from __future__ import annotations

import ast
import json
import string
from pathlib import Path

import pytest

from raadsakkoord.base import i18n

ROOT = Path(__file__).resolve().parents[2]
MARKERS = {"tr", "trn", "mark"}


def translatable_literals() -> dict[str, str]:
    """Each literal given to tr/trn/mark in the code, with where it was found."""
    found: dict[str, str] = {}
    for folder in ("raadsakkoord", "ui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call):
                    continue
                name = node.func.id if isinstance(node.func, ast.Name) else (
                    node.func.attr if isinstance(node.func, ast.Attribute) else None)
                if name not in MARKERS:
                    continue
                args = node.args[:2] if name == "trn" else node.args[:1]
                for arg in args:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        found.setdefault(arg.value, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_text_has_an_english_translation():
    english = i18n.load_catalogue("en")
    missing = {text: where for text, where in translatable_literals().items() if text not in english}
    assert not missing, "Geen Engelse vertaling voor:\n" + "\n".join(
        f"{where}: {text!r}" for text, where in missing.items())


def test_catalogues_hold_no_stale_entries():
    used = translatable_literals()
    stale = [text for text in i18n.load_catalogue("en") if text not in used]
    assert not stale, f"Niet meer gebruikte vertalingen: {stale}"


def test_translations_keep_their_placeholders():
    for text, translation in i18n.load_catalogue("en").items():
        assert placeholders(text) == placeholders(translation), (text, translation)


def test_catalogue_files_are_valid_json_objects():
    for path in i18n.catalogue_dir("en").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert isinstance(data, dict) and all(isinstance(v, str) for v in data.values()), path


@pytest.fixture
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("nl")


def test_switching_language_changes_what_tr_returns(english, monkeypatch, tmp_path):
    sample = tmp_path / "i18n" / "en"
    sample.mkdir(parents=True)
    (sample / "x.json").write_text(json.dumps({"Opslaan": "Save"}), encoding="utf-8")
    monkeypatch.setattr(i18n.paths, "resources_dir", lambda: tmp_path)
    i18n.set_language("en")
    assert i18n.tr("Opslaan") == "Save"
    assert i18n.tr("Niet vertaald") == "Niet vertaald"
    i18n.set_language("nl")
    assert i18n.tr("Opslaan") == "Opslaan"


def test_unknown_language_falls_back_to_dutch():
    assert i18n.set_language("xx") == "nl"
    assert i18n.language() == "nl"
