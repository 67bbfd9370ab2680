"""Dense vectors in Chroma: one collection per store version, written through llama-index's ChromaVectorStore and
searched with Chroma's own query (a question's search needs no llama-index)."""

from __future__ import annotations

import contextlib

import numpy as np

from index.config import IndexSettings
from index.errors import IndexConfigError
from index.layout import StoreLayout
from index.models import Chunk

ADD_BATCH = 512
# how many candidates the approximate (HNSW) search keeps while it walks the graph: Chroma's default (100) missed
# one of the true 20 nearest passages now and then, and not the same one in every process, so two replicas (or a
# restart) could answer one question differently; at 400 it found the exact 20 nearest of the forum's passages in
# every run
EF_SEARCH = 400
OVERFETCH_MAX = 128  # hidden base chunks up to this are skipped by asking the base for that many more hits


def make_client(settings: IndexSettings, layout: StoreLayout):
    """An embedded PersistentClient under the store folder, or an HttpClient when a Chroma host is set."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if settings.chroma_host:
        try:
            client = chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
            client.heartbeat()
            return client
        except Exception as exc:
            raise IndexConfigError(
                f"Cannot reach the Chroma server at {settings.chroma_host}:{settings.chroma_port} ({exc}). "
                f"Chroma 서버({settings.chroma_host}:{settings.chroma_port})에 연결할 수 없습니다."
            ) from exc
    layout.chroma_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(layout.chroma_dir), settings=chroma_settings)


class VectorCollection:
    """One Chroma collection (a store version): add chunk vectors, copy them, search with filters."""

    def __init__(self, collection) -> None:
        self.collection = collection

    @classmethod
    def create(cls, client, name: str, embed_model: str, dimension: int) -> VectorCollection:
        with contextlib.suppress(Exception):  # a leftover of an interrupted build, or nothing
            client.delete_collection(name)
        collection = client.create_collection(
            name,
            metadata={"embed_model": embed_model, "dimension": dimension},
            configuration={"hnsw": {"space": "cosine", "ef_search": EF_SEARCH}},
            embedding_function=None,
        )
        return cls(collection)

    @property
    def embed_model(self) -> str | None:
        return (self.collection.metadata or {}).get("embed_model")

    @property
    def dimension(self) -> int | None:
        value = (self.collection.metadata or {}).get("dimension")
        return int(value) if value is not None else None

    def count(self) -> int:
        return self.collection.count()

    def add(self, chunks: list[Chunk], vectors: np.ndarray) -> None:
        """Store ``chunks`` with their (normalised) vectors."""
        from llama_index.core.schema import NodeRelationship, RelatedNodeInfo, TextNode
        from llama_index.vector_stores.chroma import ChromaVectorStore

        store = ChromaVectorStore(chroma_collection=self.collection)
        for i in range(0, len(chunks), ADD_BATCH):
            nodes = [
                TextNode(
                    id_=c.chunk_id,
                    text=c.text,
                    embedding=v.tolist(),
                    metadata={"lang": c.lang, "kind": c.kind},
                    # llama-index stores the source node id as ``doc_id`` / ``ref_doc_id`` metadata
                    relationships={NodeRelationship.SOURCE: RelatedNodeInfo(node_id=c.doc_id)},
                )
                for c, v in zip(chunks[i:i + ADD_BATCH], vectors[i:i + ADD_BATCH])
            ]
            store.add(nodes)

    def vectors(self, chunk_ids: list[str]) -> dict[str, np.ndarray]:
        """Stored vectors by chunk id (for copying unchanged documents into a new version)."""
        found: dict[str, np.ndarray] = {}
        for i in range(0, len(chunk_ids), ADD_BATCH):
            got = self.collection.get(ids=chunk_ids[i:i + ADD_BATCH], include=["embeddings"])
            for cid, vec in zip(got["ids"], got["embeddings"]):
                found[cid] = np.asarray(vec, dtype=np.float32)
        return found

    def search(
        self, vector: np.ndarray, k: int, lang: str | None = None, doc_ids: list[str] | None = None,
        without: list[str] | None = None,
    ) -> list[tuple[str, float]]:
        """Top ``k`` (chunk id, cosine similarity) pairs matching the filters (``without``: documents left out).
        ``doc_id`` is the source node id llama-index's ChromaVectorStore stored with each chunk."""
        filters: list[dict] = []
        if lang:
            filters.append({"lang": lang})
        if doc_ids is not None:
            filters.append({"doc_id": {"$in": list(doc_ids)}})
        if without:
            filters.append({"doc_id": {"$nin": list(without)}})
        where = filters[0] if len(filters) == 1 else {"$and": filters} if filters else None
        result = self.collection.query(query_embeddings=[np.asarray(vector, dtype=np.float32)], n_results=k,
                                       where=where, include=["distances"])
        # cosine space: distance = 1 - cosine
        return [(cid, 1.0 - float(d)) for cid, d in zip(result["ids"][0], result["distances"][0])]


class LayeredVectors:
    """The chunk vectors of one store version: its own collection and, for a layered version, the collection of
    the whole version it is layered on, less that one's hidden chunks (of documents changed or removed since).
    Searched together, the two answer as one collection holding exactly the version's chunks would."""

    def __init__(self, own: VectorCollection, own_count: int, base: VectorCollection | None = None,
                 base_count: int = 0, hidden: dict[str, str] | None = None) -> None:
        self.own, self.own_count = own, own_count
        self.base, self.base_count = base, base_count
        self.hidden = hidden or {}  # base chunk id -> its document id
        self._hidden_docs = sorted(set(self.hidden.values()))

    def search(
        self, vector: np.ndarray, k: int, lang: str | None = None, doc_ids: list[str] | None = None
    ) -> list[tuple[str, float]]:
        """Top ``k`` (chunk id, cosine similarity) pairs matching the filters, over both layers."""
        hits = self.own.search(vector, min(k, self.own_count), lang, doc_ids) if self.own_count else []
        if self.base is not None and self.base_count:
            if len(self.hidden) <= OVERFETCH_MAX:  # among the top k + hidden, at least k are not hidden
                found = self.base.search(vector, min(k + len(self.hidden), self.base_count), lang, doc_ids)
                hits += [(cid, score) for cid, score in found if cid not in self.hidden]
            else:
                hits += self.base.search(vector, min(k, self.base_count), lang, doc_ids, without=self._hidden_docs)
            hits.sort(key=lambda pair: -pair[1])
        return hits[:k]

    def vectors(self, chunk_ids: list[str]) -> dict[str, np.ndarray]:
        """Stored vectors by chunk id, from this version's own collection or else its base's."""
        found = self.own.vectors(chunk_ids) if self.own_count else {}
        rest = [cid for cid in chunk_ids if cid not in found]
        if rest and self.base is not None:
            found |= {cid: v for cid, v in self.base.vectors(rest).items() if cid not in self.hidden}
        return found
