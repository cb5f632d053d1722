"""The law of the change instruction: read back from the exported file, it turns the base into the amendment."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from raadsakkoord.diffing.instructions import apply, instructions
from raadsakkoord.export.amendment_form_markdown import (
    forms_markdown,
    read_instructions,
)
from tests.export.formfixtures import form_of, forms_of

# Few words, so that phrases repeat within a paragraph and must be told apart.
WORDS = ["de", "het", "een", "gemeente", "raad", "inwoners", "wijk", "twee", "weken", "snel", "mogelijk",
         "coöperatie", "auto's", "woon-werkverkeer", "1.000", "€", "zo'n", "**vet**", "_schuin_", "en", "of"]
word = st.sampled_from(WORDS)
punct = st.sampled_from(["", "", "", ",", ".", ";", ":", "?"])


@st.composite
def sentence(draw) -> str:
    words = draw(st.lists(word, min_size=1, max_size=9))
    return " ".join(words).capitalize() + draw(st.sampled_from([".", "!", "?", ""]))


@st.composite
def paragraph(draw) -> str:
    if draw(st.integers(0, 5)) == 0:
        marker = draw(st.sampled_from(["-", "*", "1."]))
        return "\n".join(f"{marker} {draw(sentence())}" for _ in range(draw(st.integers(1, 4))))
    return " ".join(draw(st.lists(sentence(), min_size=1, max_size=4)))


texts = st.lists(paragraph(), min_size=0, max_size=6).map("\n\n".join)


@st.composite
def amended(draw, base: str) -> str:
    """The base with words replaced, inserted and deleted, and paragraphs added, removed and rewritten."""
    paragraphs = base.split("\n\n") if base else []
    out: list[str] = []
    for p in paragraphs:
        action = draw(st.sampled_from(["keep", "keep", "words", "words", "words", "delete", "rewrite", "insert"]))
        if action == "delete":
            continue
        if action == "rewrite":
            out.append(draw(paragraph()))
            continue
        if action == "insert":
            out.append(draw(paragraph()))
        if action == "words":
            tokens = p.split(" ")
            for _ in range(draw(st.integers(1, 4))):
                k = draw(st.integers(0, len(tokens)))
                change = draw(st.sampled_from(["replace", "insert", "delete"]))
                if change == "insert" or not tokens or k == len(tokens):
                    tokens.insert(k, draw(word) + draw(punct))
                elif change == "replace":
                    tokens[k] = draw(word) + draw(punct)
                elif len(tokens) > 1:
                    del tokens[k]
            p = " ".join(tokens)
        out.append(p)
    if draw(st.booleans()):
        out.insert(draw(st.integers(0, len(out))), draw(paragraph()))
    return "\n\n".join(out)


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_instructions_read_back_from_the_markdown_export_give_the_amended_text(data):
    base = data.draw(texts)
    new = data.draw(amended(base))
    exported = forms_markdown(forms_of(form_of(base, new, "A1"), form_of(new, base, "A2")))
    (label1, first), (label2, second) = read_instructions(exported)
    assert (label1, label2) == ("A1", "A2")
    assert apply(base, first) == new
    assert apply(new, second) == base


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_every_quoted_phrase_is_found_where_the_instruction_says(data):
    base = data.draw(texts)
    new = data.draw(amended(base))
    for step in instructions(base, new):
        if step.old and step.kind in ("replace", "delete"):
            assert base[step.start:step.end] == step.old
        if step.kind == "insert" and step.anchor:
            assert base[step.start - len(step.anchor):step.start] == step.anchor


def test_no_change_means_no_instruction():
    text = "De raad besluit.\n\n- een\n- twee"
    assert instructions(text, text) == ()
    assert apply(text, ()) == text
