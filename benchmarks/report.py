"""What every benchmark records beside its numbers: the machine, the git commit, percentiles, peak memory; and
where results are written (``benchmarks/results/<name>.json``)."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import subprocess
import threading
import time
from pathlib import Path
from typing import Self

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"


def machine() -> dict:
    """Cores, memory, CPU model, Python, and the load when the run started (a shared machine is noisy)."""
    import psutil

    cpu = ""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        cpu = platform.processor()
    return {
        "cores": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "cpu": cpu,
        "python": platform.python_version(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def git_commit() -> str:
    """The commit measured, with ``+dirty`` when the working tree has uncommitted changes."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], check=False, cwd=ROOT, capture_output=True, text=True).stdout.strip()

    commit = git("rev-parse", "--short", "HEAD")
    return commit + ("+dirty" if git("status", "--porcelain", "--untracked-files=no") else "")


def write(name: str, payload: dict) -> Path:
    """Write ``payload`` with the machine and commit to ``benchmarks/results/<name>.json``; return the path."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    record = {"benchmark": name, "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
              "commit": git_commit(), "machine": machine(), **payload}
    path.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def p50_p95(ms: list[float]) -> tuple[float, float]:
    if not ms:
        return 0.0, 0.0
    return float(np.percentile(ms, 50)), float(np.percentile(ms, 95))


class PeakMemory:
    """The peak resident memory of this process while the block runs, sampled every ``interval`` seconds;
    ``peak_mb`` and ``added_mb`` (the peak above the resident memory at entry)."""

    def __init__(self, interval: float = 0.05) -> None:
        import psutil

        self._process = psutil.Process()
        self.interval = interval
        self.start_mb = self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _rss(self) -> float:
        return self._process.memory_info().rss / 2**20

    def _watch(self) -> None:
        while not self._stop.is_set():
            self.peak_mb = max(self.peak_mb, self._rss())
            time.sleep(self.interval)

    def __enter__(self) -> Self:
        self.start_mb = self.peak_mb = self._rss()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join()
        self.peak_mb = max(self.peak_mb, self._rss())

    @property
    def added_mb(self) -> float:
        return self.peak_mb - self.start_mb
