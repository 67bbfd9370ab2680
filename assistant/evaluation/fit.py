"""Fit the evidence scorer on the tuning questions (``python -m assistant fit``): a logistic regression over
sentence features, a second one deciding answerability from a question's best evidence, then the thresholds
chosen by answer accuracy on the same questions (the answer threshold: the middle of its near-best plateau).

A sentence is a positive example when it holds one of its question's required facts. Nothing is fitted on the
unseen, article or other-event sets: they measure how the fitted scorer generalizes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..answering.evidence import (
    FEATURES,
    QUESTION_FEATURES,
    Evidence,
    EvidenceModel,
    Logistic,
    Question,
    question_row,
)
from ..answering.extractive import select, usable
from ..config import Settings
from ..question.injection import strip_instructions
from .evalset import EvalItem, load_eval_set

if TYPE_CHECKING:
    from ..engine import Assistant


LENGTH_PENALTY = 0.02  # per sentence beyond the first: a sentence that adds nothing costs readers' time


@dataclass
class Sample:
    """One tuning question with its scored candidate sentences."""

    item: EvalItem
    question: Question
    candidates: list[Evidence]
    gated: bool  # refused before scoring (a name no document mentions, or nothing left to ask)
    fixed: list[Evidence] | None  # a summary or a day's programme: chosen without the model


def _holds_fact(sentence: str, item: EvalItem) -> bool:
    folded = sentence.casefold()
    return any(alt.strip().casefold() in folded for fact in item.facts for alt in fact.split("|"))


def collect(bot: Assistant, items: list[EvalItem]) -> list[Sample]:
    """Ask each item's question up to the evidence step and keep its candidates."""
    samples = []
    for item in items:
        _, lang, standalone = bot._prepare(item.question, item.history, None)
        query = strip_instructions(standalone)
        passages = bot._passages(query, lang)
        gated = not query.strip() or bool(bot.extractive.scorer.unknown_names(query))
        q, candidates = bot.extractive.evidence(query, lang, passages) if query.strip() else (None, [])
        fixed = bot.extractive.without_model(q, candidates, passages, lang) if q is not None else None
        samples.append(Sample(item=item, question=q, candidates=candidates, gated=gated, fixed=fixed))
    return samples


def _rescore(samples: list[Sample], model: EvidenceModel) -> None:
    for s in samples:
        if s.candidates:
            probabilities = model.probabilities(np.array([c.row() for c in s.candidates]))
            for c, p in zip(s.candidates, probabilities):
                c.p = float(p)
            s.candidates.sort(key=lambda c: c.p, reverse=True)


def accuracy(samples: list[Sample], model: EvidenceModel, penalty: float = LENGTH_PENALTY) -> float:
    """Answer accuracy of the selection rule with ``model``'s thresholds (probabilities already set); each sentence
    beyond the first costs ``penalty`` of a right answer."""
    right = 0.0
    for s in samples:
        if s.gated or s.question is None:
            picked = []
        else:
            picked = s.fixed if s.fixed is not None else select(s.question, s.candidates, model)
        if not s.item.answerable:
            right += not picked
            continue
        text = " ".join(c.sentence for c in picked)
        if picked and not s.item.missing_facts(text) and not s.item.forbidden_found(text):
            right += 1 - penalty * (len(picked) - 1)  # the shorter of two right answers is better
    return right / max(len(samples), 1)


def _logistic(x: np.ndarray, y: np.ndarray, names: tuple[str, ...]) -> Logistic:
    from sklearn.linear_model import LogisticRegression

    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    regression = LogisticRegression(C=1.0, max_iter=2000).fit((x - mean) / scale, y)
    return Logistic(
        features=list(names),
        mean=mean.round(6).tolist(),
        scale=scale.round(6).tolist(),
        weights=regression.coef_[0].round(6).tolist(),
        bias=round(float(regression.intercept_[0]), 6),
    )


def fit(samples: list[Sample], description: str = "") -> EvidenceModel:
    """The sentence model, then the question model on the rescored evidence, then the thresholds (coordinate
    search on answer accuracy)."""
    rows = [(c.row(), _holds_fact(c.sentence, s.item) and s.item.answerable) for s in samples for c in s.candidates]
    sentence = _logistic(np.array([r for r, _ in rows], float), np.array([y for _, y in rows], int), FEATURES)
    model = neutral_model().model_copy(update={"sentence": sentence, "fitted_on": description})
    _rescore(samples, model)
    asked = [s for s in samples if not s.gated and s.question is not None]
    x = np.array([question_row(s.question, usable(s.question, s.candidates)) for s in asked], float)
    y = np.array([s.item.answerable for s in asked], int)
    model = model.model_copy(update={"question": _logistic(x, y, QUESTION_FEATURES)})
    grid = {
        "answer_threshold": np.round(np.arange(0.05, 0.95, 0.025), 3).tolist(),
        "more_threshold": np.round(np.arange(0.05, 0.95, 0.05), 2).tolist(),
        "list_threshold": np.round(np.arange(0.02, 0.9, 0.02), 2).tolist(),
        "keep_ratio": np.round(np.arange(0.1, 1.0, 0.1), 2).tolist(),
        "max_sentences": [1, 2, 3],
        "max_list": [4, 6, 8, 10],
    }
    best = accuracy(samples, model)
    for _ in range(3):
        improved = False
        for name, values in grid.items():
            for value in values:
                trial = model.model_copy(update={name: value})
                score = accuracy(samples, trial)
                if score > best + 1e-9:
                    best, model, improved = score, trial, True
        if not improved:
            break
    return _middle_of_plateau(samples, model, "answer_threshold", grid["answer_threshold"])


def _middle_of_plateau(samples: list[Sample], model: EvidenceModel, name: str, values: list) -> EvidenceModel:
    """``model`` with ``name`` set to the middle of the values scoring within one question of the best: around its
    best the answer threshold trades false refusals for false answers almost one for one, so where exactly the
    maximum falls on the tuning questions is noise."""
    scores = [accuracy(samples, model.model_copy(update={name: v})) for v in values]
    floor = max(scores) - 1 / max(len(samples), 1)
    low = high = scores.index(max(scores))
    while low > 0 and scores[low - 1] >= floor:
        low -= 1
    while high < len(values) - 1 and scores[high + 1] >= floor:
        high += 1
    return model.model_copy(update={name: values[(low + high + 1) // 2]})


def neutral_model() -> EvidenceModel:
    """A model with zero weights: features are computed the same way, probabilities are all 0.5."""

    def flat(names: tuple[str, ...]) -> Logistic:
        n = len(names)
        return Logistic(features=list(names), mean=[0.0] * n, scale=[1.0] * n, weights=[0.0] * n, bias=0.0)

    return EvidenceModel(sentence=flat(FEATURES), question=flat(QUESTION_FEATURES), answer_threshold=0.5,
                         more_threshold=0.5, list_threshold=0.5, keep_ratio=0.5)


def tuning_samples(base: Settings) -> dict[str, list[Sample]]:
    """The samples of every tuning suite (each asked against its own documents), by suite file name."""
    from ..answering.evidence import MODEL_PATH, write_model
    from .suites import SUITES, Assistants

    try:  # the scorer needs a model to start; its probabilities are not used here
        EvidenceModel.load()
    except (OSError, ValueError):  # none yet, or one fitted on other features
        write_model(neutral_model(), MODEL_PATH)
    bots = Assistants(base)
    return {s.questions.name: collect(bots.get(s), load_eval_set(s.questions))
            for s in SUITES if s.tuned and s.questions.exists()}


def fit_on_suites(base: Settings) -> tuple[EvidenceModel, float]:
    """Fit on every tuning suite; the model and its tuning accuracy."""
    by_suite = tuning_samples(base)
    samples = [s for suite_samples in by_suite.values() for s in suite_samples]
    model = fit(samples, ", ".join(by_suite))
    return model, accuracy(samples, model)


CV_MIN_QUESTIONS = 20  # smaller suites are always kept for fitting


def cross_validate(base: Settings) -> dict[str, float]:
    """Leave one suite out: for each tuning suite, the answer accuracy of a scorer fitted on the others alone.
    The closest the tuning sets come to telling how a change to the features carries over to new questions and
    new documents (only the unseen suites tell for sure)."""
    return held_out_accuracy(tuning_samples(base))


def held_out_accuracy(by_suite: dict[str, list[Sample]], min_questions: int = CV_MIN_QUESTIONS) -> dict[str, float]:
    """For each suite of ``by_suite`` with at least ``min_questions`` samples: the share of its questions answered
    right by a scorer fitted on the other suites' samples alone."""
    out = {}
    for held, held_samples in by_suite.items():
        if len(held_samples) < min_questions:
            continue
        model = fit([s for name, samples in by_suite.items() if name != held for s in samples])
        _rescore(held_samples, model)
        out[held] = accuracy(held_samples, model, penalty=0.0)
    return out
