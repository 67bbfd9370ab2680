"""What people thought of the answers: thumbs up/down and refusals, appended to a JSONL log.

Each line records the question, the answer, which passages it cited and when; nothing about who asked.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from assistant.library import Lang
from assistant.models import Answer

FeedbackKind = Literal["up", "down", "refused"]
FEEDBACK_FILE = "feedback.jsonl"


class CitedPassage(BaseModel):
    """Which passage an answer cited."""

    doc_id: str
    chunk_id: str


class FeedbackEntry(BaseModel):
    """One line of the feedback log."""

    kind: FeedbackKind
    question: str
    answer: str
    language: Lang
    refused: bool = False
    citations: list[CitedPassage] = []
    timestamp: dt.datetime = Field(default_factory=lambda: dt.datetime.now(dt.UTC))

    @classmethod
    def from_answer(cls, kind: FeedbackKind, answer: Answer) -> FeedbackEntry:
        return cls(
            kind=kind, question=answer.question, answer=answer.text, language=answer.language,
            refused=answer.refused,
            citations=[CitedPassage(doc_id=c.doc_id, chunk_id=c.chunk_id) for c in answer.citations],
        )


class FeedbackLog:
    """An append-only JSONL log of votes and refusals under the data dir."""

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / FEEDBACK_FILE
        self._lock = threading.Lock()

    def record(self, kind: FeedbackKind, answer: Answer) -> FeedbackEntry:
        """Append one entry for ``answer`` and return it."""
        entry = FeedbackEntry.from_answer(kind, answer)
        line = entry.model_dump_json() + "\n"
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as f:
                f.write(line)
        return entry

    def vote(self, answer: Answer, liked: bool) -> FeedbackEntry:
        """Record a thumbs up (``liked``) or down."""
        return self.record("up" if liked else "down", answer)

    def record_if_refused(self, answer: Answer) -> FeedbackEntry | None:
        """Log a refusal automatically; other answers are left to the user's vote."""
        return self.record("refused", answer) if answer.refused else None

    def entries(self) -> list[FeedbackEntry]:
        """Every entry, oldest first; lines that cannot be read are skipped."""
        if not self.path.exists():
            return []
        with self._lock:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        out = []
        for line in lines:
            try:
                out.append(FeedbackEntry.model_validate_json(line))
            except ValueError:
                continue
        return out

    def latest_problems(self, n: int = 20) -> list[FeedbackEntry]:
        """The latest ``n`` refused or down-voted questions, newest first."""
        problems = [e for e in self.entries() if e.kind in ("refused", "down")]
        return problems[::-1][:n]
