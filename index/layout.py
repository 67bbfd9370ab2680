"""What describes a store version (its manifest, the pointer to the current one) and the local folders of the
embedded store."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import BaseModel, Field

from index.models import DocumentMeta


class ManifestEntry(BaseModel):
    """One indexed document: what was hashed, where it came from, how many chunks it gave, and when its
    content last changed (the build that added or updated it; ``None`` in manifests written before this)."""

    meta: DocumentMeta
    content_hash: str
    path: str | None = None
    chunks: int = 0
    changed_at: dt.datetime | None = None
    stored_in: int | None = None  # the base version whose collections hold this document; None: this version's
    file: str | None = None  # the file it was loaded from, relative to the knowledge folder
    file_digest: str | None = None  # fingerprint of the file's bytes (None: rendered from program.yaml, or older)
    file_stat: tuple[int, int] | None = None  # the file's size and modification time (ns) when fingerprinted


class Manifest(BaseModel):
    """Everything one store version holds, keyed by document id (in document order).

    A *whole* version (``base`` None) stores every document's records in its own collections. A *layered* one
    stores only the documents that changed since ``base``, a whole version whose collections it shares: the
    documents it takes from there say so in ``stored_in``, and every other record of the base is hidden."""

    version: int
    collection: str
    embed_model: str
    dimension: int
    splitter: str
    built_at: dt.datetime
    documents: dict[str, ManifestEntry] = {}
    base: int | None = None
    loader: str | None = None  # index.loaders.LOADER_VERSION of the build (None: before it was recorded)
    analyser: str | None = None  # index.text.ANALYSER_VERSION of its stored analysis (None: before it was recorded)

    def own(self) -> set[str]:
        """The documents whose records this version's own collections hold."""
        return {doc_id for doc_id, e in self.documents.items() if e.stored_in is None}


class Pointer(BaseModel):
    """The version searches use; replaced in one write when a build completes."""

    version: int
    collection: str
    embed_model: str
    dimension: int
    built_at: dt.datetime
    base: int | None = None  # the whole version a layered one shares records with
    switched_at: dt.datetime = Field(default_factory=lambda: dt.datetime.now(dt.UTC))


class StoreLayout:
    """Local paths under ``store_dir``: the embedded Chroma store and the lock that serialises this machine's
    builds. Nothing else of the index lives on local disk."""

    def __init__(self, store_dir: Path) -> None:
        self.root = store_dir
        self.chroma_dir = store_dir / "chroma"
        self.lock_path = store_dir / "build.lock"
