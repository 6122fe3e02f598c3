"""A pytest plugin: each test's CPU time, its own process's and its finished child processes' (git, LibreOffice,
chromium), which other work on the machine changes little, unlike wall time. `-p tests.cpu_times` writes
cpu-times.tsv (test, wall seconds, CPU seconds, CPU seconds of its setup; slowest first), the measure tests/slow.py
asks for. The setup column is where fixtures spend: a module's or session's fixture counts in its first test's."""

from __future__ import annotations

import os
import time
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any, cast

import pytest

_SPENT = pytest.StashKey[tuple[float, float]]()
_TOTALS: dict[str, list[float]] = {}


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, Any, None]:
    outcome = yield
    report = outcome.get_result()
    wall, cpu = item.stash.get(_SPENT, (0.0, 0.0))
    report.user_properties = [*report.user_properties, ("cpu_times", (wall, cpu))]


def _phase(item: pytest.Item) -> Iterator[None]:
    wall, cpu = time.perf_counter(), _cpu()
    yield
    item.stash[_SPENT] = (time.perf_counter() - wall, _cpu() - cpu)


pytest_runtest_setup = pytest.hookimpl(hookwrapper=True)(_phase)
pytest_runtest_call = pytest.hookimpl(hookwrapper=True)(_phase)
pytest_runtest_teardown = pytest.hookimpl(hookwrapper=True)(_phase)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    for name, value in report.user_properties:
        if name == "cpu_times":
            wall, cpu = cast(tuple[float, float], value)
            kept = _TOTALS.setdefault(report.nodeid, [0.0, 0.0, 0.0])
            kept[0] += wall
            kept[1] += cpu
            if report.when == "setup":
                kept[2] += cpu


def pytest_sessionfinish(session: pytest.Session) -> None:
    if hasattr(session.config, "workerinput") or not _TOTALS:  # an xdist worker: its reports go to the controller
        return
    rows = sorted(_TOTALS.items(), key=lambda row: -row[1][1])
    lines = [f"{nodeid}\t{wall:.3f}\t{cpu:.3f}\t{setup:.3f}\n" for nodeid, (wall, cpu, setup) in rows]
    Path("cpu-times.tsv").write_text("".join(lines), encoding="utf-8")
