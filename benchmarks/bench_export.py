"""Benchmark the consolidated-text exports.

1. The shipped regulation with the shipped amendment adopted (in a throw-away copy of the
   example workspace), exported as PDF and as DOCX, in-process: the first run (which pays for
   importing WeasyPrint or python-docx) and the median of the following runs.
2. `regdraft export ... --format pdf` as a command (wall time, Python start-up included).
3. A generated 1,000-article regulation with 100 instructions of every kind applied, as a
   consolidated PDF, with WeasyPrint's progress bar on stderr; pages and pages per second.

Run from the repository root: `.venv/bin/python benchmarks/bench_export.py [--runs 3]`.
Targets (issue 7): PDF of the shipped regulation under 2.5 s; DOCX under 1 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.bench_amend import hundred_instructions  # noqa: E402
from benchmarks.generate import generate  # noqa: E402
from regdraft.core.amend import apply, load_amendment  # noqa: E402
from regdraft.core.consolidate import consolidate  # noqa: E402
from regdraft.core.markdown import parse  # noqa: E402
from regdraft.render.consolidated import consolidated_html  # noqa: E402
from regdraft.render.html import environment  # noqa: E402
from regdraft.render.pdf import write_pdf  # noqa: E402
from regdraft.render.profile import load_profile  # noqa: E402
from regdraft.workspace.export import export_regulation  # noqa: E402
from regdraft.workspace.store import Workspace  # noqa: E402

BIN = Path(sys.executable).parent / "regdraft"


def first_and_median(action: Callable[[], object], runs: int) -> tuple[float, float]:
    """The first run's time and the median of `runs` more, in seconds."""
    times = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times[0], statistics.median(times[1:])


def pages(path: Path) -> int:
    """How many pages a PDF has."""
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def main(argv: list[str] | None = None) -> None:
    """Run the benchmarks and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        workspace = folder / "ws"
        subprocess.run([str(BIN), "init", "--example", str(workspace)], check=True, capture_output=True)
        subprocess.run([str(BIN), "amend", "adopt", "qc-sua-doi-2025", "--signed", "2025-03-15",
                        "--effective", "2025-04-01", "--force", "--reason", "benchmark: effective after signing",
                        "-C", str(workspace)], check=True, capture_output=True)
        ws = Workspace(workspace)
        for fmt, limit in (("pdf", 2.5), ("docx", 1.0)):
            out = folder / f"hop-nhat.{fmt}"

            def run(out: Path = out) -> None:
                export_regulation(ws, "01-QC/TU", out, as_of="2025-06-01")

            first, median = first_and_median(run, args.runs)
            extra = f", {pages(out)} pages" if fmt == "pdf" else ""
            rows.append((f"consolidated {fmt.upper()} of the shipped regulation (in-process{extra})",
                         f"{first:.2f} first / {median:.2f} median", str(limit)))
        start = time.perf_counter()
        subprocess.run([str(BIN), "export", "01-QC/TU", "--as-of", "2025-06-01", "-o", str(folder / "cli.pdf"),
                        "-C", str(workspace)], check=True, capture_output=True)
        rows.append(("`regdraft export 01-QC/TU --format pdf` (one process)",
                     f"{time.perf_counter() - start:.2f}", "-"))

        reg = parse(generate(1000, seed=1))
        amendment = load_amendment(hundred_instructions(reg), "bench.md", "bench")
        meta = {"number": "99-QC/TU", "type": "Quy chế", "issuer": "TỈNH ỦY ĐIỆN BIÊN",
                "signed": "2025-03-15", "effective": "2025-04-01", "title": "Quy chế sửa đổi, bổ sung"}
        start = time.perf_counter()
        ct = consolidate(reg, [(meta, apply(reg, amendment))], dt.date(2025, 4, 1), words=load_profile({}).words("vi"))
        page = consolidated_html(ct, environment(None), load_profile({}), paged=True)
        prepared = time.perf_counter() - start
        big = folder / "big.pdf"
        print("1,000-article consolidated PDF:", file=sys.stderr)
        start = time.perf_counter()
        write_pdf(page, big, progress=True)
        elapsed = time.perf_counter() - start
        count = pages(big)
        rows.append((f"1,000-article consolidated PDF ({len(ct.footnotes)} footnotes, {count} pages): "
                     f"consolidate + HTML {prepared:.2f} s, PDF", f"{elapsed:.2f} ({count / elapsed:.1f} pages/s)",
                     "-"))
    print("| benchmark | seconds | target (s) |")
    print("|---|---|---|")
    for name, shown, target in rows:
        print(f"| {name} | {shown} | {target} |")


if __name__ == "__main__":
    main()
