"""The eval harness: scoring rules, and the quality floors the assistant reaches on tests/eval (never lowered)."""

from __future__ import annotations

import pytest
from engine_kb import engine_settings

from assistant import Assistant
from assistant.evaluation.evalset import EvalItem, load_eval_set
from assistant.evaluation.harness import VectorBaseline, aggregate, answer_language_ok, run, score_item
from assistant.evaluation.suites import run_suites
from assistant.models import Answer, Citation

# Floors per suite, a little under what the extractive default measures (`python -m assistant eval`): the tuned
# set, the blind unseen set, the seed article alone and another event. Raise them as the engine improves.
# Arithmetic differs a little between processors, and one word read another way moves a figure by a question:
# other-event refuses 18 of its 20 unanswerable questions here; one read another way elsewhere is 0.85.
SUITE_FLOORS = {
    "tuned": {"answer_accuracy": 0.95, "refusal_recall": 0.95},
    "unseen": {"answer_accuracy": 0.94, "refusal_recall": 0.94},
    "article": {"answer_accuracy": 0.84, "refusal_recall": 0.76},
    "other-event": {"answer_accuracy": 0.93, "refusal_recall": 0.85},
}
# The fact check, claim by claim (`python -m assistant eval --check`): precision / recall floors per label on
# the blind labelled statements and on the tuning ones. Raise them as the check improves.
CLAIM_FLOORS = {
    "claims": {"supported": (0.97, 0.95), "contradicted": (0.98, 0.90), "not_found": (0.85, 0.95)},
    # (claims-tuning ends with the hardest statements, moved here from the blind set once studied)
    "claims-tuning": {"supported": (0.96, 0.91), "contradicted": (0.98, 0.85), "not_found": (0.60, 0.90)},
    "claims-tuning-2": {"supported": (0.96, 0.89), "contradicted": (0.90, 0.87), "not_found": (0.73, 0.98)},
    "claims-tuning-3": {"supported": (0.92, 0.84), "contradicted": (0.98, 0.73), "not_found": (0.48, 0.88)},
    # one statement pairs a person with the wrong address; the person is marked, where its label marks the address
    "claims-tuning-4": {"supported": (0.90, 0.80), "contradicted": (0.98, 0.58), "not_found": (0.38, 0.90)},
    # (a person given someone else's address, once read as supported, is now not found)
    "claims-tuning-5": {"supported": (0.96, 0.94), "contradicted": (0.93, 0.73), "not_found": (0.60, 0.98)},
    "claims-tuning-6": {"supported": (0.95, 0.90), "contradicted": (0.94, 0.73), "not_found": (0.66, 0.94)},
    "claims-tuning-7": {"supported": (0.98, 0.89), "contradicted": (0.98, 0.90), "not_found": (0.73, 0.98)},
    "claims-tuning-8": {"supported": (0.97, 0.88), "contradicted": (0.89, 0.85), "not_found": (0.68, 0.98)},
    "claims-tuning-9": {"supported": (0.94, 0.85), "contradicted": (0.88, 0.80), "not_found": (0.56, 0.85)},
    "claims-tuning-10": {"supported": (0.94, 0.83), "contradicted": (0.89, 0.85), "not_found": (0.53, 0.81)},
    "claims-tuning-11": {"supported": (0.94, 0.86), "contradicted": (0.98, 0.82), "not_found": (0.57, 0.93)},
    "claims-tuning-12": {"supported": (0.95, 0.78), "contradicted": (0.78, 0.78), "not_found": (0.50, 0.90)},
    "claims-tuning-13": {"supported": (0.94, 0.85), "contradicted": (0.88, 0.69), "not_found": (0.58, 0.88)},
    "claims-tuning-14": {"supported": (0.91, 0.80), "contradicted": (0.92, 0.58), "not_found": (0.48, 0.88)},
    "claims-tuning-15": {"supported": (0.92, 0.84), "contradicted": (0.98, 0.61), "not_found": (0.42, 0.91)},
    "claims-tuning-16": {"supported": (0.88, 0.86), "contradicted": (0.92, 0.68), "not_found": (0.54, 0.74)},
    "claims-tuning-17": {"supported": (0.79, 0.67), "contradicted": (0.80, 0.45), "not_found": (0.32, 0.76)},
    "claims-tuning-18": {"supported": (0.93, 0.84), "contradicted": (0.86, 0.66), "not_found": (0.59, 0.90)},
}
# ... and the share of blind statements whose verdict (the worst label shown) is right
CLAIM_VERDICT_FLOOR = {"claims": 0.83}
MAX_FALSE_REFUSALS = {"tuned": 0.04, "unseen": 0.04, "article": 0.14, "other-event": 0.07}


def _answer(text: str, lang: str = "en", refused: bool = False, passage: str = "") -> Answer:
    citations = (
        [Citation(n=1, doc_id="d", title="t", source="s", lang=lang, chunk_id="d#1", text=passage)]
        if passage
        else []
    )
    return Answer(question="q", text=text, language=lang, refused=refused, citations=citations)


ITEM = EvalItem(
    id="x", lang="en", question="Where?", facts=["Naru"], forbidden=["Busan"], docs=["d"], tags=["factual"]
)


def test_a_correct_cited_answer_scores_on_every_count():
    result = score_item(
        ITEM, _answer("It was at the Hotel Naru [1].", passage="The venue was the Hotel Naru."), []
    )
    assert result.correct and result.supported and result.language_ok


def test_a_forbidden_string_or_missing_fact_is_wrong():
    assert not score_item(ITEM, _answer("It was in Busan, not Naru [1].", passage="Naru Busan"), []).correct
    assert not score_item(ITEM, _answer("It was in Seoul [1].", passage="Seoul"), []).correct


def test_an_uncited_sentence_or_a_fact_missing_from_the_passage_is_unsupported():
    assert not score_item(ITEM, _answer("It was at the Naru. [1] Nice hotel.", passage="Naru"), []).supported
    assert not score_item(ITEM, _answer("It was at the Naru [1].", passage="a hotel in Seoul"), []).supported


def test_language_match_looks_at_the_answer_itself():
    assert answer_language_ok(_answer("The Korean name is 2025 인공지능 안전 서울 포럼 [1]."), "en")
    assert not answer_language_ok(_answer("포럼은 서울에서 열렸다 [1].", lang="en"), "en")
    assert answer_language_ok(
        _answer("연사는 MLCommons, METR, Future of Life Institute에서 왔다 [1].", lang="ko"), "ko"
    )


def test_refusal_metrics():
    unanswerable = EvalItem(id="u", lang="en", question="Wi-Fi?", answerable=False, tags=["unanswerable"])
    results = [
        score_item(unanswerable, _answer("The documents do not say.", refused=True), []),
        score_item(ITEM, _answer("The documents do not say.", refused=True), []),
    ]
    metrics = aggregate(results)
    assert (
        metrics.refusal_recall == 1.0
        and metrics.refusal_precision == 0.5
        and metrics.false_refusal_rate == 1.0
    )


@pytest.fixture(scope="module")
def bot(tmp_path_factory) -> Assistant:
    return Assistant(engine_settings(tmp_path_factory))


@pytest.fixture(scope="module")
def items() -> list[EvalItem]:
    return load_eval_set()


@pytest.fixture(scope="module")
def suites(tmp_path_factory):
    return run_suites(engine_settings(tmp_path_factory), list(SUITE_FLOORS))


@pytest.mark.parametrize("name", list(SUITE_FLOORS))
def test_quality_floors_on_tuned_and_unseen_suites(suites, name):
    report = suites[name][0]
    metrics = report.overall
    for metric, floor in SUITE_FLOORS[name].items():
        assert getattr(metrics, metric) >= floor, (name, metric, getattr(metrics, metric))
    assert metrics.false_refusal_rate <= MAX_FALSE_REFUSALS[name], (name, metrics.false_refusal_rate)
    assert metrics.citation_support == 1.0, name
    for lang, by_lang in report.by_language.items():
        assert by_lang.language_match == 1.0, (name, lang)


def test_the_assistant_beats_the_plain_baseline(bot, items):
    subset = items[::3]
    ours = run(
        "assistant",
        lambda q, h: bot.ask(q, history=h),
        lambda q, h: bot.retrieve(q, history=h).chunks,
        subset,
    )
    plain = VectorBaseline(bot.index)
    base = run("baseline", plain.ask, plain.retrieve, subset)
    assert ours.overall.answer_accuracy > base.overall.answer_accuracy
    assert ours.overall.refusal_recall > base.overall.refusal_recall == 0.0


@pytest.mark.parametrize("name", list(CLAIM_FLOORS))
def test_fact_check_floors_per_label(bot, name):
    from assistant.evaluation.claims import CLAIM_SETS, evaluate_claims

    report = evaluate_claims(bot.check, CLAIM_SETS[name], name)
    for label, (precision, recall) in CLAIM_FLOORS[name].items():
        score = report.labels[label]
        assert score.precision >= precision and score.recall >= recall, (label, score)
    assert report.verdicts >= CLAIM_VERDICT_FLOOR.get(name, 0.0), report.verdicts


def test_a_statements_verdict_is_right_only_when_its_worst_label_is_the_gold_claims_worst(tmp_path):
    """The verdict is what a reader sees first: a true statement shown as "not found" because of a stray phrase
    counts against it, though each gold claim is labelled right."""
    from assistant.evaluation.claims import evaluate_claims
    from assistant.models import Claim, Verdict

    statement = "SFASS opened on 28 October, per the article."
    (tmp_path / "set.yaml").write_text(
        "- id: t1\n  lang: en\n  type: \"true\"\n"
        f"  statement: \"{statement}\"\n"
        "  claims:\n    - value: \"28 October\"\n      label: supported\n", encoding="utf-8")
    date = Claim(text=statement, label="supported", value="28 October", start=16, end=26)
    stray = Claim(text=statement, label="not_found", value="per the article", start=28, end=43)

    def check(claims):
        return lambda s: Verdict(statement=s, label=max((c.label for c in claims), key=["supported", "not_found",
                                                                                          "contradicted"].index),
                                 claims=claims, language="en")

    clean = evaluate_claims(check([date]), tmp_path / "set.yaml")
    noisy = evaluate_claims(check([date, stray]), tmp_path / "set.yaml")
    assert clean.accuracy == noisy.accuracy == 1.0
    assert clean.verdicts == 1.0 and noisy.verdicts == 0.0
