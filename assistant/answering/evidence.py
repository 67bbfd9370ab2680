"""Sentence evidence: every sentence of the retrieved passages, described by a few general features and scored by
a logistic model fitted on the tuning questions (``python -m assistant fit``), never by phrasing rules.

Features of a sentence for a question: dense similarity (sentence vectors made at build time) and its rank among the
candidates, the idf-weighted share of the question's key terms it (or its passage) holds, whether it holds a value
of the asked type, the rank of its passage, the question's words no document uses, whether it says the documents
lack something, its language and length, and how much of it is about the day the question names. The answerability
model also sees how close in meaning the best sentence is to the question's words it does not hold.
"""

from __future__ import annotations

import bisect
import difflib
import json
import math
import re
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from lemminflect import getAllLemmas
from pydantic import BaseModel

from index.models import Chunk, Lang
from index.splitter import analysed_text
from index.text import _kiwi_lock, bm25_tokens, detect_lang, kiwi

from ..checking.facts import MONTHS, WORD_NUMBERS, calendar_day, dates_of, facts
from ..question.answer_type import (
    ATTENDING,
    COUNTED_PEOPLE,
    SLOT_WORDS,
    Form,
    Slot,
    asks_what_is_missing,
    day_ordinals,
    day_words,
    detect_slot,
    fills_slot,
    numbered_entries,
    other_slots,
    question_form,
    says_absent,
    weekdays_named,
)
from ..question.countries import country_of
from ..question.injection import is_instruction
from ..question.romanized import (
    Phrases,
    hangul_loan_skeleton,
    korean_name,
    latin_index,
    latin_loan_skeletons,
    latin_name,
    loan_skeleton_index,
    loanword_candidates,
    name_index,
    phrase_index,
    translated_phrase,
    with_korean_names,
)
from ..question.vocabulary import (
    CHAT_ACRONYMS,
    CHAT_SHORTHAND,
    DAY_WORDS,
    EVENT_GLOSSARY,
    EVENT_NOUNS,
    FRAME_VERB_FORMS,
    KEY_TERM_STOPWORDS,
    KOREAN_SURNAMES,
    LANGUAGE_WORDS,
    PHRASAL_VERBS,
    SUMMARY_WORDS,
)
from ..retrieval import translation_pairs
from .citations import section_of
from .saved_stats import SavedStats

if TYPE_CHECKING:
    from index.store import KnowledgeIndex

MODEL_PATH = Path(__file__).with_name("evidence_model.json")
FEATURES = (
    "dense",
    "dense_gap",
    "dense_rank",
    "coverage",
    "coverage_gap",
    "passage_coverage",
    "fills",
    "unfilled",
    "rank",
    "unknown",
    "no_keys",
    "absence",
    "same_lang",
    "day_match",
    "day_mismatch",
    "length",
)
# What the answerability model sees of a question and its best evidence.
QUESTION_FEATURES = (
    "best_p",
    "second_p",
    "best_dense",
    "best_coverage",
    "top_coverage",
    "top_fills",
    "top_same_lang",
    "top_context",
    "top_missing",
    "unknown",
    "no_keys",
    "asked",
    "several",
    "top_rest",
)
TOPIC_SHARE = 0.2  # a term in this share of all passages is a topic word (the event's name), not a key word
RUNNING_DAY_PARAGRAPHS = 3  # how many paragraphs after one naming a day of the event are still about that day
MAX_QUESTION_LINE = 200  # a FAQ's question written as a line of its own is no longer than this
PREDICATE_WEIGHT = 0.3  # a Korean verb or adjective stem counts this much of a noun or name
_HEADING_SLOTS = ("time", "room")  # what a programme's headings give of the entries under them
# "Long Form Name (ACRONYM)": the long form's words mean the same as the acronym
_ALIAS_END = re.compile(r"\([A-Z][A-Za-z0-9]{1,9}\)")  # what every alias ends with: a quick look first
_ALIAS = re.compile(
    r"(?P<long>(?:[A-Z0-9][\w&'-]*\s+(?:(?:on|of|for|and|&)\s+)?){2,9}|(?:[0-9가-힣]+\s+){1,5}[가-힣]+)\s*"
    r"\((?P<short>[A-Z][A-Za-z0-9]{1,9})\)"
)
_ENGLISH_WORD = re.compile(r"[A-Za-z][a-z]{3,}")
_TYPED_WORD = re.compile(r"[A-Za-z][a-z]{2,}")  # a word of a question that may be misspelt ("teh")
# A shorthand word standing alone (lower case, not part of "U.S." or a hyphenated name).
_REWRITES = {**CHAT_SHORTHAND, **PHRASAL_VERBS}  # what is typed → the word(s) the documents use for it
_SHORTHAND = re.compile(r"(?<![\w.'’-])(?:" + "|".join(sorted(_REWRITES, key=len, reverse=True))
                        + r")(?![\w.'’-])")
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")  # a year written in digits
# a person's name (two to four capitalised words, perhaps with its Hangul spelling in brackets) and the organisation
# said to be theirs: "Yoo Hyun-suk (유현석) from KOCCA", "Kim Myung-joo of ETRI"
_PERSON_FROM = re.compile(r"(?P<person>[A-Z][a-z]+(?:[ -][A-Za-z][a-z]+){1,3})\s*(?:\([^)]*\)\s*)?"
                          r"(?:from|of|at|with)\s+(?:the\s+)?(?P<org>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)")
# Years named relative to now, as their offset from the event's year ("내년에도 해?" → the year after the event's)
_RELATIVE_YEARS = (
    (re.compile(r"\bnext\s+(?:year|yr)\b", re.IGNORECASE), 1, ""),
    (re.compile(r"내년|다음\s*해|이듬해"), 1, "년"),
    (re.compile(r"\blast\s+(?:year|yr)\b", re.IGNORECASE), -1, ""),
    (re.compile(r"작년|지난\s*해"), -1, "년"),
)
_THIS_YEAR_EN = re.compile(r"\bthis\s+year\b", re.IGNORECASE)
_THIS_YEAR = ((re.compile(r"올해|금년"), 0, "년"), (_THIS_YEAR_EN, 0, ""))
# a Korean word quoted in English text; Hangul right after a Latin letter or digit is a particle ("SFASS에는")
_QUOTED_HANGUL = re.compile(r"(?<![A-Za-z0-9])[가-힣]{2,}")


class Logistic(BaseModel):
    """A fitted logistic regression over standardised, named features."""

    features: list[str]
    mean: list[float]
    scale: list[float]
    weights: list[float]
    bias: float

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        if not len(rows):
            return np.zeros(0)
        z = (np.asarray(rows, dtype=float) - np.asarray(self.mean)) / np.asarray(self.scale)
        return 1.0 / (1.0 + np.exp(-(z @ np.asarray(self.weights) + self.bias)))


class EvidenceModel(BaseModel):
    """The fitted scorer: a sentence model (does this sentence answer the question?), a question model (do the
    documents answer it at all, given its best evidence?) and the thresholds that turn them into an answer."""

    sentence: Logistic
    question: Logistic
    answer_threshold: float  # on the question model
    more_threshold: float  # further sentences of a one-fact answer
    list_threshold: float  # further sentences of a list or agenda answer
    keep_ratio: float  # further sentences must reach this share of the best one's probability
    max_sentences: int = 2
    max_list: int = 8
    fitted_on: str = ""

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        """Per sentence: the probability that it answers the question."""
        return self.sentence.probabilities(rows)

    def answerable(self, q: Question, usable: list[Evidence]) -> float:
        """The probability that the documents answer ``q``, from its best evidence (sorted by ``p``)."""
        return float(self.question.probabilities(np.array([question_row(q, usable)]))[0])

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> EvidenceModel:
        model = cls.model_validate_json(path.read_text(encoding="utf-8"))
        if tuple(model.sentence.features) != FEATURES or tuple(model.question.features) != QUESTION_FEATURES:
            raise ValueError(f"{path} was fitted on other features; run `python -m assistant fit`")
        return model


def question_row(q: Question, usable: list[Evidence]) -> list[float]:
    """The answerability features of ``q`` given its usable evidence, best first."""
    if not usable:
        return [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, q.unknown, float(not q.total),
                float(q.slot != "any"), float(q.form != "fact"), 0.0]
    top = usable[0]
    return [
        top.p,
        usable[1].p if len(usable) > 1 else 0.0,
        max(e.values["dense"] for e in usable),
        max(e.values["coverage"] for e in usable),
        top.values["coverage"],
        top.fills,
        top.values["same_lang"],
        top.values["passage_coverage"],
        top.values["missing"],
        q.unknown,
        float(not q.total),
        float(q.slot != "any"),
        float(q.form != "fact"),
        rest(q, top),
    ]


@lru_cache(maxsize=4096)
def years_named(text: str, event_year: int | None) -> frozenset[str]:
    """The years ``text`` speaks of, those named relative to now ("지난해", "this year") counted from
    ``event_year``."""
    if event_year is not None and re.search(r"[년해]|year", text, re.IGNORECASE):
        for pattern, offset, suffix in (*_RELATIVE_YEARS, *_THIS_YEAR):
            text = pattern.sub(f"{event_year + offset}{suffix}", text)
    return frozenset(facts(text).years)


def rest(q: Question, e: Evidence) -> float:
    """How close in meaning ``e`` is to what of the question it does not literally hold (computed once, on demand):
    a sentence about the right subject that lacks the asked attribute ("married", "address") is far from it."""
    if "rest" not in e.values:
        e.values["rest"] = q.meaning_gap(e) if q.meaning_gap else 1.0
    return e.values["rest"]


@lru_cache(maxsize=1 << 16)
@lru_cache(maxsize=8192)
def only_adverb(word: str) -> bool:
    """A word that is only ever an adverb ("officially", "Meanwhile", "Reportedly"): never a name nor a noun."""
    return set(getAllLemmas(word.lower())) == {"ADV"}


def stem(token: str) -> str:
    """A crude English stem (suffix stripped, six letters) so 'attended' meets 'attendance'; Korean as is."""
    if not token.isascii() or not token.isalpha():
        return token
    for suffix in ("ations", "ation", "ances", "ance", "ences", "ence", "ings", "ing", "ers", "er", "ed", "es", "s",
                   "ly"):
        if suffix == "es" and not token.endswith(("ses", "xes", "zes", "ches", "shes")):
            continue  # "drones" is "drone" with an "s", as "buses" is "bus" with "es"
        if suffix == "ly" and not only_adverb(token):
            continue  # "officially", not "reply", "family" or "assembly"
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            token = token[: -len(suffix)]
            break
    return token[:6]


@lru_cache(maxsize=4096)
def _morphemes(text: str) -> tuple:
    """Kiwi's analysis of ``text`` (none without Hangul), once per text for what the key terms read of it."""
    if not re.search(r"[가-힣]", text):
        return ()
    with _kiwi_lock:
        return tuple(kiwi().tokenize(text))


@lru_cache(maxsize=4096)
def predicate_stems(text: str) -> frozenset[str]:
    """Korean verb and adjective stems of ``text``: the words people paraphrase most ("왔어" for "참여했다")."""
    return frozenset(t.form for t in _morphemes(text) if t.tag in ("VV", "VA"))


@lru_cache(maxsize=16384)
def terms(text: str, quoted_korean: bool = True) -> frozenset[str]:
    """The stemmed BM25 terms of ``text`` (hyphenated words also as their parts); with ``quoted_korean``, the
    Hangul words of an English text also as written (Kiwi splits names quoted in English out of context)."""
    return terms_of(bm25_tokens(text), text, quoted_korean)


def terms_of(tokens: list[str], text: str, quoted_korean: bool = True) -> frozenset[str]:
    """:func:`terms` of ``text`` from its :func:`bm25_tokens` (worked out once, e.g. stored with the index)."""
    parts = [p for t in tokens for p in t.split("-") if p]
    if quoted_korean and (quoted := _QUOTED_HANGUL.findall(text)) and detect_lang(text) == "en" \
            and not predicate_stems(text):  # (a Korean sentence around a long English name is no quote)
        parts += quoted
    return frozenset(stem(t) for t in parts)


# The verbs a question is framed with, in every form ("who gives the keynote", "what was shown"): no more what it
# asks about than "give" itself ("find" is left out: "found" also means to set something up)
_STOP_STEMS = frozenset(stem(w) for w in KEY_TERM_STOPWORDS | FRAME_VERB_FORMS)


@dataclass
class Question:
    """What the scorer needs to know about a question."""

    text: str
    keys: dict[str, float]
    slot: Slot
    form: Form
    days: set[int]
    unknown: float  # share of the key terms' weight that no document uses
    absence_counts: bool  # a sentence saying the documents lack something may answer it ("what is not covered?")
    meaning_gap: Callable[[Evidence], float] | None = None  # see ``rest``
    also: tuple[Slot, ...] = ()  # the other kinds of value its question words ask for ("when and where")
    years: frozenset[str] = frozenset()  # the years it asks about ("올해" as the documents' year)
    event_year: int | None = None  # the year the documents speak of most, for the years sentences name
    # a name the question writes in Latin letters with its Hangul spelling after it ("Kang Tae-min (강태민)"): the
    # key terms of the one, and the other
    spellings: tuple[tuple[frozenset[str], str], ...] = ()

    @property
    def total(self) -> float:
        return sum(self.keys.values())


@dataclass
class Evidence:
    """One candidate sentence with its features and (once scored) its probability of answering."""

    sentence: str
    passage: int
    chunk: Chunk
    vector: np.ndarray
    values: dict[str, float] = field(default_factory=dict)
    p: float = 0.0
    days: set[int] = field(default_factory=set)  # the days of the event it is about
    columns: str = ""  # for a table's row: the table's header row, which names what each of its cells is
    slot_in_heading: bool = False  # the time or room asked for is its heading's, which the answer quotes with it

    @property
    def absence(self) -> bool:
        return bool(self.values.get("absence"))

    @property
    def fills(self) -> float:
        return self.values.get("fills", 0.0)

    def row(self) -> list[float]:
        return [self.values[f] for f in FEATURES]


class CorpusStats:
    """Term statistics and vocabulary of the current documents (recounted when they change)."""

    COUNTED = ("n", "df", "topic", "words", "day_dates", "event_year", "years", "chunk_days",
               "chunk_asked")  # what counting gives
    # the name tables a question reads, worked out from every passage on first use: saved with what counting gives
    # (0.5 s of the first question at 10,000 passages)
    NAMES = ("hangul_runs", "romanised_people", "korean_names", "latin_phrases", "latin_names")

    def __init__(self, chunks: list[Chunk], pairs: dict[str, set[str]], langs: dict[str, Lang],
                 tokens: dict[str, list[str]] | None = None, counted: dict | None = None):
        """``tokens``: each chunk's morphemes of its :func:`analysed_text`, as the index stores them (any chunk
        missing from it is analysed here); ``counted``: :meth:`counted` of the same chunks, saved before."""
        self.pairs = pairs
        self.langs = langs
        self.by_id = {c.chunk_id: c for c in chunks}
        self._hangul: dict[int, list[tuple[str, str]]] | None = None
        if counted is not None:
            self.__dict__.update({name: counted[name] for name in self.COUNTED + self.NAMES})
            return
        self.n = max(len(chunks), 1)
        self.df: Counter[str] = Counter()
        tokens = tokens or {}
        for chunk in chunks:
            text = analysed_text(chunk)
            known = tokens.get(chunk.chunk_id)
            self.df.update(terms(text) if known is None else terms_of(known, text))
        self.topic = {t for t, n in self.df.items() if n / self.n >= TOPIC_SHARE}
        aliases = dict.fromkeys((m["short"], m["long"]) for chunk in chunks if _ALIAS_END.search(chunk.text)
                                for m in _ALIAS.finditer(chunk.text))  # each once, in the order found
        for short, long in aliases:
            if stem(short.lower()) in self.topic:
                self.topic |= terms(long) - set(terms(short))
        # the event's Korean short name, made of the first syllables of its name's words ("보게페" of "보드게임 창작
        # 페스티벌"): a name of the event, as its words are
        named = [t for t in self.topic if re.fullmatch(r"[가-힣]{2,}", t)]
        self.topic |= {t for t in self.df if re.fullmatch(r"[가-힣]{3,5}", t) and _initials_of(t, named)}
        self.words = {w.lower() for c in chunks for w in _ENGLISH_WORD.findall(f"{c.heading} {c.text}")}
        self.words |= {w for w in KEY_TERM_STOPWORDS if w.isascii()} | DAY_WORDS
        self.day_dates = _day_dates(chunks)
        years = Counter(y for c in chunks for y in YEAR.findall(c.text))
        self.event_year = int(years.most_common(1)[0][0]) if years else None  # the year the documents speak of most
        self.years = set(years)  # every year a passage names, also relative to the documents' own ("지난해")
        if self.event_year is not None:
            self.years |= {str(self.event_year + offset) for pattern, offset, _ in (*_RELATIVE_YEARS, *_THIS_YEAR)
                           if any(pattern.search(c.text) for c in chunks)}
        self.chunk_days = _running_days(chunks)
        self.chunk_asked = _answered_questions(chunks)

    def counted(self) -> dict:
        """What counting gave and the name tables, to be saved and passed back as ``counted`` (see
        :mod:`.saved_stats`)."""
        return {name: getattr(self, name) for name in self.COUNTED + self.NAMES}

    def korean_neighbour(self, word: str) -> str | None:
        """The one document term of the same length whose letters (jamo) differ from ``word``'s by one edit."""
        if self._hangul is None:
            self._hangul = {}
            for term in self.df:
                if re.fullmatch(r"[가-힣]{2,}", term):
                    self._hangul.setdefault(len(term), []).append((term, _jamo(term)))
        target = _jamo(word)
        close = _one_edit if len(word) >= 3 else _shift_slip  # short words: only a slip of the shift key
        found = [t for t, j in self._hangul.get(len(word), []) if close(target, j)]
        return found[0] if len(found) == 1 else None

    def spaced(self, word: str) -> str | None:
        """A Korean compound written without its spaces, as the documents' words it is made of ("메이커나이트마켓" →
        "메이커 나이트 마켓"): each of two syllables or more, the fewest that make it up; ``None`` when there are none."""
        if len(word) < 4 or not re.fullmatch(r"[가-힣]+", word) or all(self.df.get(t) for t in terms(word)):
            return None  # (a word the analyser splits into the documents' words on its own needs no spaces)
        best: list[list[str] | None] = [[]] + [None] * len(word)  # best[i]: the fewest words making word[:i]
        for end in range(2, len(word) + 1):
            for start in range(end - 1):
                before = best[start]
                if before is not None and self.df.get(word[start:end]) and (
                        best[end] is None or len(before) + 1 < len(best[end])):
                    best[end] = [*before, word[start:end]]
        found = best[-1]
        return " ".join(found) if found and len(found) > 1 else None

    @cached_property
    def hangul_runs(self) -> frozenset[str]:
        """The documents' runs of Hangul as written ("배리어프리", "상영작을"), whatever the analyser splits them into."""
        return frozenset(w for c in self.by_id.values() for w in _HANGUL_RUN.findall(c.text))

    @cached_property
    def people(self) -> frozenset[str]:
        """The people the documents name in both scripts ("윤가은 (Yoon Ga-eun)", "Kim Myung-joo (김명주)"): each
        spelling. A row or a record naming one names a person, whatever title is beside it ("윤가은 (사회)")."""
        return frozenset(self.romanised_people) | frozenset(self.romanised_people.values())

    @cached_property
    def romanised_people(self) -> dict[str, str]:
        """:attr:`people` as each Hangul name's Latin spelling: beside each other ("윤가은 (Yoon Ga-eun)"), or in
        one script in one document and the other in another (an English "Han Seo-yeon is a news announcer" and a
        Korean programme's "사회: 한서연")."""
        found: dict[str, str] = {}
        romanised: set[str] = set()
        for chunk in self.by_id.values():
            for m in _PERSON_GLOSS.finditer(f"{chunk.heading}\n{chunk.text}"):
                found.setdefault(*((m[1], m[2]) if m[1] else (m[4], m[3])))
            romanised.update(_ROMANISED_PERSON.findall(chunk.text))
        for name in sorted(romanised - set(found.values())):
            hangul = korean_name(re.findall(r"[A-Za-z]+", name), self.korean_names)
            if hangul:
                found.setdefault(hangul, name)
        return found

    @cached_property
    def spelt_both_ways(self) -> dict[frozenset[str], str]:
        """The names of several words the documents spell in both scripts side by side ("Hotel Naru Seoul MGallery
        (서울 호텔 나루 엠갤러리)"): each one's Latin-letter terms → its Hangul spelling."""
        found: dict[frozenset[str], str] = {}
        for chunk in self.by_id.values():
            if "(" in chunk.text:
                for m in _NAME_IN_HANGUL.finditer(chunk.text):
                    found.setdefault(terms(m[1], quoted_korean=False), m[2])
        return found

    @cached_property
    def _hangul_words(self) -> dict[str, list[str]]:
        """The documents' runs of Hangul, by their first syllable (and the one after a prefix names often drop)."""
        found: dict[str, list[str]] = {}
        for word in self.hangul_runs:
            found.setdefault(word[0], []).append(word)
            if m := _DROPPED_PREFIX.match(word):
                found.setdefault(word[m.end()], []).append(word)
        return found

    def long_form(self, word: str) -> str | None:
        """The documents' word that a Korean abbreviation made of syllables of it stands for ("과기부" →
        "과학기술정보통신부", "콘진원" → "한국콘텐츠진흥원"): it ends with the abbreviation's last syllable and holds
        its syllables in order from the first (after a 한국/국립/국가 it may drop). When several do, the longest,
        provided the others abbreviate it too; ``None`` otherwise."""
        if len(word) < 3:
            return None
        found = [w for w in self._hangul_words.get(word[0], ()) if len(w) > len(word) and w[-1] == word[-1]
                 and _abbreviates(word, w)]
        longest = max(found, key=len, default=None)
        return longest if longest and all(_abbreviates(w, longest) for w in found) else None

    @cached_property
    def korean_terms(self) -> list[str]:
        """The documents' Hangul terms of two syllables or more, sorted."""
        return sorted(t for t in self.df if _HANGUL_WORD.fullmatch(t))

    @cached_property
    def english_words(self) -> list[str]:
        """The documents' English words of four letters or more, sorted (where loanwords are looked for)."""
        return sorted(w for w in self.words if re.fullmatch(r"[a-z]{4,}", w))

    def compounds(self, word: str, most: int = 8) -> list[str]:
        """The documents' Korean nouns that begin with ``word`` ("주차" → "주차장"), the commonest first."""
        terms_ = self.korean_terms
        at = bisect.bisect_left(terms_, word)
        found = []
        while at < len(terms_) and terms_[at].startswith(word):
            found.append(terms_[at])
            at += 1
        return sorted(found, key=lambda t: -self.df[t])[:most]

    @cached_property
    def korean_names(self) -> dict[str, str]:
        """The documents' Korean full names by the consonants of their Latin spellings (see :mod:`.romanized`)."""
        return name_index(c.text for c in self.by_id.values())

    @cached_property
    def latin_phrases(self) -> Phrases:
        """The documents' names of several capitalised Latin-letter words (see :func:`.romanized.phrase_index`)."""
        return phrase_index(c.text for c in self.by_id.values())

    @cached_property
    def latin_names(self) -> dict[str, str]:
        """The documents' capitalised Latin-letter words by the consonants of their Hangul spellings."""
        return latin_index(c.text for c in self.by_id.values())

    def has_translation(self, doc_id: str, lang: Lang) -> bool:
        return any(self.langs.get(other) == lang for other in self.pairs.get(doc_id, ()))


_HANGUL_RUN = re.compile(r"[가-힣]{4,15}")
_HANGUL_WORD = re.compile(r"[가-힣]{2,}")
_KOREAN_FULL_NAME = rf"[{KOREAN_SURNAMES}][가-힣]{{1,2}}"
_ROMANISED_NAME = r"[A-Z][a-z]+ [A-Z][a-z]+(?:-[a-z]+)?"  # "Yoon Ga-eun", "Kim Myung-joo"
_ROMANISED_PERSON = re.compile(rf"\b{_ROMANISED_NAME}\b")
_PERSON_GLOSS = re.compile(rf"(?<![가-힣])({_KOREAN_FULL_NAME})\s?\(({_ROMANISED_NAME})\)|"
                           rf"\b({_ROMANISED_NAME})\s?\(({_KOREAN_FULL_NAME})\)")
_COUNTED_PEOPLE = COUNTED_PEOPLE | {stem(w) for w in COUNTED_PEOPLE}  # as key terms are written
_ATTENDING = ATTENDING | {stem(w) for w in ATTENDING}
_SPELT_IN_HANGUL = re.compile(r"([A-Z][a-z]+(?:[ -][A-Za-z][a-z]*){1,3}) \(([가-힣]{2,5})\)")  # "Kang Tae-min (강태민)"
# a name of several Latin-letter words with its Hangul spelling beside it ("Hotel Naru Seoul MGallery (서울 호텔 나루
# 엠갤러리)"): either is the name
_NAME_IN_HANGUL = re.compile(r"\b([A-Z][\w&'.-]*(?:\s+(?:of|on|for|and|&|the)?\s*[A-Z][\w&'.-]*){1,6})\s?"
                             r"\(([가-힣]+(?:\s[가-힣]+){1,5})[,)]")
_DROPPED_PREFIX = re.compile(r"한국|국립|국가")  # what a name's abbreviation often leaves out ("콘진원")


def _abbreviates(short: str, long: str) -> bool:
    """Whether ``short`` is made of syllables of ``long`` in order, from its first (or the first after a prefix
    abbreviations drop) to its last."""
    if short == long:
        return True
    m = _DROPPED_PREFIX.match(long)
    starts = {0} | ({m.end()} if m else set())
    if long[-1] != short[-1] or not any(long[i] == short[0] for i in starts if i < len(long)):
        return False
    for start in starts:
        rest = iter(long[start:])
        if long[start:start + 1] == short[0] and all(ch in rest for ch in short):
            return True
    return False


@lru_cache(maxsize=4096)
def _english_word(word: str) -> bool:
    """Whether ``word`` is an English word: one lemminflect's dictionary knows, a number, a month or a weekday."""
    return bool(getAllLemmas(word)) or word in WORD_NUMBERS or word in MONTHS or word in _WEEKDAYS


_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _same_case(word: str, typed: str) -> str:
    """``word`` in the case ``typed`` was written in: "Saftey" → "Safety", "SAFTEY" → "SAFETY"."""
    if typed.isupper() and len(typed) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if typed[:1].isupper() else word


def _jamo(word: str) -> str:
    """Hangul syllables spelled out as their letters (initial, vowel, final), for edit distances."""
    out = []
    for ch in word:
        code = ord(ch) - 0xAC00
        if 0 <= code < 11172:
            out += [chr(0x1100 + code // 588), chr(0x1161 + code % 588 // 28)]
            if code % 28:
                out.append(chr(0x11A7 + code % 28))
        else:
            out.append(ch)
    return "".join(out)


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by exactly one substitution, insertion or deletion."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


# Letters the shift key turns into each other on the standard Korean (dubeolsik) keyboard.
_SHIFT_PAIRS = {frozenset(p) for p in ("ᅮᅲ", "ᅩᅭ", "ᅢᅤ", "ᅦᅨ", "ᅡᅣ", "ᅥᅧ", "ᄀᄁ", "ᄃᄄ", "ᄇᄈ", "ᄉᄊ", "ᄌᄍ")}


def _shift_slip(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ in one letter that the shift key confuses ("쥬최" for "주최")."""
    if len(a) != len(b):
        return False
    diff = [frozenset((x, y)) for x, y in zip(a, b) if x != y]
    return len(diff) == 1 and diff[0] in _SHIFT_PAIRS


@lru_cache(maxsize=4096)
def _misread_words(text: str) -> tuple[str, ...]:
    """The Hangul words of ``text`` Kiwi read as a noun it does not spell out of context (a name it does not know:
    "송상훈은" as 송상 + 후 + ᆫ)."""
    runs = [m for m in re.finditer(r"[가-힣]+", text)]
    out = []
    for t in _morphemes(text):
        if t.tag in ("NNG", "NNP") and t.form not in text[t.start : t.start + t.len]:
            out += [m.group() for m in runs if m.start() <= t.start < m.end()]
    return tuple(dict.fromkeys(out))


def _whole_words(text: str, found: frozenset[str], df: Counter[str]) -> frozenset[str]:
    """``found`` (the terms of ``text``) with each Hangul word Kiwi misread (:func:`_misread_words`) or split into
    pieces no document uses as the longest start of it the documents use as a term, in place of the pieces:
    "송상훈은 어디 소속이야?" is about 송상훈, not about 송상 and 후; "푸드트럭 몇대 와?" about 푸드트럭."""
    out = set(found)
    unknown = [w for w in re.findall(r"[가-힣]{3,}", text) if any(t in w for t in found)
               and not any(df[t] for t in found if t in w)]  # "푸드트럭" read as 푸드 + 트럭, neither a document term
    for word in dict.fromkeys([*_misread_words(text), *unknown]):
        whole = next((word[:n] for n in range(len(word), 2, -1) if df[word[:n]]), None)
        if whole and whole not in out:
            out = {t for t in out if t not in whole} | {whole}
    return frozenset(out)


def _table_header(text: str, chunk: Chunk) -> bool:
    """Whether ``text`` is the header row of a table (a row no row comes before): it names columns, says nothing."""
    if not (text.startswith("|") and text.endswith("|")):
        return False
    window = chunk.window or chunk.text
    at = window.find(text)
    return at >= 0 and not window[:at].rstrip().endswith("|")


def _running_days(chunks: list[Chunk]) -> dict[str, set[int]]:
    """Per chunk of running prose (no heading), the day of the event one of the few paragraphs before it named: an
    article's "둘째 날에는 …" goes on being about that day in the next paragraphs ("오후 세션에서는 …"), though not
    to its end."""
    out: dict[str, set[int]] = {}
    current: dict[str, tuple[set[int], int]] = {}  # per document: the day last named, and how many paragraphs ago
    for chunk in sorted(chunks, key=lambda c: (c.doc_id, c.start)):
        if chunk.heading:  # sections say which day they are about in their headings
            continue
        days, since = current.get(chunk.doc_id, (set(), RUNNING_DAY_PARAGRAPHS))
        if days and since < RUNNING_DAY_PARAGRAPHS:
            out[chunk.chunk_id] = days
        named = day_ordinals(chunk.text)
        current[chunk.doc_id] = (named, 0) if len(named) == 1 else (set(), 0) if named else (days, since + 1)
    return out


def is_question_line(text: str) -> bool:
    """Whether a line of a document asks a question ("**Is there parking?**", "Q. 주차 되나요?"): a FAQ's entry,
    which answers nothing itself."""
    return text.strip().rstrip("*_ ").endswith(("?", "？"))


def asks_alone(chunk: Chunk) -> bool:
    """Whether ``chunk`` is a FAQ's question written as a line of its own, answered by the lines after it."""
    text = chunk.text.strip()
    return "\n" not in text and len(text) <= MAX_QUESTION_LINE and is_question_line(text)


def line_question(chunk: Chunk) -> str:
    """The question a FAQ's question line asks, without its emphasis ("**Is there parking?**" → "Is there
    parking?"): what the lines answering it are keyed by."""
    return chunk.text.strip().strip("*_ ")


def _answered_questions(chunks: list[Chunk]) -> dict[str, str]:
    """Per chunk after a question line of its section (a FAQ written as "**Is there parking?**" and the lines
    answering it), that question: the lines go on answering it up to the next question or section."""
    out: dict[str, str] = {}
    current: tuple[str, str, str] | None = None  # the document, section and question last asked
    for chunk in sorted(chunks, key=lambda c: (c.doc_id, c.start)):
        if current is not None and current[:2] != (chunk.doc_id, chunk.heading):
            current = None
        if asks_alone(chunk):
            current = (chunk.doc_id, chunk.heading, line_question(chunk))
        elif current is not None:
            out[chunk.chunk_id] = current[2]
    return out


def _initials_of(word: str, names: list[str]) -> bool:
    """Whether each syllable of ``word`` begins a different one of ``names``, in any order ("보게페": 보드, 게임,
    페스티벌), and ``word`` is not one of them."""
    if word in names:
        return False
    left = list(names)
    for syllable in word:
        match = next((n for n in left if n.startswith(syllable) and n != word), None)
        if match is None:
            return False
        left.remove(match)
    return True


def _day_dates(chunks: list[Chunk]) -> dict[str, int]:
    """Which date ("10-28") is which ordinal day, learnt from passages naming exactly one of each."""
    votes: Counter[tuple[str, int]] = Counter()
    for chunk in chunks:
        for text in (chunk.text, f"{chunk.heading} {chunk.text}"):
            days = day_ordinals(text)
            if len(days) != 1:  # most passages name no day: their dates are not read at all
                continue
            dates = dates_of(text)
            if len(set(dates)) == 1:
                votes[(dates[0], next(iter(days)))] += 1
    best: dict[str, tuple[int, int]] = {}
    for (date, day), n in votes.items():
        if n > best.get(date, (0, 0))[1]:
            best[date] = (day, n)
    return {date: day for date, (day, _) in best.items()}


# how alike in meaning (passage embeddings) a Hangul word and a Latin-letter word with the same consonants must be
# to be one loanword, in itself ("커핑"/"cupping" 0.87, "시간"/"sign" 0.80) and above how alike each is to common words
# of the other language (the embedding finds any two short words fairly alike: "가운데"/"keynote" 0.87, 0.01 above)
LOAN_SIMILARITY = 0.86
LOAN_MARGIN = 0.035
# four consonants or more in the same order seldom match by chance ("배리어프리"/"barrier-free" 0.86, 0.035 above, by
# an embedding that varies by a few thousandths from one processor to another): a longer word needs less of the meaning
LONG_LOAN_SKELETON = 4
LONG_LOAN_SIMILARITY = 0.84
LONG_LOAN_MARGIN = 0.02
QUESTION_LOANS_KEPT = 512  # questions' loanwords remembered (all forgotten at once when full)
# the common words the margin is measured against
_COMMON_WORDS = {
    "en": ("the", "day", "time", "room", "price", "people", "music", "food", "water", "map", "morning", "floor",
           "weather", "hotel", "bus", "opening", "speaker", "registration", "coffee", "art"),
    "ko": ("날짜", "시간", "장소", "가격", "사람", "음악", "음식", "물", "지도", "오전", "층", "날씨", "호텔", "버스",
           "개막", "연사", "등록", "커피", "행사", "축제"),
}


@dataclass(frozen=True)
class Loanwords:
    """The documents' words borrowed from English and written in Hangul, paired with the English words they are."""

    english: dict[str, tuple[str, ...]] = field(default_factory=dict)  # Korean term → English words as written
    english_terms: dict[str, frozenset[str]] = field(default_factory=dict)  # Korean term → their stems
    korean: dict[str, frozenset[str]] = field(default_factory=dict)  # English stem → Korean terms

    @classmethod
    def of(cls, stats: CorpusStats, embed: Callable[[list[str]], np.ndarray]) -> Loanwords:
        """The pairs of the documents' Hangul terms and English words that share their consonants
        (:func:`loanword_candidates`) and mean the same (:data:`LOAN_SIMILARITY`, :data:`LOAN_MARGIN`): each
        Hangul term with its closest English word, each English word with its closest Hangul term."""
        pairs = loanword_candidates(stats.korean_terms, stats.english_words)
        return cls().with_pairs(confirmed_loanwords(pairs, embed))

    def with_pairs(self, pairs: list[tuple[str, str]]) -> Loanwords:
        """These loanwords and ``pairs`` (a Hangul term, the English word as written: "barrier-free", whose terms
        are its parts')."""
        if not pairs:
            return self
        english, english_terms, korean = dict(self.english), dict(self.english_terms), dict(self.korean)
        for ko, en in pairs:
            stems = frozenset(stem(part) for part in en.split("-") if part)
            english[ko] = (*english.get(ko, ()), en)
            english_terms[ko] = english_terms.get(ko, frozenset()) | stems
            for t in stems:
                korean[t] = korean.get(t, frozenset()) | {ko}
        return Loanwords(english=english, english_terms=english_terms, korean=korean)


def common_vectors(embed: Callable[[list[str]], np.ndarray]) -> dict[str, np.ndarray]:
    """The embeddings of :data:`_COMMON_WORDS`, by language."""
    english, korean = _COMMON_WORDS["en"], _COMMON_WORDS["ko"]
    vectors = embed([*english, *korean])
    return {"en": vectors[: len(english)], "ko": vectors[len(english) :]}


def confirmed_loanwords(pairs: list[tuple[str, str]], embed: Callable[[list[str]], np.ndarray],
                        usual: dict[str, np.ndarray] | None = None) -> list[tuple[str, str]]:
    """Of ``pairs`` (a Hangul word, a Latin-letter word with its consonants), those meaning the same
    (:data:`LOAN_SIMILARITY`, :data:`LOAN_MARGIN`; less for a long one, :data:`LONG_LOAN_SKELETON`): each Hangul
    word with its closest English word, each English word with its closest Hangul word. ``usual``:
    :func:`common_vectors`, when already at hand."""
    if not pairs:
        return []
    words = sorted({w for pair in pairs for w in pair})
    usual = usual if usual is not None else common_vectors(embed)
    vector = dict(zip(words, embed(words)))
    # how alike each word is to the other language's common words
    baseline = {w: float((usual["ko" if w.isascii() else "en"] @ v).mean()) for w, v in vector.items()}
    scored = []
    for ko, en in pairs:
        similarity = float(vector[ko] @ vector[en])
        long = len(hangul_loan_skeleton(ko)) >= LONG_LOAN_SKELETON
        bar, margin = (LONG_LOAN_SIMILARITY, LONG_LOAN_MARGIN) if long else (LOAN_SIMILARITY, LOAN_MARGIN)
        if similarity >= bar and similarity - max(baseline[ko], baseline[en]) >= margin:
            scored.append((similarity, ko, en))
    best_ko: dict[str, tuple[float, str]] = {}
    best_en: dict[str, tuple[float, str]] = {}
    for similarity, ko, en in scored:
        best_ko[ko] = max(best_ko.get(ko, (0.0, "")), (similarity, en))
        best_en[en] = max(best_en.get(en, (0.0, "")), (similarity, ko))
    return [(ko, en) for ko, (_, en) in sorted(best_ko.items()) if best_en[en][1] == ko]


class EvidenceScorer:
    """Finds and scores the candidate sentences of retrieved passages for a question."""

    def __init__(self, index: KnowledgeIndex, model: EvidenceModel | None = None):
        self.index = index
        self.model = model or EvidenceModel.load()
        self._stats: CorpusStats | None = None
        self._loanwords: tuple[CorpusStats, Loanwords] | None = None
        self._question_loans: tuple[object, dict] = (None, {})  # (statistics, loanwords per question's words)
        self._loan_skeletons: tuple[object, dict] = (None, {})  # (statistics, words per loanword skeleton)
        self._usual: dict[str, np.ndarray] | None = None  # the common words' embeddings (see common_vectors)
        self._lock = threading.Lock()

    def refresh(self) -> None:
        """Recount term statistics (after the documents changed)."""
        self._stats = None

    def stats(self) -> CorpusStats:
        with self._lock:
            if self._stats is None:
                settings, version = self.index.settings, self.index.version_key()
                saved = SavedStats(settings.version_cache_dir, version, settings.collection_prefix)
                langs = {info.doc_id: info.lang for info in self.index.documents()}
                chunks, pairs, counted = self.index.chunks(), translation_pairs(self.index), saved.load()
                if counted is not None:
                    self._stats = CorpusStats(chunks, pairs, langs, counted=counted)
                else:
                    self._stats = CorpusStats(chunks, pairs, langs, self.index.chunk_tokens())
                    if self.index.version_key() == version:  # not when another version came in meanwhile
                        saved.save(self._stats.counted())
            return self._stats

    def loanwords(self) -> Loanwords:
        """The documents' loanwords (:class:`Loanwords`), worked out once per reading of the statistics (and kept
        beside the term statistics' local copy, for the next process)."""
        stats = self.stats()
        with self._lock:
            if self._loanwords is None or self._loanwords[0] is not stats:
                settings, version = self.index.settings, self.index.version_key()
                saved = SavedStats(settings.version_cache_dir, version, settings.collection_prefix, "loanwords")
                found = saved.load()
                if not isinstance(found, Loanwords):
                    found = Loanwords.of(stats, self.index.embed_passages)
                    if self.index.version_key() == version:
                        saved.save(found)
                self._loanwords = (stats, found)
            return self._loanwords[1]

    def loanwords_for(self, text: str, lang: Lang) -> Loanwords:
        """The documents' loanwords with those of a question ``text`` written in ``lang``: a word the documents
        never write, spelt in the other script by a word they do ("barrier-free" for "배리어프리", "마스터클래스" for
        "masterclass"), and meaning the same."""
        base, stats = self.loanwords(), self.stats()
        with self._lock:
            made_from, cache = self._question_loans
            if made_from is not stats:
                cache = {}
                self._question_loans = (stats, cache)
            if (lang, text) in cache:
                return cache[lang, text]
        # the question's words the documents never write, each with the other language's words spelt like it
        if lang == "en":
            written = {w.lower() for w in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", text)}
            asked = [w for w in written if len(w.replace("-", "")) >= 4 and w not in stats.words
                     and not all(stem(part) in base.korean for part in w.split("-"))]
            pairs = [(ko, w) for w in asked for sk in latin_loan_skeletons(w.replace("-", ""))
                     for ko in self._loan_index(stats).get(sk, ((), ()))[0]]
        else:
            asked = [t for t in terms(text) if _HANGUL_WORD.fullmatch(t) and t not in stats.df
                     and t not in base.english]
            pairs = [(t, en) for t in asked for en in self._loan_index(stats).get(hangul_loan_skeleton(t), ((), ()))[1]]
        if pairs and self._usual is None:
            self._usual = common_vectors(self.index.embed_passages)  # one assignment, safe to race
        found = base.with_pairs(confirmed_loanwords(pairs, self.index.embed_passages, self._usual))
        with self._lock:
            if len(cache) >= QUESTION_LOANS_KEPT:
                cache.clear()
            cache[lang, text] = found
        return found

    def _loan_index(self, stats: CorpusStats) -> dict[str, tuple[list[str], list[str]]]:
        """:func:`loan_skeleton_index` of the documents' Hangul terms and English words (once per statistics)."""
        made_from, index = self._loan_skeletons
        if made_from is not stats:
            # the terms, and the runs of Hangul as written: the analyser may split a loanword ("배리어", "프리")
            index = loan_skeleton_index(sorted({*stats.korean_terms, *stats.hangul_runs}), stats.english_words)
            self._loan_skeletons = (stats, index)  # one assignment, safe to race
        return index

    # -- the question -----------------------------------------------------------------------------

    def correct_spelling(self, question: str) -> str:
        """Words no document uses replaced by a close word the documents (or questions) use: English ones
        (:meth:`correct_english`) and Korean nouns one letter away ("쥬최" → "주최")."""
        return self._correct_korean(self.correct_english(question))

    def spelt_in_latin(self, text: str) -> str:
        """Hangul nouns no document uses replaced by the name the documents write in Latin letters that they spell
        as it sounds: "앤트로픽은 이틀 다 나왔어?" → "Anthropic은 이틀 다 나왔어?"; and a name of several words
        the documents write only in Latin letters, translated word by word: "AI 서울 정상회의에는" → "AI Seoul
        Summit에는"."""
        text = self._latin_phrases_for(text)
        return self._replace_unknown_nouns(text, lambda noun, stats: latin_name(noun, stats.latin_names))

    def _latin_phrases_for(self, text: str) -> str:
        """``text`` with each run of nouns (two or more, spaces between them, the last one's particles after it)
        that translates a Latin-letter name of the documents replaced by that name, when one of its Korean words
        is one no document uses."""
        if not re.search(r"[가-힣]", text):
            return text
        stats = self.stats()
        with _kiwi_lock:
            tokens = kiwi().tokenize(text)
        runs: list[list[list[int]]] = []
        last_end = -1
        for t in tokens:
            end = t.start + t.len
            if t.tag not in _NAME_TAGS:
                last_end = -1
                continue
            if last_end == t.start and (t.form.isascii() == text[t.start - 1].isascii()):
                runs[-1][-1][1] = end  # one word the analyser read as two ("정상", "회의")
            elif last_end >= 0 and (last_end == t.start or text[last_end:t.start].isspace()):
                runs[-1].append([t.start, end])
            else:
                runs.append([[t.start, end]])
            last_end = end
        glosses = _korean_glosses()
        replaced = []
        for run in runs:
            i = 0
            while i < len(run) - 1:
                for j in range(len(run), i + 1, -1):
                    units = [text[a:b] for a, b in run[i:j]]
                    unknown = any(not u.isascii() and not all(stats.df[t] for t in terms(u)) for u in units)
                    name = unknown and translated_phrase(units, stats.latin_phrases, glosses)
                    if name:
                        replaced.append((run[i][0], run[j - 1][1], name))
                        i = j - 1
                        break
                i += 1
        for start, end, name in reversed(replaced):
            text = text[:start] + name + text[end:]
        return text

    def correct_english(self, text: str) -> str:
        """English words no document uses replaced by a close word the documents (or questions) use:
        "wher" → "where", "orgnized" → "organized", "frist" → "first", "teh" → "the". Words with no close match stay
        as typed."""
        stats = self.stats()
        words = stats.words

        def fix(m: re.Match[str]) -> str:
            word = m.group()
            low = word.lower()
            if low in words or len(low) < 3 or _english_word(low):  # "three", "parking": a word, not a misspelt one
                return word
            known = stem(low) in stats.df  # "deadlin": a misspelt word with the stem of a word the documents use
            close = difflib.get_close_matches(low, words, n=1, cutoff=0.84) if len(low) > 3 else []
            if known:  # (its meaning is searched for too, and a misspelling has none); a longer word is another
                # form of it ("Singaporean" of "Singapore"), not a misspelling
                same = close and stem(close[0]) == stem(low) and len(close[0]) >= len(low)
                return _same_case(close[0], word) if same else word
            if close and close[0][0] == low[0]:
                return _same_case(close[0], word)
            # two letters swapped ("frist" for "first"): too far apart for the ratio above on a short word
            swapped = {low[:i] + low[i + 1] + low[i] + low[i + 2:] for i in range(len(low) - 1)} & words
            return _same_case(swapped.pop(), word) if len(swapped) == 1 else word

        text = _SHORTHAND.sub(lambda m: _REWRITES[m.group()], text)
        return _TYPED_WORD.sub(fix, text)

    def korean_names(self, question: str, lang: Lang = "en") -> str:
        """The Hangul spelling added after a Korean name the question writes in Latin letters and the documents
        only in Hangul: "what did yoo hyun-seok say" → "what did yoo hyun-seok (유현석) say"; in a Korean
        question it replaces the Latin one ("Bae Kyung-hoon이 누군데?" → "배경훈이 누군데?")."""
        if not re.search(r"[A-Za-z]", question):  # nothing to look up: the names' index is not built for it
            return question
        stats = self.stats()
        return with_korean_names(question, stats.korean_names, stats.words, replace=lang == "ko")

    def absolute_years(self, question: str) -> str:
        """Years named relative to now written as the years they are, counted from the year the documents speak
        of most (the event's): "내년에도 해?" → "2026년에도 해?", "last year's summit" → "2024's summit"."""
        year = self.stats().event_year
        if year is None:
            return question
        for pattern, offset, suffix in _RELATIVE_YEARS:
            question = pattern.sub(f"{year + offset}{suffix}", question)
        return question

    def _correct_korean(self, question: str) -> str:
        """Korean nouns no document uses replaced by a document noun one letter (jamo) away ("쥬최" → "주최"), by
        the documents' name they abbreviate ("과기부" → "과학기술정보통신부"), or by the documents' words they run
        together ("메이커나이트마켓" → "메이커 나이트 마켓")."""
        return self._replace_unknown_nouns(question, lambda noun, stats: (
            stats.korean_neighbour(noun) or stats.long_form(noun)
            or (None if glossary_words(noun, "ko") else stats.spaced(noun))))  # "기조연설" is an event word as it is

    def _replace_unknown_nouns(self, text: str, replacement: Callable[[str, CorpusStats], str | None]) -> str:
        """``text`` with each Korean noun no document uses replaced by ``replacement``'s word for it, if any."""
        if not re.search(r"[가-힣]", text):
            return text
        stats = self.stats()
        with _kiwi_lock:
            tokens = kiwi().tokenize(text)
        for t in tokens:
            if t.tag not in ("NNG", "NNP") or len(t.form) < 2 or t.form in stats.df:
                continue
            word = replacement(t.form, stats)
            if word:
                text = text.replace(t.form, word, 1)
        return text

    def key_terms(self, text: str) -> dict[str, float]:
        """The distinctive terms of ``text`` with idf weights (topic and question-frame words removed)."""
        stats = self.stats()
        text = _THIS_YEAR_EN.sub(" ", text)  # "this year('s)": the documents' own year, as "올해" (a stopword) is
        predicates = predicate_stems(text)
        out = {}
        lowered = text.lower()
        # in the order the text gives them (a set's order changes from run to run, and with it which of two equal
        # weights counts as the weightiest)
        found = sorted(_whole_words(text, terms(text), stats.df),
                       key=lambda t: (lowered.find(t) if t in lowered else len(lowered), t))
        short = short_event_words(text, frozenset(found))
        for term in found:
            if term in KEY_TERM_STOPWORDS or term in _STOP_STEMS or (len(term) < 2 and not term.isdigit()
                                                                      and term not in short):
                continue
            if term in stats.topic or term in LANGUAGE_WORDS:
                continue
            weight = math.log(1 + stats.n / (stats.df[term] + 1))
            out[term] = weight * (PREDICATE_WEIGHT if term in predicates else 1.0)
        return out

    def unknown_terms(self, text: str) -> list[str]:
        """Key terms of ``text`` that no passage uses."""
        df = self.stats().df
        return [t for t in self.key_terms(text) if not df[t]]

    def unknown_names(self, question: str) -> list[str]:
        """Latin-script names in the question that no passage mentions (e.g. a company the documents never name).
        An organisation named only to say where a person the documents know is from ("What did Yoo Hyun-suk from
        KOCCA say?") is not one: who is asked about is that person, whatever the documents call their employer."""
        stats = self.stats()
        first = re.match(r"\s*([A-Za-z]+)", question)
        employers = {m["org"] for m in _PERSON_FROM.finditer(question) if self._known_person(m["person"])}
        return [
            n
            for n in facts(question).names
            if n.isascii() and n not in employers
            # "Summarize ...": a capital that only starts the sentence (an acronym there is still a name: "VIP 티켓")
            and not (first and n == first[1] and not (len(n) >= 2 and n.isupper() and n.lower() not in CHAT_ACRONYMS))
            and n.lower() not in LANGUAGE_WORDS
            and n.lower() not in stats.words  # a capitalised ordinary word ("Give me ...") names nothing
            and any(stem(w.lower()) not in stats.df for w in re.findall(r"[A-Za-z]{2,}", n))
            # "Park Seo-jun" for 박서준, also after a title ("Minister Bae Kyung-hoon")
            and not any(korean_name(words[i:], stats.korean_names)
                        for words in [re.findall(r"[A-Za-z]+", n)] for i in range(max(len(words) - 1, 1)))
            and not country_of(n)  # "an American company": a country, which the documents may name another way
        ]

    def _known_person(self, name: str) -> bool:
        """Whether a name of two to four Latin-letter words is a person of the documents: a Korean one by its Latin
        spelling, or one every word of which the documents use."""
        stats = self.stats()
        words = re.findall(r"[A-Za-z]+", name)
        return bool(korean_name(words, stats.korean_names)) or all(w.lower() in stats.words for w in words)

    def unknown_years(self, question: str) -> list[str]:
        """Years the question names (relative ones as the years they are: see :meth:`absolute_years`) that no
        passage names: "내년 대회 날짜 나왔어?" asks about a year the documents say nothing of."""
        return [y for y in dict.fromkeys(YEAR.findall(question)) if y not in self.stats().years]

    def question(self, text: str) -> Question:
        form = question_form(text)
        keys = self.key_terms(text)
        if form == "summary":  # "summarise this event": the event itself, whatever the documents call it
            frame = {stem(w) for w in SUMMARY_WORDS | EVENT_NOUNS} | SUMMARY_WORDS | EVENT_NOUNS
            keys = {t: w for t, w in keys.items() if t not in frame}
        slot = detect_slot(text)
        also = other_slots(text, slot)
        # the words asking for the kinds of value ("what time does the show start", "when, where, how big") are no
        # part of what it is about
        asking = frozenset().union(*(SLOT_WORDS.get(s, frozenset()) for s in (slot, *also)))
        asking |= {stem(w) for w in asking}
        keys = {t: w for t, w in keys.items() if t not in asking}
        days = self.days(text)
        if days:  # the day asked about is matched by day ("첫날" as "첫째 날(10월 28일)"), not by its words
            words = day_words(text)
            named = set().union(*(terms(w) for w in words))
            keys = {t: w for t, w in keys.items() if t not in named and not any(t in w.lower() for w in words)}
        df = self.stats().df
        total = sum(keys.values())
        years = self.stats().years  # (a year the documents name only relative to theirs is known: "작년")
        unknown = sum(w for t, w in keys.items() if not df[t] and t not in years) / total if total else 0.0
        q = Question(
            text=text,
            keys=keys,
            slot=slot,
            form=form,
            days=days,
            unknown=unknown,
            absence_counts=not asks_what_is_missing(text),
            also=also,
            years=years_named(text, self.stats().event_year),
            event_year=self.stats().event_year,
            spellings=tuple((frozenset(terms(m[1])) & keys.keys(), m[2]) for m in _SPELT_IN_HANGUL.finditer(text)
                            if m[2] in keys)
            # a person the question names in Hangul whom a document names in Latin letters ("김소율": "Kim So-yul")
            + tuple((frozenset(terms(latin)), hangul) for hangul, latin in self.stats().romanised_people.items()
                    if hangul in keys)
            # a name of several words the question writes in Latin letters and a document also in Hangul
            # (its words but the event's own: "Seoul" is no key word of a question about the Seoul forum)
            + tuple((latin & keys.keys(), hangul) for latin, hangul in self.stats().spelt_both_ways.items()
                    if len(latin & keys.keys()) > 1 and latin - self.stats().topic <= keys.keys()),
        )
        q.meaning_gap = partial(self._rest, q)
        return q

    def days(self, text: str) -> set[int]:
        """The ordinal days of the event ``text`` names (by ordinal, or by a date the documents tie to one, also
        when it gives the day of the month alone)."""
        stats = self.stats()
        days = day_ordinals(text)
        for date in facts(text).dates:
            if date in stats.day_dates:
                days.add(stats.day_dates[date])
            elif date.startswith("*-"):  # a day of the month alone ("29일", "the 29th"): the event's day with it
                same = {day for known, day in stats.day_dates.items() if known.endswith(date[1:])}
                days |= same if len(same) == 1 else set()
            elif re.fullmatch(r"\d\d-\d\d", date) and f"*-{date[3:]}" in stats.day_dates:
                days.add(stats.day_dates[f"*-{date[3:]}"])  # the documents tie only the day of the month to it
        named = weekdays_named(text)  # "What's on Friday?", "토욜 일정": the event's day that falls on it
        if named and stats.event_year is not None:
            days |= {day for known, day in stats.day_dates.items() if re.fullmatch(r"\d\d-\d\d", known)
                     and calendar_day(stats.event_year, known).weekday() in named}
        return days

    # -- the sentences ----------------------------------------------------------------------------

    def candidates(self, q: Question, passages: list[Chunk], lang: Lang) -> list[Evidence]:
        """Every usable sentence of ``passages``, scored, best first.

        Sentences come from passages in the answer language, and from other-language passages whose document
        has no translation in it (those are quoted as they are)."""
        stats = self.stats()
        qvec = self.index.query_vector(q.text)
        pairs, vectors = self.index.sentences(passages)
        out: list[Evidence] = []
        said: dict[int, set[int]] = {}  # per passage, the day its latest sentence naming one named
        for (i, sentence), vector in zip(pairs, vectors):
            chunk = passages[i]
            if chunk.lang != lang and stats.has_translation(chunk.doc_id, lang):
                continue
            text = sentence.text.strip()
            days = self.days(f"{chunk.heading} {text}")
            if days:
                said[i] = days
            if (text.startswith("#") or len(text) < 8 or is_instruction(text) or _table_header(text, chunk)
                    or is_question_line(text)):
                continue
            # a sentence naming no day is about the day the sentences (or paragraphs) before it name ("둘째 날에는 …
            # 오후 세션에서는 …")
            before = said.get(i, stats.chunk_days.get(chunk.chunk_id, set()))
            out.append(Evidence(sentence=text, passage=i, chunk=chunk, vector=vector, days=days or before,
                                columns=chunk.columns if text.startswith("|") else ""))
        if not out:
            return []
        dense = np.stack([e.vector for e in out]) @ qvec
        for e, d in zip(out, dense):
            self._describe(e, q, float(d), lang)
        best_dense = float(dense.max())
        best_cov = max(e.values["coverage"] for e in out)
        dense_order = (-dense).argsort().argsort()
        for e, r in zip(out, dense_order):
            e.values["dense_gap"] = e.values["dense"] - best_dense
            e.values["coverage_gap"] = e.values["coverage"] - best_cov
            e.values["dense_rank"] = 1.0 / (1 + float(r))
        probabilities = self.model.probabilities(np.array([e.row() for e in out]))
        for e, p in zip(out, probabilities):
            e.p = float(p)
        out.sort(key=lambda e: e.p, reverse=True)
        return out

    @staticmethod
    def _names_entry(q: Question, heading: str) -> bool:
        """Whether a programme's ``heading`` names what ``q`` asks about: the numbered part it names ("1세션" and
        "Session 1"), or all its key words ("opening ceremony")."""
        if numbered_entries(q.text) & numbered_entries(heading):
            return True
        named = terms(heading)
        return bool(q.keys) and all(t in named for t in q.keys)

    def _names_known_person(self, text: str) -> bool:
        return any(name in text for name in self.stats().people)

    def _rest(self, q: Question, e: Evidence) -> float:
        """How close in meaning ``e`` is to the question's key words it does not hold (1 when it holds them all)."""
        own = terms(e.sentence) | (terms(e.chunk.heading) if e.chunk.heading else frozenset())
        words = dict.fromkeys(
            p for t in bm25_tokens(q.text) for p in t.split("-") if p and stem(p) in q.keys and stem(p) not in own
        )
        return float(self.index.query_vector(" ".join(words)) @ e.vector) if words else 1.0

    def _describe(self, e: Evidence, q: Question, dense: float, lang: Lang) -> None:
        chunk = e.chunk
        heading = terms(chunk.heading) if chunk.heading else frozenset()
        if e.columns:  # a table's row is about what its header names, as a section is about its heading
            heading |= terms(e.columns)
        asked = self.stats().chunk_asked.get(chunk.chunk_id, "")  # the FAQ question line the text answers
        if asked:
            heading |= terms(asked)
        # under a question heading (a FAQ's entry) the text is that question's answer: its words are the text's own
        own = terms(e.sentence) | heading if asked or asks(chunk.heading) else terms(e.sentence)
        context = (terms(f"{chunk.heading} {asked} {chunk.window or chunk.text}") | own
                   | self._parallel_terms(chunk))
        keys = q.keys
        if chunk.lang != lang:  # a passage in the other language: its words for what events have, in the question's
            loanwords = self.loanwords_for(q.text, lang)
            own, context = glossed(own, lang, loanwords), glossed(context, lang, loanwords)
            for latin, hangul in q.spellings:  # ... and the people it names, as the question spells them
                own |= {hangul} if latin and latin <= own else frozenset()
                context |= {hangul} if latin and latin <= context else frozenset()
            # a Korean compound of the question whose parts the passage says ("셔틀버스": "shuttle bus")
            own |= {t for t in q.keys if _joined(t, own)}
            context |= {t for t in q.keys if _joined(t, context)}
            # across languages only names in Latin script, numbers, words quoted in the other script and words it
            # has (event words, loanwords) can be shared
            # (a Korean name the question adds to a Latin one, "Kang Tae-min (강태민)", as the text writes it)
            keys = {t: w for t, w in q.keys.items()
                    if t.isascii() or t in context or t in _glossary_korean() or t in loanwords.english
                    or (_HANGUL_WORD.fullmatch(t) and t in (chunk.window or chunk.text))}
        # a year asked about, which the text names relative to the documents' own ("작년에 … 9만 8천 명": 2025)
        years = [t for t in keys if YEAR.fullmatch(t) and t not in context]
        if years:
            own |= {t for t in years if t in years_named(e.sentence, q.event_year)}
            context |= {t for t in years if t in own or t in years_named(chunk.window or chunk.text, q.event_year)}
        # a Korean key word written in the text, which the analyser read as two words there ("개막작 〈…〉": 개막, 작)
        own |= {t for t in keys if t not in own and _HANGUL_WORD.fullmatch(t) and t in e.sentence}
        for latin, hangul in q.spellings:  # a name in either of its spellings is the name
            if hangul in own or (latin and latin <= own) or (" " in hangul and hangul in e.sentence):
                own |= latin | {hangul}
                context |= latin | {hangul}
        context |= {t for t in keys if t not in context and _HANGUL_WORD.fullmatch(t) and (
            t in own or t in (chunk.window or chunk.text))}
        asked = q.slot != "any"
        fills = fills_slot(e.sentence, q.slot, q.text) / 2 if asked else 0.0
        if q.slot == "date" and q.years and fills and (named := years_named(e.sentence, q.event_year)) and not (
                named & q.years):  # "when is it this year?": a sentence dating another year's ("first held in 2020")
            fills = 0.0
        if q.slot == "person" and not fills and self._names_known_person(f"{chunk.heading} {e.sentence}"):
            fills = 0.5  # a person the documents name, in a row or under their record's heading
        # a programme's entry gives its time and room in its heading ("### 11:10 Session 1 (Room 201)"), not in the
        # sentences under it: the heading answers for the entry it names, when that is the one asked about
        entry = section_of(chunk)
        e.slot_in_heading = (q.slot in _HEADING_SLOTS and not fills and bool(fills_slot(entry, q.slot, q.text))
                             and self._names_entry(q, entry))
        if e.slot_in_heading:
            fills = 0.5
        if q.slot == "number" and fills == 1.0:  # a count of what is asked ("9만 8천 명") says the people it counts
            own |= {t for t in keys if t in _COUNTED_PEOPLE}
            if all(t in own or t in _ATTENDING for t in keys):  # ... and those who came, if asked nothing else
                own |= {t for t in keys if t in _ATTENDING}
            context |= own
        total = sum(keys.values())
        if total:
            matched = sum(w for t, w in keys.items() if t in own)
            in_heading = sum(w for t, w in keys.items() if t not in own and t in heading)
            coverage = (matched + 0.5 * in_heading) / total
            passage_coverage = sum(w for t, w in keys.items() if t in context) / total
            # the weightiest key term its passage never mentions, against the weightiest key term
            missing = max((w for t, w in keys.items() if t not in context), default=0.0) / max(keys.values())
        else:
            coverage = passage_coverage = missing = 0.0
        days = e.days
        e.values.update(
            dense=dense,
            coverage=coverage,
            passage_coverage=passage_coverage,
            missing=missing,
            fills=fills,
            unfilled=float(asked and fills == 0),
            names_event=float(bool(own & self.stats().topic)),  # the event's own name or word ("the race")
            rank=1.0 / (1 + e.passage),
            unknown=q.unknown,
            no_keys=float(not q.total),
            absence=float(q.absence_counts and says_absent(e.sentence)),
            same_lang=float(chunk.lang == lang),
            # the share of the days it names that were asked: a line naming every day is about none in particular
            day_match=len(days & q.days) / len(days) if q.days and days else 0.0,
            day_mismatch=float(bool(q.days and days and not days & q.days)),
            length=math.log(len(e.sentence)),
        )

    def _parallel_terms(self, chunk: Chunk) -> frozenset[str]:
        """Terms of the same passage in the document's translation (same position, same dates and numbers)."""
        stats = self.stats()
        number = chunk.chunk_id.rpartition("#")[2]
        mine = _key_values(chunk.text)
        for other in stats.pairs.get(chunk.doc_id, ()):
            twin = stats.by_id.get(f"{other}#{number}")
            if twin is not None and _key_values(twin.text) == mine:
                return terms(twin.text)
        return frozenset()


@lru_cache(maxsize=1)
def _glossary() -> tuple[tuple[str, tuple[frozenset[str], ...]], ...]:
    """:data:`EVENT_GLOSSARY` as terms: each English stem with the Korean term sets that say the same."""
    return tuple((stem(en), tuple(terms(ko) for ko in kos)) for en, kos in EVENT_GLOSSARY.items())


@lru_cache(maxsize=1)
def _korean_glosses() -> dict[str, set[str]]:
    """Each Korean word of :data:`EVENT_GLOSSARY` with the English words it translates."""
    out: dict[str, set[str]] = {}
    for en, kos in EVENT_GLOSSARY.items():
        for ko in kos:
            out.setdefault(ko, set()).add(en)
    return out


_NAME_TAGS = frozenset({"NNG", "NNP", "SL", "SH"})  # the morphemes a name is written with


@lru_cache(maxsize=1)
def _glossary_korean() -> frozenset[str]:
    """The Korean terms of :data:`EVENT_GLOSSARY`."""
    return frozenset(t for _, kos in _glossary() for ko in kos for t in ko)


def glossed(found: frozenset[str], lang: Lang, loanwords: Loanwords | None = None) -> frozenset[str]:
    """The terms of a passage in one language with the event words they hold added as ``lang`` writes them
    ("주차는 무료" holds "parking" and "free" for an English question), and its loanwords ("셔틀버스" holds
    "shuttle", "cupping" holds "커핑")."""
    added: set[str] = set()
    held = found
    if lang == "en":  # a Korean noun holds the words it begins with ("주차장" holds "주차")
        held = found | {t[:i] for t in found if not t.isascii() for i in range(2, len(t))}
    if loanwords is not None:
        pairs = loanwords.english_terms if lang == "en" else loanwords.korean
        added.update(*(pairs[t] for t in held if t in pairs))
        if lang == "en":  # a loanword the analyser read as two words here ("배리어프리" as "배리어", "프리")
            korean = [t for t in found if not t.isascii()]
            added.update(*(pairs[a + b] for a in korean for b in korean if a + b in pairs))
    for en, kos in _glossary():
        if lang == "en" and en not in found and any(ko and ko <= held for ko in kos):
            added.add(en)
        elif lang == "ko" and en in found:
            added.update(*kos)
    return found | added if added else found


# Korean words of one syllable that end a compound in another sense ("주차비": a fee, not rain; "분실물": a thing,
# not water): event words only where they start a word ("비가 오면", "비오면", "물병")
_ONLY_ALONE = frozenset({"비", "물"})
# ... and words of one syllable a place's name ends with ("오송역": a station; "직조홀": a hall): what the name is,
# after a name of two syllables or more ("지역" is a region, not a station)
_ENDING_WORDS = frozenset({"역", "홀", "룸", "층"})
# the Korean event words of one syllable ("비", "짐", "층"): key words of a question, unlike other single syllables
_SHORT_EVENT_WORDS = frozenset(ko for kos in EVENT_GLOSSARY.values() for ko in kos if len(ko) == 1)


def _joined(word: str, held: frozenset[str]) -> bool:
    """Whether a Korean ``word`` of three syllables or more is two words of ``held`` written together ("셔틀버스":
    "셔틀" and "버스")."""
    return len(word) > 2 and word not in held and _HANGUL_WORD.fullmatch(word) is not None and any(
        word[:i] in held and word[i:] in held for i in range(1, len(word)))


def _alone(word: str, text: str) -> bool:
    """Whether a Korean ``word`` starts a word of ``text`` ("비가 오면", "비오면"), rather than ending a compound
    ("주차비")."""
    return bool(re.search(rf"(?<![가-힣]){word}", text))


def short_event_words(text: str, found: frozenset[str]) -> frozenset[str]:
    """The Korean event words of one syllable among the terms ``found`` in ``text``, where they are that word."""
    return frozenset(t for t in found & _SHORT_EVENT_WORDS if t not in _ONLY_ALONE or _alone(t, text))


def glossary_words(text: str, lang: Lang) -> list[str]:
    """The words events are described with that ``text`` (written in ``lang``) holds, as the other language writes
    them ("주차 돼?" → "parking"), for a keyword search of the documents written only in that language."""
    found = terms(text)
    found |= {t[-1] for t in found if len(t) > 2 and t[-1] in _ENDING_WORDS and re.fullmatch(r"[가-힣]+", t)}
    found -= {t for t in _ONLY_ALONE if not _alone(t, text)}
    out: dict[str, None] = {}
    for word, (en, kos) in zip(EVENT_GLOSSARY, _glossary()):
        if lang == "ko" and any(ko and ko <= found for ko in kos):
            out[word] = None
        elif lang == "en" and en in found:
            out.update(dict.fromkeys(EVENT_GLOSSARY[word]))
    return list(out)


def shared_words(text: str, lang: Lang) -> list[str]:
    """The words of ``text`` (written in ``lang``) that the other language writes alike: its numbers, the days it
    names by their order ("둘째 날" → "2", as a programme's "Day 2" writes it) and, in Korean, its words in Latin
    script ("1세션" → "1", "MOU 체결식" → "MOU")."""
    words = re.findall(r"(?<![\d.,:])\d{1,4}(?![\d.,:]\d)", text) + [str(n) for n in sorted(day_ordinals(text))]
    if lang == "ko":
        words += re.findall(r"[A-Za-z][A-Za-z&'-]+", text)
    return list(dict.fromkeys(words))


def asks(heading_path: str) -> bool:
    """Whether the nearest heading of ``heading_path`` is a question ("## Is there Wi-Fi?")."""
    return heading_path.rsplit(" > ", 1)[-1].rstrip().endswith(("?", "？"))


def _key_values(text: str) -> tuple[frozenset[str], ...]:
    """Dates, years and numbers of ten or more: what a faithful translation keeps."""
    f = facts(text)
    return frozenset(f.dates), frozenset(f.years), frozenset(n for n in f.numbers if float(n) >= 10)


def write_model(model: EvidenceModel, path: Path = MODEL_PATH) -> None:
    path.write_text(json.dumps(model.model_dump(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
