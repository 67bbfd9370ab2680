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


def test_the_next_process_reads_the_loanwords_paired_before(tmp_path, monkeypatch):
    """Pairing loanwords embeds words (a second at 10,000 chunks): the next process reads the pairs back."""
    settings = settings_for(tmp_path)
    kb = write_kb(settings.knowledge_dir)
    (kb / "shuttle-ko.md").write_text("---\nid: shuttle-ko\ntitle: 셔틀\nlang: ko\nsource: 테스트\nkind: guide\n---\n"
                                      "# 교통\n\n역에서 행사장까지 셔틀버스가 다닙니다. 셔틀은 무료입니다.\n", encoding="utf-8")
    (kb / "shuttle-en.md").write_text("---\nid: shuttle-en\ntitle: Programme\nlang: en\nsource: Test\n"
                                      "kind: programme\n---\n# Transport\n\nThe shuttle leaves every hour.\n",
                                      encoding="utf-8")
    KnowledgeIndex.open(settings)
    first = EvidenceScorer(KnowledgeIndex.open(settings, build_if_missing=False)).loanwords()
    assert first.english.get("셔틀") == ("shuttle",)

    def no_pairing(*args, **kwargs):
        raise AssertionError("paired again")

    monkeypatch.setattr(evidence.Loanwords, "of", no_pairing)
    assert EvidenceScorer(KnowledgeIndex.open(settings, build_if_missing=False)).loanwords() == first
