"""Names written in the other script, matched by the consonants both spellings share: Korean names written in Latin
letters ("Kim Myung-ju", "yoo hyun-seok", "Myung-ju Kim") to the Hangul names the documents use (김명주, 유현석),
whichever romanisation the writer used (Yoo or Yu, Hyun or Hyeon, Kim or Gim, Park or Bak); and names the
documents write in Latin letters spelt in Hangul as they sound (앤트로픽 for Anthropic, 구글 for Google)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise

from .countries import country_of

# Hangul letters as the consonant classes they are written with in Latin letters ("" where they are silent)
_INITIALS = ("k", "k", "n", "t", "t", "r", "m", "p", "p", "s", "s", "", "j", "j", "j", "k", "t", "p", "h")
# vowels only by their glide: 여 → "y", 와 → "w"
_VOWELS = ("", "", "y", "y", "", "", "y", "y", "", "w", "w", "", "y", "", "w", "w", "w", "y", "", "", "")
_FINALS = ("", "k", "k", "k", "n", "n", "n", "t", "r", "k", "m", "p", "r", "r", "p", "r", "m", "p", "p", "t", "t",
           "N", "t", "t", "k", "t", "p", "t")
_LATIN = str.maketrans({"g": "k", "c": "k", "q": "k", "b": "p", "f": "p", "v": "p", "d": "t", "l": "r", "z": "j"})
_SURNAME_I = {"lee", "yi", "rhee", "ri", "i", "rhie"}  # 이, however it is written
MIN_SKELETON = 5  # shorter skeletons match too many words by chance
_NAME = re.compile(r"(?<![가-힣])[가-힣]{3}")  # a Korean full name: three syllables (the start of a longer word)
_LATIN_WORD = re.compile(r"[A-Za-z]+")


def hangul_skeleton(word: str) -> str:
    """The consonant skeleton of a Hangul word ("김명주" → "kmmyNj"); empty when it holds anything but Hangul."""
    out = []
    for ch in word:
        code = ord(ch) - 0xAC00
        if not 0 <= code < 11172:
            return ""
        out += [_INITIALS[code // 588], _VOWELS[code % 588 // 28], _FINALS[code % 28]]
    return "".join(out)


def _latin_part(word: str) -> set[str]:
    """The skeletons one Latin-letter word may stand for (also without an "r" that only lengthens a vowel, as in
    "Park" for 박, or that starts it, as in "Lim" for 임)."""
    word = word.lower()
    if word in _SURNAME_I:
        return {""}
    word = word.replace("ng", "N").replace("ch", "j").replace("sh", "s").replace("ph", "p").replace("th", "t")
    word = word.replace("x", "ks").translate(_LATIN)
    word = re.sub(r"h$", "", word)  # "Oh" for 오
    forms = {word, re.sub(r"(?<=[aeiou])r(?=[^aeiouyw]|$)", "", word)}
    forms |= {f[1:] for f in forms if f.startswith("r")}  # "Lim" or "Rhee" for 임, 이
    return {re.sub(r"[aeiou]", "", f) for f in forms}


def latin_skeletons(words: list[str]) -> set[str]:
    """The skeletons a run of Latin-letter words may stand for, surname first or last."""
    out = set()
    for order in (words, words[-1:] + words[:-1]):
        combos = {""}
        for word in order:
            combos = {c + p for c in combos for p in _latin_part(word)}
        out |= combos
    return out


def name_index(texts: Iterable[str]) -> dict[str, str]:
    """Per skeleton, the one Korean name of ``texts`` it stands for (skeletons two names share are dropped)."""
    found: dict[str, set[str]] = {}
    for text in texts:
        for m in _NAME.finditer(text):
            skeleton = hangul_skeleton(m[0])
            if len(skeleton) >= MIN_SKELETON:
                found.setdefault(skeleton, set()).add(m[0])
    return {s: next(iter(names)) for s, names in found.items() if len(names) == 1}


_CAPITALISED = re.compile(r"(?<![A-Za-z])[A-Z][a-z]{2,}(?![A-Za-z])")  # "Anthropic"; not "METR", read letter by letter
MIN_LOANWORD = 3  # consonants a Hangul spelling of a Latin name must share with it


def latin_index(texts: Iterable[str]) -> dict[str, str]:
    """Per skeleton, the one capitalised Latin-letter word of ``texts`` it stands for (skeletons two words share
    are dropped)."""
    found: dict[str, set[str]] = {}
    for text in texts:
        for m in _CAPITALISED.finditer(text):
            for skeleton in _latin_part(m[0]):
                if len(skeleton) >= MIN_LOANWORD:
                    found.setdefault(skeleton, set()).add(m[0])
    return {s: next(iter(words)) for s, words in found.items() if len(words) == 1}


def latin_name(word: str, index: dict[str, str]) -> str | None:
    """The Latin-letter word of ``index`` that a Hangul word spells as it sounds ("앤트로픽" → "Anthropic")."""
    skeleton = hangul_skeleton(word)
    return index.get(skeleton) if len(skeleton) >= MIN_LOANWORD else None


def in_latin_letters(word: str, text: str) -> bool:
    """Whether ``text`` writes a Hangul ``word``, or its first two syllables or more, in Latin letters as it sounds
    ("목포역" in "Mokpo Station")."""
    skeletons = {hangul_skeleton(word[:i]) for i in range(2, len(word) + 1)}
    return any(p in skeletons for m in _CAPITALISED.finditer(text) for p in _latin_part(m[0]) if len(p) >= MIN_LOANWORD)


def korean_name(words: list[str], index: dict[str, str]) -> str | None:
    """The one Korean name of ``index`` that a run of Latin-letter words spells, if any (none when the spelling
    can be read as two of its names: which one it is would otherwise depend on the order of a set)."""
    names = {index[s] for s in latin_skeletons(words) if s in index}
    return names.pop() if len(names) == 1 else None


def with_korean_names(question: str, index: dict[str, str], known: set[str], replace: bool = False) -> str:
    """``question`` with the Korean name written after each Latin-letter name that stands for one of ``index``'s
    ("what did yoo hyun-seok say" → "what did yoo hyun-seok (유현석) say"), also when the documents use the Latin
    spelling (a biography glossing "강예린(Kang Yerin)" beside a Korean programme writing "강예린" alone). With
    ``replace`` (a Korean question, answered from Korean sentences) the Korean name takes the Latin one's place,
    when the documents do not use the Latin spelling (none of its words is in ``known``): "Bae Kyung-hoon이
    누군데?" → "배경훈이 누군데?"."""
    if not index or not re.search(r"[A-Za-z]", question):
        return question
    words = list(_LATIN_WORD.finditer(question))
    out, at, i = [], 0, 0
    while i < len(words):
        for size in (4, 3, 2):
            run = words[i : i + size]
            if len(run) < size or any(re.search(r"[^\s-]", question[a.end() : b.start()]) for a, b in pairwise(run)):
                continue  # one name: words joined by spaces and hyphens only
            if replace and all(w[0].lower() in known for w in run):
                continue
            name = korean_name([w[0] for w in run], index)
            if name and name not in question:
                out += [question[at : run[0].start()], name] if replace else [question[at : run[-1].end()], f" ({name})"]
                at = run[-1].end()
                i += size
                break
        else:
            i += 1
    return "".join(out) + question[at:]


# Words borrowed from English and written in Hangul as they sound ("커핑" for "cupping", "셔틀" for "shuttle",
# "워크숍" for "workshop"), matched by their consonants: vowels, glides and "h" are left out (loanwords render them
# too freely), and a letter written twice counts once.
MIN_LOAN_SKELETON = 3  # fewer consonants match too many words by chance


def _squeezed(skeleton: str) -> str:
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouywh]", "", skeleton))


def hangul_loan_skeleton(word: str) -> str:
    """The consonants of a Hangul word as a loanword's ("셔틀" → "str"); empty when it holds anything else."""
    return _squeezed(hangul_skeleton(word))


def latin_loan_skeletons(word: str) -> set[str]:
    """The consonant skeletons a Latin-letter word may be written in Hangul with ("shuttle" → {"str"}; "centre"
    → {"sntr", "snt"}): "c" before e, i or y as "s", "g" there hard or soft, "-tion" as "-sion", and an "r" after
    a vowel kept or silent."""
    word = re.sub(r"c(?=[eiy])", "s", word.lower()).replace("ck", "k").replace("tion", "sion")
    out = set()
    for form in {word, re.sub(r"g(?=[eiy])", "j", word)}:
        form = form.replace("ng", "N").replace("ch", "j").replace("sh", "s").replace("ph", "p").replace("th", "t")
        form = form.replace("x", "ks").translate(_LATIN)
        out |= {_squeezed(f) for f in (form, re.sub(r"(?<=[aeiou])r(?=[^aeiouy]|$)", "", form))}
    return {s for s in out if len(s) >= MIN_LOAN_SKELETON}


def loanword_candidates(korean: Iterable[str], latin: Iterable[str]) -> list[tuple[str, str]]:
    """Pairs of a Hangul word of two syllables or more and a Latin-letter word that share a consonant skeleton
    (to be confirmed by meaning: skeletons alone pair "시간" with "sign"). A Latin-letter word that romanises one of
    the Hangul words ("gangwon" for "강원", the only one spelt with its letters) pairs with that word only ("강연" has
    its consonants too; one that romanises several pairs with any of them)."""
    korean = [w for w in korean if len(w) >= 2]
    spelt: dict[str, list[str]] = {}
    for w in korean:
        spelt.setdefault(hangul_skeleton(w), []).append(w)
    romanised = {skeleton: found[0] for skeleton, found in spelt.items() if len(found) == 1}
    by_skeleton: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for word in latin:
        # every Hangul word it may romanise ("solheim": 솔헤임, or 시험 with the "h" silent), whatever the order
        own = frozenset(romanised[s] for s in _latin_part(word) if s in romanised)
        for skeleton in sorted(latin_loan_skeletons(word)):
            by_skeleton.setdefault(skeleton, []).append((word, own))
    out = []
    for word in korean:
        if len(skeleton := hangul_loan_skeleton(word)) >= MIN_LOAN_SKELETON:
            out += [(word, other) for other, own in by_skeleton.get(skeleton, ()) if not own or word in own]
    return out


def loan_skeleton_index(korean: Iterable[str], latin: Iterable[str]) -> dict[str, tuple[list[str], list[str]]]:
    """Per loanword skeleton, the Hangul words (two syllables or more) and the Latin-letter words written with it:
    where a question's word spelt in the other script is looked up."""
    out: dict[str, tuple[list[str], list[str]]] = {}
    for word in korean:
        if len(word) >= 2 and len(skeleton := hangul_loan_skeleton(word)) >= MIN_LOAN_SKELETON:
            out.setdefault(skeleton, ([], []))[0].append(word)
    for word in latin:
        for skeleton in latin_loan_skeletons(word):
            out.setdefault(skeleton, ([], []))[1].append(word)
    return out


# Names the documents write in Latin letters, translated word by word in a Korean text ("AI 서울 정상회의" for "AI
# Seoul Summit", "프랑스 AI 행동 정상회의" for "AI Action Summit" in France): each Korean word the Latin one spelt as it
# sounds, the same country, or a word the glossary translates.
_PHRASE = re.compile(r"(?<![A-Za-z0-9])(?!The\b)[A-Z][A-Za-z0-9'’&-]*(?:[ \t]+(?:(?:of|for|on|the|and)[ \t]+)*"
                     r"[A-Z][A-Za-z0-9'’&-]*)+")
_LINKS = frozenset({"of", "for", "on", "the", "and"})
MIN_SOUND = 2  # consonants a Korean word must share with the Latin word it spells, inside a name of several words
Phrases = dict[str, list[tuple[tuple[str, ...], str]]]


def _plain(word: str) -> str:
    word = word.lower()
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def _keys(word: str, glosses: dict[str, set[str]] | None = None) -> set[str]:
    """What a name's word is found under: a Latin word by itself, its sounds and its country; a Korean word by its
    sounds, its country and the English words ``glosses`` gives it."""
    keys = {f"c:{code}"} if (code := country_of(word)) else set()
    if re.fullmatch(r"[A-Za-z0-9'’.&-]+", word):
        return keys | {f"w:{_plain(word)}"} | {f"s:{s}" for s in _latin_part(word) if len(s) >= MIN_SOUND}
    skeleton = hangul_skeleton(word)
    keys |= {f"s:{skeleton}"} if len(skeleton) >= MIN_SOUND else set()
    return keys | {f"w:{_plain(en)}" for en in (glosses or {}).get(word, ())}


def phrase_index(texts: Iterable[str]) -> Phrases:
    """The documents' names of two to six capitalised Latin-letter words ("AI Seoul Summit"), each with its words
    (less "of", "the" ...), by every key its first word is found under."""
    phrases: dict[tuple[str, ...], str] = {}
    for text in texts:
        for m in _PHRASE.finditer(text):
            words = tuple(w for w in re.split(r"[ \t]+", m[0]) if w.lower() not in _LINKS)
            if 2 <= len(words) <= 6:
                phrases.setdefault(words, m[0])
    index: Phrases = {}
    for words, written in phrases.items():
        for key in _keys(words[0]):
            index.setdefault(key, []).append((words, written))
    return index


def translated_phrase(units: list[str], index: Phrases, glosses: dict[str, set[str]]) -> str | None:
    """The documents' Latin-letter name that a run of words (Korean, or Latin like "AI") translates word for word,
    if exactly one does: ["AI", "서울", "정상회의"] → "AI Seoul Summit"."""
    found = {written for key in _keys(units[0], glosses) for words, written in index.get(key, ())
             if len(words) == len(units) and all(_keys(u, glosses) & _keys(w) for u, w in zip(units, words))}
    return found.pop() if len(found) == 1 else None
