"""Roles at an event as statements and documents give them: a person's post ("송상훈 국가인공지능전략위원회
지원단장", "Kim Myung-joo, director of the AI Safety Institute of ETRI"), the kind of address they gave
(welcome, congratulatory, opening, closing, keynote), and an organisation's part in the event (host, organiser)."""

from __future__ import annotations

import re

from ..answering.evidence import terms
from ..question.vocabulary import KOREAN_SURNAMES, KOREAN_TITLES

# a post: up to three words, the last a title ("과기정통부 차관", "국가인공지능전략위원회 지원단장", "원장직무대행")
POST = re.compile(r"((?:[^\s,.]+\s+){0,3}?[가-힣]*(?:" + KOREAN_TITLES + r")(?:직무대행|대행)?)(?=[은는이가의을를과와께,.\s]|$)")
# a Korean full name right before a word (a common surname, then two syllables)
KOREAN_NAME_BEFORE = re.compile(rf"(?<![가-힣])([{KOREAN_SURNAMES}][가-힣]{{2}})\s+$")
# an English post after a person's name: "Kim Myung-joo (김명주), director of the AI Safety Institute of ETRI,"
_EN_TITLE_WORDS = (r"head|director|president|chair|chairman|chairwoman|chairperson|minister|ceo|founder|chief|"
                   r"secretary|professor|researcher|reporter|editor|manager|leader")
EN_TITLE = re.compile(r"\b(?:(?:acting|deputy|vice|former)\s+)*(?:" + _EN_TITLE_WORDS + r")\b", re.IGNORECASE)
# a person named with their title before the name ("Deputy Prime Minister Bae Kyung-hoon")
EN_TITLED_NAME = re.compile(r"(?P<title>(?:(?:acting|deputy|vice|former|prime)\s+)*(?:" + _EN_TITLE_WORDS + r"|pm))\s+"
                            r"(?P<person>[A-Z][a-z]+ [A-Z][a-z]+(?:-[a-z]+)?)", re.IGNORECASE)
EN_POST = re.compile(r"(?P<name>\b[A-Z][a-z]+ [A-Z][a-z]+(?:-[a-z]+)?)(?:\s*\([^)]*\))?(?:,\s*|\s+is\s+)(?P<post>(?:the\s+)?"
                     + EN_TITLE.pattern + r"[^,;.]*)")
# an English post before a person's name: "KOCCA president Yoo Hyun-seok", "ETRI AI Safety Institute director Kim …"
EN_POST_BEFORE = re.compile(r"(?P<post>(?:[A-Z][\w&'’.-]*\s+){1,5}(?i:" + EN_TITLE.pattern + r"))\s+"
                            r"(?P<name>[A-Z][a-z]+ [A-Z][a-z]+(?:-[a-z]+)?)")
SAME_TITLE = {"head": "director", "chief": "director", "leader": "director", "chairman": "chair", "chairwoman": "chair",
              "chairperson": "chair"}
POST_SAME = 0.8  # share of a claimed organisation's terms a post of the same title must hold to support it
POST_OTHER = 0.5  # ... below which a post names another organisation
# the kinds of address given at an event's ceremonies, in both languages
ADDRESSES = [(kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in (
    ("welcome", r"환영사|환영\s*인사|\bwelcom(?:e|ing)\s+(?:address|speech|remarks)"),
    ("congratulatory", r"축사|\bcongratulatory\s+(?:address|speech|remarks)"),
    ("opening", r"개회사|\bopening\s+(?:address|speech|remarks)"),
    ("closing", r"폐회사|\bclosing\s+(?:address|speech|remarks)"),
    ("keynote", r"기조\s*(?:연설|강연)|\bkeynote"),
)]


def post_parts(post: str, before: bool = False) -> tuple[str, frozenset[str]]:
    """An English post as its kind of title ("acting president") and the terms of its organisation, written after
    the title ("president of KOCCA") or, ``before``, in front of it ("KOCCA president")."""
    m = EN_TITLE.search(post)
    if m is None:
        return "", terms(post, quoted_korean=False)
    title = re.sub(r"\s+", " ", m[0].lower())
    for word, same in SAME_TITLE.items():
        title = re.sub(rf"\b{word}\b", same, title)
    if before:  # "Acting KOCCA president": the qualifier is the title's, wherever it stands
        title = " ".join([*(q.lower() for q in _QUALIFIER.findall(post[: m.start()])), title])
    return title, terms(post_org(post, before), quoted_korean=False) - {"the", "of"}


def post_org(post: str, before: bool = False) -> str:
    """The organisation an English post names, as written ("KOCCA (콘진원)" of "acting president of KOCCA (콘진원)")."""
    m = EN_TITLE.search(post)
    if m is None:
        return post.strip()
    org = _QUALIFIER.sub(" ", post[: m.start()]) if before else post[m.end() :]
    return re.sub(r"^\s*(?:of\s+|at\s+)?(?:the\s+)?", "", org).strip(" ,")


_QUALIFIER = re.compile(r"\b(?:acting|deputy|vice|former)\b", re.IGNORECASE)  # of a title: "acting president"


def address_kinds(text: str) -> dict[str, str]:
    """The kinds of address a text names, each with the words naming it ("환영사" → welcome)."""
    return {kind: m[0] for kind, pattern in ADDRESSES if (m := pattern.search(text))}


def titles(post: str) -> list[str]:
    """The words of a post that are titles ("부총리 겸 과기정통부 장관" → 부총리, 장관)."""
    return [w for w in post.split() if re.search(r"(?:" + KOREAN_TITLES + r")(?:직무대행|대행)?$", w)]


# an organisation's part in an event, in both languages: the one who hosts it (주최) and the one who runs it (주관)
_ORG_ROLE_WORDS = {"주최": "host", "주관": "organiser", "hosted": "host", "host": "host", "hosts": "host",
                   "organised": "organiser", "organized": "organiser", "organiser": "organiser", "organizer": "organiser"}
_ROLE_AFTER_KO = re.compile(r"\s*(?:이|가|은|는|에서)?\s*(?:공동\s*)?(주최|주관)")  # not "SFASS의 주관": the event's
_ROLE_WORD = re.compile(r"주최|주관|\bhost(?:ed|s)?\b|\borgani[sz](?:ed|er|ers)\b", re.IGNORECASE)
_ROLE_BEFORE_EN = re.compile(r"\b(hosted|organi[sz]ed)\s+(?:jointly\s+)?by\s+(?:the\s+)?$", re.IGNORECASE)
# "MSIT (…) was the host", "MSIT, the host", "MSIT hosted": not "SFASS was organised by", the event itself
_ROLE_AFTER_EN = re.compile(r"(?:\s*\([^)]*\))?(?:,?\s+(?:was|is|as)\s+|,\s*)(?:the\s+|its\s+)?(host|organi[sz]er)\b|"
                            r"(?:\s*\([^)]*\))?\s+(hosted|organi[sz]ed)\b(?!\s+by)", re.IGNORECASE)


# "MSIT-hosted": the organisation and its part in one word
_ROLE_SUFFIX_EN = re.compile(r"-(hosted|organi[sz]ed)$", re.IGNORECASE)


def without_role(name: str) -> str:
    """``name`` without a part in the event written onto it: "MSIT-hosted" → "MSIT"."""
    return _ROLE_SUFFIX_EN.sub("", name)


def org_role(text: str, start: int, end: int) -> str | None:
    """The part in the event that ``text`` gives the organisation written at ``text[start:end]``: "host" or
    "organiser" ("과기정통부가 주최하고", "organised by ETRI's AI Safety Institute", "MSIT, the host",
    "MSIT-hosted"); None when it gives none."""
    after = _ROLE_AFTER_KO.match(text, end) or _ROLE_AFTER_EN.match(text, end)
    before = _ROLE_BEFORE_EN.search(text[:start])
    found = after or before or _ROLE_SUFFIX_EN.search(text[start:end])
    return _ORG_ROLE_WORDS[(found[1] or found[2]).lower()] if found else None


def org_roles(text: str) -> set[str]:
    """The parts in an event that ``text`` speaks of ("host", "organiser")."""
    return {_ORG_ROLE_WORDS.get(m[0].lower(), "host" if m[0].lower().startswith("host") else "organiser")
            for m in _ROLE_WORD.finditer(text)}

