"""Shared fixtures, and skips that fail in CI.

``--backend=postgresql`` runs the workspace-level tests (those that make their
workspaces with ``new_target``, ``workspace_target`` or ``copy_target``)
against a real PostgreSQL server started for the run.

A test skips when something it needs is missing from a developer's machine (a
PostgreSQL server, git, pdftoppm, LibreOffice, Chromium), with the reason. In
CI (``CI`` set) every skip is reported as a failure with that reason: a check
that did not run must not pass unnoticed, so CI installs what the tests need
(``scripts/dev test``). An expected failure (xfail) stays what it is.
"""

from __future__ import annotations

import itertools
import os
import shutil

import pytest
import sqlalchemy as sa

from tests.pgserver import PostgresServer, PostgresUnavailable

_counter = itertools.count(1)


def pytest_addoption(parser):
    parser.addoption("--backend", choices=("sqlite", "postgresql"), default="sqlite",
                     help="database for workspace tests")
    parser.addoption("--bundle", metavar="EXECUTABLE",
                     help="check this bundled executable (tests/installed/test_bundle.py)")


def pytest_ignore_collect(collection_path, config):
    # The bundle's checks need a built bundle (scripts/dev bundle-smoke); not collected rather than skipped.
    if collection_path.name == "test_bundle.py" and not config.getoption("--bundle"):
        return True
    return None


def _skip_fails_in_ci(report) -> None:
    if not os.environ.get("CI") or not report.skipped or hasattr(report, "wasxfail"):
        return
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    report.outcome = "failed"
    report.longrepr = f"skipped in CI, which counts as a failure: {reason}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    _skip_fails_in_ci(report)
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector):
    report = yield
    _skip_fails_in_ci(report)
    return report


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory, monkeypatch):
    # Never touch the real user's data folder (keys, demo, settings).
    monkeypatch.setenv("RAADSAKKOORD_DATA_DIR", str(tmp_path_factory.mktemp("data")))


TEST_PASSPHRASE = "wachtwoordzin van de tests"


@pytest.fixture(autouse=True)
def _no_real_keychain(monkeypatch):
    # Never put a test key into the developer's own keychain, in this process
    # or in the CLI's subprocesses: keys go into passphrase-encrypted files
    # unless a test installs a keychain of its own (tests/exchange/test_keystore.py).
    import keyring
    from keyring.backends import fail

    from raadsakkoord.exchange import keystore

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setenv(keystore.PASSPHRASE_ENV, TEST_PASSPHRASE)
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(fail.Keyring())
    keystore.set_prompt(None)
    keystore.forget_passphrases()


@pytest.fixture(autouse=True)
def _dutch_messages(monkeypatch):
    # Tests compare Dutch messages: a developer's RAADSAKKOORD_LANG must not
    # change them, and a test that switches the language switches it back.
    from raadsakkoord.base import i18n

    monkeypatch.delenv("RAADSAKKOORD_LANG", raising=False)
    i18n.set_language("nl")
    yield
    i18n.set_language("nl")


@pytest.fixture(scope="session")
def postgres_server(request):
    try:
        server = PostgresServer()
        server.start()
    except (PostgresUnavailable, OSError) as exc:
        pytest.skip(f"PostgreSQL not available: {exc}")
    yield server
    server.stop()


@pytest.fixture
def backend(request) -> str:
    return request.config.getoption("--backend")


@pytest.fixture
def new_target(request, tmp_path, backend):
    """A factory of fresh, empty workspace targets (file paths or database URLs)."""

    def make(name: str = "werkruimte") -> str:
        if backend == "postgresql":
            server = request.getfixturevalue("postgres_server")
            return server.create_database(f"t{os.getpid()}_{next(_counter)}")
        return str(tmp_path / f"{name}-{next(_counter)}.raadsakkoord")

    return make


@pytest.fixture
def postgres_target(request):
    """A factory of fresh, empty PostgreSQL databases, whatever ``--backend`` says: for what only PostgreSQL has."""

    def make() -> str:
        server = request.getfixturevalue("postgres_server")
        return server.create_database(f"t{os.getpid()}_{next(_counter)}")

    return make


@pytest.fixture
def copy_target(request, tmp_path, backend):
    """A copy of a closed workspace made by ``new_target``: the file copied, or a database made from it."""

    def copy(source: str, name: str = "kopie") -> str:
        if backend == "postgresql":
            server = request.getfixturevalue("postgres_server")
            return server.create_database(f"t{os.getpid()}_{next(_counter)}",
                                          template=sa.make_url(source).database)
        target = tmp_path / f"{name}-{next(_counter)}.raadsakkoord"
        shutil.copyfile(source, target)  # closed, so its WAL is in the main file
        return str(target)

    return copy


@pytest.fixture
def workspace_target(new_target) -> str:
    return new_target()


@pytest.fixture
def workspace(workspace_target):
    from raadsakkoord.store.workspace import open_workspace

    ws = open_workspace(workspace_target, create=True)
    yield ws
    ws.close()


class Setup:
    """Ids of a small agreement: three parties (7 + 5 + 3 of 15 seats), two chapters, three sections."""


@pytest.fixture
def setup(workspace):
    from raadsakkoord import operations as ops

    griffie = ops.Actor.griffie("Griet Griffier")
    s = Setup()
    s.workspace = workspace
    s.griffie = griffie
    with workspace.action() as session:
        ops.create_agreement(session, griffie, title="Raadsakkoord Testdorp 2026–2030",
                             municipality="Testdorp", council_seats=15, term="2026–2030",
                             contact_name="Griet Griffier", contact_phone="0592-123456",
                             contact_email="griffie@example.nl")
        s.groen = ops.add_party(session, griffie, name="Groene Lijst", short_name="GL", seats=7, colour="#2e7d32").id
        s.rood = ops.add_party(session, griffie, name="Rode Partij", short_name="RP", seats=5, colour="#c62828").id
        s.blauw = ops.add_party(session, griffie, name="Blauwe Beweging", short_name="BB", seats=3, colour="#1565c0").id
        wonen = ops.add_chapter(session, griffie, title="Wonen")
        s.wonen = wonen.id
        s.bouwen = ops.add_section(session, griffie, chapter_id=wonen.id, title="Bouwen",
                                   text="We bouwen 500 woningen.\n\nDe helft is sociale huur.").id
        s.huur = ops.add_section(session, griffie, chapter_id=wonen.id, title="Huur",
                                 text="De huren stijgen niet harder dan de inflatie.").id
        geld = ops.add_chapter(session, griffie, title="Financiën")
        s.geld = geld.id
        s.begroting = ops.add_section(session, griffie, chapter_id=geld.id, title="Begroting",
                                      text="De begroting is structureel sluitend.").id
    s.groen_actor = ops.Actor.of_party(s.groen, "Gerda Groen")
    s.rood_actor = ops.Actor.of_party(s.rood, "Ruud Rood")
    s.blauw_actor = ops.Actor.of_party(s.blauw, "Bram Blauw")
    return s
