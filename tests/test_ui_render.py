"""What the web interface shows: escaped text, clickable citations, highlighted passages, the programme."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from assistant.event import load_event
from assistant.models import Answer, Citation
from assistant.web.labels import AUDIENCES, LABELS, example_rows, labels, lang_from_accept_language
from assistant.web.render import (
    document_headers,
    document_rows,
    highlight_passage,
    render_answer,
    render_document,
    render_programme,
    render_question,
    render_question_groups,
    render_search_results,
)
from assistant.web.session import ChatSession, answer_language
from assistant.web.unanswered import QuestionGroup
from index.config import PROJECT_ROOT
from index.models import Chunk, Document, DocumentInfo, DocumentMeta
from index.program import load_program

KO = labels("ko")
EN = labels("en")


def _citation(n: int, text: str, doc_id: str = "overview-ko") -> Citation:
    return Citation(n=n, doc_id=doc_id, title="SFASS 개요", source="Welaunch", lang="ko",
                    chunk_id=f"{doc_id}:{n}", text=text)


def _answer(**kw) -> Answer:
    base = {
        "question": "SFASS는 어디에서 열렸나요?",
        "text": "SFASS의 개최 장소는 서울 호텔 나루 엠갤러리이다.[1] 10월 28일에 개막했다.[2]",
        "language": "ko",
        "citations": [
            _citation(1, "SFASS는 이틀간 열렸다. SFASS의 개최 장소는 서울 호텔 나루 엠갤러리이다."),
            _citation(2, "SFASS는 2025년 10월 28일에 개막했다."),
        ],
    }
    base.update(kw)
    return Answer(**base)


def test_markup_in_a_question_is_shown_as_text():
    html = render_question('<script>alert("x")</script><img src=x onerror=alert(1)>')
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_markup_in_an_answer_or_passage_is_shown_as_text():
    html = render_answer(_answer(text="<b onclick=x>굵게</b>[1]", citations=[_citation(1, "<script>bad()</script>")]),
                         0, KO)
    assert "<script" not in html and "<b " not in html
    assert "&lt;script&gt;" in html and "&lt;b onclick=x&gt;" in html


def test_every_marker_links_to_its_source_entry():
    html = render_answer(_answer(), 3, KO)
    targets = re.findall(r'href="#([^"]+)"', html)
    ids = re.findall(r'<li class="sfass-source" id="([^"]+)"', html)
    assert targets == ["sfass-t3-s1", "sfass-t3-s2"]
    assert ids == targets
    assert "<details" in html and f"{KO.sources} (2)" in html


def test_a_source_shows_the_heading_its_passage_stands_under():
    """A field of a record ("역할: 심사위원장") says whose it is only through its heading, shown with the quote."""
    cited = _citation(1, "역할: 심사위원장").model_copy(update={"section": "정유리 (Jung Yu-ri)"})
    html = render_answer(_answer(text="정유리 (Jung Yu-ri) — 역할: 심사위원장 [1]", citations=[cited]), 0, KO)
    assert '<div class="sfass-section">정유리 (Jung Yu-ri)</div>' in html
    assert "sfass-section" not in render_answer(_answer(), 0, KO)


def test_a_marker_without_a_citation_stays_plain_text():
    html = render_answer(_answer(text="장소는 호텔이다.[1] 다른 말.[7]"), 0, KO)
    assert 'href="#sfass-t0-s7"' not in html and "[7]" in html


def test_the_answer_sentence_is_highlighted_in_its_passage():
    html = render_answer(_answer(), 0, KO)
    marked = re.findall(r'<mark class="sfass-hl">(.*?)</mark>', html)
    assert marked == ["SFASS의 개최 장소는 서울 호텔 나루 엠갤러리이다.", "SFASS는 2025년 10월 28일에 개막했다."]


def test_a_paraphrase_highlights_the_closest_sentence():
    passage = "Day one was 28 October 2025. The venue of SFASS was Hotel Naru Seoul MGallery."
    html = highlight_passage(passage, ["SFASS was held at Hotel Naru Seoul MGallery"])
    assert "<mark class=\"sfass-hl\">The venue of SFASS was Hotel Naru Seoul MGallery.</mark>" in html


def test_withdrawn_sentences_are_noted_only_when_there_were_some():
    assert "sfass-withdrawn" not in render_answer(_answer(), 0, EN)
    html = render_answer(_answer(sentences_removed=2), 0, EN)
    assert EN.withdrawn_note.format(n=2) in html


def test_a_notice_is_shown_under_the_answer_as_text():
    assert "sfass-notice" not in render_answer(_answer(), 0, KO)
    html = render_answer(_answer(notice="언어 모델 서버에 연결할 수 없어 <b>문서</b>를 인용합니다."), 0, KO)
    assert '<div class="sfass-note sfass-notice">언어 모델 서버에 연결할 수 없어 &lt;b&gt;문서&lt;/b&gt;를 인용합니다.</div>' in html
    assert html.index("sfass-notice") > html.index("sfass-answer")


def test_a_refusal_is_marked_and_has_no_sources_panel():
    html = render_answer(_answer(text="제공된 문서에는 이 질문에 대한 내용이 없습니다.", refused=True, citations=[]), 0, KO)
    assert 'class="sfass-answer sfass-refused"' in html and "<details" not in html


def test_a_document_is_readable_and_its_markup_inert():
    doc = Document(meta=DocumentMeta(id="up-1", title="<i>T</i>", lang="en", source="s"),
                   text="# Heading\nA line with <script>alert(1)</script>.\n", content_hash="x")
    html = render_document(doc, EN)
    assert "<h3>Heading</h3>" in html
    assert "<script" not in html and "&lt;script&gt;" in html and "&lt;i&gt;T&lt;/i&gt;" in html


def test_search_results_show_document_and_passage():
    chunk = Chunk(chunk_id="c", doc_id="faq-en", lang="en", title="FAQ", source="s", text="Red-teaming <b>x</b>")
    html = render_search_results([chunk], EN)
    assert "faq-en" in html and "Red-teaming &lt;b&gt;x&lt;/b&gt;" in html
    assert EN.no_results in render_search_results([], EN)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_programme_shows_both_days_with_sessions_and_people(lang):
    program = load_program(PROJECT_ROOT / "knowledge" / "program.yaml")
    html = render_programme(program, lang, labels(lang))
    assert html.count('<section class="sfass-day"') == len(program.days) == 2
    for day in program.days:
        for session in day.sessions:
            assert session.title.get(lang).replace("'", "&#x27;") in html
    assert program.days[0].sessions[0].people[0].name.get(lang) in html


def test_sessions_keep_their_own_history():
    first, second = ChatSession(), ChatSession()
    first.add(_answer())
    assert second.history() == [] and second.messages(KO) == []
    assert [t.role for t in first.history()] == ["user", "assistant"]
    assert first.answer_at(1) is first.answers[0]
    assert first.answer_at(0) is None and first.answer_at(3) is None


def test_a_question_is_shown_as_typed_while_the_history_keeps_the_cleaned_one():
    chat = ChatSession()
    chat.add(_answer(question="venue?"), asked="<script>x()</script> venue?")
    assert "&lt;script&gt;x()&lt;/script&gt; venue?" in chat.messages(EN)[0]["content"]
    assert chat.history()[0].content == "venue?"
    chat.clear()
    assert chat.messages(EN) == []


def test_streaming_messages_show_the_pending_question_and_draft():
    chat = ChatSession()
    chat.add(_answer())
    messages = chat.messages(EN, pending=("<b>next?</b>", "The forum"))
    assert [m["role"] for m in messages] == ["user", "assistant", "user", "assistant"]
    assert "&lt;b&gt;next?&lt;/b&gt;" in messages[2]["content"] and "The forum" in messages[3]["content"]
    assert "<details" in messages[1]["content"]


def test_answer_language_choice():
    assert answer_language("auto") is None and answer_language("en") == "en" and answer_language(None) is None


@pytest.mark.parametrize("header,expected", [
    ("en-US,en;q=0.9,ko;q=0.8", "en"),
    ("ko-KR,ko;q=0.9,en-US;q=0.8", "ko"),
    ("fr-FR,fr;q=0.9", "ko"),
    ("fr-FR, en;q=0.5", "en"),
    ("en;q=0, ko;q=0.1", "ko"),
    (None, "ko"),
    ("", "ko"),
])
def test_interface_language_follows_the_browser(header, expected):
    assert lang_from_accept_language(header) == expected


def test_every_audience_has_examples_in_both_languages():
    event = load_event(PROJECT_ROOT / "knowledge")
    assert set(event.audience_examples) == set(AUDIENCES)
    for audience in AUDIENCES:
        ko, en = event.audience_examples[audience].ko, event.audience_examples[audience].en
        assert len(ko) == len(en) >= 3
        assert all(re.search(r"[가-힣]", q) for q in ko)
        assert not any(re.search(r"[가-힣]", q) for q in en)
    assert set(LABELS["ko"].audiences) == set(LABELS["en"].audiences) == set(AUDIENCES)
    rows = example_rows(event, "en")
    assert [key for key, _, _ in rows] == list(AUDIENCES) and rows[0][1] == EN.audiences["attendees"]


def test_the_event_names_the_interface():
    event = load_event(PROJECT_ROOT / "knowledge")
    assert labels("en", event).title == event.title.en and labels("ko", event).subtitle == event.subtitle.ko
    assert labels("ko", event).question_placeholder == event.placeholder.ko
    assert labels("en").title != event.title.en  # the built-in labels name no event


def test_a_rejected_question_shows_only_its_message_and_stays_out_of_history():
    rejected = _answer(text="질문을 입력해 주세요.", error="질문을 입력해 주세요.", citations=[])
    html = render_answer(rejected, 0, KO)
    assert html.count("질문을 입력해 주세요.") == 1 and "sfass-error" in html
    chat = ChatSession()
    chat.add(rejected)
    chat.add(_answer())
    assert chat.history()[0].content == "SFASS는 어디에서 열렸나요?"
    assert len(chat.messages(KO)) == 4


def test_question_groups_show_how_often_in_which_languages_and_the_faq_as_text():
    asked = dt.datetime(2026, 11, 30, 7, 10, tzinfo=dt.UTC)
    groups = [QuestionGroup(key="a1", questions=["<b>와이파이</b> 있나요?", "Is there Wi-Fi?"], count=3, refused=2,
                            down=1, languages=["ko", "en"], last_asked=asked, answered_by="faq-a1"),
              QuestionGroup(key="b2", questions=["Is parking free?"], count=1, refused=1, down=0, languages=["en"],
                            last_asked=asked)]
    html = render_question_groups(groups, KO)
    assert "&lt;b&gt;와이파이&lt;/b&gt; 있나요?" in html and "<b>" not in html
    assert "3번 · 답 못함 2 · 별로예요 1 · ko/en" in html and "FAQ로 답함: faq-a1" in html
    assert html.index("a1") < html.index("b2") and html.count("sfass-answered") == 1
    assert "asked 1× · en" in render_question_groups(groups[1:], EN)  # all refused: no second count
    assert KO.no_problems in render_question_groups([], KO)


def test_documents_table_and_view_show_when_a_document_changed():
    changed = dt.datetime(2026, 11, 30, 7, 10, 59, tzinfo=dt.UTC)
    info = DocumentInfo(doc_id="faq-a1", title="Wi-Fi", lang="en", kind="faq", source="organizers",
                        as_of=dt.date(2026, 11, 30), changed_at=changed)
    assert document_rows([info]) == [["Wi-Fi", "en", "faq", "2026-11-30", "2026-11-30 07:10", "faq-a1"]]
    assert document_headers(EN)[4] == "Changed (UTC)" and document_headers(KO)[-1] == KO.doc_id
    doc = Document(meta=DocumentMeta(id="faq-a1", title="Wi-Fi", lang="en", source="organizers", kind="faq"),
                   text="## Is there Wi-Fi?\nYes.\n", content_hash="x")
    assert "Changed 2026-11-30 07:10 UTC" in render_document(doc, EN, changed)
    assert "변경: 2026-11-30 07:10 UTC" in render_document(doc, KO, changed)
    assert "sfass-changed" not in render_document(doc, KO)


def test_an_answer_offers_a_share_link_that_asks_its_standalone_question_again():
    from urllib.parse import parse_qs, urlparse

    from assistant.web.share import shared_question

    answer = _answer(question="그럼 언제요?", standalone_question="SFASS는 언제 열렸나요?")
    html = render_answer(answer, 0, KO)
    href = re.search(r'<a class="sfass-share" href="([^"]+)"', html).group(1)
    params = {k: v[0] for k, v in parse_qs(urlparse(href.replace("&amp;", "&")).query).items()}
    assert params == {"q": "SFASS는 언제 열렸나요?", "lang": "ko"}
    asked = shared_question(params)
    assert asked.question == "SFASS는 언제 열렸나요?" and asked.lang == "ko"
    assert KO.copy_answer in html  # copying the answer stays


@pytest.mark.parametrize("params,expected", [
    ({}, None), ({"q": "   "}, None), ({"lang": "en"}, None),
    ({"q": "Where?", "lang": "fr"}, ("Where?", None)),  # an unknown language: the question's own
    ({"q": " Where? ", "lang": "en"}, ("Where?", "en")),
])
def test_share_link_parameters_are_read_safely(params, expected):
    from assistant.web.share import shared_question

    asked = shared_question(params)
    assert (asked if asked is None else (asked.question, asked.lang)) == expected


def test_each_source_shows_its_documents_as_of_date():
    import datetime as dt

    answer = _answer()
    answer.citations[0].as_of = dt.date(2025, 10, 28)
    html = render_answer(answer, 0, EN)
    first, second = re.findall(r'<li class="sfass-source".*?</li>', html)
    assert f"{EN.doc_as_of} 2025-10-28" in first and EN.doc_as_of not in second  # no date is made up
