"""Accepting a reviewer's proposal on a long draft: the office's Accept on the review page.

The workspace of `bench_from_edits.py` (a 1,000-article regulation and the amendment `amend
from-edits` writes for its 100 edits), a round opened on it, and two comments with a proposed
wording: one on a clause the amendment does not touch, one on a clause it already replaces.
`accept_proposal` (what the review server's Accept calls) runs in-process for each, `--runs`
times, the two commits it makes undone before each run (untimed): median wall and CPU.

Run from the repository root: `.venv/bin/python benchmarks/bench_accept.py [--runs 3]`.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.bench_from_edits import BIN, ENV, GIT_USER, circulating_workspace, edited_texts  # noqa: E402
from regdraft.core.errors import RegdraftError  # noqa: E402
from regdraft.core.model import Address, Regulation  # noqa: E402

BODY = "Ban Tổ chức Tỉnh ủy"


def _targets(old: Regulation, edited: Regulation) -> list[tuple[str, str]]:
    """(what, address) for a clause the edits leave alone and one they change."""
    def clause(reg: Regulation, code: str) -> object:
        try:
            return reg.find(Address.parse(code)).unit
        except RegdraftError:
            return None

    codes = [f"d{n}.k1" for n in range(500, 1000)]
    untouched = next(c for c in codes if clause(old, c) is not None and clause(old, c) == clause(edited, c))
    replaced = next(c for c in codes if clause(old, c) is not None and clause(edited, c) is not None
                    and clause(old, c) != clause(edited, c))
    return [("a clause the amendment leaves alone", untouched), ("a clause the amendment replaces", replaced)]


def _proposals(workspace: Path, targets: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(what, comment id) of a comment with a proposed wording on each target."""
    made = []
    for what, on in targets:
        done = subprocess.run([str(BIN), "comment", "add", "bench-edits", "--by", BODY, "--on", on, "--text",
                               "Đề nghị sửa lại.", "--proposal", "Nội dung khoản này được viết lại theo góp ý.",
                               "--json", "-C", str(workspace)], check=True, capture_output=True, text=True, env=ENV)
        fields = json.loads(done.stdout)
        made.append((f"{what} ({on})", fields.get("id") or fields["comment"]["id"]))
    return made


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"load average {os.getloadavg()[0]:.1f}\n")
    _, old, edited = edited_texts()[0]
    from regdraft.workspace.proposals import accept_proposal
    from regdraft.workspace.store import Workspace

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        workspace = circulating_workspace(old, edited, tmp, BODY)
        proposals = _proposals(workspace, _targets(old, edited))
        git = ["git", "-C", str(workspace), *GIT_USER]
        head = subprocess.run([*git, "rev-parse", "HEAD"], check=True, capture_output=True, text=True).stdout.strip()
        print("| accepted proposal, 1,000 articles, 100 instructions | median wall s | median CPU s |")
        print("| --- | --- | --- |")
        for what, cid in proposals:
            walls, cpus = [], []
            for _ in range(args.runs):
                subprocess.run([*git, "reset", "-q", "--hard", head], check=True, capture_output=True)
                ws = Workspace(workspace)
                cpu, start = time.process_time(), time.perf_counter()
                accept_proposal(ws, "bench-edits", cid)
                walls.append(time.perf_counter() - start)
                cpus.append(time.process_time() - cpu)
            print(f"| {what} | {statistics.median(walls):.2f} | {statistics.median(cpus):.2f} |")
    print(f"\nload average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
