"""Chat backends that stream an answer's text: any OpenAI-compatible server, or a local GGUF in-process."""

from __future__ import annotations

import atexit
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

import httpx

from assistant.answering.gguf import resolve_model
from assistant.answering.prompts import ChatMessage
from assistant.config import Settings

N_CTX = 4096


class LLMError(RuntimeError):
    """The language model could not be reached or used (server down, timeout, missing extra)."""


class ChatBackend(Protocol):
    """Streams the assistant's reply to a chat prompt, piece by piece."""

    name: str

    def stream(self, messages: list[ChatMessage]) -> Iterator[str]: ...


def _api_base(url: str) -> str:
    """The server's OpenAI API root: ``http://host:port`` gets ``/v1``; a URL with a path is kept."""
    url = url.strip().rstrip("/")
    return url + "/v1" if urlsplit(url).path in ("", "/") else url


class OpenAIBackend:
    """Any OpenAI-compatible server (vLLM, Ollama, llama.cpp's server, OpenAI) via llama-index ``OpenAILike``."""

    name = "openai"

    def __init__(self, settings: Settings):
        if not settings.llm_base_url:
            raise LLMError(
                "ASSISTANT_LLM_BASE_URL가 설정되지 않았습니다 / ASSISTANT_LLM_BASE_URL is not set: "
                "give the OpenAI-compatible server's URL, e.g. http://127.0.0.1:8080/v1"
            )
        from llama_index.llms.openai_like import OpenAILike

        self.base_url = _api_base(settings.llm_base_url)
        api_key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else "not-needed"
        self._settings = settings
        self._api_key = api_key
        self._model_name = settings.llm_model
        self._llm: Any = None
        self._lock = threading.Lock()
        self._make = lambda model: OpenAILike(
            model=model,
            api_base=self.base_url,
            api_key=api_key,
            is_chat_model=True,
            temperature=0.0,
            max_tokens=settings.llm_max_tokens,
            timeout=settings.llm_timeout,
            max_retries=settings.llm_max_retries,
            context_window=N_CTX,
        )

    def _client(self) -> Any:
        with self._lock:
            if self._llm is None:
                model = self._model_name or self._served_model()
                self._llm = self._make(model)
            return self._llm

    def _served_model(self) -> str:
        """The first model the server lists (used when ASSISTANT_LLM_MODEL is unset)."""
        from openai import APIError, OpenAI

        client = OpenAI(base_url=self.base_url, api_key=self._api_key, timeout=self._settings.llm_timeout,
                        max_retries=self._settings.llm_max_retries)
        try:
            models = list(client.models.list())
        except (APIError, httpx.HTTPError) as exc:
            raise self._unreachable(exc) from exc
        if not models:
            raise LLMError(f"서버에 모델이 없습니다 / the server at {self.base_url} lists no models")
        return models[0].id

    def _unreachable(self, exc: Exception) -> LLMError:
        return LLMError(
            f"언어 모델 서버에 연결할 수 없습니다 / cannot reach the language model server at {self.base_url}: "
            f"{type(exc).__name__}: {exc}"
        )

    def stream(self, messages: list[ChatMessage]) -> Iterator[str]:
        from llama_index.core.base.llms.types import ChatMessage as LIChatMessage
        from openai import APIError  # imported with the backend: an extractive assistant never needs it

        llm = self._client()
        chat = [LIChatMessage(role=m.role, content=m.content) for m in messages]
        try:
            for response in llm.stream_chat(chat):
                if response.delta:
                    yield response.delta
        except (APIError, httpx.HTTPError) as exc:  # connection, timeout and HTTP status errors
            raise self._unreachable(exc) from exc


_LOADED: dict[tuple[str, int, int], Any] = {}
_LOAD_LOCK = threading.Lock()


@atexit.register
def _free_loaded() -> None:
    """Free the loaded models while the interpreter is still whole: llama-cpp-python's own finaliser, left to run
    while the interpreter tears its modules down, finds its library gone and prints a traceback at every exit."""
    with _LOAD_LOCK:
        for model, _ in _LOADED.values():
            model.close()
        _LOADED.clear()


def _load_llama(path: Path, n_ctx: int, threads: int) -> tuple[Any, threading.Lock]:
    """One loaded model per (file, context, threads) for the whole process, with its generation lock."""
    key = (str(path), n_ctx, threads)
    with _LOAD_LOCK:
        if key not in _LOADED:
            try:
                from llama_cpp import Llama
            except ImportError as exc:
                raise LLMError(
                    "llama-cpp-python이 설치되어 있지 않습니다 / llama-cpp-python is not installed: "
                    "install the 'llm' extra (see README: make install-llm)"
                ) from exc
            model = Llama(model_path=str(path), n_ctx=n_ctx, n_threads=threads, verbose=False)
            _LOADED[key] = (model, threading.Lock())
        return _LOADED[key]


class LlamaCppBackend:
    """A local GGUF (a path or a bundled preset) run in-process by llama-cpp-python."""

    name = "llamacpp"

    def __init__(self, settings: Settings):
        self.model_path = resolve_model(settings.llamacpp_model, settings.data_dir)
        threads = settings.llamacpp_threads or os.cpu_count() or 1
        self._llama, self._lock = _load_llama(self.model_path, N_CTX, threads)
        self._max_tokens = settings.llm_max_tokens

    def stream(self, messages: list[ChatMessage]) -> Iterator[str]:
        with self._lock:
            chunks = self._llama.create_chat_completion(
                messages=[m.model_dump() for m in messages],
                temperature=0.0,
                max_tokens=self._max_tokens,
                stream=True,
            )
            for chunk in chunks:
                piece = chunk["choices"][0]["delta"].get("content")
                if piece:
                    yield piece


def make_backend(settings: Settings) -> ChatBackend:
    """The chat backend named by ``settings.llm`` (``openai`` or ``llamacpp``)."""
    if settings.llm == "openai":
        return OpenAIBackend(settings)
    if settings.llm == "llamacpp":
        return LlamaCppBackend(settings)
    raise ValueError(f"no generative backend for llm={settings.llm!r}")
