"""``raadsakkoord amendments WORKSPACE``: every submitted amendment by the number people call it."""

import json

from raadsakkoord import operations as ops
from raadsakkoord.cli import main
from raadsakkoord.model import AmendmentKind
from tests.operations.test_amendment_ops import _propose


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _council(setup):
    with setup.workspace.action() as s:
        first = _propose(s, setup, text="We bouwen 800 woningen.\n\nDe helft is sociale huur.",
                         co_party_ids=[setup.blauw])
        ops.confirm_co_submission(s, setup.blauw_actor, first.id)
        ops.propose_amendment(s, setup.groen_actor, kind=AmendmentKind.MODIFY, section_id=setup.huur,
                              headline="Concept", text="De huren dalen.")  # a draft: not listed
        ops.propose_subamendment(s, setup.groen_actor, first.id, headline="Ook middenhuur",
                                 text="We bouwen 800 woningen.\n\nDe helft is sociale huur, een kwart middenhuur.",
                                 submit=True)
        ops.propose_amendment(s, setup.groen_actor, kind=AmendmentKind.DELETE, section_id=setup.begroting,
                              headline="Weg ermee", submit=True)
    setup.workspace.close()


def test_amendments_are_listed_by_number_with_their_subamendments_under_them(capsys, setup, workspace_target):
    _council(setup)
    code, out, err = run(capsys, "amendments", workspace_target)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "A1        RP, BB  hoofdlijn 1.1, regel 1  ingediend  ‘Meer woningen’",
        "  A1.1    GL  hoofdlijn 1.1, regel 2  ingediend  ‘Ook middenhuur’",
        "A2        GL  hoofdlijn 2.1, regel 1  ingediend  ‘Weg ermee’",
    ]


def test_amendments_as_json_have_stable_keys(capsys, setup, workspace_target):
    _council(setup)
    code, out, err = run(capsys, "amendments", workspace_target, "--json")
    rows = json.loads(out)
    assert [(r["number"], r["parent"], r["party"], r["co_submitters"], r["section"], r["lines"], r["status"])
            for r in rows] == [
        ("A1", None, "RP", ["BB"], "1.1", {"first": 1, "last": 1}, "submitted"),
        ("A1.1", "A1", "GL", [], "1.1", {"first": 2, "last": 2}, "submitted"),
        ("A2", None, "GL", [], "2.1", {"first": 1, "last": 1}, "submitted"),
    ]
    assert all(set(r) == {"number", "parent", "party", "co_submitters", "section", "lines", "status",
                          "headline", "id"} for r in rows)


def test_a_workspace_that_is_not_there_is_one_line_on_stderr(capsys, tmp_path):
    code, out, err = run(capsys, "amendments", tmp_path / "nergens.raadsakkoord")
    assert code != 0 and out == "" and len(err.strip().splitlines()) == 1
