"""The assistant: question (+ the caller's history) → retrieval → answer → numbered citations."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from index.errors import IndexUnavailableError
from index.models import Chunk, Lang
from index.store import KnowledgeIndex

from .answering.answerer import make_answerer
from .answering.citations import renumber
from .answering.evidence import Evidence, glossary_words, shared_words, terms
from .answering.extractive import ExtractiveAnswerer, pieces_of
from .config import Settings
from .event import event_of_index
from .library import Library
from .models import Answer, Draft, Retrieved, Turn, Verdict
from .question.answer_type import asks_yes_or_no, detect_slot, fills_slot, says_absent, slot_hint
from .question.clean import MESSAGES, InvalidQuestion, validate_question
from .question.followup import question_parts, standalone_question
from .question.injection import strip_instructions
from .question.language import detect_language
from .retrieval import HybridRetriever
from .suggestions import Suggester

if TYPE_CHECKING:
    from .checking.audit import AuditReport
    from .checking.claim_check import ClaimChecker

PASSAGES_FOR_ANSWER = 12  # the answerer sees a few more passages than top_k so both translations can compete


def _configure_llama_index(index: KnowledgeIndex) -> None:
    """Never let llama-index fall back to its OpenAI defaults."""
    from llama_index.core import Settings as LlamaSettings
    from llama_index.core.llms import MockLLM

    LlamaSettings.llm = MockLLM()
    LlamaSettings.embed_model = index.embedder


# a question whether something exists ("is there an ATM?", "VIP 티켓 있어?"), not whether a stated fact holds
_ASKS_WHETHER_THERE_IS = re.compile(r"\b(?:is|are|was|were) there\b|있(?:어|나|나요|습니까|을까|니|는지|음)", re.IGNORECASE)


class Assistant:
    """Answers questions about the indexed documents; see ``ask``, ``ask_stream``, ``retrieve`` and ``check``;
    ``library`` lists, reads, adds and removes the documents."""

    def __init__(self, settings: Settings | None = None, index: KnowledgeIndex | None = None):
        self.settings = settings or Settings()
        self.index = index or KnowledgeIndex.open(self.settings)
        if self.settings.llm != "extractive":  # extractive answers never import llama-index (its embedding does)
            _configure_llama_index(self.index)
        self.retriever = HybridRetriever(self.index, self.settings)
        self.event = event_of_index(self.index)
        self.extractive = ExtractiveAnswerer(self.index, event=self.event,
                                             wider=lambda query, lang: self._passages(query, lang, across=True))
        self.answerer = make_answerer(self.settings, self.index, self.extractive, self.event)
        self._checker: ClaimChecker | None = None  # the fact check, made on first use (see ``checker``)
        self._checker_lock = threading.Lock()
        self.library = Library(self.index, self.settings, on_change=self.refresh)  # the documents, for front ends
        self.suggester = Suggester(self)
        self._as_of: dict | None = None  # each document's as-of date, for its citations
        self._version = self.index.version()  # the index version the caches above were made from
        threading.Thread(target=self._warm_up, name="assistant-warm-up", daemon=True).start()

    def _warm_up(self) -> None:
        """Load the analyser and term statistics in the background so the first question is quick."""
        self.extractive.scorer.stats()
        self.extractive.scorer.loanwords()
        self.retriever.translations()

    @property
    def checker(self) -> ClaimChecker:
        """The fact check, imported and made on first use: a process that only answers never loads it."""
        if self._checker is None:
            with self._checker_lock:
                if self._checker is None:
                    from .checking.claim_check import ClaimChecker

                    self._checker = ClaimChecker(self.retriever, self.extractive.scorer)
        return self._checker

    def _as_of_dates(self) -> dict:
        if self._as_of is None:
            self._as_of = {d.doc_id: d.as_of for d in self.index.documents()}
        return self._as_of

    def refresh(self) -> None:
        """Re-read document metadata, the event and term statistics after documents were added or removed."""
        self._version = self.index.version()
        self._as_of = None
        self.retriever.refresh()
        self.extractive.refresh()
        self.event = event_of_index(self.index)
        self.extractive.event = self.answerer.event = self.event

    def _follow_index(self) -> None:
        """Refresh when the index serves another version (a build here, or by another process or machine)."""
        if self.index.version() != self._version:
            self.refresh()

    # -- the steps ----------------------------------------------------------------------------

    def _prepare(
        self, question: str, history: Sequence[dict | Turn] | None, language: Lang | None
    ) -> tuple[str, Lang, str]:
        """Validated question, answer language, and the standalone query (history resolved, instructions removed).

        Raises ``InvalidQuestion`` with a message in the user's language."""
        cleaned, lang = validate_question(question, self.settings.max_question_chars, language)
        self._follow_index()
        standalone = standalone_question(cleaned, history, lang, self.settings.max_history_turns)
        scorer = self.extractive.scorer
        return cleaned, lang, scorer.korean_names(scorer.absolute_years(scorer.correct_spelling(standalone)), lang)

    def _passages(self, query: str, lang: Lang, across: bool = False):
        if not query:
            return []
        slot = detect_slot(query)
        fills = (
            None
            if slot == "any"  # a passage saying some value is absent is no filler, whatever words it lists
            else (lambda chunk: 0.0 if says_absent(chunk.text) else fills_slot(chunk.text, slot, query))
        )
        return self.retriever.retrieve(
            query, lang, k=max(self.settings.top_k, PASSAGES_FOR_ANSWER), hint=slot_hint(query), fills=fills,
            across=across, translated=self._translated(query, lang) if across else "",
        )

    def _translated(self, query: str, lang: Lang) -> str:
        """The event words and loanwords of ``query`` as the other language writes them ("커핑" → "cupping"), with
        the documents' Korean nouns beginning with each Korean one ("주차" → "주차 주차장")."""
        scorer = self.extractive.scorer
        stats, loanwords = scorer.stats(), scorer.loanwords_for(query, lang)
        pairs = loanwords.english if lang == "ko" else loanwords.korean
        # in one order in every process (the keyword search reads Korean words in their context)
        words = glossary_words(query, lang) + [w for t in sorted(terms(query)) for w in sorted(pairs.get(t, ()))]
        words += shared_words(query, lang)
        return " ".join(dict.fromkeys(w for word in words for w in (word, *(stats.compounds(word)
                                                                         if not word.isascii() else ()))))

    def _retrieved(self, query: str, lang: Lang) -> list[tuple[str, list[Chunk]]]:
        """Each question ``query`` asks, with its passages: the extractive answerer answers a message asking several
        part by part, each retrieved on its own (a generative backend reads the message whole)."""
        parts = question_parts(query, lang) if query and self.answerer is self.extractive else [query]
        return [(part, self._passages(part, lang)) for part in parts]

    def _draft(self, retrieved: list[tuple[str, list[Chunk]]], lang: Lang) -> Draft:
        """The answerer's draft for :meth:`_retrieved`'s questions and passages."""
        query, passages = retrieved[0]
        if not query:
            return self.extractive.refuse(lang)
        if len(retrieved) > 1:
            return self.extractive.answer_parts(retrieved, lang)
        return self.answerer.answer(query, lang, passages)

    def _denied(self, query: str, lang: Lang, draft: Draft) -> Draft:
        """A yes-or-no question the answer step could not answer, whose claim the documents contradict ("부산에서
        열린 거 맞나요?"): answered, by the fact check, with the sentences giving the documents' value, cited."""
        if not draft.refused or not query or not asks_yes_or_no(query):
            return draft
        scorer = self.extractive.scorer
        if _ASKS_WHETHER_THERE_IS.search(query) and (scorer.unknown_names(query) or scorer.unknown_years(query)):
            return draft  # "is there an ATM at the centre?": no document names what is asked about
        chunks = scorer.stats().by_id
        found = [Evidence(sentence=c.quote, passage=0, chunk=chunks[c.citations[0].chunk_id], vector=None)
                 for c in self.checker.check(query).claims
                 if c.label == "contradicted" and c.quote and c.citations and c.citations[0].chunk_id in chunks]
        return self.extractive.draft(list({e.sentence: e for e in found}.values()), lang) if found else draft

    def _answer(self, question: str, standalone: str, lang: Lang, draft: Draft, started: float) -> Answer:
        text, citations = renumber(draft.text, draft.passages)
        as_of = self._as_of_dates()
        citations = [c.model_copy(update={"as_of": as_of.get(c.doc_id)}) for c in citations]
        return Answer(
            question=question,
            standalone_question=standalone,
            text=text,
            language=lang,
            refused=draft.refused,
            notice=draft.error,
            citations=citations,
            sentences_removed=draft.sentences_removed,
            sentences_generated=draft.sentences_generated,
            draft=draft.draft,
            backend=self.answerer.name,
            seconds=time.perf_counter() - started,
        )

    @staticmethod
    def _error(question: str, error: InvalidQuestion, started: float) -> Answer:
        return Answer(
            question=question if isinstance(question, str) else "",
            text=error.message,
            language=error.language,
            error=error.message,
            seconds=time.perf_counter() - started,
        )

    @staticmethod
    def _unavailable(question: str, language: Lang | None) -> InvalidQuestion:
        """The store cannot be reached: a message for the user, in the question's language."""
        lang = language or (detect_language(question) if isinstance(question, str) else None) or "en"
        return InvalidQuestion(MESSAGES["unavailable"][lang], lang)

    # -- public API ---------------------------------------------------------------------------

    def ask(
        self, question: str, history: Sequence[dict | Turn] | None = None, language: Lang | None = None
    ) -> Answer:
        """Answer ``question`` in its language (or ``language``), from the documents only, with citations."""
        started = time.perf_counter()
        try:
            cleaned, lang, standalone = self._prepare(question, history, language)
            query = strip_instructions(standalone)
            retrieved = self._retrieved(query, lang)
        except InvalidQuestion as error:
            return self._error(question, error, started)
        except IndexUnavailableError:
            return self._error(question, self._unavailable(question, language), started)
        draft = self._draft(retrieved, lang)
        return self._answer(cleaned, standalone, lang, self._denied(query, lang, draft), started)

    def ask_stream(
        self, question: str, history: Sequence[dict | Turn] | None = None, language: Lang | None = None
    ) -> Iterator[str | Answer]:
        """Yield the growing draft text, then the final ``Answer``."""
        started = time.perf_counter()
        try:
            cleaned, lang, standalone = self._prepare(question, history, language)
            query = strip_instructions(standalone)
            retrieved = self._retrieved(query, lang)
        except InvalidQuestion as error:
            yield self._error(question, error, started)
            return
        except IndexUnavailableError:
            yield self._error(question, self._unavailable(question, language), started)
            return
        if not query or self.answerer is self.extractive:  # worked out at once: its sentences, one by one
            pieces = pieces_of(self._draft(retrieved, lang))
        else:
            pieces = self.answerer.stream(query, lang, retrieved[0][1])
        text = ""
        for piece in pieces:
            if isinstance(piece, Draft):
                yield self._answer(cleaned, standalone, lang, self._denied(query, lang, piece), started)
                return
            text += piece
            yield text

    def retrieve(
        self, question: str, history: Sequence[dict | Turn] | None = None, language: Lang | None = None
    ) -> Retrieved:
        """The passages retrieval finds for ``question`` (empty for an invalid question)."""
        try:
            _, lang, standalone = self._prepare(question, history, language)
        except InvalidQuestion as error:
            return Retrieved(
                question=question if isinstance(question, str) else "", language=error.language, chunks=[]
            )
        query = strip_instructions(standalone)
        return Retrieved(
            question=standalone, language=lang, chunks=self._passages(query, lang)[: self.settings.top_k]
        )

    def suggest(self, answer: Answer, history: Sequence[dict | Turn] | None = None,
                asked: Sequence[str] = ()) -> list[str]:
        """Follow-up questions to ``answer`` (``history`` ends with it) that this assistant answers from the
        documents, with citations, when asked next; ``asked`` questions are not offered again."""
        turns = [t if isinstance(t, Turn) else Turn(**t) for t in history or []]
        return self.suggester.suggest(answer, turns, asked)

    def check(self, statement: str) -> Verdict:
        """Check each claim of ``statement`` against the documents (an empty or overlong statement: a Verdict
        with ``error`` set, in the statement's language)."""
        text = statement if isinstance(statement, str) else ""
        try:
            cleaned, _ = validate_question(statement, self.settings.max_question_chars, kind="statement")
            self._follow_index()
            return self.checker.check(cleaned)
        except InvalidQuestion as error:
            return Verdict(statement=text[:200], label="not_found", language=error.language, error=error.message)
        except IndexUnavailableError:
            error = self._unavailable(text, None)
            return Verdict(statement=text[:200], label="not_found", language=error.language, error=error.message)

    def audit(self) -> AuditReport:
        """Where the documents disagree about the same thing (see :mod:`assistant.checking.audit`)."""
        from .checking.audit import audit

        return audit(self.checker)
