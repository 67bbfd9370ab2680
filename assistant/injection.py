"""Instructions smuggled into a question or a passage: found and stripped, never obeyed."""

from __future__ import annotations

import re

_EN = re.compile(
    r"(?:\b(?:ignore|disregard|forget|override|bypass)\b[^.?!\n]*?\b(?:instructions?|documents?|context|rules?|"
    r"sources?|passages?|above|previous|prompt|system)\b"
    r"|\b(?:you are now|act as|pretend(?: to be| that)?|from now on|new instructions?|system prompt|system:)"
    r"|\b(?:just |instead |simply )?(?:say|answer|respond|reply|state|claim|tell (?:me|us|everyone))\s+(?:only\s+)?(?:that|with|:|\"|“))",
    re.I,
)
_KO = re.compile(
    r"(?:무시하|무시해|지시(?:를|는|사항)|시스템 프롬프트|프롬프트|이제부터|역할을|"
    r"(?:라고|다고|이라고)\s*(?:만\s*)?(?:답|말|대답|응답|써|적어|주장))"
)


def is_instruction(text: str) -> bool:
    """Whether ``text`` tries to instruct the assistant rather than ask or state something."""
    return bool(_EN.search(text) or _KO.search(text))


def strip_instructions(question: str) -> str:
    """The question without its instruction clauses (sentences or comma clauses that give orders)."""
    parts = re.split(r"(?<=[.?!。？！])\s+|\n+", question)
    kept: list[str] = []
    for part in parts:
        if not is_instruction(part):
            kept.append(part)
            continue
        clauses = re.split(r"(?:,|;|\s+(?:and then|then|and|but)\s+|(?<=고)\s+)", part)
        kept.extend(c for c in clauses if c.strip() and not is_instruction(c) and re.search(r"[?？]|요$|까$", c.strip()))
    return " ".join(k.strip() for k in kept if k.strip())
