"""Splitting a statement into atomic claims: every date, number, length of time, day, time of day and name it
states, each with the clause it is stated in; the words of a clause outside those values ("gave the welcome
address") are a claim of their own, checked by meaning.

"About 150 people attended SFASS, which opened on 29 October at Lotte Hotel." →
``150`` · ``29 October`` · ``Lotte Hotel`` (three claims; the event's own name is the subject, not a claim).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from index.text import _kiwi_lock, kiwi, split_sentences

from ..answering.evidence import only_adverb
from ..question.answer_type import DAY_ORDINALS
from .facts import NOT_NAMES, WEEKDAYS_EN, WEEKDAYS_KO, FactKind, FactSpan, fact_spans

# Where one clause ends and the next begins: punctuation (a dash between spaces too), relative words, conjunctions
# that join clauses, and Korean connective endings (…했고, …했으며, …했지만, …한데, …열려서, a quotation's "…'며";
# not a place a headline shortens with 서, "엠갤러리서 막 올라").
_CLAUSE_BREAK = re.compile(
    r"\s*[;:]\s+|,\s+|\s*(?:…|\.{3})\s*|\s+[—–]\s+|\s+(?=(?:which|who|where|while|whereas|but|although|though|after|before|when)\s)|"
    r"\s+(?=(?-i:and\s+(?:the\s+)?[A-Z][a-z]))|\s+(?=(?-i:and\s+(?:was\s+|were\s+)?[a-z]{3,}ed\s))|"
    r"(?<=[가-힣](?:고|며|만|데|해))\s+|(?<=['’\"”]며)\s+|(?<=['’\"”]면서)\s+|(?<=[아어여해와워려쳐져켜혀봐돼내나가에]서)\s+|(?<=[가-힣]으며)\s+|(?<=[가-힣]였고)\s+",
    re.IGNORECASE,
)
_LATIN_NAME = re.compile(
    r"(?<![A-Za-z0-9])[A-Z][A-Za-z0-9'’.&-]*(?:[ \t]+(?:of\s+(?:the\s+)?|&\s+|and\s+(?=[A-Z]{2,}\b))?[A-Z][A-Za-z0-9'’.&-]*)*"
)
_NOUN_TAGS = {"NNP", "NNG", "SL", "SH", "XSN", "XPN", "NR", "SN"}
# Words that say when, not who or where: they end a Korean name ("둘째 날 구글과" → "구글").
_WHEN_WORDS = {"날", "첫째", "둘째", "셋째", "첫날", "당일", "오전", "오후", "올해", "지난해", "이번", "지난", "이날"}
_COMMON_ACRONYMS = {"AI", "MOU", "IT", "CEO"}
_INSTITUTION_SUFFIXES = ("부", "처", "청", "진흥원", "연구원", "연구소", "위원회", "재단", "협회", "공단", "공사", "대학교")
_INSTITUTION = re.compile(r"\b(?:Institute|Ministry|University|Committee|Agency|Office|Lab|Center|Centre)\b")
_CURRENCY = re.compile(r"USD|KRW|EUR|JPY|GBP|CNY")


@dataclass
class AtomicClaim:
    """One fact a statement states (or one clause with no such fact), located in the statement."""

    kind: FactKind | None  # None: words of a clause outside its values
    value: str  # as written in the statement
    values: list[str]  # normalised (see ``FactSpan.values``); names as written
    start: int  # the value's place in the statement
    end: int
    clause: tuple[int, int]  # the clause's place in the statement
    sentence: tuple[int, int]  # the sentence's place in the statement
    fact: FactSpan | None = None
    others: list[tuple[int, int]] = field(default_factory=list)  # the other claims' values in the same sentence
    other_names: list[tuple[int, int]] = field(default_factory=list)  # those of them that are names


def clauses(sentence: str, whole: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """The clauses of one sentence as (start, end) offsets; quotations, and the spans in ``whole`` (its facts:
    "Thursday, Oct 30"), are never split."""
    quoted = [m.span() for m in re.finditer(r"[\"“][^\"”]*[\"”]|[‘'][^’']{4,}[’']", sentence)] + list(whole)
    cuts = [0]
    for m in sorted([*_CLAUSE_BREAK.finditer(sentence), *_copula_breaks(sentence)], key=lambda m: m.start()):
        if any(a < m.start() < b for a, b in quoted):
            continue
        cuts.append(m.end())
    spans = []
    for start, end in zip(cuts, cuts[1:] + [len(sentence)]):
        piece = sentence[start:end].rstrip(" ,;:.!?")
        if re.search(r"\w", piece):
            spans.append((start, start + len(piece)))
    return spans or [(0, len(sentence))]


_COPULA_END = re.compile(r"(?<=[가-힣]라)(?:서)?\s+")


def _copula_breaks(sentence: str) -> list[re.Match[str]]:
    """Where a clause ends in the copula's connective ending, "…이라(서)" ("스케일AI가 미국 회사라 의미 크다"), not
    in a verb that merely ends alike ("기사에 따라")."""
    out = []
    for m in _COPULA_END.finditer(sentence):
        word = sentence[: m.start()].rsplit(None, 1)[-1]
        with _kiwi_lock:
            tags = [t.tag for t in kiwi().tokenize(word)]
        if tags[-2:] == ["VCP", "EC"]:
            out.append(m)
    return out


def _latin_names(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _LATIN_NAME.finditer(text):
        words = list(re.finditer(r"\S+", m[0]))
        possessive = next((i for i, w in enumerate(words[:-1]) if re.search(r"['’]s$", w[0])), None)
        owned = " ".join(w[0] for w in words[possessive + 1 :]) if possessive is not None else ""
        groups = [words]
        if possessive is not None and not _INSTITUTION.search(owned):  # "the Institute's MOU": the owner;
            groups = [words[: possessive + 1]]  # "Seoul's Lotte Hotel": both
            if owned.strip(".,;:'’") not in _COMMON_ACRONYMS:
                groups.append(words[possessive + 1 :])
        out += [span for group in groups if (span := _latin_name_span(text, m.start(), group))]
    return out


def _latin_name_span(text: str, at: int, words: list[re.Match[str]]) -> tuple[int, int] | None:
    """Where the name made of ``words`` (matches in the run starting at ``at``) is, without the words around a name
    and its trailing punctuation; ``None`` when nothing of a name is left."""
    while words and (words[0][0].strip(".'’").lower() in NOT_NAMES or only_adverb(words[0][0])):
        words.pop(0)  # ... and an adverb starting the sentence ("Meanwhile Korea's market")
    while words and re.sub(r"['’]s$", "", words[-1][0].strip(".'’,")).lower() in NOT_NAMES | {"of", "and", "&"}:
        words.pop()
    if not words:
        return None
    start, end = at + words[0].start(), at + words[-1].end()
    while end > start and text[end - 1] in ".,;:":  # the sentence's full stop is not part of the name
        end -= 1
    while end > start and text[end - 1] in ".'’,":
        end -= 1
    if text[end - 2 : end] in ("'s", "’s"):
        end -= 2
    return (start, end) if end - start > 1 and not _CURRENCY.fullmatch(text[start:end]) else None


@lru_cache(maxsize=2048)
def _korean_names(text: str) -> tuple[tuple[int, int], ...]:
    """Runs of noun-only words holding a proper noun or a Latin-script name ("서울 호텔 나루 엠갤러리",
    "Scale AI와" → "Scale AI"); a word with a particle ends the run, a word saying when starts a new one."""
    if not re.search(r"[가-힣]", text):
        return ()
    with _kiwi_lock:
        tokens = kiwi().tokenize(text)
    words: list[list] = []  # tokens grouped by the space-separated word they belong to
    for t in tokens:
        if words and t.start <= words[-1][-1].start + words[-1][-1].len:
            words[-1].append(t)
        else:
            words.append([t])
    out: list[tuple[int, int]] = []
    run: list = []

    def close() -> None:
        named = [t for w in run for t in w if t.tag == "NNP" or (t.tag == "SL" and t.form not in _COMMON_ACRONYMS)]
        named += [w[-1] for w in run if _institution_compound(w)]
        if named:
            nouns = [t for w in run for t in w if t.tag in _NOUN_TAGS]
            out.append((nouns[0].start, nouns[-1].start + nouns[-1].len))
        run.clear()

    for word in words:
        forms = {t.form for t in word}
        if forms & _WHEN_WORDS or all(t.tag in ("SN", "NR") for t in word) or word[0].form in _ROLE_NOUNS \
                or word[0].form in _BETWEEN_NOUNS:
            close()  # a word saying when, a number, an organisation's part ("과기정통부 주최") or the parties'
            continue  # relation ("A와 B 사이에"): not the name
        nouns = [t for t in word if t.tag in _NOUN_TAGS]
        if len(word) > 1 and word[-1].form == "서" and word[-1].tag in _NOUN_TAGS and word[-2].tag == "NNP":
            nouns.pop()  # "서울서 개막": the particle 에서 as headlines shorten it, which Kiwi reads as a noun
        if not nouns or word[0].tag not in _NOUN_TAGS:
            close()
            continue
        if run and _person_like(run[-1][-1]):  # "송상훈 과기정통부 차관": the person, then their post
            close()
        if run and len(run[-1]) == 1 == len(nouns) and run[-1][0].tag == nouns[0].tag == "NNP":
            close()  # "서울 코엑스": a city, then a place in it
        if run and re.match(r"[A-Z][a-z]", nouns[0].form) and re.search(r"[가-힣]", run[-1][-1].form):
            close()  # "미국 AI 기업 Scale AI": the description, then the name
        run.append(nouns)
        if len(nouns) < len(word):  # a particle or ending: the name ends here
            close()
    close()
    return tuple(out)


_ROLE_NOUNS = {"주최", "주관", "후원", "협찬"}
_BETWEEN_NOUNS = {"사이", "간", "측"}  # "A와 B 사이에", "A와 B 간 협약", "B 측": what follows the parties' names


def _institution_compound(nouns: list) -> bool:
    """A word compounded of several nouns and ending in an institution's suffix ("산업통상자원부", "행정안전부",
    "한국지능정보사회진흥원"): the name of a ministry, agency or institute, though Kiwi knows it as no proper noun."""
    word = "".join(t.form for t in nouns)
    return len(nouns) >= 2 and len(word) >= 4 and word.endswith(_INSTITUTION_SUFFIXES)


def _person_like(token) -> bool:
    """A Korean proper noun shaped like a person's name (three syllables)."""
    return token.tag == "NNP" and bool(re.fullmatch(r"[가-힣]{3}", token.form))


def _names(sentence: str) -> list[tuple[int, int]]:
    korean = len(re.findall(r"[가-힣]", sentence)) > len(re.findall(r"[A-Za-z]", sentence)) / 2
    spans = sorted(set(_latin_names(sentence)) | (set(_korean_names(sentence)) if korean else set()))
    merged: list[tuple[int, int]] = []
    for start, end in spans:  # a Latin name inside a Korean noun phrase: the phrase
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    out = []
    for start, end in merged:
        while end > start and sentence[end - 1] in ".,;:'’\"”)" and not _closes(sentence[start:end]):
            end -= 1
        if _opens(sentence[start:end]) and sentence[end : end + 1] == ")":
            end += 1  # "한국지능정보사회진흥원(NIA)이": the name with its abbreviation, whose bracket it closes
        out.append((start, end))
    return out


def _opens(name: str) -> bool:
    """Whether a name leaves a bracket open ("한국지능정보사회진흥원(NIA")."""
    return name.count("(") > name.count(")")


def _closes(name: str) -> bool:
    """Whether a name ends with the bracket it opened ("한국지능정보사회진흥원(NIA)")."""
    return name.endswith(")") and name.count("(") == name.count(")")


_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|~|to|until|through|and|&|부터|에서|까지)\s*(?:the\s+)?", re.IGNORECASE)


def _ranges(sentence: str, facts: list[FactSpan]) -> list[FactSpan]:
    """Two dates or times of day joined as a range ("from 28 October to 29 October", "9am–6pm") as one fact,
    unless both are single days written apart ("10.28~10.31"): then each end is a claim of its own, the first day
    and the last."""
    out: list[FactSpan] = []
    for f in facts:
        prev = out[-1] if out else None
        if (prev and prev.kind == f.kind and f.kind in ("date", "time")
                and _RANGE_JOIN.fullmatch(sentence[prev.end : f.start])
                and not _two_days(prev, f)):
            out[-1] = FactSpan(kind=f.kind, text=sentence[prev.start : f.end], start=prev.start, end=f.end,
                               values=list(dict.fromkeys(prev.values + f.values)))
        else:
            out.append(f)
    return out


_LONE_WEEKDAY = re.compile(r"\b(mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|satur|sun)day\b|(?<![가-힣])([월화수목금토일])요일",
                           re.IGNORECASE)


def _lone_weekdays(sentence: str) -> list[FactSpan]:
    """Days of the week written with no date beside them ("opened on a Wednesday", "수요일에 개막"): facts with
    no values of their own."""
    return [FactSpan(kind="weekday", text=m[0], start=m.start(), end=m.end(), values=[],
                     weekday=WEEKDAYS_EN[m[1][:3].lower()] if m[1] else WEEKDAYS_KO.index(m[2]))
            for m in _LONE_WEEKDAY.finditer(sentence)]


def _two_days(first: FactSpan, second: FactSpan) -> bool:
    """Whether two dates are each one day of a month (not a span already)."""
    return all(len(f.values) == 1 and re.fullmatch(r"(?:\d\d|\*)-\d\d", f.values[0]) for f in (first, second))


def _outside(sentence: str, name: tuple[int, int], facts: list[FactSpan]) -> tuple[int, int] | None:
    """The longest part of a name outside the facts it runs into ("이틀간 서울 호텔" → "서울 호텔")."""
    pieces = [name]
    for f in facts:
        pieces = [p for a, b in pieces for p in ((a, min(b, f.start)), (max(a, f.end), b)) if p[1] > p[0]]
    best = None
    for a, b in pieces:
        while a < b and sentence[a] in " ,·":
            a += 1
        while b > a and sentence[b - 1] in " ,·":
            b -= 1
        if re.search(r"[A-Z가-힣]", sentence[a:b]) and (best is None or b - a > best[1] - best[0]):
            best = (a, b)
    return best


def _days(sentence: str) -> list[tuple[int, int, int]]:
    return sorted((m.start(), m.end(), n) for n, pattern in DAY_ORDINALS for m in pattern.finditer(sentence))


def _unit_end(sentence: str, fact: FactSpan) -> int:
    """Where a fact ends with the unit word after it ("30 countries"): the unit says what the number counts, it
    is no claim of its own."""
    if fact.kind != "number" or not fact.unit:
        return fact.end
    m = re.match(r"\s*" + re.escape(fact.unit), sentence[fact.end :], re.IGNORECASE)
    return fact.end + m.end() if m else fact.end


# a quoted title ("'보다 안전한 AI 세상을 향한 글로벌 협력'을 주제로", "under the banner 'Trustworthy AI for All'"): the
# words inside the quotation marks, with a word for a theme or slogan close before or after them
_QUOTED = re.compile(r"(?:^|(?<=[\s(\[]))[‘'“\"「『]([^’'”\"」』\n]{3,80}?)[’'”\"」』](?![A-Za-z])")
THEME_WORD = re.compile(r"주제|슬로건|표어|기치|내걸|내건|\b(?:themes?|themed|banner|slogan|motto|tagline)\b", re.IGNORECASE)
_THEME_BEFORE = re.compile(r"(?:주제|슬로건|표어|\b(?:theme|banner|slogan|motto|tagline)(?:\s+of)?)\s*(?:[은는이가]|was|is|[:：])?\s*$",
                           re.IGNORECASE)
_THEME_AFTER = re.compile(r"\s*(?:[을를이가은는]|(?:이)?라는)?\s*(?:주제|슬로건|표어|기치|내걸|내건|(?:theme|banner|slogan|motto|tagline)\b)",
                          re.IGNORECASE)


def quoted_titles(sentence: str) -> list[tuple[int, int]]:
    """The spans of the titles a sentence gives a theme or slogan, inside their quotation marks: "주제는 'X'",
    "'X'를 주제로", "'X'을 내건", "under the banner 'X'" (not a quoted name merely near such a word)."""
    return [m.span(1) for m in _QUOTED.finditer(sentence) if len(m[1].split()) >= 2
            and (_THEME_BEFORE.search(sentence[: m.start()]) or _THEME_AFTER.match(sentence, m.end()))]


# a place the statement puts something in ("kicks off in Seoul", "서울에서 열린"): a claim even when the place's name is
# a word of the event's own name ("Seoul Forum on ...")
_IN_PLACE_BEFORE = re.compile(r"\bin\s+(?:the\s+city\s+of\s+)?$", re.IGNORECASE)
_IN_PLACE_AFTER = re.compile(r"에서(?![가-힣])")


def _in_place(sentence: str, start: int, end: int) -> bool:
    """Whether the single word ``sentence[start:end]`` (not an acronym) names where something happens."""
    name = sentence[start:end]
    if re.fullmatch(r"[A-Z][a-z]+", name):
        return bool(_IN_PLACE_BEFORE.search(sentence[:start]))
    return bool(re.fullmatch(r"[가-힣]+", name)) and bool(_IN_PLACE_AFTER.match(sentence[end:]))


def _rest(clause: tuple[int, int], taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of a clause outside the given values."""
    out, at = [], clause[0]
    for start, end in sorted(taken):
        if start > at:
            out.append((at, start))
        at = max(at, end)
    if at < clause[1]:
        out.append((at, clause[1]))
    return out


# the end of a sentence with no full stop: a run of bare Hangul letters ("ㅎㅎ", "ㅋㅋ", "ㅠㅠ"), emoji, or a
# headline's ellipsis between two statements ("10월 28일 개막…150여 명 참석")
_CHAT_END = re.compile(r"[ㄱ-ㅎㅏ-ㅣ]{2,}|[\U0001F300-\U0001FAFF\u2600-\u27BF]+|(?<=\S)(?:…|\.{3})(?=\s*\S)")


def _sentences(statement: str) -> list[tuple[int, int]]:
    """The statement's sentences: as the index splits text, and also after laughter, emoji or a headline's
    ellipsis that end one."""
    out = []
    for start, end in split_sentences(statement):
        cut = start
        for m in _CHAT_END.finditer(statement, start, end):
            if statement[cut:m.start()].strip():
                out.append((cut, m.start()))
            cut = m.end()
        rest = statement[cut:end]
        if rest.strip():
            lead = len(rest) - len(rest.lstrip())
            out.append((cut + lead, end))
    return [(a, b - (len(statement[a:b]) - len(statement[a:b].rstrip()))) for a, b in out]


def split_statement(
    statement: str,
    is_topic=lambda name: False,
    is_word=lambda name, first: False,
    has_content=lambda text: bool(re.search(r"\w{2}", text)),
) -> list[AtomicClaim]:
    """The atomic claims of ``statement`` in reading order. ``is_topic`` tells names that only say what the
    statement is about (the event's own name): those are not claims. ``is_word`` tells capitalised words that
    are not names ("Attendees ..." at the start of a sentence): those are read as ordinary words.
    ``has_content`` tells whether the words of a clause outside its values say something of their own ("gave
    the welcome address"): those words are a claim too, checked by meaning."""
    out: list[AtomicClaim] = []
    for s_start, s_end in _sentences(statement):
        sentence = statement[s_start:s_end]
        facts = _ranges(sentence, fact_spans(sentence))
        for a, b, n in _days(sentence):
            facts = [f for f in facts if not (f.start < b and a < f.end)]  # "day one": a day, not the number one
            facts.append(FactSpan(kind="day", text=sentence[a:b], start=a, end=b, values=[str(n)]))
        facts += [w for w in _lone_weekdays(sentence) if not any(f.start < w.end and w.start < f.end for f in facts)]
        facts.sort(key=lambda f: f.start)
        names = [n for a, b in _names(sentence) if (n := _outside(sentence, (a, b), facts))]
        names = [(a, b) for a, b in names if not is_word(sentence[a:b], not re.sub(r"[\s\"'“‘(\[]", "", sentence[:a]))]
        themes = quoted_titles(sentence)  # a title is one claim: no name or number inside it is one of its own
        names = [(a, b) for a, b in names if not any(x <= a < y for x, y in themes)]
        facts = [f for f in facts if not any(x <= f.start < y for x, y in themes)]
        facts += [FactSpan(kind="title", text=sentence[a:b], start=a, end=b, values=[sentence[a:b]]) for a, b in themes]
        facts.sort(key=lambda f: f.start)
        found: list[AtomicClaim] = []
        topical = {(a, b) for a, b in names if is_topic(sentence[a:b])}  # the event's own name, or a word of it
        placed: list[tuple[int, int]] = []  # places named by a word of the event's name: claims of their own only
        # a fact is never split, nor a date from its day of the week ("Thursday, Oct 30")
        whole = [(f.start, f.end) for f in facts] + [
            (min(w.start, d.start), max(w.end, d.end)) for w in facts if w.kind == "weekday"
            for d in facts if d.kind == "date" and d.values == w.values and min(abs(w.start - d.end), abs(d.start - w.end)) <= 3]
        parts = clauses(sentence, whole)
        for c_start, c_end in parts:
            inside = [f for f in facts if c_start <= f.start < c_end]
            inside_names = [(a, b) for a, b in names if c_start <= a < c_end
                            and ((a, b) not in topical or _in_place(sentence, a, b))]
            placed += [(s_start + a, s_start + b) for a, b in inside_names if (a, b) in topical]
            clause = (s_start + c_start, s_start + min(c_end, s_end - s_start))
            for f in inside:
                found.append(AtomicClaim(kind=f.kind, value=f.text, values=f.values, start=s_start + f.start,
                                         end=s_start + f.end, clause=clause, sentence=(s_start, s_end), fact=f))
            for a, b in inside_names:
                found.append(AtomicClaim(kind="name", value=sentence[a:b], values=[sentence[a:b]], start=s_start + a,
                                         end=s_start + b, clause=clause, sentence=(s_start, s_end)))
            taken = [(f.start, _unit_end(sentence, f)) for f in inside] + inside_names
            taken += [(a, b) for a, b in names if c_start <= a < c_end and (a, b) not in inside_names]
            for a, b in _rest((c_start, c_end), taken):
                piece = sentence[a:b]
                # the possessive ending of a name before it ("Korea's domestic market") is the name's, not a word
                owner = len(m[0]) if a and sentence[a - 1].isalnum() and (m := re.match(r"['’]s\b", piece)) else 0
                lead = owner + len(piece[owner:]) - len(piece[owner:].lstrip(" ,;:.()[]'\"“”‘’"))
                piece = piece[owner:].strip(" ,;:.()[]'\"“”‘’")
                if piece and has_content(piece):
                    found.append(AtomicClaim(kind=None, value=piece, values=[], start=s_start + a + lead,
                                             end=s_start + a + lead + len(piece), clause=clause,
                                             sentence=(s_start, s_end)))
        found.sort(key=lambda c: c.start)
        # (the other claims read such a place as the event's name, as before it was a claim)
        spans = [(c.start, c.end) for c in found if c.kind and (c.start, c.end) not in placed]
        names_found = [(c.start, c.end) for c in found if c.kind == "name" and (c.start, c.end) not in placed]
        for claim in found:
            claim.others = [s for s in spans if s != (claim.start, claim.end)]
            claim.other_names = [s for s in names_found if s != (claim.start, claim.end)]
        out += found
    return out
