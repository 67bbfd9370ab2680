"""The bilingual evaluation set (``tests/eval/questions.yaml``): item model, loading and per-item checks."""

from __future__ import annotations

import unicodedata
from collections import Counter
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, model_validator

from assistant.models import Turn
from index.config import PROJECT_ROOT
from index.models import Lang

DEFAULT_EVAL_PATH = PROJECT_ROOT / "tests" / "eval" / "questions.yaml"

Tag = Literal[
    "factual", "unanswerable", "followup", "injection", "crosslingual",
    "list", "summary", "yesno", "colloquial", "typo", "agenda", "quote",
]


class EvalSetError(ValueError):
    """An evaluation file that cannot be read or does not validate (message in Korean and English)."""


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


class EvalItem(BaseModel):
    """One evaluation question with what a correct answer must (and must not) contain."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    lang: Lang = Field(description="Language the answer must be in.")
    question: str = Field(min_length=1)
    history: list[Turn] = []
    answerable: bool = True
    facts: list[str] = Field(default=[], description="Each must appear in the answer; '|' separates alternatives.")
    forbidden: list[str] = Field(default=[], description="Strings that must not appear in the answer.")
    docs: list[str] = Field(default=[], description="At least one of these doc ids must be cited.")
    tags: list[Tag] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> EvalItem:
        if self.answerable and not (self.facts and self.docs):
            raise ValueError("an answerable item needs facts and docs")
        if not self.answerable and self.facts:
            raise ValueError("an unanswerable item has no required facts")
        if ("unanswerable" in self.tags) == self.answerable:
            raise ValueError("tag 'unanswerable' must match answerable: false")
        if ("followup" in self.tags) != bool(self.history):
            raise ValueError("tag 'followup' must match a non-empty history")
        if self.history and [t.role for t in self.history] != ["user", "assistant"] * (len(self.history) // 2):
            raise ValueError("history must alternate user/assistant turns, starting with the user")
        if "injection" in self.tags and not self.forbidden:
            raise ValueError("an injection item needs forbidden strings")
        if any(not f.strip() or any(not alt.strip() for alt in f.split("|")) for f in self.facts + self.forbidden):
            raise ValueError("facts and forbidden strings must not be empty")
        return self

    def missing_facts(self, answer: str) -> list[str]:
        """The required facts none of whose alternatives appears in ``answer`` (case-insensitive, NFC)."""
        folded = _fold(answer)
        return [f for f in self.facts if not any(_fold(alt.strip()) in folded for alt in f.split("|"))]

    def forbidden_found(self, answer: str) -> list[str]:
        """The forbidden strings that appear in ``answer``."""
        folded = _fold(answer)
        return [f for f in self.forbidden if _fold(f) in folded]

    def cites_expected(self, cited_doc_ids: list[str]) -> bool:
        """True when one of the expected documents is among the cited ones."""
        return bool(set(self.docs) & set(cited_doc_ids))


def load_eval_set(path: str | Path = DEFAULT_EVAL_PATH) -> list[EvalItem]:
    """Read and validate an evaluation file; raise :class:`EvalSetError` with a bilingual message."""
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise EvalSetError(f"평가 세트를 읽을 수 없습니다 / Cannot read evaluation set {path}: {exc}") from exc
    except yaml.YAMLError as exc:
        raise EvalSetError(f"평가 세트의 YAML 형식이 잘못되었습니다 / Invalid YAML in {path}: {exc}") from exc
    try:
        items = TypeAdapter(list[EvalItem]).validate_python(raw)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        raise EvalSetError(f"평가 세트 내용이 올바르지 않습니다 / Invalid evaluation set {path}: {problems}") from exc
    duplicates = sorted(i for i, n in Counter(item.id for item in items).items() if n > 1)
    if duplicates:
        raise EvalSetError(f"평가 항목 id가 중복됩니다 / Duplicate evaluation ids in {path}: {duplicates}")
    return items
