"""On-disk layout of the store: versioned folders, their manifests, and the pointer to the current version."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

from pydantic import BaseModel

from index.models import Chunk, Document, DocumentMeta


class ManifestEntry(BaseModel):
    """One indexed document: what was hashed, where it came from, how many chunks it gave, and when its
    content last changed (the build that added or updated it; ``None`` in manifests written before this)."""

    meta: DocumentMeta
    content_hash: str
    path: str | None = None
    chunks: int = 0
    changed_at: dt.datetime | None = None


class Manifest(BaseModel):
    """Everything one store version holds, keyed by document id."""

    version: int
    collection: str
    embed_model: str
    dimension: int
    splitter: str
    built_at: dt.datetime
    documents: dict[str, ManifestEntry] = {}


class Pointer(BaseModel):
    """The version searches use; replaced atomically when a build completes."""

    version: int
    collection: str
    embed_model: str
    dimension: int
    built_at: dt.datetime


class StoreLayout:
    """Paths under ``store_dir``: ``chroma/``, ``current.json`` and one ``v<N>/`` folder per version."""

    def __init__(self, store_dir: Path) -> None:
        self.root = store_dir
        self.chroma_dir = store_dir / "chroma"
        self.pointer_path = store_dir / "current.json"
        self.lock_path = store_dir / "build.lock"

    def version_dir(self, version: int) -> Path:
        return self.root / f"v{version:06d}"

    def version_dirs(self) -> dict[int, Path]:
        found = {}
        if self.root.is_dir():
            for path in self.root.glob("v[0-9]*"):
                if path.is_dir() and path.name[1:].isdigit():
                    found[int(path.name[1:])] = path
        return found

    def read_pointer(self) -> Pointer | None:
        try:
            return Pointer.model_validate_json(self.pointer_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None

    def pointer_stamp(self) -> tuple[int, int] | None:
        """Cheap change detector for the pointer file (mtime, inode)."""
        try:
            st = self.pointer_path.stat()
        except FileNotFoundError:
            return None
        return st.st_mtime_ns, st.st_ino

    def write_pointer(self, pointer: Pointer) -> None:
        write_atomic(self.pointer_path, pointer.model_dump_json(indent=2))

    def remove_version_dir(self, version: int) -> None:
        shutil.rmtree(self.version_dir(version), ignore_errors=True)


class VersionFiles:
    """The files of one version folder: manifest, chunks, documents, BM25."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.manifest = folder / "manifest.json"
        self.chunks = folder / "chunks.jsonl"
        self.documents = folder / "documents.jsonl"
        self.bm25 = folder / "bm25"

    def write(self, manifest: Manifest, chunks: list[Chunk], documents: list[Document]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        _write_jsonl(self.chunks, (c.model_dump_json() for c in chunks))
        _write_jsonl(self.documents, (d.model_dump_json() for d in documents))
        write_atomic(self.manifest, manifest.model_dump_json(indent=2))

    def read_manifest(self) -> Manifest:
        return Manifest.model_validate_json(self.manifest.read_text(encoding="utf-8"))

    def read_chunks(self) -> list[Chunk]:
        return [Chunk.model_validate_json(line) for line in _read_lines(self.chunks)]

    def read_documents(self) -> list[Document]:
        return [Document.model_validate_json(line) for line in _read_lines(self.documents)]


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path``, fsync it, then ``os.replace`` it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_jsonl(path: Path, lines) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for line in lines:
            fh.write(line + "\n")
        fh.flush()
        os.fsync(fh.fileno())


def _read_lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
