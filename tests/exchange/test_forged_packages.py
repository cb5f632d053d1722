"""Packages signed with a real key but made to do what a party may not (found in review), and values that must be refused."""

import json
import uuid

import sqlalchemy as sa

from raadsakkoord import operations as ops
from raadsakkoord.exchange import keys
from raadsakkoord.exchange.envelope import seal
from raadsakkoord.model import (
    Amendment,
    AmendmentKind,
    AmendmentStatus,
    Endorsement,
    ParticipationLevel,
    Section,
    Task,
)
from raadsakkoord.operations.sections import new_revision
from raadsakkoord.store.workspace import open_workspace
from tests.exchange.conftest import BOUWEN, cli, ok


def _export(council, capsys, tmp_path, short, name):
    path = tmp_path / name
    ok(capsys, "package", "export", council.parties[short], "--party", short, "-o", path)
    return path


def _resign(council, path, short, change, seq=None):
    doc = json.loads(path.read_bytes())
    change(doc)
    doc["header"]["package_id"] = str(uuid.uuid4())
    if seq: doc["header"]["sequence"] = seq
    ws = open_workspace(str(council.griffie))
    with ws.action() as s:
        identity = keys.resolve_identity(s, short)
    ws.close()
    path.write_bytes(seal(doc["header"], doc["content"], keys.load_private_key(identity), doc["signature"]["fingerprint"])[0])
    return path


def _gl_amend(council, capsys, tmp_path):
    ws = open_workspace(str(council.parties["GL"]))
    with ws.action() as s:
        a = ops.propose_amendment(s, ops.Actor.of_party(council.ids["GL"], "G"), kind=AmendmentKind.MODIFY,
                                  section_id=council.bouwen, headline="Meer", text=BOUWEN.replace("500", "800"), submit=True)
        aid = a.id
    ws.close()
    p = _export(council, capsys, tmp_path, "GL", "gl1.rkpkg")
    ok(capsys, "package", "import", council.griffie, p)
    return aid, p


def _status(council, cls, ident):
    ws = open_workspace(str(council.griffie))
    with ws.action() as s:
        o = s.get(cls, ident)
        r = (o.status.value, getattr(o, "party_id", None) or getattr(o, "proposed_by_party_id", None))
    ws.close()
    return r


def test_a_party_cannot_accept_its_own_amendment(council, capsys, tmp_path):
    aid, p = _gl_amend(council, capsys, tmp_path)
    def change(d):
        d["content"]["amendments"][0]["status"] = "accepted"
    _resign(council, p, "GL", change, seq=2)
    code, out, err = cli(capsys, "package", "import", council.griffie, p)
    assert _status(council, Amendment, aid)[0] == "submitted"


def test_a_party_cannot_take_over_another_partys_amendment(council, capsys, tmp_path):
    aid, p = _gl_amend(council, capsys, tmp_path)  # GL's amendment, at the griffie
    # RP sends a package claiming that id as its own
    rp = _export(council, capsys, tmp_path, "RP", "rp1.rkpkg")
    gl_doc = json.loads(p.read_bytes())
    def change(d):
        a = dict(gl_doc["content"]["amendments"][0]); a["party"] = str(council.ids["RP"]); a["headline"] = "gekaapt"
        a["proposed_text"] = BOUWEN.replace("500", "5")
        d["content"]["amendments"] = [a]
    _resign(council, rp, "RP", change)
    code, out, err = cli(capsys, "package", "import", council.griffie, rp)
    assert _status(council, Amendment, aid)[1] == council.ids["GL"]


def test_a_party_cannot_take_over_another_partys_task(council, capsys, tmp_path):
    ws = open_workspace(str(council.parties["GL"]))
    with ws.action() as s:
        t = ops.add_task(s, ops.Actor.of_party(council.ids["GL"], "G"), title="GL taak",
                         participation_level=ParticipationLevel.RAADPLEGEN)
        tid = t.id
    ws.close()
    p = _export(council, capsys, tmp_path, "GL", "gl1.rkpkg")
    ok(capsys, "package", "import", council.griffie, p)
    rp = _export(council, capsys, tmp_path, "RP", "rp1.rkpkg")
    gl_doc = json.loads(p.read_bytes())
    def change(d):
        t = dict(gl_doc["content"]["tasks"][0]); t["proposed_by"] = str(council.ids["RP"]); t["title"] = "gekaapt"
        d["content"]["tasks"] = [t]
    _resign(council, rp, "RP", change)
    code, out, err = cli(capsys, "package", "import", council.griffie, rp)
    assert _status(council, Task, tid)[1] == council.ids["GL"]


def test_unknown_chapter_on_a_change_is_one_line(council, capsys, tmp_path):
    aid, p = _gl_amend(council, capsys, tmp_path)
    def change(d):
        d["content"]["amendments"][0]["chapter"] = str(uuid.uuid4())
    _resign(council, p, "GL", change, seq=2)
    code, out, err = cli(capsys, "package", "import", council.griffie, p)
    assert code == 1 and len(err.strip().splitlines()) == 1, err


def test_new_section_with_a_base_revision_is_one_line(council, capsys, tmp_path):
    aid, p = _gl_amend(council, capsys, tmp_path)
    ws = open_workspace(str(council.griffie))
    with ws.action() as s:
        from raadsakkoord.model import Chapter
        ch = str(s.scalars(sa.select(Chapter.id)).first())
    ws.close()
    def change(d):
        a = d["content"]["amendments"][0]
        a.update(kind="new_section", chapter=ch, section=None, base_revision=str(uuid.uuid4()), id=str(uuid.uuid4()))
    _resign(council, p, "GL", change, seq=2)
    code, out, err = cli(capsys, "package", "import", council.griffie, p)
    assert code == 1 and len(err.strip().splitlines()) == 1, err


def test_lone_surrogate_is_one_line(council, capsys, tmp_path):
    aid, p = _gl_amend(council, capsys, tmp_path)
    data = p.read_bytes().replace(b'"headline":"Meer"', b'"headline":"\\ud800"')
    p.write_bytes(data)
    code, out, err = cli(capsys, "package", "import", council.griffie, p)
    assert code == 1 and len(err.strip().splitlines()) == 1, err


def test_round_import_keeps_the_partys_unsent_task_edit(council, capsys, tmp_path):
    gl = ops.Actor.of_party(council.ids["GL"], "G")
    ws = open_workspace(str(council.parties["GL"]))
    with ws.action() as s:
        tid = ops.add_task(s, gl, title="Oorspronkelijk", participation_level=ParticipationLevel.RAADPLEGEN).id
    ws.close()
    ok(capsys, "package", "export", council.parties["GL"], "--party", "GL", "-o", tmp_path / "gl1")
    ok(capsys, "package", "import", council.griffie, tmp_path / "gl1")
    ws = open_workspace(str(council.griffie))
    with ws.action() as s:
        new_revision(s, ops.Actor.griffie("G"), s.get(Section, council.huur), "Nieuwe huurtekst.", reason="r")
        ops.publish_round(s, ops.Actor.griffie("G"))
    ws.close()
    ok(capsys, "package", "export", council.griffie, "--round", "-o", tmp_path / "r2")
    ws = open_workspace(str(council.parties["GL"]))
    with ws.action() as s:
        ops.edit_task(s, gl, tid, title="Nog niet verzonden wijziging")
    ws.close()
    ok(capsys, "package", "import", council.parties["GL"], tmp_path / "r2")
    ws = open_workspace(str(council.parties["GL"]))
    with ws.action() as s:
        title = s.get(Task, tid).title
    ws.close()
    assert title == "Nog niet verzonden wijziging"


def test_an_older_export_of_the_same_round_cannot_undo_decisions(council, capsys, tmp_path):
    gl = ops.Actor.of_party(council.ids["GL"], "G")
    ws = open_workspace(str(council.parties["GL"]))
    with ws.action() as s:
        aid = ops.propose_amendment(s, gl, kind=AmendmentKind.MODIFY, section_id=council.bouwen, headline="Meer",
                                    text=BOUWEN.replace("500", "800"), submit=True).id
    ws.close()
    ok(capsys, "package", "export", council.parties["GL"], "--party", "GL", "-o", tmp_path / "gl1")
    ok(capsys, "package", "import", council.griffie, tmp_path / "gl1")
    ok(capsys, "package", "export", council.griffie, "--round", "-o", tmp_path / "old")
    ws = open_workspace(str(council.griffie))
    with ws.action() as s:
        ops.decide_amendment(s, ops.Actor.griffie("G"), aid, AmendmentStatus.REJECTED, note="nee")
    ws.close()
    ok(capsys, "package", "export", council.griffie, "--round", "-o", tmp_path / "new")
    rp = council.parties["RP"]
    ok(capsys, "package", "import", rp, tmp_path / "new")
    code, out, err = cli(capsys, "package", "import", rp, tmp_path / "old")
    ws = open_workspace(str(rp))
    with ws.action() as s:
        st = s.get(Amendment, aid).status
    ws.close()
    assert st == AmendmentStatus.REJECTED


def test_no_party_package_after_the_final_round(council, capsys, tmp_path):
    gl = ops.Actor.of_party(council.ids["GL"], "G")
    ws = open_workspace(str(council.parties["GL"]))
    with ws.action() as s:
        ops.endorse_section(s, gl, council.huur, "oppose", minority_position="Wij zijn tegen.")
    ws.close()
    ok(capsys, "package", "export", council.parties["GL"], "--party", "GL", "-o", tmp_path / "gl1")
    ws = open_workspace(str(council.griffie))
    with ws.action() as s:
        ops.publish_round(s, ops.Actor.griffie("G"), final=True)
    ws.close()
    code, out, err = cli(capsys, "package", "import", council.griffie, tmp_path / "gl1")
    ws = open_workspace(str(council.griffie))
    with ws.action() as s:
        n = len(s.scalars(sa.select(Endorsement)).all())
    ws.close()
    assert code == 1 and n == 0


def test_key_file_with_a_bad_holder_is_one_line(council, capsys, tmp_path):
    doc = json.loads((tmp_path / "GL.pub").read_text())
    doc["holder"] = "party:xyz"
    (tmp_path / "bad.pub").write_text(json.dumps(doc))
    code, out, err = cli(capsys, "keys", "register", council.griffie, tmp_path / "bad.pub")
    assert code == 1 and len(err.strip().splitlines()) == 1, err
