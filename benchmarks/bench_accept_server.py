"""The review server's slow answers measured in a fresh process: the first and second Accept, and `report.pdf`.

1. Accept: a workspace with an open round and two comments proposing wordings (the shipped one: khoản 3 and điểm a
   khoản 1 Điều 5; `--long`: `bench_accept.py`'s 1,000-article regulation with an amendment of 100 instructions),
   served in process by Starlette's test client as the local drafter. A fresh process loads the comments page (as
   the drafter does before pressing Accept), then accepts the two proposals one after the other; the CPU of each
   POST (the thread doing the work included: `time.process_time`) and of the page it redirects to.
2. `--report N`: the 1,000-article workspace with N comments imported (one in ten general, the others on clause 1
   of articles spread over the text), `build_report` and the report as PDF written as `report.pdf` writes it: the
   CPU of reading the round, of our HTML, and of WeasyPrint's part (`render.pdf.write_pdf`), apart.

Run from the repository root: `.venv/bin/python benchmarks/bench_accept_server.py [--long] [--report 2500]`.
Walls are not printed: the machine is shared, and the load average is printed instead.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SHIPPED = "qc-sua-doi-2025"
K3 = ("3. Ban Thường vụ Tỉnh ủy chịu trách nhiệm trước Ban Chấp hành Đảng bộ tỉnh, Bộ Chính trị, Ban Bí thư về "
      "những quyết định của mình; hằng năm tự phê bình và phê bình, kiểm điểm tập thể, cá nhân và báo cáo kết quả "
      "với Ban Chấp hành Đảng bộ tỉnh và Ban Thường vụ Tỉnh ủy.")
POINT_A = ("a) Xây dựng chương trình làm việc toàn khóa, chương trình công tác hằng năm của Ban Chấp hành Đảng bộ "
           "tỉnh và của Ban Thường vụ Tỉnh ủy; chuẩn bị nội dung các kỳ hội nghị thường lệ Ban Chấp hành Đảng bộ tỉnh;")


def shipped(folder: Path) -> tuple[Path, str, list[tuple[str, str]]]:
    """The shipped workspace with round 1 open and two proposals: its root, the amendment, (what, comment id)."""
    from regdraft.workspace.rounds import add_comment, open_round
    from regdraft.workspace.store import init_workspace

    ws = init_workspace(folder / "ws", example_from=ROOT)
    open_round(ws, SHIPPED, "Lấy ý kiến", "2099-03-15", ["Ban Tổ chức Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy"])
    first = add_comment(ws, SHIPPED, "Ban Tổ chức Tỉnh ủy", "d5.k3", "Cả Ban Thường vụ.", proposal=K3).id
    second = add_comment(ws, SHIPPED, "Ủy ban Kiểm tra Tỉnh ủy", "d5.k1.a", "Hằng năm.", proposal=POINT_A).id
    return ws.root, SHIPPED, [("khoản 3 Điều 5", first), ("điểm a khoản 1 Điều 5", second)]


def long(folder: Path) -> tuple[Path, str, list[tuple[str, str]]]:
    """`bench_accept.py`'s workspace: 1,000 articles, 100 instructions, two proposals."""
    from benchmarks.bench_accept import BODY, _proposals, _targets
    from benchmarks.bench_from_edits import circulating_workspace, edited_texts

    _, old, edited = edited_texts()[0]
    root = circulating_workspace(old, edited, folder, BODY)
    return root, "bench-edits", _proposals(root, _targets(old, edited))


def accepts(root: Path, slug: str, proposals: list[tuple[str, str]]) -> None:
    """In this (fresh) process: the comments page, then each proposal accepted and the page after; CPU printed."""
    from starlette.testclient import TestClient

    from regdraft.web.app import create_app

    client = TestClient(create_app(root), base_url="http://127.0.0.1", follow_redirects=False)
    cpu = time.process_time()
    page = client.get(f"/a/{slug}/comments")
    print(f"| comments page, first of the process | {time.process_time() - cpu:.2f} |")
    found = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert found, page.text[:500]
    for n, (what, cid) in enumerate(proposals, 1):
        cpu = time.process_time()
        done = client.post(f"/a/{slug}/comments/{cid}/accept", data={"csrf": found.group(1), "reply": ""})
        posted = time.process_time() - cpu
        assert done.status_code == 303, done.text[:2000]
        client.get(done.headers["location"])
        print(f"| accept {n} ({what}) | {posted:.2f} |")
        print(f"| the page after it | {time.process_time() - cpu - posted:.2f} |")


def report(root: Path, slug: str, comments: int) -> None:
    """N comments imported, then the report read and written as PDF; CPU of each part printed."""
    from regdraft.render import pdf
    from regdraft.render.report import write_report
    from regdraft.workspace.profiles import profile_for
    from regdraft.workspace.rounds import build_report
    from regdraft.workspace.sheet_import import import_comments
    from regdraft.workspace.store import Workspace

    sheet = root.parent / "sheet.csv"
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["by", "on", "text", "proposal"])
        for n in range(comments):
            out.writerow(["Ban Tổ chức Tỉnh ủy", f"d{1 + (n * 7) % 1000}.k1" if n % 10 else "general",
                          f"Ý kiến số {n}: đề nghị làm rõ phạm vi áp dụng. " * 3, ""])
    ws = Workspace(root)
    import_comments(ws, slug, sheet)
    weasy = [0.0]
    real = pdf.write_pdf

    def timed(*args: object, **kwargs: object) -> object:
        start = time.process_time()
        try:
            return real(*args, **kwargs)  # type: ignore[arg-type]
        finally:
            weasy[0] += time.process_time() - start

    pdf.write_pdf = timed  # type: ignore[assignment]
    cpu = time.process_time()
    read = build_report(Workspace(root), slug, None)
    built = time.process_time() - cpu
    with tempfile.TemporaryDirectory() as folder:
        write_report(read, Path(folder) / "report.pdf", workspace_root=root, profile=profile_for(ws, read.meta))
    written = time.process_time() - cpu - built
    print(f"| the round read (`build_report`), {comments:,} comments | {built:.2f} |")
    print(f"| the report's HTML (ours) | {written - weasy[0]:.2f} |")
    print(f"| WeasyPrint (`render.pdf.write_pdf`: layout and PDF) | {weasy[0]:.2f} |")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--long", action="store_true", help="the 1,000-article workspace, not the shipped one")
    parser.add_argument("--report", type=int, default=0, help="report.pdf with this many comments (1,000 articles)")
    parser.add_argument("--run", help=argparse.SUPPRESS)  # the fresh process: a JSON of what to do
    args = parser.parse_args(argv)
    if args.run:
        job = json.loads(args.run)
        if job["what"] == "accept":
            accepts(Path(job["root"]), job["slug"], [tuple(p) for p in job["proposals"]])
        else:
            report(Path(job["root"]), job["slug"], job["comments"])
        return
    print(f"load average {os.getloadavg()[0]:.1f}\n")
    with tempfile.TemporaryDirectory() as tmp:
        root, slug, proposals = (long if args.long or args.report else shipped)(Path(tmp))
        # The disk cache warmed by a page in a process of its own, as a server that has been serving pages has it.
        job = {"what": "accept", "root": str(root), "slug": slug, "proposals": []}
        subprocess.run([sys.executable, __file__, "--run", json.dumps(job)], check=True, capture_output=True)
        print("| in one fresh server process | CPU s |\n| --- | --- |")
        if args.report:
            job = {"what": "report", "root": str(root), "slug": slug, "comments": args.report}
        else:
            job["proposals"] = proposals
        copy = Path(tmp) / "copy"
        shutil.copytree(root, copy, symlinks=True)
        job["root"] = str(copy)
        subprocess.run([sys.executable, __file__, "--run", json.dumps(job)], check=True)
    print(f"\nload average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
