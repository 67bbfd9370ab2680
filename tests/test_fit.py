"""Fitting the evidence scorer: leave-one-suite-out accuracy (``python -m assistant fit --cv``)."""

from __future__ import annotations

import pytest
from engine_kb import engine_settings

from assistant import Assistant
from assistant.answering.evidence import MODEL_PATH
from assistant.evaluation.evalset import load_eval_set
from assistant.evaluation.fit import _rescore, accuracy, collect, fit, held_out_accuracy
from assistant.evaluation.suites import EVAL_DIR


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    bot = Assistant(engine_settings(tmp_path_factory))
    return {name: collect(bot, load_eval_set(EVAL_DIR / name)[::5])
            for name in ("questions.yaml", "tuning-extra.yaml", "tuning-extra-2.yaml")}


def test_each_suite_is_scored_by_a_scorer_fitted_without_it(samples):
    shipped = MODEL_PATH.read_bytes()
    scores = held_out_accuracy(samples, min_questions=20)
    assert set(scores) == set(samples)
    assert all(0.5 < score <= 1.0 for score in scores.values()), scores  # a fitted scorer answers most of them
    # the score of one suite is what a scorer fitted on the other two alone gets on it
    held = "tuning-extra.yaml"
    model = fit([s for name, suite in samples.items() if name != held for s in suite])
    _rescore(samples[held], model)
    assert scores[held] == pytest.approx(accuracy(samples[held], model, penalty=0.0))
    assert MODEL_PATH.read_bytes() == shipped  # cross-validation never writes the model


def test_small_suites_are_only_used_for_fitting(samples):
    small = {**samples, "few.yaml": samples["questions.yaml"][:5]}
    assert "few.yaml" not in held_out_accuracy(small, min_questions=20)
