"""The evaluation suites: the tuning set, the blind unseen set, the article alone, and another event.

Each suite is a question file and the knowledge folder its questions are asked against. Suites whose folder
is not the configured one get their own data folder (under ``data_dir/eval/<suite>``), built once and reused.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel

from index.config import PROJECT_ROOT

from ..config import Settings
from .harness import GENERATIVE_ROWS, METRIC_ROWS

EVAL_DIR = PROJECT_ROOT / "tests" / "eval"
FIXTURES = PROJECT_ROOT / "tests" / "fixtures"


class Suite(BaseModel):
    """One question file and the documents it is asked against."""

    name: str
    questions: Path
    knowledge: Path | None = None  # None: the configured knowledge folder
    documents: list[Path] = []  # files copied into a folder of their own (e.g. one article alone)
    tuned: bool = False  # the engine's weights were fitted on this set

    def settings(self, base: Settings) -> Settings:
        """Settings that point at this suite's documents (``base`` itself for the configured folder)."""
        if self.knowledge is None and not self.documents:
            return base
        data_dir = base.data_dir / "eval" / self.name
        knowledge = self.knowledge
        if self.documents:
            knowledge = data_dir / "knowledge"
            knowledge.mkdir(parents=True, exist_ok=True)
            wanted = {p.name for p in self.documents}
            for stale in knowledge.iterdir():
                if stale.name not in wanted:
                    stale.unlink()
            for path in self.documents:
                target = knowledge / path.name
                if not target.exists() or target.read_bytes() != path.read_bytes():
                    shutil.copyfile(path, target)
        return base.model_copy(update={"knowledge_dir": knowledge, "data_dir": data_dir})


SUITES: list[Suite] = [
    Suite(name="tuned", questions=EVAL_DIR / "questions.yaml", tuned=True),
    Suite(name="tuned-extra", questions=EVAL_DIR / "tuning-extra.yaml", tuned=True),
    Suite(name="tuned-extra-2", questions=EVAL_DIR / "tuning-extra-2.yaml", tuned=True),
    Suite(name="tuned-extra-3", questions=EVAL_DIR / "tuning-extra-3.yaml", tuned=True),
    Suite(name="tuned-extra-4", questions=EVAL_DIR / "tuning-extra-4.yaml", tuned=True),
    Suite(name="tuned-extra-5", questions=EVAL_DIR / "tuning-extra-5.yaml", tuned=True),
    Suite(name="tuned-extra-6", questions=EVAL_DIR / "tuning-extra-6.yaml", tuned=True),
    Suite(name="tuned-extra-7", questions=EVAL_DIR / "tuning-extra-7.yaml", tuned=True),
    Suite(name="tuning-event", questions=EVAL_DIR / "tuning-event.yaml", knowledge=FIXTURES / "tuning-event",
          tuned=True),
    Suite(name="tuning-event-2", questions=EVAL_DIR / "tuning-event-2.yaml", knowledge=FIXTURES / "tuning-event-2",
          tuned=True),
    Suite(name="tuning-event-3", questions=EVAL_DIR / "tuning-event-3.yaml", knowledge=FIXTURES / "tuning-event-3",
          tuned=True),
    Suite(name="tuning-event-4", questions=EVAL_DIR / "tuning-event-4.yaml", knowledge=FIXTURES / "tuning-event-4",
          tuned=True),
    Suite(name="tuning-event-5", questions=EVAL_DIR / "tuning-event-5.yaml", knowledge=FIXTURES / "tuning-event-5",
          tuned=True),
    Suite(name="tuning-event-6", questions=EVAL_DIR / "tuning-event-6.yaml", knowledge=FIXTURES / "tuning-event-6",
          tuned=True),
    Suite(name="tuning-event-7", questions=EVAL_DIR / "tuning-event-7.yaml", knowledge=FIXTURES / "tuning-event-7",
          tuned=True),
    Suite(name="tuning-event-8", questions=EVAL_DIR / "tuning-event-8.yaml", knowledge=FIXTURES / "tuning-event-8",
          tuned=True),
    Suite(name="tuning-event-9", questions=EVAL_DIR / "tuning-event-9.yaml", knowledge=FIXTURES / "tuning-event-9",
          tuned=True),
    Suite(name="tuning-event-10", questions=EVAL_DIR / "tuning-event-10.yaml", knowledge=FIXTURES / "tuning-event-10",
          tuned=True),
    Suite(name="tuning-event-11", questions=EVAL_DIR / "tuning-event-11.yaml", knowledge=FIXTURES / "tuning-event-11",
          tuned=True),
    Suite(name="tuning-event-12", questions=EVAL_DIR / "tuning-event-12.yaml", knowledge=FIXTURES / "tuning-event-12",
          tuned=True),
    Suite(name="tuning-event-13", questions=EVAL_DIR / "tuning-event-13.yaml", knowledge=FIXTURES / "tuning-event-13",
          tuned=True),
    Suite(name="tuning-event-14", questions=EVAL_DIR / "tuning-event-14.yaml", knowledge=FIXTURES / "tuning-event-14",
          tuned=True),
    Suite(name="tuning-event-15", questions=EVAL_DIR / "tuning-event-15.yaml", knowledge=FIXTURES / "tuning-event-15",
          tuned=True),
    Suite(name="tuning-event-16", questions=EVAL_DIR / "tuning-event-16.yaml", knowledge=FIXTURES / "tuning-event-16",
          tuned=True),
    Suite(name="tuning-event-17", questions=EVAL_DIR / "tuning-event-17.yaml", knowledge=FIXTURES / "tuning-event-17",
          tuned=True),
    Suite(name="tuning-event-18", questions=EVAL_DIR / "tuning-event-18.yaml", knowledge=FIXTURES / "tuning-event-18",
          tuned=True),
    Suite(name="unseen-studied", questions=EVAL_DIR / "unseen-studied.yaml", tuned=True),
    Suite(name="other-event-studied", questions=EVAL_DIR / "other-event-studied.yaml",
          knowledge=FIXTURES / "other-event", tuned=True),
    Suite(name="article-tuning", questions=EVAL_DIR / "article-tuning.yaml",
          documents=[FIXTURES / "seed-article.txt"], tuned=True),
    Suite(name="unseen", questions=EVAL_DIR / "unseen.yaml"),
    Suite(name="article", questions=EVAL_DIR / "article.yaml", documents=[FIXTURES / "seed-article.txt"]),
    Suite(name="other-event", questions=EVAL_DIR / "other-event.yaml", knowledge=FIXTURES / "other-event"),
]


def suite(name: str) -> Suite:
    """The suite called ``name``."""
    for s in SUITES:
        if s.name == name:
            return s
    raise KeyError(f"unknown evaluation suite {name!r}; choose from {', '.join(s.name for s in SUITES)}")


def run_suites(
    base: Settings,
    names: list[str] | None = None,
    limit: int | None = None,
    baseline: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
):
    """``{suite name: [assistant report, baseline report?]}`` for the chosen suites (all by default).

    One assistant is opened per knowledge folder and shared by the suites that use it."""
    from .harness import evaluate

    bots = Assistants(base)
    return {
        s.name: evaluate(bots.get(s), s.questions, limit=limit, baseline=baseline, progress=progress)
        for s in ([suite(n) for n in names] if names else SUITES)
    }


class Assistants:
    """One assistant per knowledge folder, opened on first use and shared by the suites that ask it."""

    def __init__(self, base: Settings):
        self.base = base
        self._open: dict = {}

    def get(self, s: Suite):
        from index.store import KnowledgeIndex

        from ..engine import Assistant

        settings = s.settings(self.base)
        key = (str(settings.knowledge_dir), str(settings.data_dir))
        if key not in self._open:
            index = KnowledgeIndex.open(settings)
            if settings is not self.base:  # a suite's own index: up to date with its documents and the splitter
                index.build()
            self._open[key] = Assistant(settings, index=index)
        return self._open[key]


# The metrics of the table, in its order, with short headers (formats as in the harness's own table).
_FIELDS = {
    "answer_accuracy": "accuracy", "false_refusal_rate": "false ref.", "refusal_recall": "refusal rec.",
    "citation_support": "cited", "language_match": "language", "hit_at_5": "hit@5", "p50_ms": "p50 ms", "n": "n",
}
_GENERATIVE_FIELDS = {"sentences_generated": "generated", "sentences_removed": "removed",
                      "accuracy_before_check": "acc. before check"}


def suites_table(results: dict, title: str = "answer quality by suite"):
    """A rich table: one row per suite (tuned ones first, as run), one column per metric."""
    from rich.table import Table

    formats = {field: fmt for _, field, fmt in GENERATIVE_ROWS + METRIC_ROWS}
    generative = any(reports[0].overall.accuracy_before_check is not None for reports in results.values())
    fields = _FIELDS | (_GENERATIVE_FIELDS if generative else {})
    out = Table(title=title)
    out.add_column("suite", no_wrap=True)
    out.add_column("set", no_wrap=True)
    for header in fields.values():
        out.add_column(header, justify="right")
    for name, reports in results.items():
        values = [getattr(reports[0].overall, field) for field in fields]
        out.add_row(name, "tuned" if suite(name).tuned else "unseen",
                    *("–" if v is None else formats[f].format(v) for f, v in zip(fields, values)))
    return out
