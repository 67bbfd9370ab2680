"""Shared English and Korean word lists: the words that frame a question rather than name what it asks about."""

from __future__ import annotations

import importlib.util
from pathlib import Path


def _english_stopwords() -> frozenset[str]:
    """NLTK's English stop words, as llama-index-core ships them (its package is located, not imported), less the
    contractions, "won" (its "won't", but also the verb of "who won the award") and the words of order, place,
    quantity and negation, which change what is asked ("after the forum", "more than", "not free")."""
    spec = importlib.util.find_spec("llama_index.core")
    folder = Path(spec.submodule_search_locations[0]) if spec and spec.submodule_search_locations else None
    path = folder / "_static" / "nltk_cache" / "corpora" / "stopwords" / "english" if folder else None
    if path is None or not path.is_file():
        return frozenset()
    return frozenset(w for w in path.read_text(encoding="utf-8").split() if "'" not in w and w not in ORDER_AND_PLACE_WORDS)


# stop words that change what is asked: of order, place, quantity and negation
ORDER_AND_PLACE_WORDS = frozenset({
    "won", "above", "after", "against", "again", "before", "below", "between", "both", "down", "during", "each",
    "few", "further", "more", "most", "no", "nor", "not", "off", "once", "only", "out", "over", "own", "same",
    "through", "under", "up",
})


QUESTION_WORDS = frozenset({"what", "who", "when", "where", "which", "why", "how"})
# The Korean words (and word starts) that ask what, who, where, when, how much, which, why.
KO_QUESTION_WORDS = ("무엇", "누구", "누가", "어디", "언제", "얼마", "어느", "어떤", "어떻", "무슨", "뭐", "몇", "며칠", "왜")
AUXILIARIES = frozenset({"is", "are", "was", "were", "did", "does", "do"})
# The words every English question is built from ("What was ...", "When did ...").
QUESTION_FRAME = QUESTION_WORDS | AUXILIARIES
ARTICLES = frozenset({"the", "a", "an"})
PREPOSITIONS = frozenset({"of", "in", "on", "at", "to", "for", "with", "about"})
REQUEST_WORDS = frozenset({"tell", "me", "please", "can", "could", "you"})  # "Can you tell me ..., please?"
QUANTITY_WORDS = frozenset({"many", "much"})
# Names of languages and scripts: saying which language something is in names no entity.
LANGUAGE_WORDS = frozenset(
    {"english", "korean", "hangul", "hanja", "romanization", "romanized", "영어", "한국어", "영문", "국문", "한글"}
)

# Words that shape a question but carry none of what is asked about (English words and Kiwi morphemes).
KEY_TERM_STOPWORDS = QUESTION_FRAME | ARTICLES | PREPOSITIONS | REQUEST_WORDS | QUANTITY_WORDS | {
    "whom", "whose", "and", "or", "i", "we", "any", "there", "this", "that", "these", "those", "it", "its",
    "be", "been", "being", "have", "has", "had", "held", "hold", "happen", "happened", "take", "took",
    "place", "occur", "occurred", "get", "know", "number", "kind", "type", "list", "give", "show", "find",
    "say", "said", "mention", "mentioned", "describe", "explain", "also", "other", "another", "some", "all", "main",
    "come", "came", "go", "went", "make", "want", "like", "need", "use", "include", "call", "called",
    "anyone", "anything", "someone", "something", "yes", "no", "ok", "okay", "pls", "plz", "thanks", "hi",
    "document", "documents", "article",  # "what do the documents say about ...": where, not what, is asked
    "he", "she", "they", "him", "his", "her", "them", "their", "you", "your", "our", "us", "me", "my",  # pronouns
    "itself", "himself", "herself", "themselves", "myself", "yourself", "ourselves", "hers", "theirs",
    "will", "would", "could", "should", "can", "may", "might", "must", "shall",  # modal verbs
} | _english_stopwords() | {
    "무엇", "뭐", "뭔가", "누구", "누가", "언제", "며칠", "어디", "어떤", "어떻", "어느", "몇", "얼마", "왜", "어떻게", "무슨", "것", "수", "등", "하",
    "되", "있", "없", "이", "그", "저", "알리", "말하", "주", "나", "들", "때", "곳", "거", "열리", "진행", "개최", "알", "궁금",
    "대하", "관하", "관련", "내용", "경우", "정도", "좀", "요", "나요", "인가", "습니까", "알려주", "보", "싶", "혹시",
    "이번", "올해", "해당", "저번", "지난번", "여기", "거기", "저기", "우리", "제가", "내가", "문서", "기사",
    # "누구누구 나왔어?", "정리해줘", "리스트 뽑아줘": how to answer, not what about
    "누구누구", "뭐뭐", "어디어디", "무엇무엇", "정리", "설명", "요약", "나열", "리스트", "목록", "뽑",
    # how sure or formal the answer should be, which documents do not repeat ("공식 홈페이지", "the exact quote",
    # "what did he actually say tho")
    "official", "officially", "exact", "exactly", "actual", "actually", "really", "tho", "though",
    "공식", "정확", "정확히", "실제", "실제로",
}

# Korean titles and occupations written beside a person's name ("김명주 소장", "임소라 아나운서"), as a regex
# alternation: a name next to one names a person.
KOREAN_TITLES = (r"장관|차관|소장|단장|원장|교수|대표|위원장|청장|총장|사장|회장|박사|국장|실장|센터장|부총리|최고경영자|"
                 r"이사장|이사|의원|기자|팀장|관장|아나운서|작가|디자이너|감독|시인|번역가|진행자")

# The common Korean surnames, which start a Korean full name ("김명주", "윤가은")
KOREAN_SURNAMES = ("김이박최정강조윤장임한오서신권황안송전홍유고문양손배백허남심노하곽성차주우구민류나진지"
                   "엄채원천방공현함변염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어은편용")

# Chat shorthand and spoken contractions people type for whole English words ("how many ppl showed up?").
CHAT_SHORTHAND = {
    "ppl": "people", "u": "you", "ur": "your", "abt": "about", "pls": "please", "plz": "please", "thx": "thanks",
    "govt": "government", "intl": "international", "approx": "approximately", "gonna": "going to",
    "wanna": "want to", "gotta": "got to", "tmrw": "tomorrow", "mins": "minutes", "hrs": "hours", "yrs": "years",
    "mtg": "meeting", "conf": "conference", "dunno": "do not know", "bday": "birthday", "mkt": "market",
    "mgmt": "management", "dept": "department", "univ": "university", "biz": "business", "gov": "government",
}

# Acronyms that start or end chat messages and posts without naming anything ("OK so when is it?", "ICYMI #SFASS
# day 2: ...")
CHAT_ACRONYMS = frozenset({"ok", "fyi", "btw", "lol", "asap", "omg", "tldr", "imo", "imho", "pls", "plz", "thx", "ps",
                           "nb", "q", "hi", "hey", "icymi", "tbh", "ngl", "fwiw", "iirc", "afaik", "smh", "lmao"})

# Verbs of two words read as the one word the documents use for them ("how many took part?": participated), and
# nouns of several words as the words documents use for them
PHRASAL_VERBS = {
    "take part": "participate", "takes part": "participates", "took part": "participated",
    "taking part": "participating", "taken part": "participated", "show up": "attend", "shows up": "attends",
    "showed up": "attended", "turn up": "attend", "turned up": "attended", "sign up": "register",
    "signed up": "registered", "signing up": "registering",
    "lost and found": "lost property", "lost & found": "lost property",  # a noun of three words, as its usual two
}

# Verbs of the question's frame, in every form: stop words ("gives", "gave", "given" as "give"). Written out, since
# reading them from lemminflect's inflection table loads the whole table (0.2-0.3 s of every process's start).
FRAME_VERB_FORMS = frozenset({
    "come", "comes", "came", "coming", "do", "does", "did", "done", "doing", "get", "gets", "got", "gotten",
    "getting", "give", "gives", "gave", "given", "giving", "go", "goes", "went", "gone", "going", "know", "knows",
    "knew", "known", "knowing", "like", "likes", "liked", "liking", "make", "makes", "made", "making", "show",
    "shows", "showed", "shown", "showing", "take", "takes", "took", "taken", "taking", "tell", "tells", "told",
    "telling", "use", "uses", "used", "using",
})

# Words that ask for a summary and of what length; they frame a summary question, they are not its subject.
# Words for an event as such ("summarise this event", "이 행사 요약해줘"): in a summary request they ask about the
# event itself, not about something in it.
EVENT_NOUNS = frozenset({"event", "events", "행사", "forum", "포럼", "conference", "컨퍼런스", "콘퍼런스", "symposium",
                         "심포지엄", "fair", "박람회", "festival", "축제", "expo", "엑스포", "exhibition", "전시회",
                         "competition", "contest", "challenge", "championship", "대회", "summit", "정상회의",
                         "seminar", "세미나", "workshop", "워크숍", "meeting", "회의"})
# Words people use for the days and parts of an event, which its documents may never write ("frist day").
DAY_WORDS = frozenset({"first", "second", "third", "fourth", "last", "morning", "afternoon", "evening", "opening",
                       "closing"})
SUMMARY_WORDS = frozenset({
    "summary", "summarize", "summarise", "summarized", "overview", "brief", "briefly", "short", "shortly",
    "sentence", "sentences", "line", "lines", "few", "two", "three", "tldr", "recap", "outline",
    "paragraph", "gist", "rundown", "quick", "quickly", "요약", "간단히", "간략히", "짧게", "줄", "세줄", "한두", "두세", "문장", "문단",
    "개요", "정리", "whole", "entire", "overall", "everything", "tl", "dr", "전체", "전체적", "전반", "전반적", "전부",
    "총정리", "핵심", "한눈", "간단", "간략", "소개", "부탁", "nutshell",  # (Kiwi's roots of "간단하게", "간략하게")
})


# Words news reports use interchangeably for what happens at an event (and where it is online), by the (stemmed) term
# they share: a claim that people "attended" is about the same thing as a passage saying they "took part".
EVENT_SYNONYMS: dict[str, tuple[str, ...]] = {
    "attend": ("attend", "partic", "join", "part", "drew", "draw", "attrac", "turn", "pack", "gather", "flock",
               "crowd", "참석", "참여", "참가", "모이", "몰리", "방문"),
    "open": ("open", "kick", "begin", "began", "start", "개막", "개회", "시작"),
    "held": ("held", "took", "place", "ran", "열리", "개최", "진행"),
    "sign": ("sign", "conclu", "ink", "체결", "서명", "맺"),
    "say": ("said", "say", "stress", "emphas", "state", "말", "강조", "밝히", "언급"),
    "end": ("end", "clos", "wrap", "wrapp", "폐막", "끝나", "마치", "마무리"),
    "site": ("websit", "homepa", "site", "홈페이지", "웹사이트", "사이트", "누리집"),  # where something is online
    "plan": ("plan", "plann", "schedu", "slat", "pencil", "set", "expect", "foreca", "predic", "project", "예정",
             "계획", "전망", "예상", "예고"),  # what is to come
    "next": ("next", "follow", "upcom", "후속", "다음"),
    "grow": ("grow", "grew", "reach", "hit", "top", "topp", "expand", "swell", "soar", "surg", "climb", "rise", "rose",
             "성장", "달하", "도달"),  # what an amount comes to
    "people": ("people", "person", "guest", "expert", "visito", "사람", "인원", "관계자", "전문가"),  # who is counted
}

# The words events are described with, English and Korean, for matching a question in one language with a
# passage in the other (a document with no translation): the words every event's documents share, none of
# them the name of a thing at one event.
EVENT_GLOSSARY: dict[str, tuple[str, ...]] = {
    "speaker": ("연사", "발표자"), "talk": ("발표", "강연"), "present": ("발표",),
    "presentation": ("발표",), "keynote": ("기조연설", "기조강연"), "lecture": ("강연", "강의"), "session": ("세션",), "panel": ("패널",),
    "discussion": ("논의", "토론"), "schedule": ("일정",), "programme": ("프로그램", "일정"),
    "program": ("프로그램", "일정"), "agenda": ("일정", "프로그램"), "venue": ("장소", "행사장"),
    "opening": ("개막", "개회"), "closing": ("폐막", "폐회"), "registration": ("등록",),
    "register": ("등록", "신청", "접수"), "fee": ("참가비", "요금"), "ticket": ("입장권", "티켓"), "price": ("가격", "요금"),
    "cost": ("비용", "요금"), "free": ("무료",), "lunch": ("점심",), "meal": ("식사",), "food": ("음식", "푸드"), "truck": ("트럭",),
    "parking": ("주차",), "shuttle": ("셔틀",), "station": ("역",), "attend": ("참석", "참가", "참여"),
    "attendance": ("참석", "참가", "참여"), "participant": ("참가자", "참석자"), "country": ("국가", "나라", "개국"),
    "organizer": ("주최", "주관"), "organiser": ("주최", "주관"),
    "host": ("주최", "주관"), "sponsor": ("후원", "스폰서"), "award": ("상", "시상"), "prize": ("상금", "상"),
    "winner": ("수상",), "competition": ("경연", "대회", "공모전"), "exhibition": ("전시",), "booth": ("부스",),
    "workshop": ("워크숍",), "moderator": ("사회자", "사회"), "judge": ("심사", "심사위원"), "agreement": ("협약",),
    "mou": ("협약", "업무협약"), "sign": ("체결", "서명"), "cooperation": ("협력",), "partnership": ("협력",),
    "research": ("연구",), "institute": ("연구소", "연구원"), "minister": ("장관",), "ministry": ("부처",),
    "director": ("소장", "원장", "감독", "총감독"), "president": ("회장", "원장", "대표"), "chair": ("이사장", "위원장"),
    "founder": ("창업자", "설립자"), "reporter": ("기자",), "journalist": ("기자",), "article": ("기사",),
    "press": ("보도", "언론", "취재"), "media": ("언론", "취재"), "market": ("시장", "마켓"), "government": ("정부",), "industry": ("산업", "업계"),
    "academia": ("학계",), "summit": ("정상회의",), "action": ("행동",), "theme": ("주제",), "topic": ("주제",), "purpose": ("목적",),
    "goal": ("목표",), "outcome": ("성과", "결과"), "result": ("결과",), "welcome": ("환영사",),
    "congratulatory": ("축사",), "speech": ("연설", "축사", "발언"), "interpretation": ("통역",),
    "livestream": ("생중계", "중계"), "stream": ("생중계", "중계", "스트리밍"), "broadcast": ("중계", "방송"),
    "online": ("온라인",), "video": ("영상",), "slides": ("자료",), "website": ("홈페이지", "웹사이트"),
    "morning": ("오전",), "afternoon": ("오후",), "evening": ("저녁",), "company": ("기업", "회사"),
    "startup": ("스타트업",), "student": ("학생",), "discount": ("할인",), "children": ("어린이",),
    "pet": ("반려동물",), "dog": ("반려견", "반려동물", "안내견", "강아지"), "wifi": ("와이파이",), "day": ("날",),
    # who the people are: what their biographies say
    "ceo": ("대표", "최고경영자"), "professor": ("교수",), "phd": ("박사",), "doctorate": ("박사",),
    "university": ("대학", "대학교"), "degree": ("학위",), "department": ("학과",), "jury": ("심사", "심사위원"),
    "designer": ("디자이너",), "career": ("경력",), "formerly": ("전직",),
    # what visitors ask before they come: getting there, tickets and money, rules, safety, facilities
    "refund": ("환불",), "cancel": ("취소",), "cancellation": ("취소",), "reservation": ("예약", "예매"),
    "book": ("예약", "예매"), "booking": ("예약", "예매"), "deadline": ("마감",), "sold": ("매진", "마감"),
    "pay": ("결제", "지불"), "payment": ("결제",), "card": ("카드",), "cash": ("현금",), "donate": ("기부",),
    "donation": ("기부",), "fund": ("기금",), "deliver": ("배송", "택배"),
    "delivery": ("배송", "택배"), "mail": ("우편", "택배"), "bus": ("버스",), "train": ("기차", "열차"),
    "subway": ("지하철",), "taxi": ("택시",), "exit": ("출구",), "entrance": ("입구", "입장"), "gate": ("문", "게이트"),
    "road": ("도로",), "traffic": ("교통", "통제"), "weather": ("날씨", "기상"), "rain": ("비", "우천"),
    "typhoon": ("태풍",), "storm": ("태풍", "폭우"), "heat": ("폭염", "더위"), "postpone": ("연기",),
    "safety": ("안전",), "medical": ("의료", "구급"), "ambulance": ("구급차",),
    "toilet": ("화장실",), "restroom": ("화장실",), "locker": ("보관함",), "cloakroom": ("물품보관소", "보관소"), "bag": ("가방",),
    "deposit": ("보증금",), "tasting": ("시음",), "baggage": ("짐", "물품"),
    "luggage": ("짐", "물품"), "storage": ("보관",), "wheelchair": ("휠체어",),
    "disabled": ("장애인",), "accessible": ("장애인", "휠체어"), "senior": ("어르신",), "age": ("나이",),
    "child": ("어린이", "아이", "아동"), "kid": ("어린이", "아이"), "family": ("가족",), "stroller": ("유모차",),
    "smoking": ("흡연", "금연"), "photo": ("사진", "촬영"), "drone": ("드론",), "record": ("기록",),
    "medal": ("메달",), "souvenir": ("기념품",), "shirt": ("티셔츠",), "volunteer": ("자원봉사", "자원활동가", "봉사자"),
    "water": ("물", "급수"), "drink": ("음료", "마시"), "cup": ("컵",), "bottle": ("페트병",),
    "waste": ("쓰레기",), "trash": ("쓰레기",), "recycle": ("재활용",), "plastic": ("플라스틱", "일회용"),
    "dinner": ("저녁", "만찬"), "breakfast": ("아침",), "menu": ("메뉴", "음식"), "course": ("코스",),
    "route": ("코스", "노선"), "start": ("출발", "시작"), "finish": ("완주", "도착"), "limit": ("제한",),
    "champion": ("우승",), "runner": ("러너", "참가자"), "race": ("대회", "경기"),
    "visitor": ("관람객", "방문객"), "room": ("회의실", "세미나실", "강의실", "강당", "홀", "룸", "호실"),
    "hall": ("홀", "강당"), "entries": ("출품", "출품작"), "submission": ("출품", "출품작"), "party": ("파티",),
    "networking": ("네트워킹",), "lounge": ("라운지",), "audience": ("관객", "관람객"), "seat": ("좌석", "석"), "capacity": ("정원",),
    "ceremony": ("개막식", "폐막식", "개회식", "폐회식", "시상식", "기념식"), "cafe": ("카페",), "café": ("카페",),
    "repair": ("수리", "리페어"), "laptop": ("노트북",), "computer": ("컴퓨터", "노트북"), "paid": ("유료",),
    "night": ("야간", "나이트", "밤"), "nursing": ("수유",), "baby": ("아기", "유아", "수유"),
    "exhibitor": ("참가사", "출품", "전시"), "final": ("결선", "본선", "결승"), "finalist": ("결선", "본선", "결승"),
    "information": ("안내",), "contact": ("문의", "연락"), "enquiry": ("문의",), "inquiry": ("문의",),
    "apply": ("신청", "지원"), "application": ("신청", "지원"), "desk": ("데스크", "안내"), "kiosk": ("키오스크",),
    "wristband": ("팔찌",),
    "pass": ("입장권", "권"), "resident": ("시민", "주민"), "youth": ("청소년",), "map": ("지도", "안내도"),
    "floor": ("층",), "rooftop": ("옥상",), "stage": ("무대",), "garden": ("정원",), "yard": ("마당",),
    "bike": ("자전거",), "bicycle": ("자전거",), "printer": ("프린터",), "local": ("동네", "지역"),
    "bib": ("배번", "번호표"), "pick": ("수령",), "collect": ("수령",), "donated": ("기부",), "paper": ("종이",),
    "hotel": ("호텔", "숙박", "숙소"), "accommodation": ("숙박", "숙소"), "foreign": ("해외", "외국"),
    "overseas": ("해외",), "restaurant": ("식당", "음식점"), "lost": ("분실", "분실물"), "property": ("물품", "분실물"),
    "reduce": ("감소", "절감"), "reduced": ("감소", "절감"),
    # what happens in the sky or on the road, and who hosts it on stage
    "firework": ("불꽃", "불꽃놀이"), "parade": ("퍼레이드", "행렬"), "mc": ("사회", "사회자"), "emcee": ("사회", "사회자"),
    "team": ("팀",),
}
