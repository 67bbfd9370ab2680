"""The shared database under the conditions replicas meet: two writing at once, one killed mid-write, a server
that is down. Each test runs against SQLite and a real PostgreSQL server."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from html import escape

import pytest
from postgres_server import free_port
from sqlalchemy import func, select, text

from assistant.cli import main
from assistant.config import Settings
from assistant.models import Answer
from assistant.web.desk import OrganizersDesk, SignInThrottle, sign_in
from assistant.web.feedback import FeedbackEntry, FeedbackLog, save_refusal, save_vote
from assistant.web.labels import labels
from assistant.web.store import Database, StoreUnavailable, default_url, feedback_table
from index.config import PROJECT_ROOT

LONG_ANSWER = "행사는 서울에서 열렸습니다. The forum met in Seoul. " * 4000  # ~200 kB: a write takes a while
CITED = 12

# One replica: votes `count` times (forever when negative), printing a line after its first vote.
WRITER = """
import sys
from assistant.models import Answer, Citation
from assistant.web.feedback import FeedbackLog
from assistant.web.store import Database
from test_database import LONG_ANSWER, CITED

url, name, count, long = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "long"
log = FeedbackLog(Database(url))
citations = [Citation(n=k + 1, doc_id=f"doc-{k}", title="t", source="s", lang="ko", chunk_id=f"doc-{k}:{k}",
                      text="passage") for k in range(CITED)]
i = 0
while count < 0 or i < count:
    answer = Answer(question=f"{name} {i}", text=LONG_ANSWER if long else "answer", language="ko",
                    citations=citations)
    log.vote(answer, liked=i % 2 == 0)
    i += 1
    if i == 1:
        print("writing", flush=True)
"""


def _replica(url: str, name: str, count: int, long: bool = False) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env["PYTHONPATH"] = os.pathsep.join([str(PROJECT_ROOT), str(PROJECT_ROOT / "tests")])
    return subprocess.Popen([sys.executable, "-c", WRITER, url, name, str(count), "long" if long else "short"],
                            cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _rows(database: Database) -> int:
    with database.transaction() as conn:
        return conn.execute(select(func.count()).select_from(feedback_table)).scalar_one()


def test_two_replicas_voting_at_once_lose_nothing(database_url, database, reliability):
    replicas = [_replica(database_url, name, 100) for name in ("a", "b")]  # both also create the tables
    for proc in replicas:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    entries = FeedbackLog(database).entries()
    reliability.record(f"Votes from two replicas at once ({database_url.split(':')[0]})", cases=200,
                       lost=200 - len(entries), area="Database")
    assert len(entries) == _rows(database) == 200
    assert {e.question for e in entries} == {f"{name} {i}" for name in ("a", "b") for i in range(100)}
    assert all(len(e.citations) == CITED for e in entries)


def test_a_replica_killed_mid_write_leaves_no_partial_row(database_url, database, reliability):
    proc = _replica(database_url, "killed", -1, long=True)
    try:
        assert proc.stdout.readline().strip() == "writing", proc.stderr.read()
        deadline = time.monotonic() + 120  # a wait for rows to exist, not a speed check
        while _rows(database) < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    log = FeedbackLog(database)
    entries = log.entries()
    reliability.record(f"App killed mid-write ({database_url.split(':')[0]})", cases=1,
                       failed=_rows(database) - len(entries), area="Database")
    assert len(entries) == _rows(database) >= 3  # every row read back validates
    assert all(e.answer == LONG_ANSWER and len(e.citations) == CITED for e in entries)
    assert sorted(int(e.question.split()[1]) for e in entries) == list(range(len(entries)))
    # Still usable, by a replica that was not killed.
    log.vote(Answer(question="after", text="ok", language="en"), liked=True)
    assert log.entries()[-1].question == "after" and _rows(database) == len(entries) + 1


def test_the_default_is_an_sqlite_file_in_the_data_dir_with_wal_and_a_busy_timeout(tmp_path):
    settings = Settings(data_dir=tmp_path / "data", database_url=None)
    assert default_url(settings) == f"sqlite:///{(tmp_path / 'data' / 'assistant.db').as_posix()}"
    database = Database.from_settings(settings)
    try:
        FeedbackLog(database).vote(Answer(question="q", text="a", language="en"), liked=True)
        assert (tmp_path / "data" / "assistant.db").exists()
        with database.transaction() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA busy_timeout")).scalar() > 0
    finally:
        database.dispose()


@pytest.mark.parametrize("to_file", [False, True])
def test_export_command_writes_the_entries_as_jsonl(database_url, database, to_file, tmp_path, monkeypatch, capsys):
    log = FeedbackLog(database)
    log.vote(Answer(question="어디서 열렸나요?", text="서울", language="ko"), liked=False)
    log.record_if_refused(Answer(question="Parking?", text="The documents do not say.", language="en",
                                 refused=True))
    monkeypatch.setenv("ASSISTANT_DATABASE_URL", database_url)
    out = tmp_path / "feedback.jsonl"
    assert main(["feedback", "export", *(["--out", str(out)] if to_file else [])]) == 0
    written = out.read_text(encoding="utf-8") if to_file else capsys.readouterr().out
    assert [FeedbackEntry.model_validate_json(line) for line in written.splitlines()] == log.entries()
    assert written == "".join(e.model_dump_json() + "\n" for e in log.entries())


# --- a database that is down --------------------------------------------------------------------------------

@pytest.fixture
def down() -> Iterator[Database]:
    """A PostgreSQL URL nobody listens on."""
    database = Database(f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/assistant")
    yield database
    database.dispose()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_vote_the_database_cannot_take_gets_a_message_in_the_users_language(down, lang):
    log, t = FeedbackLog(down), labels(lang)
    answer = Answer(question="어디서?", text="서울", language="ko", refused=True)
    assert save_vote(log, answer, True, t.vote_not_saved) == t.vote_not_saved
    assert not save_refusal(log, answer)  # the chat carries on without the log entry
    with pytest.raises(StoreUnavailable):
        log.vote(answer, liked=False)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_desk_says_the_database_is_down_instead_of_failing(down, lang):
    t = labels(lang)
    desk = OrganizersDesk(library=None)  # the database is asked first: nothing reaches the documents
    assert desk.unanswered(FeedbackLog(down), t) == ([], f"<p>{escape(t.store_unavailable)}</p>")
    settings = Settings(admin_password="s3cret")
    # Nobody enters while failures cannot be counted, and they are told why.
    assert sign_in(SignInThrottle(down), settings, "10.0.0.7", "s3cret", t) == (False, t.store_unavailable)


def test_export_from_a_database_that_is_down_says_so(down, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ASSISTANT_DATABASE_URL", down.url)
    out = tmp_path / "feedback.jsonl"
    assert main(["feedback", "export", "--out", str(out)]) == 2
    assert "database cannot be reached" in capsys.readouterr().err
    assert not out.exists()


def test_sign_in_messages_when_the_database_is_up(database):
    t, settings = labels("en"), Settings(admin_password="s3cret")
    throttle = SignInThrottle(database, max_failures=1, window_s=60, clock=lambda: 1000.0)
    assert sign_in(throttle, settings, "c", "s3cret", t) == (True, t.logged_in)
    assert sign_in(throttle, settings, "c", "nope", t) == (False, t.wrong_password)
    ok, message = sign_in(throttle, settings, "c", "s3cret", t)
    assert not ok and message == t.too_many_attempts.format(seconds=60)
