"""Diffs people read: paragraphs aligned, words inside, renderers that escape."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from raadsakkoord.diffing import (
    REPLACE_THRESHOLD,
    BaseText,
    Kind,
    Op,
    apply,
    diff,
    new_text,
    old_text,
    to_critic,
    to_data,
    to_html,
    to_json,
    to_text,
    tokenize,
)
from raadsakkoord.diffing.worddiff import diff_against

LONG = (
    "De gemeente bouwt de komende vier jaar ten minste tweeduizend nieuwe woningen, waarvan "
    "een derde sociale huur, en geeft daarbij voorrang aan starters, ouderen die kleiner willen "
    "wonen en inwoners met een zorgvraag. Nieuwbouw komt eerst op plekken die al bebouwd zijn, "
    "zoals het stationsgebied en de oude bedrijventerreinen langs het kanaal."
)


def changes(paragraph):
    return [(s.op, s.text) for s in paragraph.spans if s.op is not Op.EQUAL]


def test_one_word_in_a_long_paragraph_is_one_deletion_and_one_insertion():
    new = LONG.replace("tweeduizend", "drieduizend")
    (paragraph,) = diff(LONG, new).paragraphs
    assert paragraph.kind is Kind.CHANGED
    assert changes(paragraph) == [(Op.DELETE, "tweeduizend"), (Op.INSERT, "drieduizend")]
    html = to_html(diff(LONG, new))
    assert html.count("<del") == 1 and html.count("<ins") == 1
    assert '<del class="rk-del">tweeduizend</del><ins class="rk-ins">drieduizend</ins>' in html


def test_an_inserted_word_is_marked_with_its_space():
    new = LONG.replace("nieuwe woningen", "nieuwe betaalbare woningen")
    (paragraph,) = diff(LONG, new).paragraphs
    assert changes(paragraph) == [(Op.INSERT, "betaalbare ")]


def test_a_word_added_at_the_end_leaves_the_last_word_alone():
    (paragraph,) = diff("Wij investeren in de stad", "Wij investeren in de stad en de dorpen").paragraphs
    assert changes(paragraph) == [(Op.INSERT, " en de dorpen")]


def test_emphasis_change_marks_only_the_markers():
    old = "Wij vinden **betaalbaar** wonen belangrijk."
    (paragraph,) = diff(old, "Wij vinden betaalbaar wonen belangrijk.").paragraphs
    assert changes(paragraph) == [(Op.DELETE, "**"), (Op.DELETE, "**")]
    assert to_text(diff(old, "Wij vinden betaalbaar wonen belangrijk.")) == (
        "Wij vinden [-**-]betaalbaar[-**-] wonen belangrijk."
    )
    (paragraph,) = diff(old, "Wij vinden _betaalbaar_ wonen belangrijk.").paragraphs
    assert changes(paragraph) == [(Op.DELETE, "**"), (Op.INSERT, "_"), (Op.DELETE, "**"), (Op.INSERT, "_")]


def test_heading_change():
    d = diff("## Wonen\n\nTekst.", "## Wonen en bouwen\n\nTekst.")
    assert [p.kind for p in d.paragraphs] == [Kind.CHANGED, Kind.EQUAL]
    assert changes(d.paragraphs[0]) == [(Op.INSERT, " en bouwen")]
    # A heading that goes down a level changes its marker, not its words.
    (paragraph,) = diff("## Wonen", "### Wonen").paragraphs
    assert changes(paragraph) == [(Op.DELETE, "##"), (Op.INSERT, "###")]


def test_list_items():
    old = "Wij willen:\n- meer groen in de wijken;\n- veilige fietspaden;\n- een open loket."
    new = (
        "Wij willen:\n- meer groen in de wijken;\n- veilige fietspaden naar school;\n"
        "- een open loket.\n- een jongerenraad."
    )
    (paragraph,) = diff(old, new).paragraphs
    assert paragraph.kind is Kind.CHANGED
    assert changes(paragraph) == [(Op.INSERT, " naar school"), (Op.INSERT, "\n- een jongerenraad.")]
    assert "- een jongerenraad.+}" in to_text(diff(old, new))


def test_moved_paragraph_is_marked_at_both_places():
    a, b, c = "Eerste alinea over wonen.", "Tweede alinea over werk.", "Derde alinea over zorg."
    d = diff(f"{a}\n\n{b}\n\n{c}", f"{b}\n\n{c}\n\n{a}")
    kinds = [(p.kind, p.move) for p in d.paragraphs]
    assert kinds == [(Kind.MOVED_FROM, 1), (Kind.EQUAL, None), (Kind.EQUAL, None), (Kind.MOVED_TO, 1)]
    html = to_html(d)
    assert 'class="rk-par rk-moved-from" data-move="1"' in html
    assert '<ins class="rk-ins rk-moved">' in html


def test_moved_paragraph_past_edited_ones_keeps_the_edits_word_level():
    old = f"## Wonen\n\n{LONG}\n\nSlot over de begroting."
    new = f"## Wonen\n\nSlot over de begroting.\n\n{LONG.replace('kanaal', 'spoor')}"
    d = diff(old, new)
    assert [p.kind for p in d.paragraphs] == [Kind.EQUAL, Kind.MOVED_TO, Kind.CHANGED, Kind.MOVED_FROM]
    assert changes(d.paragraphs[2]) == [(Op.DELETE, "kanaal"), (Op.INSERT, "spoor")]


def test_inserted_and_deleted_paragraphs():
    d = diff("Een.\n\nTwee.", "Een.\n\nNieuw.\n\nTwee.")
    assert [p.kind for p in d.paragraphs] == [Kind.EQUAL, Kind.INSERTED, Kind.EQUAL]
    d = diff("Een.\n\nWeg ermee.\n\nTwee.", "Een.\n\nTwee.")
    assert [p.kind for p in d.paragraphs] == [Kind.EQUAL, Kind.DELETED, Kind.EQUAL]


def test_a_paragraph_that_changed_mostly_is_replaced_whole():
    old = "De gemeente verlaagt de afvalstoffenheffing voor alle huishoudens."
    new = "Het college onderzoekt samen met inwoners een eerlijker tarief voor afval."
    (paragraph,) = diff(old, new).paragraphs
    assert paragraph.kind is Kind.REPLACED
    assert [(s.op, s.text) for s in paragraph.spans] == [(Op.DELETE, old), (Op.INSERT, new)]
    assert to_critic(diff(old, new)) == "{~~" + old + "~>" + new + "~~}"
    assert 0 < REPLACE_THRESHOLD < 1


def test_several_edited_paragraphs_are_paired_with_their_new_versions():
    p1, p2, p3 = LONG, "Wij steunen de bibliotheek en het theater.", "Sport is voor iedereen."
    old = f"{p1}\n\n{p2}\n\n{p3}"
    new = f"{p1.replace('vier', 'vijf')}\n\n{p2.replace('theater', 'museum')}\n\nGeheel nieuwe tekst hier.\n\n{p3}!"
    kinds = [p.kind for p in diff(old, new).paragraphs]
    assert kinds == [Kind.CHANGED, Kind.CHANGED, Kind.INSERTED, Kind.CHANGED]


def test_html_escapes_markup_in_the_text():
    old = "Een veilige website."
    new = 'Een veilige <script>alert("x")</script> website & <b onclick="x">meer</b>.'
    html = to_html(diff(old, new))
    assert "<script>" not in html and "<b " not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&amp;" in html
    assert "style=" not in html


def test_critic_markup_escapes_its_own_delimiters_and_html():
    new = LONG.replace("woningen", "woningen {++ niet echt ++} en <script>x</script> en a~>b")
    critic = to_critic(diff(LONG, new))
    assert "<script>" not in critic
    assert critic.count("{++") == 1 and critic.count("++}") == 1
    assert "~>" not in critic.replace("{~~", "").replace("~~}", "")


def test_plain_text_neutralises_terminal_escapes():
    text = to_text(diff("a", "a \x1b[31mrood"))
    assert "\x1b" not in text


def test_json_is_data_and_safe_in_a_page():
    d = diff("Een <b>vet</b> woord.", "Een <b>dik</b> woord.")
    data = json.loads(to_json(d))
    assert data == json.loads(json.dumps(to_data(d)))
    assert "<" not in to_json(d)
    assert data["paragraphs"][0]["kind"] == "changed"


def test_apply_checks_the_text_it_is_given():
    d = diff("oud", "nieuw")
    assert apply(d, "oud") == "nieuw"
    try:
        apply(d, "iets anders")
    except ValueError:
        pass
    else:
        raise AssertionError("apply accepted another text")


WORDS = st.sampled_from(
    "de het een en van in gemeente raad woningen **groen** _wijk_ # ## - * 1. [link](https://x.nl) , . ! ? é".split()
)
SEPARATORS = st.sampled_from([" ", " ", " ", "\n", "\n\n", "\n\n\n", "\n- ", "  "])


@st.composite
def markdownish(draw):
    words = draw(st.lists(WORDS, max_size=40))
    seps = draw(st.lists(SEPARATORS, min_size=len(words), max_size=len(words)))
    return "".join(w + s for w, s in zip(words, seps, strict=True))


TEXTS = markdownish() | st.text(max_size=120)


@settings(max_examples=300, deadline=None)
@given(TEXTS, TEXTS)
def test_applying_the_diff_of_a_and_b_to_a_gives_b(a, b):
    d = diff(a, b)
    assert apply(d, a) == b
    assert old_text(d) == a and new_text(d) == b
    for paragraph in d.paragraphs:
        olds = "".join(s.text for s in paragraph.spans if s.op is not Op.INSERT)
        news = "".join(s.text for s in paragraph.spans if s.op is not Op.DELETE)
        assert olds == (paragraph.old or "") and news == (paragraph.new or "")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200) | markdownish())
def test_tokens_give_back_the_text(text):
    assert "".join(tokenize(text)) == text


@st.composite
def text_and_edit(draw):
    """A text and a copy with one stretch replaced: long common beginnings and ends."""
    text = draw(markdownish())
    start = draw(st.integers(0, len(text)))
    stop = draw(st.integers(start, len(text)))
    return text, text[:start] + draw(markdownish() | st.text(max_size=5)) + text[stop:]


@settings(max_examples=300, deadline=None)
@given(text_and_edit() | st.tuples(TEXTS, TEXTS))
def test_only_the_changed_middle_is_tokenised_and_it_tokenises_as_in_the_whole_text(case):
    a, b = case
    base = BaseText(a)
    _runs, tokens = diff_against(base.text, base.tokens, base.offsets, b)
    assert tokens == tokenize(b)
    assert base.apply(base.changes(b).hunks) == b
    assert diff(a, b).new_text() == b


def test_html_for_readers_shows_emphasis_and_keeps_emphasis_changes_visible():
    from raadsakkoord.diffing import to_html

    unchanged_bold = to_html(diff("1. **Informeren**: de gemeente vertelt.", "1. **Informeren**: de gemeente vertelt het."),
                             emphasis=True)
    assert "<strong>Informeren</strong>" in unchanged_bold and "**" not in unchanged_bold
    assert '<ins class="rk-ins"> het</ins>' in unchanged_bold
    dropped = to_html(diff("Dit is **belangrijk** nu.", "Dit is belangrijk nu."), emphasis=True)
    assert dropped.count('<del class="rk-del">**</del>') == 2  # the change stays visible
    bullet = to_html(diff("- * los en a_b", "- * los en a_b c"), emphasis=True)
    assert "- * los en a_b" in bullet  # a bullet or an underscore inside a word is text
    hostile = to_html(diff("**<script>x</script>**", "**<script>y</script>**"), emphasis=True)
    assert "<script>" not in hostile
