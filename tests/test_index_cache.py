"""The local copy of a loaded version: the next process opens it without reading the store, gets exactly what the
store holds, and falls back to the store when the copy is missing, stale or damaged; Chroma stays the truth."""

from __future__ import annotations

from index_kb import assert_same_index, settings_for, write_kb

from index.store import KnowledgeIndex
from index.versions import VersionCatalog


def _copies(index: KnowledgeIndex) -> list[str]:
    return sorted(p.name for p in index.settings.version_cache_dir.glob("*.pickle"))


def test_the_next_process_opens_the_saved_copy_and_it_equals_the_store(tmp_path, monkeypatch):
    settings = settings_for(tmp_path)
    write_kb(settings.knowledge_dir)
    built = KnowledgeIndex.open(settings)
    first = KnowledgeIndex.open(settings, build_if_missing=False)  # reads the store, then keeps a copy
    assert len(_copies(first)) == 1
    reads = []
    monkeypatch.setattr("index.versions.VersionCatalog.load", lambda self, pointer: reads.append(pointer))
    second = KnowledgeIndex.open(settings, build_if_missing=False)
    assert reads == [] and second.version() == built.version()
    assert_same_index(second, built)


def test_a_damaged_or_stale_copy_is_ignored_and_only_the_latest_is_kept(tmp_path):
    settings = settings_for(tmp_path)
    kb = write_kb(settings.knowledge_dir)
    index = KnowledgeIndex.open(settings)
    KnowledgeIndex.open(settings, build_if_missing=False)
    [name] = _copies(index)
    (settings.version_cache_dir / name).write_bytes(b"not a pickle")
    damaged = KnowledgeIndex.open(settings, build_if_missing=False)
    assert_same_index(damaged, index)
    assert _copies(index) == [name]  # written again

    (kb / "mou-ko.md").unlink()
    index.build()
    reopened = KnowledgeIndex.open(settings, build_if_missing=False)  # the pointer moved: the old copy is not used
    assert reopened.chunks("mou-ko") == [] and reopened.version() == index.version()
    assert len(_copies(index)) == 1 and _copies(index) != [name]
    assert_same_index(reopened, index)


def test_no_copy_is_kept_when_switched_off(tmp_path):
    settings = settings_for(tmp_path, index_cache=False)
    write_kb(settings.knowledge_dir)
    KnowledgeIndex.open(settings)
    KnowledgeIndex.open(settings, build_if_missing=False)
    assert settings.version_cache_dir is None
    assert not (settings.store_dir / "cache").exists()
    assert settings_for(tmp_path, chroma_host="127.0.0.1").version_cache_dir is None  # replicas need no disk


def test_a_copy_written_by_other_code_is_not_used(tmp_path, monkeypatch):
    settings = settings_for(tmp_path)
    write_kb(settings.knowledge_dir)
    index = KnowledgeIndex.open(settings)
    KnowledgeIndex.open(settings, build_if_missing=False)
    monkeypatch.setattr("index.cache._format", lambda: "another release")  # models or libraries changed
    reads = []
    load = VersionCatalog.load
    monkeypatch.setattr(VersionCatalog, "load", lambda self, pointer: reads.append(pointer) or load(self, pointer))
    assert_same_index(KnowledgeIndex.open(settings, build_if_missing=False), index)
    assert len(reads) == 1  # read from the store, and saved again in the new format
