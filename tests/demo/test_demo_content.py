"""Internal consistency of the demo content (raadsakkoord/demo/content.py).

The demo builder turns this data into a workspace; these tests make sure the
data itself holds together: references resolve, every edit applies to the
text it was written against, the texts are canonical Markdown, and the mix of
amendments, positions and tasks shows what the demo is meant to show.
"""

import dataclasses
import datetime
import itertools
import math
import re
import unicodedata
from collections import Counter

import pytest

from raadsakkoord.demo import content as c

SECTIONS = c.sections()
SECTION_KEYS = [s.key for s in SECTIONS]
PARTY_SHORT = {p.short_name for p in c.PARTIES}
ROUND1, ROUND2 = c.round_texts()
LEVELS = {"informeren", "raadplegen", "adviseren", "coproduceren", "meebeslissen"}
OUTCOMES = {"accepted", "partly_accepted", "rejected", "withdrawn", "superseded", "submitted", "draft"}
DECIDED = {"accepted", "partly_accepted", "rejected", "withdrawn", "superseded"}
OPEN = {"submitted", "draft"}
LIST_ITEM = re.compile(r"^(- |\d+\. )\S")


def base_text(amendment: c.DemoAmendment) -> str:
    texts = ROUND1 if amendment.round == 1 else ROUND2
    return texts[amendment.section_key]


def span(text: str, passage: str) -> tuple[int, int]:
    start = text.index(passage)
    return start, start + len(passage)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def modify_amendments():
    return [a for a in c.AMENDMENTS if a.kind == "modify"]


def conflicting_pairs() -> list[tuple[c.DemoAmendment, c.DemoAmendment]]:
    pairs = []
    for a, b in itertools.combinations(modify_amendments(), 2):
        if a.section_key != b.section_key or a.round != b.round:
            continue
        text = base_text(a)
        if any(
            overlaps(span(text, ea.old), span(text, eb.old)) for ea in a.edits for eb in b.edits
        ):
            pairs.append((a, b))
    return pairs


def word_count(markdown: str) -> int:
    return len(re.findall(r"[\w€][\w'’.,/-]*", markdown))


def all_markdown() -> list[tuple[str, str]]:
    """Every Markdown text of the demo, labelled for error messages."""
    texts = [("PREAMBLE", c.PREAMBLE)]
    for chapter in c.CHAPTERS:
        texts.append((f"intro {chapter.title}", chapter.intro))
    for key in SECTION_KEYS:
        texts.append((f"round 1 {key}", ROUND1[key]))
        texts.append((f"round 2 {key}", ROUND2[key]))
    for a in c.AMENDMENTS:
        texts.append((f"{a.key} explanation", a.explanation))
        if a.decision_note:
            texts.append((f"{a.key} decision note", a.decision_note))
        if a.kind == "new_section":
            texts.append((f"{a.key} new text", a.new_text))
        if a.kind == "modify":
            texts.append((f"{a.key} amended text", c.apply_edits(base_text(a), a.edits)))
        if a.compromise_edits:
            texts.append((f"{a.key} compromise", c.apply_edits(base_text(a), a.compromise_edits)))
    for r in c.EDITORIAL_REVISIONS:
        texts.append((f"revision {r.section_key} reason", r.reason))
    for p in c.POSITIONS:
        if p.minority_position:
            texts.append((f"minority {p.party} {p.section_key}", p.minority_position))
    for t in c.TASKS:
        texts.append((f"task {t.title}", t.description))
    return texts


def single_lines() -> list[tuple[str, str]]:
    lines = [("TITLE", c.TITLE), ("CONTACT_NAME", c.CONTACT_NAME)]
    lines += [(f"chapter {ch.title}", ch.title) for ch in c.CHAPTERS]
    lines += [(f"section {s.key}", s.title) for s in SECTIONS]
    lines += [(f"{a.key} headline", a.headline) for a in c.AMENDMENTS]
    lines += [(f"{a.key} new title", a.new_title) for a in c.AMENDMENTS if a.new_title]
    lines += [(f"task {t.title}", t.title) for t in c.TASKS]
    lines += [(f"party {p.short_name}", p.name) for p in c.PARTIES]
    lines += [(f"leader {p.short_name}", p.leader) for p in c.PARTIES]
    return lines


# --------------------------------------------------------------------------
# The agreement and the council
# --------------------------------------------------------------------------


def test_agreement_constants():
    assert c.MUNICIPALITY == "Assen"
    assert c.TERM == "2026–2030"
    assert c.MUNICIPALITY in c.TITLE and c.TERM in c.TITLE
    assert c.SEATS == 33
    assert re.fullmatch(r"0592-\d{6}", c.CONTACT_PHONE)
    assert re.fullmatch(r"[a-z.]+@example\.nl", c.CONTACT_EMAIL)
    assert c.CONTACT_NAME.strip() and len(c.CONTACT_NAME.split()) >= 2


def test_round_dates_are_iso_and_ascending():
    assert c.ROUND_DATES == ("2026-09-18", "2026-10-30")
    dates = [datetime.date.fromisoformat(d) for d in c.ROUND_DATES]
    assert dates == sorted(dates) and len(set(dates)) == len(dates)


def test_ten_parties_with_33_seats():
    assert len(c.PARTIES) == 10
    assert sum(p.seats for p in c.PARTIES) == c.SEATS == 33
    assert all(p.seats > 0 for p in c.PARTIES)
    seats = {p.short_name: p.seats for p in c.PARTIES}
    assert seats["PLOP"] == seats["CU"] == seats["AC"] == 5
    assert seats["SP"] == seats["50PLUS"] == seats["CDA"] == 2


def test_party_names_unique_and_contacts_fictional():
    assert len({p.name for p in c.PARTIES}) == len(c.PARTIES)
    assert len(PARTY_SHORT) == len(c.PARTIES)
    assert len({p.leader for p in c.PARTIES}) == len(c.PARTIES)
    assert len({p.contact for p in c.PARTIES}) == len(c.PARTIES)
    for p in c.PARTIES:
        assert re.fullmatch(r"[A-Za-z0-9]+", p.short_name.replace("50", "")), p.short_name
        assert re.fullmatch(r"[a-z0-9.]+@example\.nl", p.contact), p.contact
        assert len(p.leader.split()) >= 2, p.leader


def _rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def _contrast_with_white(colour: str) -> float:
    def channel(v: int) -> float:
        v = v / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in _rgb(colour))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return 1.05 / (luminance + 0.05)


def test_party_colours_valid_distinct_and_readable_as_bars():
    colours = [p.colour for p in c.PARTIES]
    for colour in colours:
        assert re.fullmatch(r"#[0-9A-F]{6}", colour), colour
        # WCAG 2 asks 3:1 for graphical objects such as bars on a white page.
        assert _contrast_with_white(colour) >= 3.0, colour
    assert len(set(colours)) == len(colours)
    for a, b in itertools.combinations(c.PARTIES, 2):
        assert math.dist(_rgb(a.colour), _rgb(b.colour)) >= 60, (a.short_name, b.short_name)


# --------------------------------------------------------------------------
# Chapters and sections
# --------------------------------------------------------------------------


def test_eight_chapters_and_30_to_32_sections():
    assert len(c.CHAPTERS) == 8
    assert 30 <= len(SECTIONS) <= 32
    assert all(3 <= len(ch.sections) <= 5 for ch in c.CHAPTERS)


def test_keys_and_titles_unique():
    assert len(set(SECTION_KEYS)) == len(SECTION_KEYS)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", key) for key in SECTION_KEYS)
    assert len({s.title for s in SECTIONS}) == len(SECTIONS)
    assert len({ch.title for ch in c.CHAPTERS}) == len(c.CHAPTERS)
    amendment_keys = [a.key for a in c.AMENDMENTS]
    assert len(set(amendment_keys)) == len(amendment_keys)
    assert len({t.title for t in c.TASKS}) == len(c.TASKS)


def test_proposing_parties_exist():
    for s in SECTIONS:
        assert s.proposed_by is None or s.proposed_by in PARTY_SHORT, s.key
    assert any(s.proposed_by is None for s in SECTIONS)
    assert len({s.proposed_by for s in SECTIONS if s.proposed_by}) >= 7


@pytest.mark.parametrize("key", SECTION_KEYS)
def test_section_length_in_both_rounds(key):
    for text in (ROUND1[key], ROUND2[key]):
        assert 80 <= word_count(text) <= 250, (key, word_count(text))
        assert 2 <= len(text.split("\n\n")) <= 6, key


def test_sections_vary_in_form():
    texts = list(ROUND1.values())
    assert sum("\n- " in t for t in texts) >= 2
    assert sum(bool(re.search(r"^\d+\. ", t, re.M)) for t in texts) >= 1
    assert sum("**" in t for t in texts) >= 1


def test_preamble_and_intros():
    assert 1 <= len(c.PREAMBLE.split("\n\n")) <= 4
    for chapter in c.CHAPTERS:
        assert "\n" not in chapter.intro, chapter.title
        assert 20 <= word_count(chapter.intro) <= 90, chapter.title


@pytest.mark.parametrize("label, text", all_markdown(), ids=lambda v: v if len(v) < 60 else None)
def test_markdown_is_canonical(label, text):
    assert text, label
    assert "\t" not in text and "\r" not in text, label
    assert text == text.strip(), f"{label}: leading or trailing whitespace"
    assert "\n\n\n" not in text, f"{label}: more than one blank line"
    assert unicodedata.normalize("NFC", text) == text, label
    assert "  " not in text, f"{label}: double space"
    for line in text.split("\n"):
        assert line == line.rstrip(), f"{label}: trailing whitespace in {line!r}"
        assert not line.startswith("#"), f"{label}: heading inside a text"
    for block in text.split("\n\n"):
        lines = block.split("\n")
        # A block is either one paragraph on one line, or a list of items.
        if len(lines) > 1 or LIST_ITEM.match(lines[0]):
            assert all(LIST_ITEM.match(line) for line in lines), f"{label}: mixed block {block!r}"
    assert text.count("**") % 2 == 0, f"{label}: unbalanced bold"


@pytest.mark.parametrize("label, line", single_lines())
def test_single_line_fields(label, line):
    assert line and line == line.strip(), label
    assert "\n" not in line and "\t" not in line, label
    assert len(line) <= 120, label


# --------------------------------------------------------------------------
# Edits and rounds
# --------------------------------------------------------------------------


def test_apply_edits_replaces_and_deletes():
    text = "een twee drie vier"
    assert c.apply_edits(text, (c.Edit("twee", "2"), c.Edit(" vier", ""))) == "een 2 drie"
    assert c.apply_edits(text, ()) == text


def test_apply_edits_names_missing_passage():
    with pytest.raises(ValueError, match="passage not found: 'vijf'"):
        c.apply_edits("een twee", (c.Edit("vijf", "5"),))


def test_apply_edits_refuses_overlap_and_empty_passage():
    with pytest.raises(ValueError, match="overlap"):
        c.apply_edits("een twee drie", (c.Edit("een twee", "x"), c.Edit("twee drie", "y")))
    with pytest.raises(ValueError):
        c.apply_edits("een", (c.Edit("", "x"),))


def test_round_texts_cover_every_section():
    assert set(ROUND1) == set(ROUND2) == set(SECTION_KEYS)
    assert ROUND1 == {s.key: s.text for s in SECTIONS}
    assert c.round_texts() == (ROUND1, ROUND2)  # deterministic


def test_round_two_follows_the_decisions():
    changed = {key for key in SECTION_KEYS if ROUND1[key] != ROUND2[key]}
    expected = {
        a.section_key
        for a in c.AMENDMENTS
        if a.round == 1 and a.outcome in {"accepted", "partly_accepted"}
    } | {r.section_key for r in c.EDITORIAL_REVISIONS}
    assert changed == expected
    for a in c.AMENDMENTS:
        if a.round == 1 and a.outcome == "accepted":
            assert all(e.new in ROUND2[a.section_key] for e in a.edits if e.new), a.key
        if a.round == 1 and a.outcome == "partly_accepted":
            assert all(e.new in ROUND2[a.section_key] for e in a.compromise_edits), a.key
            assert ROUND2[a.section_key] != c.apply_edits(ROUND1[a.section_key], a.edits), a.key
        if a.round == 1 and a.outcome in {"rejected", "withdrawn", "superseded"} and a.kind == "modify":
            assert not all(e.new in ROUND2[a.section_key] for e in a.edits), a.key


def _check_edits(text: str, edits, label: str):
    assert edits, label
    spans = []
    for e in edits:
        assert e.old, label
        assert e.old != e.new, label
        assert text.count(e.old) == 1, f"{label}: {e.old!r} occurs {text.count(e.old)} times"
        spans.append(span(text, e.old))
    for a, b in itertools.combinations(spans, 2):
        assert not overlaps(a, b), f"{label}: edits overlap"
    c.apply_edits(text, edits)


@pytest.mark.parametrize("amendment", modify_amendments(), ids=lambda a: a.key)
def test_amendment_edits_apply_to_their_base(amendment):
    _check_edits(base_text(amendment), amendment.edits, amendment.key)
    if amendment.compromise_edits:
        _check_edits(ROUND1[amendment.section_key], amendment.compromise_edits, amendment.key)


@pytest.mark.parametrize("revision", c.EDITORIAL_REVISIONS, ids=lambda r: r.section_key)
def test_editorial_revisions_apply(revision):
    assert revision.section_key in SECTION_KEYS
    assert revision.reason
    text = ROUND1[revision.section_key]
    for a in c.AMENDMENTS:
        if a.round == 1 and a.section_key == revision.section_key and a.outcome == "accepted":
            text = c.apply_edits(text, a.edits)
        if a.round == 1 and a.section_key == revision.section_key and a.outcome == "partly_accepted":
            text = c.apply_edits(text, a.compromise_edits)
    _check_edits(text, revision.edits, f"revision {revision.section_key}")


def test_three_to_five_editorial_revisions():
    assert 3 <= len(c.EDITORIAL_REVISIONS) <= 5
    keys = [r.section_key for r in c.EDITORIAL_REVISIONS]
    assert len(set(keys)) == len(keys)


def test_accepted_round_one_amendments_do_not_overlap():
    by_section: dict[str, list[c.DemoAmendment]] = {}
    for a in c.AMENDMENTS:
        if a.round == 1 and a.outcome in {"accepted", "partly_accepted"}:
            by_section.setdefault(a.section_key, []).append(a)
    for key, amendments in by_section.items():
        text = ROUND1[key]
        edits = [e for a in amendments for e in (a.compromise_edits or a.edits)]
        for e1, e2 in itertools.combinations(edits, 2):
            assert not overlaps(span(text, e1.old), span(text, e2.old)), key


# --------------------------------------------------------------------------
# Amendments
# --------------------------------------------------------------------------


def test_amendment_count_and_parties():
    assert 18 <= len(c.AMENDMENTS) <= 30
    parties = {a.party for a in c.AMENDMENTS}
    assert parties <= PARTY_SHORT
    assert len(parties) >= 7
    for a in c.AMENDMENTS:
        assert set(a.co_parties) <= PARTY_SHORT, a.key
        assert a.party not in a.co_parties, a.key
        assert len(set(a.co_parties)) == len(a.co_parties), a.key


def test_amendment_kinds():
    kinds = Counter(a.kind for a in c.AMENDMENTS)
    assert set(kinds) == {"modify", "new_section", "delete"}
    assert kinds["new_section"] == 2 and kinds["delete"] == 1
    assert kinds["modify"] == len(c.AMENDMENTS) - 3
    chapter_titles = {ch.title for ch in c.CHAPTERS}
    for a in c.AMENDMENTS:
        if a.kind == "new_section":
            assert a.section_key is None and not a.edits, a.key
            assert a.new_title and a.new_text and a.chapter_title in chapter_titles, a.key
            assert a.new_title not in {s.title for s in SECTIONS}, a.key
            assert 80 <= word_count(a.new_text) <= 250, a.key
        else:
            assert a.section_key in SECTION_KEYS, a.key
            assert not (a.new_title or a.new_text or a.chapter_title), a.key
        if a.kind == "delete":
            assert not a.edits and not a.compromise_edits, a.key
        if a.kind == "modify":
            assert a.edits, a.key


def test_amendment_outcomes_spread():
    outcomes = Counter(a.outcome for a in c.AMENDMENTS)
    assert set(outcomes) <= OUTCOMES
    assert set(outcomes) == OUTCOMES
    assert 1 <= outcomes["draft"] <= 2
    assert sum(1 for a in c.AMENDMENTS if a.round == 2 and a.outcome == "submitted") >= 3


def test_amendment_rounds_and_decisions():
    for a in c.AMENDMENTS:
        assert a.round in (1, 2), a.key
        assert a.headline and a.explanation, a.key
        if a.round == 2:
            # Round 2 has not been consolidated yet: only a party can act on it.
            assert a.outcome in OPEN | {"withdrawn"}, a.key
        else:
            assert a.outcome in DECIDED, a.key
        assert bool(a.decision_note) == (a.outcome in DECIDED), a.key
        assert bool(a.compromise_edits) == (a.outcome == "partly_accepted"), a.key
        if a.outcome == "partly_accepted":
            assert a.kind == "modify", a.key
            assert a.compromise_edits != a.edits, a.key


def test_conflicting_pairs_exist():
    pairs = conflicting_pairs()
    assert len(pairs) >= 2
    outcomes = [{a.outcome, b.outcome} for a, b in pairs]
    assert {"accepted", "superseded"} in outcomes
    assert {"submitted"} in outcomes  # both still open, for round 3
    assert any(a.round == 2 for a, _ in pairs)


def test_superseded_amendments_lost_to_a_conflicting_one():
    pairs = conflicting_pairs()
    for a in c.AMENDMENTS:
        if a.outcome != "superseded":
            continue
        winners = [
            other
            for pair in pairs
            if a in pair
            for other in pair
            if other is not a and other.outcome in {"accepted", "partly_accepted"}
        ]
        assert winners, a.key
        assert any(w.key in a.decision_note for w in winners), a.key


def test_amendment_keys_cited_in_notes_exist():
    keys = {a.key for a in c.AMENDMENTS}
    cited = set()
    for text in [a.decision_note for a in c.AMENDMENTS] + [r.reason for r in c.EDITORIAL_REVISIONS]:
        cited |= set(re.findall(r"\b[AB]-\d\d\b", text))
    assert cited and cited <= keys


# --------------------------------------------------------------------------
# Positions
# --------------------------------------------------------------------------


def test_positions_are_explicit_dissent_only():
    assert c.POSITIONS
    seen = set()
    for p in c.POSITIONS:
        assert p.section_key in SECTION_KEYS, p
        assert p.party in PARTY_SHORT, p
        assert p.position in {"oppose", "abstain"}, p
        assert (p.section_key, p.party) not in seen, p
        seen.add((p.section_key, p.party))


def test_five_to_seven_minority_positions():
    minorities = [p for p in c.POSITIONS if p.minority_position]
    assert 5 <= len(minorities) <= 7
    assert len({p.party for p in minorities}) >= 4
    for p in minorities:
        assert 20 <= word_count(p.minority_position) <= 90, p.party
        assert "\n" not in p.minority_position


def test_every_section_keeps_a_majority():
    seats = {p.short_name: p.seats for p in c.PARTIES}
    against: Counter[str] = Counter()
    for p in c.POSITIONS:
        against[p.section_key] += seats[p.party]
    for key, count in against.items():
        assert c.SEATS - count > c.SEATS / 2, key


# --------------------------------------------------------------------------
# Tasks
# --------------------------------------------------------------------------


def test_task_count_and_portfolio_holders():
    assert 12 <= len(c.TASKS) <= 16
    holders = {t.portfolio_holder for t in c.TASKS}
    assert 5 <= len(holders) <= 6


def test_every_participation_level_used():
    levels = [t.participation_level for t in c.TASKS]
    assert set(levels) <= LEVELS
    assert set(levels) == LEVELS


def test_task_fields():
    budgets = [t.budget_eur for t in c.TASKS]
    assert sum(b is None for b in budgets) >= 2
    amounts = [b for b in budgets if b is not None]
    assert min(amounts) >= 25_000 and max(amounts) <= 1_500_000
    assert min(amounts) == 25_000 and max(amounts) == 1_500_000
    for t in c.TASKS:
        assert t.section_keys and set(t.section_keys) <= set(SECTION_KEYS), t.title
        assert len(set(t.section_keys)) == len(t.section_keys), t.title
        assert t.stakeholders and all(s.strip() for s in t.stakeholders), t.title
        due = datetime.date.fromisoformat(t.due)
        assert 2027 <= due.year <= 2030, t.title
        assert t.status in {"proposed", "planned", "in_progress", "done"}, t.title


# --------------------------------------------------------------------------
# Shape of the data
# --------------------------------------------------------------------------


def test_dataclasses_are_frozen():
    for cls in (
        c.DemoParty,
        c.DemoSection,
        c.DemoChapter,
        c.Edit,
        c.DemoRevision,
        c.DemoAmendment,
        c.DemoPosition,
        c.DemoTask,
    ):
        assert dataclasses.is_dataclass(cls)
        assert cls.__dataclass_params__.frozen, cls.__name__
    with pytest.raises(dataclasses.FrozenInstanceError):
        c.PARTIES[0].seats = 6  # type: ignore[misc]


def test_collections_are_tuples():
    for name in ("PARTIES", "CHAPTERS", "EDITORIAL_REVISIONS", "AMENDMENTS", "POSITIONS", "TASKS"):
        assert isinstance(getattr(c, name), tuple), name
    for ch in c.CHAPTERS:
        assert isinstance(ch.sections, tuple)
    for a in c.AMENDMENTS:
        assert isinstance(a.edits, tuple) and isinstance(a.co_parties, tuple)
        assert isinstance(a.compromise_edits, tuple)
    for t in c.TASKS:
        assert isinstance(t.section_keys, tuple) and isinstance(t.stakeholders, tuple)


def test_module_imports_only_pure_modules():
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(c))
    modules = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            modules.add((node.module or "").split(".")[0])
    assert modules <= {"dataclasses", "datetime", "typing"}
