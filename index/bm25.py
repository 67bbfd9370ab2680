"""Korean-aware BM25 over chunk texts (Kiwi morphemes + lower-cased English words), via bm25s."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from index.text import bm25_tokens


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


def bm25_terms(text: str) -> list[str]:
    """Index terms: :func:`bm25_tokens` with English words Snowball-stemmed ("attended" = "attendance")."""
    tokens = bm25_tokens(text)
    stems = _stemmer().stemWords(tokens)
    return [stem if token.isascii() and token.isalpha() else token for token, stem in zip(tokens, stems)]


class BM25Index:
    """A bm25s index whose rows are chunk positions; empty when there are no chunks."""

    def __init__(self, retriever=None, size: int = 0) -> None:
        self._retriever = retriever
        self.size = size

    @classmethod
    def build(cls, texts: list[str]) -> BM25Index:
        return cls.from_terms([bm25_terms(t) for t in texts])

    @classmethod
    def from_terms(cls, corpus: list[list[str]]) -> BM25Index:
        """An index over documents already split into :func:`bm25_terms` (as a store version keeps them)."""
        import bm25s

        if not corpus:
            return cls()
        retriever = bm25s.BM25()
        retriever.index([terms or [""] for terms in corpus], show_progress=False)
        return cls(retriever, len(corpus))

    def search(self, query: str, k: int, mask: np.ndarray | None = None) -> list[tuple[int, float]]:
        """Top ``k`` (row, score) pairs with a positive score; ``mask`` (bool per row) filters rows."""
        tokens = bm25_terms(query)
        if self._retriever is None or not tokens:
            return []
        scores = np.asarray(self._retriever.get_scores(tokens), dtype=np.float32)
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        order = np.argsort(-scores, kind="stable")[:k]
        return [(int(i), float(scores[i])) for i in order if scores[i] > 0]
