"""A document assistant: answers about an event's documents, in Korean or English, with checkable citations."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .engine import Assistant

__all__ = ["Assistant"]


def __getattr__(name: str):
    if name == "Assistant":
        from .engine import Assistant

        return Assistant
    raise AttributeError(name)
