"""Whether a sentence names a person: a personal name tied to a title or role, in English or Korean.

Organizations are not people: "Google sent speakers" names no person; "Kim Myung-joo (김명주), Director of ..."
and "김명주 소장은 ..." do.
"""

from __future__ import annotations

import re

# A romanized personal name: two to four capitalised parts, e.g. "Kim Myung-joo", "Yoo Hyun-seok".
_NAME = r"[A-Z][a-z]+(?:[- ][A-Z]?[a-z]+){1,3}"
_TITLE_EN = r"(?:Mr|Ms|Mrs|Dr|Prof(?:essor)?|Director|Minister|Chair(?:man|woman)?|President|CEO)"
_ROLE_EN = r"(?i:(?:acting|deputy|vice)\s+)?(?i:director|minister|head|president|chair(?:man|woman)?|professor|ceo|founder|researcher|scientist|reporter)"
_ROLE_KO = r"(?:장관|차관|소장|단장|원장|교수|대표|위원장|청장|총장|사장|회장|박사|국장|실장|기자)"
# Common Korean family names: a Korean personal name is one of them followed by a two-syllable given name.
_SURNAMES = (
    "김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염"
    "여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부가복태목형피두감음빈동온호범좌"
)
_NAME_KO = rf"(?<![가-힣])[{_SURNAMES}][가-힣]{{2}}"

_PERSON = re.compile(
    rf"\b{_NAME}\s*\([가-힣]{{2,4}}\)"  # Kim Myung-joo (김명주)
    rf"|\b{_TITLE_EN}\.?\s+{_NAME}"  # Director Kim Myung-joo
    rf"|\b{_NAME},\s+(?:the\s+)?{_ROLE_EN}\b"  # Yoo Hyun-seok, acting president of ...
    rf"|{_NAME_KO}(?:은|는|이|가)?\s+(?:\S+\s+){{0,5}}?\S*?{_ROLE_KO}"  # 김명주 소장은 / 송상훈은 ... 지원단장이다
    rf"|{_ROLE_KO}\s+{_NAME_KO}(?:이다|이며|은|는|이|가|의)?(?![가-힣])"  # ... 장관 배경훈이다
)


def names_person(sentence: str) -> bool:
    """Whether ``sentence`` names a person (a name together with a title or role)."""
    return bool(_PERSON.search(sentence))
