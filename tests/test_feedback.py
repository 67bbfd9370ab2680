"""The feedback log in the shared database (SQLite and PostgreSQL): votes and refusals, nothing about who
asked, problems newest first, exported as the JSONL the older log held, an old log imported once."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from assistant.models import Answer, Citation
from assistant.web.feedback import FEEDBACK_FILE, FeedbackEntry, FeedbackLog
from assistant.web.store import Database, feedback_table


def _answer(question: str, refused: bool = False) -> Answer:
    citations = [] if refused else [Citation(
        n=1, doc_id="overview-ko", title="개요", source="Welaunch", lang="ko", chunk_id="overview-ko:3",
        text="SFASS의 개최 장소는 서울 호텔 나루 엠갤러리이다.")]
    text = "제공된 문서에는 이 질문에 대한 내용이 없습니다." if refused else "서울 호텔 나루 엠갤러리에서 열렸습니다.[1]"
    return Answer(question=question, text=text, language="ko", refused=refused, citations=citations)


@pytest.fixture
def log(database) -> FeedbackLog:
    return FeedbackLog(database)


def test_vote_stores_question_answer_and_cited_passages(log):
    first = log.vote(_answer("어디서 열렸나요?"), liked=True)
    log.vote(_answer("장소는?"), liked=False)
    entries = log.entries()
    assert entries[0] == first  # read back exactly as written, time zone included
    assert [e.kind for e in entries] == ["up", "down"]
    assert entries[0].question == "어디서 열렸나요?" and "엠갤러리" in entries[0].answer
    assert [c.model_dump() for c in entries[0].citations] == [{"doc_id": "overview-ko", "chunk_id": "overview-ko:3"}]
    assert entries[0].timestamp.utcoffset().total_seconds() == 0


def test_log_holds_no_personal_data_fields(log):
    log.vote(_answer("어디서 열렸나요?"), liked=True)
    entry = json.loads(log.export_jsonl())
    assert set(entry) == {"kind", "question", "answer", "language", "refused", "citations", "timestamp"}
    # The cited passage's text is not copied, only its ids.
    assert set(entry["citations"][0]) == {"doc_id", "chunk_id"}
    assert {c.name for c in feedback_table.columns} == {"id", *entry}


def test_refusals_are_logged_and_answers_are_not(log):
    assert log.record_if_refused(_answer("어디서?")) is None
    assert log.record_if_refused(_answer("입장료는 얼마인가요?", refused=True)).kind == "refused"
    assert [e.question for e in log.entries()] == ["입장료는 얼마인가요?"]


def test_latest_problems_lists_refused_and_down_voted_newest_first(log):
    log.record_if_refused(_answer("입장료는?", refused=True))
    log.vote(_answer("좋은 질문"), liked=True)
    log.vote(_answer("나쁜 답"), liked=False)
    log.record_if_refused(_answer("주차는?", refused=True))
    assert [e.question for e in log.latest_problems(10)] == ["주차는?", "나쁜 답", "입장료는?"]
    assert [e.question for e in log.latest_problems(2)] == ["주차는?", "나쁜 답"]


def test_a_row_another_program_damaged_does_not_hide_the_others(log, database):
    log.vote(_answer("하나"), liked=False)
    with database.transaction() as conn:
        conn.execute(feedback_table.insert().values(kind="sideways", question="?", answer="", language="xx",
                                                    refused=False, citations=[], timestamp=log.entries()[0].timestamp))
    log.vote(_answer("둘"), liked=False)
    assert [e.question for e in log.latest_problems()] == ["둘", "하나"]
    assert len(log.entries()) == 2


def test_empty_log_has_no_problems(log):
    assert log.latest_problems() == [] and log.entries() == [] and log.export_jsonl() == ""


def test_export_writes_the_jsonl_lines_of_the_entries(log):
    log.record_if_refused(_answer("입장료는?", refused=True))
    log.vote(_answer("어디서 열렸나요?"), liked=True)
    lines = log.export_jsonl().splitlines()
    assert [FeedbackEntry.model_validate_json(line) for line in lines] == log.entries()
    assert lines == [e.model_dump_json() for e in log.entries()]


def test_an_old_jsonl_log_is_imported_once(database_url, tmp_path):
    old = [FeedbackEntry.from_answer("down", _answer("예전 질문")),
           FeedbackEntry.from_answer("refused", _answer("예전 거절", refused=True))]
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / FEEDBACK_FILE).write_text(
        old[0].model_dump_json() + "\n{damaged\n" + old[1].model_dump_json() + "\n", encoding="utf-8")
    first = Database(database_url, legacy_dir=folder)
    assert FeedbackLog(first).entries() == old
    FeedbackLog(first).vote(_answer("새 질문"), liked=True)
    second = Database(database_url, legacy_dir=folder)  # another replica, or the next start: nothing doubled
    try:
        assert [e.question for e in FeedbackLog(second).entries()] == ["예전 질문", "예전 거절", "새 질문"]
        with second.transaction() as conn:
            assert conn.execute(select(func.count()).select_from(feedback_table)).scalar() == 3
    finally:
        first.dispose()
        second.dispose()
