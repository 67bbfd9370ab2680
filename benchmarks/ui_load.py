"""Load check of the running web app: many people asking at once, each in their own session.

    python ui.py &                                  # or any running instance on 127.0.0.1
    python benchmarks/ui_load.py [--url http://127.0.0.1:7860/] [--sessions 20] [--questions 5]

Each session is its own ``gradio_client`` connection asking its questions one after another through the
public ``/chat`` endpoint. Prints latency percentiles, errors (must be 0) and whether every session saw
exactly its own conversation; exits 1 otherwise.
"""

from __future__ import annotations

import argparse
import html
import re
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from gradio_client import Client
from pydantic import BaseModel

QUESTIONS = [
    "SFASS는 어디에서 열렸나요?",
    "Where was SFASS held?",
    "포럼은 언제 열렸나요?",
    "Who signed the MOU?",
    "둘째 날에는 어떤 세션이 있나요?",
    "What was the theme of the forum?",
    "포럼에는 몇 명이 참여했나요?",
    "Which organizations sent speakers on day one?",
    "김명주 소장은 환영사에서 무엇이라고 말했나요?",
    "What do the documents say about red-teaming?",
    "입장료는 얼마인가요?",
]
_TAG = re.compile(r"<[^>]+>")
# how long one request may wait, as a person's browser would: the client's own default (5 s) counted an answer that
# queued behind fifty others on a small machine as an error, when its latency is what is measured
REQUEST_TIMEOUT_S = 120


class SessionResult(BaseModel):
    """What one simulated person asked, saw and waited."""

    session: int
    asked: list[str]
    latencies: list[float] = []
    errors: list[str] = []
    history_ok: bool = True


def _text(content) -> str:
    """The visible text of a chat message (content may be a string or a list of parts)."""
    if isinstance(content, list):
        content = " ".join(p.get("text", "") if isinstance(p, dict) else str(p) for p in content)
    elif isinstance(content, dict):
        content = content.get("text", "")
    return html.unescape(_TAG.sub("", str(content))).strip()


def questions_for(session: int, n: int) -> list[str]:
    """A session's questions: a different walk through the pool for each session."""
    step = 1 + session % (len(QUESTIONS) - 1)
    return [QUESTIONS[(session + k * step) % len(QUESTIONS)] for k in range(n)]


def run_session(url: str, session: int, n: int) -> SessionResult:
    result = SessionResult(session=session, asked=questions_for(session, n))
    try:
        client = Client(url, verbose=False, httpx_kwargs={"timeout": REQUEST_TIMEOUT_S})
    except Exception as err:  # noqa: BLE001 - a failed connection is a measured error
        result.errors.append(f"connect: {err}")
        return result
    for i, question in enumerate(result.asked):
        started = time.perf_counter()
        try:
            messages, _, *_ = client.predict(question, "auto", "ko", api_name="/chat")
        except Exception as err:  # noqa: BLE001
            result.errors.append(f"q{i}: {err}")
            continue
        result.latencies.append(time.perf_counter() - started)
        seen = [_text(m["content"]) for m in messages if m["role"] == "user"]
        if seen != result.asked[: i + 1]:
            result.history_ok = False
    return result


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = (len(ordered) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


class LoadReport(BaseModel):
    """What one load run measured."""

    sessions: int
    questions: int
    answers: int
    errors: list[str]
    leaked_sessions: list[int]
    p50_s: float
    p95_s: float
    max_s: float
    mean_s: float
    wall_s: float

    @property
    def ok(self) -> bool:
        return not self.errors and not self.leaked_sessions and self.answers == self.sessions * self.questions

    def rows(self) -> list[tuple[str, str]]:
        return [
            ("sessions x questions", f"{self.sessions} x {self.questions}"),
            ("answers", str(self.answers)),
            ("errors", str(len(self.errors))),
            ("latency p50", f"{self.p50_s:.2f} s"),
            ("latency p95", f"{self.p95_s:.2f} s"),
            ("latency max", f"{self.max_s:.2f} s"),
            ("latency mean", f"{self.mean_s:.2f} s"),
            ("wall time", f"{self.wall_s:.1f} s"),
            ("throughput", f"{self.answers / self.wall_s:.2f} answers/s"),
            ("own history only", "yes" if not self.leaked_sessions else f"NO (sessions {self.leaked_sessions})"),
        ]


def run_load(url: str, sessions: int, questions: int) -> LoadReport:
    """``sessions`` people at once, each asking ``questions`` questions in turn."""
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=sessions) as pool:
        results = list(pool.map(lambda s: run_session(url, s, questions), range(sessions)))
    wall = time.perf_counter() - started
    latencies = [x for r in results for x in r.latencies]
    return LoadReport(
        sessions=sessions, questions=questions, answers=len(latencies),
        errors=[f"session {r.session} {e}" for r in results for e in r.errors],
        leaked_sessions=[r.session for r in results if not r.history_ok],
        p50_s=percentile(latencies, 0.50), p95_s=percentile(latencies, 0.95),
        max_s=max(latencies, default=float("nan")),
        mean_s=statistics.fmean(latencies) if latencies else float("nan"), wall_s=wall,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:7860/")
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--questions", type=int, default=5)
    args = parser.parse_args(argv)
    report = run_load(args.url, args.sessions, args.questions)
    rows = report.rows()
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}")
    for line in report.errors[:10]:
        print("error:", line, file=sys.stderr)
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
