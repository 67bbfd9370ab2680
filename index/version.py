"""One complete store version in memory: manifest, chunks, documents, BM25, sentences, the event's configuration
files, and its Chroma collection."""

from __future__ import annotations

import numpy as np

from index.bm25 import BM25Index
from index.layout import Manifest
from index.models import Chunk, Document
from index.sentences import SentenceStore
from index.vectors import VectorCollection


class LoadedVersion:
    """What searches read; replaced as a whole (never mutated) when a new version is switched in."""

    def __init__(
        self,
        manifest: Manifest,
        chunks: list[Chunk],
        documents: list[Document],
        bm25: BM25Index,
        vectors: VectorCollection,
        sentences: SentenceStore,
        files: dict[str, str] | None = None,
    ) -> None:
        self.manifest = manifest
        self.chunks = chunks
        self.documents = {d.doc_id: d for d in documents}
        self.bm25 = bm25
        self.vectors = vectors
        self.sentences = sentences
        self.files = files or {}
        self.position = {c.chunk_id: i for i, c in enumerate(chunks)}
        self.by_document: dict[str, list[Chunk]] = {}  # each document's chunks, in document order
        for c in chunks:
            self.by_document.setdefault(c.doc_id, []).append(c)
        self._langs = np.array([c.lang for c in chunks], dtype=object)
        self._doc_ids = np.array([c.doc_id for c in chunks], dtype=object)

    def mask(self, lang: str | None, doc_ids: list[str] | None) -> np.ndarray | None:
        """Boolean row filter for BM25 (``None`` when nothing is filtered)."""
        if lang is None and doc_ids is None:
            return None
        keep = np.ones(len(self.chunks), dtype=bool)
        if lang is not None:
            keep &= self._langs == lang
        if doc_ids is not None:
            keep &= np.isin(self._doc_ids, list(doc_ids))
        return keep

    def scored(self, pairs: list[tuple[str, float]]) -> list[Chunk]:
        """Chunks for (chunk id, score) pairs, with the score set."""
        return [self.chunks[self.position[cid]].model_copy(update={"score": score}) for cid, score in pairs
                if cid in self.position]
