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
