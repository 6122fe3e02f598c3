"""Benchmark importing a comment sheet of many rows (issue 13): time, peak memory, one commit.

For each size, a fresh example workspace with round 1 open, a CSV of that many comment rows
(bodies, provisions and texts varied), and `regdraft comment import` run as its own process;
prints the wall time, the process's peak resident memory and the number of files in the commit.

Run from the repository root: `.venv/bin/python benchmarks/bench_comment_import.py [1000 10000 100000]`.
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from regdraft.workspace.rounds import open_round  # noqa: E402
from regdraft.workspace.store import init_workspace  # noqa: E402

SLUG = "qc-sua-doi-2025"
BODIES = ("Ban Tổ chức Tỉnh ủy", "Văn phòng Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy")
PLACES = ("d1", "d2", "d5.k2", "d7", "general")


def write_sheet(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["by", "on", "text", "proposal"])
        for n in range(rows):
            out.writerow([BODIES[n % 3], PLACES[n % 5], f"Ý kiến số {n}: đề nghị làm rõ phạm vi áp dụng.",
                          "" if n % 4 else f"Sửa thành: nội dung {n}."])


def run(rows: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ws = init_workspace(Path(tmp) / "ws", example_from=ROOT)
        open_round(ws, SLUG, "Lấy ý kiến", "2025-03-15", list(BODIES))
        sheet = Path(tmp) / "gop-y.csv"
        write_sheet(sheet, rows)
        command = [str(Path(sys.executable).parent / "regdraft"), "comment", "import", SLUG, str(sheet),
                   "--workspace", str(ws.root)]
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        error = child.stderr.read().decode() if child.stderr else ""
        if status:
            raise SystemExit(f"import failed: {error}")
        files = subprocess.run(["git", "-C", str(ws.root), "show", "--name-only", "--format=", "HEAD"],
                               capture_output=True, text=True, check=True).stdout.split()
        peak = usage.ru_maxrss / 1024  # kilobytes on Linux
        print(f"{rows:>7,} rows ({sheet.stat().st_size / 1e6:5.1f} MB): {seconds:6.1f} s, peak memory {peak:6.0f} MB, "
              f"{len(files):,} files in one commit")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1_000, 10_000, 100_000])
    args = parser.parse_args(argv)
    for rows in args.sizes:
        run(rows)


if __name__ == "__main__":
    main()
