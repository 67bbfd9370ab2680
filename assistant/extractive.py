"""The offline answerer: quotes the one to three passage sentences that answer the question, or refuses.

Answerability is decided from evidence: the question's asked-for slot (a date, a place, a named person, a person or
organization, a number, a quote, ...) must be filled by a passage sentence that also holds the question's
distinctive words (not just the event's name, which is in every passage).
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from index.models import Chunk, Lang
from index.text import bm25_tokens, detect_lang, split_sentences

from .injection import is_instruction
from .models import Draft
from .people import names_person
from .refusal import refusal_message
from .retrieval import translation_pairs
from .support import Facts, facts, name_in
from .vocabulary import (
    ARTICLES,
    LANGUAGE_WORDS,
    PREPOSITIONS,
    QUANTITY_WORDS,
    QUESTION_FRAME,
    REQUEST_WORDS,
)

if TYPE_CHECKING:
    from index.store import KnowledgeIndex

Slot = Literal["time", "money", "year", "date", "number", "person", "who", "room", "place", "quote", "define", "any"]

# Checked in this order: the first pattern that matches names the slot.
SLOT_PATTERNS: list[tuple[Slot, re.Pattern[str]]] = [
    (
        "time",
        re.compile(
            r"\bwhat time\b|\b(?:start|end|opening|closing) times?\b|o'clock|몇\s*시|시각", re.IGNORECASE
        ),
    ),
    (
        "money",
        re.compile(
            r"\bhow much\b|\bprices?\b|\bcosts?\b|\bfees?\b|얼마|가격|비용|요금|참가비", re.IGNORECASE
        ),
    ),
    ("year", re.compile(r"\b(?:what|which|in what) year\b|몇\s*년|어느\s*해|연도", re.IGNORECASE)),
    (
        "date",
        re.compile(
            r"\bwhen\b|\bwhat dates?\b|\b(?:which|what) days?\b|\bon which day|언제|며칠|날짜|몇\s*월|어느\s*날|무슨\s*요일",
            re.IGNORECASE,
        ),
    ),
    (
        "number",
        re.compile(
            r"\bhow many\b|\bnumber of\b|\bhow (?:large|big)\b|몇\s*(?:명|개|곳|국|개국)|몇\b|인원|규모",
            re.IGNORECASE,
        ),
    ),
    (
        "person",
        re.compile(
            r"\bwho (?:was|were|is|are) the (?:\w+\s+){0,2}(?:speakers?|presenters?|panell?ists?|moderators?|lecturers?)\b|"
            r"\bnames? of (?:the |a |that |this )?(?:\w+\s+){0,2}(?:speakers?|presenters?|panell?ists?|moderators?|persons?|people)\b|"
            r"\b(?:speaker|presenter)'?s'? names?\b|\bwho (?:spoke|presented) (?:for|from|on behalf of)\b|"
            r"(?:연사|발표자|강연자|패널|사회자)\S{0,2}\s*(?:이름|성함|누구)|누가\s*(?:발표|강연)",
            re.IGNORECASE,
        ),
    ),
    (
        "who",
        re.compile(
            r"^\s*(?:and\s+)?who\b|\bwho\b|\bwhom\b|\bwhose\b|\bwhich (?:organi[sz]ations?|compan(?:y|ies)|institutes?|agenc(?:y|ies)|groups?|people|persons?|speakers?|ministry|ministers?)\b|누구|누가|(?:기관|부처|곳|회사|기업|단체|매체|언론)\w{0,2}\s*(?:은|는|이|가)?\s*어디|어느\s*(?:기관|기업|회사|단체|부처)|어떤\s*(?:기관|기업|회사|단체|인물)",
            re.IGNORECASE,
        ),
    ),
    (
        "room",
        re.compile(
            r"\b(?:which|what) (?:room|hall|floor)\b|\broom\b|\bfloor\b|호실|몇\s*층|회의실|강당|홀에서",
            re.IGNORECASE,
        ),
    ),
    (
        "place",
        re.compile(
            r"\bwhere\b|\bvenue\b|\blocation\b|\bwhich (?:hotel|city|place)\b|어디|장소|위치|어느\s*(?:호텔|도시)",
            re.IGNORECASE,
        ),
    ),
    (
        "define",
        re.compile(
            r"^\s*what (?:is|are|was|does) (?:the )?(?!name\b)[\w&'-]+(?: [\w&'-]+){0,2}(?: stand for| mean)?\s*\??\s*$|"
            r"^\s*what (?:kind|sort|type) of \w+ is\b|"
            r"^\s*[\w&()'-]{1,30}(?:은|는|이란|란)\s*(?:무엇|뭐|어떤\s*\w+\s*인가요|어떤\s*\w+\s*이에요)",
            re.IGNORECASE,
        ),
    ),
    (
        "quote",
        re.compile(
            r"\bsaid\b|\bsay\b|\bquote|\bstatement|\bremarks?\b|\bwhat did .+ (?:stress|emphasi[sz]e|note|add|present|introduce|call)\b|뭐라고|무엇이라고|라고\s*(?:말|했)|발언|말했|밝혔|강조",
            re.IGNORECASE,
        ),
    ),
]

# Words that name the kind of value a slot asks for: added to the BM25 query so such sentences surface.
SLOT_HINTS: dict[str, str] = {
    "place": "venue location hotel 장소 위치 호텔",
    "date": "date dates 날짜 일정",
    "time": "time 시간",
    "money": "price fee cost 가격 비용",
    "number": "number 규모",
    "quote": "said 말했다 강조했다",
}
_VENUE = re.compile(
    r"\bvenue\b|\bhotel\b|\bheld (?:at|in)\b|\blocated\b|\btook place (?:at|in)\b|장소|호텔|개최지|위치",
    re.IGNORECASE,
)
_ROOM = re.compile(
    r"\b(?:room|hall|floor|lobby|level|wing|booth|foyer)\b|호실|\d+\s*층|(?:첫|두|세|네|다섯)?\s*번째\s*층|층에|회의실|강당|홀|로비",
    re.IGNORECASE,
)
_WHERE_ONLINE = re.compile(r"\bhomepage\b|\bwebsite\b|https?://|홈페이지|웹사이트", re.IGNORECASE)
_ORG = re.compile(
    r"\b(?:institute|ministry|office|university|company|committee|agency|organi[sz]ation|research|lab)\b|"
    r"연구원|연구소|기관|위원회|부\b|사무국|기업|대학|협회|재단|장관|소장|단장|원장|기자",
    re.IGNORECASE,
)
_QUOTE = re.compile(r"[\"“”「」]|‘[^’]{4,}’|'[^']{8,}'")
_TIME = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,2}\s*(?:a\.?m\.?|p\.?m\.?)|\d{1,2}\s*시", re.IGNORECASE)
_ABSENCE = re.compile(
    r"\bdo(?:es)? not (?:appear|cover|include|say|give|state|mention|contain|name|list|report|specify)|\bno information\b|\bnot (?:given|stated|mentioned|known|available)\b|"
    r"나와 있지 않|언급되지 않|정보가 없|담고 있지 않|다루지 않|알 수 없|등장하지 않|포함되어 있지 않|밝히지 않|밝혀지지 않",
    re.IGNORECASE,
)
_ASKS_ABSENCE = re.compile(
    r"\bnot (?:cover|include|say|mention)|\bdon't (?:cover|say)|\bmissing\b|않는|없는|빠진", re.IGNORECASE
)

# Words that shape a question but carry none of what is asked about.
_STOP = QUESTION_FRAME | ARTICLES | PREPOSITIONS | REQUEST_WORDS | QUANTITY_WORDS | {
    "whom", "whose", "and", "or", "i", "we", "any", "there", "this", "that", "these", "those", "it", "its",
    "be", "been", "being", "have", "has", "had", "held", "hold", "happen", "happened", "take", "took",
    "place", "occur", "occurred", "get", "know", "number", "kind", "type", "list", "give", "show", "find",
    "say", "said", "mention", "mentioned", "describe", "explain", "also", "other", "some", "all", "main",
    "come", "came", "go", "went", "make", "want", "like", "need", "use", "include", "hangul", "call",
    "called",
} | {
    "무엇", "뭐", "뭔가", "누구", "누가", "언제", "어디", "어떤", "어느", "몇", "얼마", "왜", "어떻게", "무슨", "것", "수", "등", "하",
    "되", "있", "없", "이", "그", "저", "알리", "말하", "주", "나", "들", "때", "곳", "거", "열리", "진행", "개최", "알", "궁금",
    "대하", "관하", "관련", "내용", "경우", "정도", "좀", "요", "나요", "인가", "습니까",
}
# "Long Form Name (ACRONYM)": the long form's words mean the same as the acronym
_ALIAS = re.compile(
    r"(?P<long>(?:[A-Z0-9][\w&'-]*\s+(?:(?:on|of|for|and|&)\s+)?){2,9}|(?:[0-9가-힣]+\s+){1,5}[가-힣]+)\s*"
    r"\((?P<short>[A-Z][A-Za-z0-9]{1,9})\)"
)
TOPIC_SHARE = 0.2  # a term in this share of all passages is a topic word (the event's name), not a key word
MIN_COVERAGE = 0.5  # share (idf-weighted) of the question's key words a sentence must hold
MIN_COVERAGE_WITH_NAMES = 0.4  # ... when the sentence holds every name the question asks about
MAX_SENTENCES = 3


def detect_slot(question: str) -> Slot:
    """What kind of value the question asks for."""
    for slot, pattern in SLOT_PATTERNS:
        if pattern.search(question):
            return slot
    return "any"


def stem(token: str) -> str:
    """A crude English stem (suffix stripped, six letters) so 'attended' meets 'attendance'; Korean as is."""
    if not token.isascii() or not token.isalpha():
        return token
    for suffix in (
        "ations",
        "ation",
        "ances",
        "ance",
        "ences",
        "ence",
        "ings",
        "ing",
        "ers",
        "er",
        "ed",
        "es",
        "s",
        "ly",
    ):
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            token = token[: -len(suffix)]
            break
    return token[:6]


@lru_cache(maxsize=8192)
def terms(text: str) -> frozenset[str]:
    """The stemmed BM25 terms of ``text`` (hyphenated words also as their parts)."""
    tokens = [p for t in bm25_tokens(text) for p in t.split("-") if p]
    if detect_lang(text) == "en":  # Korean names quoted in English text: Kiwi splits them out of context
        tokens += re.findall(r"[가-힣]{2,}", text)
    return frozenset(stem(t) for t in tokens)


@lru_cache(maxsize=4096)
def _sentences(text: str, lang: str) -> tuple[str, ...]:
    return tuple(text[s:e] for s, e in split_sentences(text, lang))


def says_absent(sentence: str) -> bool:
    """Whether a passage sentence says the documents lack some information."""
    return bool(_ABSENCE.search(sentence))


def slot_hint(question: str) -> str:
    """Words naming the kind of value the question asks for (for the keyword search)."""
    return SLOT_HINTS.get(detect_slot(question), "")


def fills_slot(sentence: str, slot: Slot, question: str) -> float:
    """How well ``sentence`` holds a value of the asked-for kind that the question does not already give
    (0: not at all; 1: a value of that kind; 2: a value plainly of that kind, e.g. a venue for "where")."""
    if slot == "any":
        return 1.0
    have, asked = facts(sentence), facts(question)
    if slot == "date":
        new_dates = set(have.dates) - set(asked.dates)
        return 2.0 if len(new_dates) > 1 else float(bool(new_dates or set(have.years) - set(asked.years)))
    if slot == "year":
        return bool(set(have.years) - set(asked.years))
    if slot == "number":
        return bool(set(have.numbers) - set(asked.numbers))
    if slot == "money":
        return bool(have.money)
    if slot == "time":
        return bool(_TIME.search(sentence))
    if slot == "room":
        return bool(_ROOM.search(sentence))
    if slot == "quote":
        return bool(_QUOTE.search(sentence))
    if slot == "define":  # a sentence that spells out the asked name, e.g. "Full Name (ACRONYM)"
        subject = re.split(r"(?<=[은는])\s|\s(?:is|was|are|were)\s", sentence, maxsplit=1)[0]
        return 2.0 if any(n.lower() in subject.lower() for n in asked.names) else 1.0
    if slot == "person":  # a named person, tied to every name the question gives (e.g. the organization asked about)
        return 2.0 if names_person(sentence) and all(_mentions(sentence, n) for n in asked.names) else 0.0
    new_names = [n for n in have.names if n.lower() not in question.lower()]
    if slot == "place":
        if _VENUE.search(sentence) or _ROOM.search(sentence):  # a venue, or a place inside one ("on the second floor")
            return 2.0
        online = _WHERE_ONLINE.search(sentence) and re.search(
            r"video|material|자료|영상|site|사이트", question, re.IGNORECASE
        )
        return (
            2.0
            if online
            else float(bool(_WHERE_ONLINE.search(sentence) or re.search(r"\b(?:in|at)\s+[A-Z]", sentence)))
        )
    if new_names:  # who: more names answer "which organizations" better
        return 1.0 + min(len(new_names), 6) / 3
    return float(bool(_ORG.search(sentence)))


def _mentions(sentence: str, name: str) -> bool:
    """Whether ``sentence`` names ``name``: as written for a Latin-script name ("AI Safety Institute", not
    "AI safety institutes"), spacing-insensitive for a Korean one."""
    if name.isascii():
        return bool(re.search(rf"(?<![A-Za-z]){re.escape(name)}(?![a-z])", sentence))
    return name_in(name, sentence)


@dataclass
class Candidate:
    """One passage sentence considered as an answer."""

    sentence: str
    passage: int
    coverage: float
    own_match: bool
    fills: float
    absence: bool

    names_matched: bool = False

    @property
    def qualifies(self) -> bool:
        threshold = MIN_COVERAGE_WITH_NAMES if self.names_matched else MIN_COVERAGE
        return self.coverage >= threshold - 1e-9 and self.own_match and (self.fills > 0 or self.absence)


class ExtractiveAnswerer:
    """Quotes passage sentences that fill the question's slot and hold its key words; refuses otherwise."""

    name = "extractive"

    def __init__(self, index: KnowledgeIndex):
        self.index = index
        self._df: Counter[str] | None = None
        self._n = 0
        self._kinds: list[str] = []
        self._topic: set[str] = set()
        self._translated: set[str] = set()
        self._pairs: dict[str, set[str]] = {}
        self._chunks: dict[str, Chunk] = {}
        self._lock = threading.Lock()

    def refresh(self) -> None:
        """Recount term statistics (after the documents changed)."""
        self._df = None

    def _stats(self) -> Counter[str]:
        with self._lock:
            return self._count()

    def _count(self) -> Counter[str]:
        if self._df is None:
            chunks = self.index.chunks()
            df: Counter[str] = Counter()
            for chunk in chunks:
                df.update(terms(chunk.text))
            self._df, self._n = df, max(len(chunks), 1)
            self._topic = self._topic_terms(chunks, df)
            self._kinds = sorted({info.kind for info in self.index.documents()})
            self._pairs = translation_pairs(self.index)
            self._translated = set(self._pairs)
            self._chunks = {chunk.chunk_id: chunk for chunk in chunks}
        return self._df

    def _topic_terms(self, chunks: list[Chunk], df: Counter[str]) -> set[str]:
        """Terms in many passages, plus the words of the long forms of such terms ("Seoul Forum ... (SFASS)")."""
        topic = {t for t, n in df.items() if n / self._n >= TOPIC_SHARE}
        for chunk in chunks:
            for m in _ALIAS.finditer(chunk.text):
                if stem(m["short"].lower()) in topic:
                    topic |= terms(m["long"]) - set(terms(m["short"]))
        return topic

    def key_terms(self, question: str) -> dict[str, float]:
        """The question's distinctive terms with idf weights (topic and question words removed)."""
        df = self._stats()
        out = {}
        for term in terms(question):
            if term in _STOP or stem(term) in _STOP or len(term) < 2 and not term.isdigit():
                continue
            if term in self._topic:
                continue
            weight = math.log(1 + self._n / (df[term] + 1))
            out[term] = weight if df[term] else weight / 3  # a word no passage uses may just be a paraphrase
        return out

    def unknown_terms(self, text: str) -> list[str]:
        """Key terms of ``text`` that no passage uses."""
        df = self._stats()
        return [t for t in self.key_terms(text) if not df[t]]

    def unknown_names(self, question: str) -> list[str]:
        """Latin-script names in the question that no passage mentions (e.g. a company the documents never name)."""
        df = self._stats()
        return [
            n
            for n in facts(question).names
            if n.isascii()
            and n.lower() not in LANGUAGE_WORDS
            and any(stem(w.lower()) not in df for w in re.findall(r"[A-Za-z]{2,}", n))
        ]

    def candidates(self, question: str, passages: list[Chunk], lang: Lang | None) -> list[Candidate]:
        """Score every sentence of the passages (in ``lang`` when given) against the question."""
        keys = self.key_terms(question)
        slot = detect_slot(question)
        total = sum(keys.values())
        absence_counts = not _ASKS_ABSENCE.search(
            question
        )  # "what do the documents not cover?" is answerable
        asked_names = facts(question).names + (
            re.findall(r"[가-힣]{2,}", question) if detect_lang(question) == "en" else []
        )
        names = [terms(n) for n in asked_names]
        names = [n for n in names if n and not n <= self._topic]
        out = []
        for i, chunk in enumerate(passages):
            if lang and chunk.lang != lang:
                continue
            heading = terms(chunk.heading) if chunk.heading else frozenset()
            parallel = self.parallel_terms(chunk)
            for sentence in _sentences(chunk.text, chunk.lang):
                if sentence.lstrip().startswith("#") or is_instruction(sentence) or len(sentence) < 8:
                    continue
                own = terms(sentence)
                if parallel and len(_sentences(chunk.text, chunk.lang)) == 1:
                    own = own | parallel
                matched = sum(w for t, w in keys.items() if t in own)
                in_heading = sum(w for t, w in keys.items() if t not in own and t in heading)
                coverage = (matched + 0.5 * in_heading) / total if total else 1.0
                out.append(
                    Candidate(
                        sentence=sentence.strip(),
                        passage=i,
                        coverage=coverage,
                        own_match=matched > 0 or not total or (i < 3 and in_heading > 0 and slot != "any"),
                        fills=fills_slot(sentence, slot, question),
                        absence=absence_counts and says_absent(sentence),
                        names_matched=bool(names) and all(n <= own for n in names),
                    )
                )
        if not total:  # nothing distinctive asked: the best-ranked passages, or a plain filler of the slot
            out = [c for c in out if c.passage < 3 or (slot != "any" and c.fills >= 2)]
        # a passage saying the documents lack the asked thing beats one that is merely about the same subject
        out.sort(
            key=lambda c: (c.qualifies, round(c.coverage, 1), c.absence, c.fills, c.coverage, -c.passage),
            reverse=True,
        )
        return out

    def parallel_terms(self, chunk: Chunk) -> frozenset[str]:
        """Terms of the same passage in the document's translation: the chunk with the same position in a
        translation that states the same dates and numbers (documents translated line by line)."""
        number = chunk.chunk_id.rpartition("#")[2]
        mine = facts(chunk.text)
        for other in self._pairs.get(chunk.doc_id, ()):
            twin = self._chunks.get(f"{other}#{number}")
            if twin is None:
                continue
            if _key_values(facts(twin.text)) == _key_values(mine):
                return terms(twin.text)
        return frozenset()

    def foreign_candidates(self, question: str, passages: list[Chunk], language: Lang) -> list[Candidate]:
        """Sentences of documents that exist only in the other language: their words cannot match the question's,
        so one qualifies when its passage is among the two best retrieved (multilingual embeddings) and fills
        the asked slot."""
        slot = detect_slot(question)
        if slot == "any":
            return []
        out = []
        for i, chunk in enumerate(passages[:2]):
            if chunk.lang == language or chunk.doc_id in self._translated:
                continue
            for sentence in _sentences(chunk.text, chunk.lang):
                fills = fills_slot(sentence, slot, question)
                if fills and not says_absent(sentence) and not is_instruction(sentence):
                    out.append(
                        Candidate(
                            sentence=sentence.strip(),
                            passage=i,
                            coverage=1.0,
                            own_match=True,
                            fills=fills,
                            absence=False,
                        )
                    )
        return sorted(out, key=lambda c: (c.fills, -c.passage), reverse=True)[:1]

    def answer(self, question: str, language: Lang, passages: list[Chunk]) -> Draft:
        """Quote the best-supported sentences with ``[k]`` markers, or refuse."""
        self._stats()
        if not question.strip() or self.unknown_names(question):
            return self.refuse(language)
        chosen = [c for c in self.candidates(question, passages, language) if c.qualifies]
        foreign = False
        if not chosen:
            chosen = self.foreign_candidates(question, passages, language)
            foreign = bool(chosen)
        if not chosen:
            return self.refuse(language)
        best = chosen[0]
        if best.absence:
            return self.refuse(language, passages[best.passage])
        picked = [best]
        for c in chosen[1:] if _asks_for_several(question) else []:
            if len(picked) == MAX_SENTENCES:
                break
            if c.absence or c.coverage < best.coverage - 1e-6 or not c.fills:
                continue
            if _adds_nothing(c.sentence, [p.sentence for p in picked]):
                continue
            picked.append(c)
        return self._draft(picked, passages, language, foreign)

    def _draft(self, picked: list[Candidate], passages: list[Chunk], language: Lang, foreign: bool) -> Draft:
        used: list[Chunk] = []
        parts = []
        for c in picked:
            chunk = passages[c.passage]
            if chunk not in used:
                used.append(chunk)
            marker = f"[{used.index(chunk) + 1}]"
            if foreign:
                intro = (
                    "Only a Korean document covers this; it says:"
                    if chunk.lang == "ko"
                    else "이 내용은 영어 문서에만 있습니다:"
                )
                parts.append(f"{intro} “{c.sentence}” {marker}")
            else:
                parts.append(_cite(c.sentence, marker))
        return Draft(text=" ".join(parts), passages=used)

    def refuse(self, language: Lang, evidence: Chunk | None = None) -> Draft:
        """A refusal; ``evidence`` is a passage saying the documents lack this, cited when given."""
        kinds = self._kinds or None
        message = refusal_message(language, kinds) if kinds else refusal_message(language)
        if evidence is None:
            return Draft(text=message, passages=[], refused=True)
        head, rest = re.match(r"(.+?[.!?])\s*(.*)", message, re.DOTALL).groups()
        return Draft(text=f"{_cite(head, '[1]')} {rest}".strip(), passages=[evidence], refused=True)

    def stream(self, question: str, language: Lang, passages: list[Chunk]) -> Iterator[str | Draft]:
        """The answer sentence by sentence, then the ``Draft``."""
        draft = self.answer(question, language, passages)
        for piece in re.split(r"(?<=[\].!?])\s+", draft.text):
            yield piece + " "
        yield draft


def _key_values(f: Facts) -> tuple[set[str], set[str], set[str]]:
    """Dates, years and numbers of ten or more: what a faithful translation keeps ("two days" may become "이틀")."""
    return set(f.dates), set(f.years), {n for n in f.numbers if float(n) >= 10}


def _cite(sentence: str, marker: str) -> str:
    """Put the marker inside the sentence, before its final full stop ("... in Seoul [1].")."""
    m = re.search(r"[.!?。]$", sentence)
    if m and not re.search(r"[\"”’']\s*[.!?。]$", sentence):
        return f"{sentence[:-1]} {marker}{sentence[-1]}"
    return f"{sentence} {marker}"


_SEVERAL = re.compile(
    r"\b(?:which|what)\s+(?:\w+\s+)?\w+s\b|\blist\b|\ball\b|\bsessions\b|\bspeakers\b|"
    r"어떤|어느\s*기관|들[은는이이을를]?\b|무엇무엇|모두",
    re.IGNORECASE,
)


def _asks_for_several(question: str) -> bool:
    """Whether the question asks for a list (then up to three sentences may answer it)."""
    return detect_slot(question) in ("any", "who") and bool(_SEVERAL.search(question))


def _adds_nothing(sentence: str, picked: list[str]) -> bool:
    """Whether every fact of ``sentence`` is already in the picked sentences (or it has no facts and shares their words)."""
    new = facts(sentence)
    known = [facts(p) for p in picked]
    values = lambda f: {*f.dates, *f.years, *f.numbers, *(n.lower() for n in f.names)}
    have = set().union(*(values(f) for f in known))
    if values(new):
        return values(new) <= have
    return any(len(terms(sentence) & terms(p)) / max(1, len(terms(sentence))) > 0.6 for p in picked)
