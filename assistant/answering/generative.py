"""Generative answers: a language model writes from numbered passages, then every sentence is checked."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import TYPE_CHECKING

from index.models import Chunk, Lang

from ..checking.citation_check import AnswerChecker
from ..config import Settings
from ..event import EventInfo
from ..models import Draft
from .extractive import ExtractiveAnswerer
from .llm import ChatBackend, LLMError, make_backend
from .prompts import build_messages, select_passages
from .refusal import is_refusal, refusal_message

if TYPE_CHECKING:
    from index.store import KnowledgeIndex

log = logging.getLogger(__name__)

UNAVAILABLE = {
    "en": "The language model server could not be reached, so this answer quotes the documents directly.",
    "ko": "언어 모델 서버에 연결할 수 없어 문서의 문장을 그대로 인용해 답합니다.",
}


class GenerativeAnswerer:
    """Writes answers with an LLM (``openai`` or ``llamacpp`` backend) and keeps only supported sentences.

    The model decides whether the passages answer: when it declines, or every sentence it wrote says the documents
    lack the answer, the answer is a refusal, unless the extractive answerer (``fallback``) found a sentence that
    passes its threshold, which is quoted instead. When the check removes every sentence, or the model cannot be
    reached, the answer comes from ``fallback`` (which may itself refuse).
    """

    def __init__(self, settings: Settings, index: KnowledgeIndex | None, fallback: ExtractiveAnswerer | None = None,
                 backend: ChatBackend | None = None, checker: AnswerChecker | None = None,
                 event: EventInfo | None = None):
        self.settings = settings
        self.event = event
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

        The model always sees the passages; those the extractive answerer would quote go first in the prompt.
        """
        extract = self.fallback.answer(question, language, passages) if self.fallback is not None else None
        given = select_passages(_dedupe([*(extract.passages if extract else []), *passages]))
        if not given:
            yield self._fallback(extract, language)
            return
        pieces: list[str] = []
        try:
            name = self.event.name.get(language) if self.event else ""
            for piece in self.backend.stream(build_messages(question, language, given, event_name=name)):
                pieces.append(piece)
                yield piece
        except LLMError as exc:
            log.warning("%s", exc)
            yield self._fallback(extract, language, error=UNAVAILABLE[language])
            return
        raw = "".join(pieces)
        if is_refusal(raw):
            yield self._declined(extract, language, raw=raw)
            return
        report = self.checker.check(raw, given, language, question)
        generated, removed = len(report.sentences), report.removed
        for s in report.sentences:
            if s.status != "kept":
                log.info("%s [%s -> %s]: %s %s", s.status, s.cited, s.citations, s.sentence, s.reason)
        if not report.text and report.declined:
            yield self._declined(extract, language, raw=raw, generated=generated, removed=removed)
            return
        # what survived the check must also be the kind of answer asked for (a price, not the attendance)
        if not report.text or (self.fallback is not None and not self.fallback.answers_kind(question, report.text)):
            yield self._fallback(extract, language, raw=raw, generated=generated, removed=removed)
            return
        yield Draft(text=report.text, passages=given, sentences_removed=removed, sentences_generated=generated,
                    draft=raw)

    def _declined(self, extract: Draft | None, language: Lang, **details) -> Draft:
        """The model found no answer in the passages: a refusal, unless the extractive answerer quotes one that
        passes its own threshold (a small model declines questions its passages answer; the quote is cited)."""
        if extract is not None and not extract.refused:
            return self._fallback(extract, language, **details)
        return self._refusal(language, **details)

    def _refusal(self, language: Lang, **details) -> Draft:
        covers = self.event.covered(language) if self.event else None
        return self._fallback(Draft(text=refusal_message(language, covers), passages=[], refused=True), language,
                              **details)

    def _fallback(self, extract: Draft | None, language: Lang, raw: str | None = None, generated: int = 0,
                  removed: int = 0, error: str | None = None) -> Draft:
        """The fallback answerer's draft (or a refusal), carrying what the model wrote and what was removed."""
        if extract is None:
            return self._refusal(language, raw=raw, generated=generated, removed=removed, error=error)
        return extract.model_copy(update={"draft": raw, "sentences_generated": generated,
                                          "sentences_removed": removed, "error": error})


def _dedupe(passages: list[Chunk]) -> list[Chunk]:
    """Passages in order of first appearance, each once."""
    first: dict[str, Chunk] = {}
    for chunk in passages:
        first.setdefault(chunk.chunk_id, chunk)
    return list(first.values())
