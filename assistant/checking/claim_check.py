"""Checking a statement against the documents: each claim supported, contradicted, or not found.

A statement is split into atomic claims (:mod:`.split`): each date, number, length of time, day, time of day
and name it states, and the words of each clause outside them. A claim is looked up with the assistant's own
retrieval and sentence scorer; its *context* is the key terms of its clause, the words nearest the value
weighing most (the rest of the sentence counts too, less, when the clause alone says too little). Then:

- **supported**: a passage sentence about the same thing (it holds enough of the context) states the value;
- **contradicted**: a passage sentence in the statement's language holds nearly all of the context and gives a
  different value of the same kind in its place (a date for a date, a head count for a head count), and no
  sentence on the same subject states the claimed value. Precision comes first: a "contradicted" a journalist
  cannot trust is the worst error, so anything less certain is not found;
- **not found**: otherwise.

Values are compared normalised (:mod:`.facts`), so "10월 28일" = "28 October" and "이틀" = "two days" = a range
from the 28th to the 29th. A date said to be when the event began or ended ("opened on", "폐막했다") is compared
with that end of the documents' span of days.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache

from lemminflect import getAllInflections, getAllLemmas

from index.models import Chunk, Lang
from index.text import _kiwi_lock, bm25_tokens, kiwi, split_sentences

from ..answering.citations import citation_for
from ..answering.evidence import YEAR, Evidence, EvidenceScorer, only_adverb, predicate_stems, terms
from ..models import Claim, Label, Verdict
from ..question.answer_type import DAY_ORDINALS, SLOT_HINTS, day_ordinals, day_words, fills_slot, says_absent
from ..question.countries import countries_in, countries_matches, country_of
from ..question.language import detect_language
from ..question.vocabulary import EVENT_NOUNS, EVENT_SYNONYMS, KOREAN_TITLES, ORDER_AND_PLACE_WORDS
from ..retrieval import HybridRetriever
from .facts import MONTHS, PARTS_OF_DAY, WEEKDAYS_KO, FactSpan, calendar_day, fact_spans, facts, name_in
from .names import (
    GENERIC_HEAD,
    GLOSS,
    KOREAN_PERSON,
    PERSON_NAME,
    PERSON_ROLE,
    abbreviates,
    country_described,
    is_alias,
    name_class,
    name_present,
    other_script,
    persons,
    same_name,
)
from .roles import (
    EN_POST,
    EN_POST_BEFORE,
    EN_TITLED_NAME,
    KOREAN_NAME_BEFORE,
    POST,
    POST_OTHER,
    POST_SAME,
    address_kinds,
    org_role,
    org_roles,
    post_org,
    post_parts,
    titles,
    without_role,
)
from .split import THEME_WORD, AtomicClaim, _names, clauses, quoted_titles, split_statement

SEVERITY: dict[Label, int] = {"supported": 0, "not_found": 1, "contradicted": 2}
SUPPORT_MIN = 0.15  # share of a claim's context a sentence stating its value must hold to support it
CONTRADICT_MIN = 0.7  # share of the context a sentence giving another value must hold to contradict it
CLAUSE_MIN = 0.5  # ... and share of the two words nearest the value (the slot cue)
CLAUSE_MASS = 2.0  # key-term weight a clause needs to stand as a claim's context on its own
OTHER_CLAUSE = 0.35  # a word of another clause counts this much
UNKNOWN = "?"  # marks, in a claim's context, a word no document uses
UNKNOWN_SHARE = 0.3  # a claim whose context is this much unknown words is never contradicted
SURE = 0.85  # a contradicting sentence this close to the claim overrides a word beside the value no document uses
OUTWEIGH = 0.25  # a contradiction outweighs a support when it holds this much more of the context
MEANING_MIN = 0.75  # a clause with no checkable value is supported by a sentence holding this much of it
DEPTH = 12
OTHER_CLAUSE_UNKNOWN = 0.25  # in the share of words no document uses, a word of another clause counts this much
LIST_NAMES = 3  # a sentence naming this many things lists them: none of them is contradicted by another name
KIND_DEPTH = 5  # passages read to learn how the documents use a name
NEAR = 0.7  # each further word from the value counts this much of the nearer one
LENGTH_SAID = 0.1  # how much more a sentence giving a length of time counts against a claimed length of the event
OTHER_VALUE = 0.05  # a word of another claim's value counts this much
EVENT_MODIFIER = 0.2  # ... and a word describing the event itself before the value ("과기정통부가 주최한 이번 포럼에는")
# between a name and the country it is in: "the AI Action Summit in (the) France"; and between a country and the
# name it stands before: "프랑스 AI Action Summit", "프랑스의 AI Action Summit"
_IN_COUNTRY = re.compile(r"\s+in\s+(?:the\s+)?", re.IGNORECASE)
_COUNTRY_OF = re.compile(r"\s*(?:의\s*)?")
# what follows a country describing a company: "US AI company", "의 AI 전문기업", "-based firm"
_A_COMPANY = re.compile(r"(?:의|-based)?\s*(?:\S+\s*){0,2}?(?:[가-힣]*(?:기업|회사|업체|스타트업)|(?:company|firm|startup)\b)",
                        re.IGNORECASE)
# an agreement, and a partner named as the other party of one ("an MOU with X", "signed with X", "X와 MOU를")
_AGREEMENT = re.compile(r"\bMOUs?\b|memorandum of understanding|\bagreement\b|\bdeal\b|\bpact\b|협약|양해각서",
                        re.IGNORECASE)
_PARTNER_BEFORE = re.compile(r"(?:\bMOUs?|memorandum of understanding|agreement|deal|pact|partnership)\s+(?:\w+\s+){0,2}?"
                             r"with\s+(?:the\s+)?$|\bsign(?:s|ed|ing)?\s+(?:\w+\s+){0,3}?with\s+(?:the\s+)?$",
                             re.IGNORECASE)
_PARTNER_AFTER_KO = re.compile(r"\s*(?:와|과|랑|이랑|하고)\s*(?:\S+\s+){0,2}?(?:MOU|협약|양해각서|업무협약)")
# ... or as the second of two parties ("an MOU between X and Y", "X와 Y 사이에 열린 MOU 체결식", "X와 Y 간 협약")
_SECOND_PARTY_BEFORE = re.compile(r"\bbetween\s+(?:the\s+)?[^,.;]+?\s+and\s+(?:the\s+)?$", re.IGNORECASE)
_SECOND_PARTY_AFTER_KO = re.compile(r"\s*(?:사이(?:에서|에|의)?|간(?:에|의)?)(?![가-힣])")
ROLE_QUERY = {"host": "hosted by host 주최", "organiser": "organised by organiser 주관"}
ROLE_NAMES = {"en": {"host": "the host", "organiser": "the organiser"}, "ko": {"host": "주최", "organiser": "주관"}}
KIND_HINTS = {"date": SLOT_HINTS["date"], "duration": "days 이틀간 일정 기간", "time": SLOT_HINTS["time"],
              "number": SLOT_HINTS["number"]}
EVENT_WORDS = "event events 행사 일정 기간 schedule"  # words for an event and its length
TOPIC_WEIGHT = 0.5  # the weight of the event's own name in a claim's context

EXPLAIN = {
    "en": {
        "supported": "The documents say so.",
        "contradicted": "The documents give {documents} here, not {claimed}.",
        "not_found": "The documents do not say.",
    },
    "ko": {
        "supported": "문서에 그렇게 나와 있습니다.",
        "contradicted": "문서에는 {claimed}이(가) 아니라 {documents}(으)로 나와 있습니다.",
        "not_found": "문서에서 확인되지 않습니다.",
    },
}


@dataclass
class _Sentence:
    """A candidate evidence sentence with what the comparison needs."""

    evidence: Evidence
    own: frozenset[str]  # its terms
    heading: frozenset[str]
    facts: list[FactSpan]
    names: list[str]
    days: set[int]

    @property
    def chunk(self) -> Chunk:
        return self.evidence.chunk

    @property
    def text(self) -> str:
        return self.evidence.sentence


@dataclass
class _Context:
    """What a claim says around its value (see ``ClaimChecker._context``)."""

    weights: dict[str, float]  # key terms by weight
    cue: dict[str, float]  # the words beside the value that say what slot it fills
    unknown_share: float  # share of the context in words no document uses
    unknown_near: bool  # a word right beside the value is one no document uses


_CANONICAL = {term: f"≈{name}" for name, words in EVENT_SYNONYMS.items() for term in words}
_NEXT = _CANONICAL["next"]
# the next edition of the event, a thing of its own ("the follow-up forum", "후속 포럼은"; not "a follow-up to the
# summit", "정상회의의 후속 행사": the event itself, following another)
_EVENT_NOUN = "|".join(sorted(EVENT_NOUNS, key=len, reverse=True))
_NEXT_EDITION = re.compile(
    rf"(?:\b(?:next|follow-up|follow-on|upcoming)|(?<!의)(?<!의 )(?:후속|다음))\s*(?:{_EVENT_NOUN})(?![A-Za-z])",
    re.IGNORECASE)
# words for an event as such ("the next edition", "the conference"): where the documents never use one, it is no
# thing they lack (it says which event the claim is about)
_EVENT_WORDS = frozenset(t for w in (*EVENT_NOUNS, "edition", "editions") for t in terms(w))
_SUBJECT = re.compile(r"[가-힣A-Za-z0-9)](?:은|는|이|가)\s")  # a Korean noun marked as a clause's subject or topic
# what taking part in the event is said with: the day such a clause names is the day its names took part
_TAKING_PART = (_CANONICAL["attend"], _CANONICAL["say"])
_TAKING_PART_STEMS = ("present", "spoke", "speak", "talk", "appear", "sent", "send", "발표", "연설", "강연")
# verbs for what speakers did with what they brought, one as good as another where the documents use another
_SHARING = ("share", "shar", "talk", "discus", "swap", "exchang", "outlin", "walk", "showcas", "present", "demo",
            "공유", "나누", "소개", "선보이", "발표")
# a website, its owner's name before it ("한국전자통신연구원 홈페이지", "the ETRI (한국전자통신연구원) homepage")
_SITE = re.compile(r"누리집|홈페이지|웹사이트|\b(?:website|homepage|web\s+site)\b", re.IGNORECASE)
_SITE_AT_END = re.compile(r"\s*(?:의\s*)?(?:누리집|홈페이지|웹사이트|website|homepage)$", re.IGNORECASE)
_SITE_AFTER = re.compile(r"\s*(?:의|['’]s)?\s*(?:누리집|홈페이지|웹사이트|(?:website|homepage|web\s+site)\b)", re.IGNORECASE)
_OWNER_GAP = re.compile(r"\s*(?:[(（][^)）]*[)）])?\s*(?:의|['’]s)?\s*")
_SESSION = re.compile(r"세션|프로그램|\bsessions?\b|\bprogram(?:me)?s?\b", re.IGNORECASE)
TITLE_SAME = 0.75  # a claimed title sharing this much of its words with the documents' is theirs
TITLE_OTHER = 0.4  # ... and one sharing at most this much with every title they give the same thing is another
SAME_HAPPENING = 0.5  # a sentence giving a part of the day to what a claim's sentence says, by this share of its words
_PARTS = frozenset(PARTS_OF_DAY.values())
# the words that place a happening in the programme rather than say what it was
_PLACING_WORDS = "day days session sessions 날 첫째 둘째 셋째 첫날 세션 " + " ".join(PARTS_OF_DAY)


def _titles_given(text: str) -> list[str]:
    """The titles a passage sentence gives ("'보다 안전한 AI 세상을 향한 글로벌 협력(Global …)'을 주제로", "주제: …"),
    each part of one written in two languages on its own."""
    spans = [text[a:b] for a, b in quoted_titles(text)]
    spans += [m[1] for m in re.finditer(r"(?:주제|theme)\s*[:：]\s*([^\n]+)", text, re.IGNORECASE)]
    out = []
    for span in spans:
        span = span.strip().rstrip(".。")
        inner = re.search(r"\(([^()]+)\)\s*$", span)
        out += [span[: inner.start()].strip(), inner[1].strip()] if inner else [span.strip()]
    return [t for t in out if t]


_PAST_OR_COMING = frozenset({"지난", "오는"})  # "지난 28일", "오는 30일": words saying only when, beside a date
# what stands between a day of the event and its date written beside it ("opening day, Oct 28", "첫날인 28일")
_APPOSED = re.compile(r"[\s,(（)）]*(?:(?:the|its)\s+)?(?:\w+['’]s\s+)?|\s*(?:인|이자)?\s*", re.IGNORECASE)
_SIGNED = _CANONICAL["sign"]  # "signed with Scale AI on day one": a signing, not the day its parties took part
_START_END = (_CANONICAL["open"], _CANONICAL["end"])
VENUE = "≈venue"  # stands for "names a venue" in a sentence's terms and a place claim's context
_HAPPENED = (_CANONICAL["held"], _CANONICAL["open"])
# a person named with their organisation after the name: "Song Sang-hoon of the National AI Strategy Committee"
_PERSON_OF = re.compile(r"(?P<person>[A-Z][a-z]+ [A-Z][a-z]+(?:-[a-z]+)?)\s+(?:of|from|at)\s+(?:the\s+)?"
                        r"(?P<title>[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|for|on|and|&))*)")
_FULL_DATE = re.compile(r"(?:\d{4}-)?\d\d-\d\d")  # a date value with its month and day ("2025-10-28", "10-28")


def _synonym_weight(stats, term: str) -> float:
    """The weight of a word for what happens at an event that no document uses, where the documents use one of
    its synonyms ("몰렸다" for "참석했다"): that of its synonyms together; 0 when none is used either."""
    if term not in _CANONICAL:
        return 0.0
    df = sum(stats.df[t] for t, name in _CANONICAL.items() if name == _CANONICAL[term])
    return math.log(1 + stats.n / (df + 1)) if df else 0.0


def _with_synonyms(found: frozenset[str]) -> frozenset[str]:
    """Terms with the shared name of the event words among them ("참석" → also "≈attend")."""
    return found | {_CANONICAL[t] for t in found if t in _CANONICAL}


def _range_days(found: list[FactSpan]) -> set[str]:
    """Lengths in days of the date ranges a sentence gives ("from 28 October to 29 October" → 2)."""
    days = sorted(int(v[-2:]) for f in found if f.kind == "date" for v in f.values if len(v) == 5 and v[2] == "-")
    return {str(days[-1] - days[0] + 1)} if len(days) >= 2 and days[-1] > days[0] else set()


# Words saying which end of the event a date is: when it began, or when it ended.
_STARTED = re.compile(r"개막|시작|막\s*(?:을\s*)?올|\b(?:open(?:ed|s)|beg(?:an|ins)|kick(?:ed|s)?\s+off|start(?:ed|s)|"
                      r"launch(?:ed|es))\b", re.IGNORECASE)
_ENDED = re.compile(r"끝[나났내냈]|폐막|막을\s*내|마무리|종료|마지막\s*날|\b(?:(?:not|[a-z]*n[’']t)\s+(?:[a-z]+\s+){0,3}until+|"
                    r"clos(?:ed|es)|end(?:ed|s)|wrap(?:ped|s)\s+up|"
                    r"wrapping\s+up|conclud(?:ed|es)|finish(?:ed|es)|until+|last\s+day)\b", re.IGNORECASE)
# A passage naming the first day says which date the event began on (a claim naming it says which day, not when
# the event began: "첫째 날(10월 28일)과 둘째 날(10월 29일)").
_FIRST_DAY = re.compile(r"첫날|첫째\s*날|\b(?:day\s+one|first\s+day|opening\s+day)\b", re.IGNORECASE)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_MONTH_DAY = re.compile(r"(?:\d\d|\*)-(\d\d)")
# a date followed by the word or sign joining it to the last day of a span, and one preceded by it
_RANGE_AFTER = re.compile(r"\s*(?:부터|~|–|—|-(?!\d\d-))\s*(?=\d|\w+\s+\d)")
_RANGE_BEFORE = re.compile(r"\d\S*\s*(?:부터|~|–|—|-|\bto|\buntil|\bthrough)\s*$")
# one title right after a person's name ("김명주 원장,")
_TITLE_AFTER = re.compile(r"\s+([가-힣]*(?:" + KOREAN_TITLES + r"))(?=[은는이가의을를과와께,.\s]|$)")


def _date_end(atom: AtomicClaim, statement: str) -> str | None:
    """Which end of a span of days a one-day date claim names, by the nearest word of its clause saying so
    ("opened on 29 October": "start"; "28일에 끝났다": "end"); None when no word does. Such a claim is stated
    only by the span's day at that end, or by a sentence saying so itself ("SFASS opened on 28 October")."""
    if atom.kind != "date" or len({m[1] for v in atom.values if (m := _MONTH_DAY.fullmatch(v))}) != 1:
        return None
    if _RANGE_AFTER.match(statement, atom.end):
        return "start"  # the first of a span's two days ("10.28~10.31": 10.28)
    if _RANGE_BEFORE.search(statement[: atom.start]):
        return "end"
    clause = statement[atom.clause[0] : atom.clause[1]]
    value = (atom.start + atom.end) / 2 - atom.clause[0]
    cues = [(abs((m.start() + m.end()) / 2 - value), end) for end, pattern in (("start", _STARTED), ("end", _ENDED))
            for m in pattern.finditer(clause)]
    return min(cues)[1] if cues else None


_SPAN_JOINT = re.compile(r"\s*(?:부터|~|–|—|-|\bto\b|\buntil\b|\bthrough\b)\s*", re.IGNORECASE)


def _span_of(values: list[str]) -> tuple[str, str] | None:
    """The first and last day ("10-28", "10-30") of a date value that is a span of days; None for one day."""
    days = sorted(v for v in values if re.fullmatch(r"\d\d-\d\d", v))
    return (days[0], days[-1]) if len(days) >= 2 else None


def _says_end(text: str, end: str) -> bool:
    """Whether a passage sentence says when the event began ("start") or ended ("end")."""
    if end == "start":
        return bool(_STARTED.search(text) or _FIRST_DAY.search(text))
    return bool(_ENDED.search(text))


def _range_end(s: _Sentence, end: str) -> str | None:
    """The first or last day ("10-29") of the span of days sentence ``s`` gives ("from 28 to 29 October",
    "10월 28일과 10월 29일, 이틀간", "day one was 28 October, and day two 29 October"), or None when it gives none."""
    days = sorted({v for f in s.facts if f.kind == "date" for v in f.values if re.fullmatch(r"\d\d-\d\d", v)})
    spans = any(len([v for v in f.values if re.fullmatch(r"\d\d-\d\d", v)]) > 1 for f in s.facts)
    lasting = any(f.kind == "duration" for f in s.facts) or len(s.days) > 1  # "첫째 날은 …, 둘째 날은 …"
    if len(days) < 2 or not (spans or lasting or re.search(r"부터|까지|\b(?:from|until|through)\b", s.text)):
        return None
    return days[0] if end == "start" else days[-1]


def _date_text(month_day: str, lang: Lang) -> str:
    """"10-29" as the documents' language writes it: "10월 29일", "29 October"."""
    month, day = (int(part) for part in month_day.split("-"))
    return f"{month}월 {day}일" if lang == "ko" else f"{day} {_MONTHS[month - 1]}"


def _weekday_text(day: dt.date, lang: Lang, with_year: bool) -> str:
    """A date with its day of the week as ``lang`` writes it: "2025년 10월 28일 화요일", "Tuesday 28 October 2025"
    (the year left out without ``with_year``)."""
    text = _date_text(f"{day.month:02d}-{day.day:02d}", lang)
    if lang == "ko":
        return f"{f'{day.year}년 ' if with_year else ''}{text} {WEEKDAYS_KO[day.weekday()]}요일"
    return f"{calendar.day_name[day.weekday()]} {text}{f' {day.year}' if with_year else ''}"


QUOTE_MIN = 0.8  # share of a quotation's key terms a sentence must hold to quote the same words
MISQUOTE_KEPT = 3  # a quotation the documents give with this many of its words the same ...
MISQUOTE_WORDS = 2  # ... and at most this many words in a row swapped, each for one, is their quotation misquoted
_QUOTATION = re.compile(r"[\"“]([^\"”]+)[\"”]|(?<![A-Za-z])[‘']([^’']{6,})[’'](?![A-Za-z])")  # not "Korea's"
# Words reported without quotation marks: "said (that) ...", "...(이)라고/다고 말했다".
_REPORTED = re.compile(
    r"\b(?:said|says|stated|stressed|noted|added|emphasi[sz]ed|argued|declared|warned|told\s+\w+)\s+(?:that\s+)?"
    r"(.{12,}?)[.!?]?$|\b[a-z]{3,}ed\s+that\s+(.{12,}?)[.!?]?$|"
    r"(?:은|는|이|가)\s+(.{8,}?)(?:이?라고|다고|라며|다며)\s", re.IGNORECASE)

# What joins the members of a list: commas, "and", "or", "as well as", Korean "와/과/및/," (with an article).
_LIST_JOIN = re.compile(r"(?:\s*(?:,|and|or|&|as well as|및|와|과|,\s*그리고)\s*)+(?:the\s+)?", re.IGNORECASE)

# A name of no clear kind (a company's, say) may stand where an organisation's does.
KINDS_ALIKE: dict[str | None, set[str | None]] = {
    "person": {"person"}, "place": {"place"}, "organisation": {"organisation", None}, None: {"organisation", None}
}


# a news headline's tag ("[속보]", "[단독]", "[Breaking]"): what kind of report it is, not what it says; and the
# hashtags that end a post ("… govt #SFASS2025"), which file it under a topic without claiming anything (one inside
# a sentence stands for its word: "MSIT-hosted #SFASS2025 drew …")
_HEADLINE_TAG = re.compile(r"^\s*[\[【][^\]】\n]{1,12}[\]】]|(?:\s*(?<![\w#&])#[^\W_][\w-]*)+[\s.!?]*$")


def _spaces(m: re.Match[str]) -> str:
    return " " * len(m[0])  # blanked, so every claim keeps its place in the statement


_HASHTAG = re.compile(r"(?<![\w#&])#([^\W_][\w-]*)")
_TAG_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+|[^\W\d_A-Za-z]+")


def _hashtag_words(m: re.Match[str]) -> str:
    """A hashtag inside a sentence read as the words it runs together ("#AISafety": "ai safety", "#SFASS2025":
    "sfass", the year that only labels the tag left out), as long as the tag was; in lower case, as a label and
    not a name of its own ("MSIT-hosted #SFASS2025 drew …" names MSIT)."""
    words = [w.lower() for w in _TAG_WORD.findall(m[1]) if not YEAR.fullmatch(w)]
    return " ".join(words).ljust(len(m[0]))[: len(m[0])] if words else " " * len(m[0])


def _as_typed(claims: list[Claim], read: str, typed: str) -> list[Claim]:
    """``claims`` of the statement as it was ``read`` (spelling corrected), located in and quoting it as ``typed``."""
    changes = SequenceMatcher(None, read, typed, autojunk=False).get_opcodes()

    def at(pos: int, end: bool) -> int:
        for op, i1, i2, j1, j2 in changes:
            if i1 <= pos < i2 or (end and pos == i2):
                return j1 + (pos - i1) if op == "equal" else (j2 if end else j1)
        return len(typed)

    out = []
    for c in claims:
        start, end = at(c.start, False), at(c.end, True)
        clause = next((i for i in _occurrences(c.text, read) if i <= c.start < i + len(c.text)), None)
        text = typed[at(clause, False):at(clause + len(c.text), True)] if clause is not None else c.text
        value = typed[start:end] if c.value is not None and c.value == read[c.start:c.end] else c.value
        explanation = c.explanation.replace(c.value, value) if c.value and value else c.explanation
        out.append(c.model_copy(update={"start": start, "end": end, "value": value, "text": text,
                                        "explanation": explanation}))
    return out


def _occurrences(part: str, text: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(part), text)] if part else []


# a day of the week named as the event's first or last day just before it ("첫날인 수요일", "the opening day,
# Wednesday")
_NAMED_FIRST_DAY = r"(?:첫날|첫째\s?날|개막일|개막\s?날|(?:opening|first)\s+day)(?:인|은|이었던|,)?\s*$"
_NAMED_LAST_DAY = r"(?:마지막\s?날|폐막일|폐막\s?날|(?:closing|last|final)\s+day)(?:인|은|이었던|,)?\s*$"


class ClaimChecker:
    """Looks each claim up with the assistant's own retrieval and compares its values with the passages'."""

    def __init__(self, retriever: HybridRetriever, scorer: EvidenceScorer, depth: int = DEPTH):
        self.retriever = retriever
        self.scorer = scorer
        self.depth = depth
        self._capitals: tuple[object, set[str]] = (None, set())  # (the statistics they were read with, words)
        self._kinds: tuple[object, dict[str, str | None]] = (None, {})  # (statistics, kind of each name looked up)
        self._alias_map: tuple[object, dict[str, set[str]]] = (None, {})  # (statistics, other names of each name)

    # -- the statement ------------------------------------------------------------------------------

    def check(self, statement: str) -> Verdict:
        """The verdict on ``statement``: each claim's label, and the worst of them. English words the documents
        never use but nearly ("Saftey") are read as the word they are close to, and names spelt in Hangul as the
        Latin-letter names they spell ("앤트로픽": Anthropic), as the answer step reads a question; the claims keep
        the words as typed."""
        typed = statement
        statement = self.scorer.spelt_in_latin(self.scorer.correct_english(
            _HASHTAG.sub(_hashtag_words, _HEADLINE_TAG.sub(_spaces, typed))))
        lang: Lang = detect_language(statement) or "en"
        atoms = self.atoms(statement)
        evidence: dict[tuple[int, int], list[_Sentence]] = {}
        claims = []
        for atom in atoms:
            if atom.sentence not in evidence:
                mine = [a for a in atoms if a.sentence == atom.sentence]
                hints = [self._hint(a, statement) for a in mine]
                parts = [(statement[slice(*a.clause)], hint) for a, hint in zip(mine, hints)]
                parts += [(a.value, hint) for a, hint in zip(mine, hints) if a.kind]
                evidence[atom.sentence] = self._evidence(statement[slice(*atom.sentence)], parts, lang)
            claims.append(self.judge(atom, statement, evidence[atom.sentence], lang) if atom.kind != "weekday" else None)
        for i, atom in enumerate(atoms):  # a day of the week once its date is judged
            if atom.kind == "weekday":
                claims[i] = (self._weekday(atom, atoms, claims, lang) if atom.values
                             else self._lone_weekday(atom, statement, evidence[atom.sentence], lang))
        # a span of days the documents contradict: which of its ends is wrong ("28일부터 30일까지": the 30th)
        ends = [self._ends(atom, claim) if claim is not None and claim.label == "contradicted" else None
                for atom, claim in zip(atoms, claims)]
        if any(ends):
            claims = [c for pair, claim in zip(ends, claims) for c in (
                [self.judge(a, statement, evidence[a.sentence], lang) for a in pair] if pair else [claim])]
            atoms = [a for pair, atom in zip(ends, atoms) for a in (pair or [atom])]
        self._one_mark_per_pairing(atoms, claims, statement, evidence, lang)
        self._named_on_a_day(atoms, claims, statement, evidence, lang)
        self._date_beside_day(atoms, claims, statement, lang)
        if statement != typed:
            claims = _as_typed(claims, statement, typed)
        label: Label = max((c.label for c in claims), key=SEVERITY.__getitem__, default="not_found")
        return Verdict(statement=typed, label=label, claims=claims, language=lang)

    @staticmethod
    def _ends(atom: AtomicClaim, claim: Claim) -> list[AtomicClaim] | None:
        """The first and the last day of a span of days ("10월 28일부터 30일", "27 to 29 October") as claims of
        their own, each then checked as when the event began or ended; None for any other claim."""
        span = _span_of(atom.values) if atom.kind == "date" else None
        joint = _SPAN_JOINT.search(atom.value) if span else None
        if joint is None or not atom.value[: joint.start()].strip() or not atom.value[joint.end() :].strip():
            return None
        pieces = [(atom.start, atom.start + joint.start(), span[0]), (atom.start + joint.end(), atom.end, span[1])]
        return [replace(atom, value=atom.value[a - atom.start : b - atom.start], values=[day], start=a, end=b,
                        fact=None) for a, b, day in pieces]

    def _hint(self, atom: AtomicClaim, statement: str) -> str:
        """Words naming the kind of value ``atom`` claims, for retrieving the passages giving the documents' value:
        its fact's kind, or a venue for a name the statement uses as a place ("drew 300 people to Busan")."""
        if atom.kind == "name" and name_class(atom.value, statement[slice(*atom.sentence)]) == "place":
            return SLOT_HINTS["place"]
        return KIND_HINTS.get(atom.kind or "", "")

    def _weekday(self, atom: AtomicClaim, atoms: list[AtomicClaim], claims: list[Claim | None], lang: Lang) -> Claim:
        """A day of the week claimed beside a date: supported or contradicted by the calendar once the documents
        support the date ("Wednesday 28 October" when 28 October 2025 was a Tuesday), else not found. The year is
        the date's own, else the year the documents speak of most."""
        claim = Claim(text=atom.value, label="not_found", value=atom.value, start=atom.start, end=atom.end)
        date = next((c for a, c in zip(atoms, claims) if a.kind == "date" and a.sentence == atom.sentence
                     and a.values == atom.values and c is not None), None)
        if date is None or date.label != "supported":
            return claim.model_copy(update={"explanation": EXPLAIN[lang]["not_found"]})
        stats = self.scorer.stats()
        year = next((int(v) for v in atom.values if re.fullmatch(r"\d{4}", v)), stats.event_year)
        days = {v[-5:] for v in atom.values if _FULL_DATE.fullmatch(v)}
        days |= {d for v in atom.values if v.startswith("*-") for d in stats.day_dates if d.endswith(v[1:])}
        if year is None or len(days) != 1:  # which date it is, or in which year, is not clear
            return claim.model_copy(update={"explanation": EXPLAIN[lang]["not_found"]})
        month, day = (int(part) for part in days.pop().split("-"))
        actual = dt.date(year, month, day)
        value = _weekday_text(actual, lang, with_year=True)
        label: Label = "supported" if actual.weekday() == atom.fact.weekday else "contradicted"
        return claim.model_copy(update={
            "label": label, "citations": date.citations, "quote": date.quote,
            "documents_value": value if label == "contradicted" else None,
            "explanation": EXPLAIN[lang][label].format(claimed=f"“{atom.value}”", documents=f"“{value}”")})

    def _lone_weekday(self, atom: AtomicClaim, statement: str, evidence: list[_Sentence], lang: Lang) -> Claim:
        """A day of the week with no date, said of the event ("SFASS opened on a Wednesday", "수요일에 폐막"): checked
        by the calendar against the days the documents give the event (its first or last when the clause says it
        began or ended), with a sentence giving that day's date. Not found when the clause is about something else."""
        claim = Claim(text=statement[slice(*atom.clause)], label="not_found", value=atom.value, start=atom.start,
                      end=atom.end)
        stats = self.scorer.stats()
        days = sorted(stats.day_dates, key=stats.day_dates.__getitem__)
        # "Tuesday's opening ceremony", "on Wednesday, the opening day", "첫날인 수요일": the first day; "the last
        # day, Friday": the last
        after, before = statement[atom.end :], statement[: atom.start]
        opening = re.match(r"(?:['’]s)?\s+(?:opening|개막|개회)|,\s*(?:the\s+)?(?:opening|first)\s+day", after,
                           re.IGNORECASE) or re.search(_NAMED_FIRST_DAY, before, re.IGNORECASE)
        closing = re.match(r",\s*(?:the\s+)?(?:closing|last|final)\s+day", after, re.IGNORECASE) or re.search(
            _NAMED_LAST_DAY, before, re.IGNORECASE)
        if stats.event_year is None or not days:
            return self._labelled(claim, "not_found", None, lang)
        if not (opening or closing or self._event_date(atom, statement)):
            # said of something at the event ("화요일 MOU 체결"): the one day of the event that weekday is, checked
            # as that date would be
            same = [d for d in days if calendar_day(stats.event_year, d).weekday() == atom.fact.weekday]
            if len(same) != 1:
                return self._labelled(claim, "not_found", None, lang)
            judged = self.judge(replace(atom, kind="date", values=same), statement, evidence, lang)
            other = [d for d in facts(judged.documents_value or "").dates if re.fullmatch(r"\d\d-\d\d", d)]
            shown = (_weekday_text(calendar_day(stats.event_year, other[0]), lang, False)
                     if judged.label == "contradicted" and len(other) == 1 else judged.documents_value)
            return judged.model_copy(update={"value": atom.value, "documents_value": shown})
        clause = statement[atom.clause[0] : atom.clause[1]]
        if opening or (not closing and _STARTED.search(clause)):
            days = days[:1]
        elif closing or _ENDED.search(clause):
            days = days[-1:]
        weekdays = {d: calendar_day(stats.event_year, d).weekday() for d in days}
        said = [d for d, w in weekdays.items() if w == atom.fact.weekday]
        date = (said or days)[0]
        s = next((s for s in evidence if any(date in f.values for f in s.facts if f.kind == "date")), None)
        if s is None:
            return self._labelled(claim, "not_found", None, lang)
        if said:
            return self._labelled(claim, "supported", s, lang)
        value = _weekday_text(calendar_day(stats.event_year, date), lang, with_year=False)
        return self._labelled(claim, "contradicted", s, lang, value)

    def _one_mark_per_pairing(self, atoms: list[AtomicClaim], claims: list[Claim], statement: str,
                              evidence: dict[tuple[int, int], list[_Sentence]], lang: Lang) -> None:
        """"Song Sang-hoon delivered the welcome address": when the documents' pairing of person and address makes
        the person contradicted, the address is not marked wrong a second time (it is checked by its meaning)."""
        for i, (atom, claim) in enumerate(zip(atoms, claims)):
            if atom.kind is not None or claim.label != "contradicted" or not address_kinds(atom.value):
                continue
            sentence = statement[slice(*atom.sentence)]
            # (a person contradicted for their title, "김명주 원장", says nothing of the pairing)
            if any(other.sentence == atom.sentence and other.kind == "name" and mine.label == "contradicted"
                   and mine.value == other.value and self._kind(other.value, sentence) == "person"
                   for other, mine in zip(atoms, claims)):
                claims[i] = self._judge_meaning(claim, atom.value, evidence[atom.sentence], lang)

    def _named_on_a_day(self, atoms: list[AtomicClaim], claims: list[Claim], statement: str,
                        evidence: dict[tuple[int, int], list[_Sentence]], lang: Lang) -> None:
        """"Anthropic spoke on 29 October": when the day is checked against the days the documents give the names
        of its clause (:meth:`_judge_when`), those names are not contradicted by whoever else a sentence names:
        they are supported by a sentence naming them on a day of the event."""
        for atom, claim in zip(atoms, claims):
            if claim is None or self._judge_when(atom, claim, statement, evidence[atom.sentence], lang) is None:
                continue
            for i, (other, mine) in enumerate(zip(atoms, claims)):
                if other.kind != "name" or mine.label != "contradicted" or not (
                        atom.clause[0] <= other.start < atom.clause[1]):
                    continue
                named = next((s for s in evidence[atom.sentence] if s.days and self._present(other.value, s.text)), None)
                if named is not None:
                    claims[i] = self._labelled(mine, "supported", named, lang)

    def _date_beside_day(self, atoms: list[AtomicClaim], claims: list[Claim], statement: str, lang: Lang) -> None:
        """"signed on the forum's opening day, Oct 28": a date written beside the day of the event it is says what
        that day says; where the day is contradicted, so is the date, with the documents' day's date."""
        day_dates = self.scorer.stats().day_dates
        for i, (atom, claim) in enumerate(zip(atoms, claims)):
            if atom.kind != "date" or claim is None or claim.label != "supported":
                continue
            for other, mine in zip(atoms, claims):
                if other.kind != "day" or mine is None or mine.label != "contradicted" or other.sentence != atom.sentence:
                    continue
                between = statement[min(atom.end, other.end) : max(atom.start, other.start)]
                if not _APPOSED.fullmatch(between) or {day_dates.get(v) for v in atom.values} != {int(v) for v in
                                                                                                other.values}:
                    continue
                theirs = day_ordinals(mine.documents_value or "")
                date = next((d for d, n in day_dates.items() if {n} == theirs), None)
                if date is not None:
                    claims[i] = self._labelled(claim, "contradicted", None, lang, _date_text(date, lang)).model_copy(
                        update={"citations": mine.citations, "quote": mine.quote})

    def _has_content(self, text: str) -> bool:
        """Whether words outside a clause's values say something checkable of their own: a key term that is
        not a number, not a word for what happens at an event ("opened on", "said", "kicked off", "막을 올렸다") and not
        an adverb leading the sentence ("Meanwhile", "Reportedly")."""
        text = _ENDED.sub(" ", _STARTED.sub(" ", text))
        words = text.split()
        while words and only_adverb(words[0].strip(",.;:!?")):
            words.pop(0)
        text = " ".join(words)
        keys = {t for t in self.scorer.key_terms(text) if not t.isdigit() and t not in _CANONICAL}
        return bool(keys) and len(text) > 3

    def _is_topic(self, name: str) -> bool:
        """The event's own name (what every passage is about), also with its year written onto it ("SFASS2025")."""
        keys = terms(re.sub(r"(?<=[A-Za-z])(?=(?:19|20)\d\d\b)", " ", name), quoted_korean=False) - {
            y for y in re.findall(r"(?:19|20)\d\d", name)}
        return bool(keys) and all(k in self.scorer.stats().topic for k in keys)

    def _is_word(self, name: str, first: bool = False) -> bool:
        """A capitalised ordinary word rather than a name: one the documents use in lower case
        ("Registration"), or, starting a sentence, one they never use ("Attendees"); a bare common acronym; or
        the event's name before ordinary Korean nouns ("SFASS 세션 영상")."""
        stats = self.scorer.stats()
        if name in ("AI", "MOU"):
            return True
        if re.fullmatch(r"[A-Z][a-z]+", name):
            if first:  # a capital that only starts the sentence: a name only if the documents use it as one
                lemmas = getAllLemmas(name.lower())  # ... and never a word that is no noun ("Around 300 ...")
                return name not in self._capitalised() or (bool(lemmas) and not set(lemmas) & {"NOUN", "PROPN"})
            return name.lower() in stats.words and name not in self._capitalised()
        head, _, rest = name.partition(" ")
        return (bool(rest) and head.isascii() and self._is_topic(head) and bool(re.fullmatch(r"[가-힣\s]+", rest))
                and not facts(rest).names)

    def _capitalised(self) -> set[str]:
        """Words the documents write with a capital inside a sentence (names, not sentence starters)."""
        stats = self.scorer.stats()
        read_with, words = self._capitals
        if read_with is not stats:  # the documents changed: read them again (one assignment, safe to race)
            words = {m[1] for c in self.scorer.index.chunks() for m in re.finditer(r"(?<=[\w,] )([A-Z][a-z]+)", c.text)}
            self._capitals = (stats, words)
        return words

    def _kind(self, name: str, text: str) -> str | None:
        """What kind of thing a name is: as ``text`` shows it, else as the documents use it ("Song Sang-hoon
        delivered ..." says nothing of a person, but the documents write "Song Sang-hoon (송상훈), head of ...")."""
        return name_class(name, text) or self._documents_kind(name)

    def _documents_kind(self, name: str) -> str | None:
        stats = self.scorer.stats()
        read_with, kinds = self._kinds
        if read_with is not stats:  # the documents changed: forget what was read (one assignment, safe to race)
            kinds = {}
            self._kinds = (stats, kinds)
        if name not in kinds:
            found = None
            for chunk in self.retriever.index.bm25_search(name, k=KIND_DEPTH):
                for start, end in split_sentences(chunk.text):
                    sentence = chunk.text[start:end]
                    if name_in(name, sentence) and (found := name_class(name, sentence)):
                        break
                if found:
                    break
            kinds[name] = found
        return kinds[name]

    @staticmethod
    def _place_it_ends(atom: AtomicClaim, statement: str) -> str | None:
        """"place" for the last word of a place's name written as two ("코엑스 그랜드볼룸"): the name right before it
        is a place."""
        before = [(start, end) for start, end in atom.others if 0 <= atom.start - end <= 1]
        return "place" if any(name_class(statement[start:end], statement) == "place" for start, end in before) else None

    def _strangers_name(self, name: str) -> bool:
        """Whether ``name`` reads as the name of a person the documents never mention ("Yoshua Bengio"): a first
        and last name, neither a word the documents use. Such a person stands only against another person, not
        against the organisations a sentence lists ("the speakers came from MLCommons, METR, ...")."""
        stats = self.scorer.stats()
        return bool(PERSON_NAME.match(name)) and all(w.lower() not in stats.words and w.lower() not in stats.df
                                                     for w in name.split())

    def _not_a_claim(self, name: str) -> bool:
        return self._is_topic(name) or self._is_word(name)

    def _rarity(self, word: str) -> float:
        """How rare a word is in the documents (a word they never use: not counted, it cannot be found)."""
        df = self.scorer.stats().df
        counts = [df[t] for t in terms(word, quoted_korean=False)]
        return -min(counts) if counts and all(counts) else float("-inf")

    def _distinction(self, word: str) -> float:
        """How much a word of a name sets it apart: the rarer in the documents the more, and a word they never
        use most of all ("KAIST's AI Safety Institute" is not "the AI Safety Institute of ETRI"), a function word
        not at all."""
        if not terms(word, quoted_korean=False):
            return -math.inf  # "of", "the": no distinction at all
        rarity = self._rarity(word)
        return math.inf if rarity == -math.inf else rarity

    def _present(self, name: str, text: str) -> bool:
        """Whether ``text`` names ``name``, or names it by another name the documents give it ("ETRI 홈페이지" in
        "한국전자통신연구원 홈페이지": the documents write "한국전자통신연구원(ETRI)")."""
        if name_present(name, text, self._distinction) or abbreviates(name, text):
            return True
        aliases = self._aliases()
        return any(name_present(name.replace(short, other), text, self._distinction)
                   for short in aliases if short in name for other in aliases[short])

    def _aliases(self) -> dict[str, set[str]]:
        """Names the documents give one thing: "A (B)" and "A(B)" where one side is in Latin script and the
        other in Hangul, or one is an acronym; each name maps to its others, those glossing one name each other's
        too ("Ministry of Science and ICT (MSIT, 과학기술정보통신부)": MSIT is 과학기술정보통신부)."""
        stats = self.scorer.stats()
        read_with, aliases = self._alias_map
        if read_with is not stats:  # the documents changed: read them again (one assignment, safe to race)
            aliases = {}
            for chunk in self.scorer.index.chunks():
                for m in GLOSS.finditer(chunk.text):
                    names = [m[1], *(inner for inner in (p.strip() for p in m[2].split(",")) if is_alias(m[1], inner))]
                    for name in names if len(names) > 1 else ():
                        aliases.setdefault(name, set()).update(other for other in names if other != name)
            self._alias_map = (stats, aliases)
        return aliases

    def _evidence(self, sentence: str, parts: list[tuple[str, str]], lang: Lang) -> list[_Sentence]:
        """The candidate sentences of the passages found for the sentence, and for each of its clauses with
        words naming the kind of value claimed there (so that the sentence giving the documents' value for the
        same slot is among them)."""
        chunks: dict[str, Chunk] = {}
        for query, hint in dict.fromkeys([(sentence, ""), *parts]):
            for chunk in self.retriever.retrieve(query, lang, k=self.depth, hint=hint):
                chunks.setdefault(chunk.chunk_id, chunk)
        candidates = self.scorer.candidates(self.scorer.question(sentence), list(chunks.values()), lang)
        return [self.sentence(e) for e in candidates if not says_absent(e.sentence)]

    def _look_up(self, question: str, query: str, lang: Lang) -> list[_Sentence]:
        """The candidate sentences, scored for ``question``, of the passages retrieval finds for ``query``."""
        passages = self.retriever.retrieve(query, lang, k=self.depth)
        return [self.sentence(e) for e in self.scorer.candidates(self.scorer.question(question), passages, lang)]

    def sentence(self, e: Evidence) -> _Sentence:
        """What comparing claims with one passage sentence needs."""
        own = _with_synonyms(terms(e.sentence))
        if fills_slot(e.sentence, "place", "") >= 2:
            own |= {VENUE}
        topic = self.scorer.stats().topic
        if own & topic:  # one name of the event says every other ("the forum" of a sentence about "SFASS")
            own |= topic
        return _Sentence(
            evidence=e,
            own=own,
            heading=terms(f"{e.chunk.title} {e.chunk.heading or ''}"),
            facts=fact_spans(e.sentence),
            names=[e.sentence[a:b] for a, b in _names(e.sentence)],
            days=self.scorer.days(f"{e.chunk.heading or ''} {e.sentence}"),
        )

    def atoms(self, statement: str) -> list[AtomicClaim]:
        """The atomic claims of ``statement`` (see :func:`.split.split_statement`)."""
        return split_statement(statement, self._is_topic, self._is_word, self._has_content)

    # -- one claim ----------------------------------------------------------------------------------

    def _context(self, atom: AtomicClaim, statement: str) -> _Context:
        """The claim's context: the key terms of its sentence weighted by idf and by nearness to the value
        (the word that says what a value is, "opened", "참석", sits next to it), less where they belong to
        another claim's value or another clause; and the nearest of them (the slot cue). Digits and words no
        document uses are left out (their share is kept)."""
        stats = self.scorer.stats()
        weights: dict[str, float] = {}
        cue: dict[str, float] = {}
        order = []
        kind = self._kind(atom.value, statement[slice(*atom.sentence)]) if atom.kind == "name" else None
        person, place = kind == "person", kind == "place"
        speech = [] if atom.kind != "name" else _speech(statement[slice(*atom.sentence)])
        described = _descriptions(atom, statement)
        for m in _WORD.finditer(statement[slice(*atom.sentence)]):
            start, end = atom.sentence[0] + m.start(), atom.sentence[0] + m.end()
            if start < atom.end and atom.start < end:
                continue
            if any(a <= start < b for a, b in described):
                continue  # "미국의 AI 평가 기업 Scale AI가 30일 …": what the company is, not what the date is of
            if any(a <= m.start() < b for a, b in speech) and not any(a <= atom.start - atom.sentence[0] < b
                                                                       for a, b in speech):
                continue  # what someone said is not what a name outside it is (whose organisation, which role)
            if person and PERSON_ROLE.fullmatch(_KO_PARTICLE.sub("", m[0].strip(",."))) and (
                    start == atom.end + 1 or end == atom.start - 1):
                continue  # "director Kim ...", "배경훈 장관이": the title describes the person, it is not what the
                # claim says
            if m[0].strip(",.;:!?").lower() in _PARTICLES:
                continue  # the particle of a phrasal verb ("follows up on"): its verb says what it means
            every = self.scorer.key_terms(m[0])
            # a word for what happens at an event counts whether or not the documents use it ("몰렸다" for "참석")
            synonyms = {t: w for t in every if not stats.df[t] and (w := _synonym_weight(stats, t))}
            keys = {_CANONICAL.get(t, t): synonyms.get(t, w)
                    for t, w in every.items() if (stats.df[t] or t in synonyms) and not t.isdigit()}
            unknown = [t for t in every if not stats.df[t] and t not in synonyms and not t.isdigit()
                       and not _names_nothing(m[0], t, stats.df)]
            # the event's own name says the claim is about the event itself ("a two-day forum")
            keys |= {t: TOPIC_WEIGHT for t in terms(m[0], quoted_korean=False) if t in stats.topic}
            if unknown and not any(a < end and start < b for a, b in atom.others):
                keys |= {UNKNOWN + t: math.log(1 + stats.n) for t in unknown}
            if keys:
                order.append((start, end, keys))
        before = [o for o in order if o[1] <= atom.start][::-1]
        head_end = _modified_noun_end(statement, atom)
        after = [o for o in order if o[0] >= atom.end and o[0] < head_end]
        own = sum(w for start, end, keys in order if atom.clause[0] <= start < atom.clause[1]
                  and not any(a < end and start < b for a, b in atom.others)
                  for t, w in keys.items() if t not in stats.topic and not t.startswith(UNKNOWN))
        # the clause says what its value is: the rest of the sentence is about other things; so does a place's
        # clause saying something took place or opened there ("…, took place at Lotte Hotel Seoul")
        happened = place and any(_CANONICAL.get(t) in _HAPPENED for t in terms(statement[slice(*atom.clause)]))
        subject = self._fronted_subject(atom, statement)
        if subject:  # "Held Oct. 28-29 at …, the forum drew …": the clause is about the subject after it
            own = max(own, CLAUSE_MASS)
            for t in subject:
                weights[t] = max(weights.get(t, 0.0), TOPIC_WEIGHT)
        if own >= CLAUSE_MASS or happened or self._follows_list_item(atom, statement):
            before = [o for o in before if atom.clause[0] <= o[0] < atom.clause[1]]
        # where something happened: its subject comes before, not after; so does the subject of the noun ending its
        # clause with the copula ("스케일AI가 미국 회사라 의미 크다": the company, not what is meaningful)
        if own >= CLAUSE_MASS or place or _copula_noun(atom, statement):
            after = [o for o in after if atom.clause[0] <= o[0] < atom.clause[1]]
        for side in (before, after):
            rank = 0
            for start, end, keys in side:
                factor = NEAR**rank
                between = statement[end : atom.start] if side is before else ""
                describes = bool(between.strip()) and _adnominal(statement[start:end])
                if not (atom.clause[0] <= start < atom.clause[1]) or describes:
                    factor *= OTHER_CLAUSE  # or it describes a noun before the value ("과기정통부가 주최한 SFASS에는")
                if describes and self._names_event(between):
                    factor *= EVENT_MODIFIER  # ... the event itself, which it only identifies
                other = any(a < end and start < b for a, b in atom.others)
                if other:
                    factor *= OTHER_VALUE  # another claim's value: it may be wrong, and it does not say what this is
                else:
                    rank += 1
                for t, w in keys.items():
                    weights[t] = max(weights.get(t, 0.0), w * factor)
                    if not other and t not in stats.topic:
                        cue[t] = max(cue.get(t, 0.0), w * factor)
        unknown = {t: w for t, w in weights.items() if t.startswith(UNKNOWN)}
        weights = {t: w for t, w in weights.items() if t not in unknown}
        cue = {t: w for t, w in cue.items() if t not in unknown}
        total = sum(weights.values()) + sum(unknown.values())
        share = max(sum(unknown.values()) / total if total else 0.0, self._unknown_in_sentence(atom, statement))
        near = self._near_unknown(atom, statement)
        if place:
            # where something happened: a sentence naming a venue is about the same slot (whatever verb it uses)
            weights = {t: w for t, w in weights.items() if t not in ("≈open", "≈held")}
            weights[VENUE] = max(2.0 * max(weights.values(), default=0.0), 1.0)
            return _Context(weights, {VENUE: 1.0}, share, near)
        return _Context(weights, dict(sorted(cue.items(), key=lambda kv: -kv[1])[:2]), share, near)

    @staticmethod
    def _follows_list_item(atom: AtomicClaim, statement: str) -> bool:
        """Whether a Korean value starts its clause right after a comma ending a clause of nouns alone: the item
        before it in a list ("송상훈 단장 축사, 김명주 소장 환영사가 있었다"), whose words describe that item, not this one."""
        if statement[atom.clause[0] : atom.start].strip():
            return False
        sentence = statement[slice(*atom.sentence)]
        start = atom.clause[0] - atom.sentence[0]
        earlier = [(a, b) for a, b in clauses(sentence) if b <= start]
        if not earlier or "," not in sentence[earlier[-1][1] : start]:
            return False
        item = sentence[slice(*earlier[-1])]
        return bool(re.search(r"[가-힣]", item)) and not _has_predicate(item)

    def _names_event(self, words: str) -> bool:
        """Whether ``words`` only name the event itself ("이번 포럼에는", "SFASS에"): topic words and frame words."""
        found = terms(words, quoted_korean=False)
        keys = self.scorer.key_terms(words)
        return bool(found & self.scorer.stats().topic) and not keys

    def _unknown_in_sentence(self, atom: AtomicClaim, statement: str) -> float:
        """The share of the key terms of the claim's sentence, outside the values, that no document uses ("METR의 한
        연구원은 발표에서 AI 에이전트의 자율 복제 위험을 경고했다"), other clauses counting less: however far from the
        value, such words say the claim is about something the documents do not cover."""
        stats = self.scorer.stats()
        df = stats.df
        taken = sorted([*atom.others, (atom.start, atom.end), *_descriptions(atom, statement)])
        words = [w for w in _WORD.finditer(statement[slice(*atom.sentence)])
                 if not any(a < atom.sentence[0] + w.end() and atom.sentence[0] + w.start() < b for a, b in taken)]
        # a clause with a verb of its own says its own thing: the other clauses' words are about other things
        other = (0.0 if _has_predicate(statement[slice(*atom.clause)]) or self._fronted_subject(atom, statement)
                 else OTHER_CLAUSE_UNKNOWN)
        keys = {}
        for m in words:
            inside = atom.clause[0] <= atom.sentence[0] + m.start() < atom.clause[1]
            for t, w in self.scorer.key_terms(m[0]).items():
                if not t.isdigit() and not (not df[t] and (_names_nothing(m[0], t, df) or _synonym_weight(stats, t))):
                    keys[t] = max(keys.get(t, 0.0), w * (1.0 if inside else other))
        total = sum(keys.values())
        return sum(w for t, w in keys.items() if not df[t]) / total if total else 0.0

    def _fronted_subject(self, atom: AtomicClaim, statement: str) -> frozenset[str]:
        """The event's words naming the subject of an English sentence whose first clause, the claim's, is a
        participle put before it ("Held Oct. 28-29 at the Hotel Naru, the forum drew …", "Organised by ETRI, SFASS
        …"): what that clause says is said of the event. Empty for any other clause."""
        if atom.clause[0] != atom.sentence[0] or not _PARTICIPLE_FIRST.match(statement[slice(*atom.clause)]):
            return frozenset()
        head = re.match(r"[\s,]*(?:the\s+)?([^\s,]+)", statement[atom.clause[1] : atom.sentence[1]])
        return terms(head[1], quoted_korean=False) & self.scorer.stats().topic if head else frozenset()

    def _beside(self, atom: AtomicClaim, statement: str, keys_of, skip_others: bool) -> list[set[str]]:
        """For each side of the value within its clause, the ``keys_of`` the nearest word that has any. With
        ``skip_others``, words of other claims' values are passed over and a word the value starts inside is
        not before it; without, that word counts as the one before."""
        offset = atom.clause[0]
        words = [(m.start() + offset, m.end() + offset, m[0])
                 for m in re.finditer(r"\S+", statement[atom.clause[0] : atom.clause[1]])]
        if skip_others:
            words = [w for w in words if not any(a < w[1] and w[0] < b for a, b in atom.others)]
        before = [w for w in words if (w[1] <= atom.start if skip_others else w[0] < atom.start)]
        out = []
        for side in (before[::-1], [w for w in words if w[0] >= atom.end]):
            keys = next((k for _, _, word in side if (k := keys_of(word))), None)
            if keys:
                out.append(keys)
        return out

    @staticmethod
    def _listed_with(atom: AtomicClaim, statement: str) -> list[str]:
        """The names listed together with a name claim ("the EU AI Office and OpenAI", "구글, 메타와 오픈AI"): the
        other values of its sentence joined to it, one after the other, by commas and "and"."""
        if atom.kind != "name" or atom.value.endswith("-based"):  # "Scale AI, the UK-based …": a description
            return []
        spans = sorted([*atom.others, (atom.start, atom.end)])
        at = spans.index((atom.start, atom.end))
        chain = [at]
        for step in (-1, 1):
            i = at
            while 0 <= i + step < len(spans):
                left, right = sorted((spans[i], spans[i + step]))
                if not _LIST_JOIN.fullmatch(statement[left[1] : right[0]]):
                    break
                i += step
                chain.append(i)
        return [statement[slice(*spans[i])] for i in chain if i != at]

    def _of_event(self, atom: AtomicClaim, statement: str) -> bool:
        """Whether a length of time is said of the event itself: the word beside it names the event or is a
        word for an event's length ("a two-day forum", "사흘 일정", "a one-day event")."""
        # how long it took until something other than the event's end happened is no length of the event
        # ("일주일 만에 마감됐다", "sold out within a week"; but "하루 만에 끝났다")
        until = re.match(r"\s*만(?:에|이)?(?![가-힣])", statement[atom.end :]) or re.search(
            r"\b(?:within|after)\s+(?:just\s+|only\s+)?$", statement[: atom.start], re.IGNORECASE)
        if until and not _ENDED.search(statement[atom.end : atom.clause[1]]):
            return False
        topic = self.scorer.stats().topic
        frame = terms(EVENT_WORDS, quoted_korean=False)

        def keys_of(word: str) -> set[str]:
            return set(self.scorer.key_terms(word)) | (terms(word, quoted_korean=False) & topic)

        if any(keys & (topic | frame) for keys in self._beside(atom, statement, keys_of, skip_others=False)):
            return True
        # the event is what the sentence is about, and the length ends its clause ("the forum ran for just one
        # day", "사흘간 이어졌다") or names no known thing after it ("a three-day gathering")
        df = self.scorer.stats().df
        about_event = bool(terms(statement[slice(*atom.sentence)], quoted_korean=False) & topic)
        after = re.match(r"[\s-]*([^\s,.;:!?]*)", statement[atom.end : atom.clause[1]])[1]
        return about_event and (not after or not any(df[t] for t in self.scorer.key_terms(after)
                                                     if not _verb_form(after, t)))

    def _event_end(self, atom: AtomicClaim, statement: str) -> str | None:
        """Which end of the event a date claim says it is ("start" or "end"; see :func:`_date_end`), when its clause
        is about the event's own start or end; None otherwise ("the forum's second day began on 29 October" says
        nothing of when the forum began)."""
        end = _date_end(atom, statement)
        return end if end and self._event_date(atom, statement) else None

    def _event_date(self, atom: AtomicClaim, statement: str) -> bool:
        """Whether a start or end date is said of the event itself: its clause names the event and, besides the
        values and when it began or ended, only words for an event ("SFASS는 28일에 끝났다", "사흘 일정으로 열린
        SFASS는 30일 폐막했다"; not "the forum's red-teaming session started on 28 October")."""
        if day_ordinals(statement[atom.clause[0] : atom.clause[1]]):
            return False  # the date of one day of the event ("the second day began on 29 October")
        clause = _without_values(atom, statement)
        topic = self.scorer.stats().topic
        if not terms(clause, quoted_korean=False) & topic and not self._carries_subject(atom, statement, clause) \
                and not self._fronted_subject(atom, statement):
            return False
        known = topic | terms(EVENT_WORDS, quoted_korean=False)
        words = _ENDED.sub(" ", _STARTED.sub(" ", clause)).split()
        # a Korean subject naming the event: the words before it describe the event ("과기정통부가 주최한 서울포럼이
        # 지난 30일 막을 올렸다")
        subject = [i for i, word in enumerate(words) if _SUBJECT.search(word + " ")
                   and terms(word, quoted_korean=False) & topic]
        words = [w for w in words[subject[-1] + 1 if subject else 0 :] if w not in _PAST_OR_COMING]
        return not [t for word in words for t in self.scorer.key_terms(word)
                    if t not in known and not _verb_form(word, t)]

    def _carries_subject(self, atom: AtomicClaim, statement: str, clause: str) -> bool:
        """Whether a clause with no subject of its own goes on about the event an earlier clause of its sentence
        names ("포럼은 28일 개막해 사흘간 이어진 뒤 30일 폐막했다", "SFASS opened on 27 October and closed on 30
        October": the forum closed then)."""
        if not re.search(r"[가-힣]", clause):
            # an English clause going on with a verb ("…, and closed on 30 October", "…, wrapping up on 30
            # October"): the earlier clause's subject
            if not re.match(r"\s*(?:(?:and|but|then)\s+(?:was\s+|were\s+)?[a-z]+ed|(?:not\s+)?[a-z]+ing)\b", clause):
                return False
        elif _SUBJECT.search(clause):
            return False
        before = statement[: atom.clause[0]]  # an earlier sentence too: "SFASS 하루짜리였지? 28일에 끝났다며"
        return bool(terms(before, quoted_korean=False) & self.scorer.stats().topic)

    def _near_unknown(self, atom: AtomicClaim, statement: str) -> bool:
        """Whether a content word right beside the value is one no document uses ("closed on 20 October"): the
        claim then says something the documents never speak of, and cannot be contradicted."""
        df = self.scorer.stats().df
        beside = self._beside(atom, statement, lambda word: {t for t in self.scorer.key_terms(word)
                                                              if not _verb_form(word, t)}, skip_others=True)
        return any(not any(df[t] or t in _CANONICAL for t in keys) for keys in beside)

    @staticmethod
    def _cover(weights: dict[str, float], s: _Sentence) -> float:
        total = sum(weights.values())
        if not total:
            return 0.0
        return sum(w if t in s.own else 0.5 * w if t in s.heading else 0.0 for t, w in weights.items()) / total

    def _states(self, atom: AtomicClaim, s: _Sentence, end: str | None = None) -> bool:
        """Whether sentence ``s`` states the claim's value; for a date said to be the ``end`` ("start" or "end") of a
        span of days, only the span's day at that end is."""
        first_or_last = _range_end(s, end) if end else None
        if first_or_last is not None:
            return any((m := _MONTH_DAY.fullmatch(v)) and m[1] == first_or_last[-2:] for v in atom.values)
        if end and not _says_end(s.text, end):
            return False  # a date of the event that is not said to be its start (or end)
        if atom.kind == "name":
            mine = country_described(atom.value)  # "American" is said by "a US company"
            return self._present(atom.value, s.text) or bool(mine and mine in dict(countries_in(s.text)))
        if atom.kind == "day":  # a sentence about several days says of none of them what happened on it
            return bool(s.days) and s.days <= {int(v) for v in atom.values}
        found = [v for f in s.facts if f.kind == atom.kind for v in f.values]
        if atom.kind == "time":
            return any(_same_time(atom.values, f.values) for f in s.facts if f.kind == "time")
        if atom.kind == "duration":
            return bool(set(atom.values) & (set(found) | _range_days(s.facts)))
        if atom.kind == "date":
            days = {v[-2:] for v in found if re.fullmatch(r"\d\d-\d\d|\*-\d\d", v)}
            wanted = [v for v in atom.values if not re.fullmatch(r"\d{4}", v)] or atom.values
            if any(re.fullmatch(r"\d{4}", v) for v in found):  # a year is checked only where the sentence gives one
                wanted = atom.values
            return all(v in found or (v.startswith("*-") and v[-2:] in days) or
                       (re.fullmatch(r"\d\d-\d\d", v) and f"*-{v[-2:]}" in found) for v in wanted)
        return all(v in found for v in atom.values)

    def _other_value(self, atom: AtomicClaim, s: _Sentence, statement: str, cover: float = 0.0,
                     end: str | None = None, gave_address: bool = True) -> str | None:
        """The value sentence ``s`` gives in the claim's place, when it differs from the claim's; ``end`` is the
        end of the event a date claim names (:meth:`_event_end`); ``gave_address``: the documents give the person
        a claim names some address (welcome, keynote ...)."""
        if atom.kind == "name":
            mine = country_described(atom.value)
            if mine:  # a country stands only against one other country ("영국" against "미국의 AI 전문기업"),
                # and not against one the claim's own sentence names too ("한국, 일본, 영국 연구소")
                named = {code for code, _ in countries_in(statement[slice(*atom.sentence)])}
                others = {code: said for code, said in countries_in(s.text) if code not in named
                          and self._same_thing_of(statement, atom, s, said)}
                return next(iter(others.values())) if len(others) == 1 else None
            if any(0 <= start - atom.end <= 1 for start, _ in atom.others):
                return None  # "미국 AI 기업 Scale AI": a description of the name that follows it
            if PERSON_ROLE.search(atom.value.split()[-1]) and not PERSON_NAME.match(atom.value):
                return None  # a title ("지원단장"): whose it is, is not a value a name can stand against
            kind = (self._kind(atom.value, statement) or self._place_it_ends(atom, statement)
                    or ("person" if self._strangers_name(atom.value) else None))
            # one of a list of several names: the documents' other members are no rival values (a place is listed
            # only with the names of its own clause: "ran at Lotte Hotel, hosted by X with Y as organizer")
            listed = [a for a, _ in atom.other_names if kind != "place" or atom.clause[0] <= a < atom.clause[1]]
            if len(listed) >= LIST_NAMES - 1:
                return None
            if (kind == "person" and address_kinds(statement[slice(*atom.sentence)]) and address_kinds(s.text)
                    and gave_address):
                return None  # "X delivered the welcome address", X one of the documents' people who gave one: which
                # address is what is wrong (see :meth:`_judge_address`), not who gave the one the sentence names
            if kind not in ("person", "place") and self._rarity(atom.value) > float("-inf") and cover < SURE:
                return None  # an organisation the documents know, named in another role: contradicted only
                # by a sentence saying nearly all the claim says
            # a name the claim's own clause uses is not a rival value, nor one its sentence uses when the clause
            # only adds the name to a list ("..., the EU AI Office and OpenAI")
            rest = statement[atom.clause[0] : atom.start] + statement[atom.end : atom.clause[1]]
            # (a Korean clause with no subject of its own goes on about the one an earlier clause names: "Google은
            # …을 공유했고, Gemini 데모도 선보였다")
            own = self._has_content(rest) and not (re.search(r"[가-힣]", rest) and not _SUBJECT.search(rest + " "))
            said = statement[slice(*(atom.clause if own else atom.sentence))]
            if any(same_name(atom.value, n) for n in s.names):
                return None  # the sentence names the claimed one too, written another way
            offered = [n for n in s.names if not self._present(n, said) and not self._not_a_claim(n)
                       and name_class(n, s.text) in KINDS_ALIKE[kind] and not other_script(atom.value, n)
                       and not _listed_beside(n, s.text, [m for m in s.names if self._present(m, said)])]
            return max(offered, key=lambda n: SequenceMatcher(None, n.lower(), atom.value.lower()).ratio(),
                       default=None)
        if atom.kind == "day":
            # which day a sentence is about is read from its heading too: too loose to contradict, unless the
            # sentence itself names one other day and says nearly all the claim says
            named = {n: m[0] for n, pattern in DAY_ORDINALS if (m := pattern.search(s.text))}
            clause = statement[slice(*atom.clause)]
            if _STARTED.search(clause) and _ENDED.search(clause):
                return None  # "28일 개막한 포럼은 이튿날 막을 내렸다": which day goes with which beginning is unclear
            return next(iter(named.values())) if cover >= SURE and len(named) == 1 and not (
                set(named) & {int(v) for v in atom.values}) else None
        first_or_last = _range_end(s, end) if end else None
        if first_or_last is not None:  # a span's first day against a claimed end, or its last against a start
            said = any((m := _MONTH_DAY.fullmatch(v)) and m[1] == first_or_last[-2:] for v in atom.values)
            return None if said else _date_text(first_or_last, s.chunk.lang)
        if end and not _says_end(s.text, end):
            return None  # another date of the event is not its start (or end)
        mine = FactSpan(kind=atom.kind, text=atom.value, start=0, end=0, values=atom.values,
                        unit=atom.fact.unit if atom.fact else "")
        if atom.kind == "duration":
            said = next((f.text for f in s.facts if f.kind == "duration" and not set(f.values) & set(atom.values)), None)
            if said:
                return said
            ranges = _range_days(s.facts)
            if ranges and not set(atom.values) & ranges:
                dates = [f.text for f in s.facts if f.kind == "date"]
                return f"{dates[0]} – {dates[-1]}"
        span = _span_of(atom.values)
        given = (_range_end(s, "start"), _range_end(s, "end")) if span else None
        if span and given[0] and given != span:  # a span of days against another ("10월 28일부터 30일까지")
            return f"{_date_text(given[0], s.chunk.lang)} – {_date_text(given[1], s.chunk.lang)}"
        for f in s.facts:
            if atom.kind == "time":
                if f.kind == "time" and _same_time(atom.values, f.values) is False:
                    return f.text
                continue
            if f.same_kind(mine) and not set(_finest(f.values)) & set(_finest(atom.values)):
                if atom.kind == "date" and not _comparable_dates(atom.values, f.values):
                    continue
                return f.text
        return None

    def judge(self, atom: AtomicClaim, statement: str, evidence: list[_Sentence], lang: Lang) -> Claim:
        """One claim of ``statement`` labelled against the given sentences."""
        context = self._context(atom, statement)
        weights, cue = context.weights, context.cue
        claim = Claim(text=statement[slice(*atom.clause)], label="not_found", value=atom.value, start=atom.start,
                      end=atom.end)
        person = self._titled_person(atom, evidence)
        if person is not None:  # the title is confirmed: what is left to check is what the person did
            atom = replace(atom, value=person, values=[person])
        elif (other_post := self._other_post(atom, evidence, lang)) is not None:
            return self._labelled(claim, "contradicted", other_post[0], lang, other_post[1])
        if atom.kind is None:
            titled = KOREAN_PERSON.search(atom.value)  # "말한 건 배경훈 장관이었다": a person Kiwi reads as words
            return (self._judge_post(atom, claim, statement, evidence, lang)
                    or self._judge_address(atom, claim, statement, evidence, lang)
                    or (titled and self._judge_speaker(atom, claim, statement, evidence, lang, titled[1]))
                    or self._judge_meaning(claim, atom.value, evidence, lang, lambda: self._judge_misquote(
                        atom, claim, statement, evidence, lang)))
        if atom.kind == "title":
            return (self._judge_title(atom, claim, statement, evidence, lang)
                    or self._judge_meaning(claim, atom.value, evidence, lang))
        post = (self._judge_site(atom, claim, statement, evidence, lang)
                or self._judge_part_of_day(atom, claim, statement, evidence, lang)
                or self._judge_day_date(atom, claim, statement, evidence, lang)
                or self._judge_when(atom, claim, statement, evidence, lang)
                or self._judge_post(atom, claim, statement, evidence, lang)
                or self._judge_org_role(atom, claim, statement, evidence, lang)
                or self._judge_partner(atom, claim, statement, evidence, lang)
                or self._judge_listed_day(atom, claim, statement, evidence, lang)
                or self._judge_described_country(atom, claim, statement, evidence, lang)
                or self._judge_country_of_name(atom, claim, statement, evidence, lang))
        if post is not None:
            return post
        speaker = self._judge_speaker(atom, claim, statement, evidence, lang)
        if speaker is not None:
            return speaker
        end = self._event_end(atom, statement)
        clause = statement[slice(*atom.clause)]
        # the event's start or end: a span of days says it without a word for starting or ending (nor the rest of
        # the phrase that says it: the "up" of "wrapped up", the "off" of "kicked off"); and one day of the event
        # begins or ends on that day's date ("the second day began on 29 October", not on the "opening" day)
        if end is not None or (atom.kind in ("date", "day") and day_ordinals(clause)):
            said = _START_END + tuple(t for m in (*_STARTED.finditer(clause), *_ENDED.finditer(clause))
                                      for t in terms(m[0], quoted_korean=False))
            weights = {t: w for t, w in weights.items() if t not in said}
            cue = {t: w for t, w in cue.items() if t not in said}
        states = [self._states(atom, s, end) for s in evidence]
        nxt = _NEXT_EDITION.search(statement[slice(*atom.clause)])
        if nxt and atom.clause[0] + nxt.start() < atom.start:  # a claim about the next edition, named before the
            # value ("후속 포럼은 … 서울에서"; not "SFASS 2025 promised a follow-up forum"): stated only by a sentence
            # about the next one
            states = [said and _NEXT in s.own for s, said in zip(evidence, states)]
        listed = self._listed_with(atom, statement)
        support = max(((self._support(listed, weights, s), s) for s, said in zip(evidence, states) if said),
                      key=lambda t: t[0], default=(0.0, None))
        against: tuple[float, _Sentence | None, str | None] = (0.0, None, None)
        # only a claim whose slot the documents speak of can be contradicted: the words beside its value are
        # known, and (but for a length of time, said of the event itself) there are such words
        of_event = ((atom.kind == "duration" and self._of_event(atom, statement)) or end is not None
                    or bool(_span_of(atom.values) and self._event_date(atom, statement)))  # when the event ran
        # a claim mostly in words no document uses speaks of something the documents do not cover
        # (the event's length is a slot of its own, whatever else the sentence says)
        # "X took place in March 2025": only frame words beside a date, so what it is the date of is said by all the
        # claim's other words, which a rival must then hold nearly all
        slot_cue = cue or ({t: w for t, w in weights.items() if t not in self.scorer.stats().topic}
                           if atom.kind == "date" else {})
        can_contradict = of_event or (bool(slot_cue) and context.unknown_share < UNKNOWN_SHARE)
        # "Kim Myung-joo, director of ..., gave ...": a sentence giving someone else that post does not say that
        # someone else did what the claim says
        described = {t for m in EN_POST.finditer(statement[slice(*atom.sentence)]) if m["name"] == atom.value
                     for t in self.scorer.key_terms(m["post"])}
        # "..., who heads the Ministry of ...": the organisation of a post, which no other sentence's head holds
        described |= {t for m in re.finditer(r"\bwho\s+(heads|leads|runs|directs|chairs)\b",
                                             statement[slice(*atom.clause)], re.IGNORECASE)
                      for t in self.scorer.key_terms(m[1])}
        rival_weights = {t: w for t, w in weights.items() if t not in described}
        rival_cue = {t: w for t, w in slot_cue.items() if t not in described}
        topic = self.scorer.stats().topic
        if self._edition_year(atom, statement):  # said by any sentence giving the year beside the event's name
            named = [s for s, said in zip(evidence, states) if said and s.own & topic]
            if named:
                year = atom.values[0]
                return self._labelled(claim, "supported", max(named, key=lambda s: (
                    any(self._beside_name(s.text, m.start(), m.end()) for m in re.finditer(year, s.text)),
                    len(s.own & topic))), lang)
            can_contradict = False
        can_contradict = can_contradict and bool(rival_cue or of_event)
        days = day_ordinals(statement[slice(*atom.sentence)]) if atom.kind != "day" else set()
        gave_address = atom.kind != "name" or any(self._present(atom.value, s.text) and address_kinds(s.text)
                                                  for s in evidence)
        for s, said in zip(evidence, states) if can_contradict else []:
            if s.chunk.lang != lang or said:
                continue
            if self._earlier_year(atom, statement, s):
                continue  # a sentence about another year ("28 countries took part in the 2024 summit")
            if self._another_of_its_kind(atom, statement, s):
                continue  # a sentence about another thing of a kind the claim's sentence names (another summit)
            if any(self._present(name, s.text) for name in listed):
                continue  # a list the claim shares members with: one more member is not a different value
            if days and s.days and not days & s.days:
                continue  # a sentence about another day of the event is about something else
            cover = self._cover(rival_weights, s)
            if of_event:  # how long the event lasted: any sentence giving the event's length is on the same slot
                if not s.own & topic:
                    continue
                # one saying how long it lasted before one that happens to name both of its days
                cover = max(cover, CONTRADICT_MIN) + (LENGTH_SAID if any(f.kind == "duration" for f in s.facts) else 0)
            elif cover < CONTRADICT_MIN or (rival_cue and self._cover(rival_cue, s) < CLAUSE_MIN):
                continue
            # (a word beside the event's length, start or end may be one no document uses: "a three-day
            # gathering", "폐막했다" where they say "열렸다")
            if cover <= against[0] or (context.unknown_near and cover < SURE and not of_event):
                continue
            value = self._other_value(atom, s, statement, cover, end, gave_address)
            if value:
                against = (cover, s, value)
        # a length of time, or a full date beside the same words, is rare enough to be the claim's even in a
        # sentence that shares little else with it
        # (and so is a span of days the sentence gives as one: "Oct 28–29" beside "from 28 to 29 October")
        span = _span_of(atom.values)
        distinctive = support[1] is not None and (atom.kind == "duration" or (
            atom.kind == "date" and any("-" in v for v in atom.values)
            and (not cue or self._cover(cue, support[1]) > 0
                 or (span is not None and (_range_end(support[1], "start"), _range_end(support[1], "end")) == span))))
        # a value stated only in a sentence about something else gives way to any contradiction
        margin = OUTWEIGH if support[0] >= SUPPORT_MIN else 0.0
        outweighed = against[1] is not None and (
            against[0] >= support[0] + margin
            # the rival sentence holds the words beside the value, the supporting one does not
            or (against[0] > support[0] and cue and self._cover(cue, against[1]) > self._cover(cue, support[1]))
        ) if support[1] is not None else False
        if support[1] is not None and (support[0] >= SUPPORT_MIN or distinctive) and not outweighed:
            return self._labelled(claim, "supported", support[1], lang)
        if against[1] is not None:
            return self._labelled(claim, "contradicted", against[1], lang, against[2])
        return self._labelled(claim, "not_found", None, lang)

    def _another_of_its_kind(self, atom: AtomicClaim, statement: str, s: _Sentence) -> bool:
        """Whether sentence ``s`` names another thing of the kind a name of the claim's sentence is, and not that
        one: "28 countries took part in the AI Seoul Summit" says nothing of how many attend "the AI Action Summit,
        which 40 countries would attend" (two names ending in the same word, one of them absent from ``s``)."""
        if atom.kind in ("name", "date"):  # (names and dates are weighed by rules of their own)
            return False
        sentence = statement[slice(*atom.sentence)]
        mine = [statement[a:b] for a, b in atom.other_names if " " in statement[a:b].strip()]
        return any(n.split()[-1].lower() == m.split()[-1].lower() and not same_name(n, m)
                   and not self._present(m, s.text) and n.lower() not in sentence.lower()
                   for m in mine for n in s.names if " " in n.strip())

    def _edition_year(self, atom: AtomicClaim, statement: str) -> bool:
        """Whether the claim is the documents' own year written as part of the event's name ("SFASS 2025",
        "2025 인공지능 안전 서울 포럼"): it says which edition the statement is about, and a year the documents give
        for something else in the sentence (a follow-up forum) is no rival of it."""
        return (atom.kind == "date" and atom.values == [str(self.scorer.stats().event_year)]
                and self._beside_name(statement, atom.start, atom.end))

    def _beside_name(self, text: str, start: int, end: int) -> bool:
        """Whether the word just before or after ``text[start:end]`` is one of the event's name."""
        topic = self.scorer.stats().topic
        before = re.search(r"(\S+)\s*$", text[:start])
        after = re.match(r"\s*(\S+)", text[end:])
        return any(m and terms(m[1], quoted_korean=False) & topic for m in (before, after))

    def _earlier_year(self, atom: AtomicClaim, statement: str, s: _Sentence) -> bool:
        """Whether sentence ``s`` is about an earlier year than a claim of a number or a name, whose sentence names
        no year and so speaks of the documents' own ("28 countries took part in the 2024 summit" is no rival of
        "attendees from 20 countries")."""
        event_year = self.scorer.stats().event_year
        if atom.kind in ("date", "duration", "time") or not event_year or YEAR.search(
                statement[slice(*atom.sentence)]):
            return False
        given = [int(y) for y in YEAR.findall(s.text)]
        return bool(given) and max(given) < event_year

    def _judge_day_date(self, atom: AtomicClaim, claim: Claim, statement: str, evidence: list[_Sentence],
                        lang: Lang) -> Claim | None:
        """The date given in brackets after a day of the event ("Day one (Oct. 29)", "둘째 날(10월 29일)"), checked
        against a sentence giving that day's date alone: the same day's date supports it, another contradicts it.
        None for any other claim, or when no sentence gives that day's date."""
        before = statement[atom.sentence[0] : atom.start]
        # the day's date in brackets, or set beside it ("이튿날인 30일", "둘째 날, 10월 29일", "the second day, 30 October")
        bracket = re.search(r"(?:[(（]|(?<=날)인|(?<=\bday),|(?<=날),)\s*$", before, re.IGNORECASE)
        days = day_ordinals(before[max(0, bracket.start() - 16) : bracket.start()]) if bracket else set()
        # ... or the date of the day its clause names before it, and nothing else ("the second day was on 29 Oct")
        earlier = [(a, b) for a, b in atom.others if atom.clause[0] <= a < atom.start]
        if not days and earlier and all(day_ordinals(statement[a:b]) for a, b in earlier):
            days = day_ordinals(statement[atom.clause[0] : atom.start])
        # a full date, or a day of the month alone ("이튿날인 30일": "*-30"), compared by the day then
        claimed = {v[-5:] for v in atom.values if _FULL_DATE.fullmatch(v) or re.fullmatch(r"\*-\d\d", v)}
        if atom.kind != "date" or len(days) != 1 or len(claimed) != 1:
            return None
        for s in evidence:
            if s.days != days:
                continue
            given = [f for f in s.facts if f.kind == "date" and any(_FULL_DATE.fullmatch(v)
                                                                     for v in f.values)]
            if len(given) != 1 or len(given[0].values) != 1:
                continue
            day = given[0].values[0][-5:]
            if day in claimed or f"*{day[2:]}" in claimed:
                return self._labelled(claim, "supported", s, lang)
            return self._labelled(claim, "contradicted", s, lang, given[0].text)
        return None

    def _judge_part_of_day(self, atom: AtomicClaim, claim: Claim, statement: str, evidence: list[_Sentence],
                           lang: Lang) -> Claim | None:
        """The part of the day something happened in ("a red-teaming drill in the morning session", "둘째 날 오전"),
        checked against the sentences giving a part of the day to the same happening: most of what such a sentence
        says, by weight, is in the claim's sentence too ("ran a joint red-teaming practice"), on the same day where
        both name one. Supported by one giving the same part, contradicted when they give only another (the first
        as the documents' value). None for any other claim, or when no sentence gives the happening a part of day."""
        if atom.kind != "time" or not atom.values or not set(atom.values) <= _PARTS:
            return None
        sentence = statement[slice(*atom.sentence)]
        said, days = self._happening(sentence), day_ordinals(sentence)
        same = other = None
        for s in evidence:
            given = [f for f in s.facts if f.kind == "time" and f.values and set(f.values) <= _PARTS]
            if not given or (days and s.days and not days & s.days):
                continue
            theirs = self._happening(s.text)
            total = sum(theirs.values())
            if not total or sum(w for t, w in theirs.items() if t in said) / total < SAME_HAPPENING:
                continue
            if any(set(f.values) & set(atom.values) for f in given):
                same = same or s
            elif other is None:
                other = (s, given[0].text)
        if same is not None:
            return self._labelled(claim, "supported", same, lang)
        return self._labelled(claim, "contradicted", other[0], lang, other[1]) if other else None

    def _happening(self, text: str) -> dict[str, float]:
        """The key terms of a sentence that say what happened, not when: the event's name, the days, sessions and
        parts of the day left out."""
        placing = terms(_PLACING_WORDS, quoted_korean=False) | self.scorer.stats().topic
        return {t: w for t, w in self.scorer.key_terms(text).items() if t not in placing and not t.isdigit()}

    def _judge_when(self, atom: AtomicClaim, claim: Claim, statement: str, evidence: list[_Sentence],
                    lang: Lang) -> Claim | None:
        """Which day of the event the organisations or people a clause names took part on ("METR presented on 28
        October", "Safer AI and CARMA spoke on day one"): supported by a sentence naming them all with that day,
        contradicted when the sentences naming them all with a day give only other days (the first of them as the
        documents' value). None for any other claim, or when no sentence names them with a day."""
        if atom.kind not in ("date", "day"):
            return None
        day_dates = self.scorer.stats().day_dates
        claimed = ({int(v) for v in atom.values} if atom.kind == "day"
                   else {day_dates[v] for v in atom.values if v in day_dates})
        names = [statement[a:b] for a, b in atom.other_names if atom.clause[0] <= a < atom.clause[1]
                 and not self._is_topic(statement[a:b])]
        if len(claimed) != 1 or not names:
            return None
        words = _without_values(atom, statement).split()
        if [t for w in words for t in self.scorer.key_terms(w) if _CANONICAL.get(t) == _SIGNED or (
                _CANONICAL.get(t) not in _TAKING_PART and not t.startswith(_TAKING_PART_STEMS) and not _verb_form(w, t))]:
            return None  # the clause says what else happened that day (an MOU signed, an address given)
        about = [s for s in evidence if s.chunk.lang == lang and s.days and all(self._present(n, s.text) for n in names)]
        said = next((s for s in about if claimed <= s.days), None)
        if said is not None:
            return self._labelled(claim, "supported", said, lang)
        if not about:
            return None
        day = min(about[0].days)
        if atom.kind == "day":
            value = next((m[0] for n, pattern in DAY_ORDINALS if n == day and (m := pattern.search(about[0].text))),
                         None)
        else:
            value = next((_date_text(d, lang) for d, n in day_dates.items() if n == day), None)
        return self._labelled(claim, "contradicted", about[0], lang, value) if value else None

    def _titled_person(self, atom: AtomicClaim, evidence: list[_Sentence]) -> str | None:
        """The person of a name claimed with a title before it ("Deputy Prime Minister Bae Kyung-hoon") or an
        organisation after it ("Song Sang-hoon of the National AI Strategy Committee") when a sentence gives that
        person that title or organisation; ``None`` for any other claim."""
        m = (EN_TITLED_NAME.fullmatch(atom.value) or _PERSON_OF.fullmatch(atom.value)) if atom.kind == "name" else None
        if m is None:
            return None
        words = re.sub(r"\bPM\b", "Prime Minister", m["title"], flags=re.IGNORECASE).split()
        title = re.compile(r"\b" + r"\s+".join(map(re.escape, words)) + r"\b", re.IGNORECASE)
        if any(self._present(m["person"], s.text) and title.search(s.text) for s in evidence):
            return m["person"]
        return None

    def _other_post(self, atom: AtomicClaim, evidence: list[_Sentence], lang: Lang) -> tuple[_Sentence, str] | None:
        """A person claimed to be of an organisation ("Kim Myung-joo of the National AI Strategy Committee") whom
        the documents give a post elsewhere, and never with that organisation: the sentence and the post."""
        m = _PERSON_OF.fullmatch(atom.value) if atom.kind == "name" else None
        if m is None:
            return None
        posts = [(s, p["post"].strip()) for s in evidence if s.chunk.lang == lang
                 for p in EN_POST.finditer(s.text) if same_name(p["name"], m["person"])]
        if not posts or any(self._present(m["title"], s.text) for s in evidence if self._present(m["person"], s.text)):
            return None
        return posts[0]

    def _support(self, listed: list[str], weights: dict[str, float], s: _Sentence) -> float:
        """How far a sentence stating the claim's value is about what the claim says: its share of the context;
        for a name listed with others, a sentence naming another of the list is about the same list
        ("MLCommons, METR and the Future of Life Institute ..." in a sentence naming MLCommons and METR)."""
        cover = self._cover(weights, s)
        if any(self._present(name, s.text) for name in listed
               if not self._not_a_claim(name)):
            cover = max(cover, SUPPORT_MIN)
        return cover

    def _judge_speaker(self, atom: AtomicClaim, claim: Claim, statement: str, evidence: list[_Sentence],
                       lang: Lang, person: str | None = None) -> Claim | None:
        """Who said a quotation: a person claimed to have said words the statement quotes (or reports: "said
        that ...") is supported by the sentence quoting those words with that person, and contradicted when the
        sentences quoting them name someone else and never the claimed person. None when the statement quotes
        nothing the documents quote. ``person``: the person a clause names with a title (else the claim's name)."""
        sentence = statement[slice(*atom.sentence)]
        quotes = [sentence[a:b] for a, b in _speech(sentence)]
        if person is None and (atom.kind != "name" or self._kind(atom.value, sentence) != "person"):
            return None
        if not quotes:
            return None
        name = person or atom.value
        words = self.scorer.key_terms(" ".join(quotes))
        quoting = [s for s in evidence if self._cover(words, s) >= QUOTE_MIN]
        said = next((s for s in quoting if self._present(name, s.text)), None)
        if said is not None:
            return self._labelled(claim, "supported", said, lang)
        for s in quoting:
            rivals = [n for n in persons(s.text) if not self._present(n, sentence)]
            if s.chunk.lang == lang and rivals:
                return self._labelled(claim, "contradicted", s, lang, rivals[0])
        return None

    def _judge_post(self, atom: AtomicClaim, claim: Claim, statement: str, evidence: list[_Sentence],
                    lang: Lang) -> Claim | None:
        """A Korean person's post, claimed right after their name ("송상훈 과기정통부 차관은"): supported by a sentence
        giving that person the same title (or one it shortens: "단장" of "지원단장"), contradicted by the sentences
        that give the person another one ("국가인공지능전략위원회 지원단장"). None when the claim is no such post, or
        no sentence gives the person a post."""
        if atom.kind not in ("name", None):
            return None
        if lang == "en":
            return self._judge_english_post(atom, claim, statement, evidence, lang)
        found = KOREAN_NAME_BEFORE.search(statement[atom.sentence[0] : atom.start])
        person, rest = (found[1] if found else None), atom.start
        claimed = POST.match(statement[atom.start : atom.sentence[1]])
        if atom.kind == "name" and KOREAN_NAME_BEFORE.fullmatch(f"{atom.value} "):
            # a person's name with one title right after it ("김명주 원장, 개회식 …"): the name and its title are
            # one claim, checked as a post
            person, rest = atom.value, atom.end
            claimed = _TITLE_AFTER.match(statement[atom.end : atom.sentence[1]])
            if claimed is None:
                return None
            claim = claim.model_copy(update={"value": statement[atom.start : atom.end + claimed.end()],
                                             "end": atom.end + claimed.end()})
        elif person is None or claimed is None:
            return None
        if atom.kind is None and self.scorer.key_terms(atom.value[claimed.end() :]):
            return None  # the clause says more than the post ("장관이 직접 서명했다"): checked by its meaning
        title = claimed[1].split()[-1]
        if re.match(r"\s+(?:직무)?대행", statement[rest + claimed.end():]):
            title += "직무대행"  # "원장 직무대행": acting, written apart
        given = [(s, m[1]) for s in evidence if s.chunk.lang == lang
                 for m in re.finditer(re.escape(person) + r"\s+" + POST.pattern, s.text)]
        org = claimed[1].rsplit(None, 1)[0] if " " in claimed[1].strip() else ""  # "정보통신산업진흥원 원장직무대행"
        titled = [(s, post, self._same_korean_org(org, post)) for s, post in given
                  if any(_same_title(title, word, post) for word in titles(post))]
        # the same title of the same organisation, else of one the post does not name ("배경훈 장관은"), unless
        # another post of the person gives the title of another organisation ("콘진원 원장직무대행")
        right = [s for s, _, same in titled if same] or [s for s, _, same in titled if same is None]
        other = [(s, post) for s, post, same in titled if same is False]
        if right and not (other and not any(same for _, _, same in titled)):
            # a name with its right title: what else is said of the person is checked as for any name
            return None if atom.kind == "name" and rest == atom.end else self._labelled(claim, "supported", right[0], lang)
        if other:
            return self._labelled(claim, "contradicted", other[0][0], lang, other[0][1])
        if given:
            return self._labelled(claim, "contradicted", given[0][0], lang, given[0][1])
        return None

    def _same_korean_org(self, claimed: str, post: str) -> bool | None:
        """Whether the organisation a claimed Korean post names (nothing: any) is the one a documents' post gives:
        a word of it there as written, as its short or long form ("콘진원", "한국콘텐츠진흥원"), or by a name the
        documents gloss it with ("ETRI" for "한국전자통신연구원"); ``None`` when the post names none ("장관")."""
        words = re.findall(r"[가-힣A-Za-z]{2,}", claimed)
        if not words:
            return True
        stats = self.scorer.stats()
        given = re.findall(r"[가-힣A-Za-z]{2,}", post)
        if len(given) < 2:
            return None
        aliases = self._aliases()
        for word in words:
            forms = {word, stats.long_form(word) or word, *aliases.get(word, ())}
            if any(f in post or abbreviates(f, post) for f in forms) or any(
                    abbreviates(g, word) or (stats.long_form(g) or g) in forms or word in aliases.get(g, ())
                    for g in given):
                return True
        return False

    def _judge_english_post(self, atom: AtomicClaim, claim: Claim, statement: str, evidence: list[_Sentence],
                            lang: Lang) -> Claim | None:
        """A person's post in English, claimed beside their name ("Kim Myung-joo, head of the ... support group,"):
        supported by a sentence giving the same kind of title with the same organisation, contradicted when every
        post the documents give the person differs in the kind of title or in the organisation."""
        sentence = statement[slice(*atom.sentence)]
        offset = atom.sentence[0]
        claimed, before = None, False
        for pattern in (EN_POST, EN_POST_BEFORE):  # "Yoo Hyun-seok, president of KOCCA", "KOCCA president Yoo …"
            claimed = next((m for m in pattern.finditer(sentence)
                            if m.start("post") + offset <= atom.start and atom.end <= m.end("post") + offset), None)
            if claimed is not None:
                before = pattern is EN_POST_BEFORE
                break
        if claimed is None:
            return None
        given = [(s, m["post"]) for s in evidence if s.chunk.lang == lang
                 for m in EN_POST.finditer(s.text) if m["name"] == claimed["name"]]
        if not given:
            return None
        title, org = post_parts(claimed["post"], before)
        parts = [post_parts(post) for _, post in given]
        # the organisation named another way: by its acronym or a name the documents give it ("KOCCA" for the
        # claim's "Korea Creative Content Agency")
        named = [self._same_org(post_org(claimed["post"], before), post_org(post)) for _, post in given]
        for (s, _), (their_title, their_org), same in zip(given, parts, named):
            if their_title == title and org and (same or len(org & their_org) >= POST_SAME * len(org)):
                return self._labelled(claim, "supported", s, lang)
        if all(their_title != title or (not same and len(org & their_org) < POST_OTHER * len(org))
               for (their_title, their_org), same in zip(parts, named)):
            return self._labelled(claim, "contradicted", given[0][0], lang, given[0][1])
        return None

    def _same_org(self, claimed: str, offered: str) -> bool:
        """Whether two organisation names are one's: written alike, one the other's acronym, or glossed as one in
        the documents."""
        offered = offered.split("(")[0].strip()
        if not claimed or not offered:
            return False
        aliases = self._aliases()
        bare = lambda name: re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
        glossed = {bare(n) for n in (*aliases.get(offered, ()), *aliases.get(f"the {offered}", ()))}
        return same_name(claimed, offered) or bare(claimed) in glossed

    def _judge_site(self, atom: AtomicClaim, claim: Claim, statement: str, evidence: list[_Sentence],
                    lang: Lang) -> Claim | None:
        """Whose website something is on ("영상은 과기정통부 누리집에서 볼 수 있다", "posted on the MSIT website"):
        supported by a sentence putting the same things (videos, materials) on that organisation's site,
        contradicted when the sentences putting them on a site name only another's. None for any other claim."""
        if atom.kind != "name":
            return None
        owner = _SITE_AT_END.sub("", atom.value).strip()
        if owner == atom.value and not _SITE_AFTER.match(statement, atom.end):
            return None
        sentence = statement[slice(*atom.sentence)]
        what = {t for t in terms(_SITE.sub(" ", sentence.replace(atom.value, " ")), quoted_korean=False)
                if t not in self.scorer.stats().topic}
        given = []
        for s in [*evidence, *self._look_up(sentence, f"{sentence} 홈페이지 homepage", lang)]:
            if not (what & s.own) or s.chunk.lang != lang:
                continue
            for m in _SITE.finditer(s.text):
                held = [(n, at) for n in s.names if (at := s.text.find(n)) >= 0 and _OWNER_GAP.fullmatch(
                    s.text[at + len(n) : m.start()])]
                if held:
                    name, at = held[-1]
                    given.append((s, name, s.text[at : m.end()]))
        if not given:
            return None
        said = next((g for g in given if self._present(owner, g[1]) or same_name(owner, g[1])
                     or self._present(owner, g[2])), None)
        if said is not None:
            return self._labelled(claim, "supported", said[0], lang)
        if len({g[1] for g in given}) == 1:  # the one organisation whose site they put these things on
            return self._labelled(claim, "contradicted", given[0][0], lang, given[0][2])
        return None

    def _judge_title(self, atom: AtomicClaim, claim: Claim, statement: str, evidence: list[_Sentence],
                     lang: Lang) -> Claim | None:
        """A quoted theme or slogan ("'책임 있는 AI를 위한 글로벌 연대'를 주제로 열린 포럼"): supported by a sentence giving
        a title of nearly the same words to the same kind of thing (the event, or a session where the claim speaks of
        one), contradicted when the documents give that thing only titles sharing few of its words (a translation
        of the title in other words is neither). None when the documents give it no title."""
        sentence = statement[slice(*atom.sentence)]
        part = lambda text: bool(_SESSION.search(text) or day_ordinals(text))  # of one session or day's, not the event's
        session = part(sentence)
        mine = terms(atom.value, quoted_korean=False)
        query = f"{sentence} 주제 theme"
        given: list[tuple[_Sentence, str, float, bool]] = []  # sentence, title, words shared, all of the claim's
        for s in [*evidence, *self._look_up(sentence, query, lang)]:
            if not THEME_WORD.search(s.text) or part(s.text) != session:
                continue
            for title in _titles_given(s.text):
                theirs = terms(title, quoted_korean=False)
                if mine and theirs:
                    given.append((s, title, len(mine & theirs) / max(len(mine), len(theirs)), mine <= theirs))
        if not given:
            return None
        best = max(given, key=lambda g: g[2])
        if best[2] >= TITLE_SAME and best[3]:  # (every word of it theirs: one word changed is a misquote)
            return self._labelled(claim, "supported", best[0], lang)
        own = [g for g in given if detect_language(g[1]) == lang]
        if best[2] <= TITLE_OTHER and len({terms(g[1], quoted_korean=False) for g in own}) == 1:
            # (the one title they give it: where they give several, as for a day's sessions, another is no rival)
            s, title = next((g for g in own if g[0].chunk.lang == lang), own[0])[:2]
            return self._labelled(claim, "contradicted", s, lang, title)
        return None

    def _judge_address(self, atom: AtomicClaim, claim: Claim, statement: str, evidence: list[_Sentence],
                       lang: Lang) -> Claim | None:
        """Which address one person gave ("송상훈 … 지원단장은 개회식 환영사에서"): supported by a sentence giving that
        person that kind of address (welcome, congratulatory, opening, closing, keynote), contradicted when the
        documents give the person only other kinds. None when the clause names no address or the sentence no
        single person."""
        claimed = address_kinds(atom.value)
        sentence = statement[slice(*atom.sentence)]
        # (a person named with their organisation is that person: "Song Sang-hoon of the National AI ...")
        named = [(m["person"] if (m := _PERSON_OF.fullmatch(statement[a:b])) else statement[a:b]) for a, b in atom.other_names]
        people = {n for n in named if self._kind(n, sentence) == "person"}
        # the person of its own clause, where another clause names someone else ("배경훈 … 했고, 송상훈 단장은 환영사를")
        clause = statement[slice(*atom.clause)]
        own = {p for p in people if p in clause}
        if not own and any(a >= atom.clause[0] and b <= atom.clause[1] and (
                re.search(r"\bby\s+$", statement[:a]) or statement.startswith("의", b)) for a, b in atom.other_names):
            return None  # the address of someone else the clause names ("ahead of a keynote by Anthropic's CEO")
        people = own or people
        if len(claimed) != 1 or len(people) != 1:
            return None
        people = list(people)
        given = [(s, kinds) for s in evidence if s.chunk.lang == lang and self._present(people[0], s.text)
                 and (kinds := address_kinds(s.text))]
        said = next((s for s, kinds in given if claimed.keys() <= kinds.keys()), None)
        if said is not None:
            return self._labelled(claim, "supported", said, lang)
        if given:
            return self._labelled(claim, "contradicted", given[0][0], lang, next(iter(given[0][1].values())))
        return None

    def _judge_org_role(self, atom: AtomicClaim, claim: Claim, statement: str, evidence: list[_Sentence],
                        lang: Lang) -> Claim | None:
        """An organisation's part in the event ("한국전자통신연구원 인공지능안전연구소가 주최", "hosted by MSIT"):
        supported by a sentence giving it that part, contradicted when the documents give it only the other one
        (with the organisation they give that part to). None when the claim gives it no part."""
        claimed = org_role(statement, atom.start, atom.end)
        # a person, or a place: "the Hotel Naru hosted the forum" says where it was held
        if claimed is None or self._kind(atom.value, statement[slice(*atom.sentence)]) in ("person", "place"):
            return None
        atom = replace(atom, value=without_role(atom.value))
        given, holder = [], None
        asked = self._look_up(ROLE_QUERY[claimed], ROLE_QUERY[claimed], lang)  # the sentences saying who had that part
        for s in [*evidence, *asked]:
            roles = org_roles(s.text)
            if not roles:
                continue
            if len(roles) > 1:  # "A가 주최하고 B가 주관했다": whose part is whose needs the words' order
                at = next((m for m in re.finditer(re.escape(atom.value), s.text)), None)
                roles = {org_role(s.text, at.start(), at.end())} - {None} if at else set()
                if roles:
                    given.append((s, roles.pop()))
                continue
            role = next(iter(roles))
            if self._present(atom.value, s.text):
                given.append((s, role))
            elif role == claimed and holder is None:
                holder = self._role_holder(s, claimed)
        said = next((s for s, role in given if role == claimed), None)
        if said is not None:
            return self._labelled(claim, "supported", said, lang)
        if holder is not None:  # the documents give this part to another organisation only
            return self._labelled(claim, "contradicted", holder[0], lang, holder[1])
        if given:  # ... or give this one only the other part
            return self._labelled(claim, "contradicted", given[0][0], lang, ROLE_NAMES[lang][given[0][1]])
        return None

    def _same_thing_of(self, statement: str, atom: AtomicClaim, s: _Sentence, country: str) -> bool:
        """Whether the country sentence ``s`` names is said of what the claimed one is: of a company when the claim
        describes a company by its country ("UK-based", "미국 스케일AI", "영국 회사"): "a US AI company", not "한국
        인공지능안전연구소와 Scale AI"; else of the same thing ("UK's AI Action Summit", "France's AI Action
        Summit")."""
        at = s.text.find(country)
        if at < 0:
            return False
        rest = statement[atom.end : atom.sentence[1]]
        company = (_A_COMPANY.match(statement, atom.end) or "-based" in atom.value or GENERIC_HEAD.search(atom.value)
                   or any((rest.lstrip().startswith(n) or self._present(n, rest[:20])) and name_class(n, s.text) ==
                          "organisation" for n in s.names if n != country))
        if company:
            return bool(_A_COMPANY.match(s.text, at + len(country)))
        around = s.text[max(0, at - 40) : at] + " " + s.text[at + len(country) : at + len(country) + 40]
        return bool(terms(rest[:40]) & terms(around) - {"ai"})

    def _judge_listed_day(self, atom: AtomicClaim, claim: Claim, statement: str, evidence: list[_Sentence],
                          lang: Lang) -> Claim | None:
        """An organisation listed among others as taking part on a day of the event ("첫째 날에는 …, 그리고 METR
        등에서 연사가 참여했다"): contradicted when the documents list it only on another day, in a sentence on what
        the claim's clause says (speakers taking part), while some of the others are listed on that day. None when
        they list it on that day, or nowhere, or the others are not there either (then the day is what is wrong)."""
        if atom.kind != "name" or self._kind(atom.value, statement[slice(*atom.sentence)]) == "person":
            return None
        days = day_ordinals(statement[slice(*atom.sentence)])
        naming = [s for s in evidence if s.days and self._present(atom.value, s.text)] if days else []
        if not naming or any(s.days & days for s in naming):
            return None
        # what is claimed of them, without names and days ("연사가 참여했다")
        clause = statement[slice(*atom.clause)].replace(atom.value, " ")
        others = [statement[a:b] for a, b in atom.other_names if not self._is_topic(statement[a:b])]
        for word in [*day_words(clause), *others]:
            clause = clause.replace(word, " ")
        what = self.scorer.key_terms(clause)
        on_slot = lambda s: self._cover(what, s) >= CLAUSE_MIN if what else len(s.names) >= 3
        if not any(s.days & days and on_slot(s) and self._present(o, s.text) for o in others for s in evidence):
            return None
        said = next((s for s in naming if s.chunk.lang == lang and on_slot(s)), None)
        if said is None:
            return None
        day = next((m.group() for _, pattern in DAY_ORDINALS for m in pattern.finditer(said.text)), None)
        return self._labelled(claim, "contradicted", said, lang, day or said.text)

    def _judge_described_country(self, atom: AtomicClaim, claim: Claim, statement: str, evidence: list[_Sentence],
                                 lang: Lang) -> Claim | None:
        """A company described by its country right beside its name ("영국 AI 기업인 Scale AI", "Scale AI, a
        British firm"): supported by a sentence describing that company by the same country, contradicted by one
        describing it by another ("Scale AI는 미국의 AI 전문기업"). None when the documents give it no country."""
        mine = country_described(atom.value) if atom.kind == "name" else None
        if mine is None:
            return None
        described = next((statement[a:b] for a, b in atom.other_names
                          if (a >= atom.end and re.fullmatch(r"\s*(?:인|이자|의)?\s*", statement[atom.end:a]))  # "…기업인 X"
                          or (b <= atom.start and re.fullmatch(r",\s*(?:an?\s+|the\s+)?", statement[b:atom.start]))),
                         None)  # "Scale AI, a British firm"
        if described is None:
            return None
        for s in evidence:
            at = s.text.find(described)
            # the sentence says what kind of company it is and of which country: "Scale AI는 미국의 AI 전문기업",
            # "Scale AI is a US AI company", "미국의 AI 평가 기업 Scale AI"
            m = (_COMPANY_OF_COUNTRY_AFTER.match(s.text, at + len(described))
                 or _COMPANY_OF_COUNTRY_BEFORE.search(s.text[:at])) if at >= 0 else None
            code = country_of(m["country"]) if m else None
            if code is None:
                continue
            if code == mine:
                return self._labelled(claim, "supported", s, lang)
            return self._labelled(claim, "contradicted", s, lang, m["country"])
        return None

    def _judge_country_of_name(self, atom: AtomicClaim, claim: Claim, statement: str, evidence: list[_Sentence],
                               lang: Lang) -> Claim | None:
        """The country a named thing is in, said right beside its name ("the AI Action Summit in Germany", "독일
        AI Action Summit"): supported by a sentence putting that name in the same country, contradicted by one
        putting it in another ("프랑스 AI Action Summit", with that country as the documents' value). None when no
        sentence says the name's country beside it."""
        mine = country_of(atom.value) if atom.kind == "name" else None
        if mine is None:
            return None
        named = next((statement[a:b] for a, b in atom.other_names
                      if (b <= atom.start and _IN_COUNTRY.fullmatch(statement[b:atom.start]))
                      or (a >= atom.end and _COUNTRY_OF.fullmatch(statement[atom.end:a]))), None)
        if named is None or country_of(named):
            return None
        for s in evidence:
            at = s.text.find(named)
            if at < 0:
                continue
            after = _IN_COUNTRY.match(s.text[at + len(named):])
            rest = s.text[at + len(named) + after.end():] if after else ""
            beside = [m for m in countries_matches(rest) if m.start() == 0] + [
                m for m in countries_matches(s.text[:at]) if _COUNTRY_OF.fullmatch(s.text[m.end():at])]
            if not beside:
                continue
            said = beside[0][0]
            if country_of(said) == mine:
                return self._labelled(claim, "supported", s, lang)
            return self._labelled(claim, "contradicted", s, lang, said)
        return None

    def _judge_partner(self, atom: AtomicClaim, claim: Claim, statement: str, evidence: list[_Sentence],
                       lang: Lang) -> Claim | None:
        """Who signed an agreement with whom ("signed an MOU with Anthropic", "앤트로픽과 MOU를 체결"): supported by
        a sentence about an agreement naming the claimed partner, contradicted by one naming the claim's other party
        with another partner only (that partner as the documents' value). None when the claim names no partner."""
        sentence = statement[slice(*atom.sentence)]
        start = atom.start - atom.sentence[0]
        after = start + len(atom.value)
        second = _AGREEMENT.search(sentence) and (
            _SECOND_PARTY_BEFORE.search(sentence[:start])
            or (_SECOND_PARTY_AFTER_KO.match(sentence, after) and re.search(r"(?:와|과)\s*$", sentence[:start])))
        if not (_PARTNER_BEFORE.search(sentence[:start]) or _PARTNER_AFTER_KO.match(sentence, after) or second):
            return None
        others = [statement[a:b] for a, b in atom.other_names if not self._is_topic(statement[a:b])
                  and not _AGREEMENT.fullmatch(statement[a:b])]
        found = self._look_up(sentence, f"{sentence} MOU 협약", lang)
        deals = [s for s in [*evidence, *found] if _AGREEMENT.search(s.text)]
        said = next((s for s in deals if self._present(atom.value, s.text)), None)
        if said is not None:
            return self._labelled(claim, "supported", said, lang)
        for s in deals:
            if not any(self._present(o, s.text) for o in others):
                continue  # another agreement, or not one of the claim's
            partners = [n for n in (s.text[a:b].split("(")[0].strip() for a, b in _names(s.text))
                        if n and not self._is_topic(n) and not _AGREEMENT.fullmatch(n) and not self._not_a_claim(n)
                        and not any(self._present(o, n) or same_name(o, n) or abbreviates(o, n) for o in others)
                        and self._kind(n, s.text) != "person"]
            if len(partners) == 1:
                return self._labelled(claim, "contradicted", s, lang, partners[0])
        return None

    def _role_holder(self, s: _Sentence, role: str) -> tuple[_Sentence, str] | None:
        """The organisation sentence ``s`` gives ``role`` (host or organiser): the one the role word is attached
        to, else the sentence's only organisation (not a person, not the event)."""
        names = [(a, b, s.text[a:b].split("(")[0].strip()) for a, b in _names(s.text)]
        names = [(a, b, n) for a, b, n in names if n and not self._is_topic(n) and not self._not_a_claim(n)
                 and self._kind(n, s.text) != "person"]
        attached = [n for a, b, n in names if org_role(s.text, a, b) == role]
        if attached:
            return s, attached[0]
        return (s, names[0][2]) if len(names) == 1 else None

    def _judge_misquote(self, atom: AtomicClaim, claim: Claim, statement: str, evidence: list[_Sentence],
                        lang: Lang) -> Claim | None:
        """A quotation the documents give with another word in one or two places ("AI 안전은 경제 안보와 직결된 과제"
        where they quote "AI 안전은 국가 안보와 직결된 과제"): contradicted, with their words. Read word by word as
        the keyword search reads them (a particle or a space more or less changes nothing), each changed word
        swapped for one other; a quotation shortened or said in other words ("곧 국가 안보 문제" for "국가 안보와
        직결된 과제") is no misquotation. None when the claim holds no words in quotation marks, or no
        quotation of the documents is the same but for a word or two."""
        quoted = next((statement[max(a, atom.start):min(b, atom.end)] for m in _QUOTATION.finditer(statement)
                       for a, b in [m.span(1) if m[1] else m.span(2)] if a < atom.end and atom.start < b), None)
        if quoted is None:
            return None
        mine = bm25_tokens(quoted)
        for s in evidence:
            if s.chunk.lang != lang:
                continue
            for m in _QUOTATION.finditer(s.text):
                theirs = bm25_tokens(m[1] or m[2])
                changes = [op for op in SequenceMatcher(None, mine, theirs, autojunk=False).get_opcodes()
                           if op[0] != "equal"]
                kept = len(mine) - sum(i2 - i1 for _, i1, i2, _, _ in changes)
                if changes and kept >= MISQUOTE_KEPT and all(
                        op == "replace" and i2 - i1 == j2 - j1 <= MISQUOTE_WORDS
                        and not set(mine[i1:i2]) & set(theirs) and not set(theirs[j1:j2]) & set(mine)
                        for op, i1, i2, j1, j2 in changes):
                    return self._labelled(claim, "contradicted", s, lang, m[1] or m[2])
        return None

    def _judge_meaning(self, claim: Claim, clause: str, evidence: list[_Sentence], lang: Lang,
                       misquoted: Callable[[], Claim | None] = lambda: None) -> Claim:
        """A clause with no checkable value: supported by a sentence holding nearly all of it, else not found (a
        word no document uses, but for a verb of sharing, "talked" where they say "shared", "나눴다" where they say
        "공유했다", and a word naming nothing that is no other verb: "through", another form of a verb they use), or
        what ``misquoted`` finds (a quotation of the documents with a word changed)."""
        df = self.scorer.stats().df
        excused = {t for m in _WORD.finditer(clause) for t in self.scorer.key_terms(m[0]) if not df[t] and (
            t.startswith(_SHARING) or (_names_nothing(m[0], t, df) and not _verb_form(m[0], t)))}
        keys = {_CANONICAL.get(t, t): w for t, w in self.scorer.key_terms(clause).items() if t not in excused}
        if not keys or any(not df[t] for t in keys if not t.startswith("≈")):
            return misquoted() or self._labelled(claim, "not_found", None, lang)
        best = max(evidence, key=lambda s: self._cover(keys, s), default=None)
        if best is not None and self._cover(keys, best) >= MEANING_MIN:
            mine, theirs = _scope(clause), _scope(best.text)
            if mine and theirs and not mine & theirs.keys():  # "세계 AI 안전의 표준" where they say "아시아 …":
                # the word of the reach is what is contradicted
                m = _SCOPE_PATTERNS[next(iter(mine))].search(claim.value)
                if m:
                    claim = claim.model_copy(update={"value": m[0], "start": claim.start + m.start(),
                                                     "end": claim.start + m.end()})
                return self._labelled(claim, "contradicted", best, lang, next(iter(theirs.values())))
            return self._labelled(claim, "supported", best, lang)
        return misquoted() or self._labelled(claim, "not_found", None, lang)

    @staticmethod
    def _labelled(claim: Claim, label: Label, s: _Sentence | None, lang: Lang, value: str | None = None) -> Claim:
        text = EXPLAIN[lang][label].format(claimed=f"“{claim.value}”", documents=f"“{value}”")
        return claim.model_copy(update={
            "label": label,
            "citations": [citation_for(s.chunk, 1)] if s is not None else [],
            "quote": s.text if s is not None else None,
            "documents_value": value,
            "explanation": text,
        })


# what a company or an organisation is, written before its name ("미국의 AI 평가 기업 Scale AI", "US evaluation firm
# Scale AI", "a British startup Safer AI")
_DESCRIBED_BEFORE = re.compile(
    r"(?:[가-힣A-Za-z]+의\s+)?(?:[가-힣A-Za-z·-]+\s+){0,5}?(?:기업|회사|업체|스타트업|기관)\s*$|"
    r"\b(?:(?:an?|the)\s+)?(?:[A-Za-z-]+\s+){0,4}?(?:company|firm|startup|business|agency)\s*$", re.IGNORECASE)


# How far something reaches, in either language: the world, a continent, one country ("국내외", at home and
# abroad, names two).
_SCOPES = {
    "world": r"\b(?:world(?:wide)?|global(?:ly)?|international(?:ly)?|abroad)\b|세계|글로벌|국제|국내외|해외",
    "asia": r"\basian?\b|아시아", "europe": r"\beurop(?:e|ean)\b|유럽", "america": r"\b(?:north )?americas?\b|미주",
    "domestic": r"\bdomestic(?:ally)?\b|국내",
}
_SCOPE_PATTERNS = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in _SCOPES.items()}


def _scope(text: str) -> dict[str, str]:
    """The reaches ``text`` names, each with the words naming it ("세계" → world)."""
    return {name: m[0] for name, pattern in _SCOPE_PATTERNS.items() if (m := pattern.search(text))}


def _descriptions(atom: AtomicClaim, statement: str) -> list[tuple[int, int]]:
    """The spans describing another claim's name just before it, with the name ("미국의 AI 평가 기업 Scale AI"):
    words saying what that name is, not what the claim says (empty for a claim inside one)."""
    out = []
    for start, end in atom.others:
        if not atom.sentence[0] <= start < atom.sentence[1]:
            continue
        m = _DESCRIBED_BEFORE.search(statement, atom.sentence[0], start)
        if m and m.end() == start and not m.start() <= atom.start < end:
            out.append((m.start(), end))
    return out


def _without_values(atom: AtomicClaim, statement: str) -> str:
    """The claim's clause with its value and the other claims' values blanked out: what it says besides them."""
    clause = statement[: atom.clause[1]]
    for start, end in [*atom.others, (atom.start, atom.end)]:
        clause = clause[:start] + " " * (end - start) + clause[end:]
    return clause[atom.clause[0] :]


def _listed_beside(name: str, text: str, others: list[str]) -> bool:
    """Whether ``text`` lists ``name`` together with one of ``others`` ("Anthropic과 Google은"): one of the same
    list, not a rival of what the claim says of another."""
    return any(re.search(rf"{re.escape(a)}{_LIST_JOIN.pattern}{re.escape(b)}", text, re.IGNORECASE)
               for other in others for a, b in ((name, other), (other, name)))


_COMPANY_WORD = r"[^\s,.]*(?:기업|회사|업체|firm|company|startup)"
_COMPANY_OF_COUNTRY_AFTER = re.compile(
    r"\s*(?:는|은|,|\(|\s+is|\s+was)\s*(?:an?\s+|the\s+)?(?P<country>[^\s,.의-]+)(?:의|-based)?\s+(?:[^\s,.]+\s+){0,3}?"
    + _COMPANY_WORD, re.IGNORECASE)
_COMPANY_OF_COUNTRY_BEFORE = re.compile(
    r"(?:^|\s)(?:an?\s+)?(?P<country>[^\s,.의-]+)(?:의|-based)?\s+(?:[^\s,.]+\s+){0,3}?" + _COMPANY_WORD + r"\s*(?:인\s*)?$",
    re.IGNORECASE)


def _same_title(claimed: str, given: str, post: str) -> bool:
    """Whether a claimed Korean title is the one a documents' post gives: the same ("원장"), one it shortens ("단장"
    of "지원단장"), or one fused with the post's organisation ("인공지능안전연구소장" for "… 인공지능안전연구소
    소장"); acting on both sides or on neither."""
    if bool(re.search(r"대행$", claimed)) != bool(re.search(r"대행$", given)):
        return False  # acting on one side only
    claimed, given = (re.sub(r"(?:직무)?대행$", "", t) for t in (claimed, given))
    if given == claimed or given.endswith(claimed):
        return True
    return claimed.endswith(given) and claimed[: -len(given)] in re.sub(r"\s+", "", post)


def _speech(sentence: str) -> list[tuple[int, int]]:
    """Where a sentence quotes someone's words ("…"), or else reports them ("said that …", "…라고 말했다")."""
    quoted = [m.span(1) if m[1] else m.span(2) for m in _QUOTATION.finditer(sentence) if len(m[1] or m[2]) > 8]
    return quoted or [next(m.span(i) for i in (1, 2, 3) if m[i]) for m in _REPORTED.finditer(sentence)]


def _modified_noun_end(statement: str, atom: AtomicClaim) -> int:
    """Where what a Korean value describes ends: "35개국이 참여한 2024년 AI Seoul Summit의 후속 행사다" says 35 of the
    Summit ("참여한" modifies the noun phrase after it), not of the "후속 행사". The end of that noun phrase (its
    first particle) when the value's verb modifies a noun, else the end of the sentence."""
    end = atom.sentence[1]
    text = statement[atom.end : end]
    if not re.search(r"[가-힣]", text):
        return end
    with _kiwi_lock:
        tokens = kiwi().tokenize(text)
    modifier = next((i for i, t in enumerate(tokens) if t.tag == "ETM"), None)
    if modifier is None or any(t.tag in ("EC", "EF") for t in tokens[:modifier]):
        return end  # the value's own clause ends before any modifier
    particle = next((t for t in tokens[modifier + 1 :] if t.tag.startswith("J")), None)
    return atom.end + particle.start + particle.len if particle is not None else end


_EN_SUBORDINATE = re.compile(r"\s*(?:which|who|that|where|while|whereas|although|though|when)\s+(\w+)(?:\s+(\w+))?",
                             re.IGNORECASE)


def _copula_noun(atom: AtomicClaim, statement: str) -> bool:
    """Whether a Korean value ends its clause as the noun of the copula ("스케일AI가 미국 회사라", "…는 미국 기업이다")."""
    if not re.fullmatch(r"[가-힣]{1,4}", statement[atom.end : atom.clause[1]]):
        return False
    with _kiwi_lock:
        tags = [t.tag for t in kiwi().tokenize(statement[: atom.clause[1]].rsplit(None, 1)[-1])]
    return "VCP" in tags and tags[-1].startswith("E")


@lru_cache(maxsize=4096)
def _has_predicate(clause: str) -> bool:
    """Whether a Korean clause holds a verb or adjective ("200여 명이 몰렸고"), not only nouns and particles
    ("METR의 한 연구원은 발표에서"). English clauses are cut at every comma, too often inside a list: only one opening
    with a relative or subordinating word and a verb counts ("which brought together 30 countries")."""
    if not re.search(r"[가-힣]", clause):
        m = _EN_SUBORDINATE.match(clause)
        return bool(m) and any({"VERB", "AUX"} & set(getAllLemmas(w.lower())) for w in m.groups() if w)
    with _kiwi_lock:
        tokens = kiwi().tokenize(clause)
    return any(t.tag in ("VV", "VA", "XSV", "XSA") for t in tokens)


@lru_cache(maxsize=4096)
def _adnominal(word: str) -> bool:
    """Whether a Korean word ends in an adnominal ending ("주최한", "열린"): it describes the noun after it."""
    if not re.search(r"[가-힣]", word):
        return False
    with _kiwi_lock:
        tokens = kiwi().tokenize(word.strip(",.;:!?\"'“”’"))
    return bool(tokens) and tokens[-1].tag == "ETM"


_WORD = re.compile(r"[^\s…]+")  # a word of a statement ("개막…국내외": two, as in a headline)
# a past participle opening an English sentence ("Held …", "Organised by …", "Hosted …")
_PARTICIPLE_FIRST = re.compile(r"\s*(?:[A-Z][a-z]+ed|Held|Run|Led|Set|Built|Known|Begun)\b")
_PARTICLES = frozenset({"off", "up", "out", "down", "away", "back", "over"})  # of phrasal verbs ("kicked off")
# words for when a statement is written, not for when anything happened ("150 people at #SFASS today")
_WRITTEN_WHEN = frozenset({"today", "yesterday", "tonight", "now", "currently", "오늘", "어제", "금일", "현재"})
_KO_PARTICLE = re.compile(r"(?:께서|에게|은|는|이|가|의|을|를|과|와|께)$")  # a Korean noun's case particle


def _verb_form(word: str, term: str) -> bool:
    """Whether a word no document uses is a verb form, an adverb or a verb's particle ("delivered", "drew",
    "together", "off" of "kicked off", a Korean verb stem): how a claim says what happened varies from writer to
    writer, so such a word does not make the claim one about an unknown thing. A word that may be a noun
    ("gathering", "parking", "sponsor") is not one."""
    if word.isascii() or "’" in word:
        bare = re.sub(r"n[’']t$", "", word.strip(",.;:!?\"'“”’").lower())  # "didn't", "wasn’t": the verb
        if bare in _PARTICLES:
            return True
        lemmas = getAllLemmas(bare)
        return bool(lemmas) and set(lemmas) <= {"VERB", "AUX", "ADV"} and not bare.endswith("ing")
    return term in predicate_stems(word)


_WEEKDAY_WORD = re.compile(r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?")


def _names_nothing(word: str, term: str, df: Mapping[str, int]) -> bool:
    """Whether a word no document uses names no thing they could lack: a verb form (:func:`_verb_form`), another
    form of a verb the documents use ("was run" where they say "ran"), a word for the event as such ("the next
    edition"), a word of order or place ("after", "up"), a month or weekday written short ("Wed 29 Oct") or a word
    for when the statement is written ("today", "오늘")."""
    bare = word.strip(",.;:!?\"'“”’()").lower()
    return (_verb_form(word, term) or term in _EVENT_WORDS or bare in ORDER_AND_PLACE_WORDS or bare in MONTHS
            or _KO_PARTICLE.sub("", bare) in _WRITTEN_WHEN
            or bool(_WEEKDAY_WORD.fullmatch(bare)) or any(df[t] for form in _verb_forms(bare) for t in terms(form)))


@lru_cache(maxsize=4096)
def _verb_forms(word: str) -> frozenset[str]:
    """The other forms of the English verb a word may be ("run" → "ran", "runs", "running"); none for a word that
    is no verb."""
    lemmas = getAllLemmas(word).get("VERB", ()) if word.isascii() else ()
    return frozenset(form for lemma in lemmas for forms in getAllInflections(lemma, upos="VERB").values()
                     for form in forms if form != word)


def _same_time(claimed: list[str], offered: list[str]) -> bool | None:
    """Whether two times of day agree: by the hour where both give one (either reading of "3시"), else by the part
    of the day where both give one; None when they cannot be compared ("afternoon" against "3시"). A claimed span
    of hours ("9am–6pm") agrees only with the same span and is against a time outside it (or in another part of
    the day, "9am–11am" against "afternoon"); a time within it says nothing of it."""
    hours = [{v for v in values if ":" in v} for values in (claimed, offered)]
    parts = [{v for v in values if ":" not in v} for values in (claimed, offered)]
    if len(hours[0]) > 1:
        if hours[1]:
            inside = all(min(hours[0]) <= h <= max(hours[0]) for h in hours[1])
            return True if hours[1] == hours[0] else None if inside else False
        return False if len(parts[0]) == 1 and parts[1] and not parts[0] & parts[1] else None
    if all(hours):
        return bool(hours[0] & hours[1])
    if all(parts):
        return bool(parts[0] & parts[1])
    return None


def _finest(values: list[str]) -> list[str]:
    """A date's day (or month) without the year both sides may share: "28 October 2025" → 10-28."""
    finer = [v for v in values if not re.fullmatch(r"\d{4}", v)]
    return finer or values


def _comparable_dates(claimed: list[str], offered: list[str]) -> bool:
    """Whether two dates are of the same grain (a day against a day, a month against a month, a year alone
    against a year alone): "2024" says nothing against "28 October 2025"."""
    def grain(values: list[str]) -> int:
        return max(0 if re.fullmatch(r"\d{4}", v) else 1 if re.fullmatch(r"\d{4}-\d\d", v) else 2 for v in values)
    return grain(claimed) == grain(offered)
