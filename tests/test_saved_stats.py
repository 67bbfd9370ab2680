"""The answer step's term statistics are kept beside the index's local copy: the next process answers without
counting them again, and any change to the documents or to the code that counts them counts again."""

from __future__ import annotations

import pytest
from index_kb import settings_for, write_kb

from assistant.answering import evidence
from assistant.answering.evidence import EvidenceScorer
from index.store import KnowledgeIndex


@pytest.fixture
def counting(monkeypatch) -> list[int]:
    """Records each time the statistics are counted (rather than read back)."""
    calls: list[int] = []
    original = evidence._day_dates

    def day_dates(chunks):
        calls.append(len(chunks))
        return original(chunks)

    monkeypatch.setattr(evidence, "_day_dates", day_dates)
    return calls


def _stats(settings):
    return EvidenceScorer(KnowledgeIndex.open(settings, build_if_missing=False)).stats()


def test_the_next_process_reads_the_statistics_counted_before(tmp_path, counting):
    settings = settings_for(tmp_path)
    write_kb(settings.knowledge_dir)
    KnowledgeIndex.open(settings)
    first = _stats(settings)
    assert len(counting) == 1
    second = _stats(settings)
    assert len(counting) == 1 and second.counted() == first.counted()
    assert second.df[evidence.stem("memorandum")] > 0 and set(second.by_id) == set(first.by_id)


def test_a_new_version_damaged_copy_or_other_code_counts_again(tmp_path, counting, monkeypatch):
    settings = settings_for(tmp_path)
    kb = write_kb(settings.knowledge_dir)
    index = KnowledgeIndex.open(settings)
    before = _stats(settings)
    (kb / "coffee.txt").write_text("The barista championship was held in the lobby.\n", encoding="utf-8")
    index.build()
    after = _stats(settings)
    assert len(counting) == 2 and after.df["barist"] == 1 and before.df["barist"] == 0

    [saved] = settings.version_cache_dir.glob("*-answer-stats.pickle")
    saved.write_bytes(b"not a pickle")
    assert _stats(settings).counted() == after.counted() and len(counting) == 3

    monkeypatch.setattr("assistant.answering.saved_stats.code_fingerprint", lambda: "changed code")
    _stats(settings)
    assert len(counting) == 4


def test_nothing_is_kept_when_the_local_copy_is_switched_off(tmp_path, counting):
    settings = settings_for(tmp_path, index_cache=False)
    write_kb(settings.knowledge_dir)
    KnowledgeIndex.open(settings)
    _stats(settings)
    _stats(settings)
    assert len(counting) == 2 and not (settings.store_dir / "cache").exists()
