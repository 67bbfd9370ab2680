"""Speed at scale: needle accuracy, query latency against its floor, a plain llama-index baseline, throughput.

For the real knowledge folder alone (the base) and for each generated corpus (see :mod:`benchmarks.corpus`):

- needle accuracy: the eval questions over ``knowledge/`` (default ``unseen`` and ``tuned``), scored as
  ``python -m assistant eval`` scores them; the corpus holds an unchanged copy of the real documents;
- latency: p50/p95 of ``Assistant.ask`` (extractive) and ``Assistant.retrieve`` over a sample of questions,
  every question embedded afresh, with the floor measured on the same question in the same run: one query
  embedding + one bare Chroma query (20 nearest) on the same collection + one bare bm25s query (Kiwi terms,
  scores, top 20);
- baseline: llama-index ``VectorStoreIndex`` over the same Chroma collection and embedder,
  ``as_query_engine(response_mode="no_text", similarity_top_k=5)``; its accuracy on an answerable question is
  whether every required fact (any of its ``|`` alternatives) appears in the 5 passages it returns;
- throughput: answers per second with 1, 2 and 4 callers asking at once in this process.

    python benchmarks/scale.py [--sizes 1000,10000] [--rounds 3] [--sample 40] [--sets unseen,tuned]

100000 works too (``--sizes 1000,10000,100000``) once its corpus is built (about an hour of embedding).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant import Assistant
from assistant.config import Settings
from assistant.evaluation.evalset import EvalItem, load_eval_set
from assistant.evaluation.harness import aggregate, score_item
from assistant.evaluation.suites import suite
from benchmarks import corpus as corpora
from benchmarks.report import PeakMemory, p50_p95, write
from index.bm25 import bm25_terms

GOAL_RATIO_10K = 2.0
GOAL_MS_100K = 150.0
DEPTH = 20  # what the engine asks of each search


def _largest_collection(current):
    """The version's chunk collection, or for a layered version its base's (where nearly all chunks are)."""
    return (current.vectors.base or current.vectors.own).collection


class Floor:
    """The least any answer spends: one query embedding, one bare Chroma query, one bare bm25s query."""

    def __init__(self, bot: Assistant) -> None:
        self.index = bot.index
        current = bot.index._require()
        self.collection = _largest_collection(current)
        self.bm25 = current.bm25._retriever
        self.n = len(current.chunks)

    def measure(self, question: str) -> dict[str, float]:
        started = time.perf_counter()
        vector = self.index.embed_queries([question])[0]
        embedded = time.perf_counter()
        self.collection.query(query_embeddings=[np.asarray(vector, dtype=np.float32)], n_results=min(DEPTH, self.n))
        queried = time.perf_counter()
        tokens = bm25_terms(question)
        if tokens:
            scores = self.bm25.get_scores(tokens)
            top = np.argpartition(-scores, min(DEPTH, len(scores) - 1))[:DEPTH]
            top[np.argsort(-scores[top])]
        done = time.perf_counter()
        return {"embed": (embedded - started) * 1000, "chroma": (queried - embedded) * 1000,
                "bm25": (done - queried) * 1000, "floor": (done - started) * 1000}


class Baseline:
    """A plain llama-index pipeline over the same Chroma collection and embedder, with no LLM."""

    def __init__(self, bot: Assistant, top_k: int = 5) -> None:
        from llama_index.core import VectorStoreIndex
        from llama_index.vector_stores.chroma import ChromaVectorStore

        store = ChromaVectorStore(chroma_collection=_largest_collection(bot.index._require()))
        self.engine = VectorStoreIndex.from_vector_store(store, embed_model=bot.index.embedder).as_query_engine(
            response_mode="no_text", similarity_top_k=top_k)

    def passages(self, question: str) -> list[str]:
        return [n.node.get_content() for n in self.engine.query(question).source_nodes]

    @staticmethod
    def correct(item: EvalItem, passages: list[str]) -> bool:
        """Every required fact (one of its alternatives) is in the returned passages."""
        return not item.missing_facts("\n".join(passages))


def questions(sets: list[str]) -> list[EvalItem]:
    return [item for name in sets for item in load_eval_set(suite(name).questions)]


def needle(bot: Assistant, baseline: Baseline, items: list[EvalItem]) -> dict:
    """Accuracy of the assistant (all items; answerable ones) and of the baseline (answerable ones)."""
    results, base_hits = [], []
    for item in items:
        history = [t.model_dump() for t in item.history]
        answer = bot.ask(item.question, history=history)
        results.append(score_item(item, answer, bot.retrieve(item.question, history=history).chunks))
        if item.answerable:
            base_hits.append(Baseline.correct(item, baseline.passages(item.question)))
    answerable = [r for r in results if r.answerable]
    metrics = aggregate(results)
    return {"questions": len(items), "accuracy": metrics.answer_accuracy, "hit_at_5": metrics.hit_at_5,
            "answerable": len(answerable),
            "answerable_accuracy": sum(r.correct for r in answerable) / max(len(answerable), 1),
            "baseline_fact_in_top5": sum(base_hits) / max(len(base_hits), 1),
            "wrong": [r.id for r in results if not r.correct]}


def latency(bot: Assistant, floor: Floor, baseline: Baseline, sample: list[EvalItem], rounds: int) -> dict:
    """p50/p95 in ms of ask, retrieve, the baseline and the floor (and its parts), every question embedded afresh."""
    ms: dict[str, list[float]] = {k: [] for k in ("ask", "retrieve", "baseline", "embed", "chroma", "bm25", "floor")}
    index = bot.index
    for _ in range(rounds):
        for item in sample:
            history = [t.model_dump() for t in item.history]
            for key, value in floor.measure(item.question).items():
                ms[key].append(value)
            for key, call, kwargs in (("retrieve", bot.retrieve, {"history": history}),
                                      ("ask", bot.ask, {"history": history}),
                                      ("baseline", baseline.passages, {})):
                index.forget_queries()
                started = time.perf_counter()
                call(item.question, **kwargs)
                ms[key].append((time.perf_counter() - started) * 1000)
    out = {}
    for key, values in ms.items():
        p50, p95 = p50_p95(values)
        out[key] = {"p50": round(p50, 2), "p95": round(p95, 2)}
    return out


def throughput(bot: Assistant, pool: list[EvalItem], callers: int) -> float:
    """Answers per second when ``callers`` threads share the questions of ``pool`` (each asked once)."""
    bot.index.forget_queries()
    parts = [pool[i::callers] for i in range(callers)]

    def work(part: list[EvalItem]) -> None:
        for item in part:
            bot.ask(item.question, history=[t.model_dump() for t in item.history])

    started = time.perf_counter()
    with ThreadPoolExecutor(callers) as executor:
        list(executor.map(work, parts))
    return len(pool) / (time.perf_counter() - started)


def measure(name: str, corpus: corpora.Corpus, items: list[EvalItem], args) -> dict:
    started = time.perf_counter()
    with PeakMemory() as memory:
        bot = Assistant(Settings(knowledge_dir=corpus.knowledge, data_dir=corpus.data))
        bot._warm_up()
    opened_s = time.perf_counter() - started
    floor, baseline = Floor(bot), Baseline(bot)
    sample = items[:: max(1, len(items) // args.sample)][: args.sample]
    for item in sample[:5]:  # warm-up
        bot.ask(item.question)
        baseline.passages(item.question)
    row = {"corpus": name, "chunks": floor.n, "open_s": round(opened_s, 2), "open_added_mb": round(memory.added_mb)}
    row["needle"] = needle(bot, baseline, items)
    row["latency"] = latency(bot, floor, baseline, sample, args.rounds)
    pool = items[: args.throughput_questions]
    row["throughput"] = {str(c): round(statistics.median(throughput(bot, pool, c) for _ in range(1)), 2)
                         for c in (1, 2, 4)}
    lat = row["latency"]
    row["ask_floor_ratio"] = round(lat["ask"]["p50"] / lat["floor"]["p50"], 2)
    row["retrieve_floor_ratio"] = round(lat["retrieve"]["p50"] / lat["floor"]["p50"], 2)
    return row


def goals(rows: list[dict]) -> list[str]:
    out = []
    for row in rows:
        if row["corpus"] == "10000":
            ratio = row["ask_floor_ratio"]
            out.append(f"10k: ask p50 {row['latency']['ask']['p50']:.0f} ms = {ratio:.2f}× floor "
                       f"(goal ≤ {GOAL_RATIO_10K:.0f}×): {'met' if ratio <= GOAL_RATIO_10K else 'not met'}")
        if row["corpus"] == "100000":
            p50 = row["latency"]["ask"]["p50"]
            out.append(f"100k: ask p50 {p50:.0f} ms (goal ≤ {GOAL_MS_100K:.0f} ms): "
                       f"{'met' if p50 <= GOAL_MS_100K else 'not met'}")
    return out


def print_tables(rows: list[dict]) -> None:
    print(f"\n{'corpus':>8} {'chunks':>7} {'accuracy':>9} {'answerable':>11} {'baseline':>9} {'hit@5':>6}"
          "   (needle: eval questions over the real documents)")
    for r in rows:
        n = r["needle"]
        print(f"{r['corpus']:>8} {r['chunks']:>7} {n['accuracy']:>9.3f} {n['answerable_accuracy']:>11.3f} "
              f"{n['baseline_fact_in_top5']:>9.3f} {n['hit_at_5']:>6.2f}")
    print(f"\n{'corpus':>8} {'ask p50':>8} {'p95':>7} {'retr p50':>9} {'p95':>7} {'base p50':>9} {'floor p50':>10}"
          f" {'embed':>6} {'chroma':>7} {'bm25':>6} {'ask/floor':>10} {'retr/floor':>11}   ms")
    for r in rows:
        lat = r["latency"]
        print(f"{r['corpus']:>8} {lat['ask']['p50']:>8.1f} {lat['ask']['p95']:>7.1f} {lat['retrieve']['p50']:>9.1f} "
              f"{lat['retrieve']['p95']:>7.1f} {lat['baseline']['p50']:>9.1f} {lat['floor']['p50']:>10.1f} "
              f"{lat['embed']['p50']:>6.1f} {lat['chroma']['p50']:>7.1f} {lat['bm25']['p50']:>6.1f} "
              f"{r['ask_floor_ratio']:>10.2f} {r['retrieve_floor_ratio']:>11.2f}")
    print(f"\n{'corpus':>8} {'1 caller':>9} {'2 callers':>10} {'4 callers':>10}   answers/s;  open s, MB")
    for r in rows:
        t = r["throughput"]
        print(f"{r['corpus']:>8} {t['1']:>9.1f} {t['2']:>10.1f} {t['4']:>10.1f}   {r['open_s']:>6.1f} "
              f"{r['open_added_mb']:>6}")
    for line in goals(rows):
        print(line)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=corpora.parse_sizes, default=[1000, 10000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sample", type=int, default=40, help="questions timed per round")
    parser.add_argument("--sets", default="unseen,tuned", help="eval suites over knowledge/ used as needles")
    parser.add_argument("--throughput-questions", type=int, default=32)
    parser.add_argument("--no-base", action="store_true", help="skip the real knowledge folder alone")
    parser.add_argument("--output", default="scale", help="name of the JSON file under benchmarks/results/")
    args = parser.parse_args()
    items = questions(args.sets.split(","))
    targets = [] if args.no_base else [("base", corpora.base())]
    targets += [(str(size), corpora.ensure(size, args.seed)) for size in args.sizes]
    rows = []
    for name, corpus in targets:
        rows.append(measure(name, corpus, items, args))
        print(f"measured {name}: {rows[-1]['chunks']} chunks", flush=True)
    print_tables(rows)
    path = write(args.output, {"command": " ".join(sys.argv), "sets": args.sets, "rounds": args.rounds,
                               "sample": args.sample, "rows": rows, "goals": goals(rows)})
    print(f"\nwritten to {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
