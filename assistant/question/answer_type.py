"""What a question asks for: the kind of value (its answer type), its form (a list, a summary, a day's agenda),
and the day it is about; and whether a sentence holds a value of that kind.

The answer type is a light feature of the evidence scorer (a date for "when", a place for "where"); it never picks
an answer by itself.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from index.text import _kiwi_lock, kiwi

from ..checking.facts import WEEKDAYS_EN, WEEKDAYS_KO, FactSpan, fact_spans, facts, name_in
from .countries import countries_matches
from .vocabulary import KO_QUESTION_WORDS, KOREAN_TITLES

Slot = Literal["time", "money", "link", "duration", "year", "date", "age", "number", "person", "who", "room", "place",
               "quote", "define", "any"]

# Checked in this order: the first pattern that matches names the slot.
SLOT_PATTERNS: list[tuple[Slot, re.Pattern[str]]] = [
    # words that only ever ask for an age come before the nouns of other kinds ("청소년 요금은 몇 살까지야?")
    ("age", re.compile(r"\bhow old\b|\bwhat age\b|몇\s*살", re.IGNORECASE)),
    (
        "time",
        re.compile(
            r"\bwhat time\b|\b(?:start|end|opening|closing) times?\b|o'clock|몇\s*시|시각", re.IGNORECASE
        ),
    ),
    (
        "duration",
        re.compile(r"\bhow long\b|\bfor how many (?:years|months|weeks|days)\b|"
                   r"(?:몇\s*(?:년|개월|달|주|일)|며칠)\s*(?:짜리|동안|간)|"
                   r"얼마\s*동안|얼마나\s*(?:오래|걸려|걸리)|유효\s*기간|기간\S{0,2}\s*(?:몇|얼마)|\b(?:duration|length) of\b",
                   re.IGNORECASE),
    ),
    (
        "money",
        re.compile(
            r"\bhow much\b|\bprices?\b|\bcosts?\b|\bfees?\b|\b(?:have|need) to pay\b|\bpay (?:for|extra)\b|얼마|가격|비용|요금|"
            r"참가비|예산|\bbudget\b|돈\s*(?:을\s*)?(?:내|드|들)", re.IGNORECASE
        ),
    ),
    (
        "link",
        re.compile(r"\burls?\b|\blinks?\b|\b(?:web(?:site)?|homepage|site) address\b|링크|(?:웹|홈페이지|사이트|누리집)\s*주소",
                   re.IGNORECASE),
    ),
    ("year", re.compile(r"\b(?:what|which|in what) year\b|몇\s*년|어느\s*해|연도", re.IGNORECASE)),
    (
        "date",
        re.compile(
            r"\bwhen\b|\bdates?\b(?!\s+of\s+birth)|\b(?:which|what) days?\b|\bon which day|언제|며칠|몇\s*일|날짜|몇\s*월|어느\s*날|무슨\s*요일",
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
    ("age", re.compile(r"\bhow old\b|\bwhat age\b|\bage of\b|\b(?:his|her|their)\s+age\b|나이|몇\s*살|연세", re.IGNORECASE)),
    (
        "number",
        re.compile(
            r"\bhow many\b|\bnumber of\b|\bhow (?:large|big)\b|(?<!몇)몇(?!몇)|인원|규모|\bheadcount\b|\bturnout\b|"
            r"(?:참석자|참가자|관람객|방문객|관객|청중|참가국|연사)\s*수(?![가-힣])",  # 몇 with any counter (몇 대, 몇 팀)
            re.IGNORECASE,
        ),
    ),
    (
        "person",
        re.compile(
            r"\bwho (?:was|were|is|are) (?:the|their|its) (?:[\w'’]+\s+){0,3}(?:speakers?|presenters?|panell?ists?|moderators?|lecturers?)\b(?!')|"
            r"\bnames? of (?:the |a |that |this )?(?:\w+\s+){0,2}(?:speakers?|presenters?|panell?ists?|moderators?|persons?|people)\b|"
            r"\b(?:speaker|presenter)'?s'? names?\b|\bwho (?:spoke|presented) (?:for|from|on behalf of)\b|"
            r"(?:연사|발표자|강연자|패널|사회자)\S{0,2}\s*(?:이름|성함|누구)|누가\s*(?:발표|강연)|"
            r"(?:사람|인물)\S{0,2}\s*(?:이름|성함|누구)|\bwho (?:moderated|chaired)\b|\bwhich (?:person|people)\b|"
            r"누가\s*사회|사회\S{0,2}\s*(?:누가|누구)|"
            # the people a text names: "기사에 이름 나오는 인물들", "people named in the article"
            r"인물들|\b(?:people|persons|individuals) (?:named|mentioned)\b|\bnamed (?:people|persons|individuals)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "who",
        re.compile(
            r"^\s*(?:and\s+)?who\b|\bwho\b|\bwhom\b|\bwhose\b|"
            # where people came from: their organizations (or countries), not a venue
            r"\bwhere\b(?:\s+\S+){1,7}\s+from\b|어디\s*(?:어디)?\s*(?:에서|서)\s*(?:왔|온|나왔|참여|참가)|어디\s*(?:소속|출신)|어디\s*(?:랑|하고|와|과)(?![가-힣])|\bwhich (?:organi[sz]ations?|compan(?:y|ies)|institutes?|agenc(?:y|ies)|groups?|people|persons?|speakers?|ministry|ministers?)\b|누구|누가|(?:기관|부처|곳|회사|기업|단체|매체|언론|주최|주관|후원|협찬|소속|스폰서|파트너|협력사|업체|브랜드)\w{0,2}\s*(?:은|는|이|가)?\s*(?:각각\s*|모두\s*|다\s*)?어디|어느\s*(?:기관|기업|회사|단체|부처)|어떤\s*(?:기관|기업|회사|단체|인물)",
            re.IGNORECASE,
        ),
    ),
    (
        "place",
        re.compile(
            # "the venue" asks for a place; "at the venue" only says where something else is ("can I park at the venue?")
            r"\bwhere\b|(?<!at the )(?<!in the )(?<!to the )(?<!near the )(?<!inside the )\b(?:venue|location)\b|"
            r"\bwhich (?:hotel|city|place)\b|어디|장소|위치|어느\s*(?:호텔|도시)",
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
            r"\bsaid\b|\bsay\b|\bquote|\bstatement|\bremarks?\b|\bcomments?\b|코멘트|멘트|소감|한\s*마디|\bwhat did .+ (?:stress|emphasi[sz]e|note|add|present|introduce|call)\b|뭐라고|무엇이라고|라고\s*(?:말|했)|발언|말했|밝혔|강조|한\s*말|말씀|축사|환영사|연설|기조\s*강연",
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
    "link": "website homepage https 홈페이지 누리집",
}
# Words of a question that ask for the kind of value rather than say what it is about, by slot.
SLOT_WORDS: dict[str, frozenset[str]] = {
    "time": frozenset({"time", "times", "start", "starts", "begin", "begins", "end", "ends", "finish", "시간", "시작",
                       "몇시"}),
    "money": frozenset({"price", "prices", "cost", "costs", "fee", "fees", "much", "가격", "비용", "요금", "얼마"}),
    "date": frozenset({"date", "dates", "날짜", "언제", "며칠"}),
    "place": frozenset({"venue", "location", "place", "장소", "위치", "어디"}),
    "duration": frozenset({"long", "duration", "length", "기간", "동안"}),
    "room": frozenset({"호실"}),  # ("room" may be the thing asked about: "a nursing room")
    "number": frozenset({"number", "many", "big", "large", "size", "규모", "인원"}),
    "quote": frozenset({"quote", "quotes", "quoted", "quotation", "statement", "statements", "remark", "remarks",
                        "comment", "comments", "발언", "코멘트", "멘트", "소감", "한마디"}),
    "link": frozenset({"url", "urls", "link", "links", "address", "website", "websites", "homepage", "site", "링크",
                       "주소", "홈페이지", "웹사이트", "사이트", "누리집"}),
    "person": frozenset({"name", "names", "named", "person", "persons", "people", "이름", "인물", "성함", "실명"}),
}
_VENUE = re.compile(
    r"\bvenue\b|\bhotel\b|\bheld (?:at|in)\b|\blocated\b|\btook place (?:at|in)\b|장소|호텔|개최지|위치",
    re.IGNORECASE,
)
_ROOM = re.compile(
    r"\b(?:room|hall|floor|lobby|level|wing|booth|foyer)\b|호실|\d+\s*층|(?:첫|두|세|네|다섯)?\s*번째\s*층|층에|회의실|강당|홀|로비",
    re.IGNORECASE,
)
# A Korean place name: a word ending in the noun for a kind of place ("전주역", "경포컨벤션홀에서")
_KOREAN_PLACE = re.compile(r"(?:[가-힣]{2,}(?:역|관|홀|센터|호텔|공항|터미널|광장|공원|마을|회관|타워|빌딩|캠퍼스)|"
                           r"[가-힣]*(?:주차장|경기장|운동장|정원|출구|입구|정문|후문|승강장|정류장|"
                           r"매표소|안내소))(?:\(.*?\))?(?:에서|까지|으로|이다|[이가은는에을를의로])?(?=[\s.,)]|$)")
# where something is, by what it stands beside ("by the Main Gate", "next to the stage", "무대 옆에")
_BESIDE = re.compile(r"(?:\b(?:near|next to|beside|behind|opposite|in front of|across from)\s+(?:the\s+)?|\bby the\s+)"
                     r"(?:[A-Z]|(?:main\s+)?(?:gate|entrance|exit|stage|door|desk|counter|booth|tent|office|lobby)\b)|"
                     r"[가-힣]{2,}\s*(?:옆|앞|뒤|근처|맞은편|건너편)(?:에|에서|의|쪽)(?![가-힣])")  # ("by Lee", "맨 뒤": no)
_LINK = re.compile(r"https?://|\bwww\.|\b[\w-]+(?:\.[\w-]+)*\.(?:kr|com|org|net|io|ai|eu|jp|uk)\b", re.IGNORECASE)
_WHERE_ONLINE = re.compile(r"\bhomepage\b|\bwebsite\b|https?://|홈페이지|웹사이트", re.IGNORECASE)
_ORG = re.compile(
    r"\b(?:institute|ministry|office|university|company|committee|agency|organi[sz]ation|research|lab)\b|"
    r"연구원|연구소|기관|위원회|부\b|사무국|기업|대학|협회|재단|장관|소장|단장|원장|기자|"
    r"진흥원|개발원|평가원|교육원|공사|공단|협의회|연합회|학회|센터|\((?:재|사)\)",
    re.IGNORECASE,
)
_QUOTE = re.compile(r"[\"“”「」]|‘[^’]{4,}’|'[^']{8,}'")
# Reported speech: a verb of saying ("stressed the need for …", "…을 강조했다")
_SPEECH = re.compile(
    r"\b(?:said|says|stressed|emphasi[sz]ed|noted|called for|urged|warned|argued|announced|introduced|presented|"
    r"highlighted|pointed out|remarked|stated|explained|shared)\b|"
    r"말했|밝혔|강조했|강조하|언급했|소개했|발표했|경고했|촉구했|설명했|평가했|전했|공유했",
    re.IGNORECASE,
)
_LENGTH = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
    r"sixty|hundred)[- ](?:years?|months?|weeks?|days?|hours?|minutes?)\b|"
    r"\d+\s*(?:개월|주|시간|분)\s*(?:간|동안|짜리|걸|이다|이며|으로|\b)|"
    # years and days only with a word of length: "3년간", "이틀" but not "2025년 10월 29일"
    r"(?<!\d)(?!(?:19|20)\d\d\s*년)\d+\s*(?:년|달|일)\s*(?:간|동안|짜리|걸|이다|이며|으로)", re.IGNORECASE)
_AGE = re.compile(r"\d+\s*(?:세|살)|\baged\s+\d+|\b\d+[- ]years?[- ]old\b|\bage\s+(?:of\s+)?\d+", re.IGNORECASE)
# a time of day; "17:00에" too (a Korean particle straight after the digits is a word character to ``\b``)
_TIME = re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?![\d:])|\b\d{1,2}\s*(?:a\.?m\.?|p\.?m\.?)|\d{1,2}\s*시", re.IGNORECASE)
_ABSENCE = re.compile(
    r"\bdo(?:es)? not (?:appear|cover|include|say|give|state|mention|contain|name|list|report|specify)|\bno information\b|\bnot (?:given|stated|mentioned|known|available)\b|"
    r"나와 있지 않|언급되지 않|정보가 없|내용이 없|담고 있지 않|다루지 않|알 수 없|등장하지 않|포함되어 있지 않|밝히지 않|밝혀지지 않",
    re.IGNORECASE,
)
_ASKS_ABSENCE = re.compile(
    r"\bnot (?:cover|include|say|mention)|\bdon't (?:cover|say)|\bmissing\b|않는|없는|빠진", re.IGNORECASE
)


def detect_slot(question: str) -> Slot:
    """What kind of value the question asks for."""
    for slot, pattern in SLOT_PATTERNS:
        if pattern.search(question):
            return slot
    return "any"



# The question words that each ask for a value of their own, so that two of them ask for two ("When and where
# was it held?", "언제 어디서 열려?"); "where ... from" asks who someone is (see the "who" slot)
_WH_SLOTS: list[tuple[Slot, re.Pattern[str]]] = [
    ("time", re.compile(r"\bwhat time\b|몇\s*시", re.IGNORECASE)),
    ("date", re.compile(r"\bwhen\b|언제|날짜|\bdates?\b", re.IGNORECASE)),
    ("place", re.compile(r"\bwhere\b(?!(?:\s+\S+){1,7}\s+from\b)|어디(?!\s*(?:어디)?\s*(?:에서|서)\s*(?:왔|온|나왔|참여|참가)|\s*(?:소속|출신)|\s*(?:랑|하고|와|과)(?![가-힣]))",
                         re.IGNORECASE)),
    ("who", re.compile(r"\bwho\b|누가|누구", re.IGNORECASE)),
    ("number", re.compile(r"\bhow (?:many|big|large)\b|몇\s*명|규모", re.IGNORECASE)),
]


def other_slots(question: str, slot: Slot | None = None) -> tuple[Slot, ...]:
    """The kinds of value the question's words ask for besides ``slot`` (:func:`detect_slot`'s, unless given), in
    the order asked ("When and where ..." → place). A question word inside the words that ask for the first kind
    asks nothing more ("주최 어디야": who hosts, not where)."""
    slot = slot or detect_slot(question)
    taken = next((m.span() for s, p in SLOT_PATTERNS if s == slot and (m := p.search(question))), (0, 0))
    found = sorted((m.start(), s) for s, p in _WH_SLOTS if s != slot and (m := p.search(question))
                   and not taken[0] <= m.start() < taken[1])
    return tuple(dict.fromkeys(s for _, s in found))


_YES_NO_EN = re.compile(r"^\s*(?:is|are|was|were|did|does|do|has|have|had|can|could|will|would|should)\b(?!.*\bor\b)",
                        re.IGNORECASE)
_WH_EN = re.compile(r"\b(?:who|whom|whose|what|when|where|which|why|how)\b", re.IGNORECASE)
_WH_KO = re.compile("|".join(KO_QUESTION_WORDS))
_REQUEST_KO = re.compile(r"알려|말해|설명|정리|요약|보여|찾아|줘|주세요|주실|나열")
_YES_NO_KO = re.compile(r"(?:맞|였|했|있었|나왔|왔|됐|되|인가|인지|나요|까|죠|지|니|냐|어|야|요)\s*[?？]?\s*$")


def asks_yes_or_no(question: str) -> bool:
    """Whether a question asks whether something is so ("Was it held in Busan?", "부산에서 열린 거 맞나요?"),
    not what it is: no question word, and not a request."""
    if re.search(r"[가-힣]", question):
        return not _WH_KO.search(question) and not _REQUEST_KO.search(question) and bool(_YES_NO_KO.search(question))
    return bool(_YES_NO_EN.match(question)) and not _WH_EN.search(question)


def asks_what_is_missing(question: str) -> bool:
    """Whether the question asks what the documents leave out (then "the documents do not say X" answers it)."""
    return bool(_ASKS_ABSENCE.search(question))


def says_absent(sentence: str) -> bool:
    """Whether a passage sentence says the documents lack some information."""
    return bool(_ABSENCE.search(sentence))


def slot_hint(question: str) -> str:
    """Words naming the kind of value the question asks for (for the keyword search)."""
    return SLOT_HINTS.get(detect_slot(question), "")


_HOW_MANY = re.compile(r"\bhow many\s+([A-Za-z]+)|몇\s*(?:개\s+(?=나라|국가))?([가-힣]+)", re.IGNORECASE)


_LABEL_BEFORE = re.compile(r"\b(?:day|session|round|part|phase|gate|room|hall|stage|track|zone|no\.?)\s*$", re.IGNORECASE)


def _counted(question: str) -> str:
    """What a "how many" question counts: the noun after "how many", the counter after "몇" ("몇 개국이" → "개국이")."""
    m = _HOW_MANY.search(question)
    return (m[1] or m[2]).lower() if m else ""


# Korean counters and the English nouns that count the same things
_COUNTERS = {
    "개국": ("country", "nation"), "명": ("people", "person", "participant", "attendee", "visitor", "guest", "speaker"),
    "곳": ("place", "organization", "organisation", "venue", "company"), "개사": ("company", "firm"),
    "벌": ("outfit", "garment", "piece"), "편": ("film", "paper", "article"), "회": ("edition", "time"),
    "대": ("car", "vehicle", "bus", "machine"), "권": ("book", "volume"), "팀": ("team",),
}
_PEOPLE_NOUN = re.compile(r"\b(?:people|persons?|audience|crowd|headcount|turnout|attendees?|participants?)\b|"
                          r"사람|인원|참석자|참가자|청중|관객", re.IGNORECASE)
# the words for people in general, which a count of people ("150명", "about 150 attended") says without them
COUNTED_PEOPLE = frozenset({"people", "person", "persons", "사람", "인원", "audience", "crowd", "headcount", "turnout",
                            "청중"})
# the words for those who came, which a count of people says too when the question asks about nothing else ("참석자 수"
# is "150여 명", "how many foreign attendees" is not)
ATTENDING = frozenset({"attendee", "attendees", "participant", "participants", "visitor", "visitors", "참석자", "참가자",
                       "참여자", "관람객", "방문객", "관객"})
_KOREAN_COUNTED = {"나라": "개국", "국가": "개국"}  # "몇 개 나라" counts what "몇 개국" counts
_COUNTED_BY = {noun: counter for counter, nouns in _COUNTERS.items() for noun in nouns}


def _count_class(word: str) -> str:
    """What a unit word counts, the same for a Korean counter and the English noun ("개국이" and "countries")."""
    word = word.lower()
    if re.match(r"[가-힣]", word):
        if (noun := next((n for n in _KOREAN_COUNTED if word.startswith(n)), None)) is not None:
            return _KOREAN_COUNTED[noun]
        return next((c for c in sorted(_COUNTERS, key=len, reverse=True) if word.startswith(c)), word[:1])
    singular = re.sub(r"(?<=[^s])s$|(?<=[^aeiou])ies$", lambda m: "y" if m[0] == "ies" else "", word)
    return _COUNTED_BY.get(singular, singular)


def _unit_of(number: FactSpan, sentence: str) -> str:
    """What a number counts: its unit word, or with a general counter (or none) the noun after it ("8개 팀" → "팀")."""
    if number.unit and number.unit != "개":
        return number.unit
    after = re.match(rf"\s*{re.escape(number.unit)}\s*([가-힣A-Za-z]+)", sentence[number.end:])
    return after[1] if after else number.unit


def _same_unit(unit: str, counted: str) -> bool:
    """Whether a number's unit word is what the question counts ("벌을" for "벌", "28개국" for "how many
    countries")."""
    return bool(unit) and _count_class(unit) == _count_class(counted)


# asked about and said alike: a sentence about first aid uses the words a question about it does
_FIRST_AID = r"\bfirst[- ]aid\b|\bmedical\b|\bclinic\b|\bnurse\b|\bdoctor\b|\bambulance|의무실|구급|응급|병원|의료"


# Things people ask about an event or a person that documents often leave out, each with the words a question
# asks about it with and the words a sentence must use to say anything of it (either language): a question about
# parking is answered by a sentence about parking, not by the best sentence about the venue.
_ATTRIBUTES = {
    "parking": (r"\bparking\b|\bpark (?:my|the|a|our) cars?\b|주차", r"\bparking\b|\bcar park|주차"),
    "marriage": (r"\bmarried\b|\bspouse\b|\bhusband\b|\bwife\b|결혼|남편|아내|배우자",
                 r"\bmarried\b|\bspouse\b|\bhusband\b|\bwife\b|결혼|남편|아내|배우자|기혼|미혼"),
    "education": ((r"\bstud(?:y|ied)\b|\bdegree\b|\bph\.?d\b|\balma mater\b|\bgraduat|\beducation\b|학위|학력|졸업|"
                   r"대학\S*\s*나[오왔온옴와]"),
                  (r"\bstudied\b|\buniversity\b|\bcollege\b|\bdegree\b|\bph\.?d\b|\bdoctorate\b|\bgraduat|대학|학위|"
                   r"학력|졸업|전공")),
    "livestream": (r"live[- ]?stream|\bstream(?:ed|ing)?\b|\bbroadcast|생중계|중계|유튜브|youtube",
                   r"live[- ]?stream|\bstream(?:ed|ing)?\b|\bbroadcast|생중계|중계|유튜브|youtube"),
    "wifi": (r"wi-?fi|와이파이|와파|\binternet\b|인터넷", r"wi-?fi|와이파이|\binternet\b|인터넷"),
    "dress": (r"dress\s*code|\battire\b|\bwhat (?:should|to) (?:i )?wear\b|드레스\s*코드|복장|옷차림",
              r"dress\s*code|\battire\b|\bwear\b|드레스\s*코드|복장|옷차림"),
    "food": (r"\blunch\b|\bmeals?\b|\bfood\b|\brestaurants?\b|\bcaf[eé]s?\b|\bmenu\b|점심|식사|밥|음식|식당|메뉴|카페",
             (r"\blunch|\bmeals?\b|\bfood|\brestaurants?\b|\bcaf[eé]|\bmenu\b|\bcatering\b|\bdrinks?\b|점심|식사|음식|"
              r"식당|메뉴|카페|푸드|도시락|케이터링|음료")),
    "pets": (r"\bdogs?\b|\bpets?\b|강아지|반려|애완", r"\bdogs?\b|\bpets?\b|\banimals?\b|강아지|반려|애완|안내견|동물"),
    "interpretation": (r"\binterpret|\btranslat|통역|번역", r"\binterpret|\btranslat|통역|번역"),
    "transport": ((r"\bsubway\b|\bmetro\b|\bstations?\b|\bbus(?:es)?\b|\bshuttles?\b|\btaxi|\btrains?\b|\bget there\b|"
                   r"지하철|전철|셔틀|버스|택시|기차|역에서|교통|오는\s*길|가는\s*길"),
                  (r"\bsubway\b|\bmetro\b|\bstations?\b|\bbus(?:es)?\b|\bshuttles?\b|\btaxi|\btrains?\b|\bline \d|"
                   r"지하철|전철|셔틀|버스|택시|기차|\S역|교통|\d호선")),
    "address": (r"\bstreet address\b|\b(?:postal|mailing) address\b|\baddress of the (?:venue|hotel|hall)\b|주소",
                (r"주소|\baddress\b|\b(?:street|road|avenue|blvd)\b|\w-(?:ro|gil|gu|dong)\b|\b\d+\s*(?:ro|gil)\b|"
                 r"[가-힣]+(?:로|길)\s*\d+|[가-힣]+(?:시|도)\s+[가-힣]+구\b|"
                 r"https?://|\bwww\.|[\w.-]+@[\w-]+\.\w")),  # "홈페이지 주소", "이메일 주소": a web or e-mail address
    # the person who put a name to an agreement, not the parties to it ("who signed an MOU with X" asks for a party)
    "signatory": ((r"\bsigned (?:it |the \w+ )?(?:for|on behalf of)\b|\bsignator|\bsigned by\b|서명자|서명한\s*사람|"
                   r"누가\s*(?:\S+\s+){0,2}서명"),
                  r"\bsigned (?:it |the \w+ )?(?:for|on behalf of)\b|\bsignator|\bsigned by\b|서명자|서명했|서명한|서명하"),
    # how long someone holds a post: their term, not the post itself
    "tenure": ((r"임기|\bterm of office\b|\bterm (?:ends|expires|end|expire)\b|\btenure\b|\bhow long (?:has|will) \S+ "
               r"(?:\S+ )?(?:been|be|serve|held|hold)"),
               r"임기|\bterms?\b|\btenure\b|\bin office\b|\bsince\b|\buntil\b|취임|연임|부임|재임|\bappointed\b"),
    # who wrote a document: its byline or author line, not whoever the document quotes
    "author": ((r"\bwho wrote\b|\bauthor\b|\bwritten by\b|\bwho (?:is|was) the (?:reporter|journalist|writer)\b|"
               r"기자\s*(?:누구|이름)|작성자|글쓴이|누가\s*(?:쓴|썼|작성)|쓴\s*(?:사람|기자)"),
               r"기자|\breporter\b|\bjournalist\b|\bwritten by\b|\bauthors?\b|\bwriter\b|작성자|글쓴이|필자"),
    # what attending costs: answered by a sentence about a fee or ticket, not by any sum of money ("a 10조 원 market")
    "admission": ((r"\btickets?\b|\bfees?\b|\badmission\b|\bcost (?:to|of) (?:attend|go|get in|entry)|\bentry\b|"
                   r"\b(?:registration|register|registering|signing up)\b[^?]{0,20}\bcosts?\b|"
                   r"\bhow much\b[^?]{0,20}\b(?:registration|to register|to attend|to sign up)\b|"
                  r"참가비|입장료|입장권|티켓|등록비|참가\s*비용|유료"),
                  (r"\btickets?\b|\bfees?\b|\badmission\b|\bentry\b|\bfree\b|\bcharge|\bprices?\b|\bcosts?\b|"
                   r"\bpaid\b|\bearly[- ]bird|참가비|입장|티켓|등록비|요금|가격|무료|유료|비용|얼리버드")),
    # where a person or company is from: said by a sentence naming a country ("a US company"), not a city
    "nationality": ((r"\bnationality\b|\bcitizen|\b(?:what|which) country (?:is|are|was|were|does|do) .{2,40} from\b|"
                     r"국적|어느\s*나라\s*(?:사람|출신|기업|회사|국적)"),
                    r"\bnationality\b|\bcitizen|\bborn in\b|국적|출신|태생"),
    "winner": (r"\bwho won\b|\bwinners?\b|수상자|우승|누가\s*(?:받|탔|수상)",
               r"\bwon\b|\bwinners?\b|\bawarded\b|\breceived\b|수상|받았|우승|탔다"),
    # what a visitor needs on site: a sentence about that very facility or service
    "smoking": (r"\bsmok|흡연|담배", r"\bsmok|흡연|담배|금연"),
    "nursing": (r"\bnursing\b|\bbaby[- ]chang|\bbreast-?feed|\bdiaper|\bnappy|수유|기저귀",
                r"\bnursing\b|\bbaby\b|\bbreast-?feed|\bdiaper|\bnappy|수유|기저귀|유아"),
    # (a place to stay, not the hotel that is the venue: "the street address of the hotel")
    "lodging": ((r"\bhotels? (?:near|nearby|close|around|to stay|with|that|which|giv|offer)|\b(?:nearby|cheap|partner) hotels?\b|"
                r"\baccommodation|\blodging|\bwhere (?:can|should|do) (?:i|we) stay\b|\bstay overnight\b|숙소|숙박|묵을|"
                r"근처\s*호텔|호텔\s*(?:추천|할인|예약)"),
                (r"\bhotels?\b|\baccommodation|\blodging|\bstay\b|\bovernight\b|\bcamp|\bpitch|숙소|숙박|호텔|캠핑|야영|"
                r"게스트하우스|펜션")),
    "forecast": ((r"\bweather\b.{0,30}\bforecast|\bforecast\b.{0,30}\bweather\b|\bwill it (?:rain|snow)\b|\bgoing to rain\b|"
                 r"(?:날씨|일기)\s*예보|비\s*(?:온대|올까|오나|온다던)"), r"\bforecast\b|예보"),
    "lost": (r"\blost (?:and found|property|items?)\b|\b(?:i )?lost my\b|분실|잃어버",
             r"\blost\b|\blose\b|분실|유실물|잃어버"),
    "first aid": (_FIRST_AID, _FIRST_AID),
    # ("media outlets" are no power points)
    "charging": ((r"\bcharg(?:e|ing) (?:my |a |the )?(?:phone|laptop|battery|devices?|ev|electric car)|\bpower (?:outlet|socket)|"
                 r"충전|콘센트"), r"\bcharging\b|\bcharger|\boutlets?\b|\bsockets?\b|충전|콘센트"),
}
_ATTRIBUTE_PATTERNS = {name: (re.compile(asked, re.IGNORECASE), re.compile(said, re.IGNORECASE))
                       for name, (asked, said) in _ATTRIBUTES.items()}


def asked_attributes(question: str) -> tuple[str, ...]:
    """Which of the often-missing attributes (parking, a person's marriage or education, a livestream, Wi-Fi, a dress
    code, food, pets, interpretation, getting there, a street address, who signed for a party, how long someone holds
    a post, who wrote a document, what attending costs, where someone is from, who won, and on-site needs: smoking,
    a nursing room, a place to stay, the weather forecast, lost property, first aid, charging) the question asks
    about."""
    return tuple(name for name, (asked, _) in _ATTRIBUTE_PATTERNS.items() if asked.search(question))


def says_attribute(text: str, name: str) -> bool:
    """Whether ``text`` says anything of the attribute ``name`` (see :func:`asked_attributes`)."""
    return bool(_ATTRIBUTE_PATTERNS[name][1].search(text)) or (name == "nationality" and _of_a_country(text))


def _of_a_country(text: str) -> bool:
    """Whether ``text`` says someone or something is of a country ("a US company", "미국의 기업"), not only that
    something is somewhere in it ("a studio in Paris, France")."""
    return any(not re.search(r"\b(?:in|at|to|near)\s+(?:[\w-]+,\s*)?$", text[: m.start()])
               for m in countries_matches(text))


_EXPANSION = re.compile(r"\bstands? for\b|\bfull (?:name|form)\b|\bspelled out\b|\bshort for\b|정식\s*(?:명칭|이름)|"
                        r"풀\s*네임|약자|(?:영어|영문)\s*(?:이름|명칭)", re.IGNORECASE)
_ACRONYM = re.compile(r"(?<![A-Za-z])[A-Z]{3,}(?![A-Za-z])")  # also before a Korean particle ("SFASS의")
_FUNCTION_WORDS = {"of", "on", "for", "and", "the", "in", "at", "to", "&"}


def asked_expansions(question: str) -> list[str]:
    """The acronyms whose full names the question asks for ("what does SFASS stand for", "CARMA 풀네임")."""
    return _ACRONYM.findall(question) if _EXPANSION.search(question) else []


def spells_out(acronym: str, sentence: str) -> bool:
    """Whether ``sentence`` holds a name whose capitalised words start with the acronym's letters ("Seoul Forum on
    AI Safety & Security" for SFASS; small words such as "on", "for" and "&" are passed over)."""
    words = re.findall(r"[A-Za-z][\w'’-]*|&", sentence)
    for start in range(len(words)):
        letters = ""
        for word in words[start:]:
            if word.lower() in _FUNCTION_WORDS and letters:
                continue
            if not word[0].isupper():
                break
            letters += word[0]
            if not acronym.startswith(letters):
                break
            if letters == acronym:
                return True
    return False


def fills_slot(sentence: str, slot: Slot, question: str) -> float:
    """How well ``sentence`` holds a value of the asked-for kind that the question does not already give
    (0: not at all; 1: a value of that kind; 2: a value plainly of that kind, e.g. a venue for "where")."""
    if slot == "any":
        return 1.0
    have, asked = facts(sentence), facts(question)
    if slot == "date":  # a date, else a time of day ("when are the sessions?" "11:30 and 14:30")
        new_dates = set(have.dates) - set(asked.dates)
        if len(new_dates) > 1:
            return 2.0
        return 1.0 if new_dates or set(have.years) - set(asked.years) else 0.5 * bool(_TIME.search(sentence))
    if slot == "year":
        return bool(set(have.years) - set(asked.years))
    if slot == "number":  # a count of the thing asked about counts most ("몇 벌" → "30벌", "how many countries")
        new = set(have.numbers) - set(asked.numbers)
        # what is counted: the noun after "how many" / the counter after 몇, else the people the question names
        counted = _counted(question) or ("people" if _PEOPLE_NOUN.search(question) else "")
        spans = [f for f in fact_spans(sentence) if f.kind == "number" and f.values[0] in new]
        new -= {f.values[0] for f in spans if _LABEL_BEFORE.search(sentence[: f.start])}  # "day one" counts nothing
        numbers = [f for f in spans if f.values[0] in new]
        units = [_unit_of(f, sentence) for f in numbers]
        if new and counted and any(_same_unit(u, counted) for u in units):
            return 2.0
        if new and _count_class(counted) in _COUNTERS and numbers and all(
                _count_class(u) in _COUNTERS for u in units):
            return 0.0  # each counts another known kind of thing: "150여 명" says nothing of how many countries
        return float(bool(new))
    if slot == "money":
        return bool(have.money)
    if slot == "link":  # a web address, else the site that holds it ("on the ETRI homepage")
        return 2.0 if _LINK.search(sentence) else float(bool(_WHERE_ONLINE.search(sentence)))
    if slot == "duration":  # a length of time: "three years", "3개월", "이틀간", "25분", "28 and 29 October"
        return bool(have.durations or _LENGTH.search(sentence) or len(set(have.dates)) > 1)  # or a span of dates
    if slot == "age":  # an age, not any number ("28 October" says nothing of how old anyone is)
        return bool(_AGE.search(sentence))
    if slot == "time":
        return bool(_TIME.search(sentence))
    if slot == "room":
        return bool(_ROOM.search(sentence))
    if slot == "quote":  # the words said, quoted or reported
        return bool(_QUOTE.search(sentence) or _SPEECH.search(sentence))
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
            else float(bool(_WHERE_ONLINE.search(sentence) or re.search(r"\b(?:in|at)\s+[A-Z]", sentence)
                            or _KOREAN_PLACE.search(sentence) or _BESIDE.search(sentence)))
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



# A role or title next to a name makes it a person's name ("홍길동 소장", "Jane Doe, Director of ...").
_ROLE_EN = re.compile(
    r"\b(?:Mr|Ms|Mrs|Dr|Prof(?:essor)?|director|minister|head|president|chair(?:man|woman|person)?|ceo|founder|"
    r"researcher|scientist|reporter|professor)\b",
    re.IGNORECASE,
)
_NAME_EN = re.compile(r"\b[A-Z][a-z]+(?:[- ][A-Z]?[a-z]+){1,3}\b")
_ROLE_KO = re.compile(KOREAN_TITLES + r"|연구원")


# "... 장관 배경훈이다": a role, then a two-or-three-syllable word ending the sentence or taking a particle.
_ROLE_THEN_NAME = re.compile(rf"(?:{_ROLE_KO.pattern})\s+[가-힣]{{2,3}}(?:이다|이며|은|는|이|가|의)?(?=[\s.,]|$)")


@lru_cache(maxsize=4096)
def _korean_person(sentence: str) -> bool:
    """A Korean proper noun (Kiwi's NNP) right beside a role word: "홍길동 소장", "장관 홍길동"."""
    with _kiwi_lock:
        tokens = kiwi().tokenize(sentence)
    for i, t in enumerate(tokens):
        if t.tag != "NNP" or not re.fullmatch(r"[가-힣]{2,4}", t.form):
            continue
        beside = [tokens[j].form for j in (i - 1, i + 1) if 0 <= j < len(tokens)]
        if any(_ROLE_KO.fullmatch(form) for form in beside):
            return True
    return False


def names_person(sentence: str) -> bool:
    """Whether ``sentence`` names a person: a proper name with a role or title beside it (Kiwi's proper-noun
    tag for Korean; a capitalised two-to-four-part name and a title in the sentence for English)."""
    korean = bool(re.search(r"[가-힣]", sentence) and _ROLE_KO.search(sentence))
    if korean and (_korean_person(sentence) or _ROLE_THEN_NAME.search(sentence)):
        return True
    return bool(_ROLE_EN.search(sentence)) and any(
        not _ORG.search(m.group()) for m in _NAME_EN.finditer(sentence)
    )


Form = Literal["fact", "list", "summary", "agenda"]

_SUMMARY = re.compile(
    r"\bsumm(?:ary|ari[sz]e)\b|\boverview\b|\bin (?:short|brief|a nutshell)\b|\bbriefly\b|\btl;?dr\b|"
    r"\bwhat (?:is|was) (?:it|this|the \w+) (?:all )?about\b|\bgist\b|\brundown\b|\brecap\b|"
    r"요약|개요|간단히|간략히|한마디로|무슨 행사|(?:줄로|핵심만?|간단하게|한\s*문단으로)\s*정리",
    re.IGNORECASE,
)
_AGENDA = re.compile(
    r"\bagenda\b|\bprogram(?:me)?\b|\bschedule\b|\bsessions?\b|\bwhat(?:'s| is| was)? (?:on|happen)|일정|프로그램|세션|순서|뭐\s*해|뭐\s*했|(?<!뭐)뭐\s*있",
    re.IGNORECASE,
)
_LIST = re.compile(
    r"\b(?:which|what)\s+(?:\w+\s+)?\w+s\b|\bwho\s+(?:are|were)\s+(?:the\s+)?\w+s\b|\blist\b|\ball\b|\bevery\b|"
    r"\bname (?:the|some)\b|어떤\s*\S+들|어디어디|누구누구|뭐뭐|무엇무엇|모두|전부|다\s*알려|목록|리스트|종류|"
    r"[가-힣]+들[은는이가을를도]?(?=\s|\?|$)",
    re.IGNORECASE,
)


def question_form(question: str) -> Form:
    """Whether the question wants one fact, a list, a summary, or a day's agenda."""
    if _SUMMARY.search(question):
        return "summary"
    if _AGENDA.search(question) and detect_slot(question) in ("any", "who"):
        return "agenda"
    if _LIST.search(question) and detect_slot(question) in ("any", "who", "person", "quote"):
        return "list"
    return "fact"


# Ordinal days of a multi-day event, as people write them.
DAY_ORDINALS: list[tuple[int, re.Pattern[str]]] = [
    (1, re.compile(r"첫\s*(?:째|번째)?\s*날|첫날|1\s*일\s*차|\bday[\s-]*(?:one|1)\b|\bfirst day\b|\bopening day\b|개막일|개막\s*날", re.IGNORECASE)),
    (2, re.compile(r"둘\s*째\s*날|두\s*번째\s*날|둘쨋날|2\s*일\s*차|\bday[\s-]*(?:two|2)\b|\bsecond day\b|이튿날|"
                   r"개막\s*(?:다음\s*날|하루\s*(?:뒤|후))|\b(?:the )?(?:day after|one day after) (?:the )?(?:opening|it opened)\b",
                   re.IGNORECASE)),
    (3, re.compile(r"셋\s*째\s*날|세\s*번째\s*날|3\s*일\s*차|\bday[\s-]*(?:three|3)\b|\bthird day\b|"
                   r"개막\s*(?:이틀|2일)\s*(?:뒤|후)|\btwo days after (?:the )?(?:opening|it opened)\b", re.IGNORECASE)),
]


_DAY_WORD = re.compile(r"날|일|day", re.IGNORECASE)  # every pattern above needs one of these


_WEEKDAY_NAMES = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|tues|thurs|fri)\b|"
                            r"([월화수목금토일])(?:요일|욜)", re.IGNORECASE)


def weekdays_named(text: str) -> set[int]:
    """The days of the week ``text`` names (0 = Monday): "on Friday", "토욜", "금요일"."""
    return {WEEKDAYS_EN[m[1][:3].lower()] if m[1] else WEEKDAYS_KO.index(m[2])
            for m in _WEEKDAY_NAMES.finditer(text)}


def day_words(text: str) -> list[str]:
    """The words of ``text`` that name a day of the event by its order or its weekday ("첫날", "day two", "토욜")."""
    if not _DAY_WORD.search(text) and not _WEEKDAY_NAMES.search(text):
        return []
    return [m.group() for _, pattern in DAY_ORDINALS for m in pattern.finditer(text)] + [
        m.group() for m in _WEEKDAY_NAMES.finditer(text)]


# the parts of a programme it numbers ("Session 1", "1세션", "제2부", "Keynote 2"), each by one English word
_ENTRY_WORDS = {"session": "session", "세션": "session", "keynote": "keynote", "기조연설": "keynote",
                "기조강연": "keynote", "panel": "panel", "패널": "panel", "track": "track", "트랙": "track",
                "round": "round", "라운드": "round", "part": "part", "부": "part", "stage": "stage",
                "workshop": "workshop", "워크숍": "workshop", "hall": "hall", "홀": "hall", "room": "room",
                "호실": "room"}
_ENTRY_LATIN = "|".join(w for w in _ENTRY_WORDS if w.isascii())
_ENTRY_HANGUL = [w for w in _ENTRY_WORDS if not w.isascii()]
_ENTRY_EN = re.compile(rf"\b({_ENTRY_LATIN})s?\s+(\d{{1,3}})\b", re.IGNORECASE)
_ENTRY_KO_AFTER = re.compile(rf"(?:제\s*)?(?<![\d.,:])(\d{{1,3}})\s*({'|'.join(_ENTRY_HANGUL)})")
# (no part is written "부 2" or "호실 3")
_ENTRY_KO_BEFORE = re.compile(rf"({'|'.join(w for w in _ENTRY_HANGUL if w not in ('부', '호실'))})\s*(\d{{1,3}})(?![\d.,:])")


def numbered_entries(text: str) -> set[tuple[str, int]]:
    """The numbered parts of a programme ``text`` names, as (English word, number): "1세션은" → {("session", 1)}."""
    found = {(_ENTRY_WORDS[m[1].lower()], int(m[2])) for m in _ENTRY_EN.finditer(text)}
    found |= {(_ENTRY_WORDS[m[2]], int(m[1])) for m in _ENTRY_KO_AFTER.finditer(text)}
    return found | {(_ENTRY_WORDS[m[1]], int(m[2])) for m in _ENTRY_KO_BEFORE.finditer(text)}


def another_entry(asked: set[tuple[str, int]], text: str) -> bool:
    """Whether ``text`` names, of a kind of numbered part ``asked`` names, only other numbers ("Session 4 takes
    place in Room 202" for Session 1)."""
    named = numbered_entries(text)
    return any(any(w == word and n != number for w, n in named) and (word, number) not in named
               for word, number in asked)


def day_ordinals(text: str) -> set[int]:
    """The ordinal days (1 = the first day) ``text`` names."""
    if not _DAY_WORD.search(text):  # most passages: one quick look instead of three searches
        return set()
    return {n for n, pattern in DAY_ORDINALS if pattern.search(text)}

