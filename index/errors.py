"""Errors a user can cause while building or opening the index; messages in English and Korean."""

from __future__ import annotations


class IndexUserError(Exception):
    """Base class of the index's user-facing errors."""


class IndexConfigError(IndexUserError):
    """A setting (embedding model, store location) cannot be used."""


class EmbeddingMismatchError(IndexUserError):
    """The store was built with another embedding model than the one configured."""

    def __init__(self, stored: str, stored_dim: int, configured: str) -> None:
        self.stored, self.stored_dim, self.configured = stored, stored_dim, configured
        super().__init__(
            f"The index was built with the embedding model {stored!r} ({stored_dim} dimensions), "
            f"but {configured!r} is configured. Run `python -m index build --rebuild` to rebuild it "
            f"with the configured model, or set ASSISTANT_EMBED_MODEL back. "
            f"인덱스는 임베딩 모델 {stored!r}(으)로 만들어졌지만 현재 설정은 {configured!r}입니다. "
            f"`python -m index build --rebuild`로 다시 만드세요."
        )


class BadDocumentError(IndexUserError):
    """A file cannot be read as a document (corrupt, empty, unsupported, bad front matter)."""

    def __init__(self, path: str, reason: str, reason_ko: str | None = None) -> None:
        self.path, self.reason = path, reason
        ko = f" / {path}: {reason_ko}" if reason_ko else ""
        super().__init__(f"{path}: {reason}{ko}")


class UnknownDocumentError(IndexUserError):
    """No indexed document has the given id."""

    def __init__(self, doc_id: str) -> None:
        self.doc_id = doc_id
        super().__init__(f"No document with id {doc_id!r}. 문서 id {doc_id!r}을(를) 찾을 수 없습니다.")


class IndexNotBuiltError(IndexUserError):
    """The store holds no complete version yet."""

    def __init__(self, store: str) -> None:
        super().__init__(
            f"No index in {store} yet: run `python -m index build`. "
            f"{store}에 인덱스가 아직 없습니다. `python -m index build`를 실행하세요."
        )


class IndexUnavailableError(IndexUserError):
    """The store (a Chroma server) cannot be reached right now; what was indexed is unharmed."""

    def __init__(self, detail: str = "") -> None:
        self.detail = detail
        super().__init__(
            "Search is unavailable right now, please try again shortly. "
            "지금은 검색을 할 수 없습니다. 잠시 후 다시 시도해 주세요."
            + (f" ({detail})" if detail else "")
        )
