"""Names in statements and passages: whether a text names something, what kind of thing a name is (a person,
a place, an organisation), who a sentence names, and when two names are one thing's (a gloss, a misspelling,
an acronym, a short Korean form, a company described by its country)."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from ..question.countries import country_of
from .facts import name_in
from .roles import KOREAN_TITLES


def name_present(name: str, text: str, rarity=len) -> bool:
    """Whether ``text`` names ``name``: as a whole (spacing-insensitive), or by most of its words, the rarest
    among them (by ``rarity``, higher is rarer): "Deputy PM Bae Kyung-hoon" in "Deputy Prime Minister Bae
    Kyung-hoon", but not "LG AI Research" in "... AI safety research"."""
    if name_in(name, text):
        return True
    words = [re.sub(r"['’]s$", "", w) for w in re.split(r"[\s·]+", name)]
    words = [w for w in words if len(w) > 1]
    if len(words) < 2:
        return False
    found = [w for w in words if name_in(w, text)]
    return len(found) / len(words) >= 0.6 and max(words, key=rarity) in found


_PLACE = re.compile(r"hotel|center|centre|hall|gallery|convention|arena|stadium|호텔|센터|홀|갤러리|컨벤션|전시장",
                    re.IGNORECASE)
_ORGANISATION = re.compile(
    r"institute|ministry|university|company|corp|inc\b|lab|research|committee|agency|office|association|foundation|"
    r"council|\bAI$|연구소|연구원|부$|위원회|기업|대학|협회|재단|사무국|진흥원|청$", re.IGNORECASE)
PERSON_ROLE = re.compile(
    r"\b(?:Mr|Ms|Dr|Prof|director|minister|head|president|chair|ceo|chief|founder|professor|researcher|deputy|reporter|editor)\b|" + KOREAN_TITLES,
    re.IGNORECASE)
PERSON_NAME = re.compile(r"^(?:[A-Z][a-z]+ [A-Z][a-z]+(?:-[a-z]+)?|[가-힣]{3})$")


# where a name stands for a place: "at the X", "in X", "drew 300 people to X"; "X에서", "X서 열려", and a city
# before its venue ("부산 벡스코서")
_PLACE_BEFORE = re.compile(r"\b(?:at|in)\s+(?:the\s+)?$|\b(?:drew|draws|drawing|brought|brings|attracted|attracts|"
                           r"came|comes|travell?ed|flocked|headed|gathered)\b[^.,;:!?]{0,40}?\bto\s+$|"
                           # "장소는 X", "the venue was X", "Venue: X"
                           r"(?:장소|개최지|행사장)\s*(?:은|는|:)\s*$|\bvenue(?:\s+(?:is|was|will\s+be))?\s*:?\s+(?:the\s+)?$",
                           re.IGNORECASE)
# ("METR 등에서 연사가 참여했다": from the organisations listed, not a place)
_PLACE_AFTER = re.compile(r"(?:\s+(?!등(?:에서|서)(?![가-힣]))[가-힣A-Za-z]+)?(?:에서|서)(?![가-힣])")


def name_class(name: str, text: str) -> str | None:
    """What kind of thing a name is: a place, an organisation, a person, or None when it is not clear."""
    core = PERSON_ROLE.sub("", name).strip()
    if PERSON_NAME.match(core) and (PERSON_ROLE.search(text) or re.search(r"\bsaid\b|말했|밝혔|강조했", text)):
        return "person"
    if _PLACE.search(name) and not _ORGANISATION.search(name):
        return "place"
    at = text.find(name)
    if at >= 0 and (_PLACE_BEFORE.search(text[:at]) or _PLACE_AFTER.match(text, at + len(name))):
        return "place"
    if _ORGANISATION.search(name):
        return "organisation"
    return None


KOREAN_PERSON = re.compile(r"(?<![가-힣])([가-힣]{3})(?=\s+(?:\S+\s+)?[가-힣]*?(?:" + KOREAN_TITLES + r"))")


def persons(text: str) -> list[str]:
    """The people a sentence names: Latin names shaped like a person's ("Song Sang-hoon"), and Korean names
    followed by a title within two words ("송상훈 국가인공지능전략위원회 지원단장")."""
    # (two capitalised words that go on into a longer name are none: "Korea Creative" of "the Korea Creative
    # Content Agency"; nor is a name with an organisation's word in it: "Content Agency")
    latin = [m[0] for m in re.finditer(r"\b[A-Z][a-z]+ [A-Z][a-z]+(?:-[a-z]+)?\b(?! [A-Z])", text)
             if name_class(m[0], text) == "person" and not _ORGANISATION.search(m[0])]
    return latin + [m[1] for m in KOREAN_PERSON.finditer(text)]


# "한국전자통신연구원(ETRI)", "Song Sang-hoon (송상훈)": a name, then another name for it in brackets.
GLOSS = re.compile(r"([A-Z][A-Za-z0-9.'’-]*(?: (?:(?:of|and|for|on|the|&) )*[A-Z][A-Za-z0-9.'’-]*){0,7}|[가-힣]{4,})"
                    r"\s?\(([^()]{2,80})\)")


def is_alias(name: str, other: str) -> bool:
    """Whether two names in a gloss are the same thing's: a Latin name and its Hangul one (a long Hangul name
    and its acronym), or a name and its acronym."""
    latin = [bool(re.fullmatch(r"[A-Za-z][\w&.'’ -]*", n)) for n in (name, other)]
    if latin[0] != latin[1]:
        if not latin[0]:  # "한국전자통신연구원(ETRI)": a long Hangul name glossed by its acronym
            return bool(re.fullmatch(r"[A-Z]{2,6}", other))
        return bool(re.fullmatch(r"[가-힣]+(?: [가-힣]+){0,3}", other))
    short, long = sorted((name, other), key=len)
    return latin[0] and bool(re.fullmatch(r"[A-Z]{2,6}", short)) and len(long.split()) > 1 and _acronym_of(short, long)


GENERIC_HEAD = re.compile(r"(?:\s*(?:AI|IT))?\s*(?:회사|기업|업체|스타트업|company|firm|startup|business)", re.IGNORECASE)


def country_described(name: str) -> str | None:
    """The country a name is, or describes a company by ("미국 회사", "a US firm", "UK-based"); ``None`` for any other
    name."""
    found = country_of(name)
    if found:
        return found
    based = re.fullmatch(r"(?:an?\s+)?(\S+?)-based(?:\s.*)?", name, re.IGNORECASE)  # "UK-based", "a US-based firm"
    if based:
        return country_of(based[1])
    m = re.match(r"(?:an?\s+)?(\S+)", name, re.IGNORECASE)
    return country_of(m[1]) if m and GENERIC_HEAD.fullmatch(name[m.end():]) else None


SPELLING_ALIKE = 0.8  # two names this alike (difflib ratio) are one name, misspelt ("Sclae AI")


def same_name(claimed: str, offered: str) -> bool:
    """Whether ``offered`` is the claimed name written another way: misspelt ("Sclae AI"), or by the acronym the
    claim uses ("Korean AISI" for "Korea AI Safety Institute"), or the other way round ("KOCCA" for the claim's "Korea
    Creative Content Agency")."""
    if SequenceMatcher(None, claimed.lower(), offered.lower()).ratio() >= SPELLING_ALIKE:
        return True
    return any(_acronym_of(word, long) for short, long in ((claimed, offered), (offered, claimed))
               if len(long.split()) > 1 for word in re.findall(r"\b[A-Z]{3,6}\b", short))


def other_script(claimed: str, offered: str) -> bool:
    """Whether a claimed Hangul name and a Latin-script one cannot be told apart as two things ("AI 서울 정상회의"
    beside "AI Seoul Summit")."""
    latin = re.findall(r"[A-Za-z]{3,}", claimed)  # "AI" apart
    return bool(re.search(r"[가-힣]", claimed)) and not re.search(r"[가-힣]", offered) and not latin


def abbreviates(name: str, text: str) -> bool:
    """Whether a Korean name is the short form of a longer name in ``text``, made of some of its syllables in order
    and keeping its first and last ("과기부", "과기정통부" of "과학기술정보통신부")."""
    if not re.fullmatch(r"[가-힣]{3,6}", name):
        return False
    return any(len(word) >= len(name) + 2 and word[0] == name[0] and word[-1] == name[-1] and _subsequence(name, word)
               for word in re.findall(r"[가-힣]+", text))


def _acronym_of(acronym: str, name: str) -> bool:
    """Whether ``acronym``'s letters come in order among ``name``'s capitals ("AISI" of "Korea AI Safety Institute"),
    or spell the starts of its words in order ("KOCCA" of "Korea Creative Content Agency": KO-C-C-A)."""
    if _subsequence(acronym, "".join(re.findall(r"[A-Z]", name))):
        return True
    words = [w.upper() for w in re.findall(r"[A-Za-z]+", name) if w.lower() not in _SMALL_WORDS]
    return _by_word_starts(acronym.upper(), tuple(words))


_SMALL_WORDS = {"of", "and", "the", "for", "on", "in", "at", "to", "a", "an"}


def _by_word_starts(letters: str, words: tuple[str, ...]) -> bool:
    """Whether ``letters`` are the starts (one letter or more) of some of ``words``, in order."""
    if not letters:
        return True
    if not words:
        return False
    first, rest = words[0], words[1:]
    return _by_word_starts(letters, rest) or any(
        first[:k] == letters[:k] and _by_word_starts(letters[k:], rest) for k in range(1, min(len(first), len(letters)) + 1))


def _subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(c in letters for c in short)
