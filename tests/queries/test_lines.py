"""Which lines of its base text an amendment changes, in a real workspace."""

from __future__ import annotations

from raadsakkoord import operations as ops
from raadsakkoord.base import i18n
from raadsakkoord.diffing import number_lines
from raadsakkoord.queries.lines import amendment_lines, lines_of_amendment

LONG = " ".join(f"Wij bouwen in wijk {n} meer betaalbare woningen voor starters en ouderen." for n in range(1, 9))


def test_an_amendment_refers_to_the_lines_of_the_base_it_changes(setup):
    with setup.workspace.action() as s:
        ops.revise_section(s, setup.griffie, setup.bouwen, LONG, reason="uitgebreid")
    lines = number_lines(LONG)
    assert len(lines) >= 8
    sixth = lines[5]
    word = LONG[sixth.start:sixth.end].split()[1]
    changed = LONG[:sixth.start] + LONG[sixth.start:].replace(word, "veel", 1)
    with setup.workspace.action() as s:
        modify = ops.propose_amendment(s, setup.rood_actor, kind="modify", section_id=setup.bouwen,
                                       headline="Veel", text=changed, submit=True)
        delete = ops.propose_amendment(s, setup.groen_actor, kind="delete", section_id=setup.bouwen,
                                       headline="Weg", submit=True)
        new = ops.propose_amendment(s, setup.blauw_actor, kind="new_section", chapter_id=setup.wonen,
                                    headline="Nieuw", title="Groen", text="Meer bomen.", submit=True)
        assert lines_of_amendment(modify) == (6, 6)
        assert amendment_lines(modify) == "regel 6"
        assert lines_of_amendment(delete) == (1, len(lines))
        assert amendment_lines(delete, translated=False) == f"regels 1–{len(lines)}"
        assert lines_of_amendment(new) is None and amendment_lines(new) == ""


def test_the_reference_follows_the_language_except_in_exports(setup, monkeypatch):
    with setup.workspace.action() as s:
        amendment = ops.propose_amendment(s, setup.rood_actor, kind="modify", section_id=setup.bouwen,
                                          headline="Meer", text="We bouwen 900 woningen.\n\nDe helft is huur.",
                                          submit=True)
        i18n.set_language("en")
        try:
            assert amendment_lines(amendment) == "lines 1–2"
            assert amendment_lines(amendment, translated=False) == "regels 1–2"
        finally:
            i18n.set_language("nl")
