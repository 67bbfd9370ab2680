"""Sentence-level evidence units: every chunk's sentences with a passage embedding each, made at build time.

The answer step scores sentences, not whole chunks; their vectors are computed once per version (reused for
unchanged documents, like chunk vectors) and kept in memory as a float16 matrix beside the chunk list (and in the store, see :mod:`index.versions`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from itertools import groupby
from operator import attrgetter

import numpy as np
from pydantic import BaseModel

from index.models import Chunk
from index.splitter import with_heading
from index.text import split_sentences


class Sentence(BaseModel):
    """One sentence of a chunk: ``chunk.text[start:end]``; ``row`` is its row in the version's matrix."""

    chunk_id: str
    start: int
    end: int
    text: str
    row: int


def sentence_spans(chunk: Chunk) -> list[tuple[int, int]]:
    """The sentences of a chunk's text, as spans (headings and list markers stay inside their sentence)."""
    return split_sentences(chunk.text, chunk.lang) or [(0, len(chunk.text))]


def sentence_text_for_embedding(chunk: Chunk, sentence: str) -> str:
    """What is embedded for a sentence: the chunk's nearest heading (what a short sentence is about), then it."""
    return with_heading(chunk.heading, sentence)


class SentenceStore:
    """The sentences of one version, grouped by chunk, with a unit-normalised vector per sentence."""

    def __init__(self, sentences: list[Sentence], vectors: np.ndarray) -> None:
        self.sentences = sentences
        self.vectors = vectors.astype(np.float16, copy=False)
        # a chunk's sentences are consecutive
        self.by_chunk = {cid: list(group) for cid, group in groupby(sentences, key=attrgetter("chunk_id"))}

    @classmethod
    def build(
        cls,
        chunks: list[Chunk],
        embed: Callable[[list[str]], np.ndarray],
        reuse: SentenceStore | None = None,
        reusable: Collection[str] = (),
        known: dict[str, np.ndarray] | None = None,
        batch: int = 64,
        progress: Callable[[int, int], None] | None = None,
    ) -> SentenceStore:
        """Split and embed every chunk's sentences; sentences of the chunks of the documents in ``reusable``
        (unchanged documents' ids) take their vectors from ``reuse``, and a sentence whose embedded text is in ``known`` (a
        one-sentence chunk: the same text as the chunk) takes that vector: neither is embedded again."""
        known = known or {}
        sentences: list[Sentence] = []
        taken: list[int] = []  # rows of ``reuse``, one per reused sentence (already unit-normalised)
        at: list[int] = []  # where each reused row goes
        fresh: list[np.ndarray | None] = []  # a vector per new sentence (None: embedded below)
        fresh_at: list[int] = []
        todo: dict[str, list[int]] = {}  # embedded text -> its places in ``fresh``: a repeated one is embedded once
        for chunk in chunks:
            old = reuse.by_chunk.get(chunk.chunk_id) if reuse is not None and chunk.doc_id in reusable else None
            if old:
                first = len(sentences)
                taken.extend(s.row for s in old)
                at.extend(range(first, first + len(old)))
                if old[0].row == first:  # the same objects while their rows are unchanged (never mutated)
                    sentences.extend(old)
                else:
                    sentences.extend(s.model_copy(update={"row": first + i}) for i, s in enumerate(old))
                continue
            for start, end in sentence_spans(chunk):
                text = chunk.text[start:end]
                embedded = sentence_text_for_embedding(chunk, text)
                if embedded not in known:
                    todo.setdefault(embedded, []).append(len(fresh))
                fresh.append(known.get(embedded))
                fresh_at.append(len(sentences))
                sentences.append(Sentence(chunk_id=chunk.chunk_id, start=start, end=end, text=text, row=len(sentences)))
        pending = list(todo.items())
        for i in range(0, len(pending), batch):
            part = pending[i:i + batch]
            vectors = embed([text for text, _ in part])
            for (_, places), vector in zip(part, vectors):
                for place in places:
                    fresh[place] = vector
            if progress:
                progress(min(i + batch, len(todo)), len(todo))
        dim = reuse.vectors.shape[1] if taken else len(fresh[0]) if fresh else 0
        matrix = np.empty((len(sentences), dim), np.float16)  # every row is reused or new
        if taken:
            _copy_runs(matrix, np.asarray(at), reuse.vectors, np.asarray(taken))
        if fresh:
            new = np.stack(fresh).astype(np.float32)
            matrix[fresh_at] = new / np.maximum(np.linalg.norm(new, axis=1, keepdims=True), 1e-12)
        return cls(sentences, matrix)

    def for_chunk(self, chunk_id: str) -> list[Sentence]:
        return self.by_chunk.get(chunk_id, [])


def _copy_runs(target: np.ndarray, at: np.ndarray, source: np.ndarray, rows: np.ndarray) -> None:
    """``target[at] = source[rows]``, a run of consecutive rows at a time: adding a document leaves nearly every
    sentence where it was, so this is a few block copies instead of a gather and a scatter of the whole matrix."""
    breaks = np.flatnonzero((np.diff(at) != 1) | (np.diff(rows) != 1)) + 1
    for a, b in zip([0, *breaks], [*breaks, len(at)]):
        target[at[a]:at[a] + b - a] = source[rows[a]:rows[a] + b - a]
