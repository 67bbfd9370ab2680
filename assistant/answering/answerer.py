"""The answerer protocol (the step that writes an answer from passages) and the factory that picks one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Protocol

from index.models import Chunk, Lang

from ..config import Settings
from ..event import EventInfo
from ..models import Draft
from .extractive import ExtractiveAnswerer
from .generative import GenerativeAnswerer

if TYPE_CHECKING:
    from index.store import KnowledgeIndex


class Answerer(Protocol):
    """Writes a ``Draft`` whose ``[k]`` markers point at ``passages[k-1]``."""

    name: str
    event: EventInfo | None  # the event the documents describe: its name and what they cover

    def answer(self, question: str, language: Lang, passages: list[Chunk]) -> Draft: ...

    def stream(self, question: str, language: Lang, passages: list[Chunk]) -> Iterator[str | Draft]: ...


def make_answerer(settings: Settings, index: KnowledgeIndex, extractive: ExtractiveAnswerer | None = None,
                  event: EventInfo | None = None) -> Answerer:
    """The extractive answerer by default; a generative one (falling back to ``extractive``) when ``settings.llm``
    names a backend."""
    extractive = extractive or ExtractiveAnswerer(index)
    if settings.llm == "extractive":
        return extractive
    return GenerativeAnswerer(settings, index, fallback=extractive, event=event)
