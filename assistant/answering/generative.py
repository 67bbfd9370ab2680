"""Generative answers: a language model writes from numbered passages, then every sentence is checked."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import TYPE_CHECKING

from assistant.answerer import Answerer
from assistant.config import Settings
from assistant.llm import ChatBackend, LLMError, make_backend
from assistant.models import Draft
from assistant.prompts import build_messages, is_refusal, select_passages
from assistant.refusal import refusal_message
from assistant.verify import AnswerChecker
from index.models import Chunk, Lang

if TYPE_CHECKING:
    from index.store import KnowledgeIndex

log = logging.getLogger(__name__)

UNAVAILABLE = {
    "en": "The language model server could not be reached, so this answer quotes the documents directly.",
    "ko": "언어 모델 서버에 연결할 수 없어 문서의 문장을 그대로 인용해 답합니다.",
}


class GenerativeAnswerer:
    """Writes answers with an LLM (``openai`` or ``llamacpp`` backend) and keeps only supported sentences.

    When nothing survives the check, the model declines, or the model cannot be reached, the answer
    comes from ``fallback`` (the extractive answerer) or is an honest refusal.
    """

    def __init__(self, settings: Settings, index: KnowledgeIndex | None, fallback: Answerer | None = None,
                 backend: ChatBackend | None = None, checker: AnswerChecker | None = None):
        self.settings = settings
        self.backend = backend or make_backend(settings)
        self.name = self.backend.name
        self.fallback = fallback
        if checker is None:
            if index is None:
                raise ValueError("an index (for its embedder) or a checker is needed")
            checker = AnswerChecker(index.embed_queries)
        self.checker = checker

    def answer(self, question: str, language: Lang, passages: list[Chunk]) -> Draft:
        """The checked answer (the last item of :meth:`stream`)."""
        draft = None
        for item in self.stream(question, language, passages):
            if isinstance(item, Draft):
                draft = item
        assert draft is not None
        return draft

    def stream(self, question: str, language: Lang, passages: list[Chunk]) -> Iterator[str | Draft]:
        """Yield the model's text pieces as they arrive, then the checked :class:`Draft`.

        The fallback answerer decides answerability first: when it refuses, so does this answerer, without
        calling the model. The passages it would quote go first in the prompt.
        """
        extract = self.fallback.answer(question, language, passages) if self.fallback is not None else None
        if extract is not None and extract.refused:
            yield extract
            return
        given = select_passages(_dedupe([*(extract.passages if extract else []), *passages]))
        if not given:
            yield self._fallback(extract, language)
            return
        pieces: list[str] = []
        try:
            for piece in self.backend.stream(build_messages(question, language, given)):
                pieces.append(piece)
                yield piece
        except LLMError as exc:
            log.warning("%s", exc)
            yield self._fallback(extract, language, error=UNAVAILABLE[language])
            return
        raw = "".join(pieces)
        if is_refusal(raw, language):
            yield self._fallback(extract, language, raw=raw)
            return
        report = self.checker.check(raw, given, language)
        generated, removed = len(report.sentences), report.removed
        for s in report.sentences:
            if s.status != "kept":
                log.info("%s [%s -> %s]: %s %s", s.status, s.cited, s.citations, s.sentence, s.reason)
        if not report.text:
            yield self._fallback(extract, language, raw=raw, generated=generated, removed=removed)
            return
        yield Draft(text=report.text, passages=given, sentences_removed=removed, sentences_generated=generated,
                    draft=raw)

    @staticmethod
    def _fallback(extract: Draft | None, language: Lang, raw: str | None = None, generated: int = 0,
                  removed: int = 0, error: str | None = None) -> Draft:
        """The fallback answerer's draft (or a refusal), carrying what the model wrote and what was removed."""
        draft = extract or Draft(text=refusal_message(language), passages=[], refused=True)
        return draft.model_copy(update={"draft": raw, "sentences_generated": generated,
                                        "sentences_removed": removed, "error": error})


def _dedupe(passages: list[Chunk]) -> list[Chunk]:
    """Passages in order of first appearance, each once."""
    first: dict[str, Chunk] = {}
    for chunk in passages:
        first.setdefault(chunk.chunk_id, chunk)
    return list(first.values())
