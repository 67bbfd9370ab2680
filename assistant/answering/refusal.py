"""The honest "the documents do not say" message, naming what the documents do cover."""

from __future__ import annotations

from collections.abc import Iterable

from index.models import Lang

# What each document kind lets the assistant talk about, in the order the message lists them.
COVERAGE: dict[str, tuple[str, str]] = {
    "overview": (
        "the event's name, venue, dates, hosts and attendance",
        "행사 이름·장소·일정·주최·참석 규모",
    ),
    "programme": ("the programme and sessions", "프로그램과 세션"),
    "speakers": ("the speakers", "연사"),
    "organizations": ("the participating organizations", "참여 기관"),
    "statements": ("what was said (statements and quotes)", "주요 발언"),
    "agreements": ("the agreements signed (MOUs)", "체결된 협약(MOU)"),
    "context": ("the background and context", "배경과 맥락"),
}


def covered_topics(kinds: Iterable[str], lang: Lang) -> list[str]:
    """The topics the indexed documents cover, phrased in ``lang``."""
    present = set(kinds)
    return [pair[0 if lang == "en" else 1] for kind, pair in COVERAGE.items() if kind in present]


def refusal_message(lang: Lang, kinds: Iterable[str] = COVERAGE) -> str:
    """A short refusal in ``lang`` that says what the documents do cover."""
    topics = covered_topics(kinds, lang)
    if lang == "ko":
        cover = f" 문서에 있는 내용은 {', '.join(topics)}입니다." if topics else ""
        return "제공된 문서에는 이 질문에 대한 내용이 없습니다." + cover
    cover = (
        f" They cover {', '.join(topics[:-1])} and {topics[-1]}."
        if len(topics) > 1
        else (f" They cover {topics[0]}." if topics else "")
    )
    return "The documents do not say." + cover
