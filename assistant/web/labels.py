"""The web interface's words in Korean and English; the event's own (title, examples...) come from ``EventInfo``."""

from __future__ import annotations

from pydantic import BaseModel

from assistant.checking.claim_check import EXPLAIN
from assistant.checking.report import LABEL_NAMES, WORDS
from assistant.event import Audience, EventInfo
from assistant.library import Lang

AUDIENCES: tuple[Audience, ...] = ("attendees", "press", "organizers")
DEFAULT_LANG: Lang = "ko"


class Labels(BaseModel):
    """Every label the interface shows, in one language (title, subtitle, welcome and question placeholder
    are generic here: :func:`labels` takes them from the event)."""

    model_config = {"frozen": True}

    title: str
    subtitle: str
    ui_lang: str
    tab_chat: str
    tab_programme: str
    tab_sources: str
    tab_admin: str
    chatbot: str
    welcome: str
    question: str
    question_placeholder: str
    send: str
    new_chat: str
    answer_lang: str
    answer_lang_auto: str
    examples: str
    audiences: dict[str, str]
    sources: str
    source_document: str
    withdrawn_note: str
    copy_answer: str
    share_link: str
    share_hint: str
    empty_question: str
    thinking: str
    programme_intro: str
    day: str
    session: str
    sessions: str
    people: str
    organizations: str
    focus: str
    speaker_organizations: str
    morning: str
    afternoon: str
    add_to_calendar: str
    add_day_to_calendar: str
    documents: str
    doc_title: str
    doc_lang: str
    doc_kind: str
    doc_as_of: str
    doc_changed: str
    doc_changed_column: str
    doc_id: str
    open_document: str
    search: str
    search_placeholder: str
    search_button: str
    no_results: str
    password: str
    login: str
    logout: str
    wrong_password: str
    too_many_attempts: str
    logged_in: str
    store_unavailable: str
    vote_not_saved: str
    login_required: str
    index_status: str
    upload: str
    upload_button: str
    rebuild: str
    remove: str
    remove_button: str
    problems: str
    no_problems: str
    asked_times: str
    asked_refused: str
    asked_down: str
    answered_by: str
    faq_pick: str
    faq_answer: str
    faq_answer_placeholder: str
    faq_save: str
    vote_like: str
    vote_dislike: str
    vote_liked: str
    vote_disliked: str
    refresh: str
    footer: str
    tab_check: str
    check_intro: str
    check_input: str
    check_placeholder: str
    check_button: str
    check_verdict: str
    check_supported: str
    check_contradicted: str
    check_not_found: str
    check_passage: str
    check_statement_says: str
    check_documents_say: str
    check_silent: str
    audit_title: str
    audit_button: str
    audit_none: str
    audit_conflict: str
    audit_translation: str

    def part_of_day(self, part: str | None) -> str:
        """The words for a session's part of the day ("" when the documents do not give one)."""
        return {"morning": self.morning, "afternoon": self.afternoon}.get(part or "", "")


LABELS: dict[Lang, Labels] = {
    "ko": Labels(
        title="문서 도우미",
        subtitle="문서에 대해 물어보세요. 모든 답에는 확인할 수 있는 출처가 붙습니다.",
        ui_lang="화면 언어",
        tab_chat="질문하기",
        tab_programme="프로그램",
        tab_sources="자료",
        tab_admin="운영 데스크",
        chatbot="대화",
        welcome="**무엇이든 물어보세요.** 문서에 있는 내용으로만 답하고, 답마다 근거 문장을 보여 드립니다. "
                "아래 예시 질문을 눌러 시작해 보세요.",
        question="질문",
        question_placeholder="예: 언제, 어디에서 열렸나요?",
        send="보내기",
        new_chat="새 대화",
        answer_lang="답변 언어",
        answer_lang_auto="질문과 같게",
        examples="이런 것을 물어보세요",
        audiences={"attendees": "참가자", "press": "언론", "organizers": "운영진"},
        sources="출처",
        source_document="문서",
        withdrawn_note="확인되지 않은 문장 {n}개를 답변에서 뺐습니다.",
        copy_answer="답변 복사",
        share_link="링크 공유",
        share_hint="누르면 이 질문을 다시 묻는 링크가 복사됩니다",
        empty_question="질문을 입력해 주세요.",
        thinking="답을 찾는 중…",
        programme_intro="프로그램 (출처: {source}, {as_of} 기준)",
        day="{n}일차",
        session="세션",
        sessions="세션",
        people="발표자",
        organizations="기관",
        focus="주요 논의",
        speaker_organizations="연사 소속 기관",
        morning="오전",
        afternoon="오후",
        add_to_calendar="캘린더에 추가 (.ics)",
        add_day_to_calendar="{day} 전체를 캘린더에 추가 (.ics)",
        documents="색인된 문서",
        doc_title="제목",
        doc_lang="언어",
        doc_kind="종류",
        doc_as_of="기준일",
        doc_changed="변경: {time}",
        doc_changed_column="변경 (UTC)",
        doc_id="문서 ID",
        open_document="문서 열기",
        search="문서 검색",
        search_placeholder="검색어 (예: 레드티밍)",
        search_button="검색",
        no_results="검색 결과가 없습니다.",
        password="관리자 비밀번호",
        login="들어가기",
        logout="나가기",
        wrong_password="비밀번호가 맞지 않습니다. 아무것도 바뀌지 않았습니다.",
        too_many_attempts="비밀번호를 여러 번 잘못 입력했습니다. {seconds}초 뒤에 다시 시도하세요.",
        logged_in="운영 데스크에 들어왔습니다.",
        store_unavailable="데이터베이스에 연결할 수 없습니다. 잠시 뒤에 다시 시도하세요. 아무것도 바뀌지 않았습니다.",
        vote_not_saved="평가를 저장하지 못했습니다 (데이터베이스에 연결할 수 없습니다). 잠시 뒤에 다시 눌러 주세요.",
        login_required="먼저 관리자 비밀번호로 들어가세요. 아무것도 바뀌지 않았습니다.",
        index_status="색인 상태",
        upload="문서 올리기 (md, txt, html, pdf, docx)",
        upload_button="올리고 색인하기",
        rebuild="색인 다시 만들기",
        remove="문서 지우기",
        remove_button="지우기",
        problems="답하지 못했거나 '별로예요'를 받은 질문 (비슷한 질문끼리, 많이 물은 순)",
        no_problems="아직 없습니다.",
        asked_times="{n}번",
        asked_refused="답 못함 {n}",
        asked_down="별로예요 {n}",
        answered_by="FAQ로 답함: {doc_id}",
        faq_pick="답할 질문 묶음",
        faq_answer="운영진의 답 (한국어 또는 영어)",
        faq_answer_placeholder="이 질문들에 대한 답을 적으면 FAQ 문서로 저장되고, 이후 도우미가 이 답을 출처와 함께 알려 줍니다.",
        faq_save="FAQ로 저장",
        vote_like="좋아요",
        vote_dislike="별로예요",
        vote_liked="좋아요 누름",
        vote_disliked="별로예요 누름",
        refresh="새로 고침",
        footer="답변은 제공된 문서에서만 가져옵니다. 숫자 [n]을 누르면 근거 문장으로 이동합니다.",
        tab_check="사실 확인",
        check_intro="기사나 보도자료 문장을 붙여 넣으면 주장마다 문서와 대조합니다: 날짜, 숫자, 기간, 장소, 이름, 누가 무엇을 "
                    "말했는지. 각 판정의 근거 문단을 열어 볼 수 있습니다.",
        check_input="확인할 문장",
        check_placeholder="예: SFASS는 10월 29일 롯데호텔에서 개막했으며 약 150명이 참석했다.",
        check_button="확인하기",
        check_verdict="판정",
        check_supported=LABEL_NAMES["supported"]["ko"],
        check_contradicted=LABEL_NAMES["contradicted"]["ko"],
        check_not_found=LABEL_NAMES["not_found"]["ko"],
        check_passage="근거 문단",
        check_statement_says="문장",
        check_documents_say="문서",
        check_silent=EXPLAIN["ko"]["not_found"],
        audit_title="문서 점검",
        audit_button="문서 사이에 어긋나는 곳 찾기",
        audit_none="문서 사이에 어긋나는 곳이 없습니다.",
        audit_conflict=WORDS["conflict"]["ko"],
        audit_translation=WORDS["translation"]["ko"],
    ),
    "en": Labels(
        title="Document assistant",
        subtitle="Ask about the documents. Every answer comes with sources you can check.",
        ui_lang="Interface language",
        tab_chat="Ask",
        tab_programme="Programme",
        tab_sources="Sources",
        tab_admin="Organizers' desk",
        chatbot="Conversation",
        welcome="**Ask anything about the documents.** Every answer shows the sentences it comes from. "
                "Try one of the example questions below.",
        question="Question",
        question_placeholder="e.g. When and where did it take place?",
        send="Send",
        new_chat="New conversation",
        answer_lang="Answer language",
        answer_lang_auto="Same as the question",
        examples="Try asking",
        audiences={"attendees": "Attendees", "press": "Press", "organizers": "Organizers"},
        sources="Sources",
        source_document="document",
        withdrawn_note="{n} sentence(s) that the documents do not support were withdrawn from this answer.",
        copy_answer="Copy answer",
        share_link="Share link",
        share_hint="Copies a link that asks this question again",
        empty_question="Please type a question.",
        thinking="Looking it up…",
        programme_intro="Programme (source: {source}, as of {as_of})",
        day="Day {n}",
        session="Session",
        sessions="Sessions",
        people="Speakers",
        organizations="Organizations",
        focus="Focus",
        speaker_organizations="Speakers' organizations",
        morning="morning",
        afternoon="afternoon",
        add_to_calendar="Add to calendar (.ics)",
        add_day_to_calendar="Add all of {day} to your calendar (.ics)",
        documents="Indexed documents",
        doc_title="Title",
        doc_lang="Language",
        doc_kind="Kind",
        doc_as_of="As of",
        doc_changed="Changed {time}",
        doc_changed_column="Changed (UTC)",
        doc_id="Document ID",
        open_document="Open a document",
        search="Search the documents",
        search_placeholder="Search terms (e.g. red-teaming)",
        search_button="Search",
        no_results="Nothing found.",
        password="Admin password",
        login="Enter",
        logout="Leave",
        wrong_password="Wrong password. Nothing was changed.",
        too_many_attempts="Too many wrong passwords. Try again in {seconds} s.",
        logged_in="You are at the organizers' desk.",
        store_unavailable="The database cannot be reached. Try again in a moment. Nothing was changed.",
        vote_not_saved="Your vote could not be saved (the database cannot be reached). Try again in a moment.",
        login_required="Enter the admin password first. Nothing was changed.",
        index_status="Index status",
        upload="Upload documents (md, txt, html, pdf, docx)",
        upload_button="Upload and index",
        rebuild="Rebuild the index",
        remove="Remove a document",
        remove_button="Remove",
        problems="Questions that were refused or got a thumbs down (similar ones together, most asked first)",
        no_problems="None yet.",
        asked_times="asked {n}×",
        asked_refused="refused {n}",
        asked_down="thumbs down {n}",
        answered_by="answered by the FAQ {doc_id}",
        faq_pick="Group of questions to answer",
        faq_answer="The organizers' answer (Korean or English)",
        faq_answer_placeholder="Your answer is saved as an FAQ document; from then on the assistant gives it, "
                               "citing it.",
        faq_save="Save as FAQ",
        vote_like="Like",
        vote_dislike="Dislike",
        vote_liked="Liked",
        vote_disliked="Disliked",
        refresh="Refresh",
        footer="Answers come only from the documents provided. Click a number [n] to jump to its evidence.",
        tab_check="Fact check",
        check_intro="Paste a sentence from an article or a press release: each claim in it is compared with the "
                    "documents (dates, numbers, durations, places, names, who said what), and the passage behind "
                    "each label can be opened.",
        check_input="Statement to check",
        check_placeholder="e.g. SFASS opened on 29 October at Lotte Hotel, and about 150 people attended.",
        check_button="Check",
        check_verdict="Verdict",
        check_supported=LABEL_NAMES["supported"]["en"],
        check_contradicted=LABEL_NAMES["contradicted"]["en"],
        check_not_found=LABEL_NAMES["not_found"]["en"],
        check_passage="Passage",
        check_statement_says="Statement",
        check_documents_say="Documents",
        check_silent=EXPLAIN["en"]["not_found"],
        audit_title="Document audit",
        audit_button="Find where the documents disagree",
        audit_none="The documents agree: no disagreements found.",
        audit_conflict=WORDS["conflict"]["en"],
        audit_translation=WORDS["translation"]["en"],
    ),
}

LANG_NAMES: dict[Lang, str] = {"ko": "한국어", "en": "English"}


def labels(lang: str | None, event: EventInfo | None = None) -> Labels:
    """The labels for ``lang`` (Korean when it is not a known interface language), with the event's title,
    subtitle, welcome text and question placeholder when ``event`` is given."""
    base = LABELS.get(lang, LABELS[DEFAULT_LANG])  # type: ignore[arg-type]
    if event is None:
        return base
    code: Lang = "en" if base is LABELS["en"] else "ko"
    return base.model_copy(update={
        "title": event.title.get(code), "subtitle": event.subtitle.get(code), "welcome": event.welcome.get(code),
        "question_placeholder": event.placeholder.get(code),
    })


def example_rows(event: EventInfo, lang: Lang) -> list[tuple[str, str, list[str]]]:
    """The example questions as the interface lays them out: ``(key, row title, questions)`` per audience, or
    one untitled row (key ``"all"``) when the event does not give examples per audience."""
    t = labels(lang)
    return [(audience or "all", t.audiences[audience] if audience else "", rows.get(lang))
            for audience, rows in event.example_rows()]


def lang_from_accept_language(header: str | None) -> Lang:
    """The interface language a browser prefers (``Accept-Language``): the best-weighted of ko/en, else Korean."""
    best: tuple[float, int, Lang] | None = None
    for position, part in enumerate((header or "").split(",")):
        tag, _, params = part.strip().partition(";")
        primary = tag.strip().lower().split("-")[0]
        if primary not in LABELS:
            continue
        weight = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        candidate = (weight, -position, primary)
        if weight > 0 and (best is None or candidate > best):
            best = candidate  # type: ignore[assignment]
    return best[2] if best else DEFAULT_LANG
