"""``Assistant.audit`` / ``python -m assistant audit``: places where the documents disagree, both passages quoted."""

from __future__ import annotations

import re
import shutil

import pytest
from engine_kb import engine_settings

from assistant import Assistant
from assistant.checking.report import format_audit
from assistant.config import Settings
from index.config import PROJECT_ROOT


@pytest.fixture(scope="module")
def planted(tmp_path_factory) -> Assistant:
    """A copy of the knowledge folder with two planted disagreements: the opening date changed in the Korean
    overview only, and the attendance figure changed in the English overview."""
    root = tmp_path_factory.mktemp("planted")
    knowledge = root / "knowledge"
    shutil.copytree(PROJECT_ROOT / "knowledge", knowledge)
    ko = knowledge / "overview-ko.md"
    ko.write_text(ko.read_text(encoding="utf-8").replace("2025년 10월 28일에 개막했다", "2025년 10월 27일에 개막했다"),
                  encoding="utf-8")
    en = knowledge / "overview-en.md"
    en.write_text(en.read_text(encoding="utf-8").replace("About 150 people", "About 250 people"), encoding="utf-8")
    return Assistant(Settings(knowledge_dir=knowledge, data_dir=root / "data"))


def test_the_shipped_documents_agree(tmp_path_factory):
    report = Assistant(engine_settings(tmp_path_factory)).audit()
    assert report.findings == [] and report.documents >= 18 and report.sentences > 200
    assert "no disagreements" in format_audit(report, "en")


def test_a_date_changed_in_one_language_only_is_found_with_both_passages(planted):
    findings = [f for f in planted.audit().findings if "27" in f.value]
    # (the other Korean documents that give the first day disagree too)
    finding = next(f for f in findings if f.kind == "translation")
    assert "28" in finding.other_value
    assert "10월 27일" in finding.passages[0].text and "28 October" in finding.passages[1].text


def test_a_changed_attendance_figure_is_found_against_the_other_documents(planted):
    findings = planted.audit().findings
    conflicts = [f for f in findings if f.kind == "conflict"
                 and {re.sub(r"\D", "", f.value), re.sub(r"\D", "", f.other_value or "")} == {"150", "250"}]
    assert conflicts and {c.lang for c in conflicts[0].passages} == {"en"}
    assert any(f.kind == "translation" and "250" in f.value for f in findings)
    text = format_audit(planted.audit(), "ko")
    assert "어긋나는 곳" in text and "250" in text and "150" in text
