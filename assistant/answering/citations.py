"""Turning an answerer's ``[k]`` markers into citations numbered by first appearance."""

from __future__ import annotations

import re

from index.models import Chunk

from ..models import Citation

# The one citation-marker pattern: "[1]", or a group such as "[1, 2]" (a model may write one).
MARKER = re.compile(r"\[(\d+(?:\s*[,;]\s*\d+)*)\]")


def marker_numbers(text: str) -> list[int]:
    """Every number cited in ``text``, in order ("[1] ... [2, 3]" -> [1, 2, 3])."""
    return [int(n) for group in MARKER.findall(text) for n in re.split(r"\s*[,;]\s*", group)]


def citation_for(chunk: Chunk, n: int) -> Citation:
    """The numbered citation quoting ``chunk`` exactly."""
    return Citation(
        n=n,
        doc_id=chunk.doc_id,
        title=chunk.title,
        source=chunk.source,
        source_url=chunk.source_url,
        lang=chunk.lang,
        chunk_id=chunk.chunk_id,
        text=chunk.text,
        section=section_of(chunk),
        score=chunk.score,
    )


def section_of(chunk: Chunk) -> str:
    """The heading a passage stands under (the last level of its heading path), or ""."""
    return chunk.heading.rsplit(" > ", 1)[-1].strip() if chunk.heading else ""


def renumber(text: str, passages: list[Chunk]) -> tuple[str, list[Citation]]:
    """Rewrite ``[k]`` (index into ``passages``) as ``[n]`` numbered by first appearance; drop unknown markers."""
    order: list[int] = []

    def replace(match: re.Match[str]) -> str:
        numbers = []
        for raw in re.split(r"\s*[,;]\s*", match[1]):
            k = int(raw) - 1
            if not 0 <= k < len(passages):
                continue
            if k not in order:
                order.append(k)
            n = order.index(k) + 1
            if n not in numbers:
                numbers.append(n)
        return "".join(f"[{n}]" for n in numbers)

    new_text = MARKER.sub(replace, text)
    new_text = re.sub(r"[ \t]{2,}", " ", new_text).strip()
    return new_text, [citation_for(passages[k], n) for n, k in enumerate(order, start=1)]
