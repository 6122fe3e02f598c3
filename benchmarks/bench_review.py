"""Benchmark the review server: the redline page of the shipped amendment, and a comment submission.

Creates a fresh example workspace with round 1 open on draft 2 and starts the server
(uvicorn, in a thread, on a free port of 127.0.0.1); then times over HTTP:
- the redline page of the draft circulating in the round: the first request after a commit
  (built from the workspace) and the following ones (the page's data is kept per commit);
- a comment submission: the POST that writes the comment's YAML file and commits it, up to
  the redirect (the page it redirects to is not counted).

Usage: python benchmarks/bench_review.py [--repeat 20]
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SLUG = "qc-sua-doi-2025"


def main(argv: list[str] | None = None) -> None:
    """Print the median and worst times of the redline page and of a comment submission."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)
    import httpx2 as httpx
    import uvicorn

    from regdraft.web.app import create_app
    from regdraft.workspace.rounds import open_round
    from regdraft.workspace.store import init_workspace

    with tempfile.TemporaryDirectory() as tmp:
        ws = init_workspace(Path(tmp) / "ws", example_from=REPO)
        open_round(ws, SLUG, "Lấy ý kiến", "2025-03-15", ["Ban Tổ chức Tỉnh ủy", "Văn phòng Tỉnh ủy"])
        server = uvicorn.Server(uvicorn.Config(create_app(ws.root), host="127.0.0.1", port=0, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.02)
        port = server.servers[0].sockets[0].getsockname()[1]
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            first, warm, posts = [], [], []
            for n in range(args.repeat):
                t0 = time.perf_counter()
                page = client.get(f"/a/{SLUG}/redline")     # first request after the last commit
                t1 = time.perf_counter()
                client.get(f"/a/{SLUG}/redline")
                t2 = time.perf_counter()
                assert page.status_code == 200
                token = re.search(r'name="csrf" value="([^"]+)"', page.text)
                assert token
                form = {"csrf": token.group(1), "round": "1", "body": "Ban Tổ chức Tỉnh ủy", "name": f"Người {n}",
                        "on": "d5.k2", "text": f"Góp ý số {n}.", "proposal": "", "type": ""}
                t3 = time.perf_counter()
                sent = client.post(f"/a/{SLUG}/comments", data=form)
                t4 = time.perf_counter()
                assert sent.status_code == 303, sent.text[:500]
                first.append(t1 - t0)
                warm.append(t2 - t1)
                posts.append(t4 - t3)
        server.should_exit = True
        thread.join(10)

    def show(times: list[float]) -> str:
        return f"{statistics.median(times) * 1000:.0f} ms median, {max(times) * 1000:.0f} ms worst"

    print(f"redline page, first request after a commit: {show(first)} ({args.repeat} runs)")
    print(f"redline page, again: {show(warm)}")
    print(f"comment submission (write + commit): {show(posts)}")


if __name__ == "__main__":
    main()
