"""The documents behind the assistant, as the front ends reach them: list, read, the programme, add,
rebuild and remove. The web side uses this (``Assistant.library``), never the index itself."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np

from index.errors import IndexUserError, UnknownDocumentError
from index.loaders import SUPPORTED_SUFFIXES
from index.models import BuildReport, Chunk, Document, DocumentInfo, IndexStatus, Lang
from index.program import PROGRAM_FILE, Program, ProgramError, parse_program
from index.store import KnowledgeIndex
from index.text import split_sentences

from .config import Settings

Progress = Callable[[int, int, str], None]

# Names the front ends use with the library, so they need nothing from ``index``.
__all__ = [
    "SUPPORTED_SUFFIXES", "BuildReport", "Chunk", "Document", "DocumentError", "DocumentInfo", "IndexStatus", "Lang",
    "Library", "Program", "ProgramError", "UnknownDocumentError", "split_sentences",
]

DocumentError = IndexUserError  # a problem the person can fix (a bad file, an unknown id); nothing changed


class Library:
    """The indexed documents of one assistant; every change tells the assistant to re-read them."""

    def __init__(self, index: KnowledgeIndex, settings: Settings, on_change: Callable[[], None] | None = None):
        self._index = index
        self.settings = settings
        self._on_change = on_change

    def _changed(self, report: BuildReport) -> BuildReport:
        if self._on_change is not None:
            self._on_change()
        return report

    # -- reading -------------------------------------------------------------------------------

    def documents(self) -> list[DocumentInfo]:
        """Every indexed document, as listed for browsing."""
        return self._index.documents()

    def document(self, doc_id: str) -> Document:
        """One document's text and facts; raises ``UnknownDocumentError``."""
        return self._index.document(doc_id)

    def programme(self) -> Program:
        """The structured programme of the knowledge folder; raises ``ProgramError`` (bilingual message)."""
        text = self._index.knowledge_files().get(PROGRAM_FILE)
        if text is None:
            raise ProgramError(f"프로그램 파일이 없습니다 / There is no programme file ({PROGRAM_FILE}) in the documents")
        return parse_program(text)

    def status(self) -> IndexStatus:
        return self._index.status()

    def embed_questions(self, texts: list[str]) -> np.ndarray:
        """Unit vectors of ``texts`` as the assistant embeds questions (one row each; cosine is a dot product)."""
        if not texts:
            return np.zeros((0, 0), np.float32)
        vectors = np.asarray(self._index.embed_queries(list(texts)), dtype=np.float32)
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)

    # -- changing ------------------------------------------------------------------------------

    def add(self, paths: list[Path], progress: Progress | None = None) -> BuildReport:
        """Copy files into the knowledge folder and index them; a bad file raises ``DocumentError``, nothing changes."""
        return self._changed(self._index.add(paths, progress=progress))

    def rebuild(self, progress: Progress | None = None) -> BuildReport:
        """Re-embed every document of the knowledge folder."""
        return self._changed(self._index.build(rebuild=True, progress=progress))

    def update(self, progress: Progress | None = None) -> BuildReport:
        """Index what changed in the knowledge folder."""
        return self._changed(self._index.build(progress=progress))

    def remove(self, doc_id: str, progress: Progress | None = None) -> BuildReport:
        """Delete a document's file from the knowledge folder and the index; raises ``DocumentError``."""
        return self._changed(self._index.remove(doc_id, progress=progress))
