"""``python -m assistant``: ask (text and JSON), chat, and clear errors."""

from __future__ import annotations

import json

import pytest
from engine_kb import engine_settings

from assistant import Assistant
from assistant.cli import main


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    settings = engine_settings(tmp_path_factory)
    Assistant(settings)  # builds the shared index when missing
    return settings.data_dir


@pytest.fixture(autouse=True)
def env(monkeypatch, data_dir):
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(data_dir))


def test_ask_prints_the_answer_and_numbered_sources(capsys):
    assert main(["ask", "Where was SFASS held?"]) == 0
    out = capsys.readouterr().out
    assert "Naru" in out and "Sources:" in out and "[1]" in out


def test_ask_says_when_the_model_server_could_not_be_reached(monkeypatch, capsys):
    import socket

    with socket.socket() as s:  # a port where nothing listens
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    for name, value in {"LLM": "openai", "LLM_BASE_URL": f"http://127.0.0.1:{port}", "LLM_MODEL": "m",
                        "LLM_MAX_RETRIES": "0"}.items():
        monkeypatch.setenv(f"ASSISTANT_{name}", value)
    assert main(["ask", "Where was SFASS held?"]) == 0
    out = capsys.readouterr().out
    assert "Naru" in out and "could not be reached" in out and "[1]" in out


def test_ask_json_is_the_answer_model(capsys):
    assert main(["ask", "--json", "SFASS는 어디에서 열렸나요?"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["language"] == "ko" and data["citations"][0]["n"] == 1 and "나루" in data["text"]


def test_ask_with_forced_language(capsys):
    main(["ask", "--json", "--lang", "en", "SFASS는 어디에서 열렸나요?"])
    assert json.loads(capsys.readouterr().out)["language"] == "en"


def test_empty_question_is_a_clear_error(capsys):
    assert main(["ask", "   "]) == 1
    assert "Please type a question" in capsys.readouterr().out


def test_chat_keeps_the_conversation_and_exits_on_ctrl_d(monkeypatch, capsys):
    lines = iter(["첫째 날에는 어떤 세션이 있었나요?", "그럼 둘째 날은요?"])

    def fake_input(prompt=""):
        try:
            return next(lines)
        except StopIteration:
            raise EOFError from None

    monkeypatch.setattr("builtins.input", fake_input)
    assert main(["chat"]) == 0
    out = capsys.readouterr().out
    assert "출처:" in out and "29" in out


def test_check_prints_each_claim_with_its_label_and_numbered_passages(capsys):
    assert main(["check", "About 300 people attended SFASS, which opened on 28 October."]) == 0
    out = capsys.readouterr().out
    assert "Verdict: contradicted" in out and "[contradicted] About 300" in out and "[supported] 28 October" in out
    assert "Sources:" in out and "[1]" in out and "150" in out


def test_check_json_is_the_verdict_model(capsys):
    assert main(["check", "--json", "SFASS는 10월 27일에 개막했다."]) == 0
    verdict = json.loads(capsys.readouterr().out)
    assert verdict["label"] == "contradicted" and verdict["language"] == "ko"
    claim = next(c for c in verdict["claims"] if c["value"] == "10월 27일")
    assert "28" in claim["documents_value"] and claim["citations"]


def test_check_of_an_empty_statement_is_a_clear_error(capsys):
    assert main(["check", " "]) == 1
    assert "Please paste a statement to check." in capsys.readouterr().out


def test_audit_reports_that_the_documents_agree(capsys):
    assert main(["audit"]) == 0
    assert "no disagreements found" in capsys.readouterr().out


def test_a_process_that_only_answers_never_loads_the_fact_check(data_dir):
    """The fact check (and its start-up cost) is loaded by the first statement checked, not by every process."""
    import os
    import subprocess
    import sys

    script = ("import sys; from assistant.cli import main; main(['ask', 'Where was SFASS held?']); "
              "print(sorted(m for m in sys.modules if m.startswith('assistant.checking.c')))")
    done = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True,
                          timeout=300, env=os.environ | {"ASSISTANT_DATA_DIR": str(data_dir)})
    assert "Naru" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "['assistant.checking.citation_check']"
