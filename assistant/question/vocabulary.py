"""Shared English and Korean word lists: the words that frame a question rather than name what it asks about."""

from __future__ import annotations

QUESTION_WORDS = frozenset({"what", "who", "when", "where", "which", "why", "how"})
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
    "say", "said", "mention", "mentioned", "describe", "explain", "also", "other", "some", "all", "main",
    "come", "came", "go", "went", "make", "want", "like", "need", "use", "include", "call", "called",
    "anyone", "anything", "someone", "something", "yes", "no", "ok", "okay", "pls", "plz", "thanks", "hi",
    "document", "documents", "article",  # "what do the documents say about ...": where, not what, is asked
    "he", "she", "they", "him", "his", "her", "them", "their", "you", "your", "our", "us", "me", "my",  # pronouns
    "will", "would", "could", "should", "can", "may", "might", "must", "shall",  # modal verbs
} | {
    "무엇", "뭐", "뭔가", "누구", "누가", "언제", "어디", "어떤", "어느", "몇", "얼마", "왜", "어떻게", "무슨", "것", "수", "등", "하",
    "되", "있", "없", "이", "그", "저", "알리", "말하", "주", "나", "들", "때", "곳", "거", "열리", "진행", "개최", "알", "궁금",
    "대하", "관하", "관련", "내용", "경우", "정도", "좀", "요", "나요", "인가", "습니까", "알려주", "보", "싶", "혹시",
    "이번", "올해", "해당", "저번", "지난번", "여기", "거기", "저기", "우리", "제가", "내가", "문서", "기사",
}

# Words that ask for a summary and of what length; they frame a summary question, they are not its subject.
# Words for an event as such ("summarise this event", "이 행사 요약해줘"): in a summary request they ask about the
# event itself, not about something in it.
EVENT_NOUNS = frozenset({"event", "events", "행사", "forum", "포럼", "conference", "컨퍼런스", "콘퍼런스", "symposium",
                         "심포지엄", "fair", "박람회", "festival", "축제", "expo", "엑스포", "exhibition", "전시회"})
# Words people use for the days and parts of an event, which its documents may never write ("frist day").
DAY_WORDS = frozenset({"first", "second", "third", "fourth", "last", "morning", "afternoon", "evening", "opening",
                       "closing"})
SUMMARY_WORDS = frozenset({
    "summary", "summarize", "summarise", "summarized", "overview", "brief", "briefly", "short", "shortly",
    "sentence", "sentences", "line", "lines", "few", "two", "three", "tldr", "recap", "outline",
    "요약", "간단히", "간략히", "짧게", "줄", "세줄", "한두", "두세", "문장", "개요", "정리",
})


# Words news reports use interchangeably for what happens at an event, by the (stemmed) term they share:
# a claim that people "attended" is about the same thing as a passage saying they "took part".
EVENT_SYNONYMS: dict[str, tuple[str, ...]] = {
    "attend": ("attend", "partic", "join", "part", "drew", "draw", "attrac", "turn", "참석", "참여", "참가", "모이",
               "몰리"),
    "open": ("open", "kick", "begin", "start", "개막", "개회", "시작"),
    "held": ("held", "took", "place", "열리", "개최", "진행"),
    "sign": ("sign", "conclud", "체결", "서명", "맺"),
    "say": ("said", "say", "stress", "emphas", "state", "말", "강조", "밝히", "언급"),
    "end": ("end", "clos", "폐막", "끝나", "마치", "마무리"),
}
