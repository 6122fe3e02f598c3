"""Issue 22's targets in one run: regdraft's commands against `git diff --no-index --word-diff` and `python -c pass`.

Every command runs as its own process, as a user runs it, `--runs` times (default 5); the table
gives the median wall time and the median CPU time (user + system of the child, from
`resource.getrusage(RUSAGE_CHILDREN)`). Other work on the machine stretches wall times; CPU time
much less, so both are printed, with the load average before and after.

- `compare --format html` of generated regulations (1,000 and 5,000 articles, 5 % of the articles
  edited, as `bench_diff.py`): cold (the files outside any workspace and the user's cache emptied
  before each run: parsed every run), warm outside a workspace (the readings in the user's cache,
  `$XDG_CACHE_HOME/regdraft`, here a temporary folder), warm inside a workspace (its
  `.git/regdraft-cache` holds their readings after a first run), and edited: a word added to the
  new text before each run, the old text in the cache (a drafter's edit-and-compare loop);
- `compare --format html` of a real law (Luật Đấu thầu 22/2023 from `../shared/corpus`, imported to
  Markdown) against a copy with one word added: cold, warm and edited, as above;
- `redline --format html` of the shipped amendment: cold (the cache emptied before each run) and warm;
- `redline` PDF of the shipped amendment, cold and warm;
- the 1,000-article consolidated PDF of `bench_export.py` (656 pages), in-process: pages per second;
- import times (`python -X importtime`): the modules each command loads, and that none of the heavy
  ones (WeasyPrint, GitPython, python-docx) is among them where it is not needed; whether Jinja2 is (a warm
  HTML redline whose templates are regdraft's own prints without it: `render.redline_page`).

Usage: python benchmarks/bench_speed.py [--runs 5] [--sizes 1000,5000] [--pdf-runs 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from itertools import count
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).with_name("regdraft")
HEAVY = ("weasyprint", "git", "docx")
# Commands are timed as installed: with Python's bytecode cache written and used.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: Sequence[str], runs: int, before: Callable[[], object] | None = None,
          cwd: Path | None = None) -> tuple[float, float]:
    """Median wall and CPU seconds of `runs` runs of `command` (`before` runs untimed before each)."""
    walls, cpus = [], []
    for _ in range(runs):
        if before is not None:
            before()
        cpu = _children_cpu()
        start = time.perf_counter()
        subprocess.run(command, check=False, capture_output=True, cwd=cwd, env=ENV)
        walls.append(time.perf_counter() - start)
        cpus.append(_children_cpu() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def load() -> str:
    return "{:.1f} {:.1f} {:.1f}".format(*os.getloadavg())


def _row(name: str, wall: float, cpu: float, target: str = "", reference: tuple[float, float] | None = None) -> str:
    ratio = f"{wall / reference[0]:.1f}× / {cpu / reference[1]:.1f}×" if reference else ""
    return f"| {name} | {wall:.3f} | {cpu:.3f} | {ratio} | {target} |"


def _empty_user_cache() -> None:
    shutil.rmtree(ENV["XDG_CACHE_HOME"], ignore_errors=True)


def _edit(path: Path, text: str, edits: Iterator[int]) -> None:
    """The drafter's loop: one more word in the new text, then compare again (the old text cached)."""
    path.write_text(text.replace("Điều lệ Đảng", f"Điều lệ Đảng ({next(edits)})", 1), encoding="utf-8")


def compare_rows(sizes: Sequence[int], runs: int, tmp: Path, workspace: Path) -> list[str]:
    from bench_diff import changed_copy
    from generate import generate

    rows = []
    for n in sizes:
        text = generate(n, seed=0)
        new_text, _ = changed_copy(text)
        outside, inside = tmp / f"outside-{n}", workspace / f"bench-{n}"
        for folder in (outside, inside):
            folder.mkdir()
            (folder / "old.md").write_text(text, encoding="utf-8")
            (folder / "new.md").write_text(new_text, encoding="utf-8")
        git = timed(["git", "diff", "--no-index", "--word-diff", str(outside / "old.md"), str(outside / "new.md")],
                    runs)
        rows.append(_row(f"`git diff --no-index --word-diff`, {n:,} articles", *git))
        edit_new = partial(_edit, outside / "new.md", new_text, count(1))
        for label, folder, before in (("cold: no cache", outside, _empty_user_cache),
                                      ("warm: outside a workspace, the user's cache", outside, None),
                                      ("warm: cache in the workspace", inside, None),
                                      ("edited: the new text changed since the last run", outside, edit_new)):
            command = [str(BIN), "compare", str(folder / "old.md"), str(folder / "new.md"), "--format", "html",
                       "-o", str(folder / "c.html")]
            subprocess.run(command, check=True, capture_output=True, env=ENV)  # warms the cache
            wall, cpu = timed(command, runs, before=before)
            rows.append(_row(f"`compare --format html`, {n:,} articles, {label}", wall, cpu,
                             "≤ 10× git", git))
    return rows


CORPUS_LAW = REPO.parent / "shared" / "corpus" / "amendments" / "luat-dau-thau-2023" / "base-22-2023-QH15.txt"


def real_law_rows(runs: int, tmp: Path) -> list[str]:
    """`compare` of a real law (Luật Đấu thầu 22/2023, from ../shared/corpus) and a copy with one word added:
    what a drafter waits for on a text of real size, where the fixed costs of a run dominate."""
    if not CORPUS_LAW.is_file():
        return [f"| real law: {CORPUS_LAW} not found, rows left out | | | | |"]
    folder = tmp / "real-law"
    folder.mkdir()
    old, new = folder / "old.md", folder / "new.md"
    subprocess.run([str(BIN), "import", str(CORPUS_LAW), "-o", str(old)], check=True, capture_output=True, env=ENV)
    text = old.read_text(encoding="utf-8")
    articles = len(re.findall(r"^#+ Điều ", text, flags=re.MULTILINE))
    paragraph = next(line for line in text.split("\n") if line.startswith("1\\. ") and len(line) > 80)
    edits = count(1)

    def edit() -> None:
        number = next(edits)
        new.write_text(text.replace(paragraph, f"{paragraph[:40]} (sửa {number}){paragraph[40:]}", 1), encoding="utf-8")

    edit()
    git = timed(["git", "diff", "--no-index", "--word-diff", str(old), str(new)], runs)
    name = f"Luật Đấu thầu 22/2023 ({articles} articles, {len(text.encode()) // 1000} KB)"
    rows = [_row(f"`git diff --no-index --word-diff`, {name}", *git)]
    command = [str(BIN), "compare", str(old), str(new), "--format", "html", "-o", str(folder / "c.html")]
    for label, before in (("cold: no cache", _empty_user_cache), ("warm", None),
                          ("edited: the new text changed since the last run", edit)):
        subprocess.run(command, check=True, capture_output=True, env=ENV)
        rows.append(_row(f"`compare --format html`, {name}, {label}", *timed(command, runs, before=before),
                         "", git))
    return rows


def redline_rows(runs: int, workspace: Path) -> list[str]:
    cache = workspace / ".git" / "regdraft-cache"

    def empty() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    rows = []
    for fmt, target_cold, target_warm in (("html", "≤ 0.3 s", "≤ 0.2 s"), ("pdf", "≤ 1.8 s", "≤ 1.8 s")):
        command = [str(BIN), "redline", "01-QC/TU", "--format", fmt, "-C", str(workspace)]
        subprocess.run(command, check=True, capture_output=True, env=ENV)
        rows.append(_row(f"`redline --format {fmt}`, shipped amendment, cold cache",
                         *timed(command, runs, before=empty), target_cold))
        subprocess.run(command, check=True, capture_output=True, env=ENV)
        rows.append(_row(f"`redline --format {fmt}`, shipped amendment, warm cache", *timed(command, runs),
                         target_warm))
    return rows


def big_pdf_rows(runs: int, tmp: Path) -> list[str]:
    """The 1,000-article consolidated PDF of bench_export.py, in-process: pages per second."""
    from bench_amend import hundred_instructions
    from generate import generate
    from pypdf import PdfReader

    from regdraft.core.amend.apply import apply
    from regdraft.core.amend.document import load_amendment
    from regdraft.core.consolidate import consolidate
    from regdraft.core.markdown import parse
    from regdraft.render.consolidated import consolidated_html
    from regdraft.render.html import environment
    from regdraft.render.pdf import ENGINE, write_pdf
    from regdraft.render.profile import load_profile

    reg = parse(generate(1000, seed=1))
    amendment = load_amendment(hundred_instructions(reg), "bench.md", "bench")
    meta = {"number": "99-QC/TU", "type": "Quy chế", "issuer": "TỈNH ỦY ĐIỆN BIÊN",
            "signed": "2025-03-15", "effective": "2025-04-01", "title": "Quy chế sửa đổi, bổ sung"}
    ct = consolidate(reg, [(meta, apply(reg, amendment))], dt.date(2025, 4, 1), words=load_profile({}).words("vi"))
    page = consolidated_html(ct, environment(None), load_profile({}), paged=True)
    ENGINE.setup()
    out = tmp / "big.pdf"
    walls, cpus = [], []
    for _ in range(runs):
        cpu, start = time.process_time(), time.perf_counter()
        write_pdf(page, out)
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    pages = len(PdfReader(out).pages)
    wall, cpu = statistics.median(walls), statistics.median(cpus)
    return [f"| 1,000-article consolidated PDF, {pages} pages, in-process ({runs} runs) | {wall:.2f} "
            f"({pages / wall:.1f} pages/s) | {cpu:.2f} ({pages / cpu:.1f} pages/s) | | ≥ 35 pages/s |"]


def import_rows(workspace: Path) -> list[str]:
    rows = []
    for name, args in (("`regdraft --help`", ["--help"]),
                       ("`redline --format html`", ["redline", "01-QC/TU", "--format", "html", "-C", str(workspace)]),
                       ("`redline` PDF", ["redline", "01-QC/TU", "-C", str(workspace)])):
        done = subprocess.run([sys.executable, "-X", "importtime", str(BIN), *args], capture_output=True, text=True,
                              env=ENV, check=False)
        loaded = {}
        for line in done.stderr.splitlines():
            parts = line.split("|")
            if len(parts) == 3 and parts[0].startswith("import time:") and parts[1].strip().isdigit():
                loaded[parts[2].strip()] = int(parts[0].split(":")[1])
        total = sum(loaded.values()) / 1e6
        heavy = ", ".join(h for h in HEAVY if h in loaded) or "none"
        jinja = "loaded" if "jinja2" in loaded else "not loaded"  # a warm printed redline needs no template
        rows.append(f"| imports of {name} (`-X importtime`, self times summed) | {total:.3f} | | | "
                    f"heavy modules loaded: {heavy}; Jinja2 {jinja} |")
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pdf-runs", type=int, default=5)
    parser.add_argument("--sizes", default="1000,5000")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    from regdraft.workspace.store import init_workspace

    started = load()
    rows = ["| measurement | wall (median) s | CPU (median) s | × git (wall / CPU) | target |",
            "| --- | --- | --- | --- | --- |",
            _row("`python -c pass`", *timed([sys.executable, "-c", "pass"], args.runs))]
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        ENV["XDG_CACHE_HOME"] = str(tmp / "user-cache")  # the user's cache of files in no workspace, ours alone
        workspace = init_workspace(tmp / "ws", example_from=REPO).root
        rows += compare_rows(sizes, args.runs, tmp, workspace)
        rows += real_law_rows(args.runs, tmp)
        rows += redline_rows(args.runs, workspace)
        rows += import_rows(workspace)
        if args.pdf_runs:
            rows += big_pdf_rows(args.pdf_runs, tmp)
    print(f"{args.runs} runs each; load average at the start {started}, at the end {load()} "
          f"({os.cpu_count()} cores); {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
