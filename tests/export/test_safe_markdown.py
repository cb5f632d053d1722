"""The one Markdown renderer: hostile texts from other parties' packages stay text."""

import re

import pytest

from raadsakkoord.export.safe_html import render_markdown

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">klik</a>',
    "[klik](javascript:alert(1))",
    "[klik](JaVaScRiPt:alert(1))",
    "[klik](java\tscript:alert(1))",
    "[klik](data:text/html;base64,PHNjcmlwdD4=)",
    "[klik](vbscript:msgbox)",
    "[klik](file:///etc/passwd)",
    "<javascript:alert(1)>",
    "[r]: javascript:alert(1)\n\n[r]",
    '<iframe src="https://evil.example"></iframe>',
    "<style>body{display:none}</style>",
    '<div style="background:url(https://evil.example/x)">x</div>',
    "![volg mij](https://evil.example/pixel.png)",
    '![x](https://evil.example/a.png "titel")',
    "&lt;script&gt; &#60;script&#62;",
    "<!-- verborgen --> zichtbaar",
    "```html\n<script>alert(1)</script>\n```",
    '<svg onload="alert(1)">',
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_never_becomes_markup(text):
    out = render_markdown(text)
    tags = re.findall(r"<\s*([a-zA-Z][a-zA-Z0-9]*)", out)
    assert set(tags) <= {"p", "a", "pre", "code", "em", "strong"}, out
    for href in re.findall(r'href="([^"]*)"', out):
        assert href.startswith(("http://", "https://", "mailto:")), out
    # Attributes only ever come from the renderer itself (href and rel).
    attributes = re.findall(r"<[a-z]+((?:\s+[a-z-]+=\"[^\"]*\")*)\s*>", out)
    for found in attributes:
        assert set(re.findall(r"([a-z-]+)=", found)) <= {"href", "rel", "class"}, out


def test_raw_html_is_shown_as_text():
    assert render_markdown("<b>vet</b>") == "<p>&lt;b&gt;vet&lt;/b&gt;</p>\n"


def test_images_become_their_alternative_text_and_fetch_nothing():
    out = render_markdown("Kijk: ![de kaart van Assen](https://evil.example/kaart.png)")
    assert out == "<p>Kijk: de kaart van Assen</p>\n"


def test_safe_links_are_kept_with_rel():
    out = render_markdown("[site](https://www.assen.nl) en [mail](mailto:griffie@example.nl) en [oud](http://a.nl)")
    assert out.count("<a ") == 3
    assert 'rel="noopener noreferrer"' in out


def test_other_links_stay_literal_text():
    assert render_markdown("[klik](javascript:alert(1))") == "<p>[klik](javascript:alert(1))</p>\n"


def test_markdown_structure_is_rendered():
    out = render_markdown("# Kop\n\n- een\n- twee\n\n**vet** en *schuin*", heading_offset=3)
    assert "<h4>Kop</h4>" in out and "<li>een</li>" in out
    assert "<strong>vet</strong>" in out and "<em>schuin</em>" in out


def test_heading_offset_stops_at_h6():
    assert render_markdown("##### diep", heading_offset=3) == "<h6>diep</h6>\n"


def test_diacritics_survive():
    assert "coöperatie, café en één" in render_markdown("coöperatie, café en één")


def test_a_pipe_table_from_an_imported_draft_is_a_table():
    rendered = render_markdown("| Jaar | Woningen |\n|---|---|\n| 2027 | **250** |")
    assert "<th>Jaar</th>" in rendered and "<td><strong>250</strong></td>" in rendered
