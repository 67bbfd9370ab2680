"""Layered versions: a build that changes a few documents stores only those, over the last whole version, and
answers exactly as a whole version of the same documents would; garbage collection keeps a base in use; a
layered build that fails or is killed loses nothing."""

from __future__ import annotations

import shutil

import pytest
from index_kb import DOCS, assert_same_index, build_killed_while_embedding, settings_for, write_kb

from assistant.config import Settings
from assistant.engine import Assistant
from index import sources
from index.config import PROJECT_ROOT
from index.store import KnowledgeIndex

COFFEE = "The coffee break was served in the lobby at three o'clock.\n"


def _layered(settings, **overrides) -> KnowledgeIndex:
    return KnowledgeIndex.open(settings.model_copy(update={"index_layer_max_share": 1.0, **overrides}))


def _change(kb) -> None:
    """Add a document, update one and remove another."""
    (kb / "coffee-break.txt").write_text(COFFEE, encoding="utf-8")
    path = kb / "venue-en.md"
    path.write_text(path.read_text(encoding="utf-8").replace("two days", "two full days"), encoding="utf-8")
    (kb / "mou-ko.md").unlink()


def _whole_copy(tmp_path, kb, name: str = "whole") -> KnowledgeIndex:
    """A whole version of the same folder, built from nothing."""
    return KnowledgeIndex.open(settings_for(tmp_path / name, knowledge=kb, index_layer_max_share=0.0))


def _counts(index: KnowledgeIndex, version: int) -> dict[str, int]:
    name = f"{index.settings.collection_prefix}_v{version:06d}"
    return {part: index.client.get_collection(name + suffix).count()
            for part, suffix in (("chunks", ""), ("sentences", "_sentences"), ("meta", "_meta"))}


def test_an_add_stores_only_the_new_document_over_the_whole_version(tmp_path):
    settings = settings_for(tmp_path, index_layer_max_share=1.0)
    kb = write_kb(settings.knowledge_dir)
    index = _layered(settings)
    whole = index.catalog.read_pointer()
    new = tmp_path / "incoming" / "coffee-break.txt"
    new.parent.mkdir()
    new.write_text(COFFEE, encoding="utf-8")
    index.add([new])
    pointer = index.catalog.read_pointer()
    assert pointer.version > whole.version and pointer.base == whole.version
    # its own collections hold one chunk, its sentence, and the new document's records (chunk, document, manifest)
    assert _counts(index, pointer.version) == {"chunks": 1, "sentences": 1, "meta": 3}
    assert index.bm25_search("coffee break lobby", k=1)[0].doc_id == "coffee-break"
    # another process reading the store sees the same version as the one that built it
    reader = KnowledgeIndex.open(settings, build_if_missing=False)
    assert_same_index(reader, index)
    assert_same_index(reader, _whole_copy(tmp_path, kb))


def test_updates_removals_and_a_layer_over_a_layer_answer_as_a_whole_version(tmp_path):
    settings = settings_for(tmp_path)
    kb = write_kb(settings.knowledge_dir)
    index = _layered(settings)
    base = index.version()
    _change(kb)
    report = index.build()
    assert report.added == ["coffee-break"] and report.updated == ["venue-en"] and report.removed == ["mou-ko"]
    assert index.catalog.read_pointer().base == base
    assert "two full days" in index.dense_search("How long did the forum run?", k=1, lang="en")[0].text
    assert all(c.doc_id != "mou-ko" for c in index.dense_search("업무협약 Scale AI", k=20))
    assert all("two days" not in c.text for c in index.bm25_search("two days", k=20))
    assert_same_index(KnowledgeIndex.open(settings, build_if_missing=False), _whole_copy(tmp_path, kb))

    # a second change is layered on the same whole version; the first change's records move into the new layer
    (kb / "tea.txt").write_text("Green tea was served in the garden after lunch.\n", encoding="utf-8")
    index.build()
    pointer = index.catalog.read_pointer()
    assert pointer.base == base
    assert _counts(index, pointer.version)["chunks"] == len(index.chunks("coffee-break") + index.chunks("tea")
                                                             + index.chunks("venue-en"))
    assert_same_index(KnowledgeIndex.open(settings, build_if_missing=False), _whole_copy(tmp_path, kb, "again"))


def test_past_the_share_a_build_writes_a_whole_version(tmp_path):
    settings = settings_for(tmp_path, index_layer_max_share=0.1)
    kb = write_kb(settings.knowledge_dir)
    index = KnowledgeIndex.open(settings)
    (kb / "mou-en.md").unlink()  # a quarter of the documents
    index.build()
    assert index.catalog.read_pointer().base is None
    assert_same_index(index, _whole_copy(tmp_path, kb))


def test_garbage_collection_keeps_a_base_while_a_version_uses_it(tmp_path):
    settings = settings_for(tmp_path, index_gc_grace_seconds=0)
    kb = write_kb(settings.knowledge_dir)
    index = _layered(settings)
    base = index.version()
    (kb / "coffee-break.txt").write_text(COFFEE, encoding="utf-8")
    index.build()
    first = index.version()
    (kb / "tea.txt").write_text("Green tea was served in the garden after lunch.\n", encoding="utf-8")
    index.build()
    second = index.version()
    assert sorted(index.catalog.versions()) == [base, second]  # the layer before went; its base stays
    assert all(len(names) == 3 for names in index.catalog.versions().values())
    assert first not in index.catalog.versions()
    assert_same_index(KnowledgeIndex.open(settings, build_if_missing=False), _whole_copy(tmp_path, kb))

    # a version being built layered on an old base keeps that base, even while another version is current
    index.build(rebuild=True)
    whole = index.version()
    claimed, _ = index.catalog.claim(base=whole)
    index.catalog.collect_garbage(index.catalog.read_pointer(), 0)
    assert sorted(index.catalog.versions()) == [whole, claimed]
    assert index.catalog.serves_on(whole) and not index.catalog.serves_on(base)
    index.catalog.discard(claimed)

    (kb / "tea.txt").unlink()
    index.build()
    assert index.catalog.read_pointer().base == whole
    index.build(rebuild=True)  # a whole version: nothing older is needed any more
    assert list(index.catalog.versions()) == [index.version()]


def test_a_layered_build_whose_base_was_superseded_meanwhile_writes_a_whole_version(tmp_path, monkeypatch):
    settings = settings_for(tmp_path, index_gc_grace_seconds=0)
    kb = write_kb(settings.knowledge_dir)
    index = _layered(settings)
    (kb / "coffee-break.txt").write_text(COFFEE, encoding="utf-8")
    monkeypatch.setattr(index.catalog, "serves_on", lambda base: False)  # as if another build had switched in
    index.build()
    assert index.catalog.read_pointer().base is None
    assert list(index.catalog.versions()) == [index.version()]  # the discarded claim left nothing
    assert_same_index(index, _whole_copy(tmp_path, kb))


def test_a_layered_build_that_fails_midway_loses_nothing(tmp_path):
    settings = settings_for(tmp_path)
    kb = write_kb(settings.knowledge_dir)
    index = _layered(settings)
    before, versions = index.catalog.read_pointer(), index.catalog.versions()
    (kb / "coffee-break.txt").write_text(COFFEE, encoding="utf-8")

    def progress(done, total, phase):
        if phase == "embedding" and done > 0:  # the new chunk's vector is stored
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        index.build(progress=progress)
    assert index.catalog.read_pointer() == before
    assert index.catalog.versions() == versions
    reader = KnowledgeIndex.open(settings, build_if_missing=False)
    assert "Hotel Naru" in reader.dense_search("Where was the forum held?", k=1, lang="en")[0].text
    assert index.build().added == ["coffee-break"]
    assert index.catalog.read_pointer().base == before.version


def test_a_killed_layered_build_leaves_the_version_and_its_base_serving(tmp_path):
    settings = settings_for(tmp_path)
    kb = write_kb(settings.knowledge_dir)
    served = _layered(settings)
    (kb / "coffee-break.txt").write_text(COFFEE, encoding="utf-8")
    served.build()  # a layered version is current
    pointer = served.catalog.read_pointer()
    assert pointer.base is not None
    (kb / "tea.txt").write_text("Green tea was served in the garden after lunch.\n", encoding="utf-8")
    with build_killed_while_embedding(settings, index_layer_max_share=1.0):
        assert len(served.catalog.versions()) == 3  # base, current layer, and the half-written one

    reopened = _layered(settings, index_gc_grace_seconds=0)
    assert reopened.catalog.read_pointer() == pointer
    assert reopened.bm25_search("coffee break lobby", k=1)[0].doc_id == "coffee-break"
    assert reopened.build().added == ["tea"]
    assert sorted(reopened.catalog.versions()) == [pointer.base, reopened.version()]
    assert_same_index(reopened, _whole_copy(tmp_path, kb))


def test_answers_from_a_layered_version_equal_a_whole_versions(tmp_path):
    kb = tmp_path / "knowledge"
    shutil.copytree(PROJECT_ROOT / "knowledge", kb, ignore=shutil.ignore_patterns("uploads"))
    layered = Settings(knowledge_dir=kb, data_dir=tmp_path / "layered")
    KnowledgeIndex.open(layered)
    shutil.copytree(tmp_path / "layered", tmp_path / "whole")  # the same first version, then each its own way
    doc = next(p for p in sorted(kb.glob("*.md")) if "lang: en" in p.read_text(encoding="utf-8"))
    doc.write_text(doc.read_text(encoding="utf-8") + "\nThe closing reception was held on the rooftop terrace.\n",
                   encoding="utf-8")
    (kb / "shuttle.txt").write_text("A shuttle bus ran from Seoul Station to the venue every thirty minutes.\n",
                                    encoding="utf-8")
    one = Assistant(layered)
    one.index.build()
    assert one.index.catalog.read_pointer().base is not None
    two = Assistant(Settings(knowledge_dir=kb, data_dir=tmp_path / "whole", index_layer_max_share=0.0))
    two.index.build()
    assert two.index.catalog.read_pointer().base is None
    one.index.settings.index_poll_seconds = 0
    questions = ["Where was the closing reception held?", "How often did the shuttle bus run?",
                 "SFASS 2025는 어디에서 열렸나요?", "Who hosted SFASS 2025?", "행사는 며칠 동안 열렸나요?"]
    for question in questions:
        a, b = one.ask(question), two.ask(question)
        assert (a.text, a.refused, [c.model_dump() for c in a.citations]) == \
            (b.text, b.refused, [c.model_dump() for c in b.citations])


def test_a_build_loads_only_the_files_whose_bytes_changed(tmp_path, monkeypatch):
    settings = settings_for(tmp_path)
    kb = write_kb(settings.knowledge_dir)
    index = _layered(settings)
    loaded = []
    original = sources.load_file
    monkeypatch.setattr(sources, "load_file", lambda path, root=None: loaded.append(path.name) or original(path, root))
    (kb / "coffee-break.txt").write_text(COFFEE, encoding="utf-8")
    path = kb / "venue-en.md"
    path.write_text(path.read_text(encoding="utf-8").replace("two days", "two full days"), encoding="utf-8")
    report = index.build()
    assert sorted(loaded) == ["coffee-break.txt", "venue-en.md"]
    assert report.added == ["coffee-break"] and report.updated == ["venue-en"]
    assert_same_index(KnowledgeIndex.open(settings, build_if_missing=False), _whole_copy(tmp_path, kb))
    loaded.clear()
    index.build(rebuild=True)  # a rebuild reads every file again
    assert len(loaded) == 5


def test_files_of_a_moved_knowledge_folder_are_known_by_their_place_in_it(tmp_path, monkeypatch):
    settings = settings_for(tmp_path)
    kb = write_kb(settings.knowledge_dir)
    _layered(settings)
    moved = tmp_path / "elsewhere" / "knowledge"
    shutil.copytree(kb, moved)
    loaded = []
    original = sources.load_file
    monkeypatch.setattr(sources, "load_file", lambda path, root=None: loaded.append(path.name) or original(path, root))
    index = _layered(settings.model_copy(update={"knowledge_dir": moved}))
    (moved / "coffee-break.txt").write_text(COFFEE, encoding="utf-8")
    report = index.build()
    assert loaded == ["coffee-break.txt"]
    assert report.added == ["coffee-break"] and len(report.unchanged) == len(DOCS)
    # a layered version over records stored before the move: every process reads the paths the files have now
    assert index.catalog.read_pointer().base is not None
    assert {d.path for d in index.documents()} == {str(moved / name) for name in [*DOCS, "coffee-break.txt"]}
    reader = KnowledgeIndex.open(index.settings, build_if_missing=False)
    assert {reader.document(d.doc_id).path for d in reader.documents()} == {d.path for d in index.documents()}


def test_many_hidden_chunks_are_left_out_by_a_filter_with_the_same_results(tmp_path, monkeypatch):
    settings = settings_for(tmp_path)
    kb = write_kb(settings.knowledge_dir)
    index = _layered(settings)
    _change(kb)
    index.build()
    assert index._require().vectors.hidden
    monkeypatch.setattr("index.vectors.OVERFETCH_MAX", 0)  # as past 128 hidden chunks: Chroma leaves them out
    assert_same_index(KnowledgeIndex.open(settings, build_if_missing=False), _whole_copy(tmp_path, kb))
