"""The demo workspace (Assen), built once for all export tests."""

from __future__ import annotations

import datetime as dt

import pytest

DAY = dt.date(2026, 11, 2)


@pytest.fixture(scope="session")
def demo_path(tmp_path_factory):
    from raadsakkoord.demo import create_demo_workspace

    target = tmp_path_factory.mktemp("demo") / "assen.raadsakkoord"
    create_demo_workspace(str(target)).close()
    return str(target)


@pytest.fixture(scope="session")
def demo(demo_path):
    from raadsakkoord.store.workspace import open_workspace

    workspace = open_workspace(demo_path)
    yield workspace
    workspace.close()


@pytest.fixture(scope="session")
def agreement(demo):
    from raadsakkoord.export.document import agreement_document

    with demo.action() as session:
        return agreement_document(session, today=DAY)


@pytest.fixture(scope="session")
def agenda(demo):
    from raadsakkoord.export.document import task_agenda

    with demo.action() as session:
        return task_agenda(session, today=DAY)


@pytest.fixture(scope="session")
def book(demo):
    from raadsakkoord.export.amendments import amendment_book

    with demo.action() as session:
        return amendment_book(session, today=DAY)
