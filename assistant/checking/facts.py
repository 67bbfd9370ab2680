"""Fact support: the checkable facts of a text (numbers, dates, years, names) and whether a passage holds them.

Facts are normalised so that a Korean and an English wording of the same fact compare equal:
``10월 28일`` = ``October 28`` = ``28 Oct`` → date ``10-28``; ``150여 명`` = ``about 150`` → number ``150``;
``10조 원`` = ``10 trillion won`` → number ``10000000000000``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

import numpy as np
from pydantic import BaseModel

from index.text import _kiwi_lock, kiwi

from ..answering.citations import MARKER
from ..question.vocabulary import ARTICLES, LANGUAGE_WORDS, PREPOSITIONS, QUESTION_FRAME

MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_MONTH_RE = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_DASH = r"\s*(?:-|–|—|~|to|and|&|부터|에서)\s*"

SCALES = {
    "만": 10**4,
    "억": 10**8,
    "조": 10**12,
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
}
WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "twenty": 20,
    "thirty": 30,
    "fifty": 50,
    "hundred": 100,
    "하루": 1,
    "이틀": 2,
    "사흘": 3,
    "나흘": 4,
}
# Capitalised words that start sentences or name calendar items rather than entities.
NOT_NAMES = QUESTION_FRAME | ARTICLES | PREPOSITIONS | set(MONTHS) | {
    "it", "its", "this", "that", "these", "those", "there", "here", "and", "but", "or", "so", "by", "from",
    "as", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "your", "whom", "yes",
    "no", "not", "according", "also", "both", "after", "before", "during", "then", "however", "all", "each",
    "some", "many", "most", "one", "two", "first", "second", "day", "days", "if", "be", "can", "will",
    "would", "should", "please", "tell", "say", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "note", "sources", "source", "q", "a.m", "p.m", "am", "pm", "mr", "ms", "dr",
}

_URL_RE = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")


class Facts(BaseModel):
    """The checkable facts of a text, normalised across Korean and English."""

    numbers: list[str] = []
    dates: list[str] = []
    years: list[str] = []
    names: list[str] = []
    approximate: list[str] = []
    money: list[str] = []

    def is_empty(self) -> bool:
        return not (self.numbers or self.dates or self.years or self.names)

    def all(self) -> list[str]:
        """Every fact as a short readable string (dates as MM-DD or YYYY-MM)."""
        return [*self.dates, *self.years, *self.numbers, *self.names]


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = MARKER.sub(" ", text)
    return _URL_RE.sub(" ", text)


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _blank(text: str, span: tuple[int, int]) -> str:
    """Replace a matched span with spaces so later patterns do not read it again."""
    return text[: span[0]] + " " * (span[1] - span[0]) + text[span[1] :]


def _dates(text: str, out: Facts) -> str:
    """Collect dates and month-years; return the text with them blanked out."""

    def add(month: int | None, day: int | None, year: str | None = None) -> None:
        if year:
            out.years.append(year)
        if month and day and 1 <= month <= 12 and 1 <= day <= 31:
            out.dates.append(f"{month:02d}-{day:02d}")
        elif month and year and 1 <= month <= 12:
            out.dates.append(f"{year}-{month:02d}")
        elif day and 1 <= day <= 31:
            out.dates.append(f"*-{day:02d}")

    patterns: list[tuple[re.Pattern[str], Callable[[re.Match[str]], None]]] = [
        # 2025-10-28, 2025.10.28
        (
            re.compile(r"\b((?:19|20)\d{2})[-./](\d{1,2})[-./](\d{1,2})\b"),
            lambda m: add(int(m[2]), int(m[3]), m[1]),
        ),
        # 2025년 10월 28일(~29일)
        (
            re.compile(
                r"(?:((?:19|20)\d{2})\s*년\s*)?(\d{1,2})\s*월\s*(\d{1,2})\s*일(?:"
                + _DASH
                + r"(?:(\d{1,2})\s*월\s*)?(\d{1,2})\s*일)?"
            ),
            lambda m: (add(int(m[2]), int(m[3]), m[1]), m[5] and add(int(m[4] or m[2]), int(m[5]))),
        ),
        # 2025년 2월
        (re.compile(r"((?:19|20)\d{2})\s*년\s*(\d{1,2})\s*월"), lambda m: add(int(m[2]), None, m[1])),
        # 28(–29) October (2025)
        (
            re.compile(
                r"\b"
                + _DAY
                + r"(?:"
                + _DASH
                + _DAY
                + r")?\s+(?:of\s+)?("
                + _MONTH_RE
                + r")(?:,?\s+((?:19|20)\d{2}))?\b",
                re.IGNORECASE,
            ),
            lambda m: (
                add(MONTHS[m[3].lower().rstrip(".")], int(m[1]), m[4]),
                m[2] and add(MONTHS[m[3].lower().rstrip(".")], int(m[2])),
            ),
        ),
        # October 28(–29)(, 2025)
        (
            re.compile(
                r"\b("
                + _MONTH_RE
                + r")\s+"
                + _DAY
                + r"(?:"
                + _DASH
                + r"(?:("
                + _MONTH_RE
                + r")\s+)?"
                + _DAY
                + r")?(?:,?\s+((?:19|20)\d{2}))?\b",
                re.IGNORECASE,
            ),
            lambda m: (
                add(MONTHS[m[1].lower().rstrip(".")], int(m[2]), m[5]),
                m[4] and add(MONTHS[(m[3] or m[1]).lower().rstrip(".")], int(m[4])),
            ),
        ),
        # February 2025
        (
            re.compile(r"\b(" + _MONTH_RE + r")\s+((?:19|20)\d{2})\b", re.IGNORECASE),
            lambda m: add(MONTHS[m[1].lower().rstrip(".")], None, m[2]),
        ),
        # 29일 (day only)
        (
            re.compile(
                r"(?<![\d.])(\d{1,2})\s*일(?![가-힣])|(?<![\d.])(\d{1,2})\s*일(?=[은는이에도의과와까부(),\s])"
            ),
            lambda m: add(None, int(m[1] or m[2])),
        ),
    ]
    for pattern, handle in patterns:
        for match in list(pattern.finditer(text)):
            handle(match)
            text = _blank(text, match.span())
    return text


def _numbers(text: str, out: Facts) -> None:
    """Collect years, scaled amounts, approximate quantities and plain numbers."""
    number = re.compile(
        r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(만|억|조|thousand|million|billion|trillion)?"
        r"(\s*여|\s*여\s*명|\+)?\s*(원|won|krw|달러|dollars?|usd)?",
        re.IGNORECASE,
    )
    approx_before = re.compile(
        r"(?:about|around|approximately|roughly|some|over|more than|nearly|약)\s*$", re.IGNORECASE
    )
    for m in number.finditer(text):
        raw = m[1].replace(",", "")
        value = float(raw) * SCALES.get((m[2] or "").lower(), 1)
        if not m[2] and re.fullmatch(r"(?:19|20)\d{2}", raw):
            out.years.append(raw)
            continue
        canon = _num(value)
        out.numbers.append(canon)
        if m[3] or approx_before.search(text[: m.start()]):
            out.approximate.append(canon)
        if m[4]:
            currency = "KRW" if m[4].lower() in {"원", "won", "krw"} else "USD"
            out.money.append(f"{canon} {currency}")
    for word, value in WORD_NUMBERS.items():
        pattern = rf"\b{word}\b" if word.isascii() else word
        if re.search(pattern, text, re.IGNORECASE):
            out.numbers.append(str(value))


def _latin_names(text: str) -> list[str]:
    """Runs of capitalised Latin-script words and acronyms, minus sentence starters and calendar words."""
    names = []
    for run in re.finditer(r"(?<![A-Za-z0-9])[A-Z][A-Za-z0-9'’.&-]*(?:[ \t]+[A-Z][A-Za-z0-9'’.&-]*)*", text):
        words = [w.strip(".'’") for w in run[0].split()]
        words = [re.sub(r"['’]s$", "", w) for w in words]
        while words and words[0].lower() in NOT_NAMES:
            words.pop(0)
        while words and words[-1].lower() in NOT_NAMES:
            words.pop()
        words = [w for w in words if len(w) > 1 or w.isdigit()]
        if words and " ".join(words).lower() not in LANGUAGE_WORDS:
            names.append(" ".join(words))
    return names


@lru_cache(maxsize=4096)
def _korean_names(text: str) -> tuple[str, ...]:
    if not re.search(r"[가-힣]", text):
        return ()
    with _kiwi_lock:
        tokens = kiwi().tokenize(text)
    return tuple(t.form for t in tokens if t.tag == "NNP" and len(t.form) > 1 and t.form not in LANGUAGE_WORDS)


def _dedupe(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


@lru_cache(maxsize=4096)
def facts(text: str) -> Facts:
    """Extract the checkable facts of ``text`` (citation markers and URLs are ignored)."""
    text = _clean(text)
    out = Facts()
    rest = _dates(text, out)
    _numbers(rest, out)
    out.names = _latin_names(text) + list(_korean_names(text))
    for field in ("numbers", "dates", "years", "names", "approximate", "money"):
        setattr(out, field, _dedupe(getattr(out, field)))
    return out


def _norm_name(text: str) -> str:
    return re.sub(r"[\s·\-‐]+", " ", text.lower()).strip()


def name_in(name: str, passage: str) -> bool:
    """Whether a name occurs in the passage (case- and spacing-insensitive; each word for multi-word names)."""
    hay = _norm_name(_clean(passage))
    needle = _norm_name(name)
    if needle in hay or needle.replace(" ", "") in hay.replace(" ", ""):
        return True
    words = needle.split()
    return len(words) > 1 and all(re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", hay) for w in words)


def missing_facts(sentence: str, passage: str) -> list[str]:
    """The sentence's facts (dates, years, numbers, names) that the passage does not contain."""
    want, have = facts(sentence), facts(passage)
    days = {d[-2:] for d in have.dates if not d[0].isdigit() or len(d) == 5}
    missing = []
    for date in want.dates:
        if date in have.dates:
            continue
        if date.startswith("*-") and date[-2:] in days:
            continue
        missing.append(date)
    known_numbers = set(have.numbers) | set(have.years)
    missing += [y for y in want.years if y not in have.years]
    missing += [n for n in want.numbers if n not in known_numbers]
    missing += [n for n in want.names if not name_in(n, passage)]
    return missing


def similarity(a: str, b: str, embed: Callable[[list[str]], np.ndarray]) -> float:
    """Cosine similarity of two texts under ``embed`` (e.g. ``KnowledgeIndex.embed_queries``)."""
    vectors = np.asarray(embed([a, b]), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1)
    if not norms.all():
        return 0.0
    return float(vectors[0] @ vectors[1] / (norms[0] * norms[1]))


class Similarity:
    """``similarity`` bound to one embedder, e.g. ``Similarity(index.embed_queries)("a", "b")``."""

    def __init__(self, embed: Callable[[list[str]], np.ndarray]):
        self.embed = embed

    def __call__(self, a: str, b: str) -> float:
        return similarity(a, b, self.embed)
