"""`comment import` of a Word reply on a long draft: 40 comments and tracked changes on 1,000 articles.

The workspace of `bench_from_edits.py` (a 1,000-article regulation and the amendment `amend
from-edits` writes for 100 edits), a round opened on it and its Word review copy
(`round copy`, about 10,000 paragraphs). A reviewer's reply is made from the copy as Word makes it
(`tests/word_reply_kit.py`): 40 passages of two words, every third replaced with Track Changes
and the others commented on. The import runs as its own process, twice each way (the commit it
makes undone before each run, untimed):

- the reply as sent, every paragraph carrying the copy's hidden address marks;
- the same reply with the marks stripped (a reply retyped or copied into another file): every
  paragraph and commented passage is found by its text, so many commented words stand in hundreds
  of provisions; `--place-unplaced general` so that the import commits.

Run from the repository root: `.venv/bin/python benchmarks/bench_word_reply.py [--runs 2]`.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.bench_from_edits import (  # noqa: E402
    BIN,
    ENV,
    GIT_USER,
    circulating_workspace,
    edited_texts,
    run_undone,
)
from tests.word_reply_kit import comment, isolate, open_docx, save, strip_bookmarks, track_replace  # noqa: E402

BODY = "Ban Tổ chức Tỉnh ủy"


def make_replies(copy: Path, tmp: Path) -> tuple[Path, Path]:
    """The reply with its address marks, and the same without them."""
    document = open_docx(copy)
    paragraphs = [p for p in document.paragraphs if len(p.text) > 80]
    rng = random.Random(3)
    for i, paragraph in enumerate(rng.sample(paragraphs, 40)):
        runs = [r for r in paragraph.runs if len(r.text.split()) > 4]
        if not runs:
            continue
        needle = " ".join(runs[0].text.split()[1:3])
        try:
            run = isolate(paragraph, needle)
        except AssertionError:
            continue
        if i % 3 == 0:
            track_replace(run, needle + " mới", BODY)
        else:
            comment(document, run, f"Góp ý số {i}: đề nghị xem lại.", BODY)
    marked = save(document, tmp / "reply.docx")
    strip_bookmarks(document)
    return marked, save(document, tmp / "reply-retyped.docx")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args(argv)
    print(f"load average {os.getloadavg()[0]:.1f}\n")
    name, old, edited = edited_texts()[0]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        workspace = circulating_workspace(old, edited, tmp, BODY)
        rd = [str(BIN)]
        copy = tmp / "copy.docx"
        start = time.perf_counter()
        subprocess.run([*rd, "round", "copy", "bench-edits", "-o", str(copy), "-C", str(workspace)], check=True,
                       capture_output=True, env=ENV)
        print(f"`round copy` of the 1,000-article draft: {time.perf_counter() - start:.2f} s wall\n")
        marked, retyped = make_replies(copy, tmp)
        git = ["git", "-C", str(workspace), *GIT_USER]
        print("| reply | median wall s | median CPU s | comments recorded |")
        print("| --- | --- | --- | --- |")
        for label, reply, extra in (("with the copy's address marks", marked, []),
                                    ("marks stripped, placed by text", retyped, ["--place-unplaced", "general"])):
            walls, cpus, recorded = [], [], 0
            for _ in range(args.runs):
                command = [*rd, "comment", "import", "bench-edits", str(reply), "--by", BODY, *extra,
                           "-C", str(workspace)]
                wall, cpu, output = run_undone(command, git)
                walls.append(wall)
                cpus.append(cpu)
                recorded = sum(1 for line in output.splitlines() if BODY in line)
            print(f"| {label} | {statistics.median(walls):.2f} | {statistics.median(cpus):.2f} | {recorded} |")
    print(f"\n({name}) load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
