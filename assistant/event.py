"""The event the assistant answers about: its names, what its documents cover, example questions, UI title.

All of it comes from the knowledge folder: ``event.yaml`` when the folder has one (any field left out is
derived), otherwise from ``program.yaml`` and the documents themselves, so a folder holding one unedited
article still gets a sensible name, title and refusal.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from index.models import DocumentInfo, Lang
from index.program import PROGRAM_FILE, ProgramError, parse_program
from index.sources import EVENT_FILE

Audience = Literal["attendees", "press", "organizers"]

# Readable phrases for common document kinds (Korean, English); any other kind is named by its own word.
KIND_PHRASES: dict[str, tuple[str, str]] = {
    "overview": ("행사 이름·장소·일정·주최·참석 규모", "the event's name, venue, dates, hosts and attendance"),
    "programme": ("프로그램과 세션", "the programme and sessions"),
    "program": ("프로그램과 세션", "the programme and sessions"),
    "speakers": ("연사", "the speakers"),
    "organizations": ("참여 기관", "the participating organizations"),
    "statements": ("주요 발언", "what was said (statements and quotes)"),
    "agreements": ("체결된 협약", "the agreements signed"),
    "context": ("배경과 맥락", "the background and context"),
    "faq": ("자주 묻는 질문", "frequently asked questions"),
    "news": ("관련 보도", "news coverage"),
    "press": ("보도자료", "press releases"),
    "visitors": ("관람 안내", "information for visitors"),
    "practical": ("참가 안내", "practical information"),
    "venue": ("장소와 교통", "the venue and how to get there"),
    "tickets": ("입장권과 요금", "tickets and prices"),
    "exhibitors": ("참가 업체", "the exhibitors"),
    "people": ("참여 인물", "the people taking part"),
    "article": ("관련 기사", "news articles"),
    "schedule": ("일정", "the schedule"),
    "transcript": ("발언 기록", "transcripts"),
    "other": ("행사에 관한 글", "articles about the event"),
}

GENERIC_EXAMPLES = {
    "ko": ["이 행사는 무엇에 관한 것인가요?", "언제, 어디에서 열렸나요?", "누가 참여했나요?"],
    "en": ["What is this event about?", "When and where did it take place?", "Who took part?"],
}

# "2026 부산 항구 축제(BHF) 개막" -> name "2026 부산 항구 축제", short name "BHF".
_ACRONYM = re.compile(r"\(\s*([A-Z][A-Z0-9&]{1,11}(?: \d{4})?)\s*\)")


class EventError(ValueError):
    """An ``event.yaml`` that cannot be read or does not validate (message in Korean and English)."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Bilingual(_Strict):
    """The same short text in Korean and English."""

    ko: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: Lang) -> str:
        return getattr(self, lang)


class BilingualList(_Strict):
    """A list of short texts in each language (not necessarily translations of each other)."""

    ko: list[str] = Field(min_length=1)
    en: list[str] = Field(min_length=1)

    def get(self, lang: Lang) -> list[str]:
        return getattr(self, lang)


class EventInfo(_Strict):
    """Everything event-specific the assistant says or shows (``welcome`` is the chat's empty-state text)."""

    name: Bilingual
    short_name: str = ""
    covers: BilingualList | None = Field(default=None, description="What the documents cover (for refusals).")
    examples: BilingualList
    audience_examples: dict[Audience, BilingualList] = Field(
        default={}, description="Optional example questions per audience; the UI shows one row per audience.")
    title: Bilingual
    subtitle: Bilingual
    placeholder: Bilingual
    welcome: Bilingual

    @model_validator(mode="before")
    @classmethod
    def _derive_texts(cls, data: Any) -> Any:
        """Fill the UI texts left out from the name (and the examples)."""
        if not isinstance(data, dict) or not isinstance(data.get("name"), dict):
            return data
        data = dict(data)
        name, short = data["name"], str(data.get("short_name") or "")
        label = {lang: short or name.get(lang, "") for lang in ("ko", "en")}
        about = {lang: f"{name.get(lang, '')} ({short})" if short and short not in name.get(lang, "")
                 else name.get(lang, "") for lang in ("ko", "en")}
        data.setdefault("title", {"ko": f"{label['ko']} 도우미", "en": f"{label['en']} Assistant"})
        data.setdefault("subtitle", {
            "ko": f"{about['ko']}에 대해 물어보세요. 모든 답에는 확인할 수 있는 출처가 붙습니다.",
            "en": f"Ask about {about['en']}. Every answer comes with sources you can check.",
        })
        data.setdefault("welcome", {
            "ko": "**무엇이든 물어보세요.** 문서에 있는 내용으로만 답하고, 답마다 근거 문장을 보여 드립니다. "
                  "아래 예시 질문을 눌러 시작해 보세요.",
            "en": "**Ask anything about the documents.** Every answer shows the sentences it comes from. "
                  "Try one of the example questions below.",
        })
        by_audience = data.get("audience_examples")
        first_audience = next(iter(by_audience.values()), None) if isinstance(by_audience, dict) else None
        data.setdefault("examples", first_audience or GENERIC_EXAMPLES)
        examples = data["examples"]
        if isinstance(examples, dict) and all(isinstance(examples.get(k), list) and examples[k] for k in ("ko", "en")):
            data.setdefault("placeholder", {"ko": f"예: {examples['ko'][0]}", "en": f"e.g. {examples['en'][0]}"})
        return data

    @model_validator(mode="after")
    def _examples_pair_up(self) -> EventInfo:
        for rows in (self.examples, *self.audience_examples.values()):
            if len(rows.ko) != len(rows.en):
                raise ValueError("example questions must come in pairs: as many in Korean (ko) as in English (en)")
        return self

    @property
    def label(self) -> str:
        """The short name, else the English name (for logs and plain-text banners)."""
        return self.short_name or self.name.en

    def covered(self, lang: Lang) -> list[str]:
        """What the documents cover, phrased in ``lang``."""
        return self.covers.get(lang) if self.covers else []

    def example_rows(self) -> list[tuple[Audience | None, BilingualList]]:
        """Example questions as the UI lays them out: one row per audience, else one untitled row."""
        if self.audience_examples:
            return list(self.audience_examples.items())
        return [(None, self.examples)]


def load_event(
    knowledge_dir: Path, documents: Sequence[DocumentInfo] | None = None, files: dict[str, str] | None = None
) -> EventInfo:
    """The event of ``knowledge_dir``: its ``event.yaml``, completed from ``program.yaml`` and the documents.

    ``documents`` (as the index lists them) are only needed when something must be derived; when ``None`` the
    folder is scanned. ``files`` (the folder's configuration files as the index stores them) are read instead
    of the folder when given. Raises :class:`EventError` when ``event.yaml`` exists but is invalid."""
    knowledge_dir = Path(knowledge_dir)
    if files is None:
        files = {name: text for name in (EVENT_FILE, PROGRAM_FILE) if (text := _read_file(knowledge_dir / name))}
    data = _read_event(files.get(EVENT_FILE), knowledge_dir / EVENT_FILE)
    if "name" not in data or "covers" not in data:
        docs = list(documents) if documents is not None else _scan(knowledge_dir)
        if "name" not in data:
            data["name"], derived_short = _derived_name(knowledge_dir.name, files.get(PROGRAM_FILE), docs)
            data.setdefault("short_name", derived_short)
        if "covers" not in data:
            data["covers"] = covers_from_kinds([d.kind for d in docs], {(d.kind, d.lang): d.title for d in docs})
    try:
        return EventInfo.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or '(file)'}: {e['msg']}" for e in exc.errors())
        raise EventError(f"행사 정보 파일이 잘못되었습니다 / Invalid event file {knowledge_dir / EVENT_FILE}: "
                         f"{problems}") from exc


def covers_from_kinds(kinds: Sequence[str] | Any,
                      titles: dict[tuple[str, str], str] | None = None) -> dict[str, list[str]] | None:
    """Readable phrases (per language) for the document kinds present, common kinds first; a kind with no phrase
    of its own is named by the title of a document of that kind in the language (``titles``: by kind and
    language), else by its own word."""
    titles = titles or {}
    present = set(kinds)
    ordered = [k for k in KIND_PHRASES if k in present] + sorted(present - set(KIND_PHRASES))
    if not ordered:
        return None
    phrases: dict[str, list[str]] = {"ko": [], "en": []}
    for kind in ordered:
        word = kind.replace("_", " ").replace("-", " ")
        pair = KIND_PHRASES.get(kind) or (titles.get((kind, "ko"), word), titles.get((kind, "en"), word))
        for lang, phrase in zip(("ko", "en"), pair):
            if phrase not in phrases[lang]:
                phrases[lang].append(phrase)
    return phrases


def event_of_index(index) -> EventInfo:
    """The event as the index serving the answers stores it (no knowledge folder needed on this machine)."""
    return load_event(index.settings.knowledge_dir, index.documents(), index.knowledge_files())


def _read_file(path: Path) -> str | None:
    if not path.is_file():
        return None
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EventError(f"행사 정보 파일을 읽을 수 없습니다 / Cannot read event file {path}: {exc}") from exc


def _read_event(text: str | None, path: Path) -> dict:
    if text is None:
        return {}
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise EventError(f"행사 정보 파일의 YAML 형식이 잘못되었습니다 / Invalid YAML in event file {path}: {exc}") from exc
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise EventError(f"행사 정보 파일은 YAML 매핑이어야 합니다 / Event file {path} must contain a YAML mapping")
    return raw


def _scan(knowledge_dir: Path) -> list[DocumentInfo]:
    from index.sources import scan

    return [DocumentInfo(doc_id=d.meta.id, title=d.meta.title, lang=d.meta.lang, kind=d.meta.kind,
                         source=d.meta.source, path=d.path) for d in scan(knowledge_dir).documents]


def _derived_name(folder: str, program: str | None, docs: Sequence[DocumentInfo]) -> tuple[dict[str, str], str]:
    """The name from ``program.yaml``, else from the documents' most common (or first) title."""
    if program is not None:
        try:
            event = parse_program(program).event
            return {"ko": event.name.ko, "en": event.name.en}, event.short_name
        except ProgramError:
            pass  # the index build reports a broken programme; fall back to the documents
    titles = {lang: _main_title([d.title for d in docs if d.lang == lang]) for lang in ("ko", "en")}
    fallback = titles["ko"] or titles["en"] or folder or "documents"
    names, short = {}, ""
    for lang in ("ko", "en"):
        names[lang], acronym = _name_from_title(titles[lang] or titles["en" if lang == "ko" else "ko"] or fallback)
        short = short or acronym
    if not short:
        found = Counter(m.group(1) for d in docs for m in _ACRONYM.finditer(d.title))
        short = found.most_common(1)[0][0] if found else ""
    return names, short


def _main_title(titles: list[str]) -> str:
    """The most common title (ties go to the first listed); empty when there is none."""
    counts = Counter(t.strip() for t in titles if t.strip())
    return counts.most_common(1)[0][0] if counts else ""


def _name_from_title(title: str) -> tuple[str, str]:
    """``("name", "ACRONYM")`` from a title like ``"Name (ACRONYM) opens ..."``; else the title itself."""
    title = re.split(r"\s+[|–—-]\s+", title.strip())[0]  # drop a " | Site name" or " - Site" tail
    match = _ACRONYM.search(title)
    if match:
        prefix = title[: match.start()].strip(" \t'\"‘’“”「」『』")
        if len(prefix) >= 3:
            return prefix, match.group(1)
        return title, match.group(1)
    return title, ""
