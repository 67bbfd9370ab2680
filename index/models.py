"""Pydantic models that cross the index boundary: documents, chunks, build reports, status."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, Field

Lang = Literal["ko", "en"]
# What a document is about ("overview", "programme", "faq", "press-release", ...): any short lowercase word.
Kind = Annotated[
    str,
    BeforeValidator(lambda v: v.strip().lower() if isinstance(v, str) else v),
    Field(pattern=r"^[a-z][a-z0-9_-]{0,30}$"),
]


class DocumentMeta(BaseModel):
    """Front matter of a knowledge document (also filled in for loaded files without one)."""

    model_config = {"extra": "forbid"}

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    title: str = Field(min_length=1)
    lang: Lang
    translation_of: str | None = None
    source: str = Field(min_length=1)
    source_url: str | None = None
    as_of: dt.date | None = None
    kind: Kind = "other"


class Document(BaseModel):
    """A loaded, NFC-normalised document ready to split."""

    meta: DocumentMeta
    text: str
    path: str | None = None
    content_hash: str

    @property
    def doc_id(self) -> str:
        return self.meta.id


class Chunk(BaseModel):
    """A searchable passage: one to a few sentences with where it came from."""

    chunk_id: str
    doc_id: str
    lang: Lang
    title: str
    source: str
    source_url: str | None = None
    kind: str = "other"
    heading: str = ""
    text: str
    window: str = ""
    columns: str = ""  # a table's rows: the table's header row, which names what their cells are
    start: int = 0
    end: int = 0
    score: float = 0.0


class SkippedFile(BaseModel):
    """A file the build could not use, and why."""

    path: str
    reason: str


class BuildReport(BaseModel):
    """What a build, add or remove did."""

    added: list[str] = []
    updated: list[str] = []
    removed: list[str] = []
    unchanged: list[str] = []
    skipped: list[SkippedFile] = []
    chunks: int = 0
    seconds: float = 0.0


class DocumentInfo(BaseModel):
    """One indexed document as listed for browsing."""

    doc_id: str
    title: str
    lang: Lang
    kind: str
    as_of: dt.date | None = None
    source: str
    source_url: str | None = None
    path: str | None = None
    chunks: int = 0
    changed_at: dt.datetime | None = None  # when the index last saw its content change (UTC)


class IndexStatus(BaseModel):
    """What ``python -m index status`` reports."""

    documents: int
    chunks_per_lang: dict[str, int]
    embed_model: str
    dimension: int
    store: str
    collection: str | None
    last_build: dt.datetime | None
