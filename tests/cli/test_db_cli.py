"""``raadsakkoord db``, ``whoami`` and ``audit`` on a shared PostgreSQL database, through the command itself."""

from __future__ import annotations

import io
import itertools
import json
import os

import pytest

from raadsakkoord import operations as ops
from raadsakkoord.cli import main
from raadsakkoord.model import Position
from raadsakkoord.store.workspace import open_workspace

_counter = itertools.count(1)
PASSWORD = "een goed wachtwoord"


def run(capsys, monkeypatch, *argv, stdin: str = ""):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def shared(postgres_server):
    """A shared workspace with two parties, made by its owner; nobody logs in yet."""
    name = f"cli{os.getpid()}_{next(_counter)}"
    owner_url = postgres_server.create_database(name).replace("postgresql+psycopg", "postgresql")
    ws = open_workspace(owner_url, create=True)
    with ws.action() as session:
        owner = ops.Actor.griffie("Beheerder")
        ops.create_agreement(session, owner, title="Raadsakkoord Testdorp", municipality="Testdorp",
                             council_seats=15, term="2026–2030")
        ops.add_party(session, owner, name="Groene Lijst", short_name="GL", seats=7)
        ops.add_party(session, owner, name="Rode Partij", short_name="RP", seats=5)
        chapter = ops.add_chapter(session, owner, title="Wonen")
        section = ops.add_section(session, owner, chapter_id=chapter.id, title="Bouwen", text="We bouwen.")
    ws.close()
    suffix = f"{os.getpid()}_{next(_counter)}"

    class Shared:
        pass

    s = Shared()
    s.server, s.database, s.owner_url, s.section = postgres_server, name, owner_url, section.id
    s.gerda, s.griet, s.lars = f"gerda{suffix}", f"griet{suffix}", f"lars{suffix}"
    s.url = lambda person, password=PASSWORD: postgres_server.login_url(name, person, password)
    return s


def test_the_owner_adds_lists_and_removes_people_who_then_are_who_they_logged_in_as(capsys, monkeypatch, shared):
    code, out, err = run(capsys, monkeypatch, "db", "add-user", shared.owner_url, shared.gerda, "--party", "GL",
                         "--password-stdin", stdin=PASSWORD + "\n")
    assert (code, out, err) == (0, f"{shared.gerda} kan zich nu aanmelden (GL).\n", "")
    assert run(capsys, monkeypatch, "db", "add-user", shared.owner_url, shared.griet, "--griffie",
               "--password-stdin", stdin=PASSWORD + "\n")[0] == 0
    assert run(capsys, monkeypatch, "db", "add-user", shared.owner_url, shared.lars, "--reader",
               "--password-stdin", stdin=PASSWORD + "\n")[0] == 0
    code, out, _ = run(capsys, monkeypatch, "db", "users", shared.owner_url)
    width = max(map(len, (shared.gerda, shared.griet, shared.lars)))
    assert code == 0 and out.splitlines() == [f"{shared.griet.ljust(width)}  griffie",
                                              f"{shared.gerda.ljust(width)}  GL",
                                              f"{shared.lars.ljust(width)}  lezer"]
    code, out, _ = run(capsys, monkeypatch, "db", "users", shared.owner_url, "--json")
    assert json.loads(out) == [{"name": shared.griet, "group": "griffie", "party": None},
                               {"name": shared.gerda, "group": "party", "party": "GL"},
                               {"name": shared.lars, "group": "reader", "party": None}]
    for person, group in ((shared.gerda, "GL"), (shared.griet, "griffie"), (shared.lars, "lezer")):
        assert run(capsys, monkeypatch, "whoami", shared.url(person)) == (0, f"{person} ({group})\n", "")
    # Without the password in the URL it is asked (here from stdin, as a script gives it).
    assert run(capsys, monkeypatch, "whoami", shared.url(shared.gerda, None),
               stdin=PASSWORD + "\n")[:2] == (0, f"{shared.gerda} (GL)\n")
    code, out, _ = run(capsys, monkeypatch, "db", "remove-user", shared.owner_url, shared.lars)
    assert code == 0 and "kan zich niet meer aanmelden" in out
    code, out, err = run(capsys, monkeypatch, "whoami", shared.url(shared.lars))
    assert code == 1 and out == "" and "het wachtwoord klopt niet" in err and err.count("\n") == 1


def test_the_audit_lists_the_logged_in_person_from_a_date_and_as_json(capsys, monkeypatch, shared):
    run(capsys, monkeypatch, "db", "add-user", shared.owner_url, shared.gerda, "--party", "gl", "--password-stdin",
        stdin=PASSWORD + "\n")
    ws = open_workspace(shared.url(shared.gerda))
    with ws.action() as session:
        # The name given here is not what the log keeps: the login is.
        ops.endorse_section(session, ops.Actor.griffie("Iemand Anders"), shared.section, Position.SUPPORT,
                            party_id=ws.login.party_id)
    ws.close()
    code, out, err = run(capsys, monkeypatch, "audit", shared.url(shared.gerda), "--json")
    events = json.loads(out)
    assert (code, err) == (0, "")
    assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
    assert events[-1]["person"] == shared.gerda and events[-1]["party"] == "GL"
    assert events[-1]["action"] == "endorse_section" and events[0]["person"] == "Beheerder"
    code, out, _ = run(capsys, monkeypatch, "audit", shared.url(shared.gerda), "--since", "2999-01-01", "--json")
    assert (code, json.loads(out)) == (0, [])
    code, out, _ = run(capsys, monkeypatch, "audit", shared.url(shared.gerda))
    assert code == 0 and f"{shared.gerda} (GL)  standpunt over een hoofdlijn: " in out.splitlines()[-1]
    assert "Beheerder (griffie)  raadsakkoord aangemaakt" in out.splitlines()[0]


def test_clear_lines_for_what_cannot_be(capsys, monkeypatch, shared, tmp_path):
    run(capsys, monkeypatch, "db", "add-user", shared.owner_url, shared.gerda, "--party", "GL", "--password-stdin",
        stdin=PASSWORD + "\n")
    cases = [
        (("db", "add-user", shared.url(shared.gerda), "bram", "--party", "GL", "--password-stdin"),
         "Alleen de eigenaar van de gedeelde werkruimte beheert wie zich aanmeldt"),
        (("db", "add-user", shared.owner_url, "bram", "--party", "XX", "--password-stdin"),
         "Er is geen fractie XX in deze werkruimte (wel: GL, RP)."),
        (("db", "add-user", shared.owner_url, "bram", "--griffie", "--password-stdin"),
         "Een wachtwoord heeft minstens 10 tekens."),
        (("db", "add-user", shared.owner_url, shared.gerda, "--reader", "--password-stdin"),
         "hoort al bij deze werkruimte"),
        (("db", "users", str(tmp_path / "w.raadsakkoord")), "een werkruimtebestand heeft ze niet"),
        (("whoami", shared.url(shared.gerda, "fout wachtwoord")), "het wachtwoord klopt niet"),
    ]
    for argv, message in cases:
        code, out, err = run(capsys, monkeypatch, *argv, stdin="kort\n")
        assert code == 1 and out == "" and err.count("\n") == 1 and message in err, (argv, err)


def test_a_party_member_cannot_add_people_even_in_plain_sql(capsys, monkeypatch, shared):
    import psycopg

    run(capsys, monkeypatch, "db", "add-user", shared.owner_url, shared.gerda, "--party", "GL", "--password-stdin",
        stdin=PASSWORD + "\n")
    with psycopg.connect(host=str(shared.server.root), port=shared.server.port, dbname=shared.database,
                         user=shared.gerda, password=PASSWORD, autocommit=True) as conn:
        griffie = conn.execute("SELECT role_name FROM login_group WHERE kind = 'griffie'").fetchone()[0]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(f'GRANT "{griffie}" TO "{shared.gerda}"')
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO login_group (role_name, kind) VALUES ('x', 'griffie')")
    assert run(capsys, monkeypatch, "whoami", shared.url(shared.gerda))[1] == f"{shared.gerda} (GL)\n"
