"""Benchmark one comment submission on the review server when the round already holds many comments.

A fresh example workspace with round 1 open on draft 2 and `--comments` comment files recorded in one commit
(`comment import` of a sheet: bodies, provisions and texts varied), served in process (Starlette's test client,
no network), as the local drafter; then `--repeat` submissions, each a new comment. For each it times the whole
POST (up to the redirect) and the part that holds the workspace write lock (`Server.write`: the checks of the form,
the duplicate check, the YAML file and the commit), in wall time and in the CPU time of its thread (the machine
is shared), and the CPU time of reading the round's comments there (`load_comments`). The first submission of the
process (imports, the first reading of every comment file) is reported apart. The comment files are left 2.5 s
to age first: a file changed in the 2 s before it is looked at is read again (`workspace.comment_cache`).

Usage: python benchmarks/bench_review_many.py [--comments 500] [--repeat 20]
"""

from __future__ import annotations

import argparse
import csv
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SLUG = "qc-sua-doi-2025"
BODIES = ("Ban Tổ chức Tỉnh ủy", "Văn phòng Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy")
PLACES = ("d1", "d2", "d5.k2", "d7", "general")


def _sheet(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["by", "on", "text", "proposal"])
        for n in range(rows):
            out.writerow([BODIES[n % 3], PLACES[n % 5], f"Ý kiến số {n}: đề nghị làm rõ phạm vi áp dụng. " * 4, ""])


def main(argv: list[str] | None = None) -> None:
    """Print the median and worst times of a submission, whole and under the lock."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)
    from starlette.testclient import TestClient

    from regdraft.web import app as web_app
    from regdraft.workspace import rounds
    from regdraft.workspace.rounds import open_round
    from regdraft.workspace.sheet_import import import_comments
    from regdraft.workspace.store import init_workspace

    held: list[float] = []
    cpu: list[float] = []
    reads: list[float] = []
    original, load = web_app.Server.write, rounds.load_comments

    def timed(self: Any, action: Any) -> Any:
        start, start_cpu = time.perf_counter(), time.thread_time()
        try:
            return original(self, action)
        finally:
            held.append(time.perf_counter() - start)
            cpu.append(time.thread_time() - start_cpu)

    def loading(*args: Any, **kwargs: Any) -> Any:
        start = time.thread_time()
        try:
            return load(*args, **kwargs)
        finally:
            reads.append(time.thread_time() - start)

    web_app.Server.write = timed  # type: ignore[method-assign]
    rounds.load_comments = loading
    with tempfile.TemporaryDirectory() as tmp:
        ws = init_workspace(Path(tmp) / "ws", example_from=ROOT)
        open_round(ws, SLUG, "Lấy ý kiến", "2025-03-15", list(BODIES))
        if args.comments:
            sheet = Path(tmp) / "gop-y.csv"
            _sheet(sheet, args.comments)
            import_comments(ws, SLUG, sheet)
            time.sleep(2.5)  # a round's comments are older than the 2 s within which a file is read again
        client = TestClient(web_app.create_app(ws.root), base_url="http://127.0.0.1", follow_redirects=False)
        page = client.get(f"/a/{SLUG}/redline")
        token = re.search(r'name="csrf" value="([^"]+)"', page.text)
        assert token
        posts = []
        for n in range(args.repeat + 1):
            form = {"csrf": token.group(1), "round": "1", "body": BODIES[n % 3], "name": f"Người {n}",
                    "on": "d5.k2", "text": f"Góp ý mới số {n}.", "proposal": "", "type": ""}
            start = time.perf_counter()
            sent = client.post(f"/a/{SLUG}/comments", data=form)
            posts.append(time.perf_counter() - start)
            assert sent.status_code == 303, sent.text[:500]

    def show(times: list[float]) -> str:
        return f"{statistics.median(times) * 1000:.1f} ms median, {max(times) * 1000:.1f} ms worst"

    print(f"{args.comments} comments recorded; first submission {posts[0] * 1000:.0f} ms "
          f"({held[0] * 1000:.0f} ms under the lock)")
    print(f"submission, whole POST: {show(posts[1:])} ({args.repeat} runs)")
    print(f"submission, under the write lock: {show(held[1:])}; CPU {show(cpu[1:])}")
    print(f"reading the comments under the lock (duplicate check, member bound), CPU: {show(reads[1:])}")


if __name__ == "__main__":
    main()
