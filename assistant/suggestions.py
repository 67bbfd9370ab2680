"""Follow-up questions that are always answerable: candidates from the event's example questions and the
documents' own headings and questions, ranked by closeness to the last answer, and each one offered only after
the assistant has answered it (not refused, with citations) in the same conversation."""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from index.models import Lang

from .models import Answer, Turn

if TYPE_CHECKING:
    from .engine import Assistant

_HEADING = re.compile(r"^#{2,4}\s+(.+?)\s*#*\s*$", re.MULTILINE)
_QUESTION_LINE = re.compile(r"^\W*(?:Q[.:]\s*)?(.{8,160}\?)\s*$", re.MULTILINE)
ABOUT = {"ko": "{topic}에 대해 문서에는 무엇이 나와 있나요?", "en": "What do the documents say about {topic}?"}
TRIES_PER_SUGGESTION = 2  # candidates checked per suggestion offered, at most


def _key(question: str) -> str:
    return re.sub(r"\W+", " ", unicodedata.normalize("NFC", question).lower()).strip()


class Suggester:
    """Offers up to ``n`` follow-ups after an answer; every one was answered by the assistant before it is shown."""

    def __init__(self, assistant: Assistant, n: int = 3) -> None:
        self.assistant = assistant
        self.n = n
        self._lock = threading.Lock()
        self._pool: dict[Lang, tuple[tuple[str, ...], np.ndarray]] = {}

    def candidates(self, lang: Lang) -> list[str]:
        """Questions worth suggesting in ``lang``: the event's examples, then the documents' questions and
        section headings (as "what do the documents say about …")."""
        event = self.assistant.event
        out = list(event.examples.get(lang))
        for _, rows in event.example_rows():
            out += rows.get(lang)
        for info in self.assistant.library.documents():
            if info.lang != lang:
                continue
            text = self.assistant.library.document(info.doc_id).text
            out += [m.group(1).strip() for m in _QUESTION_LINE.finditer(text)]
            out += [ABOUT[lang].format(topic=m.group(1)) for m in _HEADING.finditer(text)]
        seen, unique = set(), []
        for q in out:
            if _key(q) not in seen:
                seen.add(_key(q))
                unique.append(q)
        return unique

    def _embedded_pool(self, lang: Lang) -> tuple[tuple[str, ...], np.ndarray]:
        questions = tuple(self.candidates(lang))
        with self._lock:
            cached = self._pool.get(lang)
            if cached is not None and cached[0] == questions:
                return cached
        vectors = self.assistant.index.embed_queries(list(questions)) if questions else np.zeros((0, 1))
        with self._lock:
            self._pool[lang] = (questions, vectors)
        return questions, vectors

    def suggest(self, answer: Answer, history: Sequence[Turn], asked: Sequence[str] = ()) -> list[str]:
        """Follow-ups to ``answer`` (``history`` ends with it), closest first, each answered with citations when
        asked next in this conversation; questions already ``asked`` are left out."""
        if answer.error:
            return []
        lang = answer.language
        questions, vectors = self._embedded_pool(lang)
        if not questions:
            return []
        done = {_key(q) for q in (*asked, answer.question, answer.standalone_question) if q}
        query = self.assistant.index.embed_queries([f"{answer.question} {answer.text}"])[0]
        order = np.argsort(-(vectors @ query))
        offered: list[str] = []
        tries = 0
        for i in order:
            if len(offered) == self.n or tries == self.n * TRIES_PER_SUGGESTION:
                break
            q = questions[int(i)]
            if _key(q) in done:
                continue
            tries += 1
            reply = self.assistant.ask(q, history=list(history), language=lang)
            if not reply.refused and not reply.error and reply.citations:
                offered.append(q)
        return offered
