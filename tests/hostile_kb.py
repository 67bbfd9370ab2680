"""A small assistant for the hostile file and upload tests, and what they compare before and after."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from index_kb import write_kb

from assistant import Assistant
from assistant.config import Settings

# Repeatable: the same examples on every run, nothing written to a local example database.
HOSTILE = settings(deadline=None, derandomize=True, database=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
KNOWN = "Where was the forum held?"


def small_assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """An assistant over the small bilingual knowledge folder, taking uploads up to 1 MB."""
    root = tmp_path_factory.mktemp("hostile")
    write_kb(root / "knowledge")
    return Assistant(Settings(knowledge_dir=root / "knowledge", data_dir=root / "data", max_upload_mb=1))


def snapshot(bot: Assistant) -> dict:
    """What must survive a bad file: every document's content, every chunk, the answer to a known question."""
    docs = {d.doc_id: bot.index.document(d.doc_id).content_hash for d in bot.library.documents()}
    return {"documents": docs, "chunks": sorted(c.chunk_id for c in bot.index.chunks()), "answer": bot.ask(KNOWN).text}


def lost(before: dict, after: dict) -> int:
    """Documents gone or changed, chunks gone, and the known answer if it changed."""
    docs = sum(after["documents"].get(doc_id) != h for doc_id, h in before["documents"].items())
    return docs + len(set(before["chunks"]) - set(after["chunks"])) + (before["answer"] != after["answer"])


def files_under(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (links as their target) with its content hash."""
    return {str(p.relative_to(folder)): (f"-> {p.readlink()}" if p.is_symlink() else
                                         hashlib.sha256(p.read_bytes()).hexdigest())
            for p in sorted(folder.rglob("*")) if p.is_file() or p.is_symlink()}
