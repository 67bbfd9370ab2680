"""The event lives in its folder: ``event.yaml``, or names and texts derived from the documents."""

from __future__ import annotations

import re
import shutil

import pytest
from index_kb import SEED

from assistant.answering.prompts import system_prompt
from assistant.answering.refusal import refusal_message
from assistant.event import EventError, load_event
from index.config import PROJECT_ROOT
from index.models import DocumentMeta
from index.sources import scan

KNOWLEDGE = PROJECT_ROOT / "knowledge"


def test_the_event_file_gives_names_covers_and_ui_texts():
    event = load_event(KNOWLEDGE)
    assert (event.name.ko, event.name.en) == ("2025 인공지능 안전 서울 포럼", "Seoul Forum on AI Safety & Security")
    assert event.short_name == "SFASS" and event.title.en == "SFASS 2025 Assistant"
    assert "the speakers" in event.covered("en") and "연사" in event.covered("ko")
    assert len(event.examples.ko) == len(event.examples.en) == 3
    assert event.placeholder.en == "e.g. Where was SFASS held?"


def test_a_folder_with_one_article_gets_a_sensible_name(tmp_path):
    shutil.copy(SEED, tmp_path / "article.txt")
    event = load_event(tmp_path)
    assert event.name.ko == event.name.en == "2025 인공지능 안전 서울 포럼"
    assert event.short_name == "SFASS"
    assert (event.title.ko, event.title.en) == ("SFASS 도우미", "SFASS Assistant")
    assert "SFASS" in event.subtitle.en and event.placeholder.en.startswith("e.g. ")
    assert len(event.examples.ko) == len(event.examples.en) == 3
    assert event.covered("en") and event.covered("ko")  # from the article's kind ("other")
    assert event.example_rows() == [(None, event.examples)]


def test_without_an_acronym_the_title_is_the_name(tmp_path):
    (tmp_path / "note.md").write_text("# Harbour Days 2026 | City news\n\nThe festival opens on 3 May.\n",
                                      encoding="utf-8")
    event = load_event(tmp_path)
    assert event.name.en == "Harbour Days 2026" and event.short_name == ""
    assert event.title.en == "Harbour Days 2026 Assistant"


def test_the_programme_names_the_event_when_there_is_no_event_file(tmp_path):
    shutil.copy(KNOWLEDGE / "program.yaml", tmp_path / "program.yaml")
    shutil.copy(SEED, tmp_path / "article.txt")
    event = load_event(tmp_path)
    assert event.name.en == "Seoul Forum on AI Safety & Security" and event.short_name == "SFASS"
    assert "the programme and sessions" in event.covered("en")  # the rendered programme's kind


def test_event_file_fields_left_out_are_derived(tmp_path):
    (tmp_path / "event.yaml").write_text("name: {ko: 항구 축제, en: Harbour Festival}\nshort_name: HF\n"
                                         "covers: {ko: [일정], en: [the schedule]}\n", encoding="utf-8")
    event = load_event(tmp_path)
    assert event.title.en == "HF Assistant" and event.title.ko == "HF 도우미"
    assert event.covered("en") == ["the schedule"]


@pytest.mark.parametrize("content, hint", [
    ("name: [unclosed\n", "YAML"),
    ("- a list\n", "mapping"),
    ("name: {ko: 축제, en: Festival}\ncovers: {ko: [일정], en: [dates]}\ncolour: red\n", "colour"),
    ("name: {ko: 축제}\ncovers: {ko: [일정], en: [dates]}\n", "name.en"),
    (("name: {ko: 축제, en: Festival}\ncovers: {ko: [일정], en: [dates]}\n"
      "examples: {ko: ['언제?'], en: ['When?', 'Where?']}\n"), "pairs"),
])
def test_a_bad_event_file_gives_a_clear_bilingual_error(tmp_path, content, hint):
    bad = tmp_path / "event.yaml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(EventError) as err:
        load_event(tmp_path, documents=[])
    message = str(err.value)
    assert isinstance(err.value, ValueError)
    assert re.search(r"[가-힣]", message) and hint.lower() in message.lower() and str(bad) in message


def test_the_refusal_lists_what_the_documents_cover():
    event = load_event(KNOWLEDGE)
    en, ko = refusal_message("en", event.covered("en")), refusal_message("ko", event.covered("ko"))
    assert en.startswith("The documents do not say. They cover the event's name")
    assert en.endswith("and the background and context.")
    assert ko.startswith("제공된 문서에는 이 질문에 대한 내용이 없습니다. 문서에 있는 내용은") and "체결된 협약(MOU)" in ko
    assert refusal_message("en") == "The documents do not say."
    assert refusal_message("ko", []) == "제공된 문서에는 이 질문에 대한 내용이 없습니다."


def test_without_an_event_file_the_refusal_names_the_kinds_of_documents_in_the_answers_language():
    """A folder with no event.yaml: common kinds of event documents are named in Korean for a Korean refusal."""
    from assistant.event import covers_from_kinds

    covers = covers_from_kinds(["overview", "press", "visitors", "minutes"])
    assert covers["ko"] == ["행사 이름·장소·일정·주최·참석 규모", "보도자료", "관람 안내", "minutes"]
    assert covers["en"][1:3] == ["press releases", "information for visitors"]
    # a news article and a list of people, uploaded as they are, are named in the refusal's language too
    assert covers_from_kinds(["article", "people"])["ko"] == ["참여 인물", "관련 기사"]
    # a kind of its own is named by the title of a document of that kind in the refusal's language
    covers = covers_from_kinds(["overview", "guide"], {("guide", "ko"): "관람 안내(자주 묻는 질문)"})
    assert covers["ko"][-1] == "관람 안내(자주 묻는 질문)" and covers["en"][-1] == "guide"


def test_the_prompt_names_the_event_it_is_given():
    assert "about Harbour Festival using ONLY" in system_prompt("en", "Harbour Festival")
    assert "항구 축제에 관한 질문" in system_prompt("ko", "항구 축제")
    assert "the event the passages describe" in system_prompt("en")


def test_the_index_skips_the_event_file_and_accepts_any_kind(tmp_path):
    (tmp_path / "event.yaml").write_text("name: {ko: 축제, en: Festival}\n", encoding="utf-8")
    (tmp_path / "minutes.md").write_text("---\nid: minutes\ntitle: Minutes\nlang: en\nsource: Secretariat\n"
                                         "kind: meeting-minutes\n---\nThe committee met on 2 May 2026.\n",
                                         encoding="utf-8")
    result = scan(tmp_path)
    assert result.skipped == [] and [d.meta.kind for d in result.documents] == ["meeting-minutes"]
    assert load_event(tmp_path).covered("en") == ["Minutes"]  # a kind of its own: named by its document's title
    assert load_event(tmp_path).covered("ko") == ["meeting minutes"]  # no Korean title: by its own word
    with pytest.raises(ValueError):
        DocumentMeta(id="a", title="A", lang="en", source="s", kind="not a kind!")
