"""Countries as statements and documents name them, in Korean and English, by name, short form or adjective
("미국", "the United States", "US", "American"): a claim that a company is British stands against a document
saying it is American, and "US" supports "American"."""

from __future__ import annotations

import re
from functools import lru_cache

# each country: its Korean names, then its English names, short forms and adjectives
_COUNTRIES: dict[str, tuple[str, ...]] = {
    "KR": ("한국", "대한민국", "남한", "Korea", "South Korea", "Republic of Korea", "ROK", "Korean", "South Korean"),
    "US": ("미국", "United States", "United States of America", "USA", "U.S.A.", "U.S.", "US", "America",
           "American"),
    "GB": ("영국", "United Kingdom", "UK", "U.K.", "Britain", "Great Britain", "British", "England", "English"),
    "JP": ("일본", "Japan", "Japanese"),
    "CN": ("중국", "China", "Chinese", "PRC"),
    "SG": ("싱가포르", "Singapore", "Singaporean"),
    "FR": ("프랑스", "France", "French"),
    "DE": ("독일", "Germany", "German"),
    "IT": ("이탈리아", "Italy", "Italian"),
    "ES": ("스페인", "Spain", "Spanish"),
    "NL": ("네덜란드", "Netherlands", "Dutch"),
    "CH": ("스위스", "Switzerland", "Swiss"),
    "SE": ("스웨덴", "Sweden", "Swedish"),
    "NO": ("노르웨이", "Norway", "Norwegian"),
    "DK": ("덴마크", "Denmark", "Danish"),
    "FI": ("핀란드", "Finland", "Finnish"),
    "CA": ("캐나다", "Canada", "Canadian"),
    "AU": ("호주", "오스트레일리아", "Australia", "Australian"),
    "NZ": ("뉴질랜드", "New Zealand"),
    "IN": ("India", "Indian"),  # "인도" is also a common Korean noun and verb stem
    "IL": ("이스라엘", "Israel", "Israeli"),
    "BR": ("브라질", "Brazil", "Brazilian"),
    "MX": ("멕시코", "Mexico", "Mexican"),
    "KE": ("케냐", "Kenya", "Kenyan"),
    "ET": ("에티오피아", "Ethiopia", "Ethiopian"),
    "CO": ("콜롬비아", "Colombia", "Colombian"),
    "VN": ("베트남", "Vietnam", "Viet Nam", "Vietnamese"),
    "TW": ("대만", "Taiwan", "Taiwanese"),
    "TH": ("태국", "Thailand", "Thai"),
    "ID": ("인도네시아", "Indonesia", "Indonesian"),
    "PH": ("필리핀", "Philippines", "Filipino"),
    "AE": ("아랍에미리트", "United Arab Emirates", "UAE", "Emirati"),
    "SA": ("사우디아라비아", "Saudi Arabia", "Saudi"),
}


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern over every name (longest first), and each name's country."""
    country = {name.lower(): code for code, names in _COUNTRIES.items() for name in names}
    names = sorted((n for names in _COUNTRIES.values() for n in names), key=len, reverse=True)
    # Korean names take particles after them ("미국의"), not another syllable before them ("남미국" is no country);
    # an English one is a whole word, its case as written ("US", not "us")
    parts = [rf"(?<![가-힣]){re.escape(n)}" if re.search(r"[가-힣]", n) else rf"(?<![\w.]){re.escape(n)}(?![\w])"
             for n in names]
    return re.compile("|".join(parts)), country


def country_of(name: str) -> str | None:
    """The country ``name`` is, when it is one as a whole ("영국", "the UK", "British"), else None."""
    text = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    return _pattern()[1].get(text.lower()) if _pattern()[0].fullmatch(text) else None


def countries_matches(text: str) -> list[re.Match[str]]:
    """Where ``text`` names a country, in order."""
    return list(_pattern()[0].finditer(text))


def countries_in(text: str) -> list[tuple[str, str]]:
    """The countries ``text`` names, in order, as (country, the words naming it)."""
    country = _pattern()[1]
    return [(country[m[0].lower()], m[0]) for m in countries_matches(text)]
