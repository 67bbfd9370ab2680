"""Collect the documents of a knowledge folder: every supported file plus the rendered ``program.yaml``
(``event.yaml``, the event's names and UI texts, is not a document)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

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
    digests: dict[str, tuple[str, str]] = {}  # document id -> (its file, relative to the folder; its bytes' fingerprint)


def document_files(knowledge_dir: Path) -> list[tuple[str, str]]:
    """Files that are candidate documents (hidden files, READMEs, ``program.yaml`` and ``event.yaml`` excluded),
    in path order: each as its path relative to the folder, and its full path."""
    if not knowledge_dir.is_dir():
        return []
    found: list[tuple[tuple[str, ...], str, str]] = []
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
            if os.path.isfile(full):
                found.append(((*rel, name), prefix + name, full))
    return [(name, full) for _, name, full in sorted(found, key=lambda f: f[0])]


def scan(knowledge_dir: Path, progress: Progress | None = None,
         known: dict[str, tuple[str, Document]] | None = None) -> ScanResult:
    """Load every document; a bad file is reported in ``skipped`` and the rest continue. ``known``: documents
    loaded before by the same loader, by file (relative to the folder), with their file's fingerprint; a file whose
    bytes still have that fingerprint gives that document (with the file's present path) without being loaded
    again."""
    result = ScanResult()
    seen: dict[str, str] = {}
    files = document_files(knowledge_dir)
    for n, (name, path) in enumerate(files, 1):
        try:
            digest = _digest(path)
            before = (known or {}).get(name)
            if before is not None and digest is not None and before[0] == digest:
                doc = before[1] if before[1].path == path else before[1].model_copy(update={"path": path})
            else:
                doc = load_file(Path(path), knowledge_dir)
        except BadDocumentError as exc:
            result.skipped.append(SkippedFile(path=name, reason=exc.reason))
            continue
        finally:
            if progress:
                progress(n, len(files), "loading")
        if _keep(result, seen, doc, name) and digest is not None:
            result.digests[doc.doc_id] = (name, digest)
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
