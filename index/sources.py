"""Collect the documents of a knowledge folder: every supported file plus the rendered ``program.yaml``
(``event.yaml``, the event's names and UI texts, is not a document)."""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from pydantic import BaseModel

from index.errors import BadDocumentError
from index.loaders import file_digest, load_file
from index.models import Document, SkippedFile

PROGRAM_FILE = "program.yaml"
EVENT_FILE = "event.yaml"

Progress = Callable[[int, int, str], None]


class ScanResult(BaseModel):
    """Documents found in a knowledge folder, and the files that could not be used."""

    documents: list[Document] = []
    skipped: list[SkippedFile] = []
    # document id -> its file (relative to the folder), its bytes' fingerprint, and its size and modification time
    digests: dict[str, tuple[str, str, tuple[int, int] | None]] = {}


class KnownFile(NamedTuple):
    """A file a scan loaded before: its fingerprint, the document it gave, and its size and modification time
    then (recorded only when it had not changed for a while), which vouch for its bytes without reading them."""

    digest: str
    document: Document
    stat: tuple[int, int] | None = None


# a file changed this recently may change again within the same tick of a coarse clock, leaving its modification
# time as it was: its size and time are not recorded, so the next scan reads it again
RACY_NS = 2_000_000_000


def document_files(knowledge_dir: Path) -> list[tuple[str, str, tuple[int, int]]]:
    """Files that are candidate documents (hidden files, READMEs, ``program.yaml`` and ``event.yaml`` excluded),
    in path order: each as its path relative to the folder, its full path, and its size and modification time."""
    if not knowledge_dir.is_dir():
        return []
    found: list[tuple[tuple[str, ...], str, str, tuple[int, int]]] = []
    root = str(knowledge_dir)
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]  # hidden folders are not walked
        rel = tuple(os.path.relpath(folder, root).split(os.sep)) if folder != root else ()
        prefix = "".join(part + os.sep for part in rel)
        for name in names:
            if name.startswith(".") or name.lower().startswith("readme"):
                continue
            if not rel and name in (PROGRAM_FILE, EVENT_FILE):
                continue
            full = folder + os.sep + name
            try:
                st = os.stat(full)
            except OSError:
                continue
            if stat.S_ISREG(st.st_mode):
                found.append(((*rel, name), prefix + name, full, (st.st_size, st.st_mtime_ns)))
    return [(name, full, st) for _, name, full, st in sorted(found, key=lambda f: f[0])]


def scan(knowledge_dir: Path, progress: Progress | None = None, known: dict[str, KnownFile] | None = None) -> ScanResult:
    """Load every document; a bad file is reported in ``skipped`` and the rest continue. ``known``: documents
    loaded before by the same loader, by file (relative to the folder); a file whose size and modification time
    are those recorded then (long enough before), or whose bytes still have the fingerprint, gives that document
    (with the file's present path) without being loaded again."""
    result = ScanResult()
    seen: dict[str, str] = {}
    files = document_files(knowledge_dir)
    settled = time.time_ns() - RACY_NS
    for n, (name, path, st) in enumerate(files, 1):
        try:
            before = (known or {}).get(name)
            if before is not None and before.stat == st:
                digest: str | None = before.digest  # untouched since it was fingerprinted: not read again
            else:
                digest = _digest(path)
            if before is not None and digest is not None and before.digest == digest:
                doc = before.document if before.document.path == path else before.document.model_copy(
                    update={"path": path})
            else:
                doc = load_file(Path(path), knowledge_dir)
        except BadDocumentError as exc:
            result.skipped.append(SkippedFile(path=name, reason=exc.reason))
            continue
        finally:
            if progress:
                progress(n, len(files), "loading")
        if _keep(result, seen, doc, name) and digest is not None:
            result.digests[doc.doc_id] = (name, digest, st if st[1] < settled else None)
    for doc in program_documents(knowledge_dir, result.skipped):
        _keep(result, seen, doc, PROGRAM_FILE)
    return result


def _digest(path: str) -> str | None:
    """The fingerprint of ``path``'s bytes; ``None`` when it cannot be read (the loader then says why)."""
    try:
        with open(path, "rb") as f:
            return file_digest(f.read())
    except OSError:
        return None


def _keep(result: ScanResult, seen: dict[str, str], doc: Document, name: str) -> bool:
    if doc.doc_id in seen:
        result.skipped.append(SkippedFile(path=name, reason=f"duplicate document id {doc.doc_id!r} (also in {seen[doc.doc_id]})"))
        return False
    seen[doc.doc_id] = name
    result.documents.append(doc)
    return True


def program_documents(knowledge_dir: Path, skipped: list[SkippedFile]) -> list[Document]:
    """Documents rendered from ``program.yaml`` when it (and its renderer) exist; problems go to ``skipped``."""
    path = knowledge_dir / PROGRAM_FILE
    if not path.is_file():
        return []
    try:
        from index import program
    except ImportError:
        return []
    try:
        docs = program.program_documents(program.load_program(path), path=str(path))
    except Exception as exc:  # noqa: BLE001 - YAML or validation errors in the user's file
        skipped.append(SkippedFile(path=PROGRAM_FILE, reason=f"cannot read the programme: {exc}"))
        return []
    for doc in docs:
        if doc.path is None:
            doc.path = str(path)
    return docs


def knowledge_files(knowledge_dir: Path) -> dict[str, str]:
    """The folder's configuration files (``event.yaml``, ``program.yaml``) as text, stored with each version
    so that a process serving the index reads the same event and programme without the folder."""
    found = {}
    for name in (EVENT_FILE, PROGRAM_FILE):
        path = knowledge_dir / name
        if path.is_file():
            found[name] = path.read_text(encoding="utf-8")
    return found
