"""Start-up: time from process start to the first answer, and peak resident memory, of the CLI.

Runs ``python -m assistant ask "…"`` under ``/usr/bin/time -v`` against a built index (the real knowledge folder
alone, then each generated corpus), several times each; reports the median wall time and peak RSS. The process
exits right after printing its answer, so its wall time is the time to the first answer (plus exit). The first
run of each corpus starts without the local copy of the loaded version (``index.cache``: as the first process
after a build), the others with it; both are reported.

With ``--against REF`` the code of git revision ``REF`` (exported to a temporary folder, with its own copy of each
corpus's data folder, so neither reads the other's saved statistics) is started in turns with the working tree's,
one run of each at a time: a busy machine slows both alike, and the ratio of the two medians is what to compare.

    python benchmarks/startup.py [--sizes 1000,10000] [--runs 3] [--against f7cb4ec]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import corpus as corpora
from benchmarks.report import ROOT, write

GOAL_S_10K = 3.0
QUESTIONS = ["SFASS 2025는 어디에서 열렸나요?", "Who hosted SFASS 2025?"]


def run_once(corpus: corpora.Corpus, question: str, code: Path = ROOT, data: Path | None = None
             ) -> tuple[float, float]:
    """(seconds to the answer, peak RSS in MB) of one CLI process of the code in ``code`` on ``data`` (by default
    the corpus's own data folder)."""
    env = os.environ | {"ASSISTANT_KNOWLEDGE_DIR": str(corpus.knowledge),
                        "ASSISTANT_DATA_DIR": str(data or corpus.data)}
    started = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-v", sys.executable, "-m", "assistant", "ask", question],
                          check=False, cwd=code, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"the CLI failed: {done.stderr[-2000:]}")
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)[1])
    return seconds, rss_kb / 1024


def measure(name: str, corpus: corpora.Corpus, runs: int) -> dict:
    copy = corpus.settings().version_cache_dir
    if copy is not None and copy.exists():
        shutil.rmtree(copy)
    cold = run_once(corpus, QUESTIONS[0])
    results = [run_once(corpus, QUESTIONS[i % len(QUESTIONS)]) for i in range(runs)]
    return {"corpus": name, "chunks": corpus.chunks, "runs": runs,
            "first_answer_s": round(statistics.median(s for s, _ in results), 2),
            "first_answer_s_all": [round(s, 2) for s, _ in results],
            "cold_first_answer_s": round(cold[0], 2),
            "peak_rss_mb": round(statistics.median(m for _, m in results))}


def against(name: str, corpus: corpora.Corpus, runs: int, code: Path, scratch: Path) -> dict:
    """Start-ups of ``code`` (on its own copy of the corpus's data folder) and of the working tree, in turns."""
    data = scratch / f"data-{name}"
    if not data.exists():
        shutil.copytree(corpus.data, data)
    for where, folder in ((code, data), (ROOT, None)):  # saved statistics counted by each before timing
        run_once(corpus, QUESTIONS[0], where, folder)
    before, after = [], []
    for i in range(runs):
        question = QUESTIONS[i % len(QUESTIONS)]
        before.append(run_once(corpus, question, code, data)[0])
        after.append(run_once(corpus, question, ROOT)[0])
    b, a = statistics.median(before), statistics.median(after)
    return {"corpus": name, "chunks": corpus.chunks, "runs": runs, "before_s": round(b, 2), "after_s": round(a, 2),
            "after_over_before": round(a / b, 3), "before_s_all": [round(s, 2) for s in before],
            "after_s_all": [round(s, 2) for s in after]}


def exported(ref: str, into: Path) -> Path:
    """The tracked files of git revision ``ref`` under ``into``."""
    archive = subprocess.run(["git", "archive", ref], check=True, cwd=ROOT, capture_output=True).stdout
    into.mkdir(parents=True, exist_ok=True)
    subprocess.run(["tar", "-x", "-C", str(into)], check=True, input=archive)
    return into


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=corpora.parse_sizes, default=[1000, 10000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--against", metavar="REF", help="time git revision REF in turns with this tree (instead of the plain run)")
    args = parser.parse_args()
    targets = [("base", corpora.base())] + [(str(s), corpora.ensure(s, args.seed)) for s in args.sizes]
    if args.against:
        with tempfile.TemporaryDirectory(prefix="startup-against-") as scratch:
            code = exported(args.against, Path(scratch) / "code")
            rows = [against(name, c, args.runs, code, Path(scratch)) for name, c in targets]
        print(f"{'corpus':>8} {'chunks':>7} {args.against + ' s':>14} {'this tree s':>12} {'ratio':>7}"
              f"   (median of {args.runs}, in turns)")
        for r in rows:
            print(f"{r['corpus']:>8} {r['chunks']:>7} {r['before_s']:>14.2f} {r['after_s']:>12.2f}"
                  f" {r['after_over_before']:>7.3f}")
        path = write("startup_against", {"command": " ".join(sys.argv), "against": args.against, "rows": rows})
        print(f"written to {path}")
        return 0
    rows = [measure(name, c, args.runs) for name, c in targets]
    print(f"{'corpus':>8} {'chunks':>7} {'first answer s':>15} {'no local copy s':>16} {'peak RSS MB':>12}"
          f"   (median of {args.runs}; the second column: one run)")
    for r in rows:
        print(f"{r['corpus']:>8} {r['chunks']:>7} {r['first_answer_s']:>15.2f} {r['cold_first_answer_s']:>16.2f}"
              f" {r['peak_rss_mb']:>12}")
    verdicts = [f"10k: first answer {r['first_answer_s']:.2f} s (goal ≤ {GOAL_S_10K:.0f} s): "
                f"{'met' if r['first_answer_s'] <= GOAL_S_10K else 'not met'}" for r in rows if r["corpus"] == "10000"]
    for line in verdicts:
        print(line)
    path = write("startup", {"command": " ".join(sys.argv), "rows": rows, "goals": verdicts})
    print(f"written to {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
