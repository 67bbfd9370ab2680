"""What people thought of the answers: thumbs up/down and refusals, kept in the shared database.

Each entry records the question, the answer, which passages it cited and when; nothing about who asked.
Entries export as JSONL, one ``FeedbackEntry`` a line (the format of the older ``feedback.jsonl`` log, which is
imported once when found in the data dir).
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError
from sqlalchemy import select

from assistant.config import Settings
from assistant.library import Lang
from assistant.models import Answer

from .store import Database, StoreUnavailable, feedback_table

log = logging.getLogger(__name__)

FeedbackKind = Literal["up", "down", "refused"]
FEEDBACK_FILE = "feedback.jsonl"  # the older log, and the export's format
PROBLEM_KINDS: tuple[FeedbackKind, ...] = ("refused", "down")


class CitedPassage(BaseModel):
    """Which passage an answer cited."""

    doc_id: str
    chunk_id: str


class FeedbackEntry(BaseModel):
    """One entry of the feedback log (one line when exported)."""

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


def _row(entry: FeedbackEntry) -> dict[str, Any]:
    data = entry.model_dump(mode="json", exclude={"timestamp"})
    return {**data, "timestamp": entry.timestamp.astimezone(dt.UTC)}


def _entry(row: Any) -> FeedbackEntry:
    """The entry a row holds; its time in UTC (SQLite hands times back without their zone)."""
    stamp: dt.datetime = row.timestamp
    stamp = stamp.replace(tzinfo=dt.UTC) if stamp.tzinfo is None else stamp.astimezone(dt.UTC)
    return FeedbackEntry(kind=row.kind, question=row.question, answer=row.answer, language=row.language,
                         refused=row.refused, citations=row.citations, timestamp=stamp)


def _entries(rows: Any) -> list[FeedbackEntry]:
    out = []
    for row in rows:
        try:
            out.append(_entry(row))
        except (ValidationError, TypeError, AttributeError):  # written by another program: skipped, not fatal
            continue
    return out


def legacy_rows(path: Path) -> list[dict[str, Any]]:
    """The readable lines of an old ``feedback.jsonl`` as table rows, oldest first."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            rows.append(_row(FeedbackEntry.model_validate_json(line)))
        except ValueError:
            continue
    return rows


class FeedbackLog:
    """Votes and refusals in the shared database; every entry is written in one transaction.

    A database that cannot be reached raises :class:`StoreUnavailable` and records nothing.
    """

    def __init__(self, database: Database) -> None:
        self.database = database

    @classmethod
    def from_settings(cls, settings: Settings) -> FeedbackLog:
        """The log in the database ``settings`` name (SQLite under the data dir by default)."""
        return cls(Database.from_settings(settings))

    def record(self, kind: FeedbackKind, answer: Answer) -> FeedbackEntry:
        """Store one entry for ``answer`` and return it."""
        entry = FeedbackEntry.from_answer(kind, answer)
        with self.database.transaction() as conn:
            conn.execute(feedback_table.insert().values(**_row(entry)))
        return entry

    def vote(self, answer: Answer, liked: bool) -> FeedbackEntry:
        """Record a thumbs up (``liked``) or down."""
        return self.record("up" if liked else "down", answer)

    def record_if_refused(self, answer: Answer) -> FeedbackEntry | None:
        """Log a refusal automatically; other answers are left to the user's vote."""
        return self.record("refused", answer) if answer.refused else None

    def entries(self) -> list[FeedbackEntry]:
        """Every entry, oldest first; rows that cannot be read are skipped."""
        with self.database.transaction() as conn:
            rows = conn.execute(select(feedback_table).order_by(feedback_table.c.id)).all()
        return _entries(rows)

    def latest_problems(self, n: int = 20) -> list[FeedbackEntry]:
        """The latest ``n`` refused or down-voted questions, newest first."""
        query = (select(feedback_table).where(feedback_table.c.kind.in_(PROBLEM_KINDS))
                 .order_by(feedback_table.c.id.desc()).limit(n))
        with self.database.transaction() as conn:
            rows = conn.execute(query).all()
        return _entries(rows)

    def export_jsonl(self) -> str:
        """Every entry as one JSON line, oldest first: the lines the older ``feedback.jsonl`` held."""
        return "".join(entry.model_dump_json() + "\n" for entry in self.entries())


def save_vote(feedback: FeedbackLog, answer: Answer, liked: bool, message: str) -> str | None:
    """Record a vote; ``message`` (to show the person) when the database cannot take it."""
    try:
        feedback.vote(answer, liked=liked)
    except StoreUnavailable as err:
        log.warning("vote not recorded: %s", err)
        return message
    return None


def save_refusal(feedback: FeedbackLog, answer: Answer) -> bool:
    """Log a refusal if ``answer`` is one; a database that is down costs the log entry, never the answer."""
    try:
        feedback.record_if_refused(answer)
    except StoreUnavailable as err:
        log.warning("refusal not recorded: %s", err)
        return False
    return True
