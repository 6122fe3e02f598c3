"""The review server's pages of a new regulation's draft (docs/amendments.md, "A new regulation replacing the old
one"): its home, its redline against the text it replaces, its comments and its report."""

from __future__ import annotations

import re

from regdraft.workspace.rounds import add_comment, open_round
from regdraft.workspace.store import Workspace
from tests.conftest import run_cli
from tests.web.conftest import client


def test_the_pages_of_a_new_regulations_draft(tmp_workspace: Workspace) -> None:
    made = run_cli(tmp_workspace, "amend", "new", "quy-che-xv", "--replacing", "01-QC/TU", "--id", "01-QC/TU-XV")
    assert made.exit_code == 0, made.output
    path = tmp_workspace.root / "amendments/quy-che-xv/amendment.md"
    text = path.read_text(encoding="utf-8").replace("khóa XIV, nhiệm kỳ 2020 - 2025", "khóa XV, nhiệm kỳ 2025 - 2030")
    tmp_workspace.commit({"amendments/quy-che-xv/amendment.md": text.encode("utf-8")}, "Draft 1")
    open_round(tmp_workspace, "quy-che-xv", "Lấy ý kiến", "2099-10-15", ["Ban Tổ chức Tỉnh ủy"])
    add_comment(tmp_workspace, "quy-che-xv", "Ban Tổ chức Tỉnh ủy", "Điều 12 khoản 2", "Đề nghị bổ sung.")
    c = client(tmp_workspace)
    assert c.get("/a/quy-che-xv").status_code == 303  # to its redline, as an amendment's
    pages = {url: c.get(url) for url in ("/", "/a/quy-che-xv/redline", "/a/quy-che-xv/comments",
                                          "/a/quy-che-xv/report")}
    assert {url: page.status_code for url, page in pages.items()} == dict.fromkeys(pages, 200)
    redline = " ".join(re.sub(r"<[^>]+>", " ", pages["/a/quy-che-xv/redline"].text).split())
    assert "khóa XV, nhiệm kỳ 2025 - 2030" in redline and "khóa XIV" in redline  # the draft against the old text
    assert "Đề nghị bổ sung." in pages["/a/quy-che-xv/comments"].text
