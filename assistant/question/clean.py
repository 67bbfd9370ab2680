"""Checks on a user's question before anything else runs: empty, too long, control characters, language."""

from __future__ import annotations

import re
import unicodedata

from index.models import Lang

from .language import detect_language

# Control and invisible characters, and lone surrogates (a broken paste; no encoder takes them).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")
# Text this many times over the limit is refused before it is cleaned: no markup makes it short enough.
RAW_LIMIT_FACTOR = 20

MESSAGES: dict[str, dict[str, str]] = {
    "empty": {
        "en": "Please type a question.",
        "ko": "질문을 입력해 주세요.",
    },
    "too_long": {
        "en": "The question is too long ({n} characters; at most {max}). Please shorten it.",
        "ko": "질문이 너무 깁니다({n}자, 최대 {max}자). 짧게 줄여 주세요.",
    },
    "empty_statement": {
        "en": "Please paste a statement to check.",
        "ko": "확인할 문장을 붙여 넣어 주세요.",
    },
    "too_long_statement": {
        "en": "The statement is too long ({n} characters; at most {max}). Please check it in parts.",
        "ko": "문장이 너무 깁니다({n}자, 최대 {max}자). 나누어 확인해 주세요.",
    },
    "unavailable": {
        "en": "Search is unavailable right now, please try again shortly.",
        "ko": "지금은 검색을 할 수 없습니다. 잠시 후 다시 시도해 주세요.",
    },
    "language": {
        "en": "Please ask in Korean or English. 한국어 또는 영어로 질문해 주세요.",
        "ko": "한국어 또는 영어로 질문해 주세요.",
    },
}


class InvalidQuestion(ValueError):
    """A question the assistant cannot take; ``message`` is written for the user."""

    def __init__(self, message: str, language: Lang):
        super().__init__(message)
        self.message = message
        self.language = language


_SCRIPT = re.compile(r"<\s*(script|style)\b[^>]*>.*?(?:<\s*/\s*\1\s*>|$)", re.IGNORECASE | re.DOTALL)
# An element whose tag imitates a prompt's role or orders ("<system>...</system>", "<instructions>...") holds orders
# planted in the question, whatever its words: it goes with its content.
_ORDERS = re.compile(
    r"<\s*(system|instructions?|prompt|rules?|admin|policy|inst)(?=[\s>])[^>]*>.*?(?:<\s*/\s*\1\s*>|$)",
    re.IGNORECASE | re.DOTALL,
)
# ``[^<>]*`` already takes spaces: no ``\s*`` may follow it, or an unclosed "<a" before a long run of spaces
# takes quadratic time.
_TAG = re.compile(r"<!--.*?(?:-->|$)|</?[A-Za-z][\w:-]*(?:\s[^<>]*)?(?:/\s*)?>", re.DOTALL)


def strip_markup(text: str) -> str:
    """Text with HTML tags removed (scripts, styles and elements named for a role or orders with their content):
    markup is never part of a question."""
    return _TAG.sub(" ", _ORDERS.sub(" ", _SCRIPT.sub(" ", text)))


def clean_question(text: str) -> str:
    """NFC, markup, control and invisible characters removed, whitespace collapsed."""
    text = unicodedata.normalize("NFC", text or "")
    text = _CONTROL.sub(" ", strip_markup(text))
    return re.sub(r"\s+", " ", text).strip()


def validate_question(
    text: str | None, max_chars: int, forced: Lang | None = None, kind: str = ""
) -> tuple[str, Lang]:
    """Return the cleaned question and its answer language, or raise ``InvalidQuestion``. ``kind="statement"``
    words the messages for a statement to check."""
    if not isinstance(text, str):
        text = ""
    suffix = f"_{kind}" if kind else ""
    if len(text) > RAW_LIMIT_FACTOR * max_chars:
        lang = forced or detect_language(clean_question(text[: 2 * max_chars])) or "en"
        raise InvalidQuestion(MESSAGES["too_long" + suffix][lang].format(n=len(text), max=max_chars), lang)
    cleaned = clean_question(text)
    detected = detect_language(cleaned)
    lang: Lang = forced or detected or "en"
    if not cleaned or not re.search(r"[^\W_]", cleaned):
        raise InvalidQuestion(MESSAGES["empty" + suffix][lang], lang)
    if len(cleaned) > max_chars:
        raise InvalidQuestion(MESSAGES["too_long" + suffix][lang].format(n=len(cleaned), max=max_chars), lang)
    if detected is None and re.search(r"[^\W\d_]", cleaned):
        raise InvalidQuestion(MESSAGES["language"][lang], lang)
    return cleaned, lang
