"""Benchmark comparing a regulation whose one paragraph is a single 5 MB line (issue 13).

Builds an article whose text is one line of generated sentences (5 MB by default), and a copy
with a few sentences edited (and one with many), then times `regdraft.core.diff.compare`
(parsing excluded) and the whole `regdraft compare OLD NEW -o redline.html` command, checking
each time that the comparison rebuilds both texts exactly.

Run from the repository root: `.venv/bin/python benchmarks/bench_long_line.py [--mb 5] [--repeat 3]`.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.generate import _sentence  # noqa: E402
from regdraft.core.diff import compare  # noqa: E402
from regdraft.core.markdown import parse  # noqa: E402
from regdraft.core.word_diff import new_side, old_side  # noqa: E402

HEAD = "---\nid: X/1\ntype: Quy chế\ntitle: Một dòng dài\nlanguage: vi\nissuer: A\nsigned: 2021-01-09\n---\n\n"
ARTICLE = "## Điều 1. Một đoạn rất dài\n\n"


def long_line(megabytes: float, seed: int = 0) -> list[str]:
    """Sentences adding up to `megabytes` of text, to be joined by spaces into one line."""
    rng = random.Random(seed)
    sentences: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        sentences.append(_sentence(rng))
        size += len(sentences[-1].encode("utf-8")) + 1
    return sentences


def edited(sentences: list[str], count: int, seed: int = 1) -> list[str]:
    """A copy with `count` sentences edited: words replaced, deleted or added."""
    rng = random.Random(seed)
    out = list(sentences)
    for k in rng.sample(range(len(out)), count):
        edit = k % 3
        if edit == 0:
            out[k] = out[k].replace("Tỉnh ủy", "Ban Chấp hành Tỉnh ủy", 1).replace("các", "toàn bộ các", 1)
        elif edit == 1:
            out[k] = out[k].rstrip(".") + ", bảo đảm kịp thời và đúng quy định."
        else:
            words = out[k].split(" ")
            out[k] = " ".join(words[:2] + words[4:])
    return out


def document(sentences: list[str]) -> str:
    return HEAD + ARTICLE + " ".join(sentences) + "\n"


def time_compare(old_text: str, new_text: str, repeat: int) -> tuple[float, int]:
    """Median seconds of `compare`, and the number of changes; checks the exactness of the result."""
    old, new = parse(old_text, "old.md"), parse(new_text, "new.md")
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = compare(old, new)
        times.append(time.perf_counter() - start)
    for provision in result.provisions:
        if not provision.identical:
            assert old_side(provision.text) == "\n".join(provision.old.text if provision.old else [])
            assert new_side(provision.text) == "\n".join(provision.new.text if provision.new else [])
    return statistics.median(times), len(result.changes)


def time_command(old: Path, new: Path, out: Path) -> float:
    start = time.perf_counter()
    subprocess.run([str(Path(sys.executable).parent / "regdraft"), "compare", str(old), str(new), "-o", str(out)],
                   check=True, capture_output=True)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    sentences = long_line(args.mb)
    base = document(sentences)
    cases = {"equal": base, "3 sentences edited": document(edited(sentences, 3)),
             "300 sentences edited": document(edited(sentences, 300))}
    print(f"one line of {len(sentences):,} sentences, {len(base.encode('utf-8')) / 1e6:.1f} MB")
    with tempfile.TemporaryDirectory() as tmp:
        old_file = Path(tmp) / "old.md"
        old_file.write_text(base, encoding="utf-8")
        for name, text in cases.items():
            seconds, changes = time_compare(base, text, args.repeat)
            new_file = Path(tmp) / "new.md"
            new_file.write_text(text, encoding="utf-8")
            command = time_command(old_file, new_file, Path(tmp) / "redline.html")
            print(f"{name:>22}: compare {seconds:6.2f} s ({changes} changed provision), "
                  f"`regdraft compare -o redline.html` {command:6.2f} s")


if __name__ == "__main__":
    main()
