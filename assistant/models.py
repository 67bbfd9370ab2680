"""Pydantic models that cross the assistant boundary: answers, citations, verdicts."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel

from index.models import Chunk, Lang

Label = Literal["supported", "contradicted", "not_found"]


class Citation(BaseModel):
    """A numbered source attached to an answer: the exact passage it quotes."""

    n: int
    doc_id: str
    title: str
    source: str
    source_url: str | None = None
    lang: Lang
    chunk_id: str
    text: str
    section: str = ""  # the heading the passage stands under ("Jeong Mi-ran (정미란)"), when it has one
    score: float = 0.0
    as_of: dt.date | None = None  # the date its document's facts hold for, when the document gives one


class Answer(BaseModel):
    """The assistant's reply to one question."""

    question: str
    standalone_question: str = ""
    text: str
    language: Lang
    refused: bool = False
    error: str | None = None
    notice: str | None = None  # shown under the answer, e.g. when the language model could not be reached
    citations: list[Citation] = []
    sentences_removed: int = 0
    sentences_generated: int = 0
    draft: str | None = None
    backend: str = "extractive"
    seconds: float = 0.0


class Turn(BaseModel):
    """One message of a conversation history."""

    role: Literal["user", "assistant"]
    content: str


class Claim(BaseModel):
    """One checked claim of a statement: a fact it states (a date, number, length of time, name) or, in a
    clause that states none, the clause itself. ``start``/``end`` locate ``value`` (or the clause) in the
    statement."""

    text: str  # the clause the claim is made in
    label: Label
    citations: list[Citation] = []
    value: str | None = None  # the fact as the statement writes it ("29 October")
    documents_value: str | None = None  # where contradicted: the documents' value for the same slot ("28 October")
    explanation: str = ""  # one line in the statement's language
    quote: str | None = None  # the sentence of the cited passage that says so, or gives the documents' value
    start: int = 0
    end: int = 0


class Verdict(BaseModel):
    """The result of ``Assistant.check``: the worst label of its claims."""

    statement: str
    label: Label
    claims: list[Claim] = []
    language: Lang = "en"
    error: str | None = None  # the statement could not be checked (empty, too long): a message for the user


class Retrieved(BaseModel):
    """What retrieval found for a question (public, for UI and eval)."""

    question: str
    language: Lang
    chunks: list[Chunk]


class Draft(BaseModel):
    """An answerer's output before citations are renumbered: ``[k]`` refers to ``passages[k-1]``."""

    text: str
    passages: list[Chunk]
    refused: bool = False
    sentences_removed: int = 0
    draft: str | None = None
    sentences_generated: int = 0
    error: str | None = None
