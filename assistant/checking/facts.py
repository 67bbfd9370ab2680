"""Fact support: the checkable facts of a text (numbers, dates, years, names) and whether a passage holds them.

Facts are normalised so that a Korean and an English wording of the same fact compare equal:
``10월 28일`` = ``October 28`` = ``28 Oct`` → date ``10-28``; ``150여 명`` = ``about 150`` → number ``150``;
``10조 원`` = ``10 trillion won`` → number ``10000000000000``; ``이틀간`` = ``two days`` = ``a two-day`` → duration
``2`` (days).

:func:`fact_spans` gives the same facts with their place in the text (what a claim of a statement is built on);
:func:`facts` gathers them per type.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Literal

import numpy as np
from pydantic import BaseModel

from index.text import _kiwi_lock, kiwi

from ..answering.citations import MARKER
from ..question.vocabulary import (
    ARTICLES,
    CHAT_ACRONYMS,
    KEY_TERM_STOPWORDS,
    LANGUAGE_WORDS,
    PREPOSITIONS,
    QUESTION_FRAME,
)

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
}
_NUMBER_WORD = r"(?:" + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True)) + r")"
_WORD_NUMBER_RUN = re.compile(rf"\b{_NUMBER_WORD}(?:(?:[\s-]+|(?<=hundred)\s+and\s+){_NUMBER_WORD})*\b", re.IGNORECASE)


def _word_number(text: str) -> int:
    """The value of a run of English number words: "one hundred and fifty" → 150, "twenty-eight" → 28."""
    value = 0
    for word in re.findall(r"[a-z]+", text.lower()):
        if word == "hundred":
            value = max(value, 1) * 100
        elif word != "and":
            value += WORD_NUMBERS[word]
    return value


DAY_WORDS = {"하루": 1, "이틀": 2, "사흘": 3, "나흘": 4, "닷새": 5, "양일": 2, "양": 2}
_WORD_NUM = r"\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten"
_DURATIONS = [
    # two days, a two-day forum, 3 days long, two weeks
    re.compile(rf"\b({_WORD_NUM})[\s-]+(days?|weeks?)\b", re.IGNORECASE),
    # 2일간, 3일 동안, 2주간
    re.compile(r"(?<![\d.])(\d{1,3})\s*(일|주)\s*(?:간|동안)"),
    # 이틀, 이틀간, 사흘 동안, 양일간
    re.compile(r"(하루|이틀|사흘|나흘|닷새)(?:간|\s*동안)?|(양)일\s*(?:간|동안)?"),
    # a week-long forum, a full week, 일주일간
    re.compile(r"\bweek[\s-]?long\b|\b(?:a|one)\s+(?:(?:full|whole|entire)\s+)?week\b(?![\s-]?long)|일주일\s*(?:간|동안)?",
               re.IGNORECASE),
    # a single day, a single-day forum
    re.compile(r"\b(?:a\s+)?single[\s-]day\b", re.IGNORECASE),
]
# Capitalised words that start sentences or name calendar items rather than entities.
NOT_NAMES = QUESTION_FRAME | ARTICLES | PREPOSITIONS | set(MONTHS) | CHAT_ACRONYMS | {
    "it", "its", "this", "that", "these", "those", "there", "here", "and", "but", "or", "so", "by", "from",
    "as", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "your", "whom", "yes",
    "no", "not", "according", "also", "both", "after", "before", "during", "then", "however", "all", "each",
    "some", "many", "most", "one", "two", "first", "second", "day", "days", "if", "be", "can", "will",
    "would", "should", "please", "tell", "say", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "note", "sources", "source", "q", "a.m", "p.m", "am", "pm", "mr", "ms", "dr",
}

_URL_RE = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")
# a telephone number ("031-645-2026", "02-2025-1234", "+82-2-2025-1234") is no count and holds no year
_PHONE = re.compile(r"(?<![\d-])(?:\+\d{1,3}[- ]\d{1,4}[- ]|0\d{1,2}-)\d{3,4}-\d{4}(?![\d-])")


class Facts(BaseModel):
    """The checkable facts of a text, normalised across Korean and English."""

    numbers: list[str] = []
    dates: list[str] = []
    years: list[str] = []
    names: list[str] = []
    approximate: list[str] = []
    money: list[str] = []
    durations: list[str] = []  # in days

    def is_empty(self) -> bool:
        return not (self.numbers or self.dates or self.years or self.names or self.durations)

    def all(self) -> list[str]:
        """Every fact as a short readable string (dates as MM-DD or YYYY-MM)."""
        return [*self.dates, *self.years, *self.numbers, *self.names]


FactKind = Literal["date", "number", "duration", "name", "day", "time", "weekday", "title"]
_TIME = re.compile(
    r"(?:오전|오후)\s*\d{1,2}\s*시(?:\s*\d{1,2}\s*분|\s*반)?|\d{1,2}\s*시(?:\s*\d{1,2}\s*분|\s*반)?(?![가-힣])|"
    r"\b\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?",
    re.IGNORECASE,
)


PARTS_OF_DAY = {"morning": "am", "afternoon": "pm", "evening": "evening", "오전": "am", "아침": "am", "오후": "pm",
                "저녁": "evening"}
_PART_OF_DAY = re.compile(r"\b(?:morning|afternoon|evening)\b|오전|아침|오후|저녁", re.IGNORECASE)


def _clock(text: str) -> list[str]:
    """A time of day as its part of the day and, where it gives one, the hour ("오후 2시" = "2 p.m." → pm, 14:00)."""
    low = re.sub(r"\s+", "", text.lower())
    m = re.search(r"(\d{1,2})(?::(\d{2})|시(?:(\d{1,2})분|(반))?)?", low)
    if not m:
        return [low]
    hour, minute = int(m[1]), int(m[2] or m[3] or (30 if m[4] else 0))
    if "오후" in low or re.search(r"p\.?m", low):
        return ["pm", f"{hour % 12 + 12:02d}:{minute:02d}"]
    if "오전" in low or re.search(r"a\.?m", low) or hour >= 12:
        return ["pm" if hour >= 12 else "am", f"{hour % 24:02d}:{minute:02d}"]
    return [f"{hour:02d}:{minute:02d}", f"{hour + 12:02d}:{minute:02d}"]  # "3시": 3 or 15 o'clock


class FactSpan(BaseModel):
    """One fact as written in a text: where it is, and its normalised values (see :class:`Facts`)."""

    kind: FactKind
    text: str
    start: int
    end: int
    values: list[str]
    approximate: bool = False
    unit: str = ""  # a number's unit word ("people", "명", "won"), lower-case
    weekday: int | None = None  # of a weekday: the day of the week (0 = Monday); its values are its date's

    def counted(self) -> str:
        """What a number counts, as its unit's family ("people", "money", "count", or the unit itself when it is
        a Korean counter or names what is counted: "32 teams" → "teams"); "" for a bare number and a number
        followed by a word that counts nothing ("day two was" → "")."""
        if self.kind != "number" or not self.unit:
            return ""
        family = _unit_family(self.unit)
        if family in _UNIT_FAMILIES or self.unit in _KOREAN_COUNTERS:
            return family
        plural = re.fullmatch(r"[a-z]{2,}[^su]s", self.unit) and self.unit not in KEY_TERM_STOPWORDS
        return self.unit if plural else ""

    def same_kind(self, other: FactSpan) -> bool:
        """Whether two facts could fill the same slot: dates with dates, numbers of the same unit family, ..."""
        if self.kind != other.kind:
            return False
        if self.kind == "number":  # a bare number, or one of a word that is no unit ("day-two MOU"), fills no
            # slot for sure
            family = _unit_family(self.unit)
            return (family in _UNIT_FAMILIES or self.unit in _KOREAN_COUNTERS) and family == _unit_family(other.unit)
        return True


_UNIT_FAMILIES = {
    "people": {"people", "participants", "attendees", "persons", "명", "guests", "visitors", "delegates", "experts",
               "academics", "officials", "researchers", "professionals", "representatives", "scholars", "members",
               "students", "journalists", "leaders", "executives", "policymakers"},
    "money": {"won", "krw", "원", "dollars", "dollar", "usd", "달러"},
    "count": {"sessions", "session", "countries", "country", "개국", "개", "곳", "organizations", "companies", "건",
              "speakers", "panels", "panelists", "회"},
}


_KOREAN_COUNTERS = ("개국", "명", "개", "곳", "건", "회", "원", "달러", "세", "년", "차", "번째")


def _unit_word(word: str) -> str:
    """A number's unit as a comparable word: lower-case English, or the Korean counter without its particle."""
    if word.isascii():
        return word.lower()
    return next((c for c in _KOREAN_COUNTERS if word.startswith(c)), word)


def _unit_family(unit: str) -> str:
    for family, words in _UNIT_FAMILIES.items():
        if unit in words:
            return family
    return _UNIT_KEYS.get(_unit_key(unit), unit)  # misspelt ("attendes") or another form ("participant")


def _unit_key(word: str) -> str:
    """An English unit word without its plural ending, cut to six letters: "attendes" and "attendees" → "attend"."""
    return re.sub(r"e?s$", "", word)[:6] if word.isascii() and len(word) > 4 else word


_UNIT_KEYS = {_unit_key(w): family for family, words in _UNIT_FAMILIES.items() for w in words if w.isascii()}


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = MARKER.sub(" ", text)
    return _PHONE.sub(" ", _URL_RE.sub(" ", text))


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _blank(text: str, span: tuple[int, int]) -> str:
    """Replace a matched span with spaces so later patterns do not read it again."""
    return text[: span[0]] + " " * (span[1] - span[0]) + text[span[1] :]


def _durations(text: str, out: Facts, spans: list[FactSpan]) -> str:
    """Collect lengths of time in days; return the text with them blanked out."""
    for pattern in _DURATIONS:
        for m in list(pattern.finditer(text)):
            if m.re is _DURATIONS[2]:
                days = DAY_WORDS[m[1] or m[2]]
            elif m.re is _DURATIONS[3]:
                days = 7
            elif m.re is _DURATIONS[4]:
                days = 1
            else:
                count = m[1].lower()
                days = int(count) if count.isdigit() else WORD_NUMBERS[count]
                days *= 7 if m[2].lower().startswith(("week", "주")) else 1
            out.durations.append(str(days))
            spans.append(FactSpan(kind="duration", text=m[0], start=m.start(), end=m.end(), values=[str(days)]))
            text = _blank(text, m.span())
    return text


def _dates(text: str, out: Facts, spans: list[FactSpan] | None = None) -> str:
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
        # 2026. 10. 9. (how Korean notices write a date: a dot and a space after each part)
        (
            re.compile(r"\b((?:19|20)\d{2})\.\s(1[0-2]|0?[1-9])\.\s([12]\d|3[01]|0?[1-9])\.(?!\d)"),
            lambda m: add(int(m[2]), int(m[3]), m[1]),
        ),
        # ... and its month and day alone, before the day of the week ("10. 11.(일)") or ending a range ("~ 10. 11.")
        (
            re.compile(r"(?<![\d.])(1[0-2]|0?[1-9])\.\s([12]\d|3[01]|0?[1-9])\.(?!\d)"
                       r"(?=\s?\([월화수목금토일]\))"),
            lambda m: add(int(m[1]), int(m[2])),
        ),
        (
            re.compile(r"(?:(?<=[~–])|(?<=[~–] ))(1[0-2]|0?[1-9])\.\s([12]\d|3[01]|0?[1-9])\.(?!\d)"),
            lambda m: add(int(m[1]), int(m[2])),
        ),
        # 2025-10-28, 2025.10.28
        (
            re.compile(r"\b((?:19|20)\d{2})[-./](\d{1,2})[-./](\d{1,2})\b"),
            lambda m: add(int(m[2]), int(m[3]), m[1]),
        ),
        # 10/28, 10/29/2025 and 3/5/2026 (month first; "1/2" is a half); 10.29 before a word, as a headline dates its news ("10.29 포럼 둘째
        # 날엔"), before its day of the week ("10.28(화)"), with a particle of time ("10.28에", "10.28부터") or in a range
        # ("10.28~10.29"): two digits of day, nothing after it that makes it a decimal ("10.25%", "10.50 won",
        # "10.25배")
        (
            re.compile(r"(?<![\d./])(1[0-2]|0?[1-9])/(?:([12]\d|3[01])|(0?[1-9])/((?:19|20)\d{2}))"
                       r"(?:/((?:19|20)\d{2}))?(?![\d/])"),
            lambda m: add(int(m[1]), int(m[2] or m[3]), m[4] or m[5]),
        ),
        (
            re.compile(r"(?<![\d.,])(1[0-2]|0?[1-9])\.([12]\d|3[01]|0[1-9])(?![\d.,%])"
                       r"(?=\s+[가-힣]|(?:에서|에|부터|까지|엔|의)(?![가-힣])|\s*$"
                       r"|\s*[~–]\s*(?:1[0-2]|0?[1-9])\.(?:[12]\d|3[01]|0[1-9])(?![\d.,%])"
                       r"|\s*\((?:[월화수목금토일]|(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)\))"),
            lambda m: add(int(m[1]), int(m[2])),
        ),
        (  # ... or alone in brackets right after a word, as a day is dated ("둘째 날(10.29)엔")
            re.compile(r"(?<=[가-힣A-Za-z]\()(1[0-2]|0?[1-9])\.([12]\d|3[01]|0[1-9])(?=\))"),
            lambda m: add(int(m[1]), int(m[2])),
        ),
        (  # the end of a range (each day of "10.28~10.29" is a date of its own, checked on its own)
            re.compile(r"(?:(?<=[~–])|(?<=[~–] ))(1[0-2]|0?[1-9])\.([12]\d|3[01]|0[1-9])(?![\d.,%])"),
            lambda m: add(int(m[1]), int(m[2])),
        ),
        # 28.10.–29.10. and 28.10.2025 (the European numeric form, read only as a range or with a year)
        (
            re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\." + _DASH + r"(\d{1,2})\.(\d{1,2})\.(?!\d)"),
            lambda m: (add(int(m[2]), int(m[1])), add(int(m[4]), int(m[3]))),
        ),
        (
            re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.\s?((?:19|20)\d{2})\b"),
            lambda m: add(int(m[2]), int(m[1]), m[3]),
        ),
        # 2025년 10월 28일(~29일)
        (
            re.compile(
                r"(?:((?:19|20)\d{2})\s*년\s*)?(\d{1,2})\s*월\s*(\d{1,2})(?!\d)\s*(?:일(?="
                + _DASH
                + r"(?:\d{1,2}\s*월\s*)?\d{1,2}\s*일)|일|(?="
                + _DASH
                + r"(?:\d{1,2}\s*월\s*)?\d{1,2}\s*일))(?:"
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
        # the 28th (day only)
        (re.compile(r"\bthe\s+(\d{1,2})(?:st|nd|rd|th)\b", re.IGNORECASE), lambda m: add(None, int(m[1]))),
        # 29일 (day only)
        (
            re.compile(
                r"(?<![\d.])(\d{1,2})\s*일(?![가-힣])|(?<![\d.])(\d{1,2})\s*일(?=[은는이에엔날도의과와까부(),\s])"
            ),
            lambda m: add(None, int(m[1] or m[2])),
        ),
    ]
    for pattern, handle in patterns:
        for match in list(pattern.finditer(text)):
            before = len(out.dates), len(out.years)
            handle(match)
            if spans is not None:
                values = out.dates[before[0] :] + out.years[before[1] :]
                spans.append(FactSpan(kind="date", text=match[0], start=match.start(), end=match.end(), values=values))
            text = _blank(text, match.span())
    return text


_UNIT = re.compile(r"\s*(?:of\s+)?(?:the\s+)?([A-Za-z]+|[가-힣]+)")


_KO_SMALL = {"천": 1000, "백": 100, "십": 10}
_KO_DIGITS = {"일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "칠": 7, "팔": 8, "구": 9}
# a Sino-Korean numeral with a tens, hundreds or thousands place, written out before a counter ("백오십 명",
# "삼십여 개국"); a lone digit word ("이", "사") or place word ("천명", a name) is too often another word to count
_KOREAN_NUMERAL = re.compile(r"(?<![가-힣])((?=[일이삼사오육칠팔구십백천]{2})[일이삼사오육칠팔구]?[십백천]"
                             r"(?:[일이삼사오육칠팔구]?[십백천])*[일이삼사오육칠팔구]?)"
                             r"(여)?\s*(?=명|개국|개|곳|건|회|세)")


def _korean_numeral(word: str) -> int:
    """The value of a Sino-Korean numeral: "백오십" → 150, "삼십" → 30, "이백일" → 201."""
    total = digit = 0
    for ch in word:
        if ch in _KO_DIGITS:
            digit = _KO_DIGITS[ch]
        else:
            total += (digit or 1) * _KO_SMALL[ch]
            digit = 0
    return total + digit


_KO_PART = r"(\d{1,4}(?:,\d{3})*(?:\.\d+)?)\s*([천백십])?"
# a Korean amount written in parts: "1억 2천만 원", "3천만 원", "1만 5천 명", "2천 명"
_KO_NUMBER = r"\d{1,4}(?:,\d{3})*(?:\.\d+)?\s*[천백십]?"
_KO_AMOUNT = re.compile(
    rf"(?<![\w.])(?:{_KO_NUMBER}\s*[조억만]\s*)+(?:{_KO_NUMBER}(?=\s*(?:원|명|개|여)))?"
    rf"|(?<![\w.])\d{{1,4}}\s*[천백](?=\s*(?:원|명|개|여))"
)
_KO_GROUP = re.compile(_KO_PART + r"\s*([조억만])?")


def _korean_amount(text: str) -> float:
    """The value of a Korean amount written in parts ("1억 2천만" → 120000000)."""
    total = 0.0
    for m in _KO_GROUP.finditer(text):
        total += float(m[1].replace(",", "")) * _KO_SMALL.get(m[2] or "", 1) * SCALES.get(m[3] or "", 1)
    return total


def _korean_amounts(text: str, out: Facts, spans: list[FactSpan] | None) -> str:
    """Collect Korean amounts written in parts, which the plain pattern would read as several numbers; return the
    text with them blanked out."""
    for m in list(_KO_AMOUNT.finditer(text)):
        if not re.search(r"[천백십]|[조억만].*\d", m[0]):
            continue  # one number and one scale ("3만 원"): read by the plain pattern
        canon = _num(_korean_amount(m[0]))
        tail = re.match(r"\s*(여\s*명|여|원|명)?", text[m.end():])
        out.numbers.append(canon)
        if tail[1] and tail[1].startswith("여"):
            out.approximate.append(canon)
        if tail[1] == "원":
            out.money.append(f"{canon} KRW")
        end = m.end() + len(tail[0].rstrip()) if tail[1] else m.end()
        if spans is not None:
            unit = "원" if tail[1] == "원" else "명" if tail[1] and "명" in tail[1] else ""
            spans.append(FactSpan(kind="number", text=text[m.start():end].strip(), start=m.start(), end=end,
                                  values=[canon], approximate=bool(tail[1] and tail[1].startswith("여")), unit=unit))
        text = _blank(text, (m.start(), end))
    return text


def _numbers(text: str, out: Facts, spans: list[FactSpan] | None = None) -> None:
    """Collect years, scaled amounts, approximate quantities and plain numbers."""
    text = _korean_amounts(text, out, spans)
    number = re.compile(
        r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?!\d|\s*월)\s*(만|억|조|thousand|million|billion|trillion)?"
        r"(\s*여|\s*여\s*명|\+|-(?:odd|plus)\b)?\s*(원|won|krw|달러|dollars?|usd)?",
        re.IGNORECASE,
    )
    approx_before = re.compile(
        r"(?:about|around|approximately|roughly|some|over|more than|nearly|약)\s*$", re.IGNORECASE
    )
    for m in number.finditer(text):
        raw = m[1].replace(",", "")
        value = float(raw) * SCALES.get((m[2] or "").lower(), 1)
        if not m[2] and re.fullmatch(r"(?:19|20)\d{2}", m[1]):  # a year ("2,000" with its comma is a count)
            out.years.append(raw)
            if spans is not None:
                spans.append(FactSpan(kind="date", text=m[0].strip(), start=m.start(), end=m.start() + len(m[1]),
                                      values=[raw]))
            continue
        canon = _num(value)
        out.numbers.append(canon)
        approx = approx_before.search(text[: m.start()])
        approximate = bool(m[3] or approx)
        if approximate:
            out.approximate.append(canon)
        before = re.search(r"(\$|US\$|USD|KRW|₩)\s*$", text[max(0, m.start() - 5) : m.start()])
        dollar = bool(before) and before[1] in ("$", "US$", "USD")  # "$2 million", "USD 2 million"
        if m[4] or before:  # "KRW 120 million"
            currency = "KRW" if (m[4] or "").lower() in {"원", "won", "krw"} or (before and not dollar) else "USD"
            out.money.append(f"{canon} {currency}")
        if spans is not None:
            unit = m[4] or ("usd" if dollar else "krw" if before else "명" if m[3] and "명" in m[3] else "")
            if not unit:
                after = _UNIT.match(text, m.end())
                unit = _unit_word(after[1]) if after else ""
            start = approx.start() if approx else m.start()  # "roughly 150": the word saying it is about so many
            spans.append(FactSpan(kind="number", text=text[start : m.start()] + m[0].rstrip(), start=start,
                                  end=m.start() + len(m[0].rstrip()), values=[canon], approximate=approximate,
                                  unit=unit.lower()))
    for found in _WORD_NUMBER_RUN.finditer(text):  # "one hundred and fifty" is 150, not 1, 100 and 50
        more = re.match(r"-(?:plus|odd)\b|\+", text[found.end():])  # "two hundred-plus"
        _spelt_number(text, out, spans, _word_number(found[0]), found.start(),
                      found.end() + (more.end() if more else 0), bool(more))
    for found in _KOREAN_NUMERAL.finditer(text):  # "백오십 명" is 150
        _spelt_number(text, out, spans, _korean_numeral(found[1]), found.start(),
                      found.start() + len(found[0].rstrip()), bool(found[2]))


def _spelt_number(text: str, out: Facts, spans: list[FactSpan] | None, value: int, start: int, end: int,
                  approximate: bool) -> None:
    """Collect a number written in words (``text[start:end]``), with the unit word after it."""
    out.numbers.append(str(value))
    if approximate:
        out.approximate.append(str(value))
    if spans is not None:
        after = _UNIT.match(text, end)
        spans.append(FactSpan(kind="number", text=text[start:end], start=start, end=end, values=[str(value)],
                              approximate=approximate, unit=_unit_word(after[1]) if after else ""))


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
    rest = _durations(text, out, [])
    rest = _dates(rest, out)
    _numbers(rest, out)
    out.names = _latin_names(text) + list(_korean_names(text))
    for field in ("numbers", "dates", "years", "names", "approximate", "money", "durations"):
        setattr(out, field, _dedupe(getattr(out, field)))
    return out


def dates_of(text: str) -> list[str]:
    """``facts(text).dates`` without the rest (names need Kiwi; reading only dates does not)."""
    out = Facts()
    _dates(_durations(_clean(text), out, []), out)
    return _dedupe(out.dates)


def fact_spans(text: str) -> list[FactSpan]:
    """The dates, numbers and durations of ``text`` with their places in it, in reading order (names are found
    by the claim splitter, which needs phrase boundaries; see :mod:`assistant.checking.claims`)."""
    out, spans = Facts(), []
    for m in list(_PHONE.finditer(text)):
        text = _blank(text, m.span())
    for m in list(_TIME.finditer(text)):  # times of day: not numbers
        spans.append(FactSpan(kind="time", text=m[0].strip(), start=m.start(), end=m.end(), values=_clock(m[0])))
        text = _blank(text, m.span())
    for m in list(_PART_OF_DAY.finditer(text)):  # "on the morning of day two", "둘째 날 오후"
        spans.append(FactSpan(kind="time", text=m[0], start=m.start(), end=m.end(), values=[PARTS_OF_DAY[m[0].lower()]]))
        text = _blank(text, m.span())
    rest = _durations(text, out, spans)
    rest = _dates(rest, out, spans)
    _numbers(rest, out, spans)
    spans += [w for s in spans if s.kind == "date" and (w := _weekday_of(s, text))]
    return sorted(spans, key=lambda s: s.start)


def calendar_day(year: int, month_day: str) -> dt.date:
    """The day a normalised "MM-DD" date (see ``FactSpan.values``) names in ``year``."""
    return dt.date(year, int(month_day[:2]), int(month_day[3:]))


# the days of the week by their English abbreviations and their Korean syllables, Monday first (0)
WEEKDAYS_EN = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
WEEKDAYS_KO = "월화수목금토일"
_EN_DAY = r"(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
_WEEKDAY_BEFORE = re.compile(rf"\b{_EN_DAY},?\s*$", re.IGNORECASE)  # "Tuesday 28 October", "Thu, Oct 30"
_WEEKDAY_AFTER = re.compile(  # "28일(화)", "10월 29일 수요일", "29일, 목요일", "October 28 (Tue)", "Oct 28, Tuesday"
    rf"\s*(?:[(（]\s*(?:([월화수목금토일])(?:요일)?|{_EN_DAY})\s*[)）]|,?\s*([월화수목금토일])요일|,\s*{_EN_DAY}(?![a-z]))",
    re.IGNORECASE)


def _weekday_of(date: FactSpan, text: str) -> FactSpan | None:
    """The day of the week written just before or after a date ("Tuesday 28 October", "29일(화)"), as a fact of its
    own with the date's values."""
    before = _WEEKDAY_BEFORE.search(text[: date.start])
    if before:
        return FactSpan(kind="weekday", text=before[0].rstrip(" ,"), start=before.start(),
                        end=before.start() + len(before[0].rstrip(" ,")), values=date.values,
                        weekday=WEEKDAYS_EN[before[1].lower()])
    after = _WEEKDAY_AFTER.match(text, date.end)
    if after:
        korean = after[1] or after[3]
        day = WEEKDAYS_KO.index(korean) if korean else WEEKDAYS_EN[(after[2] or after[4]).lower()]
        written = after[0].lstrip(" ,")
        return FactSpan(kind="weekday", text=written, start=after.end() - len(written), end=after.end(),
                        values=date.values, weekday=day)
    return None


def _norm_name(text: str) -> str:
    """A name as compared: lower case, runs of spaces and hyphens as one space, and "인공지능" as "ai", the letters
    Korean names write it with as often ("한국 AI안전연구소" is "한국 인공지능안전연구소")."""
    return re.sub(r"[\s·\-‐]+", " ", text.lower().replace("인공지능", "ai")).strip()


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
    known_numbers = set(have.numbers) | set(have.years) | set(have.durations)
    missing += [y for y in want.years if y not in have.years]
    missing += [n for n in want.numbers if n not in known_numbers]
    missing += [d for d in want.durations if d not in have.durations and d not in have.numbers]
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
