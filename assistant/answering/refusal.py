"""The honest "the documents do not say" message, naming what the documents do cover."""

from __future__ import annotations

from collections.abc import Iterable

from index.models import Lang

# The one sentence that says the documents do not answer (also what a language model is told to reply).
REFUSAL = {"en": "The documents do not say.", "ko": "제공된 문서에는 이 질문에 대한 내용이 없습니다."}


def refusal_message(lang: Lang, covers: Iterable[str] | None = None) -> str:
    """A short refusal in ``lang``, followed by what the documents cover (``EventInfo.covered(lang)``)."""
    topics = [t for t in (covers or []) if t]
    if lang == "ko":
        cover = f" 문서에 있는 내용은 {', '.join(topics)}입니다." if topics else ""
        return REFUSAL["ko"] + cover
    cover = (
        f" They cover {', '.join(topics[:-1])} and {topics[-1]}."
        if len(topics) > 1
        else (f" They cover {topics[0]}." if topics else "")
    )
    return REFUSAL["en"] + cover


def is_refusal(text: str) -> bool:
    """Whether ``text`` is the refusal sentence (in either language) and little more, or empty."""
    flat = " ".join(text.split()).strip().rstrip(".。").lower()
    if not flat:
        return True
    return any(flat.startswith(r.rstrip(".").lower()) and len(flat) <= len(r) + 12 for r in REFUSAL.values())
