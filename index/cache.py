"""A local copy of what a process derives from a loaded store version, so the next process on the machine opens it
in a fraction of the time reading it from Chroma takes.

Chroma stays the one truth: the copy is keyed by the version's collection and build time (a version never
changes once written), read only for the version the store's pointer names, and used only when it describes
exactly that version; anything else (a missing, stale or unreadable file) falls back to reading Chroma, which
rewrites it. Only the latest version's copy is kept. The files are pickles under the store folder, which only
this installation writes (like Chroma's own files beside them).
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import json
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path

from index.layout import Manifest, Pointer
from index.models import Chunk, Document
from index.sentences import Sentence, SentenceStore
from index.vectors import LayeredVectors, VectorCollection
from index.version import LoadedVersion

FORMAT = 1  # bump when what is saved changes


@lru_cache(maxsize=1)
def _format() -> str:
    """What a saved copy must match to be read: this format, the shape of every model in it, and the version of
    the library whose objects it holds (a copy written by other code is not used)."""
    shapes = [m.model_json_schema() for m in (Manifest, Chunk, Document, Sentence)]
    return hashlib.sha256(json.dumps([FORMAT, shapes, importlib.metadata.version("bm25s")], sort_keys=True)
                          .encode()).hexdigest()


class VersionCache:
    """Saved versions under ``folder`` (``None``: no cache, every load reads Chroma)."""

    def __init__(self, folder: Path | None, prefix: str) -> None:
        self.folder = folder
        self.prefix = prefix

    def _path(self, pointer: Pointer) -> Path:
        return self.folder / f"{pointer.collection}-{pointer.built_at.timestamp():.6f}.pickle"  # type: ignore[operator]

    def load(self, pointer: Pointer, client) -> LoadedVersion | None:
        """The version ``pointer`` names as saved here, with its collections opened in ``client``; ``None``
        when there is no usable copy."""
        if self.folder is None:
            return None
        try:
            with open(self._path(pointer), "rb") as fh:
                saved = pickle.load(fh)  # written by this installation, under its store folder
            m = saved["manifest"]
            if saved["format"] != _format() or (m.version, m.built_at) != (pointer.version, pointer.built_at):
                return None
            own = VectorCollection(client.get_collection(m.collection, embedding_function=None))
            base = (VectorCollection(client.get_collection(saved["base_collection"], embedding_function=None))
                    if saved["base_collection"] else None)
        except Exception:  # noqa: BLE001 - no copy, an unreadable one, or a collection gone: read the store
            return None
        layers = LayeredVectors(own, saved["own_count"], base, saved["base_count"], saved["hidden"])
        return LoadedVersion(m, saved["chunks"], saved["documents"], saved["analysis"], layers,
                             SentenceStore(saved["sentences"], saved["vectors"]), saved["files"], saved["bm25"])

    def save(self, pointer: Pointer, version: LoadedVersion) -> None:
        """Keep ``version`` (loaded for ``pointer``) for the next process; drop older copies. Failing to write is
        not an error: the next process reads the store."""
        if self.folder is None:
            return
        layers = version.vectors
        saved = {
            "format": _format(), "manifest": version.manifest, "chunks": version.chunks,
            "documents": list(version.documents.values()), "analysis": version.analysis,
            "sentences": version.sentences.sentences, "vectors": version.sentences.vectors, "files": version.files,
            "bm25": version.bm25, "own_count": layers.own_count, "base_count": layers.base_count,
            "hidden": layers.hidden, "base_collection": layers.base.collection.name if layers.base else None,
        }
        with contextlib.suppress(OSError):
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, partial = tempfile.mkstemp(dir=self.folder, prefix=".partial-")
            try:
                with os.fdopen(fd, "wb") as fh:
                    pickle.dump(saved, fh, protocol=pickle.HIGHEST_PROTOCOL)
                target = self._path(pointer)
                os.replace(partial, target)
            except BaseException:
                Path(partial).unlink(missing_ok=True)
                raise
            for old in self.folder.glob(f"{self.prefix}_v*.pickle"):
                if old != target:
                    old.unlink(missing_ok=True)
