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
from regdraft.core.blocks import block_parser as _markdown  # noqa: E402
from regdraft.core.markdown import parse  # noqa: E402
from regdraft.core.markdown_writer import render  # noqa: E402


def timings(action: Callable[[], object], runs: int) -> tuple[float, float]:
    """The median and the best wall time of `action` over `runs` runs, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times)


def command_time(args: list[str], runs: int) -> tuple[float, float]:
    """The median wall time of running the `regdraft` console script in the repository."""
    exe = str(ROOT / ".venv" / "bin" / "regdraft")

    def run() -> None:
        subprocess.run([exe, *args], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)

    run()  # warm the file cache and the .pyc files
    return timings(run, runs)


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    rows = ["| measurement | size | median | best | throughput (median) | target |",
            "|---|---|---|---|---|---|"]
    for n, target in ((1000, 0.4), (5000, 2.5)):
        text = generate(n)
        assert render(parse(text)) == text, "the generated file must be canonical"
        both = timings(lambda: render(parse(text)), args.runs)  # noqa: B023
        parse_only = timings(lambda: parse(text), args.runs)  # noqa: B023
        bare = timings(lambda: _markdown().parse(text), args.runs)  # noqa: B023
        reference = type(_markdown())("commonmark").enable("table")
        full = timings(lambda: reference.parse(text), args.runs)  # noqa: B023
        size = f"{n:,} articles, {len(text) / 1e6:.1f} M chars"
        for name, seconds, goal in (
            ("parse + render", both, f"< {target} s"),
            ("parse only", parse_only, ""),
            ("markdown-it, block rules only (as regdraft configures it)", bare, ""),
            ("markdown-it, full CommonMark with inline parsing", full, ""),
        ):
            rate = len(text) / seconds[0] / 1e6
            median, best = seconds
            rows.append(f"| {name} | {size} | {median:.3f} s | {best:.3f} s | {rate:.1f} M chars/s | {goal} |")
    for label, argv, goal in (("`regdraft --help`", ["--help"], "< 0.15 s"),
                              ("`regdraft show 01-QC/TU d1`", ["show", "01-QC/TU", "d1"], "< 0.3 s")):
        median, best = command_time(argv, args.runs)
        rows.append(f"| {label} | | {median:.3f} s | {best:.3f} s | | {goal} |")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
