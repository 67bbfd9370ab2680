"""All assistant settings in one place: the index settings plus answering, UI, admin and the shared database."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, SecretStr

from index.config import IndexSettings


class Settings(IndexSettings):
    """Every setting of the assistant (env prefix ``ASSISTANT_``)."""

    llm: Literal["extractive", "openai", "llamacpp"] = "extractive"
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: SecretStr | None = None
    llm_timeout: float = Field(default=120.0, gt=0)
    llm_max_retries: int = Field(default=1, ge=0)
    llm_max_tokens: int = Field(default=256, ge=16)
    llamacpp_model: str = "qwen2.5-coder-0.5b"
    llamacpp_threads: int | None = None
    rerank_model: str | None = None
    top_k: int = Field(default=5, ge=1, le=20)
    max_question_chars: int = Field(default=2000, ge=10)
    max_history_turns: int = Field(default=6, ge=0)
    admin_password: SecretStr | None = None
    ui_concurrency: int = Field(default=16, ge=1)
    database_url: str | None = Field(
        default=None, description="Feedback and desk state: unset means SQLite under the data dir; "
                                  "'postgresql+psycopg://user:password@host/db' for replicas on several machines.")
    max_upload_mb: float = Field(default=20.0, gt=0, description="Largest file the organizers' desk takes.")
