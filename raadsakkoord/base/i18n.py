"""One translation mechanism for every text a person reads in the application or the CLI.

Source texts are Dutch, the language of our users; English is the second
language. A text goes through ``tr()`` where it is shown, and the English
catalogues in ``resources/i18n/en/*.json`` map each Dutch source text to its
translation. Texts that are defined before the language is known (labels in a
module-level table) are marked with ``mark()`` and translated with ``tr()``
where they are used. ``tests/base/test_i18n.py`` finds every ``tr``/``trn``/``mark``
literal in the code and fails when one has no English entry, or when an entry
is no longer used.

Exported documents (the agreement, the amendment book, the task agenda) are
Dutch public documents and are not translated.

Placeholders use ``str.format`` names, applied after translation:
``tr("Onbekende hoofdlijn: {ident}").format(ident=...)``.
"""

from __future__ import annotations

import json
import os

from raadsakkoord.base import paths

LANGUAGES = {"nl": "Nederlands", "en": "English"}
SOURCE_LANGUAGE = "nl"

_language = SOURCE_LANGUAGE
_catalogue: dict[str, str] = {}


def catalogue_dir(language: str):
    return paths.resource("i18n", language)


def load_catalogue(language: str) -> dict[str, str]:
    """Every entry of the language's catalogue files, merged (empty for Dutch)."""
    if language == SOURCE_LANGUAGE:
        return {}
    merged: dict[str, str] = {}
    for path in sorted(catalogue_dir(language).glob("*.json")):
        merged.update(json.loads(path.read_text(encoding="utf-8")))
    return merged


def set_language(language: str) -> str:
    """Switch the language of messages; an unknown code falls back to Dutch."""
    global _language, _catalogue
    if language not in LANGUAGES:
        language = SOURCE_LANGUAGE
    _catalogue = load_catalogue(language)
    _language = language
    return language


def language() -> str:
    return _language


def language_from_environment() -> str:
    """The CLI's language: RAADSAKKOORD_LANG (nl or en), Dutch by default."""
    return set_language(os.environ.get("RAADSAKKOORD_LANG", SOURCE_LANGUAGE).strip().lower()[:2])


def tr(text: str) -> str:
    """The text in the current language (the Dutch source when there is no translation)."""
    return _catalogue.get(text, text)


def trn(singular: str, plural: str, n: int) -> str:
    """The singular or plural form, translated: ``trn("{n} amendement", "{n} amendementen", n)``."""
    return tr(singular if n == 1 else plural)


def mark(text: str) -> str:
    """Mark a text for translation without translating it now (for module-level tables)."""
    return text
