"""Shared fixtures: ``reliability`` counts the faults a test tries (see ``tests/reliability.py``)."""

from __future__ import annotations

import time

import pytest
from reliability import Reliability, output_path

RECORDER = Reliability()
_STARTED = time.perf_counter()


@pytest.fixture(scope="session")
def reliability() -> Reliability:
    """Record a class of fault or hostile input: ``reliability.record("Truncated PDF", cases=1, lost=0)``."""
    return RECORDER


def pytest_runtest_setup(item: pytest.Item) -> None:
    RECORDER.current = item.nodeid


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    if report.when == "call" or report.outcome != "passed":
        RECORDER.outcome(item.nodeid, report.outcome)
    return report


def pytest_sessionfinish(session: pytest.Session) -> None:
    path = output_path()
    if path is not None:
        RECORDER.write(path, time.perf_counter() - _STARTED)
