"""``KnowledgeIndex``: open, search, build, add and remove, over versioned Chroma + BM25 stores."""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from index.builder import VersionBuilder, loaded_files, pointer_for
from index.cache import VersionCache
from index.config import IndexSettings
from index.embeddings import Encoder, encode, make_encoder, model_id_for
from index.errors import (
    BadDocumentError,
    EmbeddingMismatchError,
    IndexConfigError,
    IndexNotBuiltError,
    IndexUnavailableError,
    UnknownDocumentError,
)
from index.layout import StoreLayout
from index.loaders import LOADER_VERSION, load_file
from index.models import BuildReport, Chunk, Document, DocumentInfo, IndexStatus
from index.offline import configure_llama_index
from index.sentences import Sentence
from index.sources import PROGRAM_FILE, knowledge_files, scan
from index.text import nfc
from index.vectors import make_client
from index.version import LoadedVersion, long_lived
from index.versions import VersionCatalog, reaching_store

if TYPE_CHECKING:
    from index.llama_embedding import IndexEmbedding

Progress = Callable[[int, int, str], None]

def _copy_into(paths: list[Path], folder: Path) -> None:
    """Copy each file into ``folder`` under its own name, all or none. A file is copied to a hidden temporary name
    (a scan never reads a half-copied file) and then renamed over the target, so a symbolic link already there
    is replaced, never written through: nothing outside ``folder`` changes."""
    copies: list[tuple[Path, Path]] = []
    try:
        for path in paths:
            fd, partial = tempfile.mkstemp(dir=folder, prefix=".upload-", suffix=".partial")
            os.close(fd)
            copies.append((Path(partial), folder / path.name))
            shutil.copyfile(path, partial)
            shutil.copystat(path, partial)
    except BaseException:
        for partial, _ in copies:
            partial.unlink(missing_ok=True)
        raise
    for partial, target in copies:
        partial.replace(target)


class KnowledgeIndex:
    """One opened index: dense (Chroma) and BM25 search over the current version, and its maintenance.

    Searches read the current :class:`LoadedVersion`, an immutable snapshot: a switch replaces the reference,
    so a search already running finishes on the version it started with. The store is asked for a newer
    version at most every ``index_poll_seconds``; another process's build (another replica's, or the CLI's)
    is picked up then, without a restart.
    """

    def __init__(self, settings: IndexSettings | None = None) -> None:
        self.settings = settings or IndexSettings()
        self.model_id = model_id_for(self.settings.embed_model)
        self.layout = StoreLayout(self.settings.store_dir)
        self._encoder: Encoder | None = None
        self._embedder: IndexEmbedding | None = None
        self._client = None
        self._catalog: VersionCatalog | None = None
        self._current: LoadedVersion | None = None
        self._checked = float("-inf")  # when the pointer was last read (time.monotonic)
        self._loading = threading.Lock()  # one reload at a time; searches meanwhile use the current version
        self._query_cache: dict[str, np.ndarray] = {}

    @classmethod
    def open(cls, settings: IndexSettings | None = None, build_if_missing: bool = True) -> KnowledgeIndex:
        """Open the current version (building one from the knowledge folder if none exists and allowed).

        Raises :class:`EmbeddingMismatchError` when the store was built by another embedding model.
        """
        index = cls(settings)
        if index._refresh(force=True) is None and build_if_missing:
            index.build()
        return index

    # -- embedding ------------------------------------------------------------------------------

    @property
    def encoder(self) -> Encoder:
        """The embedding model (loaded on first use)."""
        if self._encoder is None:
            self._encoder = make_encoder(self.settings.embed_model)
        return self._encoder

    @property
    def embedder(self) -> IndexEmbedding:
        """The encoder as a llama-index embedding (also set as llama-index's default); builds use it. Answering a
        question needs only :meth:`embed_queries`, which does not import llama-index."""
        if self._embedder is None:
            from index.llama_embedding import IndexEmbedding

            self._embedder = IndexEmbedding(self.encoder, self.settings.embed_batch_size)
            configure_llama_index(self._embedder)
        return self._embedder

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return encode(texts, self.encoder.queries, self.settings.embed_batch_size, self.encoder.dim)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return encode(texts, self.encoder.passages, self.settings.embed_batch_size, self.encoder.dim)

    def forget_queries(self) -> None:
        """Empty the query-embedding cache (a benchmark measuring cold questions calls this)."""
        self._query_cache.clear()

    def query_vector(self, query: str) -> np.ndarray:
        """The unit query embedding of ``query`` (the last few are cached: search and answer share one)."""
        vector = self._query_cache.get(query)
        if vector is None:
            vector = np.asarray(self.embed_queries([query])[0], dtype=np.float32)
            vector = vector / max(float(np.linalg.norm(vector)), 1e-12)
            if len(self._query_cache) >= 256:
                self._query_cache.pop(next(iter(self._query_cache)))
            self._query_cache[query] = vector
        return vector

    # -- reading --------------------------------------------------------------------------------

    def dense_search(
        self, query: str, k: int = 10, lang: str | None = None, doc_ids: list[str] | None = None
    ) -> list[Chunk]:
        """Nearest chunks by cosine similarity (``Chunk.score``), optionally filtered by language / documents."""
        query = nfc(query).strip()
        if not query or k <= 0 or doc_ids == []:
            return []
        vector = self.query_vector(query)
        current = self._require()
        if not current.chunks:
            return []
        with reaching_store():
            pairs = current.vectors.search(vector, min(k, len(current.chunks)), lang=lang, doc_ids=doc_ids)
        return current.scored(pairs)

    def bm25_search(
        self, query: str, k: int = 10, lang: str | None = None, doc_ids: list[str] | None = None
    ) -> list[Chunk]:
        """Best chunks by Korean-aware BM25 (``Chunk.score``), optionally filtered by language / documents."""
        query = nfc(query).strip()
        if not query or k <= 0 or doc_ids == []:
            return []
        current = self._require()
        pairs = current.bm25.search(query, k, current.mask(lang, doc_ids))
        return [current.chunks[row].model_copy(update={"score": score}) for row, score in pairs]

    def sentences(self, chunks: list[Chunk]) -> tuple[list[tuple[int, Sentence]], np.ndarray]:
        """The sentences of ``chunks`` as (position in ``chunks``, sentence) pairs, and their unit vectors
        (one row each, float32), from the current version."""
        store = self._require().sentences
        pairs = [(i, s) for i, chunk in enumerate(chunks) for s in store.for_chunk(chunk.chunk_id)]
        rows = [s.row for _, s in pairs]
        return pairs, store.vectors[rows].astype(np.float32) if rows else np.zeros((0, store.vectors.shape[1] if store.vectors.ndim == 2 else 0), np.float32)

    def chunks(self, doc_id: str | None = None) -> list[Chunk]:
        """All chunks in document order (or those of one document)."""
        current = self._require()
        return list(current.chunks if doc_id is None else current.by_document.get(doc_id, []))

    def chunk_tokens(self) -> dict[str, list[str]]:
        """Each chunk's morphemes of :func:`index.splitter.analysed_text`, worked out at build time."""
        return self._require().tokens()

    def documents(self) -> list[DocumentInfo]:
        return [
            DocumentInfo(doc_id=doc_id, title=e.meta.title, lang=e.meta.lang, kind=e.meta.kind,
                         as_of=e.meta.as_of, source=e.meta.source, source_url=e.meta.source_url,
                         path=e.path, chunks=e.chunks, changed_at=e.changed_at)
            for doc_id, e in self._require().manifest.documents.items()
        ]

    def document(self, doc_id: str) -> Document:
        current = self._require()
        if doc_id not in current.documents:
            raise UnknownDocumentError(doc_id)
        return current.documents[doc_id]

    def version(self) -> int | None:
        """The number of the version searches use now (``None`` before the first build)."""
        current = self._refresh()
        return current.manifest.version if current is not None else None

    def version_key(self) -> str | None:
        """What names the current version's contents for data derived from them elsewhere (its collection and
        build time: a version never changes once written); ``None`` before the first build."""
        current = self._refresh()
        return f"{current.manifest.collection}@{current.manifest.built_at.isoformat()}" if current is not None else None

    def knowledge_files(self) -> dict[str, str]:
        """The knowledge folder's configuration files (``event.yaml``, ``program.yaml``) as stored with the
        current version, so a process without the folder reads the same event and programme."""
        return dict(self._require().files)

    def status(self) -> IndexStatus:
        current = self._refresh(force=True)
        store = (f"chroma://{self.settings.chroma_host}:{self.settings.chroma_port}"
                 if self.settings.chroma_host else str(self.layout.root))
        if current is None:
            return IndexStatus(documents=0, chunks_per_lang={}, embed_model=self.model_id, dimension=0,
                               store=store, collection=None, last_build=None)
        m = current.manifest
        return IndexStatus(
            documents=len(m.documents),
            chunks_per_lang=dict(sorted(Counter(c.lang for c in current.chunks).items())),
            embed_model=m.embed_model,
            dimension=m.dimension,
            store=store,
            collection=m.collection,
            last_build=m.built_at,
        )

    # -- writing --------------------------------------------------------------------------------

    def build(self, rebuild: bool = False, progress: Progress | None = None) -> BuildReport:
        """Bring the index up to date with the knowledge folder (``rebuild``: re-embed everything).

        A new version is written beside the current one and switched to only when complete.
        """
        if not self.settings.knowledge_dir.is_dir():
            raise IndexConfigError(
                f"The knowledge folder {self.settings.knowledge_dir} does not exist (ASSISTANT_KNOWLEDGE_DIR). "
                f"문서 폴더 {self.settings.knowledge_dir}이(가) 없습니다."
            )
        with self._build_lock():
            serving = self.catalog.read_pointer()
            if serving is not None:  # versions it superseded more than the grace period ago
                self.catalog.collect_garbage(serving, self.settings.index_gc_grace_seconds)
            current = self._load_for_rebuild() if rebuild else self._refresh(force=True)
            found = scan(self.settings.knowledge_dir, progress, None if rebuild else loaded_files(current))
            files = knowledge_files(self.settings.knowledge_dir)
            builder = VersionBuilder(self.catalog, self.embedder, self.settings.index_layer_max_share)
            report = builder.plan(found, current, rebuild)
            if (current is not None and not rebuild and not (report.added or report.updated or report.removed)
                    and current.files == files and current.analysis.stored
                    and current.manifest.loader == LOADER_VERSION):  # else a (small) version records what is new
                report.chunks = len(current.chunks)
                return report
            with long_lived():  # the new version lives long
                fresh = builder.build(found, current, report, files, progress)
            newest = self.catalog.read_pointer()
            if newest is not None and newest.version > fresh.manifest.version:
                self.catalog.discard(fresh.manifest.version)  # another machine's builder switched to a later one
                self._refresh(force=True)
                return report
            pointer = pointer_for(fresh)
            self.catalog.mark_complete(pointer)
            self.catalog.write_pointer(pointer)
            later = self.catalog.newest_complete(above=pointer.version)
            if later is not None:  # another machine completed a later version while this one switched: that one
                self.catalog.write_pointer(later)
                self._refresh(force=True)
                return report
            self._current, self._checked = fresh, time.monotonic()
            self.catalog.collect_garbage(pointer, self.settings.index_gc_grace_seconds)
            return report

    def add(self, paths: list[Path], progress: Progress | None = None) -> BuildReport:
        """Copy files into ``knowledge_dir/uploads`` and build; a bad file raises and nothing changes."""
        uploads = self.settings.knowledge_dir / "uploads"
        paths = [Path(p) for p in paths]
        current = self._refresh(force=True)
        known = current.manifest.documents if current else {}
        incoming: dict[str, str] = {}
        for path in paths:
            if path.name.startswith("."):  # a scan skips hidden files: it would never be indexed
                raise BadDocumentError(path.name, "a hidden file name (starting with '.')",
                                       "'.'으로 시작하는 숨김 파일 이름입니다")
            doc = load_file(path)
            target = uploads / path.name
            target_path = str(target)
            owner = known.get(doc.doc_id)
            if owner is not None and owner.path and Path(owner.path).resolve() != target.resolve():
                raise BadDocumentError(
                    path.name, f"a document with id {doc.doc_id!r} already exists ({Path(owner.path).name})",
                    f"id가 {doc.doc_id!r}인 문서가 이미 있습니다",
                )
            replaced = next((i for i, e in known.items() if e.path == target_path), doc.doc_id)
            if replaced != doc.doc_id:
                raise BadDocumentError(
                    path.name, f"this file name already holds the document {replaced!r}; rename the file",
                    f"이 파일 이름으로 이미 {replaced!r} 문서가 있습니다. 파일 이름을 바꾸세요",
                )
            if doc.doc_id in incoming:
                raise BadDocumentError(path.name, f"the same document id {doc.doc_id!r} as {incoming[doc.doc_id]}",
                                       "같은 id의 문서를 두 번 추가할 수 없습니다")
            incoming[doc.doc_id] = path.name
        uploads.mkdir(parents=True, exist_ok=True)
        _copy_into(paths, uploads)
        return self.build(progress=progress)

    def remove(self, doc_id: str, progress: Progress | None = None) -> BuildReport:
        """Delete a document's file from the knowledge folder and build."""
        current = self._require()
        entry = current.manifest.documents.get(doc_id)
        if entry is None:
            raise UnknownDocumentError(doc_id)
        path = Path(entry.path) if entry.path else None
        knowledge = self.settings.knowledge_dir.resolve()
        if path is None or path.name == PROGRAM_FILE or not path.resolve().is_relative_to(knowledge):
            raise BadDocumentError(
                doc_id, f"this document comes from {path.name if path else 'outside the knowledge folder'}; edit that file",
                "이 문서는 다른 파일에서 만들어졌으므로 그 파일을 고치세요",
            )
        path.unlink(missing_ok=True)
        return self.build(progress=progress)

    # -- internals ------------------------------------------------------------------------------

    @property
    def client(self):
        if self._client is None:
            self._client = make_client(self.settings, self.layout)
        return self._client

    @property
    def cache(self) -> VersionCache:
        return VersionCache(self.settings.version_cache_dir, self.settings.collection_prefix)

    @property
    def catalog(self) -> VersionCatalog:
        if self._catalog is None:
            self._catalog = VersionCatalog(self.client, self.settings.collection_prefix)
        return self._catalog

    def _require(self) -> LoadedVersion:
        current = self._refresh()
        if current is None:
            raise IndexNotBuiltError(str(self.layout.root))
        return current

    def _refresh(self, force: bool = False) -> LoadedVersion | None:
        """The current version; the store's pointer is read again when ``index_poll_seconds`` have passed
        (or ``force``), and a newer version loaded. While one thread loads it, others go on with the old one.
        With the store unreachable, a poll keeps the version in memory (a forced read raises
        :class:`IndexUnavailableError`)."""
        current = self._current
        if not force and current is not None and time.monotonic() - self._checked < self.settings.index_poll_seconds:
            return current
        if not self._loading.acquire(blocking=current is None or force):
            return current
        try:
            try:
                pointer = self.catalog.read_pointer()
            except IndexUnavailableError:
                if current is None or force:
                    raise
                return current
            finally:
                self._checked = time.monotonic()  # an unreachable store is asked again after the interval
            if pointer is None:
                self._current = None
            elif self._current is None or pointer.version != self._current.manifest.version:
                if pointer.embed_model != self.model_id:
                    raise EmbeddingMismatchError(pointer.embed_model, pointer.dimension, self.model_id)
                with long_lived():
                    loaded = self.cache.load(pointer, self.client)
                    if loaded is None:
                        loaded = self.catalog.load(pointer)
                        if loaded is not None:
                            loaded.bm25  # noqa: B018 - built here, while searches still use the version before
                            self.cache.save(pointer, loaded)
                self._current = loaded
            return self._current
        finally:
            self._loading.release()

    def _load_for_rebuild(self) -> LoadedVersion | None:
        """The current version whatever model built it (a rebuild replaces it; nothing is cached)."""
        pointer = self.catalog.read_pointer()
        return self.catalog.load(pointer) if pointer else None

    @contextlib.contextmanager
    def _build_lock(self) -> Iterator[None]:
        """Serialise builds across processes (released by the OS if a build is killed)."""
        self.layout.root.mkdir(parents=True, exist_ok=True)
        with open(self.layout.lock_path, "a+") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)
