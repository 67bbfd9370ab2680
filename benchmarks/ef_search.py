"""How wide the vector search walks: latency and recall of the bare Chroma query at two ``ef_search`` settings.

For the real knowledge folder alone and each generated corpus (see :mod:`benchmarks.corpus`): in alternating
rounds, the corpus's collection is set to each ``ef_search`` and a fresh process (a process reads the setting when
it opens the collection) asks it for the 20 nearest chunks of every question of the chosen eval sets. Reported per setting: the p50/p95 of one query
(median over the rounds) and the recall of the true 20 nearest (exact cosine over the stored vectors). The
collection is left at :data:`index.vectors.EF_SEARCH`, what a new build gets.

    python benchmarks/ef_search.py [--sizes 1000,10000] [--values 100,400] [--rounds 3] [--sets unseen,tuned]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.evaluation.evalset import load_eval_set
from assistant.evaluation.suites import suite
from benchmarks import corpus as corpora
from benchmarks.report import p50_p95, write
from benchmarks.scale import DEPTH, _largest_collection
from index.store import KnowledgeIndex
from index.vectors import EF_SEARCH


def _set_ef(corpus: corpora.Corpus, ef: int) -> None:
    collection = _largest_collection(KnowledgeIndex.open(corpus.settings())._require())
    collection.modify(configuration={"hnsw": {"ef_search": ef}})


def _timed(corpus: corpora.Corpus, questions: list[str]) -> dict:
    """In this process: one query per question against the corpus's collection, opened here (a process reads a
    collection's ``ef_search`` when it first opens it), with the recall of the true 20 nearest."""
    index = KnowledgeIndex.open(corpus.settings())
    collection = _largest_collection(index._require())
    vectors = np.asarray(index.embed_queries(questions), dtype=np.float32)
    stored = collection.get(include=["embeddings"])
    ids, matrix = np.asarray(stored["ids"]), np.asarray(stored["embeddings"], dtype=np.float32)
    k = min(DEPTH, len(ids))
    ms, hits = [], 0
    for v in vectors:
        started = time.perf_counter()
        found = collection.query(query_embeddings=[v], n_results=k, include=[])["ids"][0]
        ms.append((time.perf_counter() - started) * 1000)
        hits += len(set(ids[np.argsort(-(matrix @ v))[:k]]) & set(found))
    return {"ms": ms, "recall": hits / (k * len(vectors)), "chunks": len(ids)}


def measure(name: str, corpus: corpora.Corpus, sets: str, values: list[int], rounds: int) -> dict:
    """Alternating rounds of :func:`_timed`, each in a fresh process, for each ``ef_search`` of ``values``."""
    runs: dict[int, list[dict]] = {ef: [] for ef in values}
    for _ in range(rounds):
        for ef in values:
            _set_ef(corpus, ef)
            out = subprocess.run([sys.executable, __file__, "--time", str(corpus.root), "--sets", sets],
                                 capture_output=True, text=True, check=True).stdout
            runs[ef].append(json.loads(out.strip().splitlines()[-1]))
    _set_ef(corpus, EF_SEARCH)
    row = {"corpus": name, "chunks": runs[values[0]][0]["chunks"]}
    for ef in values:
        p50s, p95s = zip(*(p50_p95(run["ms"]) for run in runs[ef]))
        row[f"ef{ef}"] = {"p50_ms": round(statistics.median(p50s), 2), "p95_ms": round(statistics.median(p95s), 2),
                          "recall_at_20": round(min(run["recall"] for run in runs[ef]), 4)}  # the worst round
    return row


def _questions(sets: str) -> list[str]:
    return [item.question for name in sets.split(",") for item in load_eval_set(suite(name).questions)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=corpora.parse_sizes, default=[1000, 10000])
    parser.add_argument("--values", default=f"100,{EF_SEARCH}", help="ef_search settings compared")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sets", default="unseen,tuned", help="eval suites over knowledge/ whose questions are asked")
    parser.add_argument("--time", help=argparse.SUPPRESS)  # one timed pass over the corpus at this folder
    args = parser.parse_args()
    if args.time:
        root = Path(args.time)
        corpus = corpora.Corpus(key=root.name, root=root, chunks=0, documents=0,
                                knowledge_dir=corpora.KNOWLEDGE if root.name.startswith("base-") else None)
        print(json.dumps(_timed(corpus, _questions(args.sets))))
        return 0
    values = [int(v) for v in args.values.split(",")]
    targets = [("base", corpora.base())] + [(str(size), corpora.ensure(size)) for size in args.sizes]
    rows = [measure(name, corpus, args.sets, values, args.rounds) for name, corpus in targets]
    print(f"{'corpus':>8} {'chunks':>8} " + " ".join(f"{'ef ' + str(ef) + ' p50/p95 ms':>22} {'recall':>7}"
                                                      for ef in values))
    for row in rows:
        print(f"{row['corpus']:>8} {row['chunks']:>8} " + " ".join(
            f"{row[f'ef{ef}']['p50_ms']:>11.2f} / {row[f'ef{ef}']['p95_ms']:>8.2f} {row[f'ef{ef}']['recall_at_20']:>7.4f}"
            for ef in values))
    path = write("ef_search", {"values": values, "rounds": args.rounds, "rows": rows})
    print(f"written to {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
