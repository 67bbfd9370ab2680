"""Store versions kept entirely in Chroma, so any process that reaches the store can serve them.

Each version ``N`` is three collections, plus one pointer collection for the whole store:

- ``<prefix>_vN``: the chunks with their vectors (searched densely, see :mod:`index.vectors`);
- ``<prefix>_vN_sentences``: every chunk's sentences with their vectors (the answer step's evidence);
- ``<prefix>_vN_meta``: the manifest, the documents, the chunks in order with what Kiwi made of them (BM25
  terms, morphemes for the answer step's term statistics), and the
  event's configuration files; creating it claims the number ``N`` (creation fails if another builder has it);
- ``<prefix>_current``: its metadata names the current version; a build switches it in one write, after
  every record of the new version is stored.

A version is *whole* (its collections hold every record) or *layered*: its collections hold only the records of
documents changed since a whole version, its *base*, and it shares the base's collections for the rest (the
manifest says which documents come from the base; the base's records of any other document are hidden). A
layered version is as immutable as a whole one: the base is never written again, and a later layered version
gets collections of its own. The base a version is layered on is recorded when its number is claimed (in the
meta collection's metadata), so garbage collection keeps it from the first moment.

A reader loads a version from these records alone and builds BM25 in memory from the stored terms, so an
app replica needs nothing on local disk. Superseded versions are deleted by a later build once the current
version has been current for a grace period, so a replica that has not yet noticed the switch, or is in the
middle of a search, is never cut off; a version that the current one, or one being built, is layered on is kept.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import json
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np

from index.errors import IndexUnavailableError
from index.layout import Manifest, Pointer
from index.models import Chunk, Document
from index.sentences import Sentence, SentenceStore
from index.text import ANALYSER_VERSION
from index.vectors import LayeredVectors, VectorCollection
from index.version import ChunkAnalysis, LoadedVersion

PAGE = 1000  # records per read
_NAME = re.compile(r"^(?P<prefix>.+)_v(?P<version>\d{6,})(?:_(?P<part>sentences|meta))?$")
_MANIFEST, _DOC, _CHUNK, _FILE = "manifest", "doc", "chunk", "file"
_PACKED = "manifest_zlib"  # the manifest's JSON, zlib-compressed and base64-encoded


def _pack(text: str) -> str:
    return base64.b64encode(zlib.compress(text.encode("utf-8"), 1)).decode("ascii")  # fastest: 4x smaller already


def _unpack(packed: str) -> str:
    return zlib.decompress(base64.b64decode(packed)).decode("utf-8")


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


@dataclass
class _Records:
    """What one meta collection holds besides its manifest: chunk rows (seq, chunk, terms, morphemes or None for
    a version from before they were stored), documents and configuration files."""

    chunks: list[tuple[int, Chunk, list[str], list[str] | None]] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)


def _at(doc: Document, path: str | None) -> Document:
    """``doc`` with the path the manifest gives it (a base's record keeps the path its file had then)."""
    return doc if doc.path == path else doc.model_copy(update={"path": path})


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

    def mark_complete(self, pointer: Pointer) -> None:
        """Record on a version's meta collection that it is complete, with the pointer that names it (before the
        builder switches to it: see :meth:`newest_complete`)."""
        with reaching_store():
            meta = self.client.get_collection(f"{pointer.collection}_meta", embedding_function=None)
            meta.modify(metadata={**(meta.metadata or {}), "complete": pointer.model_dump_json()})

    def newest_complete(self, above: int) -> Pointer | None:
        """The pointer of the latest complete version numbered above ``above``. A builder asks this right after
        switching to its own version: two builders switching at once (each read the pointer before the other
        wrote it) both end by pointing at the later version, whichever wrote last."""
        with reaching_store():
            collections = list(self.client.list_collections())
        found = []
        for c in collections:
            name = getattr(c, "name", c)
            version = version_of(name, self.prefix)
            raw = (getattr(c, "metadata", None) or {}).get("complete") if name.endswith("_meta") else None
            if version is not None and version > above and raw:
                found.append(Pointer.model_validate_json(raw))
        return max(found, key=lambda p: p.version, default=None)

    # -- versions -----------------------------------------------------------------------------------

    def versions(self) -> dict[int, list[str]]:
        """Every version present (complete or not), with its collections."""
        return self._listing()[0]

    def _listing(self) -> tuple[dict[int, list[str]], dict[int, int]]:
        """Every version present with its collections, and the base each layered one recorded when claimed."""
        found: dict[int, list[str]] = {}
        bases: dict[int, int] = {}
        with reaching_store():
            collections = list(self.client.list_collections())
        for c in collections:
            name = getattr(c, "name", c)
            version = version_of(name, self.prefix)
            if version is None:
                continue
            found.setdefault(version, []).append(name)
            base = (getattr(c, "metadata", None) or {}).get("base") if name.endswith("_meta") else None
            if base is not None:
                bases[version] = int(base)
        return found, bases

    def claim(self, base: int | None = None) -> tuple[int, object]:
        """A fresh version number, claimed by creating its meta collection (atomic in Chroma: of two builders
        asking at once, one gets the next number and the other the one after), with the ``base`` it will be
        layered on in the collection's metadata. Returns the number with the collection."""
        number = max(self.versions(), default=0) + 1
        metadata = {"base": base} if base is not None else None
        for _ in range(100):
            with reaching_store():
                try:
                    meta = self.client.create_collection(f"{chunk_collection(self.prefix, number)}_meta",
                                                         metadata=metadata, embedding_function=None)
                    return number, meta
                except Exception:
                    if not self._exists(f"{chunk_collection(self.prefix, number)}_meta"):
                        raise
            number += 1
        raise RuntimeError("could not claim a store version")

    def serves_on(self, base: int) -> bool:
        """Whether the current version is ``base`` or layered on it. A builder that claimed a version layered on
        ``base`` asks this: while it holds, no collection of ``base`` can have been deleted (garbage collection
        keeps the current version's base, and from the claim on, the claimed version's)."""
        pointer = self.read_pointer()
        return pointer is not None and base in (pointer.version, pointer.base)

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
        """Store everything of a version but its chunk vectors (written by the builder as it embeds). Of a
        layered version only the records of its own documents (:meth:`Manifest.own`) are written; ``chunks``,
        ``analysis``, ``documents`` and ``sentences`` describe the whole version."""
        sentence_name = f"{manifest.collection}_sentences"
        own = manifest.own()
        own_chunks = {c.chunk_id for c in chunks if c.doc_id in own}
        with reaching_store():
            with contextlib.suppress(Exception):  # a leftover of an interrupted build, or nothing
                self.client.delete_collection(sentence_name)
            store = self.client.create_collection(sentence_name, embedding_function=None)
            rows = [s for s in sentences.sentences if s.chunk_id in own_chunks]
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
                for i, (c, terms, tokens) in enumerate(zip(chunks, analysis.terms, analysis.tokens)) if c.doc_id in own
            ]
            records += [(f"{_DOC}:{d.doc_id}", d.model_dump_json(), {"kind": _DOC}) for d in documents
                        if d.doc_id in own]
            records += [(f"{_FILE}:{name}", text, {"kind": _FILE, "name": name}) for name, text in files.items()]
            # last: marks it complete. Compressed, in a metadata value, not the document text, which the store
            # indexes for full-text search: a 100k-chunk manifest is 7.6 MB of JSON (2 MB packed), and indexing or
            # storing it whole took most of adding one document
            records.append((_MANIFEST, "", {"kind": _MANIFEST, _PACKED: _pack(manifest.model_dump_json())}))
            for i in range(0, len(records), self._batch()):
                part = records[i:i + self._batch()]
                meta.add(ids=[r[0] for r in part], documents=[r[1] for r in part], metadatas=[r[2] for r in part],
                         embeddings=[[0.0]] * len(part))

    def load(self, pointer: Pointer) -> LoadedVersion | None:
        """Read the version ``pointer`` names (and the base it is layered on); ``None`` when any part of it is
        missing."""
        with reaching_store():
            top = self._open(pointer.collection)
            if top is None:
                return None
            manifest, records = top[0], self._records(top[1])
            own = manifest.own()
            rows = [r for r in records.chunks if r[1].doc_id in own]
            documents = [d for d in records.documents if d.doc_id in own]
            own_count, base_count, hidden, base = len(rows), 0, {}, None
            if manifest.base is not None:
                base = self._open(chunk_collection(self.prefix, manifest.base))
                if base is None:
                    return None
                shared = self._records(base[1])
                taken = {doc_id for doc_id, e in manifest.documents.items() if e.stored_in == manifest.base}
                rows += [r for r in shared.chunks if r[1].doc_id in taken]
                documents += [_at(d, manifest.documents[d.doc_id].path) for d in shared.documents if d.doc_id in taken]
                hidden = {r[1].chunk_id: r[1].doc_id for r in shared.chunks if r[1].doc_id not in taken}
                base_count = len(shared.chunks)
            order = {doc_id: i for i, doc_id in enumerate(manifest.documents)}
            rows.sort(key=lambda r: (order.get(r[1].doc_id, len(order)), r[0]))
            documents.sort(key=lambda d: order.get(d.doc_id, len(order)))
            chunks = [r[1] for r in rows]
            if len(chunks) != sum(e.chunks for e in manifest.documents.values()):
                return None
            if manifest.analyser == ANALYSER_VERSION and all(r[3] is not None for r in rows):
                analysis = ChunkAnalysis([r[2] for r in rows], [r[3] for r in rows])
            else:  # analysed by an earlier release: analysed now, and stored by the next build
                analysis = ChunkAnalysis.of(chunks)
                analysis = ChunkAnalysis(analysis.terms, analysis.tokens, stored=False)
            sentences = self._sentences([top[2]] + ([base[2]] if base else []), chunks, hidden)
            vectors = LayeredVectors(VectorCollection(top[3]), own_count, VectorCollection(base[3]) if base else None,
                                     base_count, hidden)
        return LoadedVersion(manifest, chunks, documents, analysis, vectors, sentences, records.files)

    def collect_garbage(self, current: Pointer, grace_s: float) -> None:
        """Delete versions older than ``current`` once it has been current for ``grace_s`` seconds (a replica
        still on an older one has switched by then), but for the base of the current version and of any version
        being built."""
        age = (dt.datetime.now(dt.UTC) - current.switched_at).total_seconds()
        if age >= grace_s:
            found, bases = self._listing()
            live = {v for v in found if v >= current.version}  # the current one, and any being built
            keep = live | {bases[v] for v in live if v in bases} | {current.base} - {None}
            for version, names in found.items():
                if version < current.version and version not in keep:
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

    def _open(self, collection: str) -> tuple[Manifest, object, object, object] | None:
        """A version's manifest and its meta, sentence and chunk collections; ``None`` when one is missing or
        the manifest is not written yet (an incomplete version)."""
        try:
            meta = self.client.get_collection(f"{collection}_meta")
            sentence_store = self.client.get_collection(f"{collection}_sentences")
            vectors = self.client.get_collection(collection, embedding_function=None)
        except Exception:  # noqa: BLE001 - a version from an older release, or deleted
            return None
        head = meta.get(ids=[_MANIFEST], include=["documents", "metadatas"])
        if not head["ids"]:
            return None
        stored = head["metadatas"][0] or {}
        if _PACKED in stored:
            text = _unpack(stored[_PACKED])
        else:  # written by an earlier release: plain, in a metadata value or (earlier still) the document text
            text = stored.get(_MANIFEST) or head["documents"][0]
        return Manifest.model_validate_json(text), meta, sentence_store, vectors

    def _records(self, meta) -> _Records:
        found = _Records()
        for got in self._pages(meta, where={"kind": {"$ne": _MANIFEST}}, include=["documents", "metadatas"]):
            for text, info in zip(got["documents"], got["metadatas"]):
                if info["kind"] == _CHUNK:
                    found.chunks.append((info["seq"], Chunk.model_validate_json(text), json.loads(info["terms"]),
                                         json.loads(info["tokens"]) if "tokens" in info else None))
                elif info["kind"] == _DOC:
                    found.documents.append(Document.model_validate_json(text))
                elif info["kind"] == _FILE:
                    found.files[info["name"]] = text
        return found

    def _sentences(self, collections: list, chunks: list[Chunk], hidden: dict[str, str]) -> SentenceStore:
        """The sentences of ``chunks`` from the version's own sentence collection and its base's (less the
        base's ``hidden`` chunks), in chunk order and then in their order within the chunk."""
        texts = {c.chunk_id: c.text for c in chunks}
        position = {c.chunk_id: i for i, c in enumerate(chunks)}
        rows: list[tuple[int, int, str, int, int, np.ndarray]] = []
        for layer, collection in enumerate(collections):
            for got in self._pages(collection, include=["metadatas", "embeddings"]):
                for info, vector in zip(got["metadatas"], got["embeddings"]):
                    cid = info["chunk_id"]
                    if layer and cid in hidden:
                        continue
                    rows.append((position.get(cid, len(position)), info["row"], cid, info["start"], info["end"],
                                 vector))
        rows.sort(key=lambda r: (r[0], r[1]))
        sentences = [Sentence(chunk_id=cid, start=s, end=e, text=texts.get(cid, "")[s:e], row=i)
                     for i, (_, _, cid, s, e, _) in enumerate(rows)]
        matrix = np.asarray([r[5] for r in rows], dtype=np.float32) if rows else np.zeros((0, 0), np.float32)
        return SentenceStore(sentences, matrix)
