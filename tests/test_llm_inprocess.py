"""The ``llamacpp`` backend: the 0.5B preset run in-process by llama-cpp-python, asked eval questions."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from engine_kb import engine_settings
from test_llm_server import assert_generated_and_checked, eval_questions, small_model  # noqa: F401 - shared fixture

from assistant.config import Settings
from index.config import PROJECT_ROOT

pytestmark = pytest.mark.llm


@pytest.fixture(scope="module")
def assistant(small_model, tmp_path_factory):  # noqa: F811
    from assistant import Assistant

    settings = engine_settings(tmp_path_factory, llm="llamacpp", llamacpp_model=str(small_model))
    return Assistant(settings)


@pytest.mark.parametrize("item", eval_questions(), ids=lambda i: i.id)
def test_in_process_answers_are_cited_supported_and_in_the_asker_language(assistant, item):
    assert_generated_and_checked(assistant.ask(item.question), item, "llamacpp")


def test_the_preset_name_assembles_and_loads_the_verified_model(tmp_path):
    from assistant.answering.gguf import PRESETS, sha256_file
    from assistant.answering.llm import LlamaCppBackend
    from assistant.answering.prompts import ChatMessage

    backend = LlamaCppBackend(Settings(llm="llamacpp", llamacpp_model="qwen2.5-coder-0.5b", data_dir=tmp_path))
    assert backend.model_path.parent == tmp_path / "models"
    assert sha256_file(backend.model_path) == PRESETS["qwen2.5-coder-0.5b"].sha256
    reply = "".join(backend.stream([ChatMessage(role="user", content="Say OK.")]))
    assert reply.strip()



def test_a_command_that_answered_with_the_model_exits_cleanly(assistant, small_model):  # noqa: F811
    """``eval --llm llamacpp`` ends without a traceback from freeing the model while the interpreter shuts down."""
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(assistant.settings.data_dir),
           "ASSISTANT_LLAMACPP_MODEL": str(small_model)}
    done = subprocess.run([sys.executable, "-m", "assistant", "eval", "--llm", "llamacpp", "--suite", "tuned",
                           "--limit", "1"], capture_output=True, text=True, timeout=600, env=env, cwd=PROJECT_ROOT,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert "answer quality by suite (llamacpp)" in done.stdout
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr, done.stderr
