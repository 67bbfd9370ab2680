"""``KnowledgeIndex``: open, search, build, add and remove, over versioned Chroma + BM25 stores."""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np

from index.builder import VersionBuilder, pointer_for
from index.config import IndexSettings
from index.embeddings import IndexEmbedding, make_encoder, model_id_for
from index.errors import (
    BadDocumentError,
    EmbeddingMismatchError,
    IndexConfigError,
    IndexNotBuiltError,
    UnknownDocumentError,
)
from index.layout import StoreLayout
from index.loaders import load_file
from index.models import BuildReport, Chunk, Document, DocumentInfo, IndexStatus
from index.offline import configure_llama_index
from index.sentences import Sentence
from index.sources import PROGRAM_FILE, scan
from index.text import nfc
from index.vectors import make_client
from index.version import LoadedVersion

Progress = Callable[[int, int, str], None]

_STORE_LOCKS: dict[Path, threading.RLock] = {}
_STORE_LOCKS_GUARD = threading.Lock()


def _store_lock(store_dir: Path) -> threading.RLock:
    """One lock per store folder in this process: guards version switches against running searches."""
    with _STORE_LOCKS_GUARD:
        return _STORE_LOCKS.setdefault(store_dir.resolve(), threading.RLock())


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
    """One opened index: dense (Chroma) and BM25 search over the current version, and its maintenance."""

    def __init__(self, settings: IndexSettings | None = None) -> None:
        self.settings = settings or IndexSettings()
        self.model_id = model_id_for(self.settings.embed_model)
        self.layout = StoreLayout(self.settings.store_dir)
        self._lock = _store_lock(self.settings.store_dir)
        self._embedder: IndexEmbedding | None = None
        self._client = None
        self._current: LoadedVersion | None = None
        self._stamp: tuple[int, int] | None = None
        self._query_cache: dict[str, np.ndarray] = {}

    @classmethod
    def open(cls, settings: IndexSettings | None = None, build_if_missing: bool = True) -> KnowledgeIndex:
        """Open the current version (building one from the knowledge folder if none exists and allowed).

        Raises :class:`EmbeddingMismatchError` when the store was built by another embedding model.
        """
        index = cls(settings)
        if index._refresh() is None and build_if_missing:
            index.build()
        return index

    # -- embedding ------------------------------------------------------------------------------

    @property
    def embedder(self) -> IndexEmbedding:
        """The llama-index embedding used for passages and queries (also set as llama-index's default)."""
        if self._embedder is None:
            self._embedder = IndexEmbedding(make_encoder(self.settings.embed_model), self.settings.embed_batch_size)
            configure_llama_index(self._embedder)
        return self._embedder

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self.embedder.embed_queries(texts)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self.embedder.embed_passages(texts)

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
        with self._lock:
            current = self._require()
            if not current.chunks:
                return []
            pairs = current.vectors.search(vector, min(k, len(current.chunks)), lang=lang, doc_ids=doc_ids)
            return current.scored(pairs)

    def bm25_search(
        self, query: str, k: int = 10, lang: str | None = None, doc_ids: list[str] | None = None
    ) -> list[Chunk]:
        """Best chunks by Korean-aware BM25 (``Chunk.score``), optionally filtered by language / documents."""
        query = nfc(query).strip()
        if not query or k <= 0 or doc_ids == []:
            return []
        with self._lock:
            current = self._require()
            pairs = current.bm25.search(query, k, current.mask(lang, doc_ids))
            return [current.chunks[row].model_copy(update={"score": score}) for row, score in pairs]

    def sentences(self, chunks: list[Chunk]) -> tuple[list[tuple[int, Sentence]], np.ndarray]:
        """The sentences of ``chunks`` as (position in ``chunks``, sentence) pairs, and their unit vectors
        (one row each, float32), from the current version."""
        with self._lock:
            store = self._require().sentences
        pairs = [(i, s) for i, chunk in enumerate(chunks) for s in store.for_chunk(chunk.chunk_id)]
        rows = [s.row for _, s in pairs]
        return pairs, store.vectors[rows].astype(np.float32) if rows else np.zeros((0, store.vectors.shape[1] if store.vectors.ndim == 2 else 0), np.float32)

    def chunks(self, doc_id: str | None = None) -> list[Chunk]:
        """All chunks in document order (or those of one document)."""
        with self._lock:
            current = self._require()
            return [c for c in current.chunks if doc_id is None or c.doc_id == doc_id]

    def documents(self) -> list[DocumentInfo]:
        with self._lock:
            current = self._require()
            return [
                DocumentInfo(doc_id=doc_id, title=e.meta.title, lang=e.meta.lang, kind=e.meta.kind,
                             as_of=e.meta.as_of, source=e.meta.source, source_url=e.meta.source_url,
                             path=e.path, chunks=e.chunks)
                for doc_id, e in current.manifest.documents.items()
            ]

    def document(self, doc_id: str) -> Document:
        with self._lock:
            current = self._require()
            if doc_id not in current.documents:
                raise UnknownDocumentError(doc_id)
            return current.documents[doc_id]

    def status(self) -> IndexStatus:
        with self._lock:
            current = self._refresh()
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
            with self._lock:
                current = self._load_for_rebuild() if rebuild else self._refresh()
            found = scan(self.settings.knowledge_dir, progress)
            builder = VersionBuilder(self.layout, self.client, self.embedder, self.settings.collection_prefix)
            report = builder.plan(found, current, rebuild)
            if current is not None and not rebuild and not (report.added or report.updated or report.removed):
                report.chunks = len(current.chunks)
                return report
            fresh = builder.build(found, current, report, progress)
            with self._lock:
                self.layout.write_pointer(pointer_for(fresh))
                self._current, self._stamp = fresh, self.layout.pointer_stamp()
                builder.discard_leftovers(keep=fresh.manifest.version)
            return report

    def add(self, paths: list[Path], progress: Progress | None = None) -> BuildReport:
        """Copy files into ``knowledge_dir/uploads`` and build; a bad file raises and nothing changes."""
        uploads = self.settings.knowledge_dir / "uploads"
        paths = [Path(p) for p in paths]
        with self._lock:
            current = self._refresh()
        known = current.manifest.documents if current else {}
        incoming: dict[str, str] = {}
        for path in paths:
            if path.name.startswith("."):  # a scan skips hidden files: it would never be indexed
                raise BadDocumentError(path.name, "a hidden file name (starting with '.')",
                                       "'.'으로 시작하는 숨김 파일 이름입니다")
            doc = load_file(path)
            target = uploads / path.name
            owner = known.get(doc.doc_id)
            if owner is not None and owner.path and Path(owner.path).resolve() != target.resolve():
                raise BadDocumentError(
                    path.name, f"a document with id {doc.doc_id!r} already exists ({Path(owner.path).name})",
                    f"id가 {doc.doc_id!r}인 문서가 이미 있습니다",
                )
            replaced = next((i for i, e in known.items() if e.path and Path(e.path) == target), doc.doc_id)
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
        with self._lock:
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

    def _require(self) -> LoadedVersion:
        current = self._refresh()
        if current is None:
            raise IndexNotBuiltError(str(self.layout.root))
        return current

    def _refresh(self) -> LoadedVersion | None:
        """The current version, reloaded when the pointer file changed (another build switched it)."""
        stamp = self.layout.pointer_stamp()
        if stamp is not None and stamp == self._stamp and self._current is not None:
            return self._current
        pointer = self.layout.read_pointer()
        if pointer is None:
            self._current, self._stamp = None, None
            return None
        if pointer.embed_model != self.model_id:
            raise EmbeddingMismatchError(pointer.embed_model, pointer.dimension, self.model_id)
        self._current, self._stamp = LoadedVersion.load(self.layout, pointer, self.client), stamp
        return self._current

    def _load_for_rebuild(self) -> LoadedVersion | None:
        """The current version whatever model built it (a rebuild replaces it; nothing is cached)."""
        pointer = self.layout.read_pointer()
        return LoadedVersion.load(self.layout, pointer, self.client) if pointer else None

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
