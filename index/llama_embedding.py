"""The index's encoder as a llama-index embedding (llama-index's ``Settings.embed_model``)."""

from __future__ import annotations

from typing import Any

import numpy as np
from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr

from index.embeddings import Encoder, encode


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
        return encode(texts, fn, self.embed_batch_size, self.dim)

    def _get_query_embedding(self, query: str) -> list[float]:
        return self.embed_queries([query])[0].tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self.embed_passages([text])[0].tolist()

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self.embed_passages(texts).tolist()
