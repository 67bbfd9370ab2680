"""Write a new store version from scanned documents, re-embedding only what changed, and storing only what
changed when the version can be layered on the last whole one (see :mod:`index.versions`)."""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from index.layout import Manifest, ManifestEntry, Pointer
from index.loaders import LOADER_VERSION
from index.models import BuildReport, Chunk, Document
from index.sentences import SentenceStore
from index.sources import KnownFile, ScanResult
from index.splitter import SPLITTER_VERSION, search_text, split_document
from index.text import ANALYSER_VERSION
from index.vectors import LayeredVectors, VectorCollection
from index.version import ChunkAnalysis, LoadedVersion
from index.versions import VersionCatalog, chunk_collection

if TYPE_CHECKING:
    from index.llama_embedding import IndexEmbedding

Progress = Callable[[int, int, str], None]


class VersionBuilder:
    """Builds complete versions beside the current one; never touches the version being served."""

    def __init__(self, catalog: VersionCatalog, embedder: IndexEmbedding, layer_max_share: float = 0.0) -> None:
        self.catalog = catalog
        self.embedder = embedder
        self.layer_max_share = layer_max_share

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
        unchanged = set(report.unchanged)
        by_doc: dict[str, list[Chunk]] = defaultdict(list)
        for c in current.chunks if current is not None else []:
            if c.doc_id in unchanged:
                by_doc[c.doc_id].append(c)
        chunks: list[Chunk] = []
        for doc in scan.documents:
            chunks.extend(by_doc[doc.doc_id] if doc.doc_id in unchanged else split_document(doc))
        base, taken = self._layering(current, unchanged, len(chunks))
        version, meta = self.catalog.claim(base)
        try:
            if base is not None and not self.catalog.serves_on(base):
                # another build was switched in meanwhile: the base may be on its way out, so store everything
                self.catalog.discard(version)
                base, taken = None, set()
                version, meta = self.catalog.claim()
            fresh = self._write(version, meta, scan, current, chunks, unchanged, base, taken, files, progress)
        except BaseException:
            self.catalog.discard(version)
            raise
        report.chunks = len(fresh.chunks)
        report.seconds = round(time.perf_counter() - started, 3)
        return fresh

    def _layering(self, current: LoadedVersion | None, unchanged: set[str], chunks: int) -> tuple[int | None, set[str]]:
        """The whole version a new one can be layered on, and the unchanged documents it takes from there; no
        base when there is nothing to share or what the new version would store and hide passes the share."""
        if current is None or not current.analysis.stored or not unchanged or self.layer_max_share <= 0:
            return None, set()
        m = current.manifest
        base = m.base if m.base is not None else m.version
        taken = set(unchanged) if m.base is None else {d for d in unchanged if m.documents[d].stored_in == base}
        kept = sum(m.documents[doc_id].chunks for doc_id in taken)
        base_chunks = current.vectors.base_count if m.base is not None else len(current.chunks)
        stored, hidden = chunks - kept, base_chunks - kept
        if not base_chunks or stored + hidden > self.layer_max_share * base_chunks:
            return None, set()
        return base, taken

    def _write(self, version: int, meta, scan: ScanResult, current: LoadedVersion | None, chunks: list[Chunk],
               unchanged: set[str], base: int | None, taken: set[str], files: dict[str, str],
               progress: Progress | None) -> LoadedVersion:
        """Store the records of every document not ``taken`` from ``base`` and describe the whole version."""
        own = [c for c in chunks if c.doc_id not in taken]
        name = chunk_collection(self.catalog.prefix, version)
        vectors = VectorCollection.create(self.catalog.client, name, self.embedder.model_name, self.embedder.dim)
        chunk_vectors = self._fill(vectors, own, unchanged, current, progress)
        sentences = SentenceStore.build(
            chunks,
            self.embedder.embed_passages,
            known=chunk_vectors,
            reuse=current.sentences if current is not None else None,
            reusable=unchanged,
            batch=self.embedder.embed_batch_size,
            progress=(lambda done, total: progress(done, total, "sentences")) if progress else None,
        )
        analysis = ChunkAnalysis.of(chunks, current.analysis if current is not None else None,
                                    current.position if current is not None else {}, unchanged)
        counts = Counter(c.doc_id for c in chunks)
        now = dt.datetime.now(dt.UTC)
        manifest = Manifest(
            version=version,
            collection=name,
            embed_model=self.embedder.model_name,
            dimension=self.embedder.dim,
            splitter=SPLITTER_VERSION,
            built_at=now,
            documents={d.doc_id: _entry(d, counts[d.doc_id], _changed_at(d, current, now),
                                        base if d.doc_id in taken else None, scan.digests.get(d.doc_id))
                       for d in scan.documents},
            base=base,
            loader=LOADER_VERSION,
            analyser=ANALYSER_VERSION,
        )
        self.catalog.write(meta, manifest, chunks, analysis, scan.documents, sentences, files)
        layered = _layers(current, vectors, len(own), base, taken)
        return LoadedVersion(manifest, chunks, scan.documents, analysis, layered, sentences, files)

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
            new = [t for t in dict.fromkeys(texts) if t not in known]  # a repeated text is embedded once
            if new:
                known.update(zip(new, self.embedder.embed_passages(new)))
            vectors.add(batch, np.stack([known[t] for t in texts]))
            if progress:
                progress(min(i + step, len(todo)), len(todo), "embedding")
        return known


def _entry(doc: Document, chunks: int, changed_at: dt.datetime, stored_in: int | None,
           file: tuple[str, str, tuple[int, int] | None] | None) -> ManifestEntry:
    return ManifestEntry(meta=doc.meta, content_hash=doc.content_hash, path=doc.path, chunks=chunks,
                         changed_at=changed_at, stored_in=stored_in, file=file[0] if file else None,
                         file_digest=file[1] if file else None, file_stat=file[2] if file else None)


def _layers(current: LoadedVersion | None, own: VectorCollection, own_count: int, base: int | None,
            taken: set[str]) -> LayeredVectors:
    """The new version's vectors: its own collection, over ``base``'s less every base chunk not ``taken``."""
    if base is None or current is None:
        return LayeredVectors(own, own_count)
    prior, m = current.vectors, current.manifest
    if m.base is None:  # the current version is the base
        shared, base_count, hidden = prior.own, prior.own_count, {}
    else:
        shared, base_count, hidden = prior.base, prior.base_count, dict(prior.hidden)
    hidden |= {c.chunk_id: c.doc_id for c in current.chunks
               if c.doc_id not in taken and (m.base is None or m.documents[c.doc_id].stored_in == base)}
    return LayeredVectors(own, own_count, shared, base_count, hidden)


def _changed_at(doc: Document, current: LoadedVersion | None, now: dt.datetime) -> dt.datetime:
    """When ``doc``'s content last changed: kept from the current version while its hash is the same (a rebuild
    too), else ``now``."""
    old = current.manifest.documents.get(doc.doc_id) if current is not None else None
    if old is None or old.content_hash != doc.content_hash:
        return now
    return old.changed_at or current.manifest.built_at  # type: ignore[union-attr]


def loaded_files(current: LoadedVersion | None) -> dict[str, KnownFile]:
    """The documents of ``current`` by file (relative to the knowledge folder) with their file's fingerprint, size
    and modification time, for a scan to reuse (none when another loader made them)."""
    if current is None or current.manifest.loader != LOADER_VERSION:
        return {}
    return {e.file: KnownFile(e.file_digest, current.documents[doc_id], e.file_stat)
            for doc_id, e in current.manifest.documents.items()
            if e.file and e.file_digest and doc_id in current.documents}


def pointer_for(version: LoadedVersion) -> Pointer:
    m = version.manifest
    return Pointer(version=m.version, collection=m.collection, embed_model=m.embed_model,
                   dimension=m.dimension, built_at=m.built_at, base=m.base)
