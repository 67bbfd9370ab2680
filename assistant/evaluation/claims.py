"""The fact-check evaluation: labelled statements (tests/eval/claims*.yaml), per-label precision and recall.

Each gold claim names the words of the statement that carry it (``value``). The checker's claims lying mostly
inside those words give the predicted label: contradicted when any of them is, else the label of the one
overlapping the words most (see :func:`align`); a gold claim no checked claim overlaps counts as missed (wrong
for every label). A checked claim labelled contradicted that overlaps no gold claim is a false
contradiction: for a journalist the worst error, so it counts against contradicted precision. A statement's
verdict, the label a reader sees first, is right when it is the worst of its gold claims' labels.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, field_validator, model_validator

from index.models import Lang

from ..checking.claim_check import SEVERITY
from ..models import Claim, Label, Verdict
from .suites import EVAL_DIR

LABELS: tuple[Label, ...] = ("supported", "contradicted", "not_found")
CLAIM_SETS = {"claims": EVAL_DIR / "claims.yaml", "claims-tuning": EVAL_DIR / "claims-tuning.yaml",
              "claims-tuning-2": EVAL_DIR / "claims-tuning-2.yaml", "claims-tuning-3": EVAL_DIR / "claims-tuning-3.yaml",
              "claims-tuning-4": EVAL_DIR / "claims-tuning-4.yaml", "claims-tuning-5": EVAL_DIR / "claims-tuning-5.yaml",
              "claims-tuning-6": EVAL_DIR / "claims-tuning-6.yaml", "claims-tuning-7": EVAL_DIR / "claims-tuning-7.yaml",
              "claims-tuning-8": EVAL_DIR / "claims-tuning-8.yaml",
              "claims-tuning-9": EVAL_DIR / "claims-tuning-9.yaml",
              "claims-tuning-10": EVAL_DIR / "claims-tuning-10.yaml",
              "claims-tuning-11": EVAL_DIR / "claims-tuning-11.yaml",
              "claims-tuning-12": EVAL_DIR / "claims-tuning-12.yaml",
              "claims-tuning-13": EVAL_DIR / "claims-tuning-13.yaml",
              "claims-tuning-14": EVAL_DIR / "claims-tuning-14.yaml",
              "claims-tuning-15": EVAL_DIR / "claims-tuning-15.yaml",
              "claims-tuning-16": EVAL_DIR / "claims-tuning-16.yaml",
              "claims-tuning-17": EVAL_DIR / "claims-tuning-17.yaml",
              "claims-tuning-18": EVAL_DIR / "claims-tuning-18.yaml"}
TUNED_CLAIM_SETS = {"claims-tuning", "claims-tuning-2", "claims-tuning-3", "claims-tuning-4", "claims-tuning-5",
                    "claims-tuning-6", "claims-tuning-7", "claims-tuning-8", "claims-tuning-9",
                    "claims-tuning-10", "claims-tuning-11", "claims-tuning-12",
                    "claims-tuning-13", "claims-tuning-14", "claims-tuning-15", "claims-tuning-16",
                    "claims-tuning-17", "claims-tuning-18"}


class GoldClaim(BaseModel):
    value: str
    label: Label
    documents_value: str | None = None


class ClaimItem(BaseModel):
    """One labelled statement."""

    id: str
    lang: Lang
    type: Literal["true", "false_detail", "partly_true", "duration", "unverifiable"]
    statement: str
    claims: list[GoldClaim]

    @field_validator("type", mode="before")
    @classmethod
    def _yaml_true(cls, value: object) -> object:
        return "true" if value is True else value

    @model_validator(mode="after")
    def _values_in_statement(self) -> ClaimItem:
        for claim in self.claims:
            if claim.value not in self.statement:
                raise ValueError(f"{self.id}: {claim.value!r} is not in the statement")
        return self


def load_claims(path: Path) -> list[ClaimItem]:
    return [ClaimItem.model_validate(row) for row in yaml.safe_load(path.read_text(encoding="utf-8"))]


class ClaimResult(BaseModel):
    id: str
    value: str
    gold: Label
    predicted: Label | Literal["missed"]
    documents_value: str | None = None
    predicted_value: str | None = None


class LabelScore(BaseModel):
    precision: float
    recall: float
    n: int  # gold claims with this label


class ClaimReport(BaseModel):
    """Per-label precision and recall on one set."""

    name: str
    statements: int
    claims: int
    labels: dict[str, LabelScore]
    accuracy: float
    false_contradictions: int
    verdicts: float = 0.0  # share of statements whose verdict (the worst label shown) is the gold claims' worst
    results: list[ClaimResult]

    def wrong(self) -> list[ClaimResult]:
        return [r for r in self.results if r.predicted != r.gold]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def align(item: ClaimItem, verdict: Verdict) -> tuple[list[ClaimResult], list[Claim]]:
    """Each gold claim with the checked claims that carry its words, and the checked claims carrying none.

    A checked claim carries a gold claim's words when most of it lies inside them, or, failing any, when it
    overlaps them most. The gold claim is predicted contradicted when any claim carrying its words is (the
    reader sees that part marked), else it takes the label of the one overlapping it most."""
    results, used = [], set()
    spans = [(c.start, c.end) for c in verdict.claims]
    for gold in item.claims:
        start = item.statement.find(gold.value)
        span = (start, start + len(gold.value))
        inside = [i for i, s in enumerate(spans) if 2 * _overlap(span, s) > s[1] - s[0]]
        best = max(
            ((i, _overlap(span, spans[i])) for i in range(len(spans))),
            key=lambda t: t[1],
            default=(None, 0),
        )
        if best[1] == 0:
            results.append(ClaimResult(id=item.id, value=gold.value, gold=gold.label, predicted="missed",
                                       documents_value=gold.documents_value))
            continue
        carrying = inside or [best[0]]
        used.update(carrying)
        found = next((verdict.claims[i] for i in carrying if verdict.claims[i].label == "contradicted"),
                     verdict.claims[best[0]])
        results.append(ClaimResult(id=item.id, value=gold.value, gold=gold.label, predicted=found.label,
                                   documents_value=gold.documents_value, predicted_value=found.documents_value))
    return results, [c for i, c in enumerate(verdict.claims) if i not in used]


def evaluate_claims(check, path: Path, name: str = "") -> ClaimReport:
    """Score ``check`` (statement → Verdict, e.g. ``Assistant.check``) on the labelled statements at ``path``."""
    items = load_claims(path)
    results: list[ClaimResult] = []
    false_contradictions = 0
    verdicts = 0
    for item in items:
        verdict = check(item.statement)
        found, unmatched = align(item, verdict)
        results += found
        false_contradictions += sum(c.label == "contradicted" for c in unmatched)
        verdicts += verdict.label == max((c.label for c in item.claims), key=SEVERITY.__getitem__)
    gold = Counter(r.gold for r in results)
    predicted = Counter(r.predicted for r in results)
    right = Counter(r.gold for r in results if r.gold == r.predicted)
    labels = {}
    for label in LABELS:
        said = predicted[label] + (false_contradictions if label == "contradicted" else 0)
        labels[label] = LabelScore(
            precision=right[label] / said if said else 1.0,
            recall=right[label] / gold[label] if gold[label] else 1.0,
            n=gold[label],
        )
    return ClaimReport(
        name=name or path.stem,
        statements=len(items),
        claims=len(results),
        labels=labels,
        accuracy=sum(right.values()) / len(results) if results else 0.0,
        false_contradictions=false_contradictions,
        verdicts=verdicts / len(items) if items else 0.0,
        results=results,
    )


def claims_table(reports: list[ClaimReport]):
    """A rich table: one row per set, precision and recall per label."""
    from rich.table import Table

    out = Table(title="fact check by set (verdicts: statement level; the rest: claim level)")
    for header in ("set", "kind", "statements", "verdicts", "claims", "accuracy"):
        out.add_column(header, justify="right" if header not in ("set", "kind") else "left")
    for label in LABELS:
        out.add_column(f"{label} P/R", justify="right")
    for rep in reports:
        out.add_row(
            rep.name, "tuned" if rep.name in TUNED_CLAIM_SETS else "unseen", str(rep.statements), f"{rep.verdicts:.2f}",
            str(rep.claims), f"{rep.accuracy:.2f}",
            *(f"{rep.labels[label].precision:.2f} / {rep.labels[label].recall:.2f}" for label in LABELS),
        )
    return out
