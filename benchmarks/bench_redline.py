"""Benchmark the redline PDF of the shipped pending amendment, end to end.

Creates a fresh example workspace in a temporary folder and times `regdraft redline 01-QC/TU`
(the CLI process, start to finish) and, in-process, each stage: build, HTML, PDF.

The CLI is reported as the median and best wall time and the median user CPU time of its runs:
on a shared machine the user time is the steadier of the two.

Usage: python benchmarks/bench_redline.py [--repeat 5] [--layout table] [--changed-only]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> None:
    """Print the wall time of the CLI and of each stage."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--layout", choices=("inline", "table"), default="inline")
    parser.add_argument("--changed-only", action="store_true")
    args = parser.parse_args(argv)
    from regdraft.render import redline as rr
    from regdraft.workspace import redline as rl
    from regdraft.workspace.store import init_workspace

    with tempfile.TemporaryDirectory() as tmp:
        ws = init_workspace(Path(tmp) / "ws", example_from=REPO)
        walls, users = [], []
        for _ in range(args.repeat):
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
            start = time.perf_counter()
            command = [str(Path(sys.executable).with_name("regdraft")), "redline", "01-QC/TU", "-C", str(ws.root),
                       "--layout", args.layout] + (["--changed-only"] if args.changed_only else [])
            subprocess.run(command, check=True, capture_output=True)
            walls.append(time.perf_counter() - start)
            users.append(resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime - before)
        stages = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            redline = rl.build(ws, "01-QC/TU")
            t1 = time.perf_counter()
            html = rr.render_html(redline, layout=args.layout, changed_only=args.changed_only)
            t2 = time.perf_counter()
            from regdraft.render.pdf import write_pdf

            write_pdf(html, ws.root / "out" / "bench.pdf")
            t3 = time.perf_counter()
            stages.append((t1 - t0, t2 - t1, t3 - t2))
        best = min(stages, key=sum)
        what = "redline PDF" if args.layout == "inline" else "comparison table PDF"
        what += " (--changed-only)" if args.changed_only else ""
        print(f"{what} of the shipped amendment: CLI wall {statistics.median(walls):.2f} s median, "
              f"{min(walls):.2f} s best, user CPU {statistics.median(users):.2f} s median ({args.repeat} runs); "
              f"in-process build {best[0] * 1000:.0f} ms, HTML {best[1] * 1000:.0f} ms, PDF {best[2]:.2f} s; "
              f"{len(redline.comparison.changes)} changes")


if __name__ == "__main__":
    main()
