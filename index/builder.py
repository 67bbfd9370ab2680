"""Write a new store version from scanned documents, re-embedding only what changed."""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter, defaultdict
from collections.abc import Callable

import numpy as np

from index.embeddings import IndexEmbedding
from index.layout import Manifest, ManifestEntry, Pointer
from index.models import BuildReport, Chunk, Document
from index.sentences import SentenceStore
from index.sources import ScanResult
from index.splitter import SPLITTER_VERSION, search_text, split_document
from index.vectors import VectorCollection
from index.version import ChunkAnalysis, LoadedVersion
from index.versions import VersionCatalog, chunk_collection

Progress = Callable[[int, int, str], None]


class VersionBuilder:
    """Builds complete versions beside the current one; never touches the version being served."""

    def __init__(self, catalog: VersionCatalog, embedder: IndexEmbedding) -> None:
        self.catalog = catalog
        self.embedder = embedder

    def plan(self, scan: ScanResult, current: LoadedVersion | None, rebuild: bool) -> BuildReport:
        """Which documents are added, updated, removed or unchanged (nothing is written)."""
        report = BuildReport(skipped=list(scan.skipped))
        previous = current.manifest.documents if current else {}
        reusable = current is not None and not rebuild and current.manifest.splitter == SPLITTER_VERSION
        for doc in scan.documents:
            entry = previous.get(doc.doc_id)
            if entry is None:
                report.added.append(doc.doc_id)
            elif reusable and entry.content_hash == doc.content_hash:
                report.unchanged.append(doc.doc_id)
            else:
                report.updated.append(doc.doc_id)
        found = {d.doc_id for d in scan.documents}
        report.removed = [doc_id for doc_id in previous if doc_id not in found]
        return report

    def build(
        self,
        scan: ScanResult,
        current: LoadedVersion | None,
        report: BuildReport,
        files: dict[str, str],
        progress: Progress | None = None,
    ) -> LoadedVersion:
        """Write every record of a new version; return it (the pointer is not switched). A build that fails or
        is interrupted deletes what it wrote; one that is killed leaves records no pointer names, deleted by a
        later build."""
        started = time.perf_counter()
        version, meta = self.catalog.claim()
        try:
            fresh = self._write(version, meta, scan, current, report, files, progress)
        except BaseException:
            self.catalog.discard(version)
            raise
        report.chunks = len(fresh.chunks)
        report.seconds = round(time.perf_counter() - started, 3)
        return fresh

    def _write(self, version: int, meta, scan: ScanResult, current: LoadedVersion | None, report: BuildReport,
               files: dict[str, str], progress: Progress | None) -> LoadedVersion:
        unchanged = set(report.unchanged)
        previous: dict[str, list[Chunk]] = defaultdict(list)
        for c in current.chunks if current is not None else []:
            if c.doc_id in unchanged:
                previous[c.doc_id].append(c)
        chunks: list[Chunk] = []
        for doc in scan.documents:
            chunks.extend(previous[doc.doc_id] if doc.doc_id in unchanged else split_document(doc))
        name = chunk_collection(self.catalog.prefix, version)
        vectors = VectorCollection.create(self.catalog.client, name, self.embedder.model_name, self.embedder.dim)
        chunk_vectors = self._fill(vectors, chunks, unchanged, current, progress)
        sentences = SentenceStore.build(
            chunks,
            self.embedder.embed_passages,
            known=chunk_vectors,
            reuse=current.sentences if current is not None else None,
            reusable={c.chunk_id for c in chunks if c.doc_id in unchanged},
            batch=self.embedder.embed_batch_size,
            progress=(lambda done, total: progress(done, total, "sentences")) if progress else None,
        )
        reused = {c.chunk_id: current.analysis.get(current.position[c.chunk_id]) for c in chunks
                  if c.doc_id in unchanged} if current is not None else {}
        analysis = ChunkAnalysis.of(chunks, reused)
        counts = Counter(c.doc_id for c in chunks)
        now = dt.datetime.now(dt.UTC)
        manifest = Manifest(
            version=version,
            collection=name,
            embed_model=self.embedder.model_name,
            dimension=self.embedder.dim,
            splitter=SPLITTER_VERSION,
            built_at=now,
            documents={d.doc_id: _entry(d, counts[d.doc_id], _changed_at(d, current, now)) for d in scan.documents},
        )
        self.catalog.write(meta, manifest, chunks, analysis, scan.documents, sentences, files)
        return LoadedVersion(manifest, chunks, scan.documents, analysis, vectors, sentences, files)

    def _fill(
        self,
        vectors: VectorCollection,
        chunks: list[Chunk],
        unchanged: set[str],
        current: LoadedVersion | None,
        progress: Progress | None,
    ) -> dict[str, np.ndarray]:
        """Copy stored vectors of unchanged documents, embed the rest in batches, add both; return every chunk's
        vector keyed by its embedded text (a one-sentence chunk's sentence reuses it)."""
        copied = current.vectors.vectors([c.chunk_id for c in chunks if c.doc_id in unchanged]) if current else {}
        keep = [c for c in chunks if c.chunk_id in copied]
        known = {search_text(c): copied[c.chunk_id] for c in keep}
        if keep:
            vectors.add(keep, np.stack([copied[c.chunk_id] for c in keep]))
        todo = [c for c in chunks if c.chunk_id not in copied]
        step = self.embedder.embed_batch_size
        if progress:
            progress(0, len(todo), "embedding")
        for i in range(0, len(todo), step):
            batch = todo[i:i + step]
            texts = [search_text(c) for c in batch]
            embedded = self.embedder.embed_passages(texts)
            vectors.add(batch, embedded)
            known.update(zip(texts, embedded))
            if progress:
                progress(min(i + step, len(todo)), len(todo), "embedding")
        return known


def _entry(doc: Document, chunks: int, changed_at: dt.datetime) -> ManifestEntry:
    return ManifestEntry(meta=doc.meta, content_hash=doc.content_hash, path=doc.path, chunks=chunks,
                         changed_at=changed_at)


def _changed_at(doc: Document, current: LoadedVersion | None, now: dt.datetime) -> dt.datetime:
    """When ``doc``'s content last changed: kept from the current version while its hash is the same (a rebuild
    too), else ``now``."""
    old = current.manifest.documents.get(doc.doc_id) if current is not None else None
    if old is None or old.content_hash != doc.content_hash:
        return now
    return old.changed_at or current.manifest.built_at  # type: ignore[union-attr]


def pointer_for(version: LoadedVersion) -> Pointer:
    m = version.manifest
    return Pointer(version=m.version, collection=m.collection, embed_model=m.embed_model,
                   dimension=m.dimension, built_at=m.built_at)
