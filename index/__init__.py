"""Documents into a searchable index: load, clean, split, embed, store (Chroma + BM25), search."""

from index import offline  # noqa: F401  - sets the offline switches before any other library loads

__all__ = ["KnowledgeIndex"]


def __getattr__(name: str):
    if name == "KnowledgeIndex":
        from index.store import KnowledgeIndex

        return KnowledgeIndex
    raise AttributeError(name)
