"""The index against a real Chroma server (``chroma run``), as when ASSISTANT_CHROMA_HOST is set."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from index_kb import settings_for, write_kb

from index.errors import IndexConfigError
from index.store import KnowledgeIndex

CHROMA = Path(sys.executable).with_name("chroma")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory):
    """A ``chroma run`` server on a free local port, stopped after the module."""
    assert CHROMA.exists() or shutil.which("chroma"), "the chromadb package installs the `chroma` command"
    port = _free_port()
    path = tmp_path_factory.mktemp("chroma-server")
    proc = subprocess.Popen(
        [str(CHROMA) if CHROMA.exists() else "chroma", "run", "--path", str(path), "--host", "127.0.0.1",
         "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.2)
        else:
            pytest.fail("chroma server did not start")
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_build_search_and_incremental_update_on_a_chroma_server(tmp_path, chroma_server):
    kb = write_kb(tmp_path / "knowledge")
    settings = settings_for(tmp_path, chroma_host="127.0.0.1", chroma_port=chroma_server, collection_prefix="srv")
    index = KnowledgeIndex.open(settings)
    status = index.status()
    assert status.store == f"chroma://127.0.0.1:{chroma_server}"
    assert not (settings.store_dir / "chroma").exists()  # vectors live on the server
    assert "엠갤러리" in index.dense_search("포럼 장소는 어디인가요?", k=1, lang="ko")[0].text

    (kb / "mou-en.md").unlink()
    report = index.build()
    assert report.removed == ["mou-en"]
    names = [c.name for c in index.client.list_collections() if c.name.startswith("srv_")]
    assert names == [index.status().collection]


def test_an_unreachable_server_is_a_clear_error(tmp_path):
    write_kb(tmp_path / "knowledge")
    settings = settings_for(tmp_path, chroma_host="127.0.0.1", chroma_port=_free_port())
    with pytest.raises(IndexConfigError, match="Chroma"):
        KnowledgeIndex.open(settings)
