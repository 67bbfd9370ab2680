"""The index against a real Chroma server (``chroma run``), as when ASSISTANT_CHROMA_HOST is set."""

from __future__ import annotations

import pytest
from chroma_server import ChromaServer, free_port
from index_kb import assert_same_index, settings_for, write_kb

from index.errors import IndexConfigError
from index.store import KnowledgeIndex


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory):
    """A ``chroma run`` server on a free local port, stopped after the module."""
    with ChromaServer(tmp_path_factory.mktemp("chroma-server")) as server:
        yield server.port


def test_build_search_and_incremental_update_on_a_chroma_server(tmp_path, chroma_server):
    kb = write_kb(tmp_path / "knowledge")
    settings = settings_for(tmp_path, chroma_host="127.0.0.1", chroma_port=chroma_server, collection_prefix="srv",
                            index_gc_grace_seconds=0)
    index = KnowledgeIndex.open(settings)
    status = index.status()
    assert status.store == f"chroma://127.0.0.1:{chroma_server}"
    assert not (settings.store_dir / "chroma").exists()  # vectors live on the server
    assert "엠갤러리" in index.dense_search("포럼 장소는 어디인가요?", k=1, lang="ko")[0].text

    (kb / "mou-en.md").unlink()
    report = index.build()
    assert report.removed == ["mou-en"]
    assert list(index.catalog.versions()) == [index.catalog.read_pointer().version]  # the old one is collected


def test_an_unreachable_server_is_a_clear_error(tmp_path):
    write_kb(tmp_path / "knowledge")
    settings = settings_for(tmp_path, chroma_host="127.0.0.1", chroma_port=free_port())
    with pytest.raises(IndexConfigError, match="Chroma"):
        KnowledgeIndex.open(settings)


def test_a_layered_version_on_a_chroma_server_reads_the_same_from_a_replica(tmp_path, chroma_server):
    kb = write_kb(tmp_path / "knowledge")
    settings = settings_for(tmp_path, chroma_host="127.0.0.1", chroma_port=chroma_server, collection_prefix="layers",
                            index_gc_grace_seconds=0, index_layer_max_share=1.0)
    builder = KnowledgeIndex.open(settings)
    base = builder.version()
    (kb / "coffee-break.txt").write_text("The coffee break was served in the lobby at three o'clock.\n",
                                         encoding="utf-8")
    (kb / "mou-ko.md").unlink()
    builder.build()
    assert builder.catalog.read_pointer().base == base
    assert sorted(builder.catalog.versions()) == [base, builder.version()]  # the base is kept, in use
    replica = KnowledgeIndex.open(settings.model_copy(update={"data_dir": tmp_path / "replica"}),
                                  build_if_missing=False)
    assert replica.settings.version_cache_dir is None  # a replica keeps nothing on disk
    assert_same_index(replica, builder)
    assert replica.bm25_search("coffee break lobby", k=1)[0].doc_id == "coffee-break"
    assert replica.chunks("mou-ko") == []
