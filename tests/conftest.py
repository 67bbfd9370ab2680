"""Shared fixtures: the database tests' backends (SQLite and a real PostgreSQL), and ``reliability``, which counts
the faults a test tries (see ``tests/reliability.py``)."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from postgres_server import new_database, postgres_server
from reliability import Reliability, output_path

from assistant.web.store import Database

RECORDER = Reliability()
_STARTED = time.perf_counter()


@pytest.fixture(scope="session")
def postgres_base_url() -> Iterator[str]:
    """One PostgreSQL server for the session, on 127.0.0.1 and a free port."""
    try:
        with postgres_server() as url:
            yield url
    except RuntimeError as err:
        pytest.fail(str(err))


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> str:
    """An empty database: an SQLite file, or a new database on the test PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'assistant.db'}"
    return new_database(request.getfixturevalue("postgres_base_url"))


@pytest.fixture
def database(database_url) -> Iterator[Database]:
    db = Database(database_url)
    yield db
    db.dispose()


@pytest.fixture(scope="session")
def reliability() -> Reliability:
    """Record a class of fault or hostile input: ``reliability.record("Truncated PDF", cases=1, lost=0)``."""
    return RECORDER


def pytest_runtest_setup(item: pytest.Item) -> None:
    RECORDER.current = item.nodeid


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    if report.when == "call" or report.outcome != "passed":
        RECORDER.outcome(item.nodeid, report.outcome)
    return report


def pytest_sessionfinish(session: pytest.Session) -> None:
    path = output_path()
    if path is not None:
        RECORDER.write(path, time.perf_counter() - _STARTED)
