"""A real llama.cpp OpenAI-compatible server (0.5B preset) behind the ``openai`` backend, asked eval questions."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from engine_kb import engine_settings

from assistant.answering.gguf import resolve_model
from assistant.checking.citation_check import audit_answer
from assistant.config import Settings
from assistant.evaluation.evalset import load_eval_set
from assistant.question.language import detect_language

pytestmark = pytest.mark.llm

QUESTIONS_PER_LANGUAGE = 2
SERVER_START_TIMEOUT = 120


def eval_questions():
    """The first plain factual questions of each language (no history, no injection)."""
    items = [i for i in load_eval_set() if i.answerable and not i.history and i.tags == ["factual"]]
    return [i for lang in ("ko", "en") for i in [x for x in items if x.lang == lang][:QUESTIONS_PER_LANGUAGE]]


@pytest.fixture(scope="session")
def small_model():
    """The assembled, sha256-verified 0.5B preset (cached in the project's data dir)."""
    return resolve_model("qwen2.5-coder-0.5b", Settings().data_dir)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _served_models(base_url: str) -> list[str]:
    with urllib.request.urlopen(f"{base_url}/models", timeout=2) as response:
        return [m["id"] for m in json.load(response)["data"]]


@pytest.fixture(scope="module")
def llama_server(small_model, tmp_path_factory):
    """``python -m llama_cpp.server`` on a free loopback port; yields its base URL, stops it afterwards."""
    port = _free_port()
    log = (tmp_path_factory.mktemp("llama-server") / "server.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "llama_cpp.server", "--model", str(small_model), "--host", "127.0.0.1",
         "--port", str(port), "--n_ctx", "4096"],
        stdout=log, stderr=subprocess.STDOUT,
    )
    base_url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while True:
            if process.poll() is not None:
                pytest.fail(f"llama_cpp.server exited with {process.returncode}; see {log.name}")
            try:
                models = _served_models(base_url)
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"llama_cpp.server did not answer within {SERVER_START_TIMEOUT}s; see {log.name}")
                time.sleep(0.5)
        yield base_url, models[0]
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture(scope="module")
def assistant(llama_server, tmp_path_factory):
    from assistant import Assistant

    base_url, model = llama_server
    settings = engine_settings(tmp_path_factory, llm="openai", llm_base_url=base_url, llm_model=model)
    return Assistant(settings)


def assert_generated_and_checked(answer, item, backend: str) -> None:
    """The model wrote the answer, in the asker's language, and every kept sentence is cited and supported."""
    assert answer.backend == backend
    assert answer.draft, "the model wrote nothing"
    assert not answer.refused and answer.citations
    assert detect_language(answer.text) == item.lang
    assert audit_answer(answer) == []


@pytest.mark.parametrize("item", eval_questions(), ids=lambda i: i.id)
def test_answers_through_the_server_are_cited_supported_and_in_the_asker_language(assistant, item):
    assert_generated_and_checked(assistant.ask(item.question), item, "openai")


def test_the_stream_shows_the_draft_before_the_checked_answer(assistant):
    from assistant.models import Answer

    item = eval_questions()[-1]
    items = list(assistant.ask_stream(item.question))
    drafts, final = items[:-1], items[-1]
    assert isinstance(final, Answer) and drafts and all(isinstance(d, str) for d in drafts)
    assert drafts[-1] == final.draft
    assert audit_answer(final) == []
