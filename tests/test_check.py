"""``Assistant.check``: each claim supported, contradicted (with the documents' value) or not found."""

from __future__ import annotations

import pytest
from engine_kb import engine_settings

from assistant import Assistant
from assistant.checking.claim_check import split_claims


@pytest.fixture(scope="module")
def bot(tmp_path_factory) -> Assistant:
    return Assistant(engine_settings(tmp_path_factory))


def test_statement_is_split_into_claims():
    assert split_claims("About 150 people attended; the MOU was signed with Scale AI. It was in Seoul.") == [
        "About 150 people attended",
        "the MOU was signed with Scale AI",
        "It was in Seoul",
    ]


def test_true_claims_are_supported_with_a_citation(bot):
    verdict = bot.check("About 150 people attended; the MOU was signed with Scale AI.")
    assert verdict.label == "supported"
    for claim in verdict.claims:
        assert claim.label == "supported" and claim.citations


@pytest.mark.parametrize(
    "statement, value",
    [
        ("The MOU was signed with OpenAI.", "Scale AI"),
        ("About 300 people attended the forum.", "150"),
        ("SFASS 포럼에는 300여 명이 참여했다.", "150"),
    ],
)
def test_a_wrong_value_is_contradicted_with_the_documents_value(bot, statement, value):
    verdict = bot.check(statement)
    assert verdict.label == "contradicted"
    assert verdict.claims[0].documents_value == value and verdict.claims[0].citations


def test_a_claim_the_documents_do_not_address_is_not_found(bot):
    verdict = bot.check("The lunch menu was bibimbap.")
    assert verdict.label == "not_found" and not verdict.claims[0].citations


def test_the_verdict_is_the_worst_claim(bot):
    verdict = bot.check("About 150 people attended. The MOU was signed with OpenAI.")
    assert [c.label for c in verdict.claims] == ["supported", "contradicted"]
    assert verdict.label == "contradicted"
