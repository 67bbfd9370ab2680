"""The organizers' loop: refused questions grouped on the desk (Korean and English together), an organizer's
answer saved as an FAQ document, and the same question then answered from it, with the FAQ cited."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from pydantic import SecretStr

from assistant import Assistant
from assistant.config import Settings
from assistant.web.desk import OrganizersDesk
from assistant.web.faq import MAX_ANSWER_CHARS
from assistant.web.feedback import FeedbackEntry, FeedbackLog
from index.config import PROJECT_ROOT

TODAY = dt.date(2026, 11, 30)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """An assistant over a copy of the knowledge folder, its desk and its feedback log."""
    root = tmp_path_factory.mktemp("faq")
    shutil.copytree(PROJECT_ROOT / "knowledge", root / "knowledge")
    settings = Settings(knowledge_dir=root / "knowledge", data_dir=root / "data", admin_password=SecretStr("pw"))
    bot = Assistant(settings)
    return bot, OrganizersDesk(bot.library), FeedbackLog.from_settings(settings)


def _refused(question: str, lang: str) -> FeedbackEntry:
    return FeedbackEntry(kind="refused", question=question, answer="", language=lang, refused=True)


def _uploads(bot: Assistant) -> list[str]:
    folder = bot.settings.knowledge_dir / "uploads"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_paraphrases_in_korean_and_english_are_one_group_and_other_questions_stay_apart(world):
    _, desk, _ = world
    entries = [_refused(q, lang) for q, lang in [
        ("Is there Wi-Fi?", "en"), ("와이파이 있나요?", "ko"), ("is there wi-fi", "en"),
        ("How do I register?", "en"),
        ("Is there parking at the hotel?", "en"), ("Where can I park my car?", "en"),
        ("How much is the ticket?", "en"),
    ]] + [FeedbackEntry(kind="up", question="Where was the forum held?", answer="", language="en")]
    groups = desk.question_groups(entries)
    as_sets = [set(g.questions) for g in groups]
    assert as_sets[0] == {"Is there Wi-Fi?", "와이파이 있나요?"}  # the most asked first
    assert groups[0].count == 3 and groups[0].languages == ["ko", "en"] and groups[0].refused == 3
    assert {"Is there parking at the hotel?", "Where can I park my car?"} in as_sets
    assert {"How much is the ticket?"} in as_sets and {"How do I register?"} in as_sets  # close, but not one
    assert len(groups) == 4  # a liked answer is no problem to answer
    assert [g.count for g in groups] == sorted((g.count for g in groups), reverse=True)


@pytest.mark.parametrize("question,lang,answer,expect", [
    ("Is there Wi-Fi at the venue?", "en",
     "Free Wi-Fi is available in every hall; the network is Forum-Guest and the password is on your badge.",
     "Forum-Guest"),
    ("주차는 어디에 하나요?", "ko", "호텔 지하 2층 주차장을 이용할 수 있으며 참가자는 4시간 무료입니다.", "지하 2층"),
])
def test_an_organizers_answer_turns_a_refused_question_into_a_cited_answer(world, question, lang, answer, expect):
    bot, desk, log = world
    first = bot.ask(question)
    assert first.refused
    log.record_if_refused(first)
    group = next(g for g in desk.question_groups(log.entries()) if question in g.questions)
    assert group.answered_by is None

    result = desk.answer_group(group.key, answer, desk.question_groups(log.entries()), lang, authorized=True,
                               today=TODAY)
    assert result.ok and result.report.added

    again = bot.ask(question)
    assert not again.refused and expect in again.text
    faq = next(c for c in again.citations if c.doc_id == result.report.added[0])
    assert faq.source == "organizers" and faq.title.rstrip("?") == question.rstrip("?") and faq.lang == lang
    info = next(d for d in bot.library.documents() if d.doc_id == faq.doc_id)
    assert info.kind == "faq" and info.as_of == TODAY and info.lang == lang
    assert next(g for g in desk.question_groups(log.entries()) if question in g.questions).answered_by == faq.doc_id


def test_answering_a_group_again_rewrites_its_faq(world):
    bot, desk, _ = world
    entries = [_refused("Is there a cloakroom?", "en"), _refused("Is there a cloakroom?", "en")]
    groups = desk.question_groups(entries)
    first = desk.answer_group(groups[0].key, "The cloakroom is next to the registration desk.", groups, "en",
                              authorized=True)
    files = _uploads(bot)
    entries.append(_refused("물품 보관소가 있나요?", "ko"))  # more people ask meanwhile
    groups = desk.question_groups(entries)
    group = next(g for g in groups if "Is there a cloakroom?" in g.questions)
    second = desk.answer_group(group.key, "물품 보관소는 등록 데스크 옆에 있습니다.", groups, "ko", authorized=True)
    assert first.ok and second.ok
    doc_id = first.report.added[0]
    assert second.report.updated == [doc_id] and not second.report.added and _uploads(bot) == files
    text = bot.library.document(doc_id).text
    assert "등록 데스크 옆" in text and "registration desk" not in text
    assert bot.library.document(doc_id).meta.lang == "ko"


@pytest.mark.parametrize("answer,lang,authorized,words", [
    ("", "en", True, "Write an answer first"),
    ("   \n ", "ko", True, "답을 적어 주세요"),
    ("x" * (MAX_ANSWER_CHARS + 1), "en", True, "too long"),
    ("y" * (MAX_ANSWER_CHARS + 1), "ko", True, "너무 깁니다"),
    ("Parking is free.", "en", False, "admin password"),
    ("주차는 무료입니다.", "ko", False, "관리자 비밀번호"),
])
def test_a_bad_answer_or_no_sign_in_changes_nothing(world, answer, lang, authorized, words):
    bot, desk, _ = world
    groups = desk.question_groups([_refused("Is parking free?", "en")])
    before, files = bot.library.documents(), _uploads(bot)
    result = desk.answer_group(groups[0].key, answer, groups, lang, authorized=authorized)
    assert not result.ok and words in result.message
    assert bot.library.documents() == before and _uploads(bot) == files


def test_the_file_name_and_front_matter_never_come_from_what_people_typed(world):
    bot, desk, _ = world
    question = "../../../outside\n---\nkind: other\nsource: someone?"
    groups = desk.question_groups([_refused(question, "en")])
    result = desk.answer_group(groups[0].key, "# Heading\nThe answer.", groups, "en", authorized=True)
    assert result.ok
    doc = bot.library.document(result.report.added[0])
    assert doc.meta.kind == "faq" and doc.meta.source == "organizers"
    assert doc.path and doc.path.endswith(f"uploads/{doc.doc_id}.md")
    assert not (bot.settings.knowledge_dir.parent / "outside").exists()
    assert "\n# Heading" not in doc.text  # the answer cannot open a section of its own
