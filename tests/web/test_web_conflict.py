"""The review server during an unresolved conflict: every page says so (409), nothing is written."""

from __future__ import annotations

import subprocess

from regdraft.workspace.store import Workspace
from tests.web.conftest import SLUG, client, head


def test_pages_report_a_conflict_and_writes_are_refused(review_ws: Workspace) -> None:
    relative = f"amendments/{SLUG}/amendment.md"
    path = review_ws.root / relative
    text = path.read_text(encoding="utf-8")
    line = next(t for t in text.split("\n") if t.startswith("b) Định kỳ 6 tháng"))
    path.write_text(text.replace(line, f"<<<<<<< HEAD\n{line}\n=======\n{line.replace('6 tháng', '4 tháng')}\n"
                                      ">>>>>>> 1a2b3c4 (Sửa khoản 2)"), encoding="utf-8")
    subprocess.run(["git", "-C", str(review_ws.root), "-c", "user.name=A", "-c", "user.email=a@b", "commit",
                    "-qam", "Commit a conflict by mistake"], check=True)
    before = head(review_ws)
    c = client(review_ws)
    for url in ("/", f"/a/{SLUG}/redline", f"/a/{SLUG}/comments"):
        page = c.get(url)
        assert page.status_code == 409, url
        assert "Conflict markers" in page.text and "khoản 2 Điều 1" in page.text
    assert head(review_ws) == before
