"""The evaluation harness: the eval set through the assistant and through a plain llama-index baseline.

Metrics (overall and per language): retrieval hit@1 / hit@5 / MRR, answer accuracy, citation support,
refusal precision / recall, false refusals, language match, latency p50 / p95; for generative backends
also sentences generated / removed and accuracy before / after the check.
"""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from pydantic import BaseModel

from index.models import Chunk, Lang
from index.text import split_sentences

from ..answering.citations import MARKER, citation_for
from ..models import Answer, Turn
from ..question.language import detect_language
from .evalset import DEFAULT_EVAL_PATH, EvalItem, load_eval_set

if TYPE_CHECKING:
    from index.store import KnowledgeIndex

    from ..engine import Assistant

_QUOTED = re.compile(r"“.*”|\"[^\"]*\"|\([^)]*\)")  # a quote may hold quotes: from the first opening to the last closing mark


class ItemResult(BaseModel):
    """How one eval item fared."""

    id: str
    lang: Lang
    tags: list[str]
    answerable: bool
    answer: str
    refused: bool
    correct: bool
    supported: bool | None = (
        None  # answered items only: cited passages hold the answer's facts, every sentence cited
    )
    language_ok: bool
    rank: int | None = None  # 1-based rank of the first expected document among retrieved passages
    seconds: float
    sentences_generated: int = 0
    sentences_removed: int = 0
    correct_before_check: bool | None = None


class Metrics(BaseModel):
    """Aggregates over a set of item results."""

    n: int
    hit_at_1: float
    hit_at_5: float
    mrr: float
    answer_accuracy: float
    citation_support: float
    refusal_precision: float
    refusal_recall: float
    false_refusal_rate: float
    language_match: float
    p50_ms: float
    p95_ms: float
    sentences_generated: int = 0
    sentences_removed: int = 0
    accuracy_before_check: float | None = None


class EvalReport(BaseModel):
    """One system's results on the eval set."""

    system: str
    overall: Metrics
    by_language: dict[str, Metrics]
    items: list[ItemResult]


def _ratio(hits: int, total: int, empty: float = 1.0) -> float:
    return hits / total if total else empty


def _percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else 0.0


def answer_language_ok(answer: Answer, lang: Lang) -> bool:
    """The answer is tagged ``lang`` and written in it: English words and no Korean sentence ending for English;
    a Korean sentence ending (or mostly Korean words) for Korean (quotes, parentheses and links aside)."""
    own = MARKER.sub(" ", _QUOTED.sub(" ", re.sub(r"https?://\S+|\S+@\S+", " ", answer.text)))
    english = len(re.findall(r"(?<![\w'])[a-z][a-z']+\b", own))
    korean = len(re.findall(r"[가-힣]{2,}", own))
    korean_grammar = bool(re.search(r"[가-힣](?:다|요|죠|까)(?=[^가-힣]|$)", own))
    written_in = (
        (english >= 1 and not korean_grammar)
        if lang == "en"
        else (korean_grammar or korean >= max(1, english))
    )
    return answer.language == lang and written_in


def citations_support(answer: Answer, item: EvalItem) -> bool:
    """Every sentence carries a citation and every required fact the answer states is in a cited passage (or the
    heading it stands under, which the citation shows)."""
    if not answer.citations:
        return False
    sentences: list[str] = []
    for start, end in split_sentences(answer.text, answer.language):
        sentence = answer.text[start:end]
        if sentences and re.fullmatch(r"(?:\s*\[\d+\])+[.]?", sentence):
            sentences[-1] += sentence  # a marker the splitter cut off belongs to the sentence before it
        else:
            sentences.append(sentence)
    if any(not MARKER.search(s) for s in sentences):
        return False
    cited = " ".join(f"{c.section} {c.text}" for c in answer.citations).casefold()
    for fact in item.facts:
        present = [alt.strip() for alt in fact.split("|") if alt.strip().casefold() in answer.text.casefold()]
        if present and not any(alt.casefold() in cited for alt in present):
            return False
    return True


def _is_correct(text: str, refused: bool, item: EvalItem) -> bool:
    if item.forbidden_found(text):
        return False
    if not item.answerable:
        return refused
    return not refused and not item.missing_facts(text)


def _rank(chunks: list[Chunk], docs: list[str]) -> int | None:
    for i, chunk in enumerate(chunks, start=1):
        if chunk.doc_id in docs:
            return i
    return None


def score_item(item: EvalItem, answer: Answer, retrieved: list[Chunk]) -> ItemResult:
    """Judge one answer against its eval item."""
    generated = answer.sentences_generated or (
        len(split_sentences(answer.draft, answer.language)) if answer.draft else 0
    )
    return ItemResult(
        id=item.id,
        lang=item.lang,
        tags=list(item.tags),
        answerable=item.answerable,
        answer=answer.text,
        refused=answer.refused,
        correct=_is_correct(answer.text, answer.refused, item),
        supported=citations_support(answer, item) if item.answerable and not answer.refused else None,
        language_ok=answer_language_ok(answer, item.lang),
        rank=_rank(retrieved, item.docs) if item.answerable else None,
        seconds=answer.seconds,
        sentences_generated=generated,
        sentences_removed=answer.sentences_removed,
        correct_before_check=_is_correct(answer.draft, answer.refused, item) if answer.draft else None,
    )


def aggregate(results: Sequence[ItemResult]) -> Metrics:
    """Metrics over ``results``."""
    answerable = [r for r in results if r.answerable]
    unanswerable = [r for r in results if not r.answerable]
    refused = [r for r in results if r.refused]
    supported = [r for r in answerable if r.supported is not None]
    ms = [r.seconds * 1000 for r in results]
    before = [r for r in results if r.correct_before_check is not None]
    return Metrics(
        n=len(results),
        hit_at_1=_ratio(sum(r.rank == 1 for r in answerable), len(answerable)),
        hit_at_5=_ratio(sum(r.rank is not None and r.rank <= 5 for r in answerable), len(answerable)),
        mrr=_ratio(sum(1 / r.rank for r in answerable if r.rank), len(answerable)),
        answer_accuracy=_ratio(sum(r.correct for r in results), len(results)),
        citation_support=_ratio(sum(bool(r.supported) for r in supported), len(supported)),
        refusal_precision=_ratio(sum(not r.answerable for r in refused), len(refused)),
        refusal_recall=_ratio(sum(r.refused for r in unanswerable), len(unanswerable)),
        false_refusal_rate=_ratio(sum(r.refused for r in answerable), len(answerable), empty=0.0),
        language_match=_ratio(sum(r.language_ok for r in results), len(results)),
        p50_ms=statistics.median(ms) if ms else 0.0,
        p95_ms=_percentile(ms, 95),
        sentences_generated=sum(r.sentences_generated for r in results),
        sentences_removed=sum(r.sentences_removed for r in results),
        accuracy_before_check=_ratio(sum(bool(r.correct_before_check) for r in before), len(before))
        if before
        else None,
    )


def report(system: str, results: list[ItemResult]) -> EvalReport:
    """Overall and per-language metrics."""
    langs = sorted({r.lang for r in results})
    return EvalReport(
        system=system,
        overall=aggregate(results),
        by_language={lang: aggregate([r for r in results if r.lang == lang]) for lang in langs},
        items=results,
    )


AskFn = Callable[[str, list[Turn]], Answer]
RetrieveFn = Callable[[str, list[Turn]], list[Chunk]]


def run(
    system: str,
    ask: AskFn,
    retrieve: RetrieveFn,
    items: list[EvalItem],
    progress: Callable[[int, int, str], None] | None = None,
) -> EvalReport:
    """Ask every item (with its history) and score the answers."""
    results = []
    for i, item in enumerate(items, start=1):
        answer = ask(item.question, item.history)
        results.append(score_item(item, answer, retrieve(item.question, item.history)))
        if progress:
            progress(i, len(items), item.id)
    return report(system, results)


class VectorBaseline:
    """A plain llama-index pipeline over the same chunks and embedder: the best sentence of the top hit, no refusals."""

    name = "baseline (llama-index VectorStoreIndex, top sentence of top hit)"

    def __init__(self, index: KnowledgeIndex, top_k: int = 5):
        from llama_index.core import VectorStoreIndex
        from llama_index.core.schema import TextNode

        self.index = index
        self.chunks = {c.chunk_id: c for c in index.chunks()}
        vectors = index.embed_passages([c.text for c in self.chunks.values()])
        nodes = [
            TextNode(id_=c.chunk_id, text=c.text, embedding=v.tolist())
            for c, v in zip(self.chunks.values(), vectors)
        ]
        self.retriever = VectorStoreIndex(nodes, embed_model=index.embedder).as_retriever(
            similarity_top_k=top_k
        )

    def retrieve(self, question: str, history: list[Turn] | None = None) -> list[Chunk]:
        hits = self.retriever.retrieve(question)
        return [self.chunks[h.node.node_id].model_copy(update={"score": h.score or 0.0}) for h in hits]

    def ask(self, question: str, history: list[Turn] | None = None) -> Answer:
        started = time.perf_counter()
        lang: Lang = detect_language(question) or "en"
        hits = self.retrieve(question)
        if not hits:
            return Answer(question=question, text="", language=lang, seconds=time.perf_counter() - started)
        top = hits[0]
        sentences = [top.text[s:e] for s, e in split_sentences(top.text, top.lang)] or [top.text]
        vectors = self.index.embed_queries([question, *sentences])
        best = sentences[int(np.argmax(vectors[1:] @ vectors[0]))]
        return Answer(
            question=question,
            text=f"{best} [1]",
            language=lang,
            citations=[citation_for(top, 1)],
            backend="baseline",
            seconds=time.perf_counter() - started,
        )


def evaluate(
    bot: Assistant,
    path: str | Path = DEFAULT_EVAL_PATH,
    limit: int | None = None,
    baseline: bool = True,
    progress: Callable[[int, int, str], None] | None = None,
) -> list[EvalReport]:
    """The assistant's report, then (unless ``baseline=False``) the baseline's on the same items."""
    items = load_eval_set(path)[:limit] if limit else load_eval_set(path)
    reports = [
        run(
            f"assistant ({bot.answerer.name})",
            lambda q, h: bot.ask(q, history=h),
            lambda q, h: bot.retrieve(q, history=h).chunks,
            items,
            progress,
        )
    ]
    if baseline:
        plain = VectorBaseline(bot.index)
        reports.append(run(plain.name, plain.ask, plain.retrieve, items, progress))
    return reports


METRIC_ROWS = [
    ("retrieval hit@1", "hit_at_1", "{:.2f}"),
    ("retrieval hit@5", "hit_at_5", "{:.2f}"),
    ("retrieval MRR", "mrr", "{:.2f}"),
    ("answer accuracy", "answer_accuracy", "{:.2f}"),
    ("citation support", "citation_support", "{:.2f}"),
    ("refusal precision", "refusal_precision", "{:.2f}"),
    ("refusal recall", "refusal_recall", "{:.2f}"),
    ("false refusal rate", "false_refusal_rate", "{:.2f}"),
    ("language match", "language_match", "{:.2f}"),
    ("latency p50 (ms)", "p50_ms", "{:.0f}"),
    ("latency p95 (ms)", "p95_ms", "{:.0f}"),
    ("questions", "n", "{}"),
]
GENERATIVE_ROWS = [
    ("sentences generated", "sentences_generated", "{}"),
    ("sentences removed", "sentences_removed", "{}"),
    ("accuracy before check", "accuracy_before_check", "{:.2f}"),
    ("accuracy after check", "answer_accuracy", "{:.2f}"),
]


def table(rep: EvalReport):
    """A rich table of one report (overall and per language)."""
    from rich.table import Table

    langs = list(rep.by_language)
    out = Table(title=rep.system)
    out.add_column("metric")
    for column in ["overall", *langs]:
        out.add_column(column, justify="right")
    rows = METRIC_ROWS + (GENERATIVE_ROWS if rep.overall.accuracy_before_check is not None else [])
    for label, field, fmt in rows:
        values = [getattr(m, field) for m in [rep.overall, *(rep.by_language[lang] for lang in langs)]]
        out.add_row(label, *("–" if v is None else fmt.format(v) for v in values))
    return out


def failures(rep: EvalReport) -> list[ItemResult]:
    """Items answered wrongly, unsupported, or in the wrong language."""
    return [r for r in rep.items if not r.correct or r.supported is False or not r.language_ok]
