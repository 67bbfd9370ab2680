"""Which language a question is written in: Korean when it carries Hangul, English for Latin script."""

from __future__ import annotations

import re

from index.models import Lang

from .vocabulary import QUESTION_FRAME, REQUEST_WORDS

_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_LETTER = re.compile(r"[^\W\d_]")
# Words of English sentences that do not occur inside names ("of", "and", "for" do: "Future of Life Institute").
_ENGLISH_FUNCTION = QUESTION_FRAME | REQUEST_WORDS | {
    "the", "about", "mean", "name", "called", "say", "said", "this", "that", "it", "there", "in", "from",
    "be", "has", "have", "had", "will", "would",
}


def detect_language(text: str) -> Lang | None:
    """``"ko"`` for text with Hangul (unless it is an English sentence quoting a Korean name),
    ``"en"`` for Latin-script text, ``None`` for text without letters or in another script."""
    hangul = len(_HANGUL.findall(text))
    latin_words = _LATIN_WORD.findall(text)
    latin = sum(len(w) for w in latin_words)
    letters = len(_LETTER.findall(text))
    if hangul:
        function_words = sum(w.lower() in _ENGLISH_FUNCTION for w in latin_words)
        hangul_words = len(re.findall(r"[\uac00-\ud7a3]+", text))
        if function_words >= 2 and len(latin_words) > 2 * hangul_words:
            return "en"
        return "ko"
    if latin and latin >= 0.5 * letters:
        return "en"
    return None
