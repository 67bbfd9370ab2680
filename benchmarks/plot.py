"""Plot p50 answer latency (and its floor) and peak memory against corpus size, from the latest results.

Reads ``benchmarks/results/scale.json`` and ``benchmarks/results/startup.json``; writes ``docs/performance.png``.

    python benchmarks/plot.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.report import RESULTS, ROOT


def main() -> int:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    scale = json.loads((RESULTS / "scale.json").read_text())["rows"]
    startup = {r["corpus"]: r for r in json.loads((RESULTS / "startup.json").read_text())["rows"]}
    chunks = [r["chunks"] for r in scale]
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    for key, label in (("ask", "Assistant.ask p50"), ("retrieve", "Assistant.retrieve p50"),
                       ("baseline", "llama-index baseline p50"), ("floor", "floor p50 (embed + Chroma + bm25s)")):
        left.plot(chunks, [r["latency"][key]["p50"] for r in scale], marker="o", label=label)
    left.set(xscale="log", xlabel="chunks in the index", ylabel="ms", title="Query latency (p50)")
    left.legend(fontsize=8)
    memory = [(r["chunks"], startup[r["corpus"]]["peak_rss_mb"]) for r in scale if r["corpus"] in startup]
    right.plot([c for c, _ in memory], [m for _, m in memory], marker="o", color="tab:red")
    right.set(xscale="log", xlabel="chunks in the index", ylabel="MB",
              title="Peak resident memory, CLI ask", ylim=(0, max(m for _, m in memory) * 1.2))
    fig.tight_layout()
    out = ROOT / "docs" / "performance.png"
    fig.savefig(out, dpi=110)
    print(f"written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
