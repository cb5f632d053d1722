"""Markdown drafts: headings to chapters and sections, and clear refusals."""

import pytest

from raadsakkoord.base.errors import InputError
from raadsakkoord.importing.markdown import parse_draft

DRAFT = """Dit akkoord is van de hele raad.

# Wonen

Wonen is een grondrecht.

## Bouwen

We bouwen **500** woningen.

### Waar

- in het centrum
- in de dorpen

## Huur ##

De huren blijven betaalbaar.

```
# geen hoofdstuk, maar code
```

# Financiën

## Begroting

Sluitend.
"""


def test_headings_become_chapters_sections_preamble_and_intro():
    draft = parse_draft(DRAFT)
    assert draft.preamble == "Dit akkoord is van de hele raad."
    assert [c.title for c in draft.chapters] == ["Wonen", "Financiën"]
    wonen = draft.chapters[0]
    assert wonen.intro == "Wonen is een grondrecht."
    assert [s.title for s in wonen.sections] == ["Bouwen", "Huur"]
    assert wonen.sections[0].text == "We bouwen **500** woningen.\n\n### Waar\n\n- in het centrum\n- in de dorpen"
    assert "# geen hoofdstuk" in wonen.sections[1].text
    assert draft.section_count == 3


def test_windows_line_endings_and_bom_are_normalised():
    draft = parse_draft("\ufeff# A\r\n\r\n## B\r\n\r\nTekst.\r\n")
    assert draft.chapters[0].sections[0].text == "Tekst."


@pytest.mark.parametrize(("text", "message"), [
    ("## Los\n\nTekst", "regel 1 staat niet onder een hoofdstuk"),
    ("Alleen tekst, geen koppen.", "bevat geen hoofdlijnen"),
    ("# A\n\n## Leeg\n\n## Vol\n\nTekst", "'Leeg' .regel 3. heeft geen tekst"),
    ("# A\n\n##\n\nTekst", "regel 3 is een kop zonder tekst"),
    ("# A\n\n## B\n\n```\ncode", "codeblok"),
    ("# A\n\n## B\n\nTekst\x00", "stuurteken"),
])
def test_unusable_drafts_are_refused_with_the_line(text, message):
    with pytest.raises(InputError, match=message):
        parse_draft(text)
