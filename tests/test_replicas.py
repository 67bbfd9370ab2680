"""Several app replicas on one Chroma server, each with an empty data folder of its own and no knowledge folder,
as on separate machines; a builder process writing new versions; and the server going away while they serve."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from multiprocessing.pool import ThreadPool
from pathlib import Path

import pytest
from chroma_server import ChromaServer
from index_kb import REPO, write_kb

from assistant import Assistant
from assistant.config import Settings
from assistant.question.clean import MESSAGES

POLL = 1.0  # seconds between a replica's looks at the store

COFFEE = """---
id: coffee-en
title: Breaks
lang: en
source: Test article
kind: logistics
---
# Breaks
Coffee was served in the Orchid Lounge on the second floor during every break.
"""


def _build(kb: Path, data: Path, port: int, prefix: str) -> subprocess.CompletedProcess:
    """``python -m index build`` in a process of its own, as on the machine that holds the documents."""
    env = os.environ | {
        "ASSISTANT_KNOWLEDGE_DIR": str(kb), "ASSISTANT_DATA_DIR": str(data), "ASSISTANT_CHROMA_HOST": "127.0.0.1",
        "ASSISTANT_CHROMA_PORT": str(port), "ASSISTANT_COLLECTION_PREFIX": prefix,
    }
    return subprocess.run([sys.executable, "-m", "index", "build"], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=600, check=False)


def _replica(root: Path, port: int, prefix: str) -> Assistant:
    """An app replica: an empty data folder, no knowledge folder, the shared server."""
    return Assistant(Settings(knowledge_dir=root / "no-knowledge-here", data_dir=root / "data", chroma_host="127.0.0.1",
                              chroma_port=port, collection_prefix=prefix, index_poll_seconds=POLL))


def _files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


@pytest.fixture()
def server(tmp_path):
    with ChromaServer(tmp_path / "chroma-server") as running:
        yield running


def test_two_replicas_serve_what_a_builder_wrote_and_follow_a_rebuild_without_restart(tmp_path, server, reliability):
    kb = write_kb(tmp_path / "builder" / "knowledge")
    built = _build(kb, tmp_path / "builder" / "data", server.port, "fleet")
    assert built.returncode == 0, built.stderr
    replicas = [_replica(tmp_path / name, server.port, "fleet") for name in ("replica-a", "replica-b")]

    for bot in replicas:
        answer = bot.ask("Where was the forum held?")
        assert not answer.refused and answer.error is None
        assert "Hotel Naru" in answer.text and answer.citations[0].doc_id == "venue-en"
        ko = bot.ask("포럼은 어디에서 열렸나요?")
        assert "엠갤러리" in ko.text and not ko.refused
    before = replicas[0].index.version()
    assert replicas[1].index.version() == before

    # a rebuild adds a document while both replicas keep answering
    (kb / "coffee-en.md").write_text(COFFEE, encoding="utf-8")
    failures: list[str] = []
    asked = [0]
    stop = threading.Event()

    def keep_asking(bot: Assistant) -> None:
        while not stop.is_set():
            try:
                answer = bot.ask("Where was the forum held?")
                if answer.error or "Hotel Naru" not in answer.text:
                    failures.append(answer.error or answer.text)
            except Exception as exc:  # noqa: BLE001 - any exception is what this test looks for
                failures.append(repr(exc))
            asked[0] += 1

    askers = [threading.Thread(target=keep_asking, args=(bot,)) for bot in replicas]
    for t in askers:
        t.start()
    try:
        rebuilt = _build(kb, tmp_path / "builder" / "data", server.port, "fleet")
    finally:
        stop.set()
        for t in askers:
            t.join(60)
    reliability.record("Questions on two replicas during a rebuild", cases=asked[0], failed=len(failures),
                       area="Replicas")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert failures == [] and asked[0] > 0

    # both pick the new version up within the poll interval, with no restart
    deadline = time.monotonic() + 10 * POLL
    for bot in replicas:
        while bot.index.version() == before and time.monotonic() < deadline:
            time.sleep(POLL / 4)
        answer = bot.ask("Where was coffee served during the breaks?")
        assert "Orchid Lounge" in answer.text, answer.text
        assert any(c.doc_id == "coffee-en" for c in answer.citations)
        assert [d.doc_id for d in bot.library.documents() if d.doc_id == "coffee-en"]

    # nothing of the index was written on the replicas' machines
    for name in ("replica-a", "replica-b"):
        assert _files_under(tmp_path / name) == []


def test_the_server_going_away_gives_a_clear_message_and_answers_resume_when_it_is_back(tmp_path, server,
                                                                                      reliability):
    kb = write_kb(tmp_path / "knowledge")
    assert _build(kb, tmp_path / "builder-data", server.port, "down").returncode == 0
    bot = _replica(tmp_path / "replica", server.port, "down")
    assert "Hotel Naru" in bot.ask("Where was the forum held?").text
    version = bot.index.version()

    server.stop()
    time.sleep(POLL)
    for question, lang in (("Where was the forum held?", "en"), ("포럼은 어디에서 열렸나요?", "ko")):
        answer = bot.ask(question)
        assert answer.error == MESSAGES["unavailable"][lang] and answer.text == answer.error
        assert answer.language == lang and not answer.citations
    streamed = list(bot.ask_stream("Where was the forum held?"))
    assert streamed[-1].error == MESSAGES["unavailable"]["en"]
    assert bot.check("The forum was held at the Hotel Naru Seoul MGallery.").error == MESSAGES["unavailable"]["en"]

    # a build against the stopped server fails clearly and changes nothing
    (kb / "coffee-en.md").write_text(COFFEE, encoding="utf-8")
    failed = _build(kb, tmp_path / "builder-data", server.port, "down")
    assert failed.returncode == 1
    assert "Chroma" in failed.stderr and "Traceback" not in failed.stderr

    server.start()
    answer = bot.ask("Where was the forum held?")
    reliability.record("Chroma server stopped while serving (questions, a check, a build)", cases=5,
                       failed=int(answer.error is not None), lost=int(bot.index.version() != version),
                       area="Replicas")
    assert answer.error is None and "Hotel Naru" in answer.text  # no restart of the app
    assert bot.index.version() == version  # the failed build left the current version as it was


def test_a_builder_that_switches_after_a_later_version_was_switched_in_ends_on_the_later_one(tmp_path, server,
                                                                                             monkeypatch):
    """The race two builders on two machines can run: this one checked the pointer, then (before it wrote it)
    another machine built a later version and switched to it. This one's stale write must not win."""
    kb = write_kb(tmp_path / "knowledge")
    assert _build(kb, tmp_path / "first", server.port, "late").returncode == 0
    (kb / "coffee-en.md").write_text(COFFEE, encoding="utf-8")
    mine = Assistant(Settings(knowledge_dir=kb, data_dir=tmp_path / "machine-a", chroma_host="127.0.0.1",
                              chroma_port=server.port, collection_prefix="late"))
    catalog = type(mine.index.catalog)
    write = catalog.write_pointer
    other: list[subprocess.CompletedProcess] = []

    def write_after_the_other_machine(self, pointer):
        if not other:  # the other machine builds and switches in the window between this one's check and write
            other.append(_build(kb, tmp_path / "machine-b", server.port, "late"))
        write(self, pointer)

    monkeypatch.setattr(catalog, "write_pointer", write_after_the_other_machine)
    mine.index.build(rebuild=True)
    assert other and other[0].returncode == 0, other[0].stderr if other else ""
    monkeypatch.undo()

    versions = mine.index.catalog.versions()
    assert mine.index.catalog.read_pointer().version == max(versions) == 3
    assert mine.index.version() == 3
    assert "Orchid Lounge" in _replica(tmp_path / "replica", server.port, "late").ask(
        "Where was coffee served during the breaks?").text


def test_two_builders_at_once_each_write_a_whole_version_and_the_pointer_names_a_complete_one(tmp_path, server,
                                                                                            reliability):
    kb = write_kb(tmp_path / "knowledge")
    assert _build(kb, tmp_path / "first", server.port, "race").returncode == 0
    (kb / "coffee-en.md").write_text(COFFEE, encoding="utf-8")
    # two machines (separate data folders, so no shared lock) rebuild at the same moment
    env = [tmp_path / "machine-a", tmp_path / "machine-b"]
    with ThreadPool(2) as pool:
        results = pool.map(lambda data: _build(kb, data, server.port, "race"), env)
    assert [r.returncode for r in results] == [0, 0], [r.stderr for r in results]

    bot = _replica(tmp_path / "replica", server.port, "race")
    versions = bot.index.catalog.versions()
    reliability.record("Two builders at once on separate machines", cases=2,
                       failed=sum(len(names) != 3 for names in versions.values()), area="Replicas")
    # the first build's and one or both of the new ones (a builder finishing after a later version was switched
    # in deletes its own); none is half-made
    assert len(versions) in (2, 3) and all(len(names) == 3 for names in versions.values())
    assert bot.index.version() == max(versions)
    assert "Orchid Lounge" in bot.ask("Where was coffee served during the breaks?").text
