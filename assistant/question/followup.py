"""Follow-up questions made standalone from the caller's own history (no state kept here)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pydantic import ValidationError

from index.models import Lang
from index.text import _kiwi_lock, kiwi

from ..checking.facts import fact_spans, facts
from ..checking.names import name_class, persons
from ..checking.roles import KOREAN_NAME_BEFORE
from ..models import Turn
from .clean import clean_question
from .vocabulary import (
    ARTICLES,
    KO_QUESTION_WORDS,
    KOREAN_TITLES,
    PREPOSITIONS,
    QUANTITY_WORDS,
    QUESTION_FRAME,
)

_KO_LEAD = re.compile(r"^(?:그럼|그러면|그렇다면|그리고|또|그래서|근데|그런데)\s*")
_KO_TAIL = re.compile(r"\s*(?:은|는|이|가)?\s*(?:요|요\?|\?)?\s*$")
_KO_ELLIPTIC = re.compile(r"^(?P<slot>.+?)(?:은|는)요\??$|^(?P<slot2>.+?)\s*(?:도요|도\?)$")
_KO_PRONOUN = re.compile(r"(그것|그건|그게|그걸|그거|이것|이건|거기|그곳|그분|그 사람|그 행사|그때|그날)")
_KO_THEY = re.compile(r"(걔네들?|걔들|얘네들?|그들|그\s*사람들|그분들)")  # the people or bodies the last answer named
_EN_ELLIPTIC = re.compile(
    r"^(?:and|so|then|ok(?:ay)?|what|how)?\s*(?:about|and)\s+(?P<slot>.+?)\??$", re.IGNORECASE
)
_EN_ASKS = re.compile(r"(?:who|whom|whose|what|when|where|which|how)\b", re.IGNORECASE)
_EN_PRONOUN = re.compile(r"\b(it|its|they|them|their|that|this|there|he|she|him|her|his)\b", re.IGNORECASE)
_EN_ONE = re.compile(r"\b(another|the next|a new|a second|the same) one\b", re.IGNORECASE)  # "another one": the last event
_EN_EXISTENTIAL = re.compile(r"\b(is|are|was|were|be|will)\s+there\b", re.IGNORECASE)  # "is there ...?" points at nothing
_WH_KO = re.compile("|".join(KO_QUESTION_WORDS))
_STOP_EN = QUESTION_FRAME | ARTICLES | PREPOSITIONS | QUANTITY_WORDS | {"and"}


def to_turns(history: Sequence[dict | Turn] | None, max_turns: int) -> list[Turn]:
    """Validated turns, cleaned like a question (markup, control characters and lone surrogates removed),
    keeping the last ``max_turns`` question/answer pairs."""
    turns = []
    for item in history or []:
        try:
            turn = item if isinstance(item, Turn) else Turn.model_validate(item)
        except ValidationError:
            continue  # a malformed entry says nothing about the conversation
        content = clean_question(turn.content)
        if content:
            turns.append(Turn(role=turn.role, content=content))
    return turns[-2 * max_turns :] if max_turns else []


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'-]+", text)


def _substitute(previous: str, slot: str, lang: Lang) -> str | None:
    """Replace the phrase in ``previous`` that plays the role of ``slot`` (same head word or both names)."""
    slot_words = _words(slot)
    if not slot_words:
        return None
    head = slot_words[-1] if lang == "ko" else slot_words[0]
    prev_words = _words(previous)
    n = len(slot_words)
    for i in range(len(prev_words) - n + 1):
        gram = prev_words[i : i + n]
        if lang == "ko" and gram[-1].startswith(head) and gram[:-1] != slot_words[:-1]:
            phrase = (
                r"\s+".join(re.escape(w) for w in gram[:-1]) + r"\s+" + re.escape(head)
                if n > 1
                else re.escape(gram[-1])
            )
            return re.sub(phrase, slot, previous, count=1)
        if lang == "en" and gram[0].lower() == head.lower() and gram != slot_words:
            phrase = r"\s+".join(re.escape(w) for w in gram)
            return re.sub(phrase, slot, previous, count=1)
    # swap one name for another (e.g. "Anthropic" → "Google")
    new_names, old_names = facts(slot).names, facts(previous).names
    if new_names and old_names:
        return previous.replace(old_names[-1], new_names[0], 1)
    for value_type in ("dates", "years", "numbers"):
        new, old = getattr(facts(slot), value_type), getattr(facts(previous), value_type)
        if new and old:
            return None
    return None


_AGENT = re.compile(
    r"\b(?:Institute|Ministry|University|Office|Committee|Agency|Company|Inc|Lab|Research)\b|[A-Z][a-z]+-[a-z]+"
)


def _topic(previous: str, lang: Lang, pronoun: str = "") -> str:
    """The main subject of the previous question: its names, else its content words.

    "it" refers to a thing rather than to a person or an organization, so a name that looks like one is passed over."""
    names = facts(previous).names
    # the place one comes from or goes to is no subject ("목포역에서 가는 셔틀버스": the shuttle)
    places = {n for n in names if _from_or_to(n, previous)} if lang == "ko" else set()
    names = [n for n in names if n not in places]
    if pronoun.lower() in {"it", "its", "this", "that"}:
        names = sorted(names, key=lambda n: bool(_AGENT.search(n)))
    if names:
        return " ".join(names[:2]) if lang == "ko" else "the " + names[0]
    subjects = [s for s in _ko_subjects(previous) if s not in places]
    if subjects:
        return " ".join(subjects[:2])
    words = [w for w in _words(previous) if w.lower() not in _STOP_EN and len(w) > 1
             and not w.startswith(_KO_ASKING)  # "패션쇼 언제야?" is about the show, not about "언제"
             and not _predicate(w)]  # "별빛 국악 콘서트 누가 나와?" is about the concert, not about "나와"
    return " ".join(words[-3:])


def _from_or_to(word: str, question: str) -> bool:
    """Whether a Korean question gives ``word`` as where something starts or ends ("목포역에서", "공항까지")."""
    return bool(re.search(re.escape(word) + r"(?:에서|부터|까지)(?![가-힣])", question))


def _predicate(word: str) -> bool:
    """Whether a Korean word is a verb or adjective ("나와", "했어"), as its first morpheme says."""
    if not re.search(r"[가-힣]", word):
        return False
    with _kiwi_lock:
        tokens = kiwi().tokenize(word)
    return bool(tokens) and tokens[0].tag.startswith(("VV", "VA", "VX", "VCP", "VCN"))


_KO_PARTICLE = re.compile(r"^(?P<stem>[가-힣A-Za-z0-9]{2,}?)(?:에서는|에서|에는|은|는|이|가|을|를|의|에|와|과)$")
_KO_ASKING = KO_QUESTION_WORDS
_KO_QUESTION_WORDS = (*_KO_ASKING, "이것", "그것", "그건", "거기")  # what a question is about is none of these


def _ko_subjects(question: str) -> list[str]:
    """The Korean nouns a question is about: words carrying a case or topic particle, question words excluded."""
    out = []
    for word in re.findall(r"[가-힣A-Za-z0-9]+", question):
        m = _KO_PARTICLE.match(word)
        if m and not m["stem"].startswith(_KO_QUESTION_WORDS):
            out.append(m["stem"])
    return out


def _is_self_contained(question: str) -> bool:
    return (
        len(facts(question).names) > 0
        and not _EN_PRONOUN.search(question)
        and not _KO_PRONOUN.search(question)
    )


_KO_REFERENT = re.compile(r"그\s*(?:회사|기업|기관|부처|단체|사람|분|인물)")
_EN_REFERENT = re.compile(
    r"\b(?:that|this|the same) (?:company|firm|organi[sz]ation|institute|ministry|agency|person)\b",
    re.IGNORECASE,
)


_MINISTRY = re.compile(
    r"[가-힣]{2,}부(?=[이입은는을를의와과에]|[^가-힣]|$)|\bMinistry of [A-Z][\w&]*(?: (?:and )?[A-Z][\w&]*)*"
)


def _answered_entity(previous: str, reply: str | None, referent: str) -> str | None:
    """The first name the previous answer gave that its question did not contain (what "that company" means)."""
    if not reply:
        return None
    ministry = re.search(r"부처|ministry", referent, re.IGNORECASE)
    names = _not_asked(previous, _MINISTRY.findall(reply) if ministry else facts(reply).names)
    if not names:
        return None
    if re.search(r"사람|분|인물|person", referent, re.IGNORECASE):
        return _whole_name(names[0], reply)
    return names[0]


# the word after a name written in Hangul that goes on with it: a foreign name spelt in Hangul is written as two
# words ("엘리너 마시가", "마리아나 코스타는"), where a title is no part of it ("김명주 소장이")
_NAME_GOES_ON = re.compile(
    r" ([가-힣]{1,4}?)(?:이|가|은|는|을|를|의|와|과|도|에게|께서|입니다|이에요|예요|이야|야|이다|다)?(?=[\s(,.]|$)")


def _whole_name(name: str, reply: str) -> str:
    """``name`` with the word that goes on with it in ``reply`` (the surname of a foreign name spelt in Hangul)."""
    at = reply.find(name)
    m = _NAME_GOES_ON.match(reply, at + len(name)) if at >= 0 and re.fullmatch(r"[가-힣]{2,}", name) else None
    if not m or re.fullmatch(KOREAN_TITLES, m[1]) or m[1].startswith(KO_QUESTION_WORDS):
        return name
    return f"{name} {m[1]}"


def _answered_names(previous: str, reply: str | None, many: bool) -> str | None:
    """What a pronoun means when the previous question named nothing: the names its answer gave ("What was the
    main outcome?" "An MOU between ... and Scale AI." "What's it supposed to do?"); up to three for "they"."""
    if not reply or facts(previous).names:
        return None
    return " ".join(_not_asked(previous, facts(reply).names)[: 3 if many else 1]) or None


def _not_asked(previous: str, names: list[str]) -> list[str]:
    """The names an answer gave that its question did not contain."""
    asked = previous.lower()
    return [n for n in names if n.lower() not in asked]


# pronouns for a person, a place and a day, each standing for the value of that kind the last answer gave
_EN_TYPED = re.compile(r"\b(?:(?P<person>he|she|him|his|her)|(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )"
                       r"(?P<place>there)|(?P<day>that day))\b", re.IGNORECASE)
_KO_TYPED = re.compile(r"(?P<person>그\s*사람|그분)|(?P<place>거기|그곳)|(?P<day>그날|그때)")


def _answered_value(previous: str, reply: str, kind: str) -> str | None:
    """The person, place or day the last answer gave that its question did not: "Ingrid Solheim" of "The keynote
    is given by Ingrid Solheim, CEO of ...", "6월 13일(토)" of "결선은 6월 13일(토) 10:00에 시작합니다"."""
    if kind == "day":
        dates = [f.text for f in fact_spans(reply) if f.kind == "date"]
        return dates[0] if dates else None
    found = [n for n in persons(reply) if n.isascii() or KOREAN_NAME_BEFORE.search(f"{n} ")] if kind == "person" \
        else [n for n in facts(reply).names if name_class(n, reply) == "place"]
    # the one the last answer brought in, else the one it was about ("who is Yoo Hyun-seok?" … "what did he say?")
    found = _not_asked(previous, found) or [n for n in found if n.lower() in previous.lower()]
    return found[0] if found else None


def _typed_referent(q: str, previous: str, reply: str | None, lang: Lang) -> str | None:
    """``q`` with its pronoun for a person, a place or a day ("she", "거기", "그날") replaced by the value of that
    kind the last answer gave; None when it has none or the answer gave none."""
    m = (_KO_TYPED if lang == "ko" else _EN_TYPED).search(q)
    if not m or not reply:
        return None
    kind = next(k for k in ("person", "place", "day") if m[k])
    value = _answered_value(previous, reply, kind)
    if value is None:
        return None
    possessive = m[0].lower() == "his" or (m[0].lower() == "her" and re.match(r"\s+[a-z]", q[m.end():]))
    return q[: m.start()] + value + ("'s" if possessive else "") + q[m.end():]


def resolve(question: str, previous: str | None, lang: Lang, reply: str | None = None) -> str:
    """Rewrite one question as standalone, given the previous (already standalone) user question and its answer."""
    if not previous:
        return question
    q = question.strip()
    typed = _typed_referent(q, previous, reply, lang)
    if typed:
        return typed
    referent = (_KO_REFERENT if lang == "ko" else _EN_REFERENT).search(q)
    entity = _answered_entity(previous, reply, referent[0]) if referent else None
    if referent and entity:
        return q[: referent.start()] + entity + q[referent.end() :]
    if lang == "ko":
        body = _KO_LEAD.sub("", q)
        m = _KO_ELLIPTIC.match(body)
        if m and len(_words(body)) <= 4:
            slot = (m["slot"] or m["slot2"]).strip()
            replaced = _substitute(previous, slot, lang)
            return replaced or f"{slot} {previous}"
        they = _KO_THEY.search(body)
        named = _answered_names(previous, reply, many=True) if they else None
        if they and named:
            return body[: they.start()] + named + body[they.end() :]
        if _KO_PRONOUN.search(body):
            return _KO_PRONOUN.sub(_topic(previous, lang), body, count=1)
        if facts(body).names or _ko_subjects(body):  # names its own subject: stands on its own
            return q
        # a short question, or one asking something with no subject of its own ("정확히 몇월에 어디서 하는데?"):
        # about the previous question's subject
        if body != q or len(_words(body)) <= 3 or (len(_words(body)) <= 6 and _WH_KO.search(body)):
            return f"{_topic(previous, lang)} {body}"
        return q
    one = _EN_ONE.search(q)
    if one:
        names = [  # a capitalised first word ("Detailed ...") is no name
            n
            for text in (previous, reply or "")
            for n in facts(text).names
            if not text.startswith(n) or sum(ch.isupper() for ch in n) > 1
        ]
        if names:
            return q[: one.start()] + f"{one[1]} {names[0]}" + q[one.end() :]
    m = _EN_ELLIPTIC.match(q)
    if m and len(_words(m["slot"])) <= 5:
        slot = m["slot"].strip()
        if _EN_ASKS.match(slot):  # "and who won?": a new question about the previous one's subject
            return f"{slot.rstrip('?')} ({_topic(previous, lang)})"
        return _substitute(previous, slot, lang) or f"{previous} ({slot})"
    if _EN_PRONOUN.search(_EN_EXISTENTIAL.sub(r"\1", q)) and not _is_self_contained(q):
        pronoun = _EN_PRONOUN.search(q)[1]
        # "it" and "they" point at what the answer named; "that" at what was asked ("what does that mean?")
        answered = pronoun.lower() in {"it", "they", "them", "their"} and _answered_names(
            previous, reply, many=pronoun.lower() != "it")
        topic = answered or _topic(previous, lang, pronoun)
        return _EN_PRONOUN.sub(
            lambda p: topic + ("'s" if p[1].lower() in {"its", "their", "his"} else ""), q, count=1
        )
    return q


def standalone_question(
    question: str, history: Sequence[dict | Turn] | None, lang: Lang, max_turns: int
) -> str:
    """Resolve ``question`` against the user turns of ``history`` (each resolved in turn)."""
    previous: str | None = None
    reply: str | None = None
    for turn in to_turns(history, max_turns):
        if turn.role == "user":
            previous, reply = resolve(turn.content, previous, lang, reply), None
        else:
            reply = turn.content
    return resolve(question, previous, lang, reply)


_PART_END = re.compile(r"(?<=[?？])\s+(?=\S)")
# "How many seats are there, and how long is it?": a second English question joined by "and" before its question word
_EN_AND_ASKS = re.compile(r",?\s+and\s+(?=(?:how|what|when|where|who|which|why)\s+\w+\s+\w+)", re.IGNORECASE)


def question_parts(question: str, lang: Lang) -> list[str]:
    """The questions one message asks when it asks several ("기조강연 누가 해? 몇 시에?"), each made standalone
    against the first ("기조강연 몇 시에?"); ``[question]`` when it asks one."""
    parts = [p.strip() for p in _PART_END.split(question.strip()) if p.strip()]
    if lang == "en" and len(parts) == 1 and parts[0].endswith("?"):
        joined = _EN_AND_ASKS.split(parts[0], maxsplit=1)
        if len(joined) == 2 and len(_words(joined[0])) >= 3:
            parts = [f"{joined[0].rstrip(' ,')}?", joined[1]]
    if len(parts) < 2 or not all(p.endswith(("?", "？")) for p in parts):
        return [question]
    first = parts[0]
    out = [first]
    for part in parts[1:]:
        resolved = resolve(part, first, lang)
        content = [w for w in _words(resolved) if w.lower() not in _STOP_EN and not w.startswith(_KO_ASKING)]
        out.append(resolved if content else f"{resolved.rstrip('?？')} ({first.rstrip('?？')})?")  # "When?"
    return out
