"""Benchmark working together: the conflict check every command runs first, and `regdraft sync`.

Run from the repository root: `.venv/bin/python benchmarks/bench_sync.py [--runs 5]`.
Prints a Markdown table (the one in docs/performance.md). The shared remote is a bare
repository on a local path (no network), so the numbers are regdraft's and git's own work.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.bench_parse import timings  # noqa: E402
from regdraft.workspace.resolve import find_conflict  # noqa: E402
from regdraft.workspace.store import Workspace, init_workspace  # noqa: E402

EXE = str(ROOT / ".venv" / "bin" / "regdraft")
COMMENT = """id: {id}
round: 1
by: Ban Tổ chức Tỉnh ủy
provision: d5.k2
type: substantive
text: Đề nghị giữ định kỳ 6 tháng (góp ý số {n}).
created: '2025-07-02T09:14:03+07:00'
"""


def add_comments(ws: Workspace, count: int, start: int = 0) -> None:
    """Commit `count` comment files to the shipped amendment in one commit."""
    folder = "amendments/qc-sua-doi-2025/comments"
    ws.commit({f"{folder}/b{n:05x}.yaml": COMMENT.format(id=f"b{n:05x}", n=n).encode()
               for n in range(start, start + count)}, f"Add {count} comments")


def run(args: list[str], cwd: Path) -> None:
    subprocess.run([EXE, *args], cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("GIT_CONFIG_GLOBAL", os.devnull)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        ws = init_workspace(base / "lan", example_from=ROOT)
        for count in (0, 2000, 10000):
            if count:
                add_comments(ws, count - (2000 if count == 10000 else 0), 2000 if count == 10000 else 0)
            median, best = timings(lambda: find_conflict(ws), args.runs)
            rows.append((f"conflict check before every command, {count:,} comment files", median, best))
        median, best = timings(lambda: run(["show", "01-QC/TU", "d1"], ws.root), args.runs)
        rows.append(("`regdraft show 01-QC/TU d1` with 10,000 comment files", median, best))

        share = base / "share.git"
        subprocess.run(["git", "init", "-q", "--bare", str(share)], check=True)
        run(["init", "--remote", str(share)], ws.root)
        subprocess.run(["git", "clone", "-q", "-b", "main", str(share), str(base / "minh")], check=True)
        median, best = timings(lambda: run(["sync"], ws.root), args.runs)
        rows.append(("`regdraft sync`, nothing new on either side", median, best))

        minh = Workspace(base / "minh")
        times = []
        for n in range(args.runs):
            add_comments(minh, 50, 20000 + 100 * n)
            run(["sync"], minh.root)
            add_comments(ws, 1, 30000 + n)  # so that the histories diverge and sync rebases
            start = time.perf_counter()
            run(["sync"], ws.root)
            times.append(time.perf_counter() - start)
        rows.append(("`regdraft sync`, 50 comments in, 1 out (rebase)", statistics.median(times), min(times)))
    print("| measurement | median | best |")
    print("|---|---|---|")
    for name, median, best in rows:
        print(f"| {name} | {median * 1000:.0f} ms | {best * 1000:.0f} ms |")


if __name__ == "__main__":
    main()
