"""The structured programme (``knowledge/program.yaml``): models, loading, table rows and documents."""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from itertools import pairwise
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from index.models import Document, DocumentMeta, Lang

PROGRAM_FILE = "program.yaml"
DOC_ID_PREFIX = "programme-yaml"

_ORDINALS = {
    "ko": ["첫째", "둘째", "셋째", "넷째", "다섯째"],
    "en": ["one", "two", "three", "four", "five"],
}
_PART_OF_DAY = {"morning": {"ko": "오전", "en": "morning"}, "afternoon": {"ko": "오후", "en": "afternoon"}}


class ProgramError(ValueError):
    """A programme file that cannot be read or does not validate (message in Korean and English)."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LocalizedText(_Strict):
    """The same text in Korean and English."""

    ko: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: Lang) -> str:
        return unicodedata.normalize("NFC", getattr(self, lang))


class Person(_Strict):
    """A named person, their role and (optionally) their part in a session."""

    name: LocalizedText
    role: LocalizedText
    part: LocalizedText | None = None

    def label(self, lang: Lang) -> str:
        """``송상훈(국가인공지능전략위원회 지원단장)`` / ``Song Sang-hoon (송상훈), head of ...``."""
        if lang == "ko":
            return f"{self.name.ko}({self.role.ko})"
        return f"{self.name.en} ({self.name.ko}), {self.role.en}"


class Organization(_Strict):
    """An organization that hosted, organized or sent speakers."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: LocalizedText
    description: LocalizedText | None = None
    head: Person | None = None


class Session(_Strict):
    """One session or ceremony; only what the source gives (no times, no rooms)."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: LocalizedText
    part_of_day: Literal["morning", "afternoon"] | None = None
    topics: list[LocalizedText] = []
    organizations: list[str] = []
    people: list[Person] = []


class Day(_Strict):
    """One day of the forum."""

    number: int = Field(ge=1)
    date: dt.date
    focus: list[LocalizedText] = []
    speaker_organizations: list[str] = []
    sessions: list[Session] = Field(min_length=1)

    def label(self, lang: Lang) -> str:
        """``첫째 날(2025년 10월 28일)`` / ``day one (28 October 2025)``."""
        ordinals = _ORDINALS[lang]
        nth = ordinals[self.number - 1] if self.number <= len(ordinals) else str(self.number)
        if lang == "ko":
            return f"{nth} 날({self.date.year}년 {self.date.month}월 {self.date.day}일)"
        return f"day {nth} ({self.date.day} {self.date:%B} {self.date.year})"


class Event(_Strict):
    """The forum itself."""

    name: LocalizedText
    short_name: str
    theme: LocalizedText
    venue: LocalizedText
    website: str | None = None
    attendance: int | None = Field(default=None, ge=1, description="Approximate number of participants.")
    host: str
    organizer: str


class ProgramRow(BaseModel):
    """One row of the programme table shown in the UI."""

    day: int
    date: dt.date
    day_label: str
    session: str
    part_of_day: str = ""
    topics: str = ""
    organizations: str = ""
    people: str = ""

    @staticmethod
    def headers(lang: Lang) -> list[str]:
        if lang == "ko":
            return ["일차", "날짜", "세션", "시간대", "주제", "참여 기관", "인물"]
        return ["Day", "Date", "Session", "Part of day", "Topics", "Organizations", "People"]

    def values(self) -> list[str]:
        """The cells in the order of :meth:`headers`."""
        return [str(self.day), self.date.isoformat(), self.session, self.part_of_day,
                self.topics, self.organizations, self.people]


class Program(_Strict):
    """The whole programme: event facts, organizations and days."""

    source: str | None = None
    source_url: str | None = None
    as_of: dt.date | None = None
    event: Event
    organizations: list[Organization] = []
    days: list[Day] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Program:
        org_ids = [o.id for o in self.organizations]
        if len(set(org_ids)) != len(org_ids):
            raise ValueError(f"duplicate organization ids: {sorted({i for i in org_ids if org_ids.count(i) > 1})}")
        referenced = {self.event.host, self.event.organizer}
        for day in self.days:
            referenced.update(day.speaker_organizations)
            for session in day.sessions:
                referenced.update(session.organizations)
        unknown = sorted(referenced - set(org_ids))
        if unknown:
            raise ValueError(f"unknown organization ids: {unknown}")
        if [d.number for d in self.days] != list(range(1, len(self.days) + 1)):
            raise ValueError("days must be numbered 1, 2, ... in order")
        dates = [d.date for d in self.days]
        if any(b <= a for a, b in pairwise(dates)):
            raise ValueError("day dates must increase")
        session_ids = [s.id for d in self.days for s in d.sessions]
        if len(set(session_ids)) != len(session_ids):
            raise ValueError("duplicate session ids")
        return self

    def organization(self, org_id: str) -> Organization:
        return next(o for o in self.organizations if o.id == org_id)

    def org_names(self, org_ids: list[str], lang: Lang) -> list[str]:
        return [self.organization(i).name.get(lang) for i in org_ids]

    def rows(self, lang: Lang) -> list[ProgramRow]:
        """The programme as table rows, one per session, in the given language."""
        sep = ", "
        rows = []
        for day in self.days:
            for s in day.sessions:
                people = [f"{p.label(lang)}: {p.part.get(lang)}" if p.part else p.label(lang) for p in s.people]
                rows.append(ProgramRow(
                    day=day.number, date=day.date, day_label=day.label(lang), session=s.title.get(lang),
                    part_of_day=_PART_OF_DAY[s.part_of_day][lang] if s.part_of_day else "",
                    topics=sep.join(t.get(lang) for t in s.topics),
                    organizations=sep.join(self.org_names(s.organizations, lang)),
                    people="; ".join(people),
                ))
        return rows


def load_program(path: str | Path) -> Program:
    """Read and validate a programme file; raise :class:`ProgramError` with a bilingual message."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProgramError(f"프로그램 파일을 읽을 수 없습니다 / Cannot read programme file {path}: {exc}") from exc
    return parse_program(text, str(path))


def parse_program(text: str, where: str = PROGRAM_FILE) -> Program:
    """Validate the text of a programme file (``where`` names it in messages); raise :class:`ProgramError`."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ProgramError(f"프로그램 파일의 YAML 형식이 잘못되었습니다 / Invalid YAML in {where}: {exc}") from exc
    if not isinstance(raw, dict):
        raise ProgramError(f"프로그램 파일은 YAML 매핑이어야 합니다 / {where} must contain a YAML mapping")
    try:
        return Program.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or '(root)'}: {e['msg']}" for e in exc.errors()
        )
        raise ProgramError(f"프로그램 파일 내용이 올바르지 않습니다 / Invalid programme in {where}: {problems}") from exc


def _render(program: Program, lang: Lang) -> tuple[str, str]:
    """Title and Markdown text of the programme in one language; every sentence names its day."""
    ev = program.event
    short = ev.short_name
    host, organizer = program.organization(ev.host), program.organization(ev.organizer)
    first, last = program.days[0], program.days[-1]
    ko = lang == "ko"

    def org_with_head(org: Organization) -> str:
        if org.head is None:
            return org.name.get(lang)
        return f"{org.name.get(lang)}, {org.head.label(lang)}" if not ko else \
            f"{org.name.ko}({org.head.role.ko} {org.head.name.ko})"

    title = f"{short} {first.date.year} 프로그램 표" if ko else f"{short} {first.date.year} programme table"
    lines = [f"# {title}", "", "## " + ("행사 정보" if ko else "Event")]
    if ko:
        lines += [
            f"{short} 행사 이름: {ev.name.ko} ({ev.name.en}, {short}).",
            f"{short} 일정: {first.label('ko')}부터 {last.label('ko')}까지 {len(program.days)}일간.",
            f"{short} 장소: {ev.venue.ko}.",
            f"{short} 주제: {ev.theme.ko} ({ev.theme.en}).",
            f"{short} 주최: {org_with_head(host)}.",
            f"{short} 주관: {org_with_head(organizer)}.",
        ]
        if ev.attendance:
            lines.append(f"{short} 참석 규모: {ev.attendance}여 명.")
        if ev.website:
            lines.append(f"{short} 웹사이트: {ev.website}")
    else:
        lines += [
            f"{short} name: {ev.name.en} ({ev.name.ko}, {short}).",
            f"{short} dates: from {first.label('en')} to {last.label('en')}, {len(program.days)} days.",
            f"{short} venue: {ev.venue.en} ({ev.venue.ko}).",
            f"{short} theme: {ev.theme.en} ({ev.theme.ko}).",
            f"{short} host: {org_with_head(host)}.",
            f"{short} organizer: {org_with_head(organizer)}.",
        ]
        if ev.attendance:
            lines.append(f"{short} attendance: about {ev.attendance} participants.")
        if ev.website:
            lines.append(f"{short} website: {ev.website}")

    for day in program.days:
        when = f"{short} {day.label(lang)}"
        heading = day.label(lang)
        lines += ["", f"## {heading[0].upper() + heading[1:]}"]
        if day.focus:
            focus = ", ".join(f.get(lang) for f in day.focus)
            lines.append(f"{when} 중점 논의: {focus}." if ko else f"{when} focus: {focus}.")
        if day.speaker_organizations:
            orgs = ", ".join(program.org_names(day.speaker_organizations, lang))
            lines.append(f"{when} 연사 참여 기관: {orgs}." if ko else f"{when} speaker organizations: {orgs}.")
        for s in day.sessions:
            name = s.title.get(lang)
            lines += ["", f"### {name}"]
            part = _PART_OF_DAY[s.part_of_day][lang] + " " if s.part_of_day else ""
            lines.append(f"{when} {part}세션: {name}." if ko else f"{when} {part}session: {name}.")
            for t in s.topics:
                lines.append(f"{when} '{name}' 주제: {t.get(lang)}." if ko
                             else f"Topic of \"{name}\" on {when}: {t.get(lang)}.")
            if s.organizations:
                orgs = ", ".join(program.org_names(s.organizations, lang))
                lines.append(f"{when} '{name}' 참여 기관: {orgs}." if ko
                             else f"Organizations in \"{name}\" on {when}: {orgs}.")
            for p in s.people:
                role = p.part.get(lang) if p.part else ("발표" if ko else "speaker")
                lines.append(f"{when} '{name}' {role}: {p.label(lang)}." if ko
                             else f"{role[0].upper() + role[1:]} at \"{name}\" on {when}: {p.label(lang)}.")
    text = unicodedata.normalize("NFC", "\n".join(lines) + "\n")
    return title, text


def program_documents(
    program: Program, source: str | None = None, source_url: str | None = None, *, path: str | None = None,
) -> list[Document]:
    """Render the programme into one Korean and one English document (``programme-yaml-ko``/``-en``)."""
    source = source or program.source
    if not source:
        raise ProgramError("프로그램의 출처가 없습니다 / The programme has no source")
    source_url = source_url or program.source_url
    docs = []
    for lang, other in (("ko", "en"), ("en", "ko")):
        title, text = _render(program, lang)
        meta = DocumentMeta(
            id=f"{DOC_ID_PREFIX}-{lang}", title=title, lang=lang, translation_of=f"{DOC_ID_PREFIX}-{other}",
            source=source, source_url=source_url, as_of=program.as_of, kind="programme",
        )
        docs.append(Document(meta=meta, text=text, path=path,
                             content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest()))
    return docs
