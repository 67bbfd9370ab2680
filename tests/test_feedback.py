"""The feedback log: votes and refusals appended as JSONL, nothing about who asked, problems listed newest first."""

from __future__ import annotations

import json

from assistant.models import Answer, Citation
from assistant.web.feedback import FEEDBACK_FILE, FeedbackLog


def _answer(question: str, refused: bool = False) -> Answer:
    citations = [] if refused else [Citation(
        n=1, doc_id="overview-ko", title="개요", source="Welaunch", lang="ko", chunk_id="overview-ko:3",
        text="SFASS의 개최 장소는 서울 호텔 나루 엠갤러리이다.")]
    text = "제공된 문서에는 이 질문에 대한 내용이 없습니다." if refused else "서울 호텔 나루 엠갤러리에서 열렸습니다.[1]"
    return Answer(question=question, text=text, language="ko", refused=refused, citations=citations)


def test_vote_appends_question_answer_and_cited_passages(tmp_path):
    log = FeedbackLog(tmp_path)
    log.vote(_answer("어디서 열렸나요?"), liked=True)
    log.vote(_answer("장소는?"), liked=False)
    lines = (tmp_path / FEEDBACK_FILE).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    first = json.loads(lines[0])
    assert first["kind"] == "up" and first["question"] == "어디서 열렸나요?"
    assert "엠갤러리" in first["answer"]
    assert first["citations"] == [{"doc_id": "overview-ko", "chunk_id": "overview-ko:3"}]
    assert first["timestamp"]
    assert json.loads(lines[1])["kind"] == "down"


def test_log_holds_no_personal_data_fields(tmp_path):
    log = FeedbackLog(tmp_path)
    log.vote(_answer("어디서 열렸나요?"), liked=True)
    entry = json.loads((tmp_path / FEEDBACK_FILE).read_text(encoding="utf-8"))
    assert set(entry) == {"kind", "question", "answer", "language", "refused", "citations", "timestamp"}
    # The cited passage's text is not copied, only its ids.
    assert set(entry["citations"][0]) == {"doc_id", "chunk_id"}


def test_refusals_are_logged_and_answers_are_not(tmp_path):
    log = FeedbackLog(tmp_path)
    assert log.record_if_refused(_answer("어디서?")) is None
    assert log.record_if_refused(_answer("입장료는 얼마인가요?", refused=True)).kind == "refused"
    assert [e.question for e in log.entries()] == ["입장료는 얼마인가요?"]


def test_latest_problems_lists_refused_and_down_voted_newest_first(tmp_path):
    log = FeedbackLog(tmp_path)
    log.record_if_refused(_answer("입장료는?", refused=True))
    log.vote(_answer("좋은 질문"), liked=True)
    log.vote(_answer("나쁜 답"), liked=False)
    log.record_if_refused(_answer("주차는?", refused=True))
    assert [e.question for e in log.latest_problems(10)] == ["주차는?", "나쁜 답", "입장료는?"]
    assert [e.question for e in log.latest_problems(2)] == ["주차는?", "나쁜 답"]


def test_a_damaged_line_does_not_hide_the_others(tmp_path):
    log = FeedbackLog(tmp_path)
    log.vote(_answer("하나"), liked=False)
    with (tmp_path / FEEDBACK_FILE).open("a", encoding="utf-8") as f:
        f.write("{not json\n")
    log.vote(_answer("둘"), liked=False)
    assert [e.question for e in log.latest_problems()] == ["둘", "하나"]


def test_empty_log_has_no_problems(tmp_path):
    assert FeedbackLog(tmp_path / "missing").latest_problems() == []
