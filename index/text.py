"""Text helpers shared by the index and the assistant: normalisation, language, sentences, BM25 tokens."""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache
from typing import Literal

_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_LATIN = re.compile(r"[A-Za-z]")
_WORD = re.compile(r"[a-z0-9]+(?:[.-][a-z0-9]+)*")

# Kiwi tags kept as BM25 terms: nouns, numerals, verb/adjective stems, roots, Latin words, numbers, Hanja.
_KEPT_TAGS = ("NNG", "NNP", "NR", "NP", "VV", "VA", "XR", "SL", "SN", "SH")

_EN_STOPWORDS = frozenset(
    ["a", "an", "and", "are", "as", "at", "be", "by", "did", "do", "does", "for", "from", "had", "has", "have", "how", "in", "is", "it", "its", "many", "much", "of", "on", "or", "that", "the", "this", "s", "to", "was", "were", "what", "when", "where", "which", "who", "whom", "whose", "why", "will", "with"]
)

# Abbreviations after which a full stop does not end an English sentence.
_EN_ABBREVIATIONS = frozenset(
    ["mr", "mrs", "ms", "dr", "prof", "st", "no", "vs", "etc", "e.g", "i.e", "u.s", "u.k", "inc", "ltd", "co", "corp", "jr", "sr", "approx", "dept", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
)
_EN_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9\uac00-\ud7a3])")

# Where a Korean sentence may end inside a line: punctuation or a final ending (다/요/죠) before more text.
_MAYBE_BOUNDARY = re.compile(r"(?:[.!?。…]|[다요죠까])[\"'”’)\]]*\s+\S")

_kiwi_lock = threading.Lock()


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC form (how every text is stored and compared)."""
    return unicodedata.normalize("NFC", text)


def detect_lang(text: str) -> Literal["ko", "en"] | None:
    """Guess the language from the share of Hangul among letters; ``None`` when there are no letters."""
    hangul = len(_HANGUL.findall(text))
    latin = len(_LATIN.findall(text))
    if hangul + latin == 0:
        return None
    return "ko" if hangul / (hangul + latin) >= 0.3 else "en"


@lru_cache(maxsize=1)
def kiwi():
    """The process-wide Kiwi analyser (loaded on first use)."""
    from kiwipiepy import Kiwi

    return Kiwi(load_multi_dict=False)


def split_sentences(text: str, lang: str | None = None) -> list[tuple[int, int]]:
    """Split ``text`` into sentences; return their ``(start, end)`` character spans (whitespace trimmed).

    Line breaks always end a sentence, and a table row is one. Korean (or mixed) lines go through Kiwi; English lines
    through a punctuation splitter that respects common abbreviations.
    """
    spans: list[tuple[int, int]] = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        if not line.strip():
            continue
        line_lang = lang if lang in ("ko", "en") else None
        if line.lstrip().startswith("|"):
            parts = [(0, len(line))]  # a table row is one record, whatever its cells hold
        elif (line_lang or detect_lang(line)) == "ko" or (lang == "en" and detect_lang(line) == "ko"):
            parts = _kiwi_spans(line)
        else:
            parts = _english_spans(line)
        spans.extend(_trim(text, match.start() + s, match.start() + e) for s, e in parts)
    return [s for s in spans if s[1] > s[0]]


def _kiwi_spans(line: str) -> list[tuple[int, int]]:
    if not _MAYBE_BOUNDARY.search(line):
        return [(0, len(line))]  # nothing inside the line can end a sentence: skip the analysis
    with _kiwi_lock:
        sentences = kiwi().split_into_sents(line)
    spans: list[tuple[int, int]] = []
    for s in sentences:
        if spans and s.start <= spans[-1][1]:
            # no space between the pieces: Kiwi cut after a closing quote inside a sentence
            spans[-1] = (spans[-1][0], s.end)
        else:
            spans.append((s.start, s.end))
    return spans or [(0, len(line))]


def _english_spans(line: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _EN_BOUNDARY.finditer(line):
        word = re.search(r"(\S+)$", line[start:m.start()])
        last = word.group(1).lower().rstrip(".").lstrip("\"'“‘([") if word else ""  # "(Oct. 29)" too
        if last in _EN_ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
            continue
        if _inside_quote(line[start:m.end()]):
            continue  # a quotation of several sentences is one statement, with its "..., said X"
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(line)))
    return spans


def _inside_quote(text: str) -> bool:
    """Whether ``text`` ends inside a double quotation it opened (straight or curly quotation marks)."""
    return text.count('"') % 2 == 1 or text.count("“") > text.count("”")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


ANALYSER_VERSION = "2"  # bump when bm25_tokens changes: an index analysed otherwise is analysed again (vectors kept)


def bm25_tokens(text: str) -> list[str]:
    """BM25 terms: Kiwi morphemes (nouns, stems, roots, Latin, numbers) plus lower-cased English words."""
    text = nfc(text)
    tokens: list[str] = []
    if _HANGUL.search(text):
        with _kiwi_lock:
            morphemes = kiwi().tokenize(text)
        latin: tuple[int, int] | None = None  # the run of Latin letters being read, as the text writes it
        for m in [*morphemes, None]:
            if m is not None and m.tag == "SL" and latin is not None and latin[1] == m.start:
                latin = (latin[0], m.start + m.len)  # Kiwi may cut a word in two ("accel" "erate.")
                continue
            if latin is not None:
                tokens.extend(w for w in _WORD.findall(text[latin[0] : latin[1]].lower()) if w not in _EN_STOPWORDS)
                latin = None
            if m is None or not m.tag.startswith(_KEPT_TAGS):
                continue
            if m.tag == "SL":
                latin = (m.start, m.start + m.len)
            else:
                tokens.append(m.form.lower())
    else:
        tokens = [w for w in _WORD.findall(text.lower()) if w not in _EN_STOPWORDS]
    return tokens
