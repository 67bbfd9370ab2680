"""Share links: ``?q=…&lang=…`` opens the app and asks the same question in the same language."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode

from pydantic import BaseModel

from assistant.library import Lang
from assistant.models import Answer


class SharedQuestion(BaseModel):
    """A question that arrived in a share link, and the language to answer it in."""

    question: str
    lang: Lang | None = None  # None: answer in the question's language


def share_query(answer: Answer) -> str:
    """The link's query string for ``answer``: its standalone question (a follow-up carries its context) and
    the language it was answered in."""
    question = answer.standalone_question or answer.question
    return "?" + urlencode({"q": question, "lang": answer.language})


def link_language(params: Mapping[str, str] | None) -> Lang | None:
    """The language a link asks for (``lang=ko|en``); anything else is ignored."""
    lang = (params or {}).get("lang")
    return lang if lang in ("ko", "en") else None


def shared_question(params: Mapping[str, str] | None) -> SharedQuestion | None:
    """The question a page was opened with, if any. The text is left for the assistant to check (an empty or
    overlong question gets its usual message); an unknown language follows the question."""
    question = ((params or {}).get("q") or "").strip()
    if not question:
        return None
    return SharedQuestion(question=question, lang=link_language(params))
