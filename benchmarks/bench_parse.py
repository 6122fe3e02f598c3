"""Benchmark parse + render of large regulations and the start-up time of two commands.

Run from the repository root: `.venv/bin/python benchmarks/bench_parse.py [--runs 5]`.
Prints a Markdown table (the one in docs/performance.md).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.generate import generate  # noqa: E402
from regdraft.markdown import _markdown, parse, render  # noqa: E402


def median_time(action: Callable[[], object], runs: int) -> float:
    """The median wall time of `action` over `runs` runs, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def command_time(args: list[str], runs: int) -> float:
    """The median wall time of running the `regdraft` console script in the repository."""
    exe = str(ROOT / ".venv" / "bin" / "regdraft")

    def run() -> None:
        subprocess.run([exe, *args], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)

    run()  # warm the file cache and the .pyc files
    return median_time(run, runs)


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    rows = ["| measurement | size | median | throughput | target |", "|---|---|---|---|---|"]
    for n, target in ((1000, 0.4), (5000, 2.5)):
        text = generate(n)
        assert render(parse(text)) == text, "the generated file must be canonical"
        both = median_time(lambda: render(parse(text)), args.runs)  # noqa: B023
        parse_only = median_time(lambda: parse(text), args.runs)  # noqa: B023
        bare = median_time(lambda: _markdown().parse(text), args.runs)  # noqa: B023
        reference = type(_markdown())("commonmark").enable("table")
        full = median_time(lambda: reference.parse(text), args.runs)  # noqa: B023
        size = f"{n:,} articles, {len(text) / 1e6:.1f} M chars"
        for name, seconds, goal in (
            ("parse + render", both, f"< {target} s"),
            ("parse only", parse_only, ""),
            ("markdown-it, block rules only (as regdraft configures it)", bare, ""),
            ("markdown-it, full CommonMark with inline parsing", full, ""),
        ):
            rate = len(text) / seconds / 1e6
            rows.append(f"| {name} | {size} | {seconds:.3f} s | {rate:.1f} M chars/s | {goal} |")
    helps = command_time(["--help"], args.runs)
    rows.append(f"| `regdraft --help` | | {helps:.3f} s | | < 0.15 s |")
    show = command_time(["show", "01-QC/TU", "d1"], args.runs)
    rows.append(f"| `regdraft show 01-QC/TU d1` | | {show:.3f} s | | < 0.3 s |")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
