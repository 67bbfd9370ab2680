"""Store versions kept entirely in Chroma, so any process that reaches the store can serve them.

Each version ``N`` is three collections, plus one pointer collection for the whole store:

- ``<prefix>_vN``: the chunks with their vectors (searched densely, see :mod:`index.vectors`);
- ``<prefix>_vN_sentences``: every chunk's sentences with their vectors (the answer step's evidence);
- ``<prefix>_vN_meta``: the manifest, the documents, the chunks in order with what Kiwi made of them (BM25
  terms, morphemes for the answer step's term statistics), and the
  event's configuration files; creating it claims the number ``N`` (creation fails if another builder has it);
- ``<prefix>_current``: its metadata names the current version; a build switches it in one write, after
  every record of the new version is stored.

A reader loads a version from these records alone and builds BM25 in memory from the stored terms, so an
app replica needs nothing on local disk. Superseded versions are deleted by a later build once the current
version has been current for a grace period, so a replica that has not yet noticed the switch, or is in the
middle of a search, is never cut off.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
from collections.abc import Iterator

import numpy as np

from index.errors import IndexUnavailableError
from index.layout import Manifest, Pointer
from index.models import Chunk, Document
from index.sentences import Sentence, SentenceStore
from index.vectors import VectorCollection
from index.version import ChunkAnalysis, LoadedVersion

PAGE = 1000  # records per read
_NAME = re.compile(r"^(?P<prefix>.+)_v(?P<version>\d{6,})(?:_(?P<part>sentences|meta))?$")
_MANIFEST, _DOC, _CHUNK, _FILE = "manifest", "doc", "chunk", "file"


@contextlib.contextmanager
def reaching_store() -> Iterator[None]:
    """Turn a failure to reach the Chroma server into :class:`IndexUnavailableError`."""
    from chromadb.errors import ChromaError
    from httpx import HTTPError

    try:
        yield
    except (HTTPError, ConnectionError, TimeoutError, ChromaError) as exc:
        if isinstance(exc, ChromaError) and "connect" not in str(exc).lower():
            raise
        raise IndexUnavailableError(str(exc)) from exc


def chunk_collection(prefix: str, version: int) -> str:
    return f"{prefix}_v{version:06d}"


def version_of(name: str, prefix: str) -> int | None:
    """The version number a collection of ``prefix`` belongs to (``None`` for other collections)."""
    match = _NAME.match(name)
    return int(match["version"]) if match and match["prefix"] == prefix else None


class VersionCatalog:
    """The versions of one store (collection ``prefix``) in one Chroma client."""

    def __init__(self, client, prefix: str) -> None:
        self.client = client
        self.prefix = prefix
        self.pointer_name = f"{prefix}_current"

    # -- the pointer ------------------------------------------------------------------------------

    def read_pointer(self) -> Pointer | None:
        with reaching_store():
            try:
                collection = self.client.get_collection(self.pointer_name)
            except Exception:
                if not self._exists(self.pointer_name):
                    return None
                raise
            raw = (collection.metadata or {}).get("pointer")
        return Pointer.model_validate_json(raw) if raw else None

    def write_pointer(self, pointer: Pointer) -> None:
        """Make ``pointer`` current: one metadata write, seen by every reader at its next check."""
        with reaching_store():
            collection = self.client.get_or_create_collection(self.pointer_name, embedding_function=None)
            collection.modify(metadata={"pointer": pointer.model_dump_json()})

    # -- versions -----------------------------------------------------------------------------------

    def versions(self) -> dict[int, list[str]]:
        """Every version present (complete or not), with its collections."""
        found: dict[int, list[str]] = {}
        with reaching_store():
            names = [getattr(c, "name", c) for c in self.client.list_collections()]
        for name in names:
            version = version_of(name, self.prefix)
            if version is not None:
                found.setdefault(version, []).append(name)
        return found

    def claim(self) -> tuple[int, object]:
        """A fresh version number, claimed by creating its meta collection (atomic in Chroma: of two builders
        asking at once, one gets the next number and the other the one after). Returns it with the collection."""
        number = max(self.versions(), default=0) + 1
        for _ in range(100):
            with reaching_store():
                try:
                    meta = self.client.create_collection(f"{chunk_collection(self.prefix, number)}_meta",
                                                         embedding_function=None)
                    return number, meta
                except Exception:
                    if not self._exists(f"{chunk_collection(self.prefix, number)}_meta"):
                        raise
            number += 1
        raise RuntimeError("could not claim a store version")

    def write(
        self,
        meta,
        manifest: Manifest,
        chunks: list[Chunk],
        analysis: ChunkAnalysis,
        documents: list[Document],
        sentences: SentenceStore,
        files: dict[str, str],
    ) -> None:
        """Store everything of a version but its chunk vectors (written by the builder as it embeds)."""
        sentence_name = f"{manifest.collection}_sentences"
        with reaching_store():
            with contextlib.suppress(Exception):  # a leftover of an interrupted build, or nothing
                self.client.delete_collection(sentence_name)
            store = self.client.create_collection(sentence_name, embedding_function=None)
            rows = sentences.sentences
            for i in range(0, len(rows), self._batch()):
                part = rows[i:i + self._batch()]
                store.add(
                    ids=[f"s{s.row}" for s in part],
                    embeddings=sentences.vectors[[s.row for s in part]].astype(np.float32),
                    metadatas=[{"chunk_id": s.chunk_id, "start": s.start, "end": s.end, "row": s.row} for s in part],
                )
            records: list[tuple[str, str, dict]] = [
                (f"{_CHUNK}:{i}", c.model_dump_json(exclude={"score"}),
                 {"kind": _CHUNK, "seq": i, "terms": json.dumps(terms, ensure_ascii=False),
                  "tokens": json.dumps(tokens, ensure_ascii=False)})
                for i, (c, terms, tokens) in enumerate(zip(chunks, analysis.terms, analysis.tokens))
            ]
            records += [(f"{_DOC}:{d.doc_id}", d.model_dump_json(), {"kind": _DOC}) for d in documents]
            records += [(f"{_FILE}:{name}", text, {"kind": _FILE, "name": name}) for name, text in files.items()]
            records.append((_MANIFEST, manifest.model_dump_json(), {"kind": _MANIFEST}))  # last: marks it complete
            for i in range(0, len(records), self._batch()):
                part = records[i:i + self._batch()]
                meta.add(ids=[r[0] for r in part], documents=[r[1] for r in part], metadatas=[r[2] for r in part],
                         embeddings=[[0.0]] * len(part))

    def load(self, pointer: Pointer) -> LoadedVersion | None:
        """Read the version ``pointer`` names; ``None`` when any part of it is missing."""
        with reaching_store():
            vectors = VectorCollection.open(self.client, pointer.collection)
            try:
                meta = self.client.get_collection(f"{pointer.collection}_meta")
                sentence_store = self.client.get_collection(f"{pointer.collection}_sentences")
            except Exception:  # noqa: BLE001 - a version from an older release, or deleted
                return None
            head = meta.get(ids=[_MANIFEST], include=["documents"])
            if vectors is None or not head["ids"]:
                return None
            manifest = Manifest.model_validate_json(head["documents"][0])
            chunks, analysis, documents, files = self._records(meta)
            if len(chunks) != sum(e.chunks for e in manifest.documents.values()):
                return None
            sentences = self._sentences(sentence_store, chunks)
        return LoadedVersion(manifest, chunks, documents, analysis, vectors, sentences, files)

    def collect_garbage(self, current: Pointer, grace_s: float) -> None:
        """Delete versions older than ``current`` once it has been current for ``grace_s`` seconds (a replica
        still on an older one has switched by then)."""
        age = (dt.datetime.now(dt.UTC) - current.switched_at).total_seconds()
        if age >= grace_s:
            for version, names in self.versions().items():
                if version < current.version:
                    self._drop(names)

    def discard(self, version: int) -> None:
        """Delete every collection of ``version`` (one never made current)."""
        self._drop(self.versions().get(version, []))

    def _drop(self, names: list[str]) -> None:
        for name in names:
            with contextlib.suppress(Exception):  # deleted meanwhile by another builder
                self.client.delete_collection(name)

    # -- internals ----------------------------------------------------------------------------------

    def _exists(self, name: str) -> bool:
        with reaching_store():
            return name in {getattr(c, "name", c) for c in self.client.list_collections()}

    def _batch(self) -> int:
        return min(PAGE, self.client.get_max_batch_size())

    def _pages(self, collection, **kwargs) -> Iterator[dict]:
        offset = 0
        while True:
            got = collection.get(limit=PAGE, offset=offset, **kwargs)
            if not got["ids"]:
                return
            yield got
            offset += len(got["ids"])

    def _records(self, meta) -> tuple[list[Chunk], ChunkAnalysis, list[Document], dict[str, str]]:
        ordered: list[tuple[int, Chunk, list[str], list[str]]] = []
        documents, files = [], {}
        for got in self._pages(meta, where={"kind": {"$ne": _MANIFEST}}, include=["documents", "metadatas"]):
            for text, info in zip(got["documents"], got["metadatas"]):
                if info["kind"] == _CHUNK:
                    ordered.append((info["seq"], Chunk.model_validate_json(text), json.loads(info["terms"]),
                                    json.loads(info["tokens"]) if "tokens" in info else None))
                elif info["kind"] == _DOC:
                    documents.append(Document.model_validate_json(text))
                elif info["kind"] == _FILE:
                    files[info["name"]] = text
        ordered.sort(key=lambda item: item[0])
        chunks = [item[1] for item in ordered]
        if all(item[3] is not None for item in ordered):
            analysis = ChunkAnalysis([item[2] for item in ordered], [item[3] for item in ordered])
        else:  # built by an earlier release: analysed now, and stored by the next build
            analysis = ChunkAnalysis.of(chunks)
            analysis = ChunkAnalysis(analysis.terms, analysis.tokens, stored=False)
        return chunks, analysis, documents, files

    def _sentences(self, collection, chunks: list[Chunk]) -> SentenceStore:
        texts = {c.chunk_id: c.text for c in chunks}
        rows: list[tuple[int, str, int, int, np.ndarray]] = []
        for got in self._pages(collection, include=["metadatas", "embeddings"]):
            for info, vector in zip(got["metadatas"], got["embeddings"]):
                rows.append((info["row"], info["chunk_id"], info["start"], info["end"], vector))
        rows.sort(key=lambda r: r[0])
        sentences = [Sentence(chunk_id=cid, start=s, end=e, text=texts.get(cid, "")[s:e], row=i)
                     for i, (_, cid, s, e, _) in enumerate(rows)]
        matrix = np.asarray([r[4] for r in rows], dtype=np.float32) if rows else np.zeros((0, 0), np.float32)
        return SentenceStore(sentences, matrix)

