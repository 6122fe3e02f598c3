"""Two trees of regdraft timed against each other, run after run: what a change costs where users wait.

On a machine shared with other work, timings drift by more than most changes cost; running the two
trees alternately, the same command each time, puts both through the same drift. Each run is its own
process, as a user runs it, with the tree on PYTHONPATH (`python -P`), Python's bytecode cache
written and used, and the command's cache warm (a run of each tree before timing); the table gives the
median and best CPU time (user + system of the child).

- `compare --format html` of generated regulations (1,000 articles, 5 % of them edited, as
  `bench_diff.py`), outside a workspace, the readings in a per-tree user cache;
- `redline --format html` of the shipped amendment, in a workspace made by `init --example`;
- with `--edited`, the same `compare` with a word added to the new text before each run (the drafter's loop: the
  old text in the cache, the new one read again), and with `--cold`, with the user cache emptied before each run.

Usage: python benchmarks/bench_alternate.py BEFORE_TREE AFTER_TREE [--runs 9] [--articles 1000] [--edited] [--cold]
(e.g. a `git worktree add /tmp/before d54c3d2` beside the working tree).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from itertools import count
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
CLI = "from regdraft.cli import main; main()"


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(tree: Path, args: Sequence[str], cache: Path) -> float:
    """The CPU seconds of one run of the command in `tree`."""
    before = _cpu()
    subprocess.run([sys.executable, "-P", "-c", CLI, *args], check=True, capture_output=True,
                   env=dict(ENV, PYTHONPATH=str(tree), XDG_CACHE_HOME=str(cache)))
    return _cpu() - before


def alternate(trees: Sequence[Path], args: Sequence[str], runs: int, tmp: Path,
              before: Callable[[Path], object] | None = None) -> list[list[float]]:
    """CPU seconds of `runs` runs of each tree, taken in turn, after one untimed run of each; `before(cache)` is
    called (untimed) before each run."""
    caches = [tmp / f"cache-{k}" for k in range(len(trees))]
    for tree, cache in zip(trees, caches, strict=True):
        _run(tree, args, cache)
    times: list[list[float]] = [[] for _ in trees]
    for _ in range(runs):
        for k, (tree, cache) in enumerate(zip(trees, caches, strict=True)):
            if before is not None:
                before(cache)
            times[k].append(_run(tree, args, cache))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--edited", action="store_true", help="also time compare with the new text edited each run")
    parser.add_argument("--cold", action="store_true", help="also time compare with the user cache emptied each run")
    options = parser.parse_args()
    from bench_diff import changed_copy
    from generate import generate

    trees = [options.before.resolve(), options.after.resolve()]
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        text = generate(options.articles, seed=0)
        (tmp / "old.md").write_text(text, encoding="utf-8")
        (tmp / "new.md").write_text(changed_copy(text)[0], encoding="utf-8")
        subprocess.run([sys.executable, "-P", "-c", CLI, "init", "--example", str(tmp / "office")], check=True,
                       capture_output=True, env=dict(ENV, PYTHONPATH=str(trees[1])))
        commands = {
            f"`compare --format html`, {options.articles:,} articles, warm":
                ["compare", str(tmp / "old.md"), str(tmp / "new.md"), "--format", "html", "-o", str(tmp / "c.html")],
            "`redline --format html`, shipped amendment, warm":
                ["redline", "01-QC/TU", "--format", "html", "-o", str(tmp / "r.html"), "-C", str(tmp / "office")],
        }
        print(f"{options.runs} runs of each tree, alternated; load average {os.getloadavg()[0]:.1f} at the start")
        print("| measurement | before: median (best) s CPU | after: median (best) s CPU |")
        print("| --- | --- | --- |")
        compare = commands[next(iter(commands))]
        new_text, edits = (tmp / "new.md").read_text(encoding="utf-8"), count(1)

        def edit(_cache: Path) -> None:
            (tmp / "new.md").write_text(new_text.replace("Điều lệ Đảng", f"Điều lệ Đảng ({next(edits)})", 1),
                                        encoding="utf-8")

        def empty(cache: Path) -> None:
            shutil.rmtree(cache, ignore_errors=True)

        hooks: dict[str, Callable[[Path], object] | None] = dict.fromkeys(commands)
        if options.edited:
            commands[f"`compare --format html`, {options.articles:,} articles, the new text edited before each run"] \
                = compare
            hooks[next(reversed(commands))] = edit
        if options.cold:
            commands[f"`compare --format html`, {options.articles:,} articles, cold (user cache emptied)"] = compare
            hooks[next(reversed(commands))] = empty
        for name, args in commands.items():
            before, after = alternate(trees, args, options.runs, tmp, hooks[name])
            print(f"| {name} | {statistics.median(before):.3f} ({min(before):.3f}) "
                  f"| {statistics.median(after):.3f} ({min(after):.3f}) |")
        print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
