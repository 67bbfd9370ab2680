"""Fixtures shared by the tests of the shared database: each runs against SQLite and a real PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from postgres_server import new_database, postgres_server

from assistant.web.store import Database


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
