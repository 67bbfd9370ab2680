"""One complete store version in memory: manifest, chunks, documents, BM25, sentences, the event's configuration
files, and its Chroma collection."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from index.bm25 import BM25Index, bm25_terms
from index.layout import Manifest
from index.models import Chunk, Document
from index.sentences import SentenceStore
from index.splitter import analysed_text, search_text
from index.text import bm25_tokens
from index.vectors import LayeredVectors


@contextlib.contextmanager
def long_lived() -> Iterator[None]:
    """Make a version (millions of small objects at 10k chunks: chunks, terms, morphemes, sentences) without the
    cyclic garbage collector walking them again and again meanwhile, then move every object alive into its
    permanent generation (``gc.freeze``), where later collections skip them. A version holds no reference cycles,
    so a replaced one is still freed by reference counting."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


@dataclass(frozen=True)
class ChunkAnalysis:
    """What Kiwi made of each chunk at build time, in chunk order: its BM25 terms (of its search text) and the
    morphemes of its analysed text (see :func:`index.splitter.analysed_text`)."""

    terms: list[list[str]]
    tokens: list[list[str]]
    stored: bool = True  # False: a version built before morphemes were stored; they were worked out on loading

    @classmethod
    def of(cls, chunks: list[Chunk], known: ChunkAnalysis | None = None, at: dict[str, int] | None = None,
           unchanged: Collection[str] = ()) -> ChunkAnalysis:
        """Analyse ``chunks``; a chunk of a document in ``unchanged`` takes its analysis from ``known`` (the
        current version's, whose chunk positions ``at`` gives)."""
        terms: list[list[str]] = []
        tokens: list[list[str]] = []
        for c in chunks:
            if known is not None and at is not None and c.doc_id in unchanged:
                i = at[c.chunk_id]
                terms.append(known.terms[i])
                tokens.append(known.tokens[i])
            else:
                terms.append(bm25_terms(search_text(c)))
                tokens.append(bm25_tokens(analysed_text(c)))
        return cls(terms, tokens)


class LoadedVersion:
    """What searches read; replaced as a whole (never mutated) when a new version is switched in."""

    def __init__(
        self,
        manifest: Manifest,
        chunks: list[Chunk],
        documents: list[Document],
        analysis: ChunkAnalysis,
        vectors: LayeredVectors,
        sentences: SentenceStore,
        files: dict[str, str] | None = None,
        bm25: BM25Index | None = None,
    ) -> None:
        if bm25 is not None:
            self.__dict__["bm25"] = bm25  # made before (see index.cache); else built at the first search
        self.manifest = manifest
        self.chunks = chunks
        self.documents = {d.doc_id: d for d in documents}
        self.analysis = analysis
        self.vectors = vectors
        self.sentences = sentences
        self.files = files or {}
        self.position = {c.chunk_id: i for i, c in enumerate(chunks)}
        self.by_document: dict[str, list[Chunk]] = {}  # each document's chunks, in document order
        for c in chunks:
            self.by_document.setdefault(c.doc_id, []).append(c)
        self._langs = np.array([c.lang for c in chunks], dtype=object)
        self._doc_code = {doc_id: n for n, doc_id in enumerate(self.by_document)}  # as integers: fast to filter
        self._doc_codes = np.array([self._doc_code[c.doc_id] for c in chunks], dtype=np.int32)

    @cached_property
    def bm25(self) -> BM25Index:
        """BM25 over the stored terms, built at the first search (a builder that never searches skips it)."""
        return BM25Index.from_terms(self.analysis.terms)

    def tokens(self) -> dict[str, list[str]]:
        """Each chunk's stored morphemes of its analysed text, by chunk id."""
        return {c.chunk_id: t for c, t in zip(self.chunks, self.analysis.tokens)}

    def mask(self, lang: str | None, doc_ids: list[str] | None) -> np.ndarray | None:
        """Boolean row filter for BM25 (``None`` when nothing is filtered)."""
        if lang is None and doc_ids is None:
            return None
        keep = np.ones(len(self.chunks), dtype=bool)
        if lang is not None:
            keep &= self._langs == lang
        if doc_ids is not None:
            keep &= np.isin(self._doc_codes, [self._doc_code[d] for d in doc_ids if d in self._doc_code])
        return keep

    def scored(self, pairs: list[tuple[str, float]]) -> list[Chunk]:
        """Chunks for (chunk id, score) pairs, with the score set."""
        return [self.chunks[self.position[cid]].model_copy(update={"score": score}) for cid, score in pairs
                if cid in self.position]
