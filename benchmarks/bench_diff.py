"""Benchmark the diff stage on generated regulations with 5 % of articles changed.

Runs `regdraft.core.diff.compare` (parsing excluded) and, in the same run on the same files,
`git diff --no-index --word-diff=porcelain`, and prints both times and change counts.

Usage: python benchmarks/bench_diff.py [1000 5000 ...] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate  # noqa: E402

from regdraft.core.diff import compare  # noqa: E402
from regdraft.core.markdown import parse  # noqa: E402
from regdraft.core.word_diff import Op  # noqa: E402

_EDITS = (
    lambda s: s.replace("Tỉnh ủy", "Ban Thường vụ Tỉnh ủy", 1),
    lambda s: re.sub(r"([.;:])$", r", bảo đảm kịp thời và đúng quy định\1", s),
    lambda s: re.sub(r"\b(\w+) (\w+) ", r"\1 ", s, count=1),
    lambda s: s.replace("các", "toàn bộ các", 1),
)


def changed_copy(text: str, share: float = 0.05, seed: int = 1) -> tuple[str, int]:
    """The text with `share` of its articles edited in one paragraph; returns it and the count."""
    rng = random.Random(seed)
    lines = text.split("\n")
    heads = [i for i, line in enumerate(lines) if re.match(r"^#+ Điều \d+", line)]
    chosen = sorted(rng.sample(range(len(heads)), max(1, int(len(heads) * share))))
    for k in chosen:
        start = heads[k] + 1
        end = heads[k + 1] if k + 1 < len(heads) else len(lines)
        body = [i for i in range(start, end) if lines[i].strip() and not lines[i].startswith("#")]
        i = rng.choice(body)
        edited = rng.choice(_EDITS)(lines[i])
        if edited == lines[i]:
            edited = lines[i].rstrip(".;:") + " và các quy định khác" + lines[i][-1:]
        lines[i] = edited
    return "\n".join(lines), len(chosen)


def git_word_diff(old: Path, new: Path) -> tuple[float, int, int]:
    """Seconds, hunks and changed word runs of `git diff --no-index --word-diff=porcelain`."""
    start = time.perf_counter()
    out = subprocess.run(["git", "diff", "--no-index", "--word-diff=porcelain", str(old), str(new)],
                         capture_output=True, text=True, check=False).stdout
    seconds = time.perf_counter() - start
    lines = out.splitlines()
    hunks = sum(1 for line in lines if line.startswith("@@"))
    runs = sum(1 for line in lines if line[:1] in ("-", "+") and line[:3] not in ("---", "+++"))
    return seconds, hunks, runs


def run(n: int, repeat: int) -> dict[str, float]:
    """Time both tools on an n-article regulation; return the measurements."""
    text = generate(n, seed=0)
    new_text, edited = changed_copy(text)
    old_reg, new_reg = parse(text), parse(new_text)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = compare(old_reg, new_reg)
        times.append(time.perf_counter() - start)
    runs = sum(1 for c in result.changes for s in c.segments if s.op is not Op.EQUAL)
    with tempfile.TemporaryDirectory() as tmp:
        old_file, new_file = Path(tmp) / "old.md", Path(tmp) / "new.md"
        old_file.write_text(text, encoding="utf-8")
        new_file.write_text(new_text, encoding="utf-8")
        git = [git_word_diff(old_file, new_file) for _ in range(repeat)]
    git_time = min(g[0] for g in git)
    # The first run is the one a command pays: later ones reuse the word caches of `regdraft.core.align`.
    print(f"{n:>6} articles, {edited} edited: regdraft {min(times) * 1000:7.1f} ms (first {times[0] * 1000:.1f}), "
          f"{len(result.changes)} changes ({runs} edit runs) | git word-diff {git_time * 1000:7.1f} ms, "
          f"{git[0][1]} hunks ({git[0][2]} changed word runs)")
    return {"n": n, "ours": min(times), "first": times[0], "changes": len(result.changes), "git": git_time,
            "git_hunks": git[0][1], "git_runs": git[0][2]}


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark for each size given (default 1000 and 5000 articles)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 5000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    for n in args.sizes:
        run(n, args.repeat)


if __name__ == "__main__":
    main()
