"""Reciprocal rank fusion of ranked chunk lists (e.g. dense + BM25)."""

from __future__ import annotations

from index.models import Chunk


def reciprocal_rank_fusion(rankings: list[list[Chunk]], k: int = 60, top: int | None = None) -> list[Chunk]:
    """Fuse rankings by ``sum(1 / (k + rank))`` per chunk id; ``Chunk.score`` becomes the fused score."""
    scores: dict[str, float] = {}
    first: dict[str, Chunk] = {}
    for ranking in rankings:
        for rank, chunk in enumerate(ranking, 1):
            scores[chunk.chunk_id] = scores.get(chunk.chunk_id, 0.0) + 1.0 / (k + rank)
            first.setdefault(chunk.chunk_id, chunk)
    order = sorted(scores, key=lambda cid: -scores[cid])[:top]
    return [first[cid].model_copy(update={"score": scores[cid]}) for cid in order]
