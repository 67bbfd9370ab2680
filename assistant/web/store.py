"""The database the app's replicas share: feedback entries and failed desk sign-ins.

SQLite under the data dir by default (WAL journal, a busy timeout, so several processes on one machine can
write); a PostgreSQL URL (``postgresql+psycopg://...``) when replicas run on several machines. Tables are
created on first use; every write is one transaction, so a row is either fully written or absent.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Connection,
    DateTime,
    Engine,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    exc,
)
from sqlalchemy.engine import make_url

from assistant.config import Settings

DATABASE_FILE = "assistant.db"
BUSY_TIMEOUT_S = 10  # how long an SQLite writer waits for another process's write to finish
CREATE_ATTEMPTS = 10  # tries at creating the tables while other replicas create them too
CONNECT_TIMEOUT_S = 5  # how long a PostgreSQL connection may take before the server counts as down

metadata = MetaData()

feedback_table = Table(
    "feedback", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(16), nullable=False),
    Column("question", Text, nullable=False),
    Column("answer", Text, nullable=False),
    Column("language", String(8), nullable=False),
    Column("refused", Boolean, nullable=False),
    Column("citations", JSON, nullable=False),
    Column("timestamp", DateTime(timezone=True), nullable=False),
)

sign_in_failures_table = Table(
    "sign_in_failures", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("client", String(255), nullable=False, index=True),
    Column("failed_at", Float, nullable=False),  # seconds since the epoch, as the throttle's clock tells it
)

imports_table = Table(  # which one-off imports were done, so each is done once whatever replica starts first
    "store_imports", metadata,
    Column("name", String(64), primary_key=True),
)

# A server that is down, unreachable or refuses us, or an SQLite folder that cannot be written; anything else
# (a bad query) is a bug and raises as it is.
_UNAVAILABLE = (exc.OperationalError, exc.InterfaceError, exc.DisconnectionError, exc.TimeoutError, OSError)


class StoreUnavailable(Exception):
    """The database could not be reached or written; nothing was recorded."""


def default_url(settings: Settings) -> str:
    """``database_url`` when set, else an SQLite file under the data dir."""
    if settings.database_url:
        return settings.database_url
    return f"sqlite:///{(Path(settings.data_dir) / DATABASE_FILE).resolve().as_posix()}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """The busy timeout, then the WAL journal. Switching to WAL can fail at once with "database is locked" while
    another process opens the same new file (SQLite does not wait on its busy timeout there), so it is retried
    for as long as that timeout."""
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            break
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for ``url``: SQLite gets WAL and a busy timeout, a server gets a connect timeout."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    connect_args = {"connect_timeout": CONNECT_TIMEOUT_S} if parsed.get_backend_name() == "postgresql" else {}
    return create_engine(url, pool_pre_ping=True, connect_args=connect_args)


class Database:
    """One engine over the shared tables, created on first use; ``legacy_dir`` may hold an old
    ``feedback.jsonl`` to import once."""

    def __init__(self, url: str, legacy_dir: Path | None = None) -> None:
        self.url = url
        self.legacy_dir = Path(legacy_dir) if legacy_dir is not None else None
        self._engine: Engine | None = None
        self._ready = False
        self._lock = threading.Lock()
        self._prepare_lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings) -> Database:
        return cls(default_url(settings), legacy_dir=settings.data_dir)

    @property
    def engine(self) -> Engine:
        with self._lock:
            if self._engine is None:
                self._engine = make_engine(self.url)
            return self._engine

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One transaction, committed when the block ends and rolled back when it raises; a database that
        cannot be reached raises :class:`StoreUnavailable`."""
        try:
            self._prepare()
            with self.engine.begin() as conn:
                yield conn
        except _UNAVAILABLE as err:
            raise StoreUnavailable(str(err).splitlines()[0]) from err

    def _prepare(self) -> None:
        """Create the tables and import the old JSONL log, once per process (and the import once ever)."""
        if self._ready:
            return
        with self._prepare_lock:
            if self._ready:
                return
            engine = self.engine
            for attempt in range(CREATE_ATTEMPTS):
                try:
                    metadata.create_all(engine)
                    break
                except exc.DBAPIError as err:  # another replica created a table at the same moment: look again
                    raced = isinstance(err, exc.IntegrityError) or "already exists" in str(err)
                    if not raced or attempt == CREATE_ATTEMPTS - 1:
                        raise
            if self.legacy_dir is not None:
                self._import_legacy_log(engine, self.legacy_dir)
            self._ready = True

    @staticmethod
    def _import_legacy_log(engine: Engine, folder: Path) -> None:
        """Copy an old ``feedback.jsonl`` into the table, in one transaction, the first time any replica looks."""
        from .feedback import FEEDBACK_FILE, legacy_rows  # the feedback module builds on this one

        path = folder / FEEDBACK_FILE
        if not path.exists():
            return
        try:
            with engine.begin() as conn:
                # The claim is written first: a second replica waits for it, then finds it taken.
                conn.execute(imports_table.insert().values(name=FEEDBACK_FILE))
                rows = legacy_rows(path)
                if rows:
                    conn.execute(feedback_table.insert(), rows)
        except exc.IntegrityError:
            return  # imported before

    def dispose(self) -> None:
        """Close the engine's connections."""
        if self._engine is not None:
            self._engine.dispose()
