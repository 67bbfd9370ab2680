"""One built index over the project's knowledge folder, shared by the engine, check, eval and CLI tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import Settings
from index.config import PROJECT_ROOT


def engine_settings(tmp_path_factory: pytest.TempPathFactory, **overrides) -> Settings:
    """Settings whose data dir lives in this test session's temp folder (the index is built there once)."""
    data_dir: Path = tmp_path_factory.getbasetemp() / "engine-data"
    return Settings(knowledge_dir=PROJECT_ROOT / "knowledge", data_dir=data_dir, **overrides)
