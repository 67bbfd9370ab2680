"""Load through nginx to one app replica and to two, as deploy/run.sh starts them (chroma, build, replicas, nginx).

Each round sends ``--sessions`` people at once, each asking ``--questions`` questions in turn (benchmarks/ui_load.py);
the table gives the median over rounds of p50 and p95, for one and for two replicas, measured in the same run.
Writes benchmarks/results/replicas.json.

    python benchmarks/replicas.py [--rounds 3] [--sessions 50] [--questions 5]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "deploy"))
sys.path.insert(0, str(REPO / "benchmarks"))

from deployment import Deployment
from ui_load import run_load


def machine() -> dict:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True,
                            check=False).stdout.strip()
    return {"cores": os.cpu_count(), "memory_gib": round(memory, 1), "python": platform.python_version(),
            "commit": commit}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--questions", type=int, default=5)
    args = parser.parse_args()
    run_dir = Path(tempfile.mkdtemp(prefix="replicas-bench-"))
    results = {}
    for replicas in (1, 2):
        with Deployment(run_dir, replicas=replicas) as running:  # the second start reuses the built index
            run_load(running.url, sessions=5, questions=1)  # warm-up
            rounds = [run_load(running.url, args.sessions, args.questions) for _ in range(args.rounds)]
        bad = [r for r in rounds if not r.ok]
        results[replicas] = {
            "p50_s": statistics.median(r.p50_s for r in rounds),
            "p95_s": statistics.median(r.p95_s for r in rounds),
            "answers_per_s": statistics.median(r.answers / r.wall_s for r in rounds),
            "errors": sum(len(r.errors) for r in rounds),
            "own_history_only": not any(r.leaked_sessions for r in rounds),
            "rounds_ok": len(rounds) - len(bad),
        }
    print(f"{args.sessions} sessions x {args.questions} questions, median of {args.rounds} rounds, through nginx")
    print(f"{'replicas':>8}  {'p50':>7}  {'p95':>7}  {'answers/s':>9}  {'errors':>6}  own history only")
    for replicas, r in results.items():
        print(f"{replicas:>8}  {r['p50_s']:>6.2f}s  {r['p95_s']:>6.2f}s  {r['answers_per_s']:>9.2f}  {r['errors']:>6}  "
              f"{'yes' if r['own_history_only'] else 'NO'}")
    out = REPO / "benchmarks" / "results" / "replicas.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"machine": machine(), "sessions": args.sessions, "questions": args.questions,
                               "rounds": args.rounds, "replicas": results}, indent=2))
    return 0 if all(r["errors"] == 0 and r["own_history_only"] for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
