"""Hybrid retrieval: dense and Korean-aware BM25 lists fused by reciprocal rank, answer language first.

The fusion is the reciprocal-rank formula of llama-index's ``QueryFusionRetriever`` (``mode="reciprocal_rerank"``),
computed here directly: with one query it is the same ranking without the asyncio round trip per call.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from index.fusion import reciprocal_rank_fusion
from index.models import Chunk, Lang

from .config import Settings

if TYPE_CHECKING:
    from index.store import KnowledgeIndex

CROSS_LANGUAGE_DEPTH = 5  # passages of documents with no translation in the question's language, searched apart
OTHER_LANGUAGE_WEIGHT = 0.8  # a passage whose translation exists in the answer language counts a little less


def translation_pairs(index: KnowledgeIndex) -> dict[str, set[str]]:
    """doc_id → the doc_ids that translate it (both directions), read from the documents' front matter."""
    pairs: dict[str, set[str]] = {}
    for info in index.documents():
        other = index.document(info.doc_id).meta.translation_of
        if other:
            pairs.setdefault(info.doc_id, set()).add(other)
            pairs.setdefault(other, set()).add(info.doc_id)
    return pairs


class HybridRetriever:
    """Dense + BM25 over one ``KnowledgeIndex``, fused, language-aware, optionally cross-encoder reranked."""

    def __init__(self, index: KnowledgeIndex, settings: Settings, depth: int = 20):
        self.index = index
        self.settings = settings
        self.depth = depth
        self._reranker = None
        self._translations: dict[str, set[str]] | None = None
        self._langs: dict[str, Lang] = {}
        self._untranslated: dict[Lang, tuple[dict | None, list[str]]] = {}  # see ``untranslated``
        self._lock = threading.Lock()
        if settings.rerank_model:
            from sentence_transformers import CrossEncoder

            self._reranker = CrossEncoder(settings.rerank_model)

    def translations(self) -> dict[str, set[str]]:
        """doc_id → the doc_ids that translate it (cached)."""
        with self._lock:
            return self._read_translations()

    def _read_translations(self) -> dict[str, set[str]]:
        if self._translations is None:
            self._langs = {info.doc_id: info.lang for info in self.index.documents()}
            self._translations = translation_pairs(self.index)
        return self._translations

    def refresh(self) -> None:
        """Forget cached document metadata (after documents were added or removed)."""
        self._translations = None

    def untranslated(self, lang: Lang) -> list[str]:
        """The documents written in another language than ``lang`` with no translation in it (worked out once per
        reading of the documents' metadata)."""
        translations = self.translations()
        made_from, docs = self._untranslated.get(lang, (None, []))
        if made_from is not translations:
            docs = [doc for doc, written in self._langs.items()
                    if written != lang and not self.has_translation(doc, lang)]
            self._untranslated[lang] = (translations, docs)
        return docs

    def has_translation(self, doc_id: str, lang: Lang) -> bool:
        """Whether ``doc_id`` has a translation written in ``lang``."""
        return any(self._langs.get(other) == lang for other in self.translations().get(doc_id, ()))

    def retrieve(
        self,
        query: str,
        lang: Lang,
        k: int | None = None,
        hint: str = "",
        fills: Callable[[Chunk], float] | None = None,
        across: bool = False,
        translated: str = "",
    ) -> list[Chunk]:
        """The ``k`` best passages for ``query``, answer-language passages preferred over their translations.

        ``hint`` (words naming the kind of value asked for) is added to the keyword query only; ``fills`` (how well
        a passage holds a value of the asked-for kind) ranks the found passages a third time, fused with the others;
        ``across``: the passages of documents with no translation in ``lang`` are searched on their own too, so
        that they compete with the answer language's (an empty list when there are none), by meaning and by
        ``translated`` (the question's words as the other language writes them)."""
        k = k or self.settings.top_k
        untranslated = self.untranslated(lang) if across else []
        if across and not untranslated:
            return []
        lists = [
            self.index.dense_search(query, k=self.depth),
            self.index.bm25_search(f"{query} {hint}".strip(), k=self.depth),
        ]
        if untranslated:  # a question meets passages in its own language first: search the others on their own
            alone = set(untranslated)  # filtered by language in the store (one value, cheap at any size), then here
            other = [c for c in self.index.dense_search(query, k=self.depth, lang="en" if lang == "ko" else "ko")
                     if c.doc_id in alone]
            lists.append(other[:CROSS_LANGUAGE_DEPTH])
            if translated:
                lists.append(self.index.bm25_search(translated, k=CROSS_LANGUAGE_DEPTH, doc_ids=untranslated))
        if fills is not None:
            pool = reciprocal_rank_fusion(lists)
            strength = {c.chunk_id: fills(c) for c in pool}
            lists.append(sorted((c for c in pool if strength[c.chunk_id] > 0), key=lambda c: -strength[c.chunk_id]))
        fused = reciprocal_rank_fusion(lists)
        for i, chunk in enumerate(fused):
            if chunk.lang != lang and self.has_translation(chunk.doc_id, lang):
                fused[i] = chunk.model_copy(update={"score": chunk.score * OTHER_LANGUAGE_WEIGHT})
        fused.sort(key=lambda c: c.score, reverse=True)
        if self._reranker is not None and fused:
            head = fused[: max(k * 3, 10)]
            scores = self._reranker.predict([(query, c.text) for c in head])
            fused = [
                c.model_copy(update={"score": float(s)})
                for s, c in sorted(zip(scores, head), key=lambda p: p[0], reverse=True)
            ]
        return fused[:k]
