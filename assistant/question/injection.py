"""Instructions smuggled into a question or a passage: found and stripped, never obeyed."""

from __future__ import annotations

import re

_EN = re.compile(
    r"(?:\b(?:ignore|disregard|forget|override|bypass)\b[^.?!\n]*?\b(?:instructions?|documents?|context|rules?|"
    r"sources?|passages?|above|previous|prompt|system)\b"
    r"|\b(?:you are now|act as|pretend(?: to be| that)?|from now on|new instructions?|system prompt|system:)"
    r"|\b(?:system|admin|developer)\s+(?:override|notice|update|message)\b|\banswer accordingly\b"
    r"|\b(?:documents?|sources?|context)\b[^.?!\n]{0,20}\b(?:wrong|incorrect|outdated)\b"
    r"|\b(?:just |instead |simply )?(?:say|answer|respond|reply|state|claim|tell (?:me|us|everyone))\s+(?:only\s*)?(?:that|with|:|\"|“))",
    re.IGNORECASE,
)
_KO = re.compile(
    r"(?:무시하|무시해|지시(?:를|는|사항)|시스템 프롬프트|프롬프트|이제부터|제약이 없|"
    # a role given as an order ("사무국 역할을 해줘"), not one a sentence describes ("플랫폼 역할을 강조했다")
    r"역할을\s*(?:해\s*(?:줘|주세요|라)|하세요|하라|해라|하십시오|맡아\s*(?:줘|주세요|라)?)|"
    r"(?:넌|너는|당신은)\s*(?:이제|지금부터)(?!\s*(?:뭐|무엇|어떻|어디|언제|누구))|"  # "넌 이제 사무국이야": a role
    r"(?:규칙|지침|문서)\S{0,2}\s*(?:잊|무시)|"
    r"문서\S{0,2}\s*(?:내용\S{0,2}\s*)?(?:틀렸|틀림|틀려|잘못)|"  # "문서 내용은 틀렸음": a premise to replace them
    r"(?:라고|다고|이라고)\s*(?:만\s*)?(?:답|말|대답|응답|주장|안내)\s*(?:해|하세요|하라|해라|해줘|해 줘|하십시오|할 것)|"
    r"(?<!뭐)(?:라고|다고|이라고)\s*(?:써|쓰고|쓰세요|쓰라|적어|적고)(?!야|도))"
)


def _asks(clause: str) -> bool:
    """Whether a clause is a question (or a request for information) rather than an order."""
    clause = clause.strip()
    return bool(
        re.search(
            r"[?？]$|요\??$|까\??$|\b(?:who|what|when|where|which|how|why)\b|누구|언제|어디|무엇|몇|어느",
            clause,
            re.IGNORECASE,
        )
    )


def is_instruction(text: str) -> bool:
    """Whether ``text`` tries to instruct the assistant rather than ask or state something."""
    return bool(_EN.search(text) or _KO.search(text))


# Bracketed role tags that imitate a chat template: "[ADMIN]", "[/SYSTEM]", "[INST]".
_ROLE_TAG = re.compile(r"\[/?[A-Za-z가-힣][\w -]{0,19}\]")  # ... in Korean too: "[시스템 공지]"


def strip_instructions(question: str) -> str:
    """The question without its instruction clauses (sentences or comma clauses that give orders), role tags, and,
    when it holds a question, the bare statements around it ("The event was cancelled. When is it?")."""
    parts = re.split(r"(?<=[.?!。？！])\s+|\n+", _ROLE_TAG.sub(" ", question))
    kept: list[str] = []
    instructed = False
    for part in parts:
        if not is_instruction(part):
            kept.append(part)
            continue
        instructed = True
        clauses = re.split(r"(?:,|;|\s+[-–—]\s+|\s+(?:and then|then|and|but)\s+|(?<=고)\s+)", part)
        kept.extend(c for c in clauses if c.strip() and not is_instruction(c) and _asks(c))
    kept = [k.strip() for k in kept if k.strip()]
    if instructed and any(_asks(k) for k in kept):  # a premise planted beside an instruction is not asked
        kept = [k for k in kept if _asks(k)]
    return " ".join(kept)
